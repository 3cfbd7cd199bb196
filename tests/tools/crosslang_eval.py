"""Readouts in another language than their coverage: coverage macro-F1 on cases 40 and 41.

Both cases are in the frozen test split, so nothing was tuned on them: the anchors and
their thresholds (desktop/engine/crosslang.py) were set on synthetic pairs. Printed beside
the aligner alone (what Readout reported before it compared across languages).

    python -m tests.tools.crosslang_eval
"""

from __future__ import annotations

from pathlib import Path

from desktop.engine import compare as engine
from desktop.engine.cases import LabeledCase, load_case
from desktop.engine.settings import CompareSettings
from tests.tools.eval import COVERAGES, project
from tests.tools.metrics import macro_f1

CASES = Path(__file__).resolve().parents[1] / "cases"
CROSS_LANGUAGE = (40, 41)


def _aligner_alone(case: LabeledCase) -> engine.Comparison:
    settings = CompareSettings()
    raw = engine._compare(
        case.official, [case.article], engine.default_model(), single_article=False
    )
    return engine._restored(raw, [case.official, case.article], settings)


def _scores(case: LabeledCase, comparison: engine.Comparison) -> tuple[float, float, str]:
    predicted = project(comparison, case)
    article = [
        (label.coverage, p)
        for label, p in zip(case.article_labels, predicted.coverage, strict=True)
        if label.unit == "claim"
    ]
    official = [
        (label.in_article, p)
        for label, p in zip(case.official_labels, predicted.official, strict=True)
        if label.unit == "claim"
    ]
    background = macro_f1([g for g, _ in article], [p for _, p in article], COVERAGES)
    readout = macro_f1([g for g, _ in official], [p for _, p in official], COVERAGES)
    counts = {c: sum(p == c for _, p in article) for c in COVERAGES}
    return background, readout, " ".join(f"{c} {n}" for c, n in counts.items())


def main() -> None:
    print("cross-language cases: coverage macro-F1 (3 classes), claims only")
    print(f"{'case':<48} {'':<10} {'background':>10} {'readout':>8}  predicted")
    for folder in sorted(CASES.iterdir()):
        if not folder.is_dir() or not folder.name[:2].isdigit():
            continue
        if int(folder.name[:2]) not in CROSS_LANGUAGE:
            continue
        case = load_case(folder)
        comparison = engine.compare(case.official, [case.article])
        gold = {
            c: sum(label.coverage == c and label.unit == "claim" for label in case.article_labels)
            for c in COVERAGES
        }
        for name, result in (("anchors", comparison), ("aligner", _aligner_alone(case))):
            background, readout, counts = _scores(case, result)
            print(f"{folder.name:<48} {name:<10} {background:>10.2f} {readout:>8.2f}  {counts}")
        print(
            f"{'':<48} {'gold':<10} {'':>10} {'':>8}  "
            + " ".join(f"{c} {n}" for c, n in gold.items())
        )
        print(
            f"  languages: {[d.language for d in comparison.documents]}; warnings: {list(comparison.warnings)}"
        )


if __name__ == "__main__":
    main()
