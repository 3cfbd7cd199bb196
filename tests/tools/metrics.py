"""Classification metrics for the evaluation script (no scikit-learn needed)."""

from __future__ import annotations

from collections.abc import Sequence


def f1(gold: Sequence[str], predicted: Sequence[str], positive: str) -> float:
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == positive)
    fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == positive and g != positive)
    fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == positive and p != positive)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def macro_f1(gold: Sequence[str], predicted: Sequence[str], classes: Sequence[str]) -> float:
    """Mean F1 over the classes present in the gold labels or the predictions."""
    present = [c for c in classes if c in gold or c in predicted]
    return sum(f1(gold, predicted, c) for c in present) / len(present) if present else 1.0
