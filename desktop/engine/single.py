"""Single-article mode: rebuild the official statement from what an article attributes to it.

Quoted statement text is taken as quoted; a paraphrase attributed to the
statement ("…, the ministry said") is taken without its reporting tag. Each
extracted claim becomes one line of the derived official document, in article
order.

An article often reports two governments' statements (the ministry's readout and
the counterpart's). The official side is one government's: each official cue is
marked with the government it names ("the MEA", "the White House readout",
"the Chinese foreign ministry"); an unmarked cue ("it added", "the readout
said") takes the mark of the official sentence just before it. When cues name
more than one government, the one named most often is the statement's; a cue
that calls its readout "its own" names the counterpart. Sentences marked with
another government stay in the background only.
"""

from __future__ import annotations

import bisect
import re

from desktop.engine.attribution import attribute
from desktop.engine.document import Document, Sentence
from desktop.engine.segment import split_sentences
from desktop.engine.units import classify
from desktop.engine.vocabulary import Attribution, Unit

ArticleAnalysis = tuple[
    list[Sentence], list[tuple[Attribution, tuple[int, int] | None]], list[Unit]
]


def analyse(document: Document) -> ArticleAnalysis:
    """Sentences of a document, the unit of each, and the attribution (with cue offsets)."""
    sentences = split_sentences(document.text)
    units = classify(document.text, sentences, official=False, metadata=document.metadata)
    texts = [s.text_in(document.text) for s in sentences]
    return sentences, attribute(texts, units, paragraphs(document.text, sentences)), units


def paragraphs(text: str, sentences: list[Sentence]) -> list[int]:
    """The blank-line-separated paragraph each sentence starts in."""
    breaks = [m.end() for m in re.finditer(r"\n[ \t]*\n", text)]
    return [bisect.bisect_right(breaks, s.start) for s in sentences]


_QUOTE = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")


def extract_official(article: Document, analysis: ArticleAnalysis | None = None) -> Document:
    """The official statement as the article reports it (``analysis``: the article's
    sentences and attributions when the caller already has them)."""
    sentences, attributions, units = analysis or analyse(article)
    texts = [s.text_in(article.text) for s in sentences]
    lines: list[str] = []
    origins: list[str] = []
    official = [
        (sentence, text, cue)
        for sentence, text, (attribution, cue), unit in zip(
            sentences, texts, attributions, units, strict=True
        )
        if attribution is Attribution.OFFICIAL and unit is Unit.CLAIM
    ]
    marks = government_marks([(text, cue) for _, text, cue in official])
    home = _home_government(marks, [text for _, text, _ in official])
    for (sentence, text, cue), mark in zip(official, marks, strict=True):
        if mark is not None and home is not None and mark != home:
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


_GOVERNMENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I))
    for name, pattern in (
        ("us", r"\b(?:white house|pentagon|state department|u\.?s\.?|american|washington)\b"),
        ("india", r"\b(?:mea|ministry of external affairs|indian|new delhi|pib|raksha)\b"),
        ("china", r"\b(?:chinese|beijing|china's)\b"),
        ("russia", r"\b(?:kremlin|russian|moscow)\b"),
        ("pakistan", r"\b(?:ispr|pakistani|islamabad|rawalpindi)\b"),
        ("uk", r"\b(?:british|downing street|whitehall|uk)\b"),
        ("japan", r"\b(?:japanese|tokyo)\b"),
    )
)
_OWN_READOUT = re.compile(r"\bits\s+own\s+(?:readout|statement|release|account)\b", re.I)


def government_marks(official: list[tuple[str, tuple[int, int] | None]]) -> list[str | None]:
    """The government each official sentence's cue names (offsets into the sentence), in
    order; an unmarked cue ("it added", "the readout said") takes the previous mark."""
    marks: list[str | None] = []
    for text, cue in official:
        cue_text = text[cue[0] : cue[1]] if cue else ""
        mark = next((name for name, pattern in _GOVERNMENTS if pattern.search(cue_text)), None)
        if mark is None and marks and cue_text:
            mark = marks[-1]  # "it added", "the readout said": the statement just cited
        marks.append(mark)
    return marks


def _home_government(marks: list[str | None], texts: list[str]) -> str | None:
    counterparts = {m for m, t in zip(marks, texts, strict=True) if m and _OWN_READOUT.search(t)}
    counts: dict[str, int] = {}
    for mark in marks:
        if mark is not None and mark not in counterparts:
            counts[mark] = counts.get(mark, 0) + 1
    if counterparts and not counts:
        return "unmarked"  # only the counterpart is named: keep the unmarked statement
    if len(counts) + len(counterparts) < 2:
        return None
    return max(counts, key=lambda name: (counts[name], -marks.index(name)))


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
    body = re.sub(r"(?<!\s)\s+([,.;:])", r"\1", body)  # from a run's start only: linear
    body = re.sub(r",\s*(,|\.|$)", r"\1", body)
    body = re.sub(r"^\W+", "", body).strip(" ,;:")
    body = re.sub(r"^(?:that|and)\s+", "", body, flags=re.I)
    if not body:
        return ""
    body = body[0].upper() + body[1:]
    if body[-1] not in ".!?।。":
        body += "."
    return body
