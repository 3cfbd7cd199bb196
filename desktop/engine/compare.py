"""The engine's entry points: compare an official readout with background documents,
or split one article into what it attributes to the statement and the rest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from threadpoolctl import threadpool_limits

from desktop.engine.align import align, prepare
from desktop.engine.document import Document, Sentence, Span
from desktop.engine.model import AlignmentModel, default_model
from desktop.engine.profiles import profile
from desktop.engine.segment import split_sentences
from desktop.engine.settings import CompareSettings
from desktop.engine.single import ArticleAnalysis, analyse, extract_official
from desktop.engine.units import classify
from desktop.engine.vocabulary import Attribution, Coverage, Role, Unit
from desktop.engine.worddiff import WordDiff, word_diff

_RANK = {Coverage.ABSENT: 0, Coverage.PARTIAL: 1, Coverage.COVERED: 2}


@dataclass(frozen=True)
class Match:
    """A linked sentence on the other side: document index in the comparison, sentence index."""

    document: int
    index: int
    score: float


@dataclass(frozen=True)
class SentenceResult:
    sentence: Sentence
    text: str
    attribution: Attribution
    cue: Span | None  # offsets into the document text
    coverage: Coverage
    matches: tuple[Match, ...]
    unit: Unit = Unit.CLAIM

    @property
    def is_claim(self) -> bool:
        return self.unit is Unit.CLAIM

    @property
    def index(self) -> int:
        return self.sentence.index

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end


@dataclass(frozen=True)
class DocumentResult:
    role: Role
    document: Document
    sentences: tuple[SentenceResult, ...]


@dataclass(frozen=True)
class Summary:
    """Counts of claims only; ``units`` counts the non-claim units of every document."""

    background: dict[Coverage, int]
    official: dict[Coverage, int]
    units: dict[Unit, int] = field(default_factory=dict)

    def headline(self) -> str:
        total = sum(self.background.values())
        absent = self.background[Coverage.ABSENT]
        reported = self.official[Coverage.COVERED] + self.official[Coverage.PARTIAL]
        official_total = sum(self.official.values())
        claims = "claim is" if total == 1 and absent == 1 else "claims are"
        return (
            f"{absent} of {total} background {claims} absent from the official readout · "
            f"{reported} of {official_total} readout sentences reported"
        )


@dataclass(frozen=True)
class Comparison:
    documents: tuple[DocumentResult, ...]
    single_article: bool = False
    engine: str = field(default="")
    settings: CompareSettings = field(default_factory=CompareSettings)

    @property
    def official(self) -> DocumentResult:
        return self.documents[0]

    @property
    def backgrounds(self) -> tuple[DocumentResult, ...]:
        return self.documents[1:]

    def summary(self) -> Summary:
        background = dict.fromkeys(Coverage, 0)
        units: dict[Unit, int] = {}
        for doc in self.documents:
            for s in doc.sentences:
                if not s.is_claim:
                    units[s.unit] = units.get(s.unit, 0) + 1
        for doc in self.backgrounds:
            for s in doc.sentences:
                if s.is_claim:
                    background[s.coverage] += 1
        official = dict.fromkeys(Coverage, 0)
        for s in self.official.sentences:
            if s.is_claim:
                official[s.coverage] += 1
        return Summary(background, official, units)

    def diff(self, document: int, index: int) -> WordDiff | None:
        """Word differences between a sentence and all its matches (None when unmatched)."""
        result = self.documents[document].sentences[index]
        if not result.matches:
            return None
        own = self.documents[document].document.text
        other_doc = result.matches[0].document
        other = self.documents[other_doc].document.text
        spans = [
            self.documents[m.document].sentences[m.index].sentence.span
            for m in result.matches
            if m.document == other_doc
        ]
        return word_diff(own, [result.sentence.span], other, spans, self.settings)


def _engine_name() -> str:
    from desktop import __version__

    return f"readout {__version__}"


def compare(
    official: Document,
    backgrounds: Sequence[Document],
    *,
    model: AlignmentModel | None = None,
    settings: CompareSettings | None = None,
) -> Comparison:
    """Compare one official readout with one or more background documents."""
    settings = settings or CompareSettings()
    engine_view = [_as_read(d, settings) for d in (official, *backgrounds)]
    comparison = _compare(
        engine_view[0], engine_view[1:], model or default_model(), single_article=False
    )
    return _restored(comparison, [official, *backgrounds], settings)


def compare_article(
    article: Document,
    *,
    model: AlignmentModel | None = None,
    settings: CompareSettings | None = None,
) -> Comparison:
    """Single-article mode: the official side is what the article attributes to the statement."""
    settings = settings or CompareSettings()
    analysis = analyse(_as_read(article, settings))
    official = extract_official(article, analysis)
    comparison = _compare(
        _as_read(official, settings),
        [_as_read(article, settings)],
        model or default_model(),
        single_article=True,
        analyses=[analysis],
    )
    return _restored(comparison, [official, article], settings)


def _as_read(document: Document, settings: CompareSettings) -> Document:
    """The document as the engine reads it under ``settings`` (same length, same offsets)."""
    if not settings.rewrites_text:
        return document
    return replace(document, text=settings.engine_text(document.text))


def _restored(
    comparison: Comparison, originals: Sequence[Document], settings: CompareSettings
) -> Comparison:
    """The comparison on the documents' own texts, with the settings it was judged by."""
    if not settings.rewrites_text:
        return replace(comparison, settings=settings)
    documents = tuple(
        replace(
            result,
            document=original,
            sentences=tuple(
                replace(s, text=s.sentence.text_in(original.text)) for s in result.sentences
            ),
        )
        for result, original in zip(comparison.documents, originals, strict=True)
    )
    return replace(comparison, documents=documents, settings=settings)


