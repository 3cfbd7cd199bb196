"""Figures for issue 16: revision detection against the hand-labelled `revisions.json`
of the cases with two versions, and topic grouping against `topics.json`.

Run `.venv/bin/python -m tests.tools.story_eval` (also part of `make eval`).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from desktop.engine.cases import load_case
from desktop.engine.compare import compare
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


def adjusted_rand_index(truth: Sequence[int], found: Sequence[int]) -> float:
    """Hubert and Arabie's adjusted Rand index of two labellings of the same items."""
    n = len(truth)
    if n < 2:
        return 1.0

    def pairs(count: int) -> float:
        return count * (count - 1) / 2

    joint = sum(pairs(c) for c in Counter(zip(truth, found, strict=True)).values())
    rows = sum(pairs(c) for c in Counter(truth).values())
    columns = sum(pairs(c) for c in Counter(found).values())
    expected = rows * columns / pairs(n)
    best = (rows + columns) / 2
    if math.isclose(best, expected):
        return 1.0
    return (joint - expected) / (best - expected)


def topic_labellings(case: Path, threshold: float | None = None) -> tuple[list[int], list[int]]:
    """(hand topic, engine topic) of every hand-labelled claim the engine also splits out."""
    from desktop.engine.topics import THRESHOLD, topics

    labelled = load_case(case)
    truth_file = json.loads((case / "topics.json").read_text(encoding="utf-8"))
    wanted: dict[tuple[int, int], int] = {}
    for number, topic in enumerate(truth_file["topics"]):
        for i in topic["official"]:
            wanted[(0, labelled.official_labels[i].sentence.start)] = number
        for i in topic["article"]:
            wanted[(1, labelled.article_labels[i].sentence.start)] = number
    comparison = compare(labelled.official, [labelled.article])
    engine_topic = {
        key: topic.id
        for topic in topics(comparison, threshold=THRESHOLD if threshold is None else threshold)
        for key in topic.sentences
    }
    truth: list[int] = []
    found: list[int] = []
    used: set[tuple[int, int]] = set()
    for (document, start), number in sorted(wanted.items()):
        sentences = comparison.documents[document].sentences
        hit = next((s for s in sentences if s.start <= start < s.end), None)
        if hit is None or (document, hit.index) not in engine_topic:
            continue
        if (document, hit.index) in used:
            continue
        used.add((document, hit.index))
        truth.append(number)
        found.append(engine_topic[(document, hit.index)])
    return truth, found


def topic_ari(threshold: float | None = None) -> tuple[float, list[tuple[str, float, int]]]:
    """Mean ARI over the cases with `topics.json`, and (case, ARI, claims) per case."""
    rows = []
    for path in sorted(CASES.glob("*/topics.json")):
        truth, found = topic_labellings(path.parent, threshold)
        rows.append((path.parent.name, adjusted_rand_index(truth, found), len(truth)))
    return sum(r[1] for r in rows) / max(1, len(rows)), rows


def main() -> None:
    f1, rows = revision_f1()
    print("revisions (added/removed/changed sentences, hand-labelled)")
    for name, tp, found, expected in rows:
        print(f"  {name}: {tp} right of {found} found, {expected} expected")
    print(f"  pooled F1 {f1:.3f}")
    mean, topic_rows = topic_ari()
    print("topics (adjusted Rand index against hand-labelled topics.json)")
    for name, ari, claims in topic_rows:
        print(f"  {name}: ARI {ari:.2f} over {claims} claims")
    print(f"  mean ARI {mean:.3f} on {len(topic_rows)} cases")
    sweep = " ".join(f"{t:.2f}:{topic_ari(t)[0]:.3f}" for t in (0.2, 0.24, 0.28, 0.32, 0.4, 0.5))
    print(f"  by threshold (chosen on these same cases): {sweep}")


if __name__ == "__main__":
    main()
