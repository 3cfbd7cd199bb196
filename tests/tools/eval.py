"""Accuracy on the labeled cases: `make eval`.

Three pictures, most honest first:

* **test split** — the frozen cases of ``tests/cases/splits.json``: every choice
  (settings grid, fitted weights, baseline thresholds) is made on the development
  cases only; the test cases are scored once.
* **nested leave-one-case-out** on the development cases — for each held-out case
  the settings are chosen by cross-validation on the other cases, the model is
  fitted on them, and the held-out case is scored once.
* **plain leave-one-case-out** — one setting chosen by looking at the pooled
  leave-one-case-out figures themselves (the optimistic way, shown so the
  optimism can be seen).

Baselines run on the same splits with thresholds tuned inside the same folds:
difflib ratio, TF-IDF cosine (coverage), and a regex of cue words (attribution).
Inter-labeller agreement (Cohen's kappa against ``labels.second.json``) is the
ceiling the figures are read against.
"""

from __future__ import annotations

import argparse
import difflib
import math
import multiprocessing
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.engine.cases import LabeledCase, load_case, load_cases, test_numbers
from desktop.engine.compare import Comparison, compare
from desktop.engine.model import AlignmentModel
from desktop.engine.training import (
    GRID,
    PreparedCase,
    Settings,
    fit,
    fit_selected,
    prepare,
    score,
)
from desktop.engine.vocabulary import Unit
from tests.tools.agreement import agreement_report
from tests.tools.calibration import HeldOut, held_out, report
from tests.tools.metrics import f1, macro_f1

ATTRIBUTIONS = ("official", "sources", "named", "reporter")
COVERAGES = ("covered", "partial", "absent")
UNITS = tuple(unit.value for unit in Unit)


@dataclass
class Predictions:
    attribution: list[str]
    coverage: list[str]
    official: list[str]
    article_units: list[str]
    official_units: list[str]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def project(comparison: Comparison, case: LabeledCase) -> Predictions:
    """The engine's labels for each labeled sentence (the engine sentence that overlaps it most)."""
    background = comparison.backgrounds[0].sentences
    official = comparison.official.sentences
    pred = Predictions([], [], [], [], [])
    for label in case.article_labels:
        span = (label.sentence.start, label.sentence.end)
        best = max(background, key=lambda s: _overlap(span, (s.start, s.end)))
        pred.attribution.append(best.attribution.value)
        pred.coverage.append(best.coverage.value)
        pred.article_units.append(best.unit.value)
    for label in case.official_labels:
        span = (label.sentence.start, label.sentence.end)
        best = max(official, key=lambda s: _overlap(span, (s.start, s.end)))
        pred.official.append(best.coverage.value)
        pred.official_units.append(best.unit.value)
    return pred


def _engine_predict(case: LabeledCase, model: AlignmentModel) -> Predictions:
    return project(compare(case.official, [case.article], model=model), case)


# --- the engine under three protocols ---------------------------------------------------

_PREPARED: dict[str, PreparedCase] = {}


def _fold(job: tuple[str, list[str], bool]) -> tuple[str, Predictions, Settings, HeldOut]:
    """One outer fold: choose settings on ``train`` (nested) or take the default, fit and
    calibrate on ``train``, predict the held-out case and collect its calibration data."""
    name, train_names, nested = job
    train = [_PREPARED[n] for n in train_names]
    model, settings = fit_selected(train) if nested else (fit(train, Settings()), Settings())
    prepared = _PREPARED[name]
    return name, _engine_predict(prepared.case, model), settings, held_out(prepared, model)


def _fixed_fold(job: tuple[str, list[str], Settings]) -> tuple[str, Predictions]:
    name, train_names, settings = job
    model = fit([_PREPARED[n] for n in train_names], settings)
    return name, _engine_predict(_PREPARED[name].case, model)


def _pool_map(function: Callable[..., object], jobs: list[object], workers: int) -> list[object]:
    if workers <= 1 or len(jobs) <= 1:
        return [function(job) for job in jobs]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(function, jobs, chunksize=1)


