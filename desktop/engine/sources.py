"""Every source of a story at once: the official readout against the reporting (as
``compare``), against each counterpart government's readout in both directions, and
against its other versions as revisions rather than coverage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop.engine.compare import Comparison, DocumentResult, Match, SentenceResult, compare
from desktop.engine.counterpart_ties import with_ties
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
    reporting = [(n, d) for n, d in enumerate(documents) if d.role is Role.BACKGROUND]
    revisions = [
        replace(r, reported=_reported(r, documents, reporting, model, base.settings))
        for r in revisions
    ]
    story = replace(
        base, documents=tuple(documents), revisions=tuple(revisions), official_in=official_in
    )
    return with_ties(story, model=model, settings=base.settings)


def _reported(
    revision: Revision,
    documents: Sequence[DocumentResult],
    reporting: Sequence[tuple[int, DocumentResult]],
    model: AlignmentModel | None,
    settings: CompareSettings,
) -> tuple[tuple[int, int, int], ...]:
    """Reporting claims that match a sentence the revision removed. When the official
    release is the old text, its own links say so; when an earlier version is, its removed
    sentences are compared with the reporting as one small readout."""
    if not revision.removed or not reporting:
        return ()
    removed = set(revision.removed)
    found: list[tuple[int, int, int]] = []
    if revision.old == 0:
        for n, doc in reporting:
            for s in doc.sentences:
                hits = [m.index for m in s.matches if m.document == 0 and m.index in removed]
                if s.is_claim and hits:
                    found.append((n, s.index, hits[0]))
        return tuple(found)
    old = documents[revision.old]
    texts = [" ".join(old.sentences[i].text.split()) for i in revision.removed]
    dropped = Document("\n\n".join(texts))
    if len(split_sentences(dropped.text)) != len(texts):
        return ()  # the removed sentences do not split back one for one
    pair = compare(dropped, [doc.document for _, doc in reporting], model=model, settings=settings)
    for (n, _), result in zip(reporting, pair.backgrounds, strict=True):
        for s in result.sentences:
            if s.is_claim and s.matches:
                found.append((n, s.index, revision.removed[s.matches[0].index]))
    return tuple(found)


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
