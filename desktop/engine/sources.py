"""Every source of a story at once: the official readout against the reporting (as
``compare``), against each counterpart government's readout in both directions, and
against its other versions as revisions rather than coverage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop.engine.compare import Comparison, DocumentResult, Match, SentenceResult, compare
from desktop.engine.document import Document, Sentence
from desktop.engine.model import AlignmentModel
from desktop.engine.provenance import when
from desktop.engine.revisions import Revision, revise, similarity
from desktop.engine.segment import split_sentences
from desktop.engine.settings import CompareSettings
from desktop.engine.units import classify
from desktop.engine.vocabulary import Attribution, Coverage, Role


def compare_sources(
    official: Document,
    backgrounds: Sequence[Document] = (),
    *,
    counterparts: Sequence[Document] = (),
    versions: Sequence[Document] = (),
    model: AlignmentModel | None = None,
    settings: CompareSettings | None = None,
) -> Comparison:
    """Documents come out in the order official, backgrounds, counterparts, versions."""
    others = [
        *((d, Role.BACKGROUND) for d in backgrounds),
        *((d, Role.COUNTERPART) for d in counterparts),
        *((d, Role.VERSION) for d in versions),
    ]
    return compare_roles(official, others, model=model, settings=settings)


def compare_roles(
    official: Document,
    others: Sequence[tuple[Document, Role]],
    *,
    model: AlignmentModel | None = None,
    settings: CompareSettings | None = None,
) -> Comparison:
    """The official readout against documents of any role, kept in the order given.

    The official side's coverage and the pooled summary stay about the reporting; each
    counterpart is judged against the readout on its own (its claims, and which readout
    claims it mentions: ``Comparison.official_in``); versions give revisions."""
    backgrounds = [d for d, role in others if role is Role.BACKGROUND]
    base = compare(official, backgrounds, model=model, settings=settings)
    # Where each background lands among all documents (1-based, in the order given).
    placed = [n for n, (_, role) in enumerate(others, start=1) if role is Role.BACKGROUND]
    renumber = {k: n for k, n in enumerate(placed, start=1)}
    documents: list[DocumentResult] = [_renumbered(base.official, renumber)]
    official_in: dict[int, tuple[Coverage, ...]] = {}
    revisions: list[Revision] = []
    official_sentences = [s.sentence for s in base.official.sentences]
    backgrounds_done = iter(base.backgrounds)
    for number, (document, role) in enumerate(others, start=1):
        if role is Role.BACKGROUND:
            documents.append(next(backgrounds_done))
        elif role is Role.VERSION:
            result, revision = _version(official, official_sentences, document, number)
            documents.append(result)
            revisions.append(revision)
        else:
            pair = compare(official, [document], model=model, settings=base.settings)
            documents.append(_as_release(pair.documents[1], Role(role)))
            official_in[number] = tuple(s.coverage for s in pair.official.sentences)
    return replace(
        base, documents=tuple(documents), revisions=tuple(revisions), official_in=official_in
    )


def _renumbered(official: DocumentResult, renumber: dict[int, int]) -> DocumentResult:
    """The official side with its matches pointing at the backgrounds' final places."""
    if all(k == n for k, n in renumber.items()):
        return official
    sentences = tuple(
        replace(
            s,
            matches=tuple(replace(m, document=renumber[m.document]) for m in s.matches),
        )
        for s in official.sentences
    )
    return replace(official, sentences=sentences)


def _as_release(result: DocumentResult, role: Role) -> DocumentResult:
    """A government's readout speaks on the record throughout: its own narration is
    official, not a reporter's."""
    sentences = tuple(
        replace(s, attribution=Attribution.OFFICIAL) if s.attribution is Attribution.REPORTER else s
        for s in result.sentences
    )
    return replace(result, role=role, sentences=sentences)


def is_later(version: Document, official: Document) -> bool:
    """Whether ``version`` was released (or fetched) after ``official``; unknown → earlier."""
    version_time, official_time = when(version), when(official)
    return bool(version_time and official_time and version_time > official_time)


def _version(
    official: Document,
    official_sentences: Sequence[Sentence],
    version: Document,
    number: int,
) -> tuple[DocumentResult, Revision]:
    """The version's sentences (covered when kept, partial when reworded, absent when only
    the version has them) and the revision between it and the official release, in time
    order."""
    sentences = split_sentences(version.text)
    units = classify(version.text, sentences, official=True, metadata=version.metadata)
    later = is_later(version, official)
    if later:
        revision = revise(
            official,
            version,
            old_index=0,
            new_index=number,
            old_sentences=official_sentences,
            new_sentences=sentences,
        )
        kept = {new: old for old, new in revision.kept}
        reworded = {new: old for old, new in revision.changed}
    else:
        revision = revise(
            version,
            official,
            old_index=number,
            new_index=0,
            old_sentences=sentences,
            new_sentences=official_sentences,
        )
        kept = dict(revision.kept)
        reworded = dict(revision.changed)
    results = []
    for sentence, unit in zip(sentences, units, strict=True):
        matches: tuple[Match, ...]
        if sentence.index in kept:
            coverage, matches = Coverage.COVERED, (Match(0, kept[sentence.index], 1.0),)
        elif sentence.index in reworded:
            other = official_sentences[reworded[sentence.index]]
            score = round(similarity(version.text, sentence, official.text, other), 3)
            coverage, matches = Coverage.PARTIAL, (Match(0, other.index, score),)
        else:
            coverage, matches = Coverage.ABSENT, ()
        results.append(
            SentenceResult(
                sentence,
                sentence.text_in(version.text),
                Attribution.OFFICIAL,
                None,
                coverage,
                matches,
                unit,
            )
        )
    return DocumentResult(Role.VERSION, version, tuple(results)), revision
