"""Inter-labeller agreement: Cohen's kappa between the two independent labellings.

``labels.first.json`` is the case writer's labelling as first written,
``labels.second.json`` the second labeller's (who never saw the first);
``labels.json`` is the adjudicated result. Run alone: ``python -m tests.tools.agreement``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

FAMILIES = ("attribution", "coverage", "official", "unit")


def kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa of two label sequences (1.0 when both are constant and equal)."""
    n = len(a)
    if n == 0:
        return float("nan")
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca.keys() | cb.keys()) / (n * n)
    if expected >= 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1.0 - expected)


def _families(labels: dict[str, Any]) -> dict[str, list[str]]:
    return {
        "attribution": [item["attribution"] for item in labels["article"]],
        "coverage": [item["coverage"] for item in labels["article"]],
        "official": [item["in_article"] for item in labels["official"]],
        "unit": [item.get("unit", "claim") for item in labels["article"] + labels["official"]],
    }


def pairs(root: Path) -> list[tuple[str, dict[str, list[str]], dict[str, list[str]]]]:
    """(case, first, second) for every case labelled twice with the same segmentation."""
    out = []
    for folder in sorted(p for p in root.iterdir() if (p / "labels.second.json").is_file()):
        first_file = folder / "labels.first.json"
        if not first_file.is_file():
            first_file = folder / "labels.json"
        first = json.loads(first_file.read_text(encoding="utf-8"))
        second = json.loads((folder / "labels.second.json").read_text(encoding="utf-8"))
        if [i["text"] for i in first["article"]] != [i["text"] for i in second["article"]]:
            continue
        if [i["text"] for i in first["official"]] != [i["text"] for i in second["official"]]:
            continue
        out.append((folder.name, _families(first), _families(second)))
    return out


def agreement_report(root: Path) -> dict[str, float]:
    found = pairs(root)
    print(
        f"\n## Inter-labeller agreement (Cohen's kappa, first vs second labelling, {len(found)} cases)"
    )
    if not found:
        print("no case has a second labelling yet")
        return {}
    pooled = {f: ([], []) for f in FAMILIES}  # type: dict[str, tuple[list[str], list[str]]]
    print(f"{'case':<46}" + "".join(f"{f[:11]:>12}" for f in FAMILIES))
    for name, first, second in found:
        cells = []
        for family in FAMILIES:
            pooled[family][0].extend(first[family])
            pooled[family][1].extend(second[family])
            value = kappa(first[family], second[family])
            cells.append(f"{value:>12.2f}")
        print(f"{name[:45]:<46}" + "".join(cells))
    result = {f: kappa(*pooled[f]) for f in FAMILIES}
    agree = {
        f: sum(x == y for x, y in zip(*pooled[f], strict=True)) / len(pooled[f][0])
        for f in FAMILIES
    }
    print(f"{'POOLED kappa':<46}" + "".join(f"{result[f]:>12.2f}" for f in FAMILIES))
    print(f"{'POOLED raw agreement':<46}" + "".join(f"{agree[f]:>12.2f}" for f in FAMILIES))
    return result


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    agreement_report(Path(args[0]) if args else Path("tests/cases"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
