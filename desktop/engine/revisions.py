"""What changed between two versions of a release: sentences added, removed and
reworded, in order, and an ordered word-level diff of each reworded sentence.

Sentences are aligned in reading order (``difflib.SequenceMatcher`` over their
normalised texts); inside each stretch that differs, an old and a new sentence
are one *changed* sentence when most of their word keys survive in order, so a
reworded sentence is not reported as one removal plus one addition. A sentence
that only moved is neither added nor removed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from desktop.engine.document import Document, Sentence, Span
from desktop.engine.lexicon import token_tuples
from desktop.engine.segment import split_sentences

# Share of word keys (in order) two sentences must keep to count as one sentence reworded.
CHANGED_RATIO = 0.5

_WORD = re.compile(r"\w+(?:[’'.:\-]\w+)*", re.UNICODE)


class Edit(StrEnum):
    """One run of an ordered word diff."""

    SAME = "same"
    INSERTED = "inserted"
    DELETED = "deleted"


@dataclass(frozen=True)
class WordEdit:
    """A run of words: ``old`` spans the old sentence's text, ``new`` the new one's (either
    may be None: an insertion has no old span, a deletion no new span)."""

    edit: Edit
    old: Span | None
    new: Span | None


@dataclass(frozen=True)
class Revision:
    """From document ``old`` (an index in the comparison) to document ``new``: sentence
    indices of each, ``changed`` as (old index, new index) pairs, all in reading order."""

    old: int
    new: int
    added: tuple[int, ...]
    removed: tuple[int, ...]
    changed: tuple[tuple[int, int], ...]
    # Sentences that are the same in both (moved ones included), as (old, new) pairs.
    kept: tuple[tuple[int, int], ...] = ()
    # Claims of the reporting that match a removed sentence ("was in the first version"):
    # (document, sentence index, index of the removed sentence in ``old``).
    reported: tuple[tuple[int, int, int], ...] = ()

    def headline(self) -> str:
        """“Revised: 2 sentences removed, 1 added, 1 reworded” (or “Unchanged”)."""
        counts = [
            (n, what)
            for n, what in (
                (len(self.removed), "removed"),
                (len(self.added), "added"),
                (len(self.changed), "reworded"),
            )
            if n
        ]
        parts = [f"{n} {what}" for n, what in counts]
        if parts:
            noun = "sentence" if counts[0][0] == 1 else "sentences"
            parts[0] = f"{counts[0][0]} {noun} {counts[0][1]}"
        return "Revised: " + ", ".join(parts) if parts else "Unchanged"


def word_keys(text: str, start: int, end: int) -> list[tuple[Span, str]]:
    """Every word of ``text[start:end]`` in order with the key it compares by: the engine's
    key (lemma, name form, synonym) for content words, the lower-case word for the rest —
    a revision that drops a “not” or an “only” must show."""
    content = {a: key for a, _b, key, *_ in token_tuples(text, start, end)}
    return [
        (Span(m.start(), m.end()), content.get(m.start(), m.group(0).lower()))
        for m in _WORD.finditer(text, start, end)
    ]


def ordered_word_diff(old_text: str, old: Span, new_text: str, new: Span) -> tuple[WordEdit, ...]:
    """Insertions, deletions and kept runs between two sentences, in order (a replaced
    phrase is a deletion followed by an insertion)."""
    old_words = word_keys(old_text, old.start, old.end)
    new_words = word_keys(new_text, new.start, new.end)
    matcher = SequenceMatcher(
        None, [k for _, k in old_words], [k for _, k in new_words], autojunk=False
    )
    edits: list[WordEdit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_span = _cover(old_words[i1:i2])
        new_span = _cover(new_words[j1:j2])
        if tag == "equal":
            edits.append(WordEdit(Edit.SAME, old_span, new_span))
            continue
        if i2 > i1:
            edits.append(WordEdit(Edit.DELETED, old_span, None))
        if j2 > j1:
            edits.append(WordEdit(Edit.INSERTED, None, new_span))
    return tuple(edits)


def _cover(words: Sequence[tuple[Span, str]]) -> Span | None:
    return Span(words[0][0].start, words[-1][0].end) if words else None


def _normal(text: str) -> str:
    return " ".join(text.split())


def _ratio(a: Sequence[str], b: Sequence[str]) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def revise(
    old: Document,
    new: Document,
    *,
    old_index: int = 1,
    new_index: int = 0,
    old_sentences: Sequence[Sentence] | None = None,
    new_sentences: Sequence[Sentence] | None = None,
) -> Revision:
    """The revision from ``old`` to ``new`` (pass their sentences when already split)."""
    old_sentences = list(old_sentences or split_sentences(old.text))
    new_sentences = list(new_sentences or split_sentences(new.text))
    old_texts = [_normal(s.text_in(old.text)) for s in old_sentences]
    new_texts = [_normal(s.text_in(new.text)) for s in new_sentences]
    matcher = SequenceMatcher(None, old_texts, new_texts, autojunk=False)
    removed: list[int] = []
    added: list[int] = []
    changed: list[tuple[int, int]] = []
    kept: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            kept.extend(zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        pairs = _pair_changed(old, old_sentences[i1:i2], new, new_sentences[j1:j2])
        changed.extend((i1 + a, j1 + b) for a, b in pairs)
        removed.extend(i for i in range(i1, i2) if i - i1 not in {a for a, _ in pairs})
        added.extend(j for j in range(j1, j2) if j - j1 not in {b for _, b in pairs})
    # A sentence removed in one place and added unchanged in another only moved.
    moved: list[tuple[int, int]] = []
    for i in removed:
        taken = {b for _, b in moved}
        j = next((j for j in added if j not in taken and old_texts[i] == new_texts[j]), None)
        if j is not None:
            moved.append((i, j))
    moved_old = {i for i, _ in moved}
    moved_new = {j for _, j in moved}
    return Revision(
        old_index,
        new_index,
        added=tuple(j for j in added if j not in moved_new),
        removed=tuple(i for i in removed if i not in moved_old),
        changed=tuple(sorted(changed, key=lambda pair: pair[1])),
        kept=tuple(sorted(kept + moved, key=lambda pair: pair[1])),
    )


def similarity(old_text: str, old: Sentence, new_text: str, new: Sentence) -> float:
    """How much of two sentences' word keys survive in order (0-1)."""
    return _ratio(
        [k for _, k in word_keys(old_text, old.start, old.end)],
        [k for _, k in word_keys(new_text, new.start, new.end)],
    )


def _pair_changed(
    old: Document, old_run: Sequence[Sentence], new: Document, new_run: Sequence[Sentence]
) -> list[tuple[int, int]]:
    """Old and new sentences of one differing stretch that are one sentence reworded:
    an order-keeping greedy pairing by word-key similarity (the stretches are short)."""
    if not old_run or not new_run:
        return []
    old_keys = [[k for _, k in word_keys(old.text, s.start, s.end)] for s in old_run]
    new_keys = [[k for _, k in word_keys(new.text, s.start, s.end)] for s in new_run]
    scored = sorted(
        ((_ratio(a, b), i, j) for i, a in enumerate(old_keys) for j, b in enumerate(new_keys)),
        reverse=True,
    )
    pairs: list[tuple[int, int]] = []
    for ratio, i, j in scored:
        if ratio < CHANGED_RATIO:
            break
        crossing = any((i - a) * (j - b) <= 0 for a, b in pairs)
        if not crossing:
            pairs.append((i, j))
    return sorted(pairs)
