"""The standalone bundle: PyInstaller builds it from packaging/readout.spec, and it runs.

Marked ``bundle``: the build takes about a minute on a 2-core machine; ``make test`` and
CI run it, ``pytest -m 'not bundle'`` leaves it out.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.about import version
from desktop.app import DESKTOP_FILE_ID
from tests.packaging.conftest import ROOT, SAMPLE

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(sys.platform != "linux", reason="CI builds the Linux bundle only"),
]
BUILD_TIMEOUT_S = 1200


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``dist/readout`` built into a temporary folder (once for this module)."""
    if importlib.util.find_spec("PyInstaller") is None:
        message = "PyInstaller is not installed: pip install -e '.[bundle]' (make does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    work = tmp_path_factory.mktemp("bundle")
    log = work / "pyinstaller.log"
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as output:
        completed = subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--log-level=WARN",
                "--distpath",
                str(work / "dist"),
                "--workpath",
                str(work / "build"),
                str(ROOT / "packaging" / "readout.spec"),
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            timeout=BUILD_TIMEOUT_S,
        )
    tail = log.read_text(encoding="utf-8")[-3000:]
    assert completed.returncode == 0, f"PyInstaller failed:\n{tail}"
    print(f"bundle built in {time.monotonic() - started:.0f} s")
    return work / "dist" / "readout"


def bundle_env(tmp_path: Path) -> dict[str, str]:
    """No display, no Qt platform chosen: --smoke must pick offscreen itself."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("PYTHONPATH", None)
    env["TMPDIR"] = str(tmp_path)
    env["HOME"] = str(tmp_path / "home")
    return env


def test_the_bundle_smoke_test_opens_the_sample_and_exports_a_pdf(
    bundle: Path, tmp_path: Path
) -> None:
    completed = subprocess.run(
        [str(bundle / "readout"), "--smoke"],
        capture_output=True,
        text=True,
        env=bundle_env(tmp_path),
        cwd=tmp_path,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    lines = completed.stdout.strip().splitlines()
    assert lines[-1] == "smoke: ok"
    report = "\n".join(lines)
    assert "background claims are absent from the official readout" in report
    assert "PDF written" in report
    assert re.search(r"sessions database .* revision \d+", report), report
    assert "HTML reader ok" in report
    assert not (tmp_path / "home" / ".local" / "share" / "readout").exists()
    assert not (tmp_path / "home" / ".local" / "state" / "readout").exists(), "no log written"
    assert not [p.name for p in tmp_path.iterdir() if p.name != "home"], "temp folder left"


def test_the_bundle_smoke_test_keeps_its_files_where_asked(bundle: Path, tmp_path: Path) -> None:
    keep = tmp_path / "kept"
    completed = subprocess.run(
        [str(bundle / "readout"), "--smoke", "--smoke-dir", str(keep)],
        capture_output=True,
        text=True,
        env=bundle_env(tmp_path),
        cwd=tmp_path,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    pdf = Path(completed.stdout.strip().splitlines()[-1])
    assert pdf.is_relative_to(keep) and pdf.read_bytes().startswith(b"%PDF-")
    assert (keep / "sessions.sqlite3").is_file()


def test_the_bundle_answers_to_readout_gui_and_carries_licence_notices(
    bundle: Path, tmp_path: Path
) -> None:
    gui = tmp_path / "readout-gui"
    gui.symlink_to(bundle / "readout")
    completed = subprocess.run(
        [str(gui), "--version"],
        capture_output=True,
        text=True,
        env=bundle_env(tmp_path),
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == f"readout {version()}"
    helped = subprocess.run(
        [str(gui), "--help"], capture_output=True, text=True, env=bundle_env(tmp_path), timeout=60
    )
    assert helped.stdout.startswith("usage: readout-gui"), helped.stdout
    notices = (bundle / "_internal" / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    for expected in ("PySide6", "LGPL-3.0", "wordfreq", "CC-BY-SA-4.0", "OFL-1.1", "certifi"):
        assert expected in notices, expected
    licences = bundle / "_internal" / "licenses"
    assert (licences / "Qt-6" / "LGPL-3.0.txt").is_file()
    assert (licences / "wordfreq" / "LICENSE.txt").is_file()


def test_the_bundle_is_also_the_readout_command(bundle: Path, tmp_path: Path) -> None:
    completed = subprocess.run(
        [str(bundle / "readout"), "compare", str(SAMPLE), "--json"],
        capture_output=True,
        text=True,
        env=bundle_env(tmp_path),
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert result["engine"].startswith("readout ")
    assert result["summary"]["background"]["absent"] > 0


def test_the_bundle_carries_resources_sample_fonts_and_migrations(bundle: Path) -> None:
    inside = bundle / "_internal"
    for relative in (
        "desktop/resources/readout.qss",
        "desktop/resources/icons/readout.svg",
        "desktop/resources/icons/png/readout-512.png",
        "desktop/resources/fonts/NotoNaskhArabic-Regular.ttf",
        "desktop/resources/fonts/NotoSerifDevanagari-Regular.ttf",
        f"desktop/seeds/{SAMPLE.name}",
        "desktop/engine/data/model.json",
        "db/migrations/env.py",
        f"packaging/linux/{DESKTOP_FILE_ID}.desktop",
        "certifi/cacert.pem",
        "wordllama/weights/l2_supercat_256.safetensors",
    ):
        assert (inside / relative).is_file(), f"{relative} is missing from the bundle"
    assert list(inside.glob(f"readout_desktop-{version()}.dist-info/METADATA")), "the version"
    revisions = sorted(p.name for p in (ROOT / "db" / "migrations" / "versions").glob("0*.py"))
    bundled = sorted(p.name for p in (inside / "db" / "migrations" / "versions").glob("0*.py"))
    assert bundled == revisions and revisions
    assert not (inside / "desktop" / "resources" / "screenshots").exists()
    assert not (inside / "resources").exists(), "one layout: the wheel's"
    word_lists = {p.name for p in (inside / "wordfreq" / "data").iterdir()}
    assert word_lists == {"large_en.msgpack.gz", "small_en.msgpack.gz"}


def test_the_bundle_installs_its_own_desktop_entry(bundle: Path, tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    env = dict(os.environ, XDG_DATA_HOME=str(data_home), HOME=str(tmp_path))
    completed = subprocess.run(
        [str(bundle / "install-desktop-entry")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    entry = (data_home / "applications" / f"{DESKTOP_FILE_ID}.desktop").read_text("utf-8")
    executable = (bundle / "readout").resolve()
    assert f"Exec={executable} %F" in entry.splitlines()
    icon = data_home / "icons" / "hicolor" / "256x256" / "apps" / f"{DESKTOP_FILE_ID}.png"
    assert icon.is_file()
