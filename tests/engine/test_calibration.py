"""Calibration of the link scores: Platt scaling fitted out of fold (training.calibrate),
stored in model.json and applied where the engine reports a match's score."""

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from desktop.engine.compare import compare
from desktop.engine.document import Document
from desktop.engine.model import AlignmentModel, Platt, default_model, fit_platt
from tests.tools.calibration import ece, reliability

MODEL = Path(__file__).resolve().parents[2] / "desktop" / "engine" / "data" / "model.json"


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _overconfident(n: int, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Raw scores twice as sure of themselves as the outcomes warrant, and shifted up:
    the true rate is σ(0.5 · logit(p) − 1)."""
    rng = np.random.default_rng(seed)
    raw = _sigmoid(rng.normal(0.0, 3.0, n))
    truth = _sigmoid(0.5 * np.log(raw / (1.0 - raw)) - 1.0)
    return raw, rng.random(n) < truth


def test_fitted_calibration_reduces_ece_on_a_miscalibrated_set() -> None:
    raw, outcomes = _overconfident(4000)
    platt = fit_platt(raw.tolist(), outcomes.tolist())
    before = ece(raw.tolist(), outcomes.tolist())
    after = ece(platt.apply(raw).tolist(), outcomes.tolist())
    assert before > 0.1
    assert after < 0.04
    assert platt.slope == pytest.approx(0.5, abs=0.1)
    assert platt.intercept == pytest.approx(-1.0, abs=0.2)
    # On held-out draws from the same source as well, not only on what it was fitted on.
    raw2, outcomes2 = _overconfident(4000, seed=11)
    assert ece(platt.apply(raw2).tolist(), outcomes2.tolist()) < 0.04


def test_calibrated_scores_are_strictly_increasing_in_the_raw_probability() -> None:
    grid = np.linspace(0.0, 1.0, 2001)
    raw, outcomes = _overconfident(500)
    for platt in (fit_platt(raw.tolist(), outcomes.tolist()), default_model().link_calibration):
        shown = platt.apply(grid)
        assert np.all(np.diff(shown[1:-1]) > 0)
        assert np.all((shown >= 0.0) & (shown <= 1.0))


def test_calibration_needs_both_outcomes_and_a_positive_slope() -> None:
    assert fit_platt([0.9, 0.8, 0.7], [True, True, False]) == Platt()
    assert fit_platt([0.2] * 50, [True] * 50) == Platt()
    with pytest.raises(ValueError):
        Platt(slope=0.0)
    with pytest.raises(ValueError):
        Platt(slope=float("nan"))
    with pytest.raises(ValueError):
        fit_platt([0.5, 0.6], [True])


def test_model_json_round_trips_the_calibration() -> None:
    model = replace(default_model(), link_calibration=Platt(0.7, -0.4))
    again = AlignmentModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again == model
    assert again.score(0.8) == pytest.approx(float(_sigmoid(0.7 * np.log(4.0) - 0.4)))
    # A model file written before calibration existed reports raw probabilities.
    old = model.to_json()
    del old["link_calibration"]
    assert AlignmentModel.from_json(old).link_calibration == Platt()


def test_the_shipped_model_carries_a_fitted_calibration() -> None:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    assert set(data["link_calibration"]) == {"slope", "intercept"}
    assert default_model().link_calibration != Platt()


def test_reported_scores_are_calibrated_and_decisions_are_not_changed() -> None:
    official = Document(
        "The two ministers discussed defence cooperation, including training and exercises.\n"
        "The minister thanked the United States for its support in the fight against terrorism.",
        title="official",
    )
    article = Document(
        "Singh thanked Washington for its unwavering backing in the fight against terror. "
        "They discussed defence cooperation and joint exercises.",
        title="article",
    )
    plain = replace(default_model(), link_calibration=Platt())
    shifted = replace(default_model(), link_calibration=Platt(1.0, -2.0))
    raw = compare(official, [article], model=plain)
    shown = compare(official, [article], model=shifted)
    raw_sentences = raw.backgrounds[0].sentences
    shown_sentences = shown.backgrounds[0].sentences
    assert [s.coverage for s in raw_sentences] == [s.coverage for s in shown_sentences]
    pairs = [
        (a, b)
        for r, s in zip(raw_sentences, shown_sentences, strict=True)
        for a, b in zip(r.matches, s.matches, strict=True)
    ]
    assert pairs
    for a, b in pairs:
        assert a.index == b.index
        # Scores are rounded to 3 decimals; near 1 the logit is steep, so the rounded raw
        # score predicts the shown one less closely there.
        tolerance = 2e-3 if a.score < 0.95 else 1e-2
        assert b.score == pytest.approx(shifted.score(a.score), abs=tolerance)
        assert b.score < a.score


def test_reliability_bins_and_ece_on_a_known_set() -> None:
    table = reliability([0.05, 0.15, 0.15, 1.0], [False, True, False, True])
    assert [(b.low, b.n) for b in table] == [(0.0, 1), (0.1, 2), (0.9, 1)]
    assert table[1].observed == pytest.approx(0.5)
    # |0.05 − 0| · 1/4 + |0.15 − 0.5| · 2/4 + |1 − 1| · 1/4
    assert ece([0.05, 0.15, 0.15, 1.0], [False, True, False, True]) == pytest.approx(0.1875)
    with pytest.raises(ValueError):
        reliability([1.5], [True])
