"""Which comparison runs: the one place that chooses ``compare`` or ``compare_article``."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.engine.compare import Comparison, compare, compare_article
from desktop.engine.document import Document
from desktop.engine.settings import CompareSettings
from desktop.engine.sources import compare_roles, compare_sources
from desktop.engine.vocabulary import Role


def compare_documents(
    official: Document | None,
    backgrounds: Sequence[Document],
    *,
    single_article: bool,
    settings: CompareSettings | None = None,
    roles: Sequence[Role] = (),
) -> Comparison | None:
    """The machine's comparison: single-article mode splits the (one) article, otherwise the
    official readout is compared with every other document (``roles``, one per document,
    say which are counterparts and versions; none: all background). None when a side is
    missing."""
    if not backgrounds:
        return None
    if single_article:
        return compare_article(backgrounds[0], settings=settings)
    if official is None:
        return None
    if any(role is not Role.BACKGROUND for role in roles):
        padded = [*roles, *[Role.BACKGROUND] * (len(backgrounds) - len(roles))]
        return compare_roles(
            official,
            list(zip(backgrounds, padded[: len(backgrounds)], strict=True)),
            settings=settings,
        )
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


def compare_story(
    documents: Sequence[Document],
    *,
    counterparts: Sequence[Document] = (),
    versions: Sequence[Document] = (),
    settings: CompareSettings | None = None,
) -> Comparison:
    """As ``compare_given``, with the other government's readouts and other versions of
    the release beside it; with either, the first document is always the official one."""
    if not counterparts and not versions:
        return compare_given(documents, settings)
    if not documents:
        raise ValueError("nothing to compare")
    return compare_sources(
        documents[0],
        documents[1:],
        counterparts=counterparts,
        versions=versions,
        settings=settings,
    )