def nested_loco(
    dev: list[LabeledCase], workers: int
) -> tuple[dict[str, Predictions], Counter[Settings], list[HeldOut]]:
    names = [c.name for c in dev]
    jobs: list[object] = [(n, [m for m in names if m != n], True) for n in names]
    out: dict[str, Predictions] = {}
    chosen: Counter[Settings] = Counter()
    calibration: list[HeldOut] = []
    for name, predictions, settings, held in _pool_map(_fold, jobs, workers):  # type: ignore[misc]
        out[name] = predictions
        chosen[settings] += 1
        calibration.append(held)
    return out, chosen, calibration


def plain_loco(dev: list[LabeledCase], workers: int) -> tuple[dict[str, Predictions], Settings]:
    """Every grid setting scored by pooled leave-one-case-out; the best one reported."""
    names = [c.name for c in dev]
    best: tuple[float, Settings, dict[str, Predictions]] | None = None
    for setting in GRID:
        jobs: list[object] = [(n, [m for m in names if m != n], setting) for n in names]
        predictions = dict(_pool_map(_fixed_fold, jobs, workers))  # type: ignore[arg-type]
        value = _scores(dev, predictions)
        total = value["coverage"] + value["official"]
        if best is None or total > best[0] + 1e-9:
            best = (total, setting, predictions)  # type: ignore[assignment]
    assert best is not None
    return best[2], best[1]


def test_split(
    dev: list[LabeledCase], test: list[LabeledCase]
) -> tuple[dict[str, Predictions], Settings, list[HeldOut]]:
    train = [_PREPARED[c.name] for c in dev]
    model, settings = fit_selected(train)
    calibration = [held_out(_PREPARED[c.name], model) for c in test]
    return {c.name: _engine_predict(c, model) for c in test}, settings, calibration


# --- baselines ---------------------------------------------------------------------------

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


_REGEX_SOURCES = re.compile(
    r"\bsources?\b|\bofficials?\s+(?:said|say)|people\s+familiar|\bunderstood\b|\blearnt\b|anonymity",
    re.I,
)
_REGEX_OFFICIAL = re.compile(
    r"\b(?:statement|readout|ministry|spokesperson|spokesman|release|according\s+to\s+the)\b", re.I
)
_REGEX_NAMED = re.compile(r"\b(?:said|says|told|wrote|posted|added)\b")


def regex_attribution(sentence: str) -> str:
    """The ten-line rule the engine must beat: cue words only, first match wins."""
    if _REGEX_SOURCES.search(sentence):
        return "sources"
    if _REGEX_OFFICIAL.search(sentence):
        return "official"
    if _REGEX_NAMED.search(sentence):
        return "named"
    return "reporter"


def _label(score: float, low: float, high: float) -> str:
    return "covered" if score >= high else "partial" if score >= low else "absent"


def _tune(scores: list[float], gold: list[str]) -> tuple[float, float]:
    grid = [i / 40 for i in range(41)]
    best = (-1.0, 0.0, 0.0)
    for low in grid:
        for high in grid:
            if high < low:
                continue
            value = macro_f1(gold, [_label(s, low, high) for s in scores], COVERAGES)
            if value > best[0]:
                best = (value, low, high)
    return best[1], best[2]


def _baseline_predict(
    train: Sequence[LabeledCase],
    case: LabeledCase,
    sims: dict[str, tuple[list[float], list[float]]],
) -> Predictions:
    art_scores = [s for c in train for s in sims[c.name][0]]
    art_gold = [lab.coverage for c in train for lab in c.article_labels]
    off_scores = [s for c in train for s in sims[c.name][1]]
    off_gold = [lab.in_article for c in train for lab in c.official_labels]
    low, high = _tune(art_scores, art_gold)
    olow, ohigh = _tune(off_scores, off_gold)
    art, off = sims[case.name]
    texts, _ = _texts(case)
    return Predictions(
        [regex_attribution(t) for t in texts],
        [_label(s, low, high) for s in art],
        [_label(s, olow, ohigh) for s in off],
        ["claim"] * len(art),
        ["claim"] * len(off),
    )


def baseline_loco(cases: list[LabeledCase], similarity: Similarity) -> dict[str, Predictions]:
    sims = {case.name: similarity(case) for case in cases}
    return {
        case.name: _baseline_predict([c for c in cases if c.name != case.name], case, sims)
        for case in cases
    }


