"""Every field of a session comes back exactly as it went in: through the database, through a
``.readout`` file, and through ``show --json``."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from db.roles import DocumentRole
from desktop.engine.corrections import Correction, CorrectionKind
from desktop.engine.sources import compare_roles
from desktop.engine.vocabulary import Attribution, Coverage, Role
from desktop.sessions.data import Note, SessionData, StoredDocument, UiState
from desktop.sessions.serialize import session_from_json, session_to_json
from desktop.sessions.store import SessionStore
from tests.sessions.conftest import case_documents

CREATED = datetime(2025, 7, 1, 8, 0, 0, 1, tzinfo=UTC)


def _full_session(store: SessionStore) -> SessionData:
    """A stored session with every field set to something other than its default."""
    documents = case_documents()
    data = store.create_session(documents, title="  Call readout vs. reporting  ").result()
    comparison = data.compute()
    assert comparison is not None
    official_index = 0
    corrections = (
        Correction.attribution_of(comparison, 1, 2, Attribution.NAMED),
        Correction.coverage_of(comparison, 2, 0, Coverage.ABSENT),
        Correction.link(comparison, (1, 1), (official_index, 0)),
        Correction.unlink(comparison, (2, 1), (official_index, 1)),
        replace(
            Correction.coverage_of(comparison, 1, 3, Coverage.COVERED), note="paraphrase of ¶2"
        ),
    )
    assert {c.kind for c in corrections} == set(CorrectionKind)
    sentence_note = Note.on_sentence(comparison, 1, 2, "Ask the desk — is this “sources”?")
    session_note = replace(
        Note.new("Session note\nsecond line · Δ"),
        created_at=CREATED,
        updated_at=CREATED + timedelta(days=2, microseconds=5),
    )
    state = UiState(
        selected=sentence_note.anchor,
        scroll=(0.0, 0.42, 1.0),
        absent_only=True,
        sources_only=True,
        search="tariff",
        extra={"claims_sort": [3, "descending"], "splitter": [300, 500], "zoom": 1.25},
    )
    edited = replace(
        data,
        corrections=corrections,
        notes=(sentence_note, session_note),
        ui_state=state,
    )
    assert store.save_session(edited).result() is not None
    return edited


def _assert_same(loaded: SessionData, expected: SessionData, *, same_identity: bool) -> None:
    identity = {"id", "created_at", "updated_at", "opened_at"}
    for field in fields(SessionData):
        if field.name in identity and not same_identity:
            continue
        if field.name in ("updated_at", "opened_at"):
            continue  # set by the store
        assert getattr(loaded, field.name) == getattr(expected, field.name), field.name


def test_every_field_round_trips_through_the_database(store: SessionStore) -> None:
    saved = _full_session(store)
    loaded = store.get_session(saved.id).result()
    assert loaded is not None
    _assert_same(loaded, saved, same_identity=True)
    assert loaded.title == "Call readout vs. reporting" and loaded.title_is_custom
    for stored, original in zip(loaded.documents, case_documents(), strict=True):
        for field in fields(StoredDocument):
            assert getattr(stored, field.name) == getattr(original, field.name), field.name
    assert loaded.documents[2].role is DocumentRole.COUNTERPART_READOUT
    assert loaded.documents[0].retrieved_at == datetime(2025, 7, 1, 9, 30, 15, 123456, tzinfo=UTC)
    assert loaded.notes[1].updated_at == CREATED + timedelta(days=2, microseconds=5)
    assert loaded.ui_state.extra["claims_sort"] == [3, "descending"]
    assert loaded.corrections[4].note == "paraphrase of ¶2"


def test_every_field_round_trips_through_a_readout_file(
    store: SessionStore, tmp_path: Path
) -> None:
    saved = _full_session(store)
    target = store.export_session(saved.id, tmp_path / "shared" / "call.readout").result()
    imported = store.import_session(target).result()
    assert imported.id != saved.id
    _assert_same(imported, saved, same_identity=False)
    assert imported.created_at == saved.created_at


def test_every_field_round_trips_through_json(store: SessionStore) -> None:
    saved = _full_session(store)
    loaded = store.get_session(saved.id).result()
    assert loaded is not None
    text = json.dumps(session_to_json(loaded), ensure_ascii=False)
    assert session_from_json(json.loads(text)) == loaded


def test_the_comparison_is_recomputed_with_corrections_reapplied(store: SessionStore) -> None:
    saved = _full_session(store)
    loaded = store.open_session(saved.id).result()
    assert loaded is not None
    corrected = loaded.comparison()
    assert corrected is not None and not corrected.orphans
    documents = [d.to_document() for d in case_documents()]
    roles = [Role.BACKGROUND, Role.COUNTERPART]  # the third document is a counterpart readout
    expected = compare_roles(documents[0], list(zip(documents[1:], roles, strict=True)))
    assert corrected.machine == expected
    assert corrected.documents[1].sentences[2].attribution is Attribution.NAMED
    assert corrected.documents[2].sentences[0].coverage is Coverage.ABSENT


def test_counterpart_readouts_and_earlier_versions_are_compared_in_their_roles(
    store: SessionStore,
) -> None:
    official, article, counterpart = case_documents()
    earlier = replace(official, role=DocumentRole.EARLIER_VERSION, text=official.text[:400])
    data = store.create_session([official, article, counterpart, earlier]).result()
    comparison = data.compute()
    assert comparison is not None
    assert [d.role.value for d in comparison.documents] == [
        "official",
        "background",
        "counterpart",
        "version",
    ]
    assert [d.role.engine_role.value for d in data.documents] == [
        "official",
        "background",
        "counterpart",
        "version",
    ]
    (revision,) = comparison.revisions
    assert (revision.old, revision.new) == (3, 0) and revision.added


def test_a_session_holds_at_most_one_official_document() -> None:
    official = case_documents()[0]
    now = datetime.now(UTC)
    with pytest.raises(ValueError, match="at most one official"):
        SessionData(1, "t", False, now, now, documents=(official, official))
    with pytest.raises(ValueError, match="single-article"):
        SessionData(1, "t", False, now, now, documents=(official,), single_article=True)


def test_naive_times_are_refused_before_they_reach_the_database() -> None:
    naive = datetime(2025, 7, 1, 9, 0)
    with pytest.raises(ValueError, match="aware datetime"):
        replace(case_documents()[1], retrieved_at=naive)
    with pytest.raises(ValueError, match="aware datetime"):
        replace(Note.new("n"), updated_at=naive)
