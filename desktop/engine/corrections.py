"""The user's corrections to a comparison, kept as plain data and re-applied after every compare.

A correction is anchored to a sentence by the document's place in the comparison
(role + index), the sentence's offsets and a SHA-1 of its text. Offsets move when
the engine's segmentation changes or the document is re-read, so a correction
re-attaches by text hash first and by overlapping offsets second; the offset
fallback is only used when the document text is the one the correction was made
on (``document_sha256``), so a correction never lands on an unrelated document.

Corrections are applied in order; a later correction of the same kind on the same
sentence wins. Links and unlinks are applied before attribution and coverage
overrides, and a link raises an absent sentence to partial (an unlink of the last
match lowers a reported sentence to absent) unless the user also set its coverage.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from desktop.engine.compare import Comparison, Match, SentenceResult
from desktop.engine.vocabulary import Attribution, Coverage, Role

LINK_SCORE = 1.0


class CorrectionKind(StrEnum):
    ATTRIBUTION = "attribution"
    COVERAGE = "coverage"
    LINK = "link"
    UNLINK = "unlink"


class Field(StrEnum):
    """A value of a sentence that a correction can change."""

    ATTRIBUTION = "attribution"
    COVERAGE = "coverage"
    MATCHES = "matches"


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SentenceAnchor:
    """Where a sentence is: its document's role and index, its offsets and a hash of its text."""

    role: Role
    document: int
    start: int
    end: int
    sha1: str
    document_sha256: str = ""

    @classmethod
    def of(cls, comparison: Comparison, document: int, index: int) -> SentenceAnchor:
        result = comparison.documents[document]
        sentence = result.sentences[index]
        return cls(
            role=result.role,
            document=document,
            start=sentence.start,
            end=sentence.end,
            sha1=text_sha1(sentence.text),
            document_sha256=result.document.sha256,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role.value,
            "document": self.document,
            "start": self.start,
            "end": self.end,
            "sha1": self.sha1,
            "document_sha256": self.document_sha256,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SentenceAnchor:
        return cls(
            role=Role(data["role"]),
            document=int(data["document"]),
            start=int(data["start"]),
            end=int(data["end"]),
            sha1=str(data["sha1"]),
            document_sha256=str(data.get("document_sha256", "")),
        )

    def resolve(self, comparison: Comparison) -> int | None:
        """The index of the sentence this anchor points at in ``comparison``, if any."""
        if not 0 <= self.document < len(comparison.documents):
            return None
        result = comparison.documents[self.document]
        if result.role is not self.role:
            return None
        by_hash = [s for s in result.sentences if text_sha1(s.text) == self.sha1]
        if by_hash:
            return min(by_hash, key=lambda s: abs(s.start - self.start)).index
        if self.document_sha256 and self.document_sha256 != result.document.sha256:
            return None
        best, best_overlap = None, 0
        for s in result.sentences:
            overlap = min(s.end, self.end) - max(s.start, self.start)
            if overlap > best_overlap:
                best, best_overlap = s.index, overlap
        return best


@dataclass(frozen=True)
class Correction:
    """One decision of the user. ``target`` is the other sentence of a link or unlink."""

    kind: CorrectionKind
    anchor: SentenceAnchor
    attribution: Attribution | None = None
    coverage: Coverage | None = None
    target: SentenceAnchor | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind is CorrectionKind.ATTRIBUTION and self.attribution is None:
            raise ValueError("an attribution correction needs an attribution")
        if self.kind is CorrectionKind.COVERAGE and self.coverage is None:
            raise ValueError("a coverage correction needs a coverage")
        if self.kind in (CorrectionKind.LINK, CorrectionKind.UNLINK) and self.target is None:
            raise ValueError(f"a {self.kind} correction needs a target sentence")

    @classmethod
    def attribution_of(
        cls, comparison: Comparison, document: int, index: int, value: Attribution
    ) -> Correction:
        anchor = SentenceAnchor.of(comparison, document, index)
        return cls(CorrectionKind.ATTRIBUTION, anchor, attribution=value)

    @classmethod
    def coverage_of(
        cls, comparison: Comparison, document: int, index: int, value: Coverage
    ) -> Correction:
        return cls(
            CorrectionKind.COVERAGE, SentenceAnchor.of(comparison, document, index), coverage=value
        )

    @classmethod
    def link(
        cls, comparison: Comparison, first: tuple[int, int], second: tuple[int, int]
    ) -> Correction:
        return cls(
            CorrectionKind.LINK,
            SentenceAnchor.of(comparison, *first),
            target=SentenceAnchor.of(comparison, *second),
        )

    @classmethod
    def unlink(
        cls, comparison: Comparison, first: tuple[int, int], second: tuple[int, int]
    ) -> Correction:
        return cls(
            CorrectionKind.UNLINK,
            SentenceAnchor.of(comparison, *first),
            target=SentenceAnchor.of(comparison, *second),
        )

    def concerns(self, document: int) -> bool:
        return self.anchor.document == document or (
            self.target is not None and self.target.document == document
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind.value, "anchor": self.anchor.to_dict()}
        if self.attribution is not None:
            data["attribution"] = self.attribution.value
        if self.coverage is not None:
            data["coverage"] = self.coverage.value
        if self.target is not None:
            data["target"] = self.target.to_dict()
        if self.note:
            data["note"] = self.note
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Correction:
        attribution = data.get("attribution")
        coverage = data.get("coverage")
        target = data.get("target")
        return cls(
            kind=CorrectionKind(data["kind"]),
            anchor=SentenceAnchor.from_dict(data["anchor"]),
            attribution=Attribution(attribution) if attribution is not None else None,
            coverage=Coverage(coverage) if coverage is not None else None,
            target=SentenceAnchor.from_dict(target) if target is not None else None,
            note=str(data.get("note", "")),
        )


SentenceKey = tuple[int, int]  # (document index in the comparison, sentence index)


@dataclass(frozen=True)
class CorrectedComparison(Comparison):
    """A comparison with the user's corrections applied; ``machine`` is the engine's own result.

    ``changes`` maps a sentence to the fields the user changed and the machine's
    value of each (an attribution, a coverage, or the machine's matches).
    ``orphans`` are corrections that no longer find their sentence.
    """

    machine: Comparison | None = None
    changes: Mapping[SentenceKey, Mapping[Field, object]] = field(default_factory=dict)
    orphans: tuple[Correction, ...] = ()

    def is_corrected(self, document: int, index: int, which: Field | None = None) -> bool:
        fields = self.changes.get((document, index))
        if not fields:
            return False
        return which is None or which in fields

    def machine_value(self, document: int, index: int, which: Field) -> object:
        """The engine's value of ``which`` for a sentence (the current value when uncorrected)."""
        fields = self.changes.get((document, index), {})
        if which in fields:
            return fields[which]
        sentence = self.documents[document].sentences[index]
        if which is Field.ATTRIBUTION:
            return sentence.attribution
        if which is Field.COVERAGE:
            return sentence.coverage
        return sentence.matches

    def corrected_sentences(self) -> frozenset[SentenceKey]:
        return frozenset(key for key, fields in self.changes.items() if fields)


def apply_corrections(
    comparison: Comparison, corrections: Iterable[Correction]
) -> CorrectedComparison:
    """A new comparison with ``corrections`` applied to the machine's ``comparison``."""
    machine = comparison.machine if isinstance(comparison, CorrectedComparison) else None
    machine = machine or comparison
    sentences: dict[SentenceKey, SentenceResult] = {}
    orphans: list[Correction] = []

    def current(key: SentenceKey) -> SentenceResult:
        return sentences.get(key) or machine.documents[key[0]].sentences[key[1]]

    ordered = sorted(
        enumerate(corrections),
        key=lambda item: (
            item[1].kind not in (CorrectionKind.LINK, CorrectionKind.UNLINK),
            item[0],
        ),
    )
    for _, correction in ordered:
        index = correction.anchor.resolve(machine)
        if index is None:
            orphans.append(correction)
            continue
        key = (correction.anchor.document, index)
        if correction.kind is CorrectionKind.ATTRIBUTION and correction.attribution is not None:
            sentences[key] = replace(current(key), attribution=correction.attribution)
        elif correction.kind is CorrectionKind.COVERAGE and correction.coverage is not None:
            sentences[key] = replace(current(key), coverage=correction.coverage)
        elif correction.target is not None:
            target_index = correction.target.resolve(machine)
            if target_index is None or correction.target.document == key[0]:
                orphans.append(correction)
                continue
            other = (correction.target.document, target_index)
            link = correction.kind is CorrectionKind.LINK
            for own, to in ((key, other), (other, key)):
                sentences[own] = _relinked(current(own), to, link=link)

    documents = tuple(
        replace(doc, sentences=tuple(sentences.get((d, s.index), s) for s in doc.sentences))
        for d, doc in enumerate(machine.documents)
    )
    changes: dict[SentenceKey, dict[Field, object]] = {}
    for key, corrected in sentences.items():
        original = machine.documents[key[0]].sentences[key[1]]
        fields: dict[Field, object] = {}
        if corrected.attribution is not original.attribution:
            fields[Field.ATTRIBUTION] = original.attribution
        if corrected.coverage is not original.coverage:
            fields[Field.COVERAGE] = original.coverage
        if corrected.matches != original.matches:
            fields[Field.MATCHES] = original.matches
        if fields:
            changes[key] = fields
    return CorrectedComparison(
        documents=documents,
        single_article=machine.single_article,
        engine=machine.engine,
        settings=machine.settings,
        revisions=machine.revisions,
        official_in=machine.official_in,
        counterpart_ties=machine.counterpart_ties,
        warnings=machine.warnings,
        machine=machine,
        changes=changes,
        orphans=tuple(orphans),
    )


def _relinked(sentence: SentenceResult, to: SentenceKey, *, link: bool) -> SentenceResult:
    # Links run before coverage overrides, so an explicit coverage still wins afterwards.
    others = tuple(m for m in sentence.matches if (m.document, m.index) != to)
    coverage = sentence.coverage
    if link:
        if coverage is Coverage.ABSENT:
            coverage = Coverage.PARTIAL
        matches: tuple[Match, ...] = (Match(to[0], to[1], LINK_SCORE), *others)
        return replace(sentence, matches=matches, coverage=coverage)
    if not others:
        coverage = Coverage.ABSENT
    return replace(sentence, matches=others, coverage=coverage)


def corrections_to_list(corrections: Sequence[Correction]) -> list[dict[str, Any]]:
    return [c.to_dict() for c in corrections]


def corrections_from_list(data: Iterable[Mapping[str, Any]]) -> tuple[Correction, ...]:
    return tuple(Correction.from_dict(item) for item in data)
