"""Related-story blocks at the foot of a news page: other stories' headlines, not claims.

A saved page often ends with the site's "You may like", "Latest stories" or "More from
Asia" block: a run of other stories' headlines (some with their one-line summaries,
bylines or posting times) after the article's last paragraph, usually with no heading
that says what it is. What gives the block away is that it is about something else: its
lines share almost none of the article's informative words. So a run of short,
whole-line paragraphs at the end of the page, most of them unfinished like headlines and
nearly all about other things than the headline and the lede, is marked as links. A
related story that is on the article's own topic keeps its unit: it is indistinguishable
from a claim by its words, and a link missed is less harmful than a claim hidden.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from desktop.engine.lexicon import word_key, word_weight
from desktop.engine.vocabulary import Unit

_WORD = re.compile(r"[^\W\d_]{3,}")
# Words this common (weight below: zipf above 5) say nothing of a topic.
_COMMON = 2.0
# A line shares at most this weighted share of its words with the article's first half.
_OFF_TOPIC = 0.2
# The lede: the headline, the standfirst and this many paragraphs.
_LEDE_PARAGRAPHS = 4
# A run line is short: a headline or a one-line summary.
_MAX_WORDS = 40
# Units a block's lines can have been given: headline-shaped lines come out as
# headlines, standfirsts or bylines ("Peter Turkson" above its story), teasers as claims.
_LISTED = frozenset({Unit.CLAIM, Unit.HEADLINE, Unit.STANDFIRST})
# Furniture inside or after a block (posting times, separators, "Advertisement", the
# article's own "Reporting by …" line) is passed over and keeps its unit.
_FURNITURE = frozenset({Unit.BOILERPLATE, Unit.DATELINE, Unit.LINK, Unit.CREDIT, Unit.BYLINE})


class LineLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def whole_line(self) -> bool: ...
    @property
    def words(self) -> int: ...
    @property
    def terminal(self) -> bool: ...


def _keys(text: str) -> dict[str, float]:
    """Informative word keys of ``text`` with their weights."""
    found: dict[str, float] = {}
    for word in _WORD.findall(text.lower()):
        weight = word_weight(word)
        if weight >= _COMMON:
            found[word_key(word)] = weight
    return found


def _on_topic(keys: dict[str, float], body: set[str]) -> float:
    total = sum(keys.values())
    return sum(w for k, w in keys.items() if k in body) / total if total else 1.0


def _lede(lines: Sequence[LineLike], units: Sequence[Unit]) -> tuple[set[str], int]:
    """The keys of the article's headline, standfirst and first paragraphs, and the
    index of the lede's last line: what the page is about."""
    keys: set[str] = set()
    paragraphs = 0
    for i, (line, unit) in enumerate(zip(lines, units, strict=True)):
        if unit in (Unit.HEADLINE, Unit.STANDFIRST) or (unit is Unit.CLAIM and line.words >= 8):
            keys.update(_keys(line.text))
            paragraphs += unit is Unit.CLAIM
            if paragraphs == _LEDE_PARAGRAPHS:
                return keys, i
    return keys, len(lines)


def mark_related_stories(lines: Sequence[LineLike], units: list[Unit]) -> None:
    """Mark the off-topic run of headline-like lines that ends a news page as links."""
    lede, lede_end = _lede(lines, units)
    if not lede:
        return
    run: list[int] = []  # listed lines from the foot up, each with its own verdict
    off: list[bool] = []
    i = len(lines) - 1
    while i > lede_end:
        line, unit = lines[i], units[i]
        if unit in _FURNITURE:
            i -= 1
            continue
        if unit not in _LISTED or not line.whole_line or line.words > _MAX_WORDS:
            break
        keys = _keys(line.text)
        on_topic = len(keys) >= 2 and _on_topic(keys, lede) >= _OFF_TOPIC
        # One story on a neighbouring subject inside the block does not end it; two
        # on-topic lines in a row are the article's own paragraphs.
        if on_topic and off and not off[-1]:
            run.pop()
            off.pop()
            break
        run.append(i)
        off.append(not on_topic and len(keys) >= 2)
        i -= 1
    while off and not off[-1]:  # the block begins with a story of its own
        run.pop()
        off.pop()
    i = run[-1] - 1 if run else i
    off_topic = sum(off)
    unfinished = sum(1 for k, o in zip(run, off, strict=True) if o and not lines[k].terminal)
    if off_topic < 3 or unfinished < 2 or 2 * unfinished < off_topic:
        return
    for k in run:
        units[k] = Unit.LINK
    # The block's own heading ("You may like", "Latest Stories"), just above it.
    if i > lede_end:
        heading, unit = lines[i], units[i]
        if unit in _LISTED and heading.whole_line and heading.words <= 5 and not heading.terminal:
            units[i] = Unit.LINK
