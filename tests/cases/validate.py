"""Check that labeled cases follow ../shared/cases/README.md: run `python tests/cases/validate.py`."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CASES = Path(__file__).resolve().parent
ATTRIBUTIONS = {"official", "sources", "named", "reporter"}
COVERAGES = {"covered", "partial", "absent"}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def problems(case: Path) -> list[str]:
    found: list[str] = []
    labels = json.loads((case / "labels.json").read_text(encoding="utf-8"))
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
    n_official = len(labels["official"])
    linked: set[int] = set()
    for item in labels["article"]:
        if item["attribution"] not in ATTRIBUTIONS:
            found.append(f"bad attribution {item['attribution']!r}")
        if item["coverage"] not in COVERAGES:
            found.append(f"bad coverage {item['coverage']!r}")
        match = item["official_match"]
        if item["coverage"] == "absent" and match:
            found.append(f"absent with matches: {item['text'][:60]}")
        if item["coverage"] != "absent" and not match:
            found.append(f"{item['coverage']} without matches: {item['text'][:60]}")
        if any(not 0 <= m < n_official for m in match):
            found.append(f"match index out of range: {item['text'][:60]}")
        linked.update(match)
    for i, item in enumerate(labels["official"]):
        if item["in_article"] not in COVERAGES:
            found.append(f"bad in_article {item['in_article']!r}")
        if (item["in_article"] == "absent") != (i not in linked):
            found.append(f"official {i} in_article={item['in_article']} but linked={i in linked}")
    return found


def main() -> int:
    status = 0
    for case in sorted(p for p in CASES.iterdir() if (p / "labels.json").exists()):
        for problem in problems(case):
            print(f"{case.name}: {problem}")
            status = 1
    print("all cases valid" if status == 0 else "cases have problems")
    return status


if __name__ == "__main__":
    sys.exit(main())
