"""Fit the alignment model on labeled cases: ``python -m desktop.engine.training CASES_DIR``.

The link, coverage and official models are fitted in that order, each on the
features the previous stage produces, so training sees exactly what inference
will see. Segmentation is taken from the labels.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from desktop.engine.align import align, candidates
from desktop.engine.cases import LabeledCase, load_cases
from desktop.engine.features import (
    COVERAGE_FEATURES,
    OFFICIAL_FEATURES,
    PAIR_FEATURES,
    SentenceProfile,
    profile,
    reweight,
)
from desktop.engine.model import AlignmentModel, Logistic, fit_logistic

COVERAGE_CLASSES = ("absent", "partial", "covered")
DEFAULT_MODEL_PATH = Path(__file__).with_name("data") / "model.json"


@dataclass(frozen=True)
class PreparedCase:
    case: LabeledCase
    background: list[SentenceProfile]
    official: list[SentenceProfile]


def prepare(case: LabeledCase) -> PreparedCase:
    article, official = case.article.text, case.official.text
    background = [
        profile(article, lab.sentence.start, lab.sentence.end) for lab in case.article_labels
    ]
    official_profiles = [
        profile(official, lab.sentence.start, lab.sentence.end) for lab in case.official_labels
    ]
    return PreparedCase(case, background, official_profiles)


def fit(
    cases: Sequence[PreparedCase], *, partial_weight: float = 1.6, l2: float = 2.0
) -> AlignmentModel:
    link_rows: list[list[float]] = []
    link_labels: list[str] = []
    for prepared in cases:
        weighted_bg, weighted_off = reweight(prepared.background, prepared.official)
        for label, options in zip(
            prepared.case.article_labels, candidates(weighted_bg, weighted_off), strict=True
        ):
            for option in options:
                link_rows.append(list(option.features))
                link_labels.append("link" if option.official in label.official_match else "none")
    link = fit_logistic(link_rows, link_labels, ("none", "link"), l2=l2)
    assert len(link_rows[0]) == len(PAIR_FEATURES)

    staged = AlignmentModel(
        link,
        _untrained(COVERAGE_CLASSES, COVERAGE_FEATURES),
        _untrained(COVERAGE_CLASSES, OFFICIAL_FEATURES),
    )
    coverage_rows: list[list[float]] = []
    coverage_labels: list[str] = []
    for prepared in cases:
        decisions, _ = align(prepared.background, prepared.official, staged)
        for label, decision in zip(prepared.case.article_labels, decisions, strict=True):
            coverage_rows.append(list(decision.features))
            coverage_labels.append(label.coverage)
    weights = {"partial": partial_weight}
    coverage = fit_logistic(
        coverage_rows, coverage_labels, COVERAGE_CLASSES, l2=l2, class_weight=weights
    )

    staged = AlignmentModel(link, coverage, staged.official)
    staged = replace(staged, absent_gate=_fit_gate(cases, staged))
    official_rows: list[list[float]] = []
    official_labels: list[str] = []
    for prepared in cases:
        _, official_decisions = align(prepared.background, prepared.official, staged)
        for official_label, official_decision in zip(
            prepared.case.official_labels, official_decisions, strict=True
        ):
            official_rows.append(list(official_decision.features))
            official_labels.append(official_label.in_article)
    assert not official_rows or len(official_rows[0]) == len(OFFICIAL_FEATURES)
    official_model = fit_logistic(
        official_rows,
        official_labels,
        COVERAGE_CLASSES,
        l2=l2,
        class_weight=_balanced(official_labels),
    )
    return replace(staged, official=official_model)


def _fit_gate(cases: Sequence[PreparedCase], model: AlignmentModel) -> float:
    """The best-link probability under which a sentence is called absent, chosen to
    maximise coverage macro-F1 on the training cases."""
    best_gate, best_score = 0.0, -1.0
    for step in range(0, 31):
        gate = step / 100
        trial = replace(model, absent_gate=gate)
        gold: list[str] = []
        predicted: list[str] = []
        for prepared in cases:
            decisions, _ = align(prepared.background, prepared.official, trial)
            gold.extend(label.coverage for label in prepared.case.article_labels)
            predicted.extend(decision.coverage.value for decision in decisions)
        score = _macro_f1(gold, predicted)
        if score > best_score + 1e-9:
            best_gate, best_score = gate, score
    return best_gate


def _macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    scores = []
    for label in COVERAGE_CLASSES:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == label != g)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label != p)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def _balanced(labels: Sequence[str]) -> dict[str, float]:
    """Class weights inversely proportional to frequency (most official sentences are covered)."""
    counts = {label: labels.count(label) for label in set(labels)}
    return {label: len(labels) / (len(counts) * n) for label, n in counts.items()}


def _untrained(classes: Sequence[str], features: Sequence[str]) -> Logistic:
    """A model that is not consulted yet: stages later than the one being fitted."""
    n = len(features)
    return Logistic(tuple(classes), (0.0,) * n, (1.0,) * n, ((0.0,) * n,) * len(classes))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    root = Path(args[0]) if args else Path("tests/cases")
    out = Path(args[1]) if len(args) > 1 else DEFAULT_MODEL_PATH
    prepared = [prepare(case) for case in load_cases(root)]
    model = fit(prepared)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    print(f"fitted on {len(prepared)} cases → {out}")
    return 0


__all__ = ["fit", "main", "prepare"]

if __name__ == "__main__":
    sys.exit(main())
