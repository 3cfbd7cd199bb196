"""On every labeled case: no link rests on frame words alone, and no claim is matched to
a non-claim (a release title, a dateline, a caption)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.engine.align import align
from desktop.engine.cases import load_cases
from desktop.engine.compare import compare
from desktop.engine.model import default_model
from desktop.engine.training import prepare

CASES = Path(__file__).resolve().parents[1] / "cases"
ALL = load_cases(CASES)


@pytest.mark.parametrize("case", ALL, ids=[c.name for c in ALL])
def test_every_link_shares_content_not_only_the_frame(case) -> None:  # type: ignore[no-untyped-def]
    prepared = prepare(case).alignment
    decisions, _ = align(prepared, default_model())
    for i, decision in enumerate(decisions):
        # A quotation in a script the words cannot compare takes its gloss's links.
        own = any(
            c.official == link.official for link in decision.links for c in prepared.options[i]
        )
        source = i if own or i + 1 >= len(decisions) else i + 1
        background = prepared.background[source]
        for link in decision.links:
            official = prepared.official[link.official]
            assert official.is_target, "a link to a non-claim"
            shared_content = background.weights.keys() & official.weights.keys()
            option = next(c for c in prepared.options[source] if c.official == link.official)
            soft = option.pair.soft_bg >= 0.2
            about_the_event = option.pair.frame_pair
            assert shared_content or soft or about_the_event, (
                f"{case.name}: sentence {i} linked to {link.official} on frame words only: "
                f"{sorted(background.frame.keys() & official.frame.keys())}"
            )


@pytest.mark.parametrize("case", ALL, ids=[c.name for c in ALL])
def test_no_claim_is_matched_to_a_non_claim(case) -> None:  # type: ignore[no-untyped-def]
    comparison = compare(case.official, [case.article])
    official = comparison.official.sentences
    for sentence in comparison.backgrounds[0].sentences:
        if not sentence.is_claim:
            continue
        for match in sentence.matches:
            assert official[match.index].is_claim, (case.name, sentence.text[:60])
    for sentence in official:
        if not sentence.is_claim:
            assert sentence.matches == () and sentence.coverage.value == "absent"
