r"""pysbd's English segmenter with its costliest steps done without a pattern per string,
deciding exactly as before.

- After splitting, pysbd finds each sentence back in the input with a pattern built
  from that sentence (``re.escape(sentence) + r"\s*"``), compiled afresh for every
  sentence it ever sees; here a plain ``str.find`` does the same search.
- For every line it tries each of its 188 abbreviations that occur anywhere in the
  line with a case-insensitive pattern "whitespace or line start, then the
  abbreviation", then reads the next letter with a second pattern, then runs a
  substitution per match. An abbreviation written without regex syntax can only
  match at the start of a whitespace-separated word, so the others are skipped and
  the matches found with ``str.find``; the second pattern needs a "{" the line does
  not have; a substitution whose "word." is not in the line changes nothing.

``tests/engine/test_sbd.py`` checks both against stock pysbd on every labeled case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pysbd
from pysbd.lang.english import English
from pysbd.lists_item_replacer import ListItemReplacer
from pysbd.processor import Processor
from pysbd.utils import Rule, Text, TextSpan


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
_STRIPPED = tuple((a.strip(), a.strip() in _LITERAL) for a in _ABBREVIATIONS)
_LENGTHS = tuple(sorted({len(a) for a in _LITERAL}))
# Each literal abbreviation's place in pysbd's order, and the others with theirs.
_ORDER = {stripped: n for n, (stripped, literal) in enumerate(_STRIPPED) if literal}
_WITH_SYNTAX = tuple(
    (n, stripped) for n, (stripped, literal) in enumerate(_STRIPPED) if not literal
)


# The only characters that match an ASCII letter under IGNORECASE without lower-casing
# to it ("İ" lower-cases to two characters, "K" to "k", "ı" and "ſ" stay themselves).
_CASE_FOLDING_EXCEPTIONS = "\u0130\u0131\u017f\u212a"


def _at_word_starts(text: str, abbreviation: str) -> list[str]:
    r"""``re.findall(r"(?:^|\s|\r|\n)" + abbreviation, text, re.I)`` for a literal
    lower-case abbreviation, on text without case-folding exceptions (where IGNORECASE
    is lower-casing): each occurrence at the start or after a whitespace character, that
    character included, scanning on after each match as ``findall`` does."""
    lowered = text.lower()
    found: list[str] = []
    resume = 0
    at = lowered.find(abbreviation)
    while at >= 0:
        end = at + len(abbreviation)
        if at == 0:
            found.append(text[:end])
            resume = end
        elif at - 1 >= resume and text[at - 1].isspace():
            found.append(text[at - 1 : end])
            resume = end
        at = lowered.find(abbreviation, at + 1)
    return found


def _pysbd_matches(text: str, abbreviation: str) -> list[str]:
    """pysbd's own search for an abbreviation with regex syntax in it ("e.g", "ph.d")."""
    found: list[str] = re.findall(
        r"(?:^|\s|\r|\n){}".format(abbreviation),  # noqa: UP032 (pysbd's pattern, verbatim)
        text,
        flags=re.IGNORECASE,
    )
    return found


