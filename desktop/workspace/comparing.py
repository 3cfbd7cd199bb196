"""Which comparison runs: the one place that chooses ``compare`` or ``compare_article``."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.engine.compare import Comparison, compare, compare_article
from desktop.engine.document import Document
from desktop.engine.settings import CompareSettings


def compare_documents(
    official: Document | None,
    backgrounds: Sequence[Document],
    *,
    single_article: bool,
    settings: CompareSettings | None = None,
) -> Comparison | None:
    """The machine's comparison: single-article mode splits the (one) article, otherwise the
    official readout is compared with every background. None when a side is missing."""
    if not backgrounds:
        return None
    if single_article:
        return compare_article(backgrounds[0], settings=settings)
    if official is None:
        return None
    return compare(official, backgrounds, settings=settings)


def compare_given(
    documents: Sequence[Document], settings: CompareSettings | None = None
) -> Comparison:
    """Documents given in order (the CLI, a batch set): one is an article to split, more are
    the official readout followed by its background."""
    if not documents:
        raise ValueError("nothing to compare")
    if len(documents) == 1:
        result = compare_documents(None, documents, single_article=True, settings=settings)
    else:
        result = compare_documents(
            documents[0], documents[1:], single_article=False, settings=settings
        )
    assert result is not None
    return result
