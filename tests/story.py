"""A four-document story for the tests: case 02's readout, article, White House readout
and the earlier version of the readout (``official_v1.txt``, labelled in
``revisions.json``)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.engine.compare import Comparison

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


def story_comparison(folder: Path) -> Comparison:
    """The four documents compared in their roles."""
    from desktop.engine.sources import compare_sources
    from desktop.ingest import read_path

    official, article, version, counterpart = (read_path(p) for p in story_files(folder))
    return compare_sources(official, [article], counterparts=[counterpart], versions=[version])


def sentence_starting(comparison: Comparison, document: int, start: str) -> int:
    """The index of the first sentence of ``document`` that starts with ``start``."""
    sentences = comparison.documents[document].sentences
    return next(s.index for s in sentences if s.text.startswith(start))
