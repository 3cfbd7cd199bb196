"""How a comparison is judged: the ignore rules users of Meld and WinMerge expect.

The engine is a pure function of its inputs and these settings. Each rule names a
difference that does not count:

- ``quotes`` — quotation marks: a word quoted on one side and paraphrased on the
  other is the same word (when not ignored, the word diff marks it);
- ``case`` — capitalisation: "Strategic" and "strategic" are the same word (when
  not ignored, the word diff marks them);
- ``whitespace`` — whitespace and line breaks: a single line break reads as a space,
  so text hard-wrapped without blank lines between paragraphs reads as whole
  sentences (when not ignored, every line is a paragraph: headlines, datelines
  and credit lines stand alone);
- ``numbers`` — numbers written as words: "three" and "3", "twenty-five" and "25"
  are the same word, for matching as for the word diff.

Matching always compares words by lemma, so case and quotation marks never move a
claim's coverage; they decide which words of a pair are marked as different.

Every rule that changes what the engine reads is a length-preserving rewrite of
the text (:meth:`CompareSettings.engine_text`), so the engine's offsets stay
offsets into the document's own text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Ignore(StrEnum):
    QUOTES = "quotes"
    CASE = "case"
    WHITESPACE = "whitespace"
    NUMBERS = "numbers"


IGNORE_LABELS = {
    Ignore.QUOTES: "quotation marks",
    Ignore.CASE: "case",
    Ignore.WHITESPACE: "whitespace and line breaks",
    Ignore.NUMBERS: "numbers written as words",
}
# What the engine has always done: words compared without case or quotation marks,
# every line a paragraph, "three" and "3" different words.
DEFAULT_IGNORE = frozenset({Ignore.QUOTES, Ignore.CASE})

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {word: value for value, word in enumerate(_UNITS)}
NUMBER_WORDS.update({word: 20 + 10 * i for i, word in enumerate(_TENS)})
_NUMBER_WORD = re.compile(
    r"\b(?:(?P<tens>" + "|".join(_TENS) + r")(?:[-\u2010\u2011](?P<unit>"
    r"one|two|three|four|five|six|seven|eight|nine))?|(?P<word>" + "|".join(_UNITS) + r"))\b",
    re.IGNORECASE,
)
# A line break that is not part of a blank line (a paragraph break stays one).
_LONE_BREAK = re.compile(r"(?<![\r\n])(\r\n|\r|\n)(?![\r\n])")
QUOTE_MARKS = '"“”„‟«»‹›「」『』'


def number_value(word: str) -> int | None:
    """The value of a number written as one word ("seven", "Twenty-five"), else None."""
    found = _NUMBER_WORD.fullmatch(word)
    return _value(found) if found is not None else None


def _value(found: re.Match[str]) -> int:
    if found.group("word"):
        return NUMBER_WORDS[found.group("word").lower()]
    value = NUMBER_WORDS[found.group("tens").lower()]
    unit = found.group("unit")
    return value + NUMBER_WORDS[unit.lower()] if unit else value


@dataclass(frozen=True)
class CompareSettings:
    """The ignore rules of one comparison (``DEFAULT_IGNORE`` unless the user chose)."""

    ignore: frozenset[Ignore] = field(default=DEFAULT_IGNORE)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ignore", frozenset(Ignore(rule) for rule in self.ignore))

    @classmethod
    def ignoring(cls, rules: Iterable[Ignore | str]) -> CompareSettings:
        return cls(frozenset(Ignore(rule) for rule in rules))

    def ignores(self, rule: Ignore) -> bool:
        return rule in self.ignore

    @property
    def rewrites_text(self) -> bool:
        """Whether the engine reads a rewritten copy of the text (see ``engine_text``)."""
        return Ignore.WHITESPACE in self.ignore or Ignore.NUMBERS in self.ignore

    def engine_text(self, text: str) -> str:
        """``text`` as the engine reads it, the same length and offsets: a lone line break
        becomes a space, a number word its digits padded with spaces."""
        if Ignore.WHITESPACE in self.ignore:
            text = _LONE_BREAK.sub(lambda m: " " * len(m.group()), text)
        if Ignore.NUMBERS in self.ignore:
            text = _NUMBER_WORD.sub(_digits, text)
        return text

    def word_key(self, surface: str, key: str, quoted: bool) -> tuple[str, ...]:
        """What two words must share to count as the same word in the word diff."""
        if Ignore.NUMBERS in self.ignore:
            value = number_value(surface)
            if value is not None:
                key = str(value)
        parts = [key]
        if Ignore.CASE not in self.ignore:
            parts.append(_case_shape(surface))
        if Ignore.QUOTES not in self.ignore:
            parts.append("quoted" if quoted else "")
        return tuple(parts)

    def to_json(self) -> dict[str, Any]:
        """The contract's ``settings`` echo: ``{"ignore": ["case", "quotes"]}``."""
        return {"ignore": sorted(rule.value for rule in self.ignore)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> CompareSettings:
        """Settings from ``to_json`` output; missing (an older session) means the defaults.
        Unknown rules (from a newer Readout) are left out."""
        if not data:
            return cls()
        rules = data.get("ignore", [])
        if not isinstance(rules, list | tuple):
            raise ValueError("settings.ignore is not a list")
        known = {rule.value for rule in Ignore}
        return cls(frozenset(Ignore(r) for r in rules if isinstance(r, str) and r in known))

    def describe(self) -> str:
        """``ignoring case and quotation marks`` (for a status line)."""
        labels = [IGNORE_LABELS[rule] for rule in Ignore if rule in self.ignore]
        if not labels:
            return "ignoring nothing"
        if len(labels) == 1:
            return f"ignoring {labels[0]}"
        return f"ignoring {', '.join(labels[:-1])} and {labels[-1]}"


def _digits(found: re.Match[str]) -> str:
    digits = str(_value(found))
    return digits + " " * (len(found.group()) - len(digits))


def _case_shape(surface: str) -> str:
    if surface.isupper():
        return "upper"
    if surface[:1].isupper():
        return "title"
    return "lower"


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of ``text[start:end]`` inside quotation marks, as absolute offsets.

    One pass: curly and guillemet quotes open and close by their shape, straight
    double quotes toggle; an unclosed quotation runs to the end of the stretch.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for position in range(start, end):
        mark = text[position]
        if mark not in QUOTE_MARKS:
            continue
        if opened is None:
            if mark not in "”»›」』":
                opened = position
        elif mark != "“" and mark != "„" and mark != "«":
            spans.append((opened, position + 1))
            opened = None
    if opened is not None:
        spans.append((opened, end))
    return spans
