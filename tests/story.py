"""A four-document story for the tests: case 02's readout, article, White House readout
and the earlier version of the readout (``official_v1.txt``, labelled in
``revisions.json``)."""

from __future__ import annotations

import shutil
from pathlib import Path

CASE = Path(__file__).resolve().parent / "cases" / "02-modi-biden-call-counterpart"


def earlier_version(folder: Path) -> Path:
    """Case 02's release as first put out, copied into ``folder`` (a test may write
    beside it): one sentence reworded, one later withdrawn, and without the closing
    line."""
    path = folder / "official_v1.txt"
    shutil.copyfile(CASE / "official_v1.txt", path)
    return path


def story_files(folder: Path) -> list[Path]:
    """The official readout, the article, the earlier version, the counterpart readout."""
    return [
        CASE / "official.txt",
        CASE / "article.txt",
        earlier_version(folder),
        CASE / "counterpart.txt",
    ]
