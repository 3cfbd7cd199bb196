"""Words of one sentence that the other does not have, as offset spans."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.engine.document import Span
from desktop.engine.lexicon import tokens


@dataclass(frozen=True)
class WordDiff:
    """``left_only`` are offsets into the left document's text, ``right_only`` into the right's."""

    left_only: tuple[Span, ...]
    right_only: tuple[Span, ...]


def word_diff(
    left_text: str, left_spans: Iterable[Span], right_text: str, right_spans: Iterable[Span]
) -> WordDiff:
    """Compare one or more sentences on each side by word key (lemma, synonym, name form)."""
    left = [t for s in left_spans for t in tokens(left_text, s.start, s.end)]
    right = [t for s in right_spans for t in tokens(right_text, s.start, s.end)]
    left_keys = {t.key for t in left}
    right_keys = {t.key for t in right}
    return WordDiff(
        left_only=_merge([t.span for t in left if t.key not in right_keys], left_text),
        right_only=_merge([t.span for t in right if t.key not in left_keys], right_text),
    )


def _merge(spans: list[Span], text: str) -> tuple[Span, ...]:
    """Join neighbouring spans separated only by spaces or punctuation into one run."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and not text[merged[-1].end : span.start].strip(" ,-–"):
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return tuple(merged)