def baseline_split(
    dev: list[LabeledCase], test: list[LabeledCase], similarity: Similarity
) -> dict[str, Predictions]:
    sims = {case.name: similarity(case) for case in [*dev, *test]}
    return {case.name: _baseline_predict(dev, case, sims) for case in test}


# --- report ------------------------------------------------------------------------------

COLUMNS = ("attribution", "coverage", "partial", "absent", "official", "units")


def _gold(cases: Sequence[LabeledCase]) -> dict[str, list[str]]:
    return {
        "attribution": [lab.attribution for c in cases for lab in c.article_labels],
        "coverage": [lab.coverage for c in cases for lab in c.article_labels],
        "official": [lab.in_article for c in cases for lab in c.official_labels],
        "units": [lab.unit for c in cases for lab in c.article_labels]
        + [lab.unit for c in cases for lab in c.official_labels],
    }


def _predicted(cases: Sequence[LabeledCase], preds: dict[str, Predictions]) -> dict[str, list[str]]:
    return {
        "attribution": [a for c in cases for a in preds[c.name].attribution],
        "coverage": [a for c in cases for a in preds[c.name].coverage],
        "official": [a for c in cases for a in preds[c.name].official],
        "units": [u for c in cases for u in preds[c.name].article_units]
        + [u for c in cases for u in preds[c.name].official_units],
    }


def _scores(cases: Sequence[LabeledCase], preds: dict[str, Predictions]) -> dict[str, float]:
    gold, pred = _gold(cases), _predicted(cases, preds)
    return {
        "attribution": macro_f1(gold["attribution"], pred["attribution"], ATTRIBUTIONS),
        "coverage": macro_f1(gold["coverage"], pred["coverage"], COVERAGES),
        "partial": f1(gold["coverage"], pred["coverage"], "partial"),
        "absent": f1(gold["coverage"], pred["coverage"], "absent"),
        "official": macro_f1(gold["official"], pred["official"], COVERAGES),
        "units": macro_f1(gold["units"], pred["units"], UNITS),
    }


def _table(
    title: str, cases: Sequence[LabeledCase], systems: dict[str, dict[str, Predictions]]
) -> None:
    print(
        f"\n## {title} — {len(cases)} cases, "
        f"{sum(len(c.article_labels) for c in cases)} article / "
        f"{sum(len(c.official_labels) for c in cases)} official sentences"
    )
    header = f"{'system':<22}" + "".join(f"{c[:11]:>12}" for c in COLUMNS)
    print(header)
    print("-" * len(header))
    rows = {name: _scores(cases, preds) for name, preds in systems.items()}
    for name, row in rows.items():
        cells = []
        for column in COLUMNS:
            baseline = not name.startswith("readout")
            if (
                (baseline and column == "units")
                or (baseline and name != "regex" and column == "attribution")
                or (name == "regex" and column != "attribution")
            ):
                cells.append(f"{'—':>12}")
            else:
                cells.append(f"{row[column]:>12.2f}")
        print(f"{name:<22}" + "".join(cells))
    engine = next(v for k, v in rows.items() if k.startswith("readout"))
    for metric in ("coverage", "absent", "official", "partial"):
        best = max(rows[b][metric] for b in ("difflib", "tfidf") if b in rows)
        print(
            f"  {metric}: readout {engine[metric]:.2f}, best baseline {best:.2f} "
            f"(+{engine[metric] - best:.2f})"
        )
    if "regex" in rows:
        print(
            f"  attribution: readout {engine['attribution']:.2f}, regex {rows['regex']['attribution']:.2f} "
            f"(+{engine['attribution'] - rows['regex']['attribution']:.2f})"
        )


def _confusion(name: str, gold: list[str], pred: list[str], classes: Sequence[str]) -> None:
    present = [c for c in classes if c in gold or c in pred]
    print(f"\n{name}: rows gold, columns predicted; per-class F1 on the right")
    print(f"{'':<13}" + "".join(f"{c[:10]:>11}" for c in present) + f"{'F1':>8}")
    for g in present:
        counts = Counter(p for gg, p in zip(gold, pred, strict=True) if gg == g)
        print(
            f"{g[:12]:<13}"
            + "".join(f"{counts[p]:>11}" for p in present)
            + f"{f1(gold, pred, g):>8.2f}"
        )


