"""Real QDragEnterEvent / QDropEvent with QMimeData on the window and the panes, plus paste."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from tests.ui.conftest import ROOT, settle

CASE = ROOT / "tests" / "cases" / "01-mod-readout-revised"
OFFICIAL = CASE / "official.txt"
ARTICLE = CASE / "article.txt"

ARTICLE_HTML = """<!doctype html><html><head><title>Ministers discuss defence ties</title></head>
<body><nav>Home | World | Politics</nav><article><h1>Ministers discuss defence ties</h1>
<p>New Delhi: The two defence ministers spoke by phone on Tuesday, the ministry said in a
statement, and agreed to deepen industrial cooperation.</p>
<p>Sources said the delayed engine deliveries also came up, and that India asked for the
supply to be expedited.</p>
<p>The ministers last met in January, when the partnership framework was renewed for ten
years.</p></article><footer>© Newspaper</footer></body></html>"""


def drag_and_drop(target: QWidget, mime: QMimeData) -> tuple[bool, bool]:
    """Send enter, then drop; returns whether each was accepted and shows feedback in between."""
    point = target.rect().center()
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    move = QDragMoveEvent(point, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(target, move)
    drop = QDropEvent(
        QPointF(point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    return enter.isAccepted(), drop.isAccepted()


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_drag_over_a_pane_shows_what_a_drop_will_do(qtbot: QtBot, make_window: object) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    mime = file_mime(OFFICIAL)
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window.left, enter)
    assert enter.isAccepted()
    assert window.left.overlay.isVisible()
    assert "official readout" in window.left.overlay.message
    QApplication.sendEvent(window.left, QDragLeaveEvent())
    assert not window.left.overlay.isVisible()


def test_unusable_drag_is_refused(make_window: object) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    mime = QMimeData()
    mime.setData("application/x-unknown", b"\x00\x01")
    entered, dropped = drag_and_drop(window, mime)
    assert not entered and not dropped
    assert window.loader.inputs.empty


def test_one_file_dropped_on_the_window_is_split_as_an_article(
    qtbot: QtBot, make_window: object
) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    assert drag_and_drop(window, file_mime(ARTICLE)) == (True, True)
    settle(qtbot, window)
    inputs = window.loader.inputs
    assert inputs.single_article and inputs.backgrounds[0].source == str(ARTICLE)
    assert window.loader.comparison is not None
    assert window.summary.full_text == window.loader.comparison.summary().headline()
    assert str(ARTICLE) in window.preferences.recent_locations()


def test_two_files_on_the_window_put_the_official_release_left_and_swap_fixes_it(
    qtbot: QtBot, make_window: object
) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    drag_and_drop(window, file_mime(ARTICLE, OFFICIAL))
    settle(qtbot, window)
    inputs = window.loader.inputs
    assert not inputs.single_article
    assert inputs.official is not None and inputs.official.source == str(OFFICIAL)
    assert window.left.views[0].source == inputs.official
    assert window.right.current_view().source.source == str(ARTICLE)  # type: ignore[union-attr]
    assert window.commands.swap.isEnabled()
    window.commands.swap.trigger()
    settle(qtbot, window)
    assert window.loader.inputs.official.source == str(ARTICLE)  # type: ignore[union-attr]
    assert window.left.views[0].source.source == str(ARTICLE)  # type: ignore[union-attr]


def test_a_drop_on_a_pane_sets_that_side(qtbot: QtBot, make_window: object) -> None:
    window: MainWindow = make_window(open_sample=True)  # type: ignore[operator]
    sample_article = window.loader.inputs.backgrounds[0]
    drag_and_drop(window.left, file_mime(OFFICIAL))
    settle(qtbot, window)
    inputs = window.loader.inputs
    assert inputs.official is not None and inputs.official.source == str(OFFICIAL)
    assert inputs.backgrounds == (sample_article,), "the article stays on the right"
    assert not inputs.single_article
    drag_and_drop(window.right, file_mime(ARTICLE))
    settle(qtbot, window)
    inputs = window.loader.inputs
    assert inputs.official is not None and inputs.official.source == str(OFFICIAL)
    assert [d.source for d in inputs.backgrounds] == [str(ARTICLE)]
    assert window.loader.comparison is not None


def test_several_files_on_the_background_pane_open_one_tab_each(
    qtbot: QtBot, make_window: object
) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    drag_and_drop(window.left, file_mime(OFFICIAL))
    settle(qtbot, window)
    counterpart = ROOT / "tests" / "cases" / "02-modi-biden-call-counterpart" / "counterpart.txt"
    drag_and_drop(window.right, file_mime(ARTICLE, counterpart))
    settle(qtbot, window)
    assert window.right.tabs.count() == 2
    assert not window.right.tabs.tabBar().isHidden()
    assert window.loader.comparison is not None
    assert len(window.loader.comparison.backgrounds) == 2


def test_html_dragged_from_a_browser_keeps_the_page_url(qtbot: QtBot, make_window: object) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    drag_and_drop(window.left, file_mime(OFFICIAL))
    settle(qtbot, window)
    mime = QMimeData()
    mime.setHtml(ARTICLE_HTML)
    mime.setText("Ministers discuss defence ties. New Delhi: The two defence ministers spoke.")
    mime.setData("text/x-moz-url-priv", "https://news.example/defence-ties".encode("utf-16-le"))
    assert drag_and_drop(window.right, mime) == (True, True)
    settle(qtbot, window)
    background = window.loader.inputs.backgrounds[0]
    assert background.source == "https://news.example/defence-ties"
    assert "Sources said the delayed engine deliveries" in background.text
    assert "Home | World" not in background.text, "page chrome is dropped"
    assert window.right.current_view().text == background.text


def test_plain_text_dropped_on_the_window_is_split(qtbot: QtBot, make_window: object) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    mime = QMimeData()
    mime.setText(ARTICLE.read_text(encoding="utf-8"))
    drag_and_drop(window, mime)
    settle(qtbot, window)
    assert window.loader.inputs.single_article
    assert window.right.current_view().text.startswith(
        window.loader.inputs.backgrounds[0].text[:40]
    )


def test_paste_does_what_a_drop_on_the_window_does(qtbot: QtBot, make_window: object) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    QGuiApplication.clipboard().setMimeData(file_mime(ARTICLE, OFFICIAL))
    window.right.current_view().setFocus()
    qtbot.keyClick(window.right.current_view(), Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    # The clipboard owns the mime data; clear it while the application is alive so
    # it is not freed a second time when Python tears down at exit.
    QGuiApplication.clipboard().clear()
    assert window.loader.inputs.official is not None
    assert window.loader.inputs.official.source == str(OFFICIAL)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def web(tmp_path: Path) -> Iterator[str]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "article.html").write_text(ARTICLE_HTML, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_dropped_web_address_is_fetched_off_the_gui_thread(
    qtbot: QtBot, make_window: object, web: str
) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    mime = QMimeData()
    mime.setUrls([QUrl(f"{web}/article.html")])
    drag_and_drop(window, mime)
    assert window.busy.label.isVisible() and "Fetching 127.0.0.1" in window.busy.label.text()
    assert window.commands.cancel.isEnabled()
    settle(qtbot, window)
    inputs = window.loader.inputs
    assert inputs.single_article and inputs.backgrounds[0].source == f"{web}/article.html"
    assert not window.busy.label.isVisible()
    assert f"{web}/article.html" in window.preferences.recent_locations()


def test_a_failing_web_address_shows_a_message_and_keeps_the_session(
    qtbot: QtBot, make_window: object, web: str
) -> None:
    window: MainWindow = make_window(open_sample=True)  # type: ignore[operator]
    before = window.loader.inputs
    headline = window.summary.full_text
    mime = QMimeData()
    mime.setUrls([QUrl(f"{web}/missing.html")])
    drag_and_drop(window, mime)
    settle(qtbot, window)
    assert window.message.isVisible() and window.message.kind == "error"
    assert "404" in window.message.text.text() or "not found" in window.message.text.text().lower()
    assert window.loader.inputs is before
    assert window.summary.full_text == headline


def test_cancel_drops_a_fetch_in_progress(qtbot: QtBot, make_window: object, web: str) -> None:
    window: MainWindow = make_window(open_sample=True)  # type: ignore[operator]
    before = window.loader.inputs
    mime = QMimeData()
    mime.setUrls([QUrl(f"{web}/article.html")])
    drag_and_drop(window, mime)
    window.commands.cancel.trigger()
    assert not window.busy.label.isVisible()
    settle(qtbot, window)
    assert window.loader.inputs is before, "a cancelled fetch never replaces the session"


def test_add_background_keeps_a_split_article_and_adds_a_tab(
    qtbot: QtBot, make_window: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window: MainWindow = make_window(open_sample=True)  # type: ignore[operator]
    derived = window.loader.comparison.official.document  # type: ignore[union-attr]
    sample = window.loader.inputs.backgrounds[0]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(ARTICLE)], ""))
    )
    window.commands.add_background.trigger()
    settle(qtbot, window)
    inputs = window.loader.inputs
    assert not inputs.single_article
    assert inputs.official is not None and inputs.official.text == derived.text
    assert [d.source for d in inputs.backgrounds] == [sample.source, str(ARTICLE)]
    assert window.right.tabs.count() == 2


def test_open_recent_reopens_a_file(qtbot: QtBot, make_window: object) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    drag_and_drop(window, file_mime(ARTICLE))
    settle(qtbot, window)
    drag_and_drop(window, file_mime(OFFICIAL))
    settle(qtbot, window)
    entries = [a for a in window.menus.recent.actions() if a.toolTip() == str(ARTICLE)]
    assert entries, "the article is in File → Open Recent"
    assert window.menus.recent.actions()[0].toolTip() == str(OFFICIAL), "newest first"
    entries[0].trigger()
    settle(qtbot, window)
    assert window.loader.inputs.backgrounds[0].source == str(ARTICLE)


def test_a_readout_file_dropped_on_the_window_is_imported_and_opened(
    qtbot: QtBot, make_window: object, tmp_path: Path
) -> None:
    from desktop.sessions.archive import write_archive
    from desktop.sessions.store import open_store
    from tests.sessions.conftest import case_documents

    elsewhere = open_store(tmp_path / "colleague.sqlite3")
    assert elsewhere.store is not None
    with elsewhere.store as store:
        shared = store.create_session(case_documents()[:2], title="Dropped session").result()
    file = write_archive(shared, tmp_path / "dropped.readout")
    window: MainWindow = make_window()  # type: ignore[operator]
    assert drag_and_drop(window, file_mime(file)) == (True, True)
    qtbot.waitUntil(lambda: window.keeper.title() == "Dropped session", timeout=15_000)
    settle(qtbot, window)
    assert not window.message.isVisible() or "unsupported" not in window.message.text.text()
