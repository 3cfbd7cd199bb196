"""The heading of a revision names both versions, with their times only where known."""

from __future__ import annotations

from pathlib import Path

from desktop.engine.document import Document
from desktop.engine.sources import compare_sources
from desktop.naming import revision_title

CASES = Path(__file__).resolve().parents[1] / "cases"


def _read(case: str, name: str, date: str | None = None) -> Document:
    folder = next(CASES.glob(f"{case}-*"))
    return Document((folder / name).read_text(encoding="utf-8"), title=name, date=date)


def _title(official_date: str | None, version_date: str | None) -> str:
    comparison = compare_sources(
        _read("01", "official.txt", official_date),
        [_read("01", "article.txt")],
        versions=[_read("01", "official_v1.txt", version_date)],
    )
    (revision,) = comparison.revisions
    return revision_title(comparison, revision.old, revision.new)


def test_both_times_known() -> None:
    assert _title("2025-07-01T20:30", "2025-07-01T20:16") == (
        "Version 2 (2025-07-01T20:16) → Official readout (2025-07-01T20:30)"
    )


def test_one_time_known_the_other_is_said_to_be_undated() -> None:
    assert _title("2025-07-01T20:30", None) == (
        "Version 2 (undated) → Official readout (2025-07-01T20:30)"
    )


def test_no_time_known_no_brackets() -> None:
    assert _title(None, None) == "Version 2 → Official readout"
