"""Labeled comparison cases (the format of tests/cases/README.md), for fitting and evaluation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.engine.document import Document, Sentence


@dataclass(frozen=True)
class ArticleLabel:
    sentence: Sentence
    attribution: str
    coverage: str
    official_match: tuple[int, ...]
    unit: str = "claim"
    patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfficialLabel:
    sentence: Sentence
    in_article: str
    unit: str = "claim"
    patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class LabeledCase:
    name: str
    article: Document
    official: Document
    article_labels: tuple[ArticleLabel, ...]
    official_labels: tuple[OfficialLabel, ...]

    @property
    def number(self) -> int:
        digits = self.name.split("-", 1)[0]
        return int(digits) if digits.isdigit() else -1


def _patterns(item: dict[str, Any]) -> tuple[str, ...]:
    value = item.get("pattern", ())
    return (value,) if isinstance(value, str) else tuple(value)


def _locate(text: str, pieces: list[str]) -> list[Sentence]:
    sentences: list[Sentence] = []
    cursor = 0
    for index, piece in enumerate(pieces):
        piece = piece.strip()
        start = text.find(piece, cursor)
        if start < 0:
            raise ValueError(f"labeled sentence not found in text: {piece[:60]!r}")
        end = start + len(piece)
        paragraph = text.count("\n\n", 0, start)
        sentences.append(Sentence(index, start, end, paragraph))
        cursor = end
    return sentences


def load_case(folder: Path, label_file: str = "labels.json") -> LabeledCase:
    labels = json.loads((folder / label_file).read_text(encoding="utf-8"))
    article_text = (folder / "article.txt").read_text(encoding="utf-8")
    official_text = (folder / "official.txt").read_text(encoding="utf-8")
    article_spans = _locate(article_text, [item["text"] for item in labels["article"]])
    official_spans = _locate(official_text, [item["text"] for item in labels["official"]])
    return LabeledCase(
        name=folder.name,
        article=Document(article_text, title=folder.name, source=str(folder / "article.txt")),
        official=Document(official_text, title=folder.name, source=str(folder / "official.txt")),
        article_labels=tuple(
            ArticleLabel(
                s,
                item["attribution"],
                item["coverage"],
                tuple(item["official_match"]),
                item.get("unit", "claim"),
                _patterns(item),
            )
            for s, item in zip(article_spans, labels["article"], strict=True)
        ),
        official_labels=tuple(
            OfficialLabel(s, item["in_article"], item.get("unit", "claim"), _patterns(item))
            for s, item in zip(official_spans, labels["official"], strict=True)
        ),
    )


def test_numbers(root: Path) -> frozenset[int]:
    """Case numbers of the frozen test split (``splits.json``), never used for any choice."""
    manifest = root / "splits.json"
    if not manifest.is_file():
        return frozenset()
    return frozenset(
        int(n) for n in json.loads(manifest.read_text(encoding="utf-8"))["test_numbers"]
    )


def load_cases(root: Path, split: str = "all") -> list[LabeledCase]:
    """``split``: ``all``, ``dev`` (every case not in the test split) or ``test``."""
    cases = [load_case(p) for p in sorted(root.iterdir()) if (p / "labels.json").is_file()]
    if split == "all":
        return cases
    test = test_numbers(root)
    return [c for c in cases if (c.number in test) == (split == "test")]
