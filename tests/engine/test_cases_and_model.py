import json
from pathlib import Path

import pytest

from desktop.engine.cases import load_cases
from desktop.engine.features import COVERAGE_FEATURES, OFFICIAL_FEATURES, PAIR_FEATURES
from desktop.engine.segment import split_sentences
from tests.cases.validate import problems

CASES = Path(__file__).resolve().parents[1] / "cases"
MODEL = Path(__file__).resolve().parents[2] / "desktop" / "engine" / "data" / "model.json"


def test_there_are_at_least_twelve_valid_labeled_cases() -> None:
    cases = [p for p in CASES.iterdir() if (p / "labels.json").is_file()]
    assert len(cases) >= 12
    for case in cases:
        assert problems(case) == [], case.name


def test_segmenter_reproduces_the_labeled_sentence_units() -> None:
    total = exact = 0
    for case in load_cases(CASES):
        for doc, labels in (
            (case.article, case.article_labels),
            (case.official, case.official_labels),
        ):
            ours = {(s.start, s.end) for s in split_sentences(doc.text)}
            total += len(labels)
            exact += sum((lab.sentence.start, lab.sentence.end) in ours for lab in labels)
    assert exact / total >= 0.97


def test_shipped_model_was_fitted_on_the_current_features() -> None:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    assert data["features"] == {
        "link": list(PAIR_FEATURES),
        "coverage": list(COVERAGE_FEATURES),
        "official": list(OFFICIAL_FEATURES),
    }


def test_shipped_model_is_what_make_fit_produces_from_the_cases() -> None:
    from desktop.engine.training import Settings, calibrate, fit, prepare

    shipped = json.loads(MODEL.read_text(encoding="utf-8"))
    settings = Settings(**shipped["settings"])
    prepared = [prepare(case) for case in load_cases(CASES)]
    refit = fit(prepared, settings).to_json()
    assert refit["absent_gate"] == shipped["absent_gate"]
    for part in ("link", "coverage", "official"):
        for got, want in zip(refit[part]["weights"], shipped[part]["weights"], strict=True):
            assert got == pytest.approx(want, abs=1e-6), f"{part}: run `make fit`"
    calibration = calibrate(prepared, settings).to_json()
    for key, want in shipped["link_calibration"].items():
        assert calibration[key] == pytest.approx(want, abs=1e-6), "calibration: run `make fit`"
