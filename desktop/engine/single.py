"""Single-article mode: rebuild the official statement from what an article attributes to it.

Quoted statement text is taken as quoted; a paraphrase attributed to the
statement ("…, the ministry said") is taken without its reporting tag. Each
extracted claim becomes one line of the derived official document, in article
order.
"""

from __future__ import annotations

import re

from desktop.engine.attribution import attribute
from desktop.engine.document import Document
from desktop.engine.segment import split_sentences
from desktop.engine.vocabulary import Attribution

_QUOTE = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")


def extract_official(article: Document) -> Document:
    sentences = split_sentences(article.text)
    texts = [s.text_in(article.text) for s in sentences]
    lines: list[str] = []
    origins: list[str] = []
    for sentence, text, (attribution, cue) in zip(sentences, texts, attribute(texts), strict=True):
        if attribution is not Attribution.OFFICIAL:
            continue
        claim = _claim(text, cue)
        if claim:
            lines.append(claim)
            origins.append(f"{sentence.start}-{sentence.end}")
    title = article.title or "article"
    return Document(
        text="\n".join(lines),
        title=f"Official statement as reported in {title}",
        source=article.source,
        date=article.date,
        metadata={"derived_from": article.source, "article_spans": " ".join(origins)},
    )


def _claim(sentence: str, cue: tuple[int, int] | None) -> str:
    quotes = [m.group(1) or m.group(2) for m in _QUOTE.finditer(sentence)]
    quoted = sum(len(q) for q in quotes)
    letters = len(re.sub(r"\W", "", sentence))
    if quotes and sentence.lstrip()[:1] in '“"' and quoted >= 0.5 * letters:
        body = " … ".join(q.strip().rstrip(",") for q in quotes)
    elif cue is not None:
        body = sentence[: cue[0]] + sentence[cue[1] :]
        body = body.replace("“", "").replace("”", "")
    else:
        body = sentence
    body = re.sub(r"\s+", " ", body)
    body = re.sub(r"\s+([,.;:])", r"\1", body)
    body = re.sub(r",\s*(,|\.|$)", r"\1", body)
    body = re.sub(r"^\W+", "", body).strip(" ,;:")
    if not body:
        return ""
    body = body[0].upper() + body[1:]
    if body[-1] not in ".!?।。":
        body += "."
    return body