def _compare(
    official: Document,
    backgrounds: Sequence[Document],
    model: AlignmentModel,
    *,
    single_article: bool,
    analyses: Sequence[ArticleAnalysis] = (),
) -> Comparison:
    # The engine multiplies many small matrices; a multi-threaded BLAS spends more on
    # waking its threads than on the work (15× slower on a busy two-core machine).
    with threadpool_limits(limits=1, user_api="blas"):
        return _compare_now(
            official, backgrounds, model, single_article=single_article, analyses=analyses
        )


def _compare_now(
    official: Document,
    backgrounds: Sequence[Document],
    model: AlignmentModel,
    *,
    single_article: bool,
    analyses: Sequence[ArticleAnalysis] = (),
) -> Comparison:
    official_sentences = split_sentences(official.text)
    official_units = classify(
        official.text, official_sentences, official=True, metadata=official.metadata
    )
    official_profiles = [
        profile(official.text, s.start, s.end, unit)
        for s, unit in zip(official_sentences, official_units, strict=True)
    ]
    best_official: list[tuple[Coverage, list[Match]]] = [
        (Coverage.ABSENT, []) for _ in official_sentences
    ]
    background_results: list[DocumentResult] = []
    for doc_index, background in enumerate(backgrounds, start=1):
        sentences, attributions, units = (
            analyses[doc_index - 1] if analyses else analyse(background)
        )
        texts = [s.text_in(background.text) for s in sentences]
        profiles = [
            profile(background.text, s.start, s.end, unit)
            for s, unit in zip(sentences, units, strict=True)
        ]
        decisions, official_decisions = align(prepare(profiles, official_profiles), model)
        results = []
        for sentence, text, (attribution, cue), unit, decision in zip(
            sentences, texts, attributions, units, decisions, strict=True
        ):
            cue_span = Span(sentence.start + cue[0], sentence.start + cue[1]) if cue else None
            matches = tuple(
                Match(0, link.official, round(link.probability, 3)) for link in decision.links
            )
            results.append(
                SentenceResult(
                    sentence, text, attribution, cue_span, decision.coverage, matches, unit
                )
            )
        background_results.append(DocumentResult(Role.BACKGROUND, background, tuple(results)))
        for j, official_decision in enumerate(official_decisions):
            coverage, official_matches = best_official[j]
            if _RANK[official_decision.coverage] > _RANK[coverage]:
                coverage = official_decision.coverage
            official_matches = official_matches + [
                Match(doc_index, link.official, round(link.probability, 3))
                for link in official_decision.links
            ]
            best_official[j] = (coverage, official_matches)
    official_results = tuple(
        SentenceResult(
            sentence,
            sentence.text_in(official.text),
            Attribution.OFFICIAL,
            None,
            coverage,
            tuple(sorted(matches, key=lambda m: (-m.score, m.document, m.index))),
            unit,
        )
        for sentence, unit, (coverage, matches) in zip(
            official_sentences, official_units, best_official, strict=True
        )
    )
    return Comparison(
        documents=(DocumentResult(Role.OFFICIAL, official, official_results), *background_results),
        single_article=single_article,
        engine=_engine_name(),
    )
