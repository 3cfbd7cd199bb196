"""The man pages are generated from the argument parsers and kept up to date."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from desktop.cli import COMMANDS
from tests.packaging.conftest import ROOT, packaging_module

PAGES = ROOT / "packaging" / "linux"


def test_the_shipped_man_pages_are_what_the_parsers_generate() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make_manpage.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr


def test_the_readout_page_lists_every_command_and_option_of_the_parsers() -> None:
    manpage = packaging_module("make_manpage")
    page = manpage.readout_page()
    for name in COMMANDS:
        assert f".SS readout {name}\n" in page
    for option in ("--debug", "--version", "--db", "--json", "--pdf", "--page-size", "--search"):
        assert manpage.escape(option) in page, option
    assert ".SS readout sessions export\n" in page
    gui = manpage.readout_gui_page()
    assert manpage.escape("--smoke-dir") in gui


def test_man_renders_the_pages_without_warnings() -> None:
    if shutil.which("man") is None:
        pytest.skip("man is not installed here")
    for page in ("readout.1", "readout-gui.1"):
        completed = subprocess.run(
            ["man", "--warnings", "-P", "cat", "-l", str(PAGES / page)],
            capture_output=True,
            text=True,
            env=dict(os.environ, MANWIDTH="80", MAN_KEEP_FORMATTING="0"),
            timeout=60,
        )
        assert completed.returncode == 0, completed.stderr
        assert completed.stderr == "", completed.stderr
        text = re.sub(r".\x08", "", completed.stdout)  # overstrike bold and underline
        assert "SYNOPSIS" in text
        assert "readout" in text.split("SYNOPSIS", 1)[1]