class _AbbreviationReplacer(English.AbbreviationReplacer):  # type: ignore[misc]
    text: str

    def search_for_abbreviations_in_string(self, text: str) -> str:
        """pysbd's loop over its abbreviations, on a line without "{" or case-folding
        exceptions: only abbreviations some word starts with are searched, without a
        pattern when they are plain letters, and a replacement whose period is not in
        the line is not tried."""
        if "{" in text or any(ch in text for ch in _CASE_FOLDING_EXCEPTIONS):
            result: str = super().search_for_abbreviations_in_string(text)
            return result
        lowered = text.lower()
        # "^ or \s, then the abbreviation" is a whitespace-separated word that starts
        # with it (``str.split`` and ``\s`` agree on what whitespace is).
        heads = {word[:n] for word in set(lowered.split()) for n in _LENGTHS}
        # The abbreviations the loop would not skip, in its order: the literal ones some
        # word starts with (so they are in the line), the others that are in the line.
        tried = sorted(
            [_ORDER[a] for a in heads.intersection(_ORDER)]
            + [n for n, stripped in _WITH_SYNTAX if stripped in lowered]
        )
        for n in tried:
            stripped, literal = _STRIPPED[n]
            find = _at_word_starts if literal else _pysbd_matches
            matches = find(text, stripped)
            # pysbd reads the next word's first letter with a pattern that needs
            # "{abbreviation} " in the line (its braces are literal): never here.
            for index, match in enumerate(matches):
                word = match.strip()
                # Each of pysbd's replacements turns a period right after the word.
                if word + "." not in text and re.escape(word) == word:
                    continue
                text = self.scan_for_replacements(text, match, index, [])
        return text

    def replace(self) -> str:
        """pysbd's, without its last five patterns where they would find nothing: each
        needs a "∯" (a period pysbd has hidden), and most text has none."""
        # The first three need ".'s", "Co." and a stop as the line's second character.
        text = self.text
        if ".'s" in text:
            text = Text(text).apply(self.lang.PossessiveAbbreviationRule)
        if "Co." in text:
            text = Text(text).apply(self.lang.KommanditgesellschaftRule)
        single = self.lang.SingleLetterAbbreviationRules
        if text[1:2] == ".":
            text = Text(text).apply(single.SingleUpperCaseLetterAtStartOfLineRule)
        self.text = Text(text).apply(single.SingleUpperCaseLetterRule)
        abbr_handled_text = ""
        for line in self.text.splitlines(True):
            abbr_handled_text += self.search_for_abbreviations_in_string(line)
        self.text = abbr_handled_text
        self.replace_multi_period_abbreviations()
        if "∯" in self.text:
            self.text = Text(self.text).apply(*self.lang.AmPmRules.All)
            self.text = self.replace_abbreviation_as_sentence_boundary()
        result: str = self.text
        return result


class _ListItemReplacer(ListItemReplacer):  # type: ignore[misc]
    """pysbd's list markers without searching where none can be: its alphabetical and
    roman passes run the same search twice on the same line (the letters are filtered
    by alphabet afterwards), a parenthesised item needs a ")", a numbered one a digit
    before a full stop."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._found: dict[str, tuple[str, list[str]]] = {}

    def _findall(self, regex: str) -> list[str]:
        """``re.findall(regex, self.text)``, once per text."""
        text: str = self.text
        known = self._found.get(regex)
        if known is not None and known[0] == text:
            return known[1]
        if regex in _NEEDS_PARENTHESIS and ")" not in text:
            found: list[str] = []
        elif regex == self.NUMBERED_LIST_REGEX_1 and not _DIGIT_STOP.search(text):
            found = []
        else:
            found = re.findall(regex, text)
        self._found[regex] = (text, found)
        return found

    def iterate_alphabet_array(
        self, regex: str, parens: bool = False, roman_numeral: bool = False
    ) -> str:
        """pysbd's, reading the search from ``_findall`` (a copy of its loop: its
        ``re.findall`` is the only change)."""
        alphabet = self.ROMAN_NUMERALS if roman_numeral else self.LATIN_NUMERALS
        list_array = [i for i in self._findall(regex) if i in alphabet]
        for ind, each in enumerate(list_array):
            if ind == len(list_array) - 1:
                self.text = self.last_array_item_replacement(
                    each, ind, alphabet, list_array, parens
                )
            else:
                self.text = self.other_items_replacement(each, ind, alphabet, list_array, parens)
        result: str = self.text
        return result

    def scan_lists(self, regex1: str, regex2: str, replacement: str, strip: bool = False) -> None:
        """pysbd's, with nothing to do when its first search finds nothing."""
        if self._findall(regex1):
            super().scan_lists(regex1, regex2, replacement, strip)


# The list-item patterns every match of which has a ")" in it, and a digit then a stop,
# which every match of NUMBERED_LIST_REGEX_1 has.
_NEEDS_PARENTHESIS = frozenset(
    {
        ListItemReplacer.ALPHABETICAL_LIST_WITH_PARENS,
        ListItemReplacer.NUMBERED_LIST_PARENS_REGEX,
    }
)
_DIGIT_STOP = re.compile(r"\d\.")


