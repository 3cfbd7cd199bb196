"""The window as the README shows it: the sessions sidebar with a few sessions, the sample
open with a note and a correction, a paraphrased pair selected (1400×900, light palette).

``READOUT_UPDATE_README_SCREENSHOT=1`` also copies it to resources/screenshots/.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from db.roles import DocumentRole
from desktop.engine.corrections import Correction
from desktop.engine.vocabulary import Attribution, Coverage
from desktop.ingest import read_path
from desktop.sessions import StoredDocument, open_store
from desktop.ui.comparison_view import Origin
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import ROOT, SCREENSHOTS, settle

CASES = ROOT / "tests" / "cases"
OTHER_SESSIONS = (
    ("02-modi-biden-call-counterpart", "Modi–Biden call: both readouts"),
    ("08-uk-india-trade-press-release-reordered", "UK–India trade deal release"),
)


def _store_other_sessions(database: Path) -> None:
    opening = open_store(database, exclusive=False)
    assert opening.store is not None
    with opening.store as store:
        for case, title in OTHER_SESSIONS:
            folder = CASES / case
            documents = [
                StoredDocument.from_document(
                    read_path(folder / "official.txt"), DocumentRole.OFFICIAL
                ),
                StoredDocument.from_document(read_path(folder / "article.txt")),
            ]
            store.create_session(documents, title=title).result()


def test_screenshot_with_the_sessions_sidebar_and_a_note(
    qtbot: QtBot, make_window: object, sessions_database: Path
) -> None:
    _store_other_sessions(sessions_database)
    window: MainWindow = make_window()  # type: ignore[operator]
    window.open_sample()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.sidebar.list.count() == 3, timeout=10_000)
    comparison = window.loader.comparison
    assert comparison is not None and window.keeper.current is not None
    background = comparison.documents[1].sentences
    pair = max(
        (s for s in background if s.coverage is Coverage.PARTIAL and s.matches),
        key=lambda s: s.matches[0].score,
    )
    # On screen in the readout pane and in the claims table's second row.
    window.notes.write((0, 1), "Not in the ministry's own release: check before quoting.")
    sourced = next(s for s in background if s.attribution is Attribution.SOURCES)
    window.notes.write((1, sourced.index), "Which sources? The ministry's readout is silent.")
    reporter = next(
        s for s in background if s.attribution is Attribution.REPORTER and s.index > pair.index
    )
    window.corrector.add(
        Correction.attribution_of(comparison, 1, reporter.index, Attribution.NAMED)
    )
    window.notes.set_session_note("Brief for Friday: what Delhi left out.")
    window.sidebar.set_note(window.notes.session_note(), enabled=True)
    window.view.select((1, pair.index), Origin.JUMP)
    qtbot.wait(100)
    assert window.right.current_view().noted == {sourced.index}
    assert window.left.views[0].noted == {1}
    assert window.sidebar.current_id == window.keeper.current.id

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "readout-window-sessions.png"
    image = window.grab()
    assert (image.width(), image.height()) == (1400, 900)
    assert image.save(str(shot))
    if os.environ.get("READOUT_UPDATE_README_SCREENSHOT"):
        target = ROOT / "resources" / "screenshots" / "readout-window.png"
        shutil.copyfile(shot, target)
