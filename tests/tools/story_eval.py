"""Figures for issue 16: revision detection against the hand-labelled `revisions.json`
of the cases with two versions, the role suggested for each counterpart readout, earlier
version and article of the corpus, and topic grouping against `topics.json`.

Cases of the frozen test split (`splits.json`) are marked "held out"; the topic
threshold sweep, which is for choosing, runs on the development cases only.

Run `.venv/bin/python -m tests.tools.story_eval` (also part of `make eval`).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from desktop.engine.cases import load_case, test_numbers
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


def _number(case: Path) -> int:
    return int(case.name.split("-", 1)[0])


def _held(case: Path) -> str:
    return " (held out)" if _number(case) in test_numbers(CASES) else ""


# The role each file of a case should be suggested beside its `official.txt`.
EXPECTED_ROLES = {
    "article.txt": "background",
    "counterpart.txt": "counterpart",
    "official_v1.txt": "version",
}


# Cases whose `article.txt` is itself the other government's release, as their source.md
# says: 36 is an e-mail forwarding the Indian High Commission's press release.
ARTICLE_IS_COUNTERPART = frozenset({36})


def role_suggestions() -> list[tuple[str, str, str, str]]:
    """(case, file, expected role, suggested role) for every counterpart readout and
    earlier version of the corpus, and every article."""
    from desktop.workspace.role_suggestion import suggest_roles

    rows = []
    for case in sorted(p for p in CASES.iterdir() if (p / "official.txt").is_file()):
        names = [n for n in EXPECTED_ROLES if (case / n).is_file()]
        official = Document((case / "official.txt").read_text(encoding="utf-8"))
        others = [Document((case / n).read_text(encoding="utf-8")) for n in names]
        for suggestion in suggest_roles(official, others):
            name = names[suggestion.index]
            expected = EXPECTED_ROLES[name]
            if name == "article.txt" and _number(case) in ARTICLE_IS_COUNTERPART:
                expected = "counterpart"
            rows.append((case.name, name, expected, suggestion.role.value))
    return rows


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


def topic_ari(
    threshold: float | None = None, *, development_only: bool = False
) -> tuple[float, list[tuple[str, float, int]]]:
    """Mean ARI over the cases with `topics.json`, and (case, ARI, claims) per case
    (``development_only``: without the held-out test split)."""
    rows = []
    for path in sorted(CASES.glob("*/topics.json")):
        if development_only and _held(path.parent):
            continue
        truth, found = topic_labellings(path.parent, threshold)
        rows.append((path.parent.name, adjusted_rand_index(truth, found), len(truth)))
    return sum(r[1] for r in rows) / max(1, len(rows)), rows


def main() -> None:
    f1, rows = revision_f1()
    print("revisions (added/removed/changed sentences, hand-labelled)")
    for name, tp, found, expected in rows:
        held = _held(CASES / name)
        print(f"  {name}{held}: {tp} right of {found} found, {expected} expected")
    print(f"  pooled F1 {f1:.3f}")
    suggested = role_suggestions()
    print("role suggestions (beside each case's official.txt)")
    for role in ("counterpart", "version", "background"):
        rows_of = [r for r in suggested if r[2] == role]
        right = [r for r in rows_of if r[3] == role]
        print(f"  {role}: {len(right)} of {len(rows_of)} suggested right")
        for case, name, _, got in rows_of:
            if got != role or role != "background":
                print(f"    {case}{_held(CASES / case)} {name}: {got}")
    mean, topic_rows = topic_ari()
    print("topics (adjusted Rand index against hand-labelled topics.json)")
    for name, ari, claims in topic_rows:
        print(f"  {name}{_held(CASES / name)}: ARI {ari:.2f} over {claims} claims")
    print(f"  mean ARI {mean:.3f} on {len(topic_rows)} cases")
    dev_mean, dev_rows = topic_ari(development_only=True)
    print(f"  mean ARI {dev_mean:.3f} on the {len(dev_rows)} development cases")
    sweep = " ".join(
        f"{t:.2f}:{topic_ari(t, development_only=True)[0]:.3f}"
        for t in (0.2, 0.24, 0.28, 0.32, 0.4, 0.5)
    )
    print(f"  by threshold, development cases only: {sweep}")


if __name__ == "__main__":
    main()
