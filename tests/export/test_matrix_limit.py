"""Past the matrix's claim limit the JSON and the text report say why there is no matrix."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.engine import topics
from desktop.engine.document import Document
from desktop.engine.sources import compare_sources
from desktop.export.json_export import comparison_to_dict
from desktop.export.terminal import render_report

CASE = Path(__file__).resolve().parents[2] / "tests" / "cases" / "02-modi-biden-call-counterpart"


def _story() -> object:
    def read(name: str) -> Document:
        return Document((CASE / name).read_text(encoding="utf-8"), source=str(CASE / name))

    return compare_sources(
        read("official.txt"), [read("article.txt")], counterparts=[read("counterpart.txt")]
    )


def test_within_the_limit_there_are_topics_and_no_note() -> None:
    data = comparison_to_dict(_story())  # type: ignore[arg-type]
    assert data["topics"] and data["topics_note"] is None
    assert not any("topic matrix" in line for line in data["warnings"])
    assert "No topic matrix" not in render_report(_story())  # type: ignore[arg-type]


def test_past_the_limit_json_has_empty_topics_a_note_and_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(topics, "MAX_CLAIMS", 5)
    comparison = _story()
    data = comparison_to_dict(comparison)  # type: ignore[arg-type]
    assert data["topics"] == []
    note = data["topics_note"]
    assert note.startswith("No topic matrix: ") and "more than the 5 it can group" in note
    assert note in data["warnings"]
    report = render_report(comparison)  # type: ignore[arg-type]
    assert [line for line in report.splitlines() if "No topic matrix" in line] == [
        f"topics: {note}"
    ]