class _Processor(Processor):  # type: ignore[misc]
    """pysbd's processor, skipping the patterns that cannot match: each below needs a
    character or pair of characters the text is checked for first."""

    text: str

    def process(self) -> Any:
        """pysbd's, with the list markers of ``_ListItemReplacer``."""
        text = self.text
        if not text:
            return text
        self.text = _ListItemReplacer(text.replace("\n", "\r")).add_line_break()
        self.replace_abbreviations()
        self.replace_numbers()
        self.replace_continuous_punctuation()
        self.replace_periods_before_numeric_references()
        self.text = Text(self.text).apply(self.lang.Abbreviation.WithMultiplePeriodsAndEmailRule)
        if "°" in self.text:
            self.text = Text(self.text).apply(self.lang.GeoLocationRule)
        if _SPACE_STOP.search(self.text):
            self.text = Text(self.text).apply(self.lang.FileFormatRule)
        return self.split_into_segments()

    def replace_numbers(self) -> None:
        if _DIGIT_BY_STOP.search(self.text):  # each of the rules needs one
            super().replace_numbers()

    def replace_continuous_punctuation(self) -> None:
        if "!" in self.text or "?" in self.text:
            super().replace_continuous_punctuation()

    def replace_periods_before_numeric_references(self) -> None:
        if _STOP_THEN_REFERENCE.search(self.text):
            super().replace_periods_before_numeric_references()

    def split_into_segments(self) -> list[str]:
        """pysbd's, with the ellipsis rules only on pieces with an ellipsis."""
        self.check_for_parens_between_quotes()
        sents = self.rm_none_flatten(self.text.split("\r"))
        sents = [self._ellipses(s) for s in sents]
        sents = self.rm_none_flatten([self.check_for_punctuation(s) for s in sents])
        postprocessed_sents: list[str] = []
        for sent in sents:
            sent = _apply(sent, self.lang.SubSymbolsRules.All)
            post_process_sent = self.post_process_segments(sent)
            if post_process_sent and isinstance(post_process_sent, str):
                postprocessed_sents.append(post_process_sent)
            elif isinstance(post_process_sent, list):
                postprocessed_sents.extend(post_process_sent)
        return [_apply(ns, (self.lang.SubSingleQuoteRule,)) for ns in postprocessed_sents]

    def post_process_segments(self, txt: str) -> str | list[str]:
        """pysbd's, its ellipses put back by ``_apply``."""
        if len(txt) > 2 and re.search(r"\A[a-zA-Z]*\Z", txt):
            return txt
        txt = _apply(txt, self.lang.ReinsertEllipsisRules.All)
        if re.search(self.lang.QUOTATION_AT_END_OF_SENTENCE_REGEX, txt):
            parts: list[str] = re.split(
                self.lang.SPLIT_SPACE_QUOTATION_AT_END_OF_SENTENCE_REGEX, txt
            )
            return parts
        return txt.replace("\n", "").strip()

    def _ellipses(self, piece: str) -> str:
        """``Text(piece).apply(SingleNewLineRule, *EllipsisRules.All)``: every match of
        the ellipsis rules has "..." or a stop, a space and a stop."""
        if "\n" in piece:
            piece = Text(piece).apply(self.lang.SingleNewLineRule)
        if "..." in piece or _SPACED_STOPS.search(piece):
            piece = Text(piece).apply(*self.lang.EllipsisRules.All)
        return piece


def _apply(text: str, rules: Iterable[Rule]) -> str:
    """``Text(text).apply(*rules)``, each rule whose pattern and replacement are plain
    characters (pysbd's placeholder symbols) by ``str.replace``, which replaces what
    ``re.sub`` would: every occurrence, left to right."""
    for rule in rules:
        plain = _PLAIN.get(rule.pattern)
        if plain is None:
            plain = _PLAIN[rule.pattern] = (
                not any(ch in _REGEX_SYNTAX for ch in rule.pattern) and "\\" not in rule.replacement
            )
        if plain:
            text = text.replace(rule.pattern, rule.replacement)
        else:
            text = re.sub(rule.pattern, rule.replacement, text)
    return text


_PLAIN: dict[str, bool] = {}
_REGEX_SYNTAX = frozenset(".^$*+?{}[]\\|()")


# What every match of a pysbd pattern has: FileFormatRule a space then a stop, the
# numbered references a stop (or hidden one) then a bracket or a digit, the ellipsis
# rules (but "...") a stop, a space, a stop.
_SPACE_STOP = re.compile(r"\s\.")
_DIGIT_BY_STOP = re.compile(r"\d\.|\.\d")
_STOP_THEN_REFERENCE = re.compile(r"[.∯][\[\d]")
_SPACED_STOPS = re.compile(r"\.\s\.")


class _English(English):  # type: ignore[misc]
    AbbreviationReplacer = _AbbreviationReplacer
    Processor = _Processor


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
