"""Words as the aligner compares them: lemma/stem keys, name forms and synonyms, weights.

A token's *key* is what two sentences must share to count as saying the same
thing: "terrorism" and "terror", "US" and "Washington", "talks" and
"conversation" share a key. A token's *weight* is how informative it is, from
its general English frequency (wordfreq): rare words and names weigh most.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import snowballstemmer
from wordfreq import zipf_frequency

from desktop.engine.document import Span

if TYPE_CHECKING:
    from desktop.engine.acronyms import Acronyms

# Multi-word names and titles folded into one key before tokenising.
_PHRASES: tuple[tuple[str, str], ...] = (
    (r"united states of america|united states|u\.s\.a\.?|u\.s\.|usa", "us"),
    (r"united kingdom|great britain|u\.k\.", "uk"),
    (r"united nations|u\.n\.", "un"),
    (r"new delhi", "india"),
    (r"raksha mantri", "defenceminister"),
    (r"prime minister'?s office", "pmo"),
    (r"prime minister|premier", "pm"),
    (r"external affairs minister|foreign minister|foreign secretary of state", "foreignminister"),
    (r"secretary of defen[cs]e|defen[cs]e secretary|defen[cs]e minister", "defenceminister"),
    (r"white house", "us"),
    (r"state department|department of state", "us"),
    (r"line of actual control|\blac\b", "lac"),
    (r"people'?s republic of china|\bprc\b", "china"),
    (
        r"telephonic conversation|phone call|telephone call|spoke by phone|spoke on the phone",
        "talk",
    ),
    (r"exchanged views|exchange of views", "discuss"),
)
_PHRASE_ALTERNATIVES = "|".join(
    f"(?P<p{i}>\\b(?:{pattern}))" for i, (pattern, _) in enumerate(_PHRASES)
)
# The letters a phrase can start with (every alternative starts with a letter).
_PHRASE_FIRST_LETTERS = "".join(
    sorted({alt.removeprefix("\\b")[0] for pattern, _ in _PHRASES for alt in pattern.split("|")})
)
assert _PHRASE_FIRST_LETTERS.isalpha() and _PHRASE_FIRST_LETTERS.islower()


# Matched on the lower-cased text: the look-ahead on the first letters lets the engine
# skip every position that cannot start a phrase, and the word boundary (which every
# alternative begins with) every position inside a word: 5× faster than "(?=[a-z])"
# alone, which was 4× faster than IGNORECASE over the same alternatives.
#
# Each phrase's alternatives grouped under their first letter ("p(?:(?P<p5>rime
# minister'?s office)|(?P<p6>rime minister|remier))…"), in their order: alternatives that
# start with different letters never match at one position, so at each position the
# first that matches is the one the plain alternation takes, the same span and group,
# and the engine tries only the group of the letter there (a literal first is skipped
# at once), not fifteen groups. A phrase under two letters has a group under each:
# "p1_u", "p1_g"; the number before "_" is the phrase's.
def _by_first_letter() -> str:
    letters: dict[str, list[tuple[int, list[str]]]] = {}
    for i, (pattern, _) in enumerate(_PHRASES):
        for alternative in pattern.split("|"):
            # The leading word boundary of "\\blac\\b" is the one before the whole.
            alternative = alternative.removeprefix("\\b")
            groups = letters.setdefault(alternative[0], [])
            if not groups or groups[-1][0] != i:
                groups.append((i, []))
            groups[-1][1].append(alternative[1:])
    return "|".join(
        letter
        + "(?:"
        + "|".join(f"(?P<p{i}_{letter}>{'|'.join(rests)})" for i, rests in groups)
        + ")"
        for letter, groups in letters.items()
    )


_PHRASE_PATTERN = re.compile(f"(?=[{_PHRASE_FIRST_LETTERS}])\\b(?:{_by_first_letter()})")
_PHRASE_PATTERN_ANY_CASE = re.compile(_PHRASE_ALTERNATIVES, re.IGNORECASE)

# Name forms and near-synonyms that diplomatic copy uses interchangeably.
_ALIAS_GROUPS: tuple[tuple[str, ...], ...] = (
    ("us", "america", "american", "americans", "washington", "pentagon"),
    ("india", "indian", "indians", "delhi", "bharat"),
    ("china", "chinese", "beijing"),
    ("pakistan", "pakistani", "islamabad", "rawalpindi"),
    ("russia", "russian", "moscow", "kremlin"),
    ("uk", "britain", "british", "london", "whitehall"),
    ("japan", "japanese", "tokyo"),
    ("terror", "terrorism", "terrorist", "terrorists", "militancy", "militant", "militants"),
    ("defence", "defense", "military", "armed"),
    ("talk", "talks", "conversation", "call", "spoke", "speak", "phone", "telephonic", "telephone"),
    ("discuss", "discussed", "discussion", "discussions", "reviewed", "review", "deliberated"),
    (
        "appreciate",
        "appreciated",
        "appreciation",
        "thank",
        "thanked",
        "thanks",
        "gratitude",
        "praise",
        "praised",
        "complimented",
        "compliment",
        "lauded",
        "commended",
    ),
    ("support", "supported", "backing", "backed", "back", "endorse", "endorsed"),
    ("cooperation", "cooperate", "collaboration", "collaborate", "collaborative"),
    ("invite", "invited", "invitation"),
    ("visit", "visits", "trip", "travel", "visited"),
    ("tie", "ties", "relation", "relations", "relationship", "partnership", "bilateral"),
    ("border", "boundary", "frontier"),
    (
        "stress",
        "stressed",
        "underline",
        "underlined",
        "emphasise",
        "emphasised",
        "emphasize",
        "emphasized",
        "highlight",
        "highlighted",
        "underscored",
        "underscore",
    ),
    ("concern", "concerns", "worry", "worries", "worried", "concerned"),
    ("agree", "agreed", "agreement", "consensus"),
    ("leader", "leaders", "ministers"),
    ("pm", "modi"),
    ("exercise", "exercises", "drills", "drill"),
    ("minority", "minorities"),
    ("peace", "tranquillity", "tranquility", "calm"),
    ("meet", "met", "meeting", "meetings", "summit"),
    ("economy", "economic", "economies"),
    ("trade", "commerce", "commercial"),
    ("flights", "flight", "air"),
)
_ALIASES: dict[str, str] = {word: group[0] for group in _ALIAS_GROUPS for word in group}

STOPWORDS: frozenset[str] = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "then",
        "than",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "without",
        "about",
        "into",
        "onto",
        "over",
        "under",
        "after",
        "before",
        "since",
        "during",
        "between",
        "among",
        "through",
        "across",
        "per",
        "via",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "done",
        "doing",
        "have",
        "has",
        "had",
        "having",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "it",
        "its",
        "it's",
        "they",
        "them",
        "their",
        "theirs",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "i",
        "me",
        "my",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "no",
        "nor",
        "not",
        "only",
        "own",
        "same",
        "so",
        "too",
        "very",
        "also",
        "just",
        "further",
        "again",
        "once",
        "s",
        "t",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "added",
        "adds",
        "stated",
        "according",
        "statement",
        "readout",
        "release",
        "ministry",
        "mr",
        "mrs",
        "ms",
        "shri",
        "smt",
        "h.e",
        "dr",
        "its",
        "two",
        "both",
        "side",
        "sides",
        "while",
        "however",
        "although",
        "though",
    ]
)
# Words that only carry attribution or framing; they never make a claim differ.
FRAMING: frozenset[str] = frozenset(
    [
        "sources",
        "source",
        "official",
        "officials",
        "people",
        "familiar",
        "person",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "reporters",
        "news",
        "conference",
        "briefing",
        "post",
        "understood",
        "learnt",
        "learned",
        "reportedly",
        "noted",
        "note",
        "spokesperson's",
    ]
)

# A word is letters and digits with the combining marks that belong to them
# (Indic vowel signs and viramas, Arabic harakat, Latin accents): Python's \w
# excludes those marks, which would cut "तियानजिन" into single consonants.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0981-\u0983\u09bc-\u09d7\u0a01-\u0a03\u0a3c-\u0a51\u0a81-\u0a83\u0abc-\u0acd\u0b01-\u0b57\u0b82-\u0bcd\u0c00-\u0c56\u0c81-\u0cd6\u0d00-\u0d57\u0e31-\u0e3a\u0e47-\u0e4e\u200c\u200d"
_WORD = f"(?:[^\\W_]|[{_MARKS}])+"
_TOKEN = re.compile(f"{_WORD}(?:[’'.-]{_WORD})*", re.UNICODE)
# The same on ASCII text, where a word character is a letter or a digit and there are no
# marks: one character class instead of an alternation per character.
_TOKEN_ASCII = re.compile(r"[A-Za-z0-9]+(?:['.-][A-Za-z0-9]+)*")
_NUMBER = re.compile(r"^\d[\d,.]*$")


@dataclass(frozen=True)
class Token:
    """One word of a sentence: where it is, how it compares, how much it tells."""

    span: Span
    surface: str
    key: str
    weight: float
    is_number: bool
    is_name: bool


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """Comparison key of a single lower-case word."""
    word = word.replace("’", "'").strip("'.-")
    if word.endswith("'s"):
        word = word[:-2]
    if word in _ALIASES:
        return _ALIASES[word]
    if _NUMBER.match(word):
        return word.replace(",", "").rstrip(".")
    if not word.isascii():
        return word
    normalized = re.sub(r"is(e|es|ed|ing|ation|ations)$", r"iz\1", word)
    normalized = normalized.replace("defence", "defense").replace("programme", "program")
    stem: str = _stemmer().stemWord(normalized)
    return _ALIASES.get(stem, stem)


@lru_cache(maxsize=65536)
def word_weight(word: str) -> float:
    """Informativeness from general frequency: 'the' ≈ 0, a rare name ≈ 6."""
    if _NUMBER.match(word):
        return 4.0
    zipf = zipf_frequency(word, "en") if word.isascii() else 2.0
    return max(0.3, 7.0 - zipf)


TokenTuple = tuple[int, int, str, float, bool, bool]  # start, end, key, weight, number, name


def token_tuples(
    text: str, start: int, end: int, acronyms: Acronyms | None = None
) -> list[TokenTuple]:
    """Content tokens of ``text[start:end]`` as plain tuples, stopwords dropped.

    The aligner calls this for every sentence, so it avoids building objects.
    """
    found: list[TokenTuple] = []
    segment = text[start:end]
    replaced: list[tuple[int, int, str, float, bool]] = []
    lowered = segment.lower()
    # Lower-casing keeps offsets except for a few letters ("İ" becomes two characters).
    phrases = (
        _PHRASE_PATTERN.finditer(lowered)
        if len(lowered) == len(segment)
        else _PHRASE_PATTERN_ANY_CASE.finditer(segment)
    )
    for match in phrases:
        group = match.lastgroup or ""
        phrase = _PHRASES[int(group[1:].partition("_")[0])][1]
        replaced.append((match.start(), match.end(), phrase, 3.0, False))
    if (
        acronyms is not None
        and not acronyms.empty
        and len(lowered) == len(segment)
        and long_forms_search(acronyms).search(lowered)
    ):
        learned = [
            (a, b, key, weight, segment[a : a + 1].isupper())
            for a, b, key, weight in acronyms.find(lowered)
        ]
        replaced = _without_overlaps(learned + replaced) if learned else replaced
    cursor = 0
    token_pattern = _TOKEN_ASCII if segment.isascii() else _TOKEN
    append = found.append
    for a, b, replacement, weight_of, named in [
        *replaced,
        (len(segment), len(segment), "", 0, False),
    ]:
        for match in token_pattern.finditer(segment, cursor, a):
            info = _surface_info(match.group())
            if info is None:
                continue
            key, weight, is_number, capitalised = info
            absolute = start + match.start()
            is_name = capitalised and not _sentence_initial(text, absolute)
            append((absolute, start + match.end(), key, weight, is_number, is_name))
        for part in replacement.split():
            found.append((start + a, start + b, part, weight_of, False, named))
        cursor = b
    return found


# The one search for all long forms of a comparison's acronyms, by its Acronyms object
# (held, so the id is not reused); a few comparisons' at most.
_LONG_FORMS: dict[int, tuple[Acronyms, re.Pattern[str]]] = {}


def long_forms_search(acronyms: Acronyms) -> re.Pattern[str]:
    """One search that finds something wherever one of ``acronyms``' long forms matches:
    ``Acronyms.find``, a loop over every word, finds nothing in a sentence without one,
    which is most. The long forms that are "\\b" then a letter or digit are grouped by
    that character, so each word start tries one group (any other is its own part)."""
    entry = _LONG_FORMS.get(id(acronyms))
    if entry is None or entry[0] is not acronyms:
        groups: dict[str, list[str]] = {}
        others: list[str] = []
        for pattern in acronyms.patterns:
            body = pattern.pattern.removeprefix("\\b")
            if pattern.flags != re.UNICODE:
                others = [""]  # not a plain pattern: every sentence is searched
                break
            if body != pattern.pattern and body[:1].isalnum():
                groups.setdefault(body[0], []).append(body[1:])
            else:
                others.append(pattern.pattern)
        grouped = "|".join(f"{head}(?:{'|'.join(rests)})" for head, rests in groups.items())
        parts = ([f"\\b(?:{grouped})"] if groups else []) + others
        entry = (acronyms, re.compile("|".join(parts)))
        if len(_LONG_FORMS) >= 8:
            _LONG_FORMS.clear()
        _LONG_FORMS[id(acronyms)] = entry
    return entry[1]


def _without_overlaps(
    spans: list[tuple[int, int, str, float, bool]],
) -> list[tuple[int, int, str, float, bool]]:
    """Left to right, the longer of two overlapping replacements."""
    kept: list[tuple[int, int, str, float, bool]] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if kept and span[0] < kept[-1][1]:
            if span[1] - span[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = span
            continue
        kept.append(span)
    return kept


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Content tokens of ``text[start:end]`` with absolute offsets, stopwords dropped."""
    return [
        Token(Span(a, b), text[a:b], key, weight, is_number, is_name)
        for a, b, key, weight, is_number, is_name in token_tuples(text, start, end)
    ]


@lru_cache(maxsize=131072)
def _surface_info(surface: str) -> tuple[str, float, bool, bool] | None:
    """(key, weight, is a number, could be a name) of a word, or None for a stopword."""
    lower = surface.lower()
    country = surface in {"US", "UK", "UN", "EU"}  # not the pronoun "us"
    noise = lower in STOPWORDS or lower in FRAMING
    if not country and (noise or (len(lower) == 1 and not lower.isdigit() and lower.isascii())):
        return None
    is_number = bool(_NUMBER.match(lower))
    return word_key(lower), word_weight(lower), is_number, surface[:1].isupper()


def _sentence_initial(text: str, a: int) -> bool:
    if a == 0:
        return True
    previous = text[max(0, a - 2) : a]
    return previous.strip() == "" and (a < 2 or text[a - 2] in '.!?\n“"')
