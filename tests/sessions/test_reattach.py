"""Corrections, notes and the selection find their sentence again after offsets shift."""

from __future__ import annotations

from dataclasses import replace

from db.roles import DocumentRole
from desktop.engine.compare import compare_article
from desktop.engine.corrections import Correction
from desktop.engine.document import Document
from desktop.engine.vocabulary import Attribution, Coverage
from desktop.sessions.data import Note, StoredDocument, UiState
from desktop.sessions.store import SessionStore
from tests.sessions.conftest import sample_article

PREFACE = (
    "Editor's note: this article was updated on 2 July with the ministry's full statement.\n\n"
)


def test_a_stored_correction_reattaches_after_the_document_shifts_its_offsets(
    store: SessionStore,
) -> None:
    article = sample_article()
    machine = compare_article(article)
    index = 4
    sentence = machine.documents[1].sentences[index]
    wrong = sentence.attribution
    fixed = next(a for a in Attribution if a is not wrong)
    correction = Correction.attribution_of(machine, 1, index, fixed)
    note = Note.on_sentence(machine, 1, index, "checked against the PIB release")
    stored = StoredDocument.from_document(article, DocumentRole.BACKGROUND)
    data = store.create_session([stored], single_article=True, corrections=[correction]).result()
    data = replace(data, notes=(note,), ui_state=UiState(selected=note.anchor))
    store.save_session(data).result()

    # The article is re-read with a preface: every offset moves, the sentence's text does not.
    shifted = Document(PREFACE + article.text, title=article.title, source=article.source)
    loaded = store.open_session(data.id).result()
    assert loaded is not None
    loaded = loaded.with_inputs(None, [shifted], single_article=True)
    store.save_session(loaded).result()
    reopened = store.open_session(data.id).result()
    assert reopened is not None
    corrected = reopened.comparison()
    assert corrected is not None
    assert corrected.orphans == ()
    moved = [s for s in corrected.documents[1].sentences if s.text == sentence.text]
    assert len(moved) == 1
    assert moved[0].start == sentence.start + len(PREFACE)
    assert moved[0].attribution is fixed
    assert corrected.is_corrected(1, moved[0].index)
    machine_now = corrected.machine
    assert machine_now is not None
    for anchor in (reopened.notes[0].anchor, reopened.ui_state.selected):
        assert anchor is not None
        assert anchor.resolve(machine_now) == moved[0].index


def test_a_correction_with_stale_offsets_reattaches_by_its_text_hash(
    store: SessionStore,
) -> None:
    """As if the engine now segments differently: the stored offsets point elsewhere."""
    article = sample_article()
    machine = compare_article(article)
    correction = Correction.coverage_of(machine, 1, 6, Coverage.COVERED)
    stale = replace(
        correction,
        anchor=replace(correction.anchor, start=correction.anchor.start + 57, end=10**6),
    )
    stored = StoredDocument.from_document(article, DocumentRole.BACKGROUND)
    data = store.create_session([stored], single_article=True, corrections=[stale]).result()
    loaded = store.get_session(data.id).result()
    assert loaded is not None and loaded.corrections == (stale,)
    corrected = loaded.comparison()
    assert corrected is not None and corrected.orphans == ()
    assert corrected.documents[1].sentences[6].coverage is Coverage.COVERED


def test_a_correction_whose_sentence_is_gone_is_kept_as_an_orphan(store: SessionStore) -> None:
    article = sample_article()
    machine = compare_article(article)
    correction = Correction.attribution_of(machine, 1, 4, Attribution.REPORTER)
    sentence_text = machine.documents[1].sentences[4].text
    stored = StoredDocument.from_document(article, DocumentRole.BACKGROUND)
    data = store.create_session([stored], single_article=True, corrections=[correction]).result()
    edited = Document(article.text.replace(sentence_text, ""), title=article.title)
    data = data.with_inputs(None, [edited], single_article=True)
    store.save_session(data).result()
    loaded = store.get_session(data.id).result()
    assert loaded is not None
    assert loaded.corrections == (correction,)  # still stored, never silently dropped
    corrected = loaded.comparison()
    assert corrected is not None and corrected.orphans == (correction,)
