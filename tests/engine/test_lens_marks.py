"""Shifts as the window and PDF show them: marks, a line in words, carrying words."""

from desktop.engine.compare import compare
from desktop.engine.document import Document
from desktop.engine.lens_marks import (
    shift_lines_for,
    shift_marks,
    shift_spans,
    shifted_pairs,
)
from desktop.engine.vocabulary import Shift
from tests.engine.test_lens import ARTICLE, READOUT


def _comparison():  # type: ignore[no-untyped-def]
    return compare(Document(READOUT), [Document(ARTICLE)])


def test_a_strengthened_pair_is_marked_on_both_sides_with_the_words_in_a_line() -> None:
    comparison = _comparison()
    (pair,) = shifted_pairs(comparison)
    assert pair.shift is Shift.STRENGTHENED and pair.mark == "↑"
    assert pair.line == (
        "strengthened; the article says ‘raised strong objections’; the readout says ‘discussed’"
    )
    assert shift_marks(comparison, 1) == {pair.index: "↑"}
    assert shift_marks(comparison, 0) == {pair.official: "↑"}
    assert shift_lines_for(comparison, 0, pair.official) == [pair.line]
    assert shift_lines_for(comparison, 1, pair.index) == [pair.line]


def test_carrying_words_are_spans_of_each_documents_own_text() -> None:
    comparison = _comparison()
    assert [ARTICLE[s.start : s.end] for s in shift_spans(comparison, 1)] == [
        "raised strong objections"
    ]
    assert [READOUT[s.start : s.end] for s in shift_spans(comparison, 0)] == ["discussed"]


def test_same_pairs_have_no_mark() -> None:
    comparison = compare(Document(READOUT), [Document(READOUT)])
    assert shifted_pairs(comparison) == []
    assert shift_marks(comparison, 0) == {}
