"""Acronyms a comparison's own documents define, and common ones, folded into one key.

"Shanghai Cooperation Organisation (SCO)" in an article and "SCO" in the readout are the
same claim; so are "the LAC" and "the Line of Actual Control". Definitions are found in
the documents themselves by the Schwartz–Hearst algorithm (A. Schwartz and M. Hearst, "A
simple algorithm for identifying abbreviation definitions in biomedical text", PSB 2003):
a short form in parentheses after its long form, or a long form in parentheses after its
short form, the short form's letters found right to left in the long form, its first
letter starting a word. ``data/acronyms.txt`` adds the common ones diplomatic copy uses
without defining. Either way the long form is read as the short form's word key, so both
spellings meet in the aligner's vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from desktop.engine.lexicon import word_key, word_weight

# A short form: 2–10 characters, a letter first, at least one capital ("SCO", "Quad", "MoD").
_SHORT = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]{1,9}")
_IN_PARENTHESES = re.compile(r"\(([^()\n]{1,80})\)")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# British and American spellings of one word: organisation / organization.
_IZE = re.compile(r"i[sz](?=(?:e|es|ed|ing|ation|ations)$)")


@dataclass(frozen=True)
class Acronym:
    short: str  # as written: "SCO"
    long: str  # as written: "Shanghai Cooperation Organisation"

    @property
    def key(self) -> str:
        return word_key(self.short.lower())


@dataclass(frozen=True)
class Acronyms:
    """Long forms to fold in one comparison; ``find`` runs on lower-cased text.

    Each long form has its own pattern, tried only where a word starts with the first
    three letters of its first word: one alternation of a hundred long forms, tried at
    every position of every sentence, cost more than the rest of the profile."""

    acronyms: tuple[Acronym, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    by_start: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.acronyms

    def find(self, lowered: str) -> Iterator[tuple[int, int, str, float]]:
        """(start, end, key, weight) of every long form in ``lowered``, left to right,
        the longest where two start at one word, none inside another."""
        if not self.acronyms:
            return
        cursor = 0
        for word in _WORD.finditer(lowered):
            if word.start() < cursor:
                continue
            best: tuple[int, int] | None = None  # (end, acronym index)
            for index in self.by_start.get(word.group()[:3], ()):
                match = self.patterns[index].match(lowered, word.start())
                if match and (best is None or match.end() > best[0]):
                    best = (match.end(), index)
            if best is not None:
                acronym = self.acronyms[best[1]]
                yield word.start(), best[0], acronym.key, word_weight(acronym.short.lower())
                cursor = best[0]


NONE = Acronyms()


def schwartz_hearst(short: str, words_before: str) -> str | None:
    """The long form of ``short`` at the end of ``words_before``, or None."""
    long = words_before.rstrip()
    s, i = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (long[i].lower() != c or (s == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = max(long.rfind(" ", 0, i + 1), long.rfind("\n", 0, i + 1)) + 1
    found = long[start:].strip()
    words = _WORD.findall(found)
    if (
        len(words) < 2
        or len(found) <= len(short)
        or any(ch in found for ch in "\n()/")
        or short.lower() in found.lower().split()
    ):
        return None
    return found


def _plausible_short(candidate: str) -> bool:
    return (
        bool(_SHORT.fullmatch(candidate))
        and any(ch.isupper() for ch in candidate)
        and sum(ch.isalpha() for ch in candidate) >= 2
    )


def definitions(text: str) -> Iterator[Acronym]:
    """Acronyms ``text`` defines: "Long Form (LF)" and "LF (Long Form)"."""
    for match in _IN_PARENTHESES.finditer(text):
        inside = match.group(1).strip()
        if _plausible_short(inside):
            # At most min(|A| + 5, 2|A|) words before the parenthesis (Schwartz–Hearst).
            limit = min(len(inside) + 5, 2 * len(inside))
            before = text[max(0, match.start() - 300) : match.start()]
            words = list(_WORD.finditer(before))[-limit:]
            if words:
                long = schwartz_hearst(inside, before[words[0].start() :])
                if long:
                    yield Acronym(inside, long)
            continue
        previous = list(_WORD.finditer(text, max(0, match.start() - 12), match.start()))
        if previous and len(_WORD.findall(inside)) >= 2:
            short = previous[-1].group()
            if _plausible_short(short) and schwartz_hearst(short, inside) == inside.strip():
                yield Acronym(short, inside.strip())


@lru_cache(maxsize=1)
def common() -> tuple[Acronym, ...]:
    """The data file's acronyms: ``SHORT = long form | other spelling``."""
    source = resources.files("desktop.engine").joinpath("data/acronyms.txt")
    found: list[Acronym] = []
    for line in source.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        short, _, longs = line.partition("=")
        for long in longs.split("|"):
            if long.strip():
                found.append(Acronym(short.strip(), long.strip()))
    return tuple(found)


def long_form_pattern(long: str) -> str:
    """The long form's words, in order, with any spaces or hyphens between them."""
    words = [_IZE.sub("i[sz]", re.escape(w)) for w in _WORD.findall(long.lower())]
    return r"\b" + r"[\s\-]+".join(words) + r"\b"


def learn(texts: Iterable[str]) -> Acronyms:
    """The acronyms to fold in a comparison of ``texts``: those the texts define, and the
    common ones whose long form occurs in them (a short form defined by a text wins)."""
    texts = list(texts)
    defined = [a for text in texts for a in definitions(text)]
    lowered = [t.lower() for t in texts]
    shorts = {a.short.lower() for a in defined}
    chosen: dict[str, Acronym] = {}
    for acronym in [
        *defined,
        *(a for a in common() if a.short.lower() not in shorts),
    ]:
        long = acronym.long.lower()
        if long in chosen:
            continue
        # A cheap test before the pattern: every word's first four letters occur.
        stems = [w[:4] for w in _WORD.findall(long)]
        if stems and any(all(stem in t for stem in stems) for t in lowered):
            chosen[long] = acronym
    if not chosen:
        return NONE
    ordered = tuple(sorted(chosen.values(), key=lambda a: (-len(a.long), a.long)))
    patterns = tuple(re.compile(long_form_pattern(a.long)) for a in ordered)
    by_start: dict[str, list[int]] = {}
    for index, acronym in enumerate(ordered):
        by_start.setdefault(_WORD.findall(acronym.long.lower())[0][:3], []).append(index)
    return Acronyms(ordered, patterns, {k: tuple(v) for k, v in by_start.items()})
