"""Engine offsets land on the right characters in the panes, emoji and other astral text included."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from desktop.engine.compare import compare, compare_article
from desktop.engine.document import Document
from desktop.engine.vocabulary import Attribution
from desktop.palette import Look
from desktop.ui.main_window import MainWindow
from desktop.ui.rendering import Offsets, build_document

ARTICLE = (
    "🇮🇳 New Delhi: The ministry said in a statement that both sides agreed to deepen ties 🤝. "
    "Sources said a visit is planned for 𝒜utumn. "
    "The ministers last met in January."
)


@given(st.text(alphabet=st.sampled_from(["a", "é", "中", "😀", "𝒜", "\n"]), max_size=40))
def test_offsets_round_trip_between_python_and_qt(text: str) -> None:
    offsets = Offsets(text)
    for i in range(len(text) + 1):
        assert offsets.from_qt(offsets.to_qt(i)) == i
    assert offsets.to_qt(len(text)) == len(text.encode("utf-16-le")) // 2


def test_astral_characters_do_not_shift_the_tints(qapp: QApplication) -> None:
    comparison = compare_article(Document(ARTICLE, title="emoji"))
    background = comparison.documents[1]
    look = Look.from_palette(qapp.palette())
    document = build_document(ARTICLE, background.sentences, look, 12.0)
    offsets = Offsets(ARTICLE)
    for sentence in background.sentences:
        cursor = QTextCursor(document)
        cursor.setPosition(offsets.to_qt(sentence.end))  # format of the char before
        assert cursor.charFormat().background().color() == look.tint[sentence.coverage]
        cursor.setPosition(offsets.to_qt(sentence.start), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == sentence.text


def test_hovering_a_sentence_shows_its_attribution_and_cue(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    view = sample_window.right.current_view()
    sourced = next(s for s in view.sentences if s.attribution is Attribution.SOURCES)
    view.scroll_to_sentence(sourced.index)
    rect = view.sentence_rects(sourced.index)[0]
    point = QPoint(int(rect.left()) + 8, int(rect.center().y()))
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    text = QToolTip.text()
    assert sourced.cue is not None
    assert f"sources — cue: ‘{sourced.cue.slice(view.text)}’" in text


def test_an_embedded_post_is_indented_as_one_block(qapp: QApplication) -> None:
    folder = Path(__file__).resolve().parents[1] / "cases" / "15-mea-eam-call-iran-embedded-post"
    text = (folder / "article.txt").read_text(encoding="utf-8")
    official = Document((folder / "official.txt").read_text(encoding="utf-8"))
    background = compare(official, [Document(text)]).documents[1]
    look = Look.from_palette(qapp.palette())
    document = build_document(text, background.sentences, look, 12.0)
    indented = [
        document.findBlockByNumber(n).text()
        for n in range(document.blockCount())
        if document.findBlockByNumber(n).blockFormat().leftMargin() > 0
    ]
    assert len(indented) == 2, indented
    assert indented[0].startswith("Received a call from FM @araghchi")
    assert indented[1].startswith("— Dr. S. Jaishankar (@DrSJaishankar)")
    plain = build_document(
        ARTICLE, compare_article(Document(ARTICLE)).documents[1].sentences, look, 12.0
    )
    assert all(
        plain.findBlockByNumber(n).blockFormat().leftMargin() == 0
        for n in range(plain.blockCount())
    )
