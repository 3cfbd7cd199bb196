"""Figures for issue 16: revision detection against the hand-labelled `revisions.json`
of the cases with two versions, and topic grouping against `topics.json`.

Run `.venv/bin/python -m tests.tools.story_eval` (also part of `make eval`).
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop.engine.document import Document
from desktop.engine.revisions import revise
from desktop.engine.segment import split_sentences

CASES = Path(__file__).resolve().parents[1] / "cases"


def _normal(text: str) -> str:
    return " ".join(text.split())


def revision_items(case: Path) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """(found, expected) revision items of a case as ("added"|"removed"|"changed", text…)."""
    truth = json.loads((case / "revisions.json").read_text(encoding="utf-8"))
    old = Document((case / truth["from"]).read_text(encoding="utf-8"))
    new = Document((case / truth["to"]).read_text(encoding="utf-8"))
    old_sentences = split_sentences(old.text)
    new_sentences = split_sentences(new.text)
    revision = revise(old, new, old_sentences=old_sentences, new_sentences=new_sentences)

    def old_text(i: int) -> str:
        return _normal(old_sentences[i].text_in(old.text))

    def new_text(j: int) -> str:
        return _normal(new_sentences[j].text_in(new.text))

    found = (
        {("added", new_text(j)) for j in revision.added}
        | {("removed", old_text(i)) for i in revision.removed}
        | {("changed", old_text(i), new_text(j)) for i, j in revision.changed}
    )
    expected = (
        {("added", _normal(t)) for t in truth["added"]}
        | {("removed", _normal(t)) for t in truth["removed"]}
        | {("changed", _normal(a), _normal(b)) for a, b in truth["changed"]}
    )
    return found, expected


def revision_f1() -> tuple[float, list[tuple[str, int, int, int]]]:
    """Pooled F1 over the cases with `revisions.json`, and (case, true pos, found, expected)."""
    rows = []
    for case in sorted(CASES.glob("*/revisions.json")):
        found, expected = revision_items(case.parent)
        rows.append((case.parent.name, len(found & expected), len(found), len(expected)))
    tp = sum(r[1] for r in rows)
    precision = tp / max(1, sum(r[2] for r in rows))
    recall = tp / max(1, sum(r[3] for r in rows))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, rows


def main() -> None:
    f1, rows = revision_f1()
    print("revisions (added/removed/changed sentences, hand-labelled)")
    for name, tp, found, expected in rows:
        print(f"  {name}: {tp} right of {found} found, {expected} expected")
    print(f"  pooled F1 {f1:.3f}")


if __name__ == "__main__":
    main()
