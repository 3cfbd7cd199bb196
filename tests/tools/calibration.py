"""Does the window's score mean what it says? Calibration of the link scores and of the
coverage model's class probabilities, printed by ``make eval`` (tests/tools/eval.py).

For each held-out case (nested: the model and its calibration fitted on the other
cases only) this collects every link the engine shows, its raw probability, the
calibrated score the window shows, and whether the labels agree; and for every
judged background sentence the coverage model's class probabilities and the gold
class. The report gives the expected calibration error over 10 equal-width bins
(ECE: the mean gap between predicted and observed rate, weighted by the bin's
share) and the reliability table (bin, mean predicted, observed rate, n).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from desktop.engine.align import background_rows, link_probabilities
from desktop.engine.model import AlignmentModel
from desktop.engine.training import PreparedCase, shown_links

BINS = 10


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    mean_predicted: float
    observed: float
    n: int


@dataclass(frozen=True)
class HeldOut:
    """One held-out case's links (raw probability, shown score, right) and coverage
    probabilities (one tuple per judged sentence, in the model's class order, and gold)."""

    links: tuple[tuple[float, float, bool], ...]
    coverage_classes: tuple[str, ...]
    coverage: tuple[tuple[tuple[float, ...], str], ...]


def reliability(
    probabilities: Sequence[float], outcomes: Sequence[bool], bins: int = BINS
) -> list[Bin]:
    """Equal-width bins over [0, 1] (1.0 falls in the last); empty bins are left out."""
    if len(probabilities) != len(outcomes):
        raise ValueError("one outcome per probability")
    p = np.asarray(probabilities, dtype=np.float64)
    y = np.asarray(outcomes, dtype=np.float64)
    if p.size and (p.min() < 0.0 or p.max() > 1.0):
        raise ValueError("probabilities must lie in [0, 1]")
    index = np.minimum((p * bins).astype(int), bins - 1)
    table: list[Bin] = []
    for b in range(bins):
        mask = index == b
        n = int(mask.sum())
        if n:
            table.append(
                Bin(b / bins, (b + 1) / bins, float(p[mask].mean()), float(y[mask].mean()), n)
            )
    return table


def ece(probabilities: Sequence[float], outcomes: Sequence[bool], bins: int = BINS) -> float:
    """Expected calibration error: Σ (n_bin / n) · |mean predicted − observed rate|."""
    table = reliability(probabilities, outcomes, bins)
    total = sum(b.n for b in table)
    if not total:
        return 0.0
    return sum(b.n / total * abs(b.mean_predicted - b.observed) for b in table)


def held_out(prepared: PreparedCase, model: AlignmentModel) -> HeldOut:
    """What :func:`report` needs from one case the model was not fitted on."""
    links = tuple((p, model.score(p), right) for p, right in shown_links(prepared, model))
    ranked = link_probabilities(prepared.alignment.options, model)
    rows = background_rows(prepared.alignment, ranked, model.link_threshold)
    probabilities = model.coverage.probability_rows(rows) if rows else np.zeros((0, 0))
    coverage = tuple(
        (tuple(float(v) for v in probabilities[i]), label.coverage)
        for i, (label, judged) in enumerate(
            zip(prepared.case.article_labels, prepared.judged, strict=True)
        )
        if judged
    )
    return HeldOut(links, model.coverage.classes, coverage)


def _table(title: str, probabilities: Sequence[float], outcomes: Sequence[bool]) -> None:
    print(f"  {title}: ECE {ece(probabilities, outcomes):.3f} over {len(probabilities)}")
    print(f"    {'bin':<10}{'mean predicted':>16}{'observed':>10}{'n':>6}")
    for b in reliability(probabilities, outcomes):
        print(f"    {b.low:.1f}–{b.high:.1f}  {b.mean_predicted:>14.3f}{b.observed:>10.3f}{b.n:>6}")


def report(title: str, cases: Sequence[HeldOut]) -> dict[str, float]:
    """Print the reliability tables; return the ECE figures (for tests and summaries)."""
    raw = [p for c in cases for p, _, _ in c.links]
    shown = [s for c in cases for _, s, _ in c.links]
    right = [r for c in cases for _, _, r in c.links]
    print(f"\n## Calibration: {title}")
    _table("link scores, raw probability", raw, right)
    _table("link scores as shown (calibrated)", shown, right)
    figures = {"link_raw": ece(raw, right), "link_shown": ece(shown, right)}
    confidence: list[float] = []
    correct: list[bool] = []
    for c in cases:
        for probs, gold in c.coverage:
            best = int(np.argmax(probs))
            confidence.append(probs[best])
            correct.append(c.coverage_classes[best] == gold)
    _table("coverage model, top-class probability", confidence, correct)
    figures["coverage_top"] = ece(confidence, correct)
    classes = cases[0].coverage_classes if cases else ()
    for k, name in enumerate(classes):
        probs_k = [probs[k] for c in cases for probs, _ in c.coverage]
        gold_k = [gold == name for c in cases for _, gold in c.coverage]
        figures[f"coverage_{name}"] = ece(probs_k, gold_k)
    print(
        "  coverage model, per class (one against the rest): "
        + ", ".join(f"{name} ECE {figures[f'coverage_{name}']:.3f}" for name in classes)
    )
    return figures


__all__ = ["Bin", "HeldOut", "ece", "held_out", "reliability", "report"]