# The attribution families of issue 11 and the pattern tag that marks their sentences
# in labels.json; ``None`` where no tag exists (no figure is invented for them).
FAMILIES: tuple[tuple[str, str | None], ...] = (
    ("trailing institutional tag", "trailing-tag"),
    ("statement as phrase or object", "statement-phrase"),
    ("government by metonymy", "metonymy"),
    ("ministry acronym (MEA, ISPR, …)", "acronym"),
    ("title then surname", "title-surname"),
    ("embedded social-media post", "embedded-post"),
    ("reporting verbs, on-record speech", "reporting-verb"),
    ("subject: relative clause", "anon-relative"),
    ("subject: parentheses, after-clause, em-dash", "interrupted-tag"),
    ("no split inside quotation marks", "split-quote"),
)


def _pattern_rows(
    cases: Sequence[LabeledCase], preds: dict[str, Predictions], pattern: str
) -> tuple[list[str], list[str], list[bool]]:
    """Gold and predicted attribution of the article sentences tagged ``pattern``, and
    whether each one's coverage is right (official sentences count for coverage only)."""
    gold: list[str] = []
    pred: list[str] = []
    coverage: list[bool] = []
    for case in cases:
        p = preds[case.name]
        for lab, att, cov in zip(case.article_labels, p.attribution, p.coverage, strict=True):
            if pattern in lab.patterns:
                gold.append(lab.attribution)
                pred.append(att)
                coverage.append(cov == lab.coverage)
        for lab, off in zip(case.official_labels, p.official, strict=True):
            if pattern in lab.patterns:
                coverage.append(off == lab.in_article)
    return gold, pred, coverage


def _patterns(
    cases: Sequence[LabeledCase], preds: dict[str, Predictions], regex: dict[str, Predictions]
) -> None:
    """Per hard pattern: attribution share right and macro-F1 (over the classes present
    in the tagged article sentences), engine beside the regex baseline; coverage share."""
    tags = sorted(
        {p for c in cases for lab in c.article_labels for p in lab.patterns}
        | {p for c in cases for lab in c.official_labels for p in lab.patterns}
    )
    print(
        f"\n{'pattern':<18}{'article':>8}{'att right':>10}{'regex':>7}"
        f"{'att F1':>8}{'regex':>7}{'n all':>7}{'coverage':>10}"
    )
    for tag in tags:
        gold, pred, coverage = _pattern_rows(cases, preds, tag)
        _, base, _ = _pattern_rows(cases, regex, tag)
        if gold:
            present = [c for c in ATTRIBUTIONS if c in gold]
            right = sum(g == q for g, q in zip(gold, pred, strict=True)) / len(gold)
            base_right = sum(g == q for g, q in zip(gold, base, strict=True)) / len(gold)
            cells = (
                f"{right:>10.2f}{base_right:>7.2f}"
                f"{macro_f1(gold, pred, present):>8.2f}{macro_f1(gold, base, present):>7.2f}"
            )
        else:
            cells = f"{'—':>10}{'—':>7}{'—':>8}{'—':>7}"
        print(
            f"{tag:<18}{len(gold):>8}{cells}{len(coverage):>7}{sum(coverage) / len(coverage):>10.2f}"
        )
    print("\nissue 11 attribution families (att right / macro-F1, engine vs regex):")
    for family, tag in FAMILIES:
        if tag is None:
            print(f"  {family:<44} no pattern tag in labels.json: no figure")
            continue
        gold, pred, _ = _pattern_rows(cases, preds, tag)
        _, base, _ = _pattern_rows(cases, regex, tag)
        if not gold:
            print(f"  {family:<44} [{tag}] no tagged article sentence here")
            continue
        present = [c for c in ATTRIBUTIONS if c in gold]
        right = sum(g == q for g, q in zip(gold, pred, strict=True)) / len(gold)
        base_right = sum(g == q for g, q in zip(gold, base, strict=True)) / len(gold)
        print(
            f"  {family:<44} [{tag}] n={len(gold)}: {right:.2f} / "
            f"{macro_f1(gold, pred, present):.2f} vs regex {base_right:.2f} / "
            f"{macro_f1(gold, base, present):.2f}"
        )


