"""The lens on labelled pairs: per-shift F1 and macro F1, beside a baseline.

    python -m tests.tools.shift_eval [--split dev|test|all]

``tests/cases/shifts.json`` holds the matched pairs (a background sentence and the readout
sentence it reports, by their indices in the case's labels.json) with the adjudicated
labels; ``shifts.first.json`` the first labelling as made and ``shifts.second.json`` the
blind second labelling of the same pairs (``shifts.adjudication.md``); the agreement
printed is first against second. The lexicon
(desktop/engine/data/lens.txt) was written on the development pairs; the test-split pairs
(cases in splits.json ``test_numbers``) are scored for the final figure only. The lens
reads each labelled pair directly, so the figures do not depend on the aligner.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from desktop.engine.cases import LabeledCase, load_case, test_numbers
from desktop.engine.lens import RULES, LensRules, baseline, read_pair
from desktop.engine.vocabulary import Shift
from tests.tools.agreement import kappa
from tests.tools.metrics import f1

CASES = Path(__file__).resolve().parents[1] / "cases"
SHIFTS = [s.value for s in Shift]


def load_pairs(name: str = "shifts.json") -> list[dict[str, Any]]:
    pairs: list[dict[str, Any]] = json.loads((CASES / name).read_text(encoding="utf-8"))["pairs"]
    return pairs


def _case(name: str, cache: dict[str, LabeledCase]) -> LabeledCase:
    if name not in cache:
        cache[name] = load_case(CASES / name)
    return cache[name]


def predict(pairs: list[dict[str, Any]], rules: LensRules = RULES) -> tuple[list[str], list[str]]:
    cache: dict[str, LabeledCase] = {}
    lens, base = [], []
    for pair in pairs:
        case = _case(pair["case"], cache)
        b = case.article_labels[pair["article"]].sentence
        o = case.official_labels[pair["official"]].sentence
        b_text, o_text = b.text_in(case.article.text), o.text_in(case.official.text)
        lens.append(read_pair(b_text, b.start, o_text, o.start, rules).shift.value)
        base.append(baseline(b_text, o_text).value)
    return lens, base


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    present = [s for s in SHIFTS if s in gold]
    return sum(f1(gold, predicted, s) for s in present) / len(present)


CANDIDATES = [
    LensRules(margin, dropped) for margin in (0.0, 0.1, 0.2, 0.3) for dropped in (True, False)
]


def cross_validate(pairs: list[dict[str, Any]]) -> None:
    """Leave one development case out: choose the rules on the other cases' pairs (macro
    F1), score the held-out case's pairs with them, and pool the held-out predictions."""
    gold = [p["shift"] for p in pairs]
    by_rules = {rules: predict(pairs, rules)[0] for rules in CANDIDATES}
    held_out = [""] * len(pairs)
    chosen: Counter[LensRules] = Counter()
    for case in sorted({p["case"] for p in pairs}):
        train = [i for i, p in enumerate(pairs) if p["case"] != case]
        best = max(
            CANDIDATES,
            key=lambda r: macro_f1([gold[i] for i in train], [by_rules[r][i] for i in train]),
        )
        chosen[best] += 1
        for i, p in enumerate(pairs):
            if p["case"] == case:
                held_out[i] = by_rules[best][i]
    base = predict(pairs)[1]
    report(gold, held_out, base, "dev pairs, leave-one-case-out")
    for rules, n in chosen.most_common():
        print(f"  chosen in {n} folds: {rules}")


def report(gold: list[str], lens: list[str], base: list[str], title: str) -> None:
    present = [s for s in SHIFTS if s in gold]
    print(f"{title}: {len(gold)} pairs · gold {dict(Counter(gold).most_common())}")
    print(f"  {'shift':<14}{'lens':>8}{'baseline':>10}{'n':>5}")
    for s in SHIFTS:
        print(f"  {s:<14}{f1(gold, lens, s):>8.2f}{f1(gold, base, s):>10.2f}{gold.count(s):>5}")
    lens_macro, base_macro = macro_f1(gold, lens), macro_f1(gold, base)
    print(f"  {'macro F1':<14}{lens_macro:>8.2f}{base_macro:>10.2f}   over {len(present)} present")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument(
        "--errors", action="store_true", help="list the development pairs the lens gets wrong"
    )
    parser.add_argument(
        "--cv", action="store_true", help="cross-validate the lens's rules on the development pairs"
    )
    args = parser.parse_args()
    pairs = load_pairs()
    tests = test_numbers(CASES)
    if args.cv:
        cross_validate([p for p in pairs if int(p["case"][:2]) not in tests])
        return
    lens, base = predict(pairs)
    if args.errors:
        # Development pairs only: the test split's errors are never read.
        for pair, got in zip(pairs, lens, strict=True):
            if int(pair["case"][:2]) not in tests and got != pair["shift"]:
                print(f"{pair['case']}:{pair['article']}:{pair['official']}")
                print(f"  gold {pair['shift']} · lens {got}")
                print(f"  R: {pair['official_text']}")
                print(f"  B: {pair['article_text']}")
        return
    for split in ("dev", "test") if args.split == "all" else (args.split,):
        chosen = [
            i for i, p in enumerate(pairs) if (int(p["case"][:2]) in tests) == (split == "test")
        ]
        if chosen:
            report(
                [pairs[i]["shift"] for i in chosen],
                [lens[i] for i in chosen],
                [base[i] for i in chosen],
                f"{split} pairs",
            )
    second_path = CASES / "shifts.second.json"
    if (CASES / "shifts.first.json").exists():
        pairs = load_pairs("shifts.first.json")
    if second_path.exists():
        second = {
            (p["case"], p["article"], p["official"]): p["shift"]
            for p in load_pairs(second_path.name)
        }
        both = [
            (p["shift"], second[(p["case"], p["article"], p["official"])])
            for p in pairs
            if (p["case"], p["article"], p["official"]) in second
        ]
        first_labels, second_labels = [a for a, _ in both], [b for _, b in both]
        agree = sum(a == b for a, b in both) / len(both)
        print(
            f"agreement of the two labellings: {len(both)} pairs, {agree:.0%} the same, "
            f"Cohen's kappa {kappa(first_labels, second_labels):.2f}"
        )


if __name__ == "__main__":
    main()
