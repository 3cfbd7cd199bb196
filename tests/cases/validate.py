"""Check that labeled cases follow tests/cases/README.md: run `python tests/cases/validate.py`."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from desktop.engine.vocabulary import Unit

CASES = Path(__file__).resolve().parent
ATTRIBUTIONS = {"official", "sources", "named", "reporter"}
COVERAGES = {"covered", "partial", "absent"}
UNITS = {unit.value for unit in Unit}
PATTERNS = {
    "title-surname",
    "metonymy",
    "statement-phrase",
    "trailing-tag",
    "embedded-post",
    "anon-relative",
    "acronym",
    "name-variant",
    "paraphrase",
    "added-clause",
    "softened",
    "strengthened",
    "frame-only",
    "non-latin",
    "reporting-verb",
    "interrupted-tag",
    "split-quote",
}
LABEL_FILES = ("labels.json", "labels.second.json")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _unit(item: dict[str, Any]) -> str:
    return str(item.get("unit", "claim"))


def _patterns(item: dict[str, Any]) -> list[str]:
    value = item.get("pattern", [])
    return [value] if isinstance(value, str) else list(value)


def problems(case: Path, label_file: str = "labels.json") -> list[str]:
    found: list[str] = []
    labels = json.loads((case / label_file).read_text(encoding="utf-8"))
    pairs = [("article", "article.txt"), ("official", "official.txt")]
    if "official_v1" in labels:
        pairs.append(("official_v1", "official_v1.txt"))
    if "counterpart" in labels:
        pairs.append(("counterpart", "counterpart.txt"))
    for key, filename in pairs:
        text = (case / filename).read_text(encoding="utf-8")
        joined = "".join(item["text"] for item in labels[key])
        if _squash(joined) != _squash(text):
            a, b = _squash(joined), _squash(text)
            at = next(
                (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                min(len(a), len(b)),
            )
            found.append(
                f"{key}: sentences do not reproduce {filename} near …{b[max(0, at - 40) : at + 40]}…"
            )
        for item in labels[key]:
            if item["text"] not in text:
                found.append(f"{key}: not verbatim in {filename}: {item['text'][:60]}")
            if _unit(item) not in UNITS:
                found.append(f"{key}: bad unit {item['unit']!r}")
            for pattern in _patterns(item):
                if pattern not in PATTERNS:
                    found.append(f"{key}: bad pattern {pattern!r}")
    n_official = len(labels["official"])
    linked: set[int] = set()
    for item in labels["article"]:
        unit = _unit(item)
        if item["attribution"] not in ATTRIBUTIONS:
            found.append(f"bad attribution {item['attribution']!r}")
        if item["coverage"] not in COVERAGES:
            found.append(f"bad coverage {item['coverage']!r}")
        match = item["official_match"]
        if item["coverage"] == "absent" and match:
            found.append(f"absent with matches: {item['text'][:60]}")
        if item["coverage"] != "absent" and not match:
            found.append(f"{item['coverage']} without matches: {item['text'][:60]}")
        if unit not in ("claim", "headline") and item["coverage"] != "absent":
            found.append(f"a {unit} is never covered: {item['text'][:60]}")
        if any(not 0 <= m < n_official for m in match):
            found.append(f"match index out of range: {item['text'][:60]}")
        elif any(_unit(labels["official"][m]) != "claim" for m in match):
            found.append(f"matches a non-claim official unit: {item['text'][:60]}")
        if unit == "claim":
            linked.update(match)
    for i, item in enumerate(labels["official"]):
        if item["in_article"] not in COVERAGES:
            found.append(f"bad in_article {item['in_article']!r}")
        if (item["in_article"] == "absent") != (i not in linked):
            found.append(f"official {i} in_article={item['in_article']} but linked={i in linked}")
    return found


def main() -> int:
    status = 0
    cases = sorted(p for p in CASES.iterdir() if (p / "labels.json").exists())
    for case in cases:
        for label_file in LABEL_FILES:
            if not (case / label_file).exists():
                continue
            for problem in problems(case, label_file):
                print(f"{case.name}/{label_file}: {problem}")
                status = 1
    print(f"{len(cases)} cases valid" if status == 0 else "cases have problems")
    return status


if __name__ == "__main__":
    sys.exit(main())
