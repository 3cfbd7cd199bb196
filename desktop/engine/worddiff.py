"""Words of one sentence that the other does not have, as offset spans."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from desktop.engine.document import Span
from desktop.engine.lexicon import Token, tokens
from desktop.engine.settings import CompareSettings, quoted_spans


@dataclass(frozen=True)
class WordDiff:
    """``left_only`` are offsets into the left document's text, ``right_only`` into the right's."""

    left_only: tuple[Span, ...]
    right_only: tuple[Span, ...]


def word_diff(
    left_text: str,
    left_spans: Iterable[Span],
    right_text: str,
    right_spans: Iterable[Span],
    settings: CompareSettings | None = None,
    *,
    ordered: bool = False,
) -> WordDiff:
    """Compare one or more sentences on each side by word key (lemma, synonym, name form),
    minus what ``settings`` do not ignore (case, quotation marks) and plus what they do
    (numbers written as words).

    ``ordered``: an ordered diff (``difflib.SequenceMatcher`` over the keys) instead of a
    set difference, so a word that moved shows on both sides, as a revision shows it."""
    settings = settings or CompareSettings()
    left = _keyed(left_text, left_spans, settings)
    right = _keyed(right_text, right_spans, settings)
    if ordered:
        return _ordered(left, left_text, right, right_text)
    left_keys = {key for _, key in left}
    right_keys = {key for _, key in right}
    return WordDiff(
        left_only=_merge([t.span for t, key in left if key not in right_keys], left_text),
        right_only=_merge([t.span for t, key in right if key not in left_keys], right_text),
    )


def _ordered(
    left: list[tuple[Token, tuple[str, ...]]],
    left_text: str,
    right: list[tuple[Token, tuple[str, ...]]],
    right_text: str,
) -> WordDiff:
    matcher = SequenceMatcher(None, [k for _, k in left], [k for _, k in right], autojunk=False)
    kept_left: set[int] = set()
    kept_right: set[int] = set()
    for block in matcher.get_matching_blocks():
        kept_left.update(range(block.a, block.a + block.size))
        kept_right.update(range(block.b, block.b + block.size))
    return WordDiff(
        left_only=_merge(
            [t.span for n, (t, _) in enumerate(left) if n not in kept_left], left_text
        ),
        right_only=_merge(
            [t.span for n, (t, _) in enumerate(right) if n not in kept_right], right_text
        ),
    )


def _keyed(
    text: str, spans: Iterable[Span], settings: CompareSettings
) -> list[tuple[Token, tuple[str, ...]]]:
    keyed = []
    for span in spans:
        quoted = quoted_spans(text, span.start, span.end)
        for token in tokens(text, span.start, span.end):
            inside = any(a <= token.span.start < b for a, b in quoted)
            keyed.append((token, settings.word_key(token.surface, token.key, inside)))
    return keyed


def _merge(spans: list[Span], text: str) -> tuple[Span, ...]:
    """Join neighbouring spans separated only by spaces or punctuation into one run."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and not text[merged[-1].end : span.start].strip(" ,-–"):
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return tuple(merged)
