"""Accuracy on the labeled cases: `make eval`.

Every figure is leave-one-case-out: the engine's models (and the baselines'
thresholds) are fitted on the other cases and scored on the held-out one.
Baselines: the best difflib ratio and the best TF-IDF cosine between a sentence
and the other side, with covered/partial thresholds tuned the same way.
"""

from __future__ import annotations

import argparse
import difflib
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.engine.cases import LabeledCase, load_cases
from desktop.engine.compare import Comparison, compare
from desktop.engine.model import AlignmentModel
from desktop.engine.training import fit, prepare
from tests.tools.metrics import f1, macro_f1

ATTRIBUTIONS = ("official", "sources", "named", "reporter")
COVERAGES = ("covered", "partial", "absent")


@dataclass
class Predictions:
    attribution: list[str]
    coverage: list[str]
    official: list[str]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _project(comparison: Comparison, case: LabeledCase) -> Predictions:
    """Read the engine's labels for each labeled sentence (by largest offset overlap)."""
    background = comparison.backgrounds[0].sentences
    official = comparison.official.sentences
    pred = Predictions([], [], [])
    for label in case.article_labels:
        span = (label.sentence.start, label.sentence.end)
        best = max(background, key=lambda s: _overlap(span, (s.start, s.end)))
        pred.attribution.append(best.attribution.value)
        pred.coverage.append(best.coverage.value)
    for label in case.official_labels:
        span = (label.sentence.start, label.sentence.end)
        best = max(official, key=lambda s: _overlap(span, (s.start, s.end)))
        pred.official.append(best.coverage.value)
    return pred


def _engine(cases: list[LabeledCase]) -> dict[str, Predictions]:
    prepared = {case.name: prepare(case) for case in cases}
    out: dict[str, Predictions] = {}
    for case in cases:
        training = [prepared[c.name] for c in cases if c.name != case.name]
        model: AlignmentModel = fit(training)
        out[case.name] = _project(compare(case.official, [case.article], model=model), case)
    return out


# --- baselines -------------------------------------------------------------------------

Similarity = Callable[[LabeledCase], tuple[list[float], list[float]]]


def _texts(case: LabeledCase) -> tuple[list[str], list[str]]:
    art = [lab.sentence.text_in(case.article.text) for lab in case.article_labels]
    off = [lab.sentence.text_in(case.official.text) for lab in case.official_labels]
    return art, off


def difflib_similarity(case: LabeledCase) -> tuple[list[float], list[float]]:
    art, off = _texts(case)
    grid = [[difflib.SequenceMatcher(None, a.lower(), o.lower()).ratio() for o in off] for a in art]
    return [max(row) for row in grid], [max(col) for col in zip(*grid, strict=True)]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def tfidf_similarity(case: LabeledCase) -> tuple[list[float], list[float]]:
    art, off = _texts(case)
    docs = [Counter(_words(t)) for t in art + off]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs)
    vectors = [{w: c * math.log((1 + n) / (1 + df[w])) + c for w, c in d.items()} for d in docs]

    def cos(a: dict[str, float], b: dict[str, float]) -> float:
        dot = sum(v * b.get(k, 0.0) for k, v in a.items())
        na = math.sqrt(sum(v * v for v in a.values()))
        nb = math.sqrt(sum(v * v for v in b.values()))
        return dot / (na * nb) if na and nb else 0.0

    va, vo = vectors[: len(art)], vectors[len(art) :]
    grid = [[cos(a, o) for o in vo] for a in va]
    return [max(row) for row in grid], [max(col) for col in zip(*grid, strict=True)]


def _label(score: float, low: float, high: float) -> str:
    return "covered" if score >= high else "partial" if score >= low else "absent"


def _tune(scores: list[float], gold: list[str]) -> tuple[float, float]:
    grid = [i / 40 for i in range(41)]
    best = (-1.0, 0.0, 0.0)
    for low in grid:
        for high in grid:
            if high < low:
                continue
            score = macro_f1(gold, [_label(s, low, high) for s in scores], COVERAGES)
            if score > best[0]:
                best = (score, low, high)
    return best[1], best[2]


