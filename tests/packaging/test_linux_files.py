"""The desktop entry, MIME type and AppStream metainfo are valid and agree with the app."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeDatabase

from desktop.app import DESKTOP_FILE_ID
from desktop.ingest.formats import SUPPORTED_SUFFIXES
from desktop.launch import SESSION_SUFFIX
from tests.packaging.conftest import ROOT

LINUX = ROOT / "packaging" / "linux"
DESKTOP_FILE = LINUX / f"{DESKTOP_FILE_ID}.desktop"
MIME_XML = LINUX / f"{DESKTOP_FILE_ID}.xml"
METAINFO = LINUX / f"{DESKTOP_FILE_ID}.metainfo.xml"
SESSION_TYPE = "application/x-readout-session"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed here (make system-deps installs it)")
    return path


def test_desktop_entry_validates() -> None:
    completed = subprocess.run(
        [tool("desktop-file-validate"), str(DESKTOP_FILE)], capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "error" not in completed.stdout


def test_metainfo_validates() -> None:
    completed = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", "--explain", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_mime_xml_is_what_update_mime_database_accepts(tmp_path: Path) -> None:
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME_XML, packages)
    completed = subprocess.run(
        [tool("update-mime-database"), "-V", str(tmp_path / "mime")],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stderr
    assert "error" not in completed.stderr.lower()
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"{SESSION_TYPE}:*{SESSION_SUFFIX}" in globs
    assert SESSION_TYPE in (tmp_path / "mime" / "types").read_text(encoding="utf-8")


def test_mime_xml_declares_the_session_type_for_dot_readout() -> None:
    root = ET.parse(MIME_XML).getroot()
    types = root.findall(f"{MIME_NS}mime-type")
    assert [t.get("type") for t in types] == [SESSION_TYPE]
    globs = [g.get("pattern") for g in types[0].findall(f"{MIME_NS}glob")]
    assert globs == [f"*{SESSION_SUFFIX}"]
    assert types[0].find(f"{MIME_NS}sub-class-of").get("type") == "application/zip"  # type: ignore[union-attr]


def test_the_entry_launches_the_gui_with_files_and_shows_the_icon() -> None:
    values = entry()
    assert values["Type"] == "Application"
    assert values["Exec"] == "readout-gui %F"
    assert values["TryExec"] == "readout-gui"
    assert values["Icon"] == DESKTOP_FILE_ID
    assert values["Terminal"] == "false"
    assert values["StartupWMClass"] == "Readout"  # QCoreApplication's application name


def test_the_entry_opens_every_format_readout_reads() -> None:
    declared = set(filter(None, entry()["MimeType"].split(";")))
    assert SESSION_TYPE in declared
    database = QMimeDatabase()
    if database.mimeTypeForName("application/pdf").isValid() is False:
        pytest.skip("no shared-mime-info database here")
    for suffix in SUPPORTED_SUFFIXES:
        mime = database.mimeTypeForFile(f"x{suffix}", QMimeDatabase.MatchMode.MatchExtension)
        if mime.isDefault():
            continue  # a suffix the system has no type for (.text): nothing to associate
        names = {mime.name(), *mime.aliases()}
        assert names & declared, f"{suffix} is {mime.name()}, not in MimeType="
    for required in ("text/plain", "text/html", "application/pdf", "message/rfc822"):
        assert required in declared
    assert "application/vnd.openxmlformats-officedocument.wordprocessingml.document" in declared


def test_metainfo_names_the_entry_and_the_session_type() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == DESKTOP_FILE_ID
    assert root.findtext("launchable") == DESKTOP_FILE.name
    assert SESSION_TYPE in [m.text for m in root.iter("mediatype")]
    binaries = {b.text for b in root.iter("binary")}
    assert binaries == {"readout", "readout-gui"}


def test_the_launchers_named_in_the_entry_are_the_ones_pip_installs() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["gui-scripts"]["readout-gui"] == "desktop.app:gui_main"
    assert project["scripts"]["readout"] == "desktop.cli:main"
