"""Small logistic models whose weights are fitted on labeled cases (see training.py).

Three decisions, each a logistic regression on standardised features:
``link`` (is this official sentence a match of this background sentence?),
``coverage`` (covered / partial / absent for a background sentence) and
``official`` (covered vs partial for an official sentence that something links to).

The link model's probability decides (against ``link_threshold``); the score the
window shows is that probability passed through :class:`Platt`, a calibration
fitted on out-of-fold predictions, so that of links shown at 0.8 about eight in
ten are right on cases the model was not fitted on.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

Matrix = NDArray[np.float64]


@dataclass(frozen=True)
class Logistic:
    """Softmax regression (two classes or more) on standardised features."""

    classes: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[tuple[float, ...], ...]  # one row per class

    def probabilities(self, features: Sequence[float]) -> dict[str, float]:
        x = (np.asarray(features, dtype=np.float64) - np.asarray(self.mean)) / np.asarray(
            self.scale
        )
        logits = np.asarray(self.weights) @ x
        logits -= logits.max()
        exp = np.exp(logits)
        probs = exp / exp.sum()
        return {label: float(p) for label, p in zip(self.classes, probs, strict=True)}

    def probability_rows(self, rows: Sequence[Sequence[float]]) -> Matrix:
        """Probabilities for many feature rows at once: one row per input, one column per class."""
        if not rows:
            return np.zeros((0, len(self.classes)))
        x = (np.asarray(rows, dtype=np.float64) - np.asarray(self.mean)) / np.asarray(self.scale)
        logits = x @ np.asarray(self.weights).T
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        result: Matrix = exp / exp.sum(axis=1, keepdims=True)
        return result

    def labels(self, rows: Sequence[Sequence[float]]) -> list[str]:
        """Most probable class of each row (ties go to the later class name, as in probabilities)."""
        probabilities = self.probability_rows(rows)
        out: list[str] = []
        for row in probabilities:
            scored = {label: float(p) for label, p in zip(self.classes, row, strict=True)}
            out.append(max(scored, key=lambda label: (scored[label], label)))
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "classes": list(self.classes),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": [list(row) for row in self.weights],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Logistic:
        return cls(
            classes=tuple(data["classes"]),
            mean=tuple(float(v) for v in data["mean"]),
            scale=tuple(float(v) for v in data["scale"]),
            weights=tuple(tuple(float(v) for v in row) for row in data["weights"]),
        )


def fit_logistic(
    rows: Sequence[Sequence[float]],
    labels: Sequence[str],
    classes: Sequence[str],
    *,
    l2: float = 1.0,
    class_weight: dict[str, float] | None = None,
    iterations: int = 30,
) -> Logistic:
    """Fit by Newton's method on the penalised likelihood: deterministic, no external
    solver, and fast enough to refit inside every fold of a nested evaluation."""
    x = np.asarray(rows, dtype=np.float64)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    # The bias column (constant 1) keeps mean 0 / scale 1 so its weight stays an intercept.
    constant = scale < 1e-9
    mean[constant] = 0.0
    scale[constant] = 1.0
    z = (x - mean) / scale
    k, d = len(classes), x.shape[1]
    index = {c: i for i, c in enumerate(classes)}
    y = np.zeros((len(labels), k))
    for row, label in enumerate(labels):
        y[row, index[label]] = 1.0
    sample_weight = np.ones(len(labels))
    if class_weight:
        sample_weight = np.asarray([class_weight.get(label, 1.0) for label in labels])
    n = max(1.0, float(sample_weight.sum()))
    # The last class is the reference (weights fixed at zero); the others are fitted.
    free = k - 1
    penalty = np.full(d, l2 / n)
    penalty[constant] = 1e-6
    w = np.zeros((free, d))
    for _ in range(iterations):
        logits = np.concatenate([z @ w.T, np.zeros((len(z), 1))], axis=1)
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        gradient = (((p - y)[:, :free] * sample_weight[:, None]).T @ z) / n + w * penalty
        hessian = np.zeros((free * d, free * d))
        for a in range(free):
            for b in range(free):
                coefficient = p[:, a] * ((1.0 if a == b else 0.0) - p[:, b]) * sample_weight
                block = (z * coefficient[:, None]).T @ z / n
                if a == b:
                    block += np.diag(penalty)
                hessian[a * d : (a + 1) * d, b * d : (b + 1) * d] = block
        step = np.linalg.solve(hessian + 1e-9 * np.eye(free * d), gradient.reshape(-1))
        w -= step.reshape(free, d)
        if float(np.abs(step).max()) < 1e-8:
            break
    weights = np.concatenate([w, np.zeros((1, d))], axis=0)
    return Logistic(
        classes=tuple(classes),
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        weights=tuple(tuple(float(v) for v in row) for row in weights),
    )


@dataclass(frozen=True)
class Platt:
    """Platt scaling: ``σ(slope · logit(p) + intercept)``. Strictly increasing when
    ``slope > 0`` (the fit never returns anything else), identity at ``(1, 0)``."""

    slope: float = 1.0
    intercept: float = 0.0

    def __post_init__(self) -> None:
        if not (math.isfinite(self.slope) and math.isfinite(self.intercept)) or self.slope <= 0:
            raise ValueError(f"calibration needs a finite positive slope, got {self}")

    def __call__(self, probability: float) -> float:
        return float(self.apply(np.asarray([probability]))[0])

    def apply(self, probabilities: NDArray[np.float64]) -> NDArray[np.float64]:
        z = self.slope * _logit(probabilities) + self.intercept
        result: NDArray[np.float64] = 1.0 / (1.0 + np.exp(-z))
        return result

    def to_json(self) -> dict[str, float]:
        return {"slope": self.slope, "intercept": self.intercept}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Platt:
        return cls(slope=float(data["slope"]), intercept=float(data["intercept"]))


_EPSILON = 1e-6


def _logit(probabilities: NDArray[np.float64]) -> NDArray[np.float64]:
    p = np.clip(np.asarray(probabilities, dtype=np.float64), _EPSILON, 1.0 - _EPSILON)
    result: NDArray[np.float64] = np.log(p / (1.0 - p))
    return result


def fit_platt(
    probabilities: Sequence[float], outcomes: Sequence[bool], *, iterations: int = 50
) -> Platt:
    """Slope and intercept on the logit by Newton's method on the log-likelihood, with
    Platt's smoothed targets (``(n₊ + 1) / (n₊ + 2)`` and ``1 / (n₋ + 2)``) so a small
    or separable set does not drive the slope to infinity. Too few of either outcome
    to learn from (fewer than 5) leaves the probabilities as they are."""
    if len(probabilities) != len(outcomes):
        raise ValueError("calibration needs one outcome per probability")
    y = np.asarray(outcomes, dtype=bool)
    positives, negatives = int(y.sum()), int((~y).sum())
    if positives < 5 or negatives < 5:
        return Platt()
    target = np.where(y, (positives + 1) / (positives + 2), 1.0 / (negatives + 2))
    x = np.stack([_logit(np.asarray(probabilities, dtype=np.float64)), np.ones(len(y))], axis=1)
    w = np.asarray([1.0, 0.0])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - target)
        hessian = (x * (p * (1.0 - p))[:, None]).T @ x + 1e-9 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-10:
            break
    if not np.all(np.isfinite(w)) or w[0] <= 0:
        # A slope at or below zero would reverse or flatten the ranking: keep the raw scores.
        return Platt()
    return Platt(float(w[0]), float(w[1]))


@dataclass(frozen=True)
class AlignmentModel:
    link: Logistic
    coverage: Logistic
    official: Logistic
    link_threshold: float = 0.5
    # Below this best-link probability a background sentence is absent whatever the
    # coverage model says: nothing on the official side is close enough to be its match.
    absent_gate: float = 0.0
    # What the link probability is reported as (decisions use the raw probability).
    link_calibration: Platt = Platt()

    def score(self, probability: float) -> float:
        """The calibrated link probability: what the window, the exports and the JSON show."""
        return self.link_calibration(probability)

    def to_json(self) -> dict[str, Any]:
        from desktop.engine.features import COVERAGE_FEATURES, OFFICIAL_FEATURES, PAIR_FEATURES

        return {
            "features": {
                "link": list(PAIR_FEATURES),
                "coverage": list(COVERAGE_FEATURES),
                "official": list(OFFICIAL_FEATURES),
            },
            "link": self.link.to_json(),
            "coverage": self.coverage.to_json(),
            "official": self.official.to_json(),
            "link_threshold": self.link_threshold,
            "absent_gate": self.absent_gate,
            "link_calibration": self.link_calibration.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AlignmentModel:
        return cls(
            link=Logistic.from_json(data["link"]),
            coverage=Logistic.from_json(data["coverage"]),
            official=Logistic.from_json(data["official"]),
            link_threshold=float(data.get("link_threshold", 0.5)),
            absent_gate=float(data.get("absent_gate", 0.0)),
            link_calibration=Platt.from_json(data["link_calibration"])
            if "link_calibration" in data
            else Platt(),
        )

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def default_model() -> AlignmentModel:
    """The model fitted on the project's labeled cases and shipped with the package."""
    raw = resources.files("desktop.engine").joinpath("data/model.json").read_text(encoding="utf-8")
    return AlignmentModel.from_json(json.loads(raw))
