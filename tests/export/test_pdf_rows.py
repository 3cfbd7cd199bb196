"""The PDF's rows and summary lists, decided before any Qt: order, reordering, unmatched sentences."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from desktop.engine.compare import Comparison, DocumentResult, Match, SentenceResult
from desktop.engine.document import Document, Sentence
from desktop.engine.vocabulary import Attribution, Coverage, Role
from desktop.export.pdf_blocks import _whole_clusters, format_when, is_rtl
from desktop.export.pdf_rows import aligned_rows, findings, reordered, sentence_label
from tests.export.conftest import nonascii_comparison, sample_comparison


def _doc(role: Role, sentences: list[tuple[Coverage, list[tuple[int, int]]]]) -> DocumentResult:
    text = " ".join(f"Sentence {i}." for i in range(len(sentences)))
    results = []
    start = 0
    for i, (coverage, links) in enumerate(sentences):
        end = start + len(f"Sentence {i}.")
        attribution = Attribution.OFFICIAL if role is Role.OFFICIAL else Attribution.REPORTER
        results.append(
            SentenceResult(
                Sentence(i, start, end, 0),
                text[start:end],
                attribution,
                None,
                coverage,
                tuple(Match(d, j, 0.9) for d, j in links),
            )
        )
        start = end + 1
    return DocumentResult(role, Document(text), tuple(results))


def test_reordered_is_the_smallest_set_of_moves() -> None:
    assert reordered([0, 1, 2, 3]) == frozenset()
    assert reordered([3, 0, 1, 2]) == {3}
    assert reordered([1, 0]) in ({0}, {1})
    assert reordered([0, 4, 1, 2, 3]) == {4}
    assert reordered([]) == frozenset()


def test_rows_follow_the_background_and_place_unlinked_readout_sentences() -> None:
    c, p, a = Coverage.COVERED, Coverage.PARTIAL, Coverage.ABSENT
    official = _doc(Role.OFFICIAL, [(a, []), (c, [(1, 2)]), (a, []), (c, [(1, 0)]), (a, [])])
    background = _doc(Role.BACKGROUND, [(c, [(0, 3)]), (a, []), (p, [(0, 1), (0, 3)])])
    comparison = Comparison((official, background))
    rows = aligned_rows(comparison, 1)
    layout = [(r.background, [(o.index, o.reordered, o.repeat) for o in r.official]) for r in rows]
    assert layout == [
        (None, [(0, False, False)]),  # before anything linked: at the top
        (0, [(3, True, False)]),  # R4 comes first in the background: reordered
        (None, [(4, False, False)]),  # R5 follows its predecessor R4
        (1, []),  # unmatched background sentence on its own row
        (2, [(1, False, False), (3, False, True)]),  # R4 again: referred to, not repeated
        (None, [(2, False, False)]),  # R3 follows R2
    ]
    backgrounds = [r.background for r in rows if r.background is not None]
    assert backgrounds == [0, 1, 2]


def test_every_sentence_is_printed_once_in_the_sample_rows() -> None:
    for comparison in (sample_comparison(), nonascii_comparison()):
        rows = aligned_rows(comparison, 1)
        backgrounds = [r.background for r in rows if r.background is not None]
        assert backgrounds == list(range(len(comparison.documents[1].sentences)))
        fresh = sorted(o.index for r in rows for o in r.official if not o.repeat)
        assert fresh == list(range(len(comparison.official.sentences)))


def test_findings_match_the_summary() -> None:
    comparison = sample_comparison()
    found = findings(comparison)
    summary = comparison.summary()
    assert len(found.absent) == summary.background[Coverage.ABSENT]
    assert len(found.partial) == summary.background[Coverage.PARTIAL]
    assert len(found.unreflected) == summary.official[Coverage.ABSENT]
    by_coverage = {
        coverage: sum(found.by_attribution[a][coverage] for a in Attribution)
        for coverage in Coverage
    }
    assert by_coverage == summary.background


def test_labels_number_from_one_and_name_the_background_when_there_are_several() -> None:
    comparison = sample_comparison()
    assert sentence_label(comparison, 0, 2) == "R3"
    assert sentence_label(comparison, 1, 6) == "B7"
    two = Comparison((comparison.documents[0], comparison.documents[1], comparison.documents[1]))
    assert sentence_label(two, 2, 0) == "B2.1"


def test_marked_spans_widen_to_whole_devanagari_clusters() -> None:
    text = "हुई राष्ट्रपति"
    # The engine's word spans stop before vowel signs; a format change there breaks shaping.
    assert _whole_clusters(text, 0, 1, 0, len(text)).end == 2  # ह + ु; ई stands alone
    # A cut after a virama would split the conjunct ष्ट्र.
    start = text.index("ष")
    assert _whole_clusters(text, start, start + 2, 0, len(text)).end == start + 5
    assert _whole_clusters(text, start + 1, start + 4, 0, len(text)).start == start


def test_export_dates_print_with_their_offset() -> None:
    assert format_when(datetime(2025, 7, 2, 14, 5, tzinfo=UTC)) == "2 July 2025, 14:05 UTC"
    india = timezone(timedelta(hours=5, minutes=30))
    assert format_when(datetime(2025, 7, 2, 9, 0, tzinfo=india)) == "2 July 2025, 09:00 UTC+05:30"
    assert format_when(datetime(2025, 1, 9, 8, 0)) == "9 January 2025, 08:00"


def test_right_to_left_is_decided_by_the_first_strong_character() -> None:
    assert is_rtl("«أكد الجانبان» said the statement")
    assert not is_rtl("The statement said «أكد الجانبان»")
    assert not is_rtl("2025 ,")


def test_notes_whose_sentence_is_gone_move_up_a_level(qapp: object) -> None:
    from desktop.export.pdf import PdfNote
    from desktop.export.pdf_blocks import Context
    from desktop.export.pdf_style import PrintLook

    comparison = sample_comparison()
    notes = [
        PdfNote(1, 2, "on B3"),
        PdfNote(1, 999, "on a sentence the engine no longer finds"),
        PdfNote(7, 0, "on a document that is gone"),
        PdfNote(0, None, "on the readout"),
        PdfNote(None, None, "   "),
    ]
    ctx = Context(comparison, PrintLook.light(), "t", datetime(2025, 7, 2, tzinfo=UTC), notes)
    assert ctx.sentence_notes == {(1, 2): ["on B3"]}
    assert ctx.document_notes == {
        1: ["on a sentence the engine no longer finds"],
        None: ["on a document that is gone"],
        0: ["on the readout"],
    }
