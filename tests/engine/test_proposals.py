"""The candidate shortlists summed in blocks give what the loop over a dictionary of
scores gave, to the last bit: on labeled cases (short readouts, where frame words also
propose) and on a synthetic pair with a readout of more than 400 sentences."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from operator import neg
from pathlib import Path

import pytest

from desktop.engine import proposals
from desktop.engine.acronyms import learn
from desktop.engine.frame import apply_frame, frame_keys
from desktop.engine.profiles import SentenceProfile, profile, reweight
from desktop.engine.segment import split_sentences
from desktop.engine.semantic import SemanticProfile, semantic_profiles
from desktop.engine.units import classify
from desktop.engine.vocabulary import Unit
from tests.tools.bench import synthetic_pair

CASES = Path(__file__).resolve().parents[1] / "cases"


def _loop_shortlists(
    background: Sequence[SentenceProfile],
    official: Sequence[SentenceProfile],
    bg_meaning: Sequence[SemanticProfile],
    off_meaning: Sequence[SemanticProfile],
) -> list[list[int]]:
    """The shortlists as the aligner's loop made them before proposals.py."""
    targets = [j for j, p in enumerate(official) if p.is_target]
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    framing: dict[str, list[int]] = defaultdict(list)
    for j in targets:
        for key, weight in official[j].weights.items():
            postings[key].append((j, weight))
        for key in official[j].frame:
            framing[key].append(j)
    cap = max(30, min(60, int(0.03 * len(official))))
    neighbours = proposals.semantic_neighbours(bg_meaning, off_meaning, targets)
    result: list[list[int]] = []
    for i, b in enumerate(background):
        if b.unit not in (Unit.CLAIM, Unit.HEADLINE):
            result.append([])
            continue
        scores: dict[int, float] = defaultdict(float)
        proposing = list(b.weights.items())
        if len(official) > 400:
            proposing = [
                (k, w)
                for w, k in heapq.nlargest(10, zip(b.weights.values(), b.weights, strict=True))
            ]
        for key, weight in proposing:
            posting = postings.get(key)
            if posting is None or len(posting) > cap:
                continue
            for j, official_weight in posting:
                scores[j] += weight * official_weight
        if sum(b.weights.values()) < 2.5 and len(official) <= 400:
            for key in b.frame:
                for j in framing.get(key, ()):
                    scores[j] += 0.01
        for j in neighbours[i]:
            scores.setdefault(j, 0.0)
        shortlist = heapq.nlargest(8, zip(scores.values(), map(neg, scores), strict=True))
        result.append([-negated for _, negated in shortlist])
    return result


def _prepared(
    official_text: str, background_text: str
) -> tuple[
    list[SentenceProfile], list[SentenceProfile], list[SemanticProfile], list[SemanticProfile]
]:
    acronyms = learn([official_text, background_text])

    def profiles(text: str, official: bool) -> list[SentenceProfile]:
        sentences = split_sentences(text)
        units = classify(text, sentences, official=official)
        return [
            profile(text, s.start, s.end, u, acronyms)
            for s, u in zip(sentences, units, strict=True)
        ]

    bg, off = reweight(profiles(background_text, False), profiles(official_text, True))
    frame = frame_keys(bg, off)
    bg, off = apply_frame(bg, frame), apply_frame(off, frame)
    meanings = semantic_profiles([*bg, *off])
    return bg, off, meanings[: len(bg)], meanings[len(bg) :]


# Development cases; in 31 and 37 some claims have little content of their own, so the
# readout's frame words propose too.
FRAME_CASES = [
    "31-eeas-kallas-ceasefire-short-statement-long-analysis",
    "37-fcdo-lammy-delhi-visit-ani",
]


@pytest.mark.parametrize("case", ["00-seed", "10-india-japan-summit-joint-statement", *FRAME_CASES])
def test_case_shortlists_equal_the_loop(case: str) -> None:
    folder = CASES / case
    prepared = _prepared(
        (folder / "official.txt").read_text(encoding="utf-8"),
        (folder / "article.txt").read_text(encoding="utf-8"),
    )
    background = prepared[0]
    if case in FRAME_CASES:
        assert any(
            b.frame and sum(b.weights.values()) < 2.5 and b.unit is Unit.CLAIM for b in background
        )
    expected = _loop_shortlists(*prepared)
    assert any(expected)
    assert proposals.shortlists(*prepared) == expected


def test_long_readout_shortlists_equal_the_loop() -> None:
    official, background = synthetic_pair(100_000, seed=7)
    prepared = _prepared(official.text, background.text)
    assert len(prepared[1]) > 400  # the readout's most informative keys propose
    expected = _loop_shortlists(*prepared)
    assert proposals.shortlists(*prepared) == expected
