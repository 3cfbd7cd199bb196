"""The engine's entry points: compare an official readout with background documents,
or split one article into what it attributes to the statement and the rest."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

import numpy as np
from threadpoolctl import threadpool_limits

from desktop.engine.acronyms import learn as learn_acronyms
from desktop.engine.align import Link, align, prepare
from desktop.engine.document import Document, Sentence, Span
from desktop.engine.model import AlignmentModel, default_model
from desktop.engine.profiles import Profiler
from desktop.engine.readout_voice import participants, through_readout
from desktop.engine.revisions import Revision
from desktop.engine.segment import split_sentences
from desktop.engine.settings import CompareSettings
from desktop.engine.single import ArticleAnalysis, analyse, extract_official
from desktop.engine.units import classify
from desktop.engine.vocabulary import Attribution, Coverage, Role, Shift, Unit
from desktop.engine.worddiff import WordDiff, word_diff

_RANK = {Coverage.ABSENT: 0, Coverage.PARTIAL: 1, Coverage.COVERED: 2}


@dataclass(frozen=True)
class Match:
    """A linked sentence on the other side: document index in the comparison, sentence index."""

    document: int
    index: int
    # The calibrated link probability (AlignmentModel.score) for links the model made.
    score: float


@dataclass(frozen=True)
class CounterpartTie:
    """A reporting claim the article puts in the counterpart government's mouth ("the
    White House readout said …"), and whether that government's readout carries it:
    ``document`` is the counterpart's index, ``index`` its best-matching sentence (None
    when absent)."""

    document: int
    index: int | None
    coverage: Coverage


@dataclass(frozen=True)
class SentenceResult:
    sentence: Sentence
    text: str
    attribution: Attribution
    cue: Span | None  # offsets into the document text
    coverage: Coverage
    matches: tuple[Match, ...]
    unit: Unit = Unit.CLAIM
    # The lens (desktop.engine.lens), on matched background claims: how the report moves
    # the readout's claim, and the words that carry it as (document, span).
    shift: Shift | None = None
    shift_words: tuple[tuple[int, Span], ...] = ()

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
    language: str = ""  # ISO 639-1 code (desktop.engine.language); "" when undetermined


@dataclass(frozen=True)
class DocumentSummary:
    """One non-official document's claims by coverage; for a counterpart also the other
    direction: the official readout's claims by whether this document mentions them."""

    document: int
    role: Role
    claims: dict[Coverage, int]
    official: dict[Coverage, int] | None = None


@dataclass(frozen=True)
class Summary:
    """Counts of claims only; ``units`` counts the non-claim units of every document.
    ``background`` pools the reporting (role background) only."""

    background: dict[Coverage, int]
    official: dict[Coverage, int]
    units: dict[Unit, int] = field(default_factory=dict)
    documents: tuple[DocumentSummary, ...] = ()

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
    # Filled by ``desktop.engine.sources.compare_sources``: the revisions between the
    # official release and its versions, and for each counterpart (by document index)
    # the coverage of every official sentence in that counterpart.
    revisions: tuple[Revision, ...] = ()
    official_in: Mapping[int, tuple[Coverage, ...]] = field(default_factory=dict)
    # Filled by ``desktop.engine.counterpart_ties``: (document, sentence index) of each
    # reporting claim attributed to a counterpart government → that readout's judgement.
    counterpart_ties: Mapping[tuple[int, int], CounterpartTie] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()  # one line each, for the window, the CLI and the PDF

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
        documents = []
        for number, doc in enumerate(self.backgrounds, start=1):
            claims = dict.fromkeys(Coverage, 0)
            for s in doc.sentences:
                if s.is_claim:
                    claims[s.coverage] += 1
            if doc.role is Role.BACKGROUND:
                for c, n in claims.items():
                    background[c] += n
            documents.append(DocumentSummary(number, doc.role, claims, self._official_in(number)))
        official = dict.fromkeys(Coverage, 0)
        for s in self.official.sentences:
            if s.is_claim:
                official[s.coverage] += 1
        return Summary(background, official, units, tuple(documents))

    def _official_in(self, document: int) -> dict[Coverage, int] | None:
        coverages = self.official_in.get(document)
        if coverages is None:
            return None
        counts = dict.fromkeys(Coverage, 0)
        for s, coverage in zip(self.official.sentences, coverages, strict=True):
            if s.is_claim:
                counts[coverage] += 1
        return counts

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
        return word_diff(own, [result.sentence.span], other, spans, self.settings, ordered=True)


def across_languages(comparison: Comparison) -> Comparison:
    """Each document's language; anchors and a warning where the readout's differs; the
    lens's shift on each matched pair."""
    from desktop.engine.crosslang import across_languages as judged  # they build on this module
    from desktop.engine.lens import with_shifts

    return with_shifts(judged(comparison))


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
    with _collection_paused():
        comparison = _compare(
            engine_view[0], engine_view[1:], model or default_model(), single_article=False
        )
        return across_languages(_restored(comparison, [official, *backgrounds], settings))


