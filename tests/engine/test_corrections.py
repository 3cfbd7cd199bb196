"""Corrections: plain data that re-attaches to its sentence and overrides the machine's values."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.engine.compare import Comparison, compare, compare_article
from desktop.engine.corrections import (
    CorrectedComparison,
    Correction,
    CorrectionKind,
    Field,
    SentenceAnchor,
    apply_corrections,
    corrections_from_list,
    corrections_to_list,
    text_sha1,
)
from desktop.engine.document import Document
from desktop.engine.vocabulary import Attribution, Coverage, Role

OFFICIAL = (
    "The Defence Minister spoke with his US counterpart on Tuesday. "
    "They agreed to expand industrial cooperation. "
    "Both sides reviewed joint exercises planned for the autumn."
)
ARTICLE = (
    "The Defence Minister spoke with his US counterpart on Tuesday, the ministry said. "
    "Sources said the delayed engine deliveries came up. "
    "They agreed to expand industrial cooperation, the ministry said in a statement. "
    "The ministers last met in January."
)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return compare(Document(OFFICIAL, title="readout"), [Document(ARTICLE, title="article")])


def _absent(comparison: Comparison) -> int:
    return next(s.index for s in comparison.documents[1].sentences if s.coverage is Coverage.ABSENT)


def test_an_attribution_override_replaces_the_value_and_keeps_the_machines(
    comparison: Comparison,
) -> None:
    sentence = comparison.documents[1].sentences[0]
    new = (
        Attribution.NAMED if sentence.attribution is not Attribution.NAMED else Attribution.SOURCES
    )
    corrected = apply_corrections(comparison, [Correction.attribution_of(comparison, 1, 0, new)])
    assert isinstance(corrected, Comparison) and isinstance(corrected, CorrectedComparison)
    assert corrected.documents[1].sentences[0].attribution is new
    assert corrected.is_corrected(1, 0, Field.ATTRIBUTION)
    assert not corrected.is_corrected(1, 0, Field.COVERAGE)
    assert corrected.machine_value(1, 0, Field.ATTRIBUTION) is sentence.attribution
    assert comparison.documents[1].sentences[0].attribution is sentence.attribution, (
        "input untouched"
    )


def test_a_coverage_override_changes_the_summary(comparison: Comparison) -> None:
    absent = _absent(comparison)
    corrected = apply_corrections(
        comparison, [Correction.coverage_of(comparison, 1, absent, Coverage.COVERED)]
    )
    before = comparison.summary().background
    after = corrected.summary().background
    assert after[Coverage.ABSENT] == before[Coverage.ABSENT] - 1
    assert after[Coverage.COVERED] == before[Coverage.COVERED] + 1
    assert corrected.machine_value(1, absent, Field.COVERAGE) is Coverage.ABSENT


def test_the_later_correction_of_the_same_kind_wins(comparison: Comparison) -> None:
    absent = _absent(comparison)
    corrections = [
        Correction.coverage_of(comparison, 1, absent, Coverage.COVERED),
        Correction.coverage_of(comparison, 1, absent, Coverage.PARTIAL),
    ]
    corrected = apply_corrections(comparison, corrections)
    assert corrected.documents[1].sentences[absent].coverage is Coverage.PARTIAL


def test_link_adds_the_match_on_both_sides_and_lifts_absent_to_partial(
    comparison: Comparison,
) -> None:
    absent = _absent(comparison)
    corrected = apply_corrections(comparison, [Correction.link(comparison, (1, absent), (0, 2))])
    background = corrected.documents[1].sentences[absent]
    official = corrected.documents[0].sentences[2]
    assert (background.matches[0].document, background.matches[0].index) == (0, 2)
    assert any((m.document, m.index) == (1, absent) for m in official.matches)
    assert background.coverage is Coverage.PARTIAL
    assert corrected.is_corrected(1, absent, Field.MATCHES)
    assert corrected.is_corrected(0, 2, Field.MATCHES)
    assert corrected.diff(1, absent) is not None


def test_an_explicit_coverage_wins_over_what_a_link_implies(comparison: Comparison) -> None:
    absent = _absent(comparison)
    corrections = [
        Correction.coverage_of(comparison, 1, absent, Coverage.COVERED),
        Correction.link(comparison, (1, absent), (0, 2)),
    ]
    corrected = apply_corrections(comparison, corrections)
    assert corrected.documents[1].sentences[absent].coverage is Coverage.COVERED


def test_unlinking_the_only_match_makes_a_claim_absent(comparison: Comparison) -> None:
    matched = next(s for s in comparison.documents[1].sentences if len(s.matches) == 1)
    other = (matched.matches[0].document, matched.matches[0].index)
    corrected = apply_corrections(
        comparison, [Correction.unlink(comparison, (1, matched.index), other)]
    )
    sentence = corrected.documents[1].sentences[matched.index]
    assert sentence.matches == ()
    assert sentence.coverage is Coverage.ABSENT
    assert all(
        (m.document, m.index) != (1, matched.index)
        for m in corrected.documents[other[0]].sentences[other[1]].matches
    )


def test_a_correction_reattaches_by_text_when_offsets_shift(comparison: Comparison) -> None:
    sentence = comparison.documents[1].sentences[1]
    correction = Correction.attribution_of(comparison, 1, 1, Attribution.NAMED)
    shifted_text = "Updated 10:42 IST. " + ARTICLE
    shifted = compare(Document(OFFICIAL), [Document(shifted_text)])
    corrected = apply_corrections(shifted, [correction])
    target = next(s for s in corrected.documents[1].sentences if s.text == sentence.text)
    assert target.start != sentence.start, "the offsets really moved"
    assert target.attribution is Attribution.NAMED
    assert corrected.orphans == ()


def test_offsets_are_the_fallback_only_on_the_same_document_text(comparison: Comparison) -> None:
    correction = Correction.attribution_of(comparison, 1, 1, Attribution.NAMED)
    edited = replace(correction, anchor=replace(correction.anchor, sha1=text_sha1("other text")))
    same = apply_corrections(comparison, [edited])
    assert same.documents[1].sentences[1].attribution is Attribution.NAMED, "overlap re-attaches"
    other = compare(
        Document(OFFICIAL), [Document(ARTICLE.replace("Sources said", "Officials said"))]
    )
    moved = apply_corrections(other, [edited])
    assert moved.orphans == (edited,), "never lands on a different document by offsets alone"


def test_a_correction_for_a_missing_document_is_an_orphan(comparison: Comparison) -> None:
    anchor = SentenceAnchor(Role.BACKGROUND, 5, 0, 10, text_sha1("x"))
    correction = Correction(CorrectionKind.COVERAGE, anchor, coverage=Coverage.ABSENT)
    corrected = apply_corrections(comparison, [correction])
    assert corrected.orphans == (correction,)
    assert corrected.changes == {}


def test_applying_to_a_corrected_comparison_starts_from_the_machine(comparison: Comparison) -> None:
    absent = _absent(comparison)
    first = apply_corrections(
        comparison, [Correction.coverage_of(comparison, 1, absent, Coverage.COVERED)]
    )
    second = apply_corrections(first, [])
    assert second.documents[1].sentences[absent].coverage is Coverage.ABSENT
    assert second.machine is comparison


def test_corrections_survive_a_recompute_of_a_single_article() -> None:
    article = Document(ARTICLE, title="article")
    machine = compare_article(article)
    index = next(
        s.index for s in machine.documents[1].sentences if s.attribution is Attribution.SOURCES
    )
    correction = Correction.coverage_of(machine, 1, index, Coverage.COVERED)
    recomputed = compare_article(article)
    assert recomputed is not machine
    corrected = apply_corrections(recomputed, [correction])
    assert corrected.documents[1].sentences[index].coverage is Coverage.COVERED


def test_invalid_corrections_are_refused(comparison: Comparison) -> None:
    anchor = SentenceAnchor.of(comparison, 1, 0)
    with pytest.raises(ValueError):
        Correction(CorrectionKind.ATTRIBUTION, anchor)
    with pytest.raises(ValueError):
        Correction(CorrectionKind.LINK, anchor)


anchors = st.builds(
    SentenceAnchor,
    role=st.sampled_from(Role),
    document=st.integers(0, 20),
    start=st.integers(0, 10_000),
    end=st.integers(0, 10_000),
    sha1=st.text("0123456789abcdef", min_size=40, max_size=40),
    document_sha256=st.text("0123456789abcdef", max_size=64),
)


@st.composite
def corrections(draw: st.DrawFn) -> Correction:
    kind = draw(st.sampled_from(CorrectionKind))
    anchor = draw(anchors)
    note = draw(st.text(max_size=40))
    if kind is CorrectionKind.ATTRIBUTION:
        return Correction(kind, anchor, attribution=draw(st.sampled_from(Attribution)), note=note)
    if kind is CorrectionKind.COVERAGE:
        return Correction(kind, anchor, coverage=draw(st.sampled_from(Coverage)), note=note)
    return Correction(kind, anchor, target=draw(anchors), note=note)


@given(st.lists(corrections(), max_size=6))
def test_corrections_round_trip_through_plain_dicts(items: list[Correction]) -> None:
    import json

    data = json.loads(json.dumps(corrections_to_list(items)))
    assert corrections_from_list(data) == tuple(items)
