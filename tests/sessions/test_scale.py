"""A thousand sessions: the list has them all in order and the sample opens, recomputed.

Speed is measured by ``python -m desktop.sessions.bench`` (``make bench``), not here.
"""

from __future__ import annotations

from pathlib import Path

from desktop.engine.vocabulary import Attribution
from desktop.sessions.bench import bench_sessions, populate
from desktop.sessions.store import open_store


def test_a_thousand_sessions_list_in_order_and_the_last_opens_with_its_corrections(
    db_path: Path,
) -> None:
    created = open_store(db_path).store
    assert created is not None
    created.close()
    last = populate(db_path, 1000)
    opening = open_store(db_path)
    assert opening.store is not None
    with opening.store as store:
        listed = store.list_sessions().result()
        assert len(listed) == 1000
        assert listed[0].id == last
        assert [s.updated_at for s in listed] == sorted(
            (s.updated_at for s in listed), reverse=True
        )
        assert {(s.document_count, s.correction_count, s.note_count) for s in listed} == {(1, 2, 2)}
        assert len(store.list_sessions("check with the desk (999)").result()) == 1
        data = store.open_session(last).result()
    assert data is not None
    corrected = data.comparison()
    assert corrected is not None and not corrected.orphans
    assert len(data.corrections) == 2
    assert corrected.documents[1].sentences[1].attribution is Attribution.SOURCES


def test_the_bench_reports_every_figure() -> None:
    figures = bench_sessions(count=20)
    labels = [label for label, _ in figures]
    assert any(label.startswith("list 20 sessions") for label in labels)
    assert any(label.startswith("open the sample session + recompute") for label in labels)
    assert all(seconds > 0 for _, seconds in figures)
