"""A short label for each topic of the omission matrix: its most informative words and
keyphrases, never a hand-written topic list.

A candidate is a word or a run of two or three adjacent content words. It scores by how
many of the topic's claims carry it, its general rarity and how few other topics use
it. A run counts when several claims of the topic share it, or when it is a name of
several words ("Sheikh Hasina"), and then scores as its words together, so it wins over
either word alone. Never chosen: the event's frame (words in most claims), the meeting
vocabulary of ``data/frame.txt``, the lexicon's framing words, and the comparison's own
reporting words (those inside attribution cues: "said", "readout", "statement").
Names are preferred, inflected verb forms ("reaffirmed", "stressing") held back and
never part of a phrase, and a possessive is shown without its "'s".
"""

from __future__ import annotations

import calendar
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.engine.document import Span
from desktop.engine.frame import meeting_vocabulary
from desktop.engine.lexicon import FRAMING, STOPWORDS, Token, word_key

LABEL_ITEMS = 3  # words or phrases in a label
LABEL_WORDS = 5  # at most this many words in all
LONGEST_PHRASE = 4
NAME_BOOST = 1.5
VERB_FORM_DAMP = 0.4
_VERB_ENDINGS = ("ed", "ing")
_POSSESSIVE = ("'s", "’s")

Key = tuple[str, ...]


@dataclass(frozen=True)
class LabelClaim:
    """A claim as the labeller reads it: its content tokens, the document text they
    point into, and its attribution cue (whose words are reporting, not topic)."""

    tokens: Sequence[Token]
    text: str
    cue: Span | None


def reporting_keys(claims: Iterable[LabelClaim]) -> frozenset[str]:
    """What says who spoke, how or when, not what about: the meeting vocabulary and the
    months, the lexicon's
    framing words and stopwords in any inflection ("readouts" as "readout"), the
    lower-case words inside the claims' attribution cues, and the capitalised ones
    that speak in two cues or more (the recurring speaker, "the MEA said")."""
    keys = set(meeting_vocabulary())  # its weekdays; the months from the calendar
    keys.update(word_key(m.lower()) for m in (*calendar.month_name, *calendar.month_abbr) if m)
    keys.update(word_key(w) for w in FRAMING)
    keys.update(word_key(w) for w in STOPWORDS)
    speakers: Counter[str] = Counter()
    for claim in claims:
        if claim.cue is None:
            continue
        inside = [
            t
            for t in claim.tokens
            if claim.cue.start <= t.span.start and t.span.end <= claim.cue.end
        ]
        keys.update(t.key for t in inside if t.surface[:1].islower())
        speakers.update({t.key for t in inside if not t.surface[:1].islower()})
    keys.update(k for k, n in speakers.items() if n >= 2)
    return frozenset(keys)


def labels(groups: Sequence[Sequence[LabelClaim]], meta: frozenset[str]) -> list[str]:
    """Each group's label: up to ``LABEL_ITEMS`` words or phrases, best first."""
    total = sum(len(members) for members in groups)
    frame_limit = max(2, total // 2)
    claims_with: Counter[str] = Counter()
    per_group: list[_Candidates] = []
    for members in groups:
        found = _Candidates.of(members, meta)
        claims_with.update(found.word_claims)
        per_group.append(found)
    groups_with: Counter[str] = Counter(k for found in per_group for k in found.word_claims)
    out = []
    for found in per_group:

        def word_score(key: str, found: _Candidates = found) -> float:
            spread = math.log(1 + len(groups) / groups_with[key])
            score = found.word_claims[key] * found.weights[key] * spread
            if found.names[key] * 2 > found.word_claims[key]:
                score *= NAME_BOOST
            if found.verb_forms[key] * 2 > found.word_claims[key]:
                score *= VERB_FORM_DAMP
            return score

        usable = {k for k in found.word_claims if claims_with[k] <= frame_limit}
        scored: list[tuple[float, Key]] = [(word_score(k), (k,)) for k in usable]
        for phrase, count in found.phrase_claims.items():
            if all(k in usable for k in phrase) and (count >= 2 or phrase in found.name_runs):
                scored.append((sum(word_score(k) for k in phrase), phrase))
        scored.sort(key=lambda item: (-item[0], -len(item[1]), item[1]))
        out.append(", ".join(_pick(scored, found)))
    return out


def _pick(scored: Sequence[tuple[float, Key]], found: _Candidates) -> list[str]:
    chosen: list[str] = []
    used: set[str] = set()
    words = 0
    for _, key in scored:
        if len(chosen) == LABEL_ITEMS:
            break
        if used & set(key) or words + len(key) > LABEL_WORDS:
            continue
        chosen.append(found.surface(key))
        used.update(key)
        words += len(key)
    return chosen


@dataclass
class _Candidates:
    """One topic's words and runs: in how many of its claims each occurs, how."""

    word_claims: Counter[str]
    phrase_claims: Counter[Key]
    name_runs: set[Key]
    names: Counter[str]
    verb_forms: Counter[str]
    weights: dict[str, float]
    surfaces: dict[Key, Counter[str]]

    @classmethod
    def of(cls, members: Sequence[LabelClaim], meta: frozenset[str]) -> _Candidates:
        found = cls(Counter(), Counter(), set(), Counter(), Counter(), {}, {})
        for claim in members:
            kept = [t for t in claim.tokens if not t.is_number and t.key not in meta]
            for token in kept:
                found.weights[token.key] = token.weight
                found._seen((token.key,), _plain(token.surface))
            found.word_claims.update({t.key for t in kept})
            found.names.update({t.key for t in kept if t.is_name})
            found.verb_forms.update({t.key for t in kept if _verb_form(t.surface)})
            found.phrase_claims.update(found._runs(claim, kept))
        return found

    def _seen(self, key: Key, surface: str) -> None:
        self.surfaces.setdefault(key, Counter())[surface] += 1

    def _runs(self, claim: LabelClaim, kept: Sequence[Token]) -> set[Key]:
        """The claim's runs of two or three content words with one space between each."""
        runs: set[Key] = set()
        for first in range(len(kept)):
            for last in range(first + 1, min(first + LONGEST_PHRASE, len(kept))):
                before, after = kept[last - 1], kept[last]
                if claim.text[before.span.end : after.span.start] != " ":
                    break
                run = kept[first : last + 1]
                key = tuple(t.key for t in run)
                # "Hegseth welcomed" is a clause, not a keyphrase.
                if len(set(key)) < len(key) or _verb_form(after.surface):
                    break
                if _verb_form(run[0].surface):
                    break
                surface = claim.text[run[0].span.start : run[-1].span.end]
                self._seen(key, _plain(surface))
                runs.add(key)
                # Capitalised throughout, a name past the first word: a sentence-initial
                # "Sheikh Hasina" is a name too.
                if all(t.surface[:1].isupper() for t in run) and any(t.is_name for t in run):
                    self.name_runs.add(key)
        return runs

    def surface(self, key: Key) -> str:
        return self.surfaces[key].most_common(1)[0][0]


def _plain(surface: str) -> str:
    """The surface without a possessive ending: "India's" reads as "India"."""
    for ending in _POSSESSIVE:
        if surface.endswith(ending) and len(surface) > len(ending) + 1:
            return surface[: -len(ending)]
    return surface


def _verb_form(surface: str) -> bool:
    lower = surface.lower()
    return surface == lower and len(lower) >= 5 and lower.endswith(_VERB_ENDINGS)
