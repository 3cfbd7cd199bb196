"""A PDF replaces its target only when it is whole: full disks, devices and links.

QPdfWriter reports no write error; before the check, an empty file from a full
disk replaced the previous good PDF and the CLI said "wrote … (2 pages)".
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.export.pdf import export_pdf
from tests.conftest import SmallFilesystem
from tests.export.conftest import ROOT, SAMPLE, sample_comparison


def test_a_full_disk_keeps_the_previous_pdf_and_says_so(
    small_filesystem: SmallFilesystem,
) -> None:
    target = small_filesystem.root / "brief.pdf"
    export_pdf(sample_comparison(), target)
    good = target.read_bytes()
    small_filesystem.fill()
    with pytest.raises(OSError, match="the disk is full") as caught:
        export_pdf(sample_comparison(), target)
    assert caught.value.filename == str(target)
    assert target.read_bytes() == good
    assert sorted(p.name for p in small_filesystem.root.iterdir()) == [".filler", "brief.pdf"]
    small_filesystem.free()
    assert export_pdf(sample_comparison(), target).page_count > 1


def test_the_cli_reports_a_full_disk_with_status_2(small_filesystem: SmallFilesystem) -> None:
    small_filesystem.fill()
    target = small_filesystem.root / "brief.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "compare", str(SAMPLE), "--pdf", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 2
    assert "wrote" not in done.stderr
    assert f"readout: cannot write {target}: the disk is full" in done.stderr
    assert not target.exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_device_is_never_replaced_by_a_file() -> None:
    with pytest.raises(OSError, match="not a regular file"):
        export_pdf(sample_comparison(), "/dev/full")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert not Path("/dev/.full.part").exists()


def test_a_folder_or_a_pipe_is_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)
    for target in (tmp_path, pipe):
        with pytest.raises(OSError, match="not a regular file"):
            export_pdf(sample_comparison(), target)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_a_link_is_followed_to_its_file_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "brief.pdf"
    link.symlink_to(real)
    export_pdf(sample_comparison(), link)
    assert link.is_symlink()
    assert real.read_bytes().startswith(b"%PDF-")
