"""Sessions keep each document's role, and the comparison they recompute honours it."""

from __future__ import annotations

from db.roles import DocumentRole
from desktop.engine.vocabulary import Role
from desktop.sessions.store import SessionStore
from tests.sessions.conftest import case_documents


def test_a_stored_counterpart_readout_is_compared_as_a_counterpart(store: SessionStore) -> None:
    data = store.create_session(case_documents(), title="roles").result()
    reopened = store.open_session(data.id).result()
    assert reopened is not None
    assert [d.role for d in reopened.documents][2] is DocumentRole.COUNTERPART_READOUT
    assert reopened.roles() == (Role.BACKGROUND, Role.COUNTERPART)
    comparison = reopened.compute()
    assert comparison is not None
    assert [d.role for d in comparison.documents] == [
        Role.OFFICIAL,
        Role.BACKGROUND,
        Role.COUNTERPART,
    ]
    assert 2 in comparison.official_in


def test_the_window_role_chooser_changes_the_stored_role(store: SessionStore) -> None:
    data = store.create_session(case_documents(), title="roles").result()
    official, backgrounds = data.inputs()
    changed = data.with_inputs(official, backgrounds, roles=(Role.VERSION, Role.BACKGROUND))
    assert [d.role for d in changed.documents][1:] == [
        DocumentRole.EARLIER_VERSION,
        DocumentRole.BACKGROUND,
    ]
    store.save_session(changed).result()
    reopened = store.open_session(data.id).result()
    assert reopened is not None and reopened.roles() == (Role.VERSION, Role.BACKGROUND)
    # Without roles from the window, a document keeps the role it was stored with.
    kept = reopened.with_inputs(official, backgrounds)
    assert kept.roles() == (Role.VERSION, Role.BACKGROUND)


def test_every_stored_role_maps_to_an_engine_role_and_back() -> None:
    for stored in DocumentRole:
        assert DocumentRole.of(stored.engine_role) is stored
