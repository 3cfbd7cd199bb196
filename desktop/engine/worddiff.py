"""Words of one sentence that the other does not have, as offset spans."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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
) -> WordDiff:
    """Compare one or more sentences on each side by word key (lemma, synonym, name form),
    minus what ``settings`` do not ignore (case, quotation marks) and plus what they do
    (numbers written as words)."""
    settings = settings or CompareSettings()
    left = _keyed(left_text, left_spans, settings)
    right = _keyed(right_text, right_spans, settings)
    left_keys = {key for _, key in left}
    right_keys = {key for _, key in right}
    return WordDiff(
        left_only=_merge([t.span for t, key in left if key not in right_keys], left_text),
        right_only=_merge([t.span for t, key in right if key not in left_keys], right_text),
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