def _unit_f1(cases: Sequence[LabeledCase], preds: dict[str, Predictions]) -> None:
    gold, pred = _gold(cases)["units"], _predicted(cases, preds)["units"]
    cells = [f"{u} {f1(gold, pred, u):.2f} (n={gold.count(u)})" for u in UNITS if u in gold]
    print("\nunit F1: " + ", ".join(cells))


def _errors(cases: Sequence[LabeledCase], preds: dict[str, Predictions]) -> None:
    for case in cases:
        p = preds[case.name]
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("cases", nargs="?", default="tests/cases", type=Path)
    parser.add_argument(
        "--errors", action="store_true", help="list every wrong label of the development cases"
    )
    parser.add_argument("--quick", action="store_true", help="skip plain leave-one-case-out")
    parser.add_argument(
        "--dev", action="store_true", help="development figures only: never score the test split"
    )
    parser.add_argument("--workers", type=int, default=max(1, min(2, multiprocessing.cpu_count())))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    cases = load_cases(args.cases)
    test_set = test_numbers(args.cases)
    dev = [c for c in cases if c.number not in test_set]
    test = [c for c in cases if c.number in test_set]
    for case in cases:
        _PREPARED[case.name] = prepare(case)
    print(
        f"{len(cases)} cases: {len(dev)} development, {len(test)} frozen test "
        f"({', '.join(str(c.number) for c in test)})"
    )

    agreement_report(args.cases)

    if test and not args.dev:
        split, split_settings, split_calibration = test_split(dev, test)
        regex_split = baseline_split(dev, test, tfidf_similarity)
        _table(
            f"TEST SPLIT (the honest figures; settings chosen on development cases: {split_settings})",
            test,
            {
                "readout": split,
                "difflib": baseline_split(dev, test, difflib_similarity),
                "tfidf": baseline_split(dev, test, tfidf_similarity),
                "regex": regex_split,
            },
        )
        _unit_f1(test, split)
        print("\n## Per pattern (test split; figures only, never read for errors)")
        _patterns(test, split, regex_split)
        report("test split (model and calibration fitted on development cases)", split_calibration)

    nested, chosen, nested_calibration = nested_loco(dev, args.workers)
    baselines = {
        "difflib": baseline_loco(dev, difflib_similarity),
        "tfidf": baseline_loco(dev, tfidf_similarity),
    }
    baselines["regex"] = baselines["tfidf"]
    _table("NESTED leave-one-case-out (development cases)", dev, {"readout": nested, **baselines})
    print(
        "  settings chosen inside the folds: "
        + "; ".join(f"{s} ×{n}" for s, n in chosen.most_common())
    )
    _unit_f1(dev, nested)
    report(
        "NESTED leave-one-case-out (model and calibration fitted on the other cases)",
        nested_calibration,
    )
    if not args.quick:
        plain, plain_setting = plain_loco(dev, args.workers)
        _table(
            f"PLAIN leave-one-case-out, setting chosen on these figures ({plain_setting})",
            dev,
            {"readout (optimistic)": plain, **baselines},
        )

    gold, pred = _gold(dev), _predicted(dev, nested)
    print("\n## Confusion matrices (nested, development cases)")
    _confusion("attribution", gold["attribution"], pred["attribution"], ATTRIBUTIONS)
    _confusion("article coverage", gold["coverage"], pred["coverage"], COVERAGES)
    _confusion("official side", gold["official"], pred["official"], COVERAGES)
    _confusion("units", gold["units"], pred["units"], UNITS)
    print("\n## Per pattern (nested, development cases)")
    _patterns(dev, nested, baselines["regex"])
    print("\n## Per case (nested)")
    for case in dev:
        row = _scores([case], nested)
        print(f"{case.name[:44]:<45}" + "".join(f"{row[c]:>8.2f}" for c in COLUMNS))
    if args.errors:
        _errors(dev, nested)
    print(f"\nmake eval took {time.perf_counter() - started:.0f} s")
    return 0


__all__ = ["load_case", "main", "project", "regex_attribution", "score"]

if __name__ == "__main__":
    sys.exit(main())
