"""Labeled comparison cases (the format of tests/cases/README.md), for fitting and evaluation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop.engine.document import Document, Sentence


@dataclass(frozen=True)
class ArticleLabel:
    sentence: Sentence
    attribution: str
    coverage: str
    official_match: tuple[int, ...]


@dataclass(frozen=True)
class OfficialLabel:
    sentence: Sentence
    in_article: str


@dataclass(frozen=True)
class LabeledCase:
    name: str
    article: Document
    official: Document
    article_labels: tuple[ArticleLabel, ...]
    official_labels: tuple[OfficialLabel, ...]


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


def load_case(folder: Path) -> LabeledCase:
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    article_text = (folder / "article.txt").read_text(encoding="utf-8")
    official_text = (folder / "official.txt").read_text(encoding="utf-8")
    article_spans = _locate(article_text, [item["text"] for item in labels["article"]])
    official_spans = _locate(official_text, [item["text"] for item in labels["official"]])
    return LabeledCase(
        name=folder.name,
        article=Document(article_text, title=folder.name, source=str(folder / "article.txt")),
        official=Document(official_text, title=folder.name, source=str(folder / "official.txt")),
        article_labels=tuple(
            ArticleLabel(s, item["attribution"], item["coverage"], tuple(item["official_match"]))
            for s, item in zip(article_spans, labels["article"], strict=True)
        ),
        official_labels=tuple(
            OfficialLabel(s, item["in_article"])
            for s, item in zip(official_spans, labels["official"], strict=True)
        ),
    )


def load_cases(root: Path) -> list[LabeledCase]:
    return [load_case(p) for p in sorted(root.iterdir()) if (p / "labels.json").is_file()]
