"""``make deb``'s staging and control file, on a stand-in bundle (the real one is built and
installed by ``make deb-check`` in CI)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.about import version
from desktop.app import DESKTOP_FILE_ID
from tests.packaging.conftest import packaging_module

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or shutil.which("dpkg-deb") is None, reason="Debian tools"
)


@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    """A folder shaped like dist/readout/ whose one binary links to zlib and liblzma."""
    bundle = tmp_path / "readout"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copyfile("/usr/bin/zstd", bundle / "readout")
    (bundle / "readout").chmod(0o755)
    (bundle / "_internal" / "THIRD-PARTY-NOTICES.txt").write_text("notices\n", encoding="utf-8")
    (bundle / "install-desktop-entry").symlink_to("_internal/packaging/linux/install.sh")
    return bundle


def test_the_deb_installs_the_bundle_launchers_and_desktop_files(
    fake_bundle: Path, tmp_path: Path
) -> None:
    make_deb = packaging_module("make_deb")
    deb = make_deb.build(fake_bundle, tmp_path / "out", compression="none", level=0)
    assert deb.name == f"readout-desktop_{version()}_{make_deb.architecture()}.deb"
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    paths = {line.split()[5].removeprefix(".") for line in listing.splitlines()}
    for expected in (
        "/opt/readout-desktop/readout",
        "/opt/readout-desktop/_internal/THIRD-PARTY-NOTICES.txt",
        f"/usr/share/applications/{DESKTOP_FILE_ID}.desktop",
        f"/usr/share/mime/packages/{DESKTOP_FILE_ID}.xml",
        f"/usr/share/metainfo/{DESKTOP_FILE_ID}.metainfo.xml",
        f"/usr/share/icons/hicolor/scalable/apps/{DESKTOP_FILE_ID}.svg",
        f"/usr/share/icons/hicolor/512x512/apps/{DESKTOP_FILE_ID}.png",
        "/usr/share/man/man1/readout.1.gz",
        "/usr/share/man/man1/readout-gui.1.gz",
        "/usr/share/doc/readout-desktop/copyright",
    ):
        assert expected in paths, expected
    assert "/opt/readout-desktop/install-desktop-entry" not in paths, "per-user installer left out"
    links = [line for line in listing.splitlines() if line.startswith("l")]
    assert any("./usr/bin/readout -> /opt/readout-desktop/readout" in line for line in links)
    assert any("./usr/bin/readout-gui -> /opt/readout-desktop/readout" in line for line in links)
    assert all(" root/root " in line for line in listing.splitlines())


def test_the_control_file_depends_on_what_the_bundle_links_to(
    fake_bundle: Path, tmp_path: Path
) -> None:
    make_deb = packaging_module("make_deb")
    deb = make_deb.build(fake_bundle, tmp_path / "out", compression="none", level=0)
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    control = dict(line.split(": ", 1) for line in fields.splitlines() if ": " in line)
    assert control["Package"] == "readout-desktop"
    assert control["Version"] == version()
    depends = control["Depends"].split(", ")
    assert depends[0].startswith("libc6 (>= 2.")
    assert {"zlib1g", "liblzma5"} <= set(depends), "the stand-in binary links to both"
    assert "fonts-dejavu-core" in depends
    assert int(control["Installed-Size"]) > 0
