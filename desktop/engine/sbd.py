"""pysbd's English segmenter with two of its costs removed, deciding exactly as before.

pysbd spends most of a call on two things that do not need a regular expression:

- after splitting, it finds each sentence back in the input with a pattern built
  from that sentence (``re.escape(sentence) + r"\\s*"``), compiled afresh for every
  sentence it ever sees; here a plain ``str.find`` does the same search;
- for every line it tries each of its 188 abbreviations that occur anywhere in the
  line with a case-insensitive pattern "whitespace or line start, then the
  abbreviation"; an abbreviation written without regex syntax can only match at
  the start of a whitespace-separated word, so the abbreviations no word starts
  with are dropped before pysbd's own loop runs.

``tests/engine/test_sbd.py`` checks both against stock pysbd on every labeled case.
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

import pysbd
from pysbd.lang.english import English
from pysbd.utils import TextSpan


def _literal(abbreviation: str) -> bool:
    """True when pysbd's pattern for ``abbreviation`` matches its own text only."""
    return (
        bool(abbreviation)
        and abbreviation.isascii()
        and abbreviation == abbreviation.lower()
        and not any(ch.isspace() for ch in abbreviation)
        and re.escape(abbreviation) == abbreviation
    )


_ABBREVIATIONS: list[str] = English.Abbreviation.ABBREVIATIONS
_LITERAL = frozenset(a.strip() for a in _ABBREVIATIONS if _literal(a.strip()))
_SPACES = re.compile(r"\s*")
_LENGTHS = tuple(sorted({len(a) for a in _LITERAL}))


# The only characters that match an ASCII letter under IGNORECASE without lower-casing
# to it ("İ" lower-cases to two characters, "K" to "k", "ı" and "ſ" stay themselves).
_CASE_FOLDING_EXCEPTIONS = "\u0130\u0131\u017f\u212a"


def _possible(line: str) -> list[str] | None:
    """The abbreviations that may match in ``line`` (pysbd's order), or None for all."""
    if any(ch in line for ch in _CASE_FOLDING_EXCEPTIONS):
        return None
    # IGNORECASE is then lower-casing, and "^ or \s, then the abbreviation" is a
    # whitespace-separated word that starts with it (``str.split`` and ``\s`` agree on
    # what whitespace is).
    heads = {word[:n] for word in line.lower().split() for n in _LENGTHS}
    return [a for a in _ABBREVIATIONS if a.strip() not in _LITERAL or a.strip() in heads]


class _AbbreviationReplacer(English.AbbreviationReplacer):  # type: ignore[misc]
    lang: Any  # the language class pysbd passes in

    def search_for_abbreviations_in_string(self, text: str) -> str:
        possible = _possible(text)
        if possible is None:
            result: str = super().search_for_abbreviations_in_string(text)
            return result
        language = self.lang
        # pysbd's loop reads the list from ``self.lang``; the rest of the language
        # (prepositive and number abbreviations) is what the loop body consults.
        self.lang = SimpleNamespace(
            Abbreviation=SimpleNamespace(
                ABBREVIATIONS=possible,
                PREPOSITIVE_ABBREVIATIONS=language.Abbreviation.PREPOSITIVE_ABBREVIATIONS,
                NUMBER_ABBREVIATIONS=language.Abbreviation.NUMBER_ABBREVIATIONS,
            )
        )
        try:
            result = super().search_for_abbreviations_in_string(text)
        finally:
            self.lang = language
        return result


class _English(English):  # type: ignore[misc]
    AbbreviationReplacer = _AbbreviationReplacer


class Segmenter(pysbd.Segmenter):  # type: ignore[misc]
    """``pysbd.Segmenter(language="en", clean=False, char_span=False)``, faster."""

    def __init__(self) -> None:
        super().__init__(language="en", clean=False, char_span=False)
        self.language_module = _English

    def sentences_with_char_spans(self, sentences: list[str]) -> list[Any]:
        """pysbd's search, without a pattern: the first occurrence of each sentence
        (and the whitespace after it) that ends beyond the previous one's end."""
        text: str = self.original_text
        spans: list[Any] = []
        prior_end = 0
        for sentence in sentences:
            if not sentence:  # pysbd's pattern is then r"\s*" alone
                for match in _SPACES.finditer(text):
                    if match.end() > prior_end:
                        spans.append(TextSpan(match.group(), *match.span()))
                        prior_end = match.end()
                        break
                continue
            position = 0
            while (found := text.find(sentence, position)) >= 0:
                end = found + len(sentence)
                while end < len(text) and text[end].isspace():
                    end += 1
                if end > prior_end:
                    spans.append(TextSpan(text[found:end], found, end))
                    prior_end = end
                    break
                position = end
        return spans
