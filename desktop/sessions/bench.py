"""Session store figures for ``make bench``: listing 1,000 sessions and opening the sample.

Each figure stands beside a baseline measured in the same run: the list against
the same rows read with a bare ``sqlite3`` query, the open (load + recompute +
re-applying corrections) against the engine's recompute alone.

    python -m desktop.sessions.bench
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from datetime import timedelta
from pathlib import Path

from db.engine import make_engine, session_factory, transaction
from db.models import SessionRecord
from db.roles import DocumentRole
from db.types import utc_now
from desktop.benchmark import median_seconds
from desktop.engine.compare import compare_article
from desktop.engine.corrections import Correction
from desktop.engine.document import Document
from desktop.engine.vocabulary import Attribution, Coverage
from desktop.sessions import convert
from desktop.sessions.data import Note, StoredDocument, UiState
from desktop.sessions.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"
LIST_TARGET = 0.100
OPEN_TARGET = 0.300
SESSIONS = 1000


def _timed(run: Callable[[], object], repeat: int = 7) -> float:
    """Median of seven runs: the sessions figures are milliseconds, so noise matters."""
    return median_seconds(run, repeat)


def sample_article() -> Document:
    return Document(SAMPLE.read_text(encoding="utf-8"), title="Sample article", source=str(SAMPLE))


def populate(path: Path, count: int, article: Document | None = None) -> int:
    """``count`` single-article sessions of the sample (each with a correction, a note
    on a sentence, a session note and UI state) in one transaction; the id of the last."""
    article = article or sample_article()
    comparison = compare_article(article)
    corrections = (
        Correction.attribution_of(comparison, 1, 1, Attribution.SOURCES),
        Correction.coverage_of(comparison, 1, 2, Coverage.PARTIAL),
    )
    stored = StoredDocument.from_document(article, DocumentRole.BACKGROUND)
    start = utc_now() - timedelta(days=count)
    engine = make_engine(path)
    last = 0
    try:
        with transaction(session_factory(engine), write=True) as db:
            for i in range(count):
                when = start + timedelta(days=i)
                record = SessionRecord(
                    title=f"{article.title} #{i + 1}",
                    title_is_custom=True,
                    single_article=True,
                    created_at=when,
                    updated_at=when,
                )
                record.documents = [convert.document_record(stored)]
                record.documents[0].position = 0
                record.corrections = [convert.correction_record(c) for c in corrections]
                for position, correction in enumerate(record.corrections):
                    correction.position = position
                notes = [
                    Note.on_sentence(comparison, 1, 3, f"check with the desk ({i})"),
                    Note.new("Session note: compare with the ministry's own release."),
                ]
                record.notes = [convert.note_record(n) for n in notes]
                for position, note in enumerate(record.notes):
                    note.position = position
                record.ui_state = convert.ui_state_record(UiState(scroll=(0.0, 0.25)))
                db.add(record)
                db.flush()
                last = record.id
    finally:
        engine.dispose()
    return last


def bench_sessions(count: int = SESSIONS) -> list[tuple[str, float]]:
    """(label, seconds) figures on a throw-away database of ``count`` sessions."""
    figures: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="readout-bench-") as folder:
        path = Path(folder) / "sessions.sqlite3"
        opening = open_store(path)
        assert opening.store is not None, opening.message
        opening.store.close()
        started = time.perf_counter()
        sample_id = populate(path, count)
        figures.append((f"create {count:,} sessions (one transaction)", _since(started)))

        started = time.perf_counter()
        opening = open_store(path)
        figures.append(("open the database (schema and quick_check)", _since(started)))
        store = opening.store
        assert store is not None, opening.message
        try:
            listed = store.list_sessions().result()
            assert len(listed) == count
            figures.append(
                (
                    f"list {count:,} sessions (target ≤ {LIST_TARGET * 1000:.0f} ms)",
                    _timed(lambda: store.list_sessions().result()),
                )
            )
            figures.append((f"  baseline: bare sqlite3 query of {count:,} rows", _bare(path)))
            figures.append(
                (
                    f"search {count:,} sessions by text",
                    _timed(lambda: store.list_sessions("defence").result(), repeat=3),
                )
            )

            def open_sample() -> None:
                data = store.open_session(sample_id).result()
                assert data is not None
                corrected = data.comparison()
                assert corrected is not None and not corrected.orphans

            started = time.perf_counter()
            open_sample()
            figures.append(("open the sample session, first time", _since(started)))
            figures.append(
                (
                    f"open the sample session + recompute (target ≤ {OPEN_TARGET * 1000:.0f} ms)",
                    _timed(open_sample),
                )
            )
            article = sample_article()
            figures.append(
                ("  baseline: recompute alone", _timed(lambda: compare_article(article)))
            )
        finally:
            store.close()
    return figures


def _bare(path: Path) -> float:
    def run() -> None:
        with closing(sqlite3.connect(path)) as connection:
            connection.execute(
                "SELECT id, title, updated_at FROM sessions ORDER BY updated_at DESC"
            ).fetchall()

    return _timed(run)


def _since(started: float) -> float:
    return time.perf_counter() - started


def main() -> int:
    for label, seconds in bench_sessions():
        print(f"sessions {label}: {seconds * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
