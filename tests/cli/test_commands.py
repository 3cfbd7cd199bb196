"""``readout WORD``: a command, a file to open, or an error listing the commands; -V; --debug."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.about import version
from desktop.app import NO_DISPLAY_MESSAGE
from desktop.cli import COMMANDS, looks_like_a_file, main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in (env or os.environ).items() if k not in ("DISPLAY",)}
    environment.pop("WAYLAND_DISPLAY", None)
    environment.pop("QT_QPA_PLATFORM", None)  # no display: a file argument ends at that check
    environment["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=120,
    )


def test_an_unknown_command_is_rejected_with_the_list_of_commands(tmp_path: Path) -> None:
    completed = run("frobnicate", cwd=tmp_path)
    assert completed.returncode == 2
    assert completed.stdout == ""
    line = completed.stderr.strip()
    assert line.startswith("readout: unknown command 'frobnicate'")
    assert ", ".join(COMMANDS) in line
    assert "./frobnicate" in line


def test_a_misspelt_command_gets_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compar", "a.txt"]) == 2
    assert "did you mean compare?" in capsys.readouterr().err


def test_arguments_written_like_files_are_files_even_when_missing(tmp_path: Path) -> None:
    (tmp_path / "frobnicate").write_text("an article without a suffix", encoding="utf-8")
    for argument in ("frobnicate", "./missing", "notes.txt", "~/article", "https://example.org/x"):
        completed = run(argument, cwd=tmp_path)
        # A file goes to the window, which here has no display: the no-display line, status 1.
        assert completed.returncode == 1, (argument, completed.stderr)
        assert completed.stderr.strip() == NO_DISPLAY_MESSAGE, argument


def test_what_looks_like_a_file() -> None:
    assert looks_like_a_file("statement.pdf")
    assert looks_like_a_file("folder/statement")
    assert looks_like_a_file("file:///tmp/x")
    assert looks_like_a_file(str(SEED))
    assert not looks_like_a_file("frobnicate")
    assert not looks_like_a_file("sesions")


def test_dash_capital_v_and_version_print_the_version(tmp_path: Path) -> None:
    for option in ("-V", "--version"):
        completed = run(option, cwd=tmp_path)
        assert completed.returncode == 0
        assert completed.stdout.strip() == f"readout {version()}"


def test_a_quiet_compare_writes_no_log_and_debug_logs_to_stderr_and_the_file(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k not in ("READOUT_LOG_DIR", "XDG_STATE_HOME")}
    env["HOME"] = str(home)
    quiet = run("compare", str(SEED), cwd=tmp_path, env=env)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == ""
    assert not (home / ".local" / "state").exists(), "nothing logged, nothing written"

    logs = tmp_path / "log"
    env["READOUT_LOG_DIR"] = str(logs)
    loud = run("compare", str(SEED), "--json", "--debug", cwd=tmp_path, env=env)
    assert loud.returncode == 0, loud.stderr
    assert loud.stdout.lstrip().startswith("{"), "--debug is not part of the command's arguments"
    assert " DEBUG " in loud.stderr
    assert " DEBUG " in (logs / "readout.log").read_text(encoding="utf-8")