def compare_article(
    article: Document,
    *,
    model: AlignmentModel | None = None,
    settings: CompareSettings | None = None,
) -> Comparison:
    """Single-article mode: the official side is what the article attributes to the statement."""
    settings = settings or CompareSettings()
    with _collection_paused():
        analysis = analyse(_as_read(article, settings))
        official = extract_official(article, analysis)
        comparison = _compare(
            _as_read(official, settings),
            [_as_read(article, settings)],
            model or default_model(),
            single_article=True,
            analyses=[analysis],
        )
        return across_languages(_restored(comparison, [official, article], settings))


def judged_against(
    readout: Document,
    reporting: Sequence[DocumentResult],
    *,
    model: AlignmentModel | None = None,
    settings: CompareSettings | None = None,
) -> tuple[DocumentResult, ...]:
    """Reporting already compared, judged again against another readout (a counterpart's):
    the same aligner, reusing each document's sentences, attributions and units, without
    the language and lens passes."""
    settings = settings or CompareSettings()
    analyses = [
        (
            [s.sentence for s in result.sentences],
            [
                (s.attribution, (s.cue.start - s.start, s.cue.end - s.start) if s.cue else None)
                for s in result.sentences
            ],
            [s.unit for s in result.sentences],
        )
        for result in reporting
    ]
    comparison = _compare(
        _as_read(readout, settings),
        [_as_read(result.document, settings) for result in reporting],
        model or default_model(),
        single_article=False,
        analyses=analyses,
    )
    return comparison.backgrounds


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
    with threadpool_limits(limits=1, user_api="blas"), _collection_paused():
        return _compare_now(
            official, backgrounds, model, single_article=single_article, analyses=analyses
        )


_pauses = 0  # comparisons running
_collecting = False  # whether the collector was enabled when the first of them began
_pause_lock = threading.Lock()


@contextmanager
def _collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a comparison runs.

    A comparison builds millions of small objects that live until it ends, and a full
    collection walks all of them each time the heap has grown by a quarter: eight or
    nine times, 0.7 s of a 1 MB pair's 7 s, and finds no garbage (the objects are
    acyclic, so reference counting frees them). The window already runs its background
    work so (``desktop.ui.background.collection_paused``); the CLI, batch and bench now
    do too. The collector is enabled again when the last running comparison ends, if
    it was enabled when the first began.
    """
    global _pauses, _collecting
    with _pause_lock:
        if _pauses == 0:
            _collecting = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _collecting:
                gc.enable()


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
    acronyms = learn_acronyms([official.text, *(b.text for b in backgrounds)])
    profiler = Profiler(acronyms)
    official_profiles = [
        profiler.profile(official.text, s.start, s.end, unit)
        for s, unit in zip(official_sentences, official_units, strict=True)
    ]
    best_official: list[tuple[Coverage, list[Match]]] = [
        (Coverage.ABSENT, []) for _ in official_sentences
    ]
    # Every link's probability is scored for both of its sentences: calibrate each once,
    # a document's at once (model.score of each, as one array: the same element-wise
    # operations on each probability).
    calibrated: dict[float, float] = {}

    def calibrate(links: Iterable[Link]) -> None:
        missing = list(
            dict.fromkeys(x.probability for x in links if x.probability not in calibrated)
        )
        if missing:
            values = model.link_calibration.apply(np.asarray(missing, dtype=np.float64))
            for probability, value in zip(missing, values.tolist(), strict=True):
                calibrated[probability] = round(value, 3)

    score = calibrated.__getitem__

    background_results: list[DocumentResult] = []
    people = participants(official.text)
    for doc_index, background in enumerate(backgrounds, start=1):
        sentences, attributions, units = (
            analyses[doc_index - 1] if analyses else analyse(background)
        )
        texts = [s.text_in(background.text) for s in sentences]
        profiles = [
            profiler.profile(background.text, s.start, s.end, unit)
            for s, unit in zip(sentences, units, strict=True)
        ]
        decisions, official_decisions = align(prepare(profiles, official_profiles), model)
        calibrate(link for d in decisions for link in d.links)
        calibrate(link for d in official_decisions for link in d.links)
        if not single_article:
            attributions = through_readout(
                texts, attributions, [d.coverage for d in decisions], people
            )
        results = []
        for sentence, text, (attribution, cue), unit, decision in zip(
            sentences, texts, attributions, units, decisions, strict=True
        ):
            cue_span = Span(sentence.start + cue[0], sentence.start + cue[1]) if cue else None
            matches = tuple(
                Match(0, link.official, score(link.probability)) for link in decision.links
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
                Match(doc_index, link.official, score(link.probability))
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
