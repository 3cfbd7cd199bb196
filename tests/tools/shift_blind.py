"""Print the labelled shift pairs as texts only, for a blind labelling.

    python -m tests.tools.shift_blind [--seed N]

Each pair is shown as its key (case, article index, official index) and the two sentence
texts, in a shuffled order, never with a label of ``shifts.json``. A labeller writes one
line per pair (``KEY<TAB>shift``) against ``tests/cases/shifts.definitions.md``, and
``--write LABELS`` turns those lines into ``shifts.second.json`` in the pairs' order.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from desktop.engine.vocabulary import Shift
from tests.tools.shift_eval import CASES, load_pairs


def _key(pair: dict[str, object]) -> str:
    return f"{pair['case']}:{pair['article']}:{pair['official']}"


def show(seed: int) -> None:
    pairs = load_pairs()
    random.Random(seed).shuffle(pairs)
    for pair in pairs:
        print(_key(pair))
        print(f"  R: {pair['official_text']}")
        print(f"  B: {pair['article_text']}")
        print()


def write(labels_path: Path, comment: str) -> None:
    shifts = {s.value for s in Shift}
    labels: dict[str, str] = {}
    for line in labels_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            key, shift = line.split("\t")[:2]
            if shift not in shifts:
                sys.exit(f"{key}: {shift!r} is not a shift ({', '.join(sorted(shifts))})")
            labels[key] = shift
    pairs = load_pairs()
    missing = [_key(p) for p in pairs if _key(p) not in labels]
    if missing:
        sys.exit(f"{len(missing)} pairs have no label, e.g. {missing[0]}")
    out = {
        "comment": comment,
        "pairs": [
            {
                "case": p["case"],
                "article": p["article"],
                "official": p["official"],
                "shift": labels[_key(p)],
            }
            for p in pairs
        ],
    }
    text = json.dumps(out, ensure_ascii=False, indent=1) + "\n"
    (CASES / "shifts.second.json").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=31)
    parser.add_argument("--write", type=Path, help="KEY<TAB>shift lines to save")
    parser.add_argument("--comment", default="", help="the header of shifts.second.json")
    args = parser.parse_args()
    if args.write:
        write(args.write, args.comment)
    else:
        show(args.seed)


if __name__ == "__main__":
    main()
