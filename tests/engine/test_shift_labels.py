"""The labelled shift pairs: well-formed, twice labelled, and scored by the lens in seconds."""

import time

from desktop.engine.vocabulary import Shift
from tests.tools.shift_eval import CASES, load_pairs, predict


def test_at_least_80_pairs_labelled_twice_with_the_engines_vocabulary() -> None:
    first = load_pairs()
    labellings = [load_pairs(name) for name in ("shifts.first.json", "shifts.second.json")]
    assert len(first) >= 80
    key = [(p["case"], p["article"], p["official"]) for p in first]
    for labelling in labellings:
        assert key == [(p["case"], p["article"], p["official"]) for p in labelling]
    assert len(set(key)) == len(key)
    shifts = {s.value for s in Shift}
    for labelling in [first, *labellings]:
        assert {p["shift"] for p in labelling} <= shifts
    assert not any(p["case"].startswith(("40-", "41-")) for p in first)


def test_pairs_point_at_matched_sentences_of_their_case() -> None:
    from desktop.engine.cases import load_case

    for pair in load_pairs():
        case = load_case(CASES / pair["case"])
        label = case.article_labels[pair["article"]]
        assert pair["official"] in label.official_match
        text = " ".join(label.sentence.text_in(case.article.text).split())
        assert text == pair["article_text"]


def test_the_evaluation_runs_in_seconds() -> None:
    started = time.perf_counter()
    lens, base = predict(load_pairs())
    assert len(lens) == len(base) == len(load_pairs())
    assert time.perf_counter() - started < 10
