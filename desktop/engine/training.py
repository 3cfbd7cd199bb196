"""Fit the alignment model on labeled cases: ``python -m desktop.engine.training CASES_DIR``.

The link, coverage and official models are fitted in that order, each on the
features the previous stage produces, so training sees exactly what inference
will see. Segmentation is taken from the labels.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
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
    return AlignmentModel(link, coverage, official_model)


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
