"""The wheel: it carries every file the app loads, and an unpacked copy runs outside the
checkout (what pip does with a pure wheel). The full route — a fresh venv with Debian's
pip, pipx — is ``make install-check`` (packaging/install_check.sh), run by CI."""

from __future__ import annotations

import email
import json
import os
import subprocess
import sys
import zipfile
from email.message import Message
from pathlib import Path

import pytest

from desktop.about import DISTRIBUTION
from tests.packaging.conftest import ROOT, SAMPLE

BUILD_TIMEOUT_S = 300
DEVANAGARI_CASE = ROOT / "tests" / "cases" / "04-modi-xi-tianjin-nonascii"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel ``python -m build`` makes (without isolation: no network in the suite)."""
    out = tmp_path_factory.mktemp("dist")
    completed = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=BUILD_TIMEOUT_S,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel unpacked into a folder far from the checkout."""
    target = tmp_path_factory.mktemp("site-packages")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def wheel_metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(archive.read(name))


def asset_names(folder: str, inside: str) -> set[str]:
    """Where every file of the repository's ``folder`` lies in the wheel."""
    root = ROOT / folder
    return {
        f"{inside}/{path.relative_to(root).as_posix()}"
        for path in root.rglob("*")
        if path.is_file() and "screenshots" not in path.parts and "__pycache__" not in path.parts
    }


def test_the_wheel_carries_resources_seeds_model_data_and_migrations(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    expected = asset_names("resources", "desktop/resources") | asset_names("seeds", "desktop/seeds")
    expected |= asset_names("desktop/engine/data", "desktop/engine/data")
    expected |= {
        f"db/migrations/{p.relative_to(ROOT / 'db' / 'migrations').as_posix()}"
        for p in (ROOT / "db" / "migrations").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert "desktop/resources/fonts/NotoSerifDevanagari-Regular.ttf" in expected
    assert f"desktop/seeds/{SAMPLE.name}" in expected
    assert expected <= names, f"missing from the wheel: {sorted(expected - names)}"
    assert not any("screenshots" in name for name in names)
    assert not any(name.startswith(("resources/", "seeds/", "tests/")) for name in names)
    licences = {Path(n).name for n in names if ".dist-info/licenses/" in n}
    assert {"LICENSE", "OFL.txt"} <= licences


def test_the_wheel_names_the_free_distribution_its_dependencies_and_urls(wheel: Path) -> None:
    meta = wheel_metadata(wheel)
    assert meta["Name"] == DISTRIBUTION == "readout-desktop"
    requires = meta.get_all("Requires-Dist") or []
    names = {
        r.split(";")[0].split("[")[0].split("<")[0].split(">")[0].split("~")[0] for r in requires
    }
    assert "lxml-html-clean" in names, "listed directly: old pip skips trafilatura's extra"
    assert "simplemma" not in names
    pyside = [r for r in requires if r.startswith("PySide6-Essentials")]
    assert any("<6.12" in r and 'python_version < "3.12"' in r for r in pyside), pyside
    assert any("<" not in r.split(";")[0] and 'python_version >= "3.12"' in r for r in pyside)
    classifiers = meta.get_all("Classifier") or []
    for minor in ("3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {minor}" in classifiers
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert {"Homepage", "Source", "Issues", "Changelog"} <= set(urls)


def _outside_checkout(installed: Path, tmp_path: Path) -> dict[str, str]:
    """Environment that imports ``desktop`` and ``db`` from the unpacked wheel only."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("READOUT_")}
    env.update(
        PYTHONPATH=str(installed),
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "home" / "share"),
        READOUT_LOG_DIR=str(tmp_path / "log"),
        READOUT_DB=str(tmp_path / "sessions.sqlite3"),
        TMPDIR=str(tmp_path),
    )
    return env


def test_the_unpacked_wheel_reads_its_files_from_the_package(
    installed: Path, tmp_path: Path
) -> None:
    script = (
        "import json, desktop, db.schema\n"
        "from desktop.paths import resources_dir, sample_path\n"
        "from desktop.export.fonts import fonts_dir\n"
        "print(json.dumps({'desktop': desktop.__file__, 'resources': str(resources_dir()),\n"
        "  'sample': str(sample_path()), 'fonts': str(fonts_dir()),\n"
        "  'migrations': str(db.schema.MIGRATIONS), 'version': desktop.__version__}))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=_outside_checkout(installed, tmp_path),
        cwd=tmp_path,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    found = json.loads(completed.stdout)
    for key in ("desktop", "resources", "sample", "fonts", "migrations"):
        assert Path(found[key]).is_relative_to(installed), f"{key}: {found[key]}"
        assert Path(found[key]).exists(), f"{key}: {found[key]}"
    assert found["version"] == wheel_metadata_version(installed)


def wheel_metadata_version(installed: Path) -> str:
    (info,) = installed.glob("*.dist-info")
    return str(email.message_from_bytes((info / "METADATA").read_bytes())["Version"])


def test_the_unpacked_wheel_compares_exports_devanagari_and_passes_its_smoke_test(
    installed: Path, tmp_path: Path
) -> None:
    env = _outside_checkout(installed, tmp_path)
    sample = installed / "desktop" / "seeds" / SAMPLE.name
    compared = subprocess.run(
        [sys.executable, "-m", "desktop", "compare", str(sample)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert compared.returncode == 0, compared.stderr
    assert "background claims are absent" in compared.stdout.splitlines()[0]

    pdf = tmp_path / "hindi.pdf"
    exported = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "compare",
            str(DEVANAGARI_CASE / "official.txt"),
            str(DEVANAGARI_CASE / "article.txt"),
            "--pdf",
            str(pdf),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert exported.returncode == 0, exported.stderr
    assert "no font for Devanagari" not in exported.stderr
    assert b"NotoSerifDevanagari" in pdf.read_bytes(), "the bundled font is embedded"

    smoke = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from desktop.app import gui_main; sys.exit(gui_main())",
            "--smoke",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert smoke.stdout.strip().splitlines()[-1] == "smoke: ok"
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["hindi.pdf"], f"the smoke test left {left} in the temporary folder"
