"""Revision marks beside the sentences of the panes, and their tooltip lines."""

from pathlib import Path

from desktop.engine.sources import compare_sources
from desktop.ingest import read_path
from desktop.workspace.revision_marks import (
    ADDED_MARK,
    CHANGED_MARK,
    REMOVED_MARK,
    revision_lines,
    revision_marks,
)
from tests.story import sentence_starting as _sentence
from tests.story import story_comparison as _story

CASES = Path(__file__).resolve().parents[1] / "cases"


def test_the_official_pane_marks_added_reworded_and_where_a_sentence_was_removed(
    tmp_path: Path,
) -> None:
    comparison = _story(tmp_path)
    version = next(d for d, doc in enumerate(comparison.documents) if doc.role.value == "version")
    added = _sentence(comparison, 0, "They agreed to remain in touch")
    reworded = _sentence(comparison, 0, "The two leaders shared their concern")
    after_removed = _sentence(comparison, 0, "Prime Minister appreciated")
    assert revision_marks(comparison, 0) == {
        added: ADDED_MARK,
        reworded: CHANGED_MARK,
        after_removed: REMOVED_MARK,
    }
    assert revision_lines(comparison, 0, added) == [f"+ added: not in Version {version}"]
    (line,) = revision_lines(comparison, 0, reworded)
    assert line.startswith(f"± reworded: Version {version} had “The two leaders discussed")
    (line,) = revision_lines(comparison, 0, after_removed)
    assert "removed before this sentence" in line and "welcoming President Biden" in line
    # The version's own pane: the removed sentence and the reworded one.
    removed = _sentence(comparison, version, "Prime Minister looked forward")
    old_reworded = _sentence(comparison, version, "The two leaders discussed")
    assert revision_marks(comparison, version) == {
        removed: REMOVED_MARK,
        old_reworded: CHANGED_MARK,
    }
    assert revision_lines(comparison, version, removed) == ["− removed: not in Official readout"]
    # No marks where no revision touched, nor on the reporting.
    assert revision_lines(comparison, 0, _sentence(comparison, 0, "Prime Minister Shri")) == []
    assert revision_marks(comparison, 1) == {}


def test_a_reporting_claim_on_a_removed_sentence_says_it_was_in_the_first_version(
    tmp_path: Path,
) -> None:
    comparison = _story(tmp_path)
    (revision,) = comparison.revisions
    assert revision.reported
    document, index, gone = revision.reported[0]
    (line,) = revision_lines(comparison, document, index)
    assert line.startswith(f"was in the first version: Version {revision.old}, sentence {gone + 1}")
    assert "removed from official readout" in line


def test_a_sentence_removed_from_the_end_is_shown_at_the_last_sentence() -> None:
    case = next(CASES.glob("01-*"))
    official = read_path(case / "official.txt")
    version = read_path(case / "official_v1.txt")
    comparison = compare_sources(official, [read_path(case / "article.txt")], versions=[version])
    (revision,) = comparison.revisions
    last = len(comparison.documents[0].sentences) - 1
    marks = revision_marks(comparison, 0)
    assert set(marks.values()) == {REMOVED_MARK}
    lines = [line for i in marks for line in revision_lines(comparison, 0, i)]
    assert len(lines) == len(revision.removed) == 4
    assert all("removed" in line for line in lines)
    assert last not in marks or any("after this sentence" in x for x in lines)