def _baseline(cases: list[LabeledCase], similarity: Similarity) -> dict[str, Predictions]:
    sims = {case.name: similarity(case) for case in cases}
    out: dict[str, Predictions] = {}
    for case in cases:
        train = [c for c in cases if c.name != case.name]
        art_scores = [s for c in train for s in sims[c.name][0]]
        art_gold = [lab.coverage for c in train for lab in c.article_labels]
        off_scores = [s for c in train for s in sims[c.name][1]]
        off_gold = [lab.in_article for c in train for lab in c.official_labels]
        low, high = _tune(art_scores, art_gold)
        olow, ohigh = _tune(off_scores, off_gold)
        art, off = sims[case.name]
        out[case.name] = Predictions(
            ["reporter"] * len(art),
            [_label(s, low, high) for s in art],
            [_label(s, olow, ohigh) for s in off],
        )
    return out


# --- report ----------------------------------------------------------------------------


def _scores(cases: Sequence[LabeledCase], preds: dict[str, Predictions]) -> dict[str, float]:
    gold_att = [lab.attribution for c in cases for lab in c.article_labels]
    gold_cov = [lab.coverage for c in cases for lab in c.article_labels]
    gold_off = [lab.in_article for c in cases for lab in c.official_labels]
    att = [a for c in cases for a in preds[c.name].attribution]
    cov = [a for c in cases for a in preds[c.name].coverage]
    off = [a for c in cases for a in preds[c.name].official]
    return {
        "attribution": macro_f1(gold_att, att, ATTRIBUTIONS),
        "coverage": macro_f1(gold_cov, cov, COVERAGES),
        "partial": f1(gold_cov, cov, "partial"),
        "absent": f1(gold_cov, cov, "absent"),
        "official": macro_f1(gold_off, off, COVERAGES),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("cases", nargs="?", default="tests/cases", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every wrong label")
    args = parser.parse_args(argv)
    cases = load_cases(args.cases)
    systems = {
        "readout": _engine(cases),
        "difflib": _baseline(cases, difflib_similarity),
        "tfidf": _baseline(cases, tfidf_similarity),
    }
    columns = ("attribution", "coverage", "partial", "absent", "official")
    print(
        f"{len(cases)} cases, {sum(len(c.article_labels) for c in cases)} article and "
        f"{sum(len(c.official_labels) for c in cases)} official sentences; leave-one-case-out"
    )
    print(
        "F1 columns: attribution macro | coverage macro (3 classes) | partial | absent-vs-rest | official-side macro"
    )
    header = f"{'case':<44}{'system':<9}" + "".join(f"{c[:11]:>12}" for c in columns)
    print(header)
    print("-" * len(header))
    for case in cases:
        row = _scores([case], systems["readout"])
        print(f"{case.name[:43]:<44}{'readout':<9}" + "".join(f"{row[c]:>12.2f}" for c in columns))
    print("-" * len(header))
    pooled = {name: _scores(cases, preds) for name, preds in systems.items()}
    for name, row in pooled.items():
        cells = "".join(
            f"{'—':>12}" if name != "readout" and c == "attribution" else f"{row[c]:>12.2f}"
            for c in columns
        )
        print(f"{'POOLED':<44}{name:<9}" + cells)
    for metric in ("coverage", "absent", "official"):
        ours = pooled["readout"][metric]
        ratios = ", ".join(
            f"{ours / pooled[b][metric]:.2f}× {b}" if pooled[b][metric] else f"∞ × {b}"
            for b in ("difflib", "tfidf")
        )
        print(f"{metric}: readout {ours:.2f} = {ratios}")
    if args.errors:
        for case in cases:
            p = systems["readout"][case.name]
            for lab, a, c in zip(case.article_labels, p.attribution, p.coverage, strict=True):
                if a != lab.attribution or c != lab.coverage:
                    text = lab.sentence.text_in(case.article.text)[:90]
                    print(
                        f"{case.name[:6]} att {lab.attribution[:4]}→{a[:4]} cov {lab.coverage[:4]}→{c[:4]} | {text}"
                    )
            for lab, o in zip(case.official_labels, p.official, strict=True):
                if o != lab.in_article:
                    text = lab.sentence.text_in(case.official.text)[:90]
                    print(f"{case.name[:6]} OFFICIAL {lab.in_article[:4]}→{o[:4]} | {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
