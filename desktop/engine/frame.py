"""The event's frame: words that say *which meeting* rather than *what was said in it*.

In a readout of a call between two ministers, their names, their countries, the
place, the day and the words of the meeting itself (call, talks, met, bilateral)
recur in most sentences on both sides. Sharing them does not make two sentences
say the same thing, so they are moved out of the content weights: a link needs
shared content. The frame is found per comparison — keys that recur across both
documents — plus the meeting vocabulary of ``data/frame.txt``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from desktop.engine.lexicon import word_key
from desktop.engine.profiles import SentenceProfile, with_weights

# A key is frame when it is in at least this share of the claims on each side.
OFFICIAL_SHARE = 0.25
BACKGROUND_SHARE = 0.12
# With a short official side, a key in this share of the background's claims is frame.
STORY_SHARE = 0.35
# A name is a participant when it is in at least this share of the background's claims.
PARTICIPANT_SHARE = 0.15
# Below this many claims on a side, shares say nothing: only the vocabulary applies.
_MIN_SENTENCES = 5
# A key recurs when it is in at least this many claims of a side.
_MIN_OCCURRENCES = 2


@lru_cache(maxsize=1)
def meeting_vocabulary() -> frozenset[str]:
    raw = resources.files("desktop.engine").joinpath("data/frame.txt").read_text(encoding="utf-8")
    words: set[str] = set()
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            words.update(word_key(w) for w in line.split())
    return frozenset(words)


def _shares(profiles: Sequence[SentenceProfile]) -> dict[str, float]:
    """Share of the claims each key occurs in, for keys that occur in two claims or more."""
    claims = [p for p in profiles if p.is_target]
    df: dict[str, int] = {}
    for p in claims:
        for key in p.weights:
            df[key] = df.get(key, 0) + 1
    n = max(1, len(claims))
    return {k: d / n for k, d in df.items() if d >= _MIN_OCCURRENCES}


def frame_keys(
    background: Sequence[SentenceProfile], official: Sequence[SentenceProfile]
) -> frozenset[str]:
    keys = set(meeting_vocabulary())
    off_claims = sum(1 for p in official if p.is_target)
    bg_claims = sum(1 for p in background if p.is_target)
    bg = _shares(background)
    if off_claims >= _MIN_SENTENCES and bg_claims >= _MIN_SENTENCES:
        off = _shares(official)
        keys.update(
            k
            for k, share in off.items()
            if share >= OFFICIAL_SHARE and bg.get(k, 0.0) >= BACKGROUND_SHARE
        )
    elif bg_claims >= _MIN_SENTENCES:
        # A readout of a few lines (single-article mode) cannot show what recurs on its
        # side: the story's frame is then what runs through most of the background.
        official_keys = {k for p in official if p.is_target for k in p.weights}
        keys.update(
            k
            for k, share in bg.items()
            if share >= STORY_SHARE and k in official_keys and share * bg_claims >= 3
        )
    # The participants: names that recur across the background and that the official
    # side names too, however short it is ("Singh", "Hegseth" in a three-line readout).
    official_names = {n for p in official if p.is_target for n in p.names}
    background_names = {n for p in background if p.is_target for n in p.names}
    if bg_claims >= _MIN_SENTENCES:
        keys.update(
            k
            for k in official_names & background_names
            if bg.get(k, 0.0) >= PARTICIPANT_SHARE and bg.get(k, 0.0) * bg_claims >= 3
        )
    return frozenset(keys)


def apply_frame(
    profiles: Sequence[SentenceProfile],
    frame: frozenset[str],
    rarity: dict[str, float] | None = None,
) -> list[SentenceProfile]:
    """Move frame keys out of ``weights`` into ``frame``; with ``rarity``
    (:func:`desktop.engine.profiles.rarity`) each weight is first scaled as
    :func:`desktop.engine.profiles.reweight` scales it, in the same pass."""
    out: list[SentenceProfile] = []
    for p in profiles:
        content: dict[str, float] = {}
        framing: dict[str, float] = {}
        for k, w in p.weights.items():
            if rarity is not None:
                w = w * rarity[k]
            if k in frame:
                framing[k] = w
            else:
                content[k] = w
        out.append(with_weights(p, content, framing))
    return out
