"""Sentence segmentation tuned for news copy and official releases.

pysbd does the sentence-boundary work, called one paragraph at a time because it
grows superlinearly with input length. Around it: lines are paragraphs (so
headlines, datelines, captions and credit lines stand alone), hard-wrapped lines
are rejoined, boundaries inside quotation marks are undone, and Devanagari
dandas and CJK full stops end sentences outside quotations.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

from desktop.engine.document import Sentence
from desktop.engine.phrases import MONTH
from desktop.engine.sbd import Segmenter

_OPENING_QUOTES = "“«„"
_CLOSING_QUOTES = "”»"
_TERMINAL = ".!?।॥。！？۔؟…:"
# Also a full stop glued to the next sentence, as copied pages have it ("other
# issues.According to …"): after a lower-case word, before a capitalised one ("News.Az",
# "Reuters.com" and "U.S.-China" are not cut).
_EXTRA_BOUNDARY = re.compile(
    r"[।॥。！？۔؟][”’\"»)]*(?=\s|$)|[。！？](?![”’\"»)])|\b[a-z]{2,}[.!?](?=[A-Z][a-z])"
)
# A wire dateline that opens its sentence: "MOSCOW, September 15. /TASS/. …" is not cut.
_WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z .'’-]{1,30},\s" + MONTH + r"\s\d{1,2}\.(?:\s/[A-Z-]{2,12}/\.?)?"
)
# Abbreviations pysbd does not know and that news copy uses before a capital or a number.
_NO_BREAK_BEFORE_NEXT = re.compile(
    r"(?:\b(?:Rs|Re|No|Nos|Art|Sec|Gen|Lt|Col|Maj|Brig|Adm|Capt|Cdr|Sgt|Gov|Sen|Rep|Amb|"
    r"Hon|Shri|Smt|Dr|Mr|Mrs|Ms|Md|Mohd|Prof|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"U\.S|U\.K|U\.N|a\.m|p\.m|H\.E|Inc|Ltd|Co|Corp|vs|approx|est|Vol|pp|p)\.)$"
)
# The longest stretch handed to pysbd at once. It is quadratic on list-like text
# ("1. 2. 3." took 0.8 s for 4,000 characters, 34 s for 20,000), so longer
# stretches go in windows cut after a full stop.
_MAX_PARAGRAPH = 500


@lru_cache(maxsize=1)
def _segmenter() -> Segmenter:
    # pysbd builds its regular expressions from strings on every call; with the
    # standard 512-entry cache most of its time went to recompiling them.
    if getattr(re, "_MAXCACHE", 4096) < 4096:
        re._MAXCACHE = 4096  # type: ignore[attr-defined]
    return Segmenter()


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each paragraph: a line, or hard-wrapped lines joined."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped_start = len(body) - len(body.lstrip())
        content = body.strip()
        if content:
            start = pos + stripped_start
            lines.append((start, start + len(content)))
        else:
            lines.append((-1, -1))
        pos += len(raw)
    current: tuple[int, int] | None = None
    for start, end in lines:
        if start < 0:
            if current is not None:
                yield current
            current = None
            continue
        if current is not None and _continues(text, current, start):
            current = (current[0], end)
            continue
        if current is not None:
            yield current
        current = (start, end)
    if current is not None:
        yield current


def _continues(text: str, previous: tuple[int, int], next_start: int) -> bool:
    """A line is a wrapped continuation when the previous line stops mid-sentence
    and this one starts in lower case."""
    tail = text[previous[1] - 1]
    head = text[next_start]
    return tail not in _TERMINAL + _CLOSING_QUOTES + '"' and head.islower()


def _quotes_balanced(text: str, start: int, end: int) -> bool:
    paragraph = text[start:end]
    opening = sum(paragraph.count(q) for q in _OPENING_QUOTES)
    closing = sum(paragraph.count(q) for q in _CLOSING_QUOTES)
    return opening == closing and _straight_quotes(paragraph) % 2 == 0


def _inside_quotes(text: str, start: int, cut: int) -> bool:
    before = text[start:cut]
    depth = sum(before.count(q) for q in _OPENING_QUOTES) - sum(
        before.count(q) for q in _CLOSING_QUOTES
    )
    return depth > 0 or _straight_quotes(before) % 2 == 1


def _straight_quotes(text: str) -> int:
    """Straight double quotes, a doubled apostrophe (''…'', as some sites type them)
    counted as one."""
    return text.count('"') + text.count("''")


_CANDIDATE = re.compile(r"[.?!][”’\"»)]*(?=\s+\S)")


def _pieces(paragraph: str) -> list[str]:
    """Sentence pieces of a paragraph (concatenated they give the paragraph back).

    A full stop followed by a capital after an ordinary word is cut here; only the
    stretches with a doubtful stop (an abbreviation, an initial, a lower-case
    continuation) go through pysbd, which costs about a millisecond per call.
    """
    pieces: list[str] = []
    last = 0
    doubtful = False
    for match in _CANDIDATE.finditer(paragraph):
        word_start = paragraph.rfind(" ", 0, match.start()) + 1
        bare = paragraph[word_start : match.start()].strip('“‘"([')
        following = paragraph[match.end() : match.end() + 4].lstrip()[:1]
        clear = (
            "." not in bare
            and len(bare) > 3
            and not _NO_BREAK_BEFORE_NEXT.search(bare + ".")
            and (following.isupper() or following in '“‘"(')
        )
        if not clear:
            doubtful = True
            continue
        pieces.extend(_resolve(paragraph[last : match.end()], doubtful))
        last = match.end()
        doubtful = False
    pieces.extend(_resolve(paragraph[last:], doubtful))
    return pieces


# Prose has a full stop every 20 characters or more; "1. 2. 3." has one every 3, and
# pysbd spends most of its time there (45 µs a character) for nothing better than this.
_LIST_LIKE_STOPS = 1 / 8


def _resolve(chunk: str, doubtful: bool) -> list[str]:
    if not doubtful:
        return [chunk]
    found: list[str] = []
    for window in _windows(chunk):
        stops = [m.end() for m in _CANDIDATE.finditer(window)]
        if len(stops) > _LIST_LIKE_STOPS * len(window):
            found.extend(window[a:b] for a, b in itertools.pairwise([0, *stops, len(window)]))
        else:
            found.extend(_segmenter().segment(window))
    return found


def _windows(chunk: str) -> Iterator[str]:
    """``chunk`` in pieces of at most ``_MAX_PARAGRAPH`` characters, each cut after the
    last full stop (else the last space) that fits, so a cut falls where a sentence may end."""
    while len(chunk) > _MAX_PARAGRAPH:
        head = chunk[:_MAX_PARAGRAPH]
        stops = [m.end() for m in _CANDIDATE.finditer(head)]
        cut = stops[-1] if stops else head.rfind(" ") + 1
        if cut <= 0:
            cut = _MAX_PARAGRAPH
        yield chunk[:cut]
        chunk = chunk[cut:]
    yield chunk


def _raw_boundaries(text: str, start: int, end: int) -> list[int]:
    """Boundaries (absolute offsets where a sentence starts) proposed inside a paragraph."""
    # Same length, so offsets still hold; pysbd would otherwise break at wrapped lines.
    paragraph = text[start:end].replace("\r", " ").replace("\n", " ")
    pieces = _pieces(paragraph)
    cuts: list[int] = []
    cursor = 0
    for piece in pieces:
        body = piece.strip()
        if not body:
            continue
        found = paragraph.find(body, cursor)
        if found < 0:
            continue
        if found > 0:
            cuts.append(start + found)
        cursor = found + len(body)
    for match in _EXTRA_BOUNDARY.finditer(paragraph):
        after = match.end()
        while after < len(paragraph) and paragraph[after].isspace():
            after += 1
        if 0 < after < len(paragraph):
            cuts.append(start + after)
    return sorted(set(cuts))


def _keep_boundary(text: str, start: int, cut: int, balanced: bool) -> bool:
    if balanced and _inside_quotes(text, start, cut):
        return False
    if cut - start <= 50 and _WIRE_DATELINE.fullmatch(text[start:cut].rstrip()):
        return False
    before = text[max(start, cut - 16) : cut].rstrip()
    if _NO_BREAK_BEFORE_NEXT.search(before):
        return False
    following = text[cut : cut + 2]
    # “Why now?” he asked.  — a quote ending in ? or ! followed by its lower-case tag.
    if before and before[-1] in _CLOSING_QUOTES + '"' and following[:1].islower():
        return False
    return bool(before)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentence units with offsets into ``text``."""
    sentences: list[Sentence] = []
    for paragraph_index, (start, end) in enumerate(_paragraph_spans(text)):
        balanced = _quotes_balanced(text, start, end)
        cuts = [
            c for c in _raw_boundaries(text, start, end) if _keep_boundary(text, start, c, balanced)
        ]
        bounds = [start, *cuts, end]
        for left, right in itertools.pairwise(bounds):
            segment = text[left:right]
            stripped_left = left + (len(segment) - len(segment.lstrip()))
            stripped_right = right - (len(segment) - len(segment.rstrip()))
            if stripped_right > stripped_left:
                sentences.append(
                    Sentence(len(sentences), stripped_left, stripped_right, paragraph_index)
                )
    return sentences
