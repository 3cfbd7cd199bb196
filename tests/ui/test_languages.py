"""A Hindi readout against an English article in the window: languages and the warning."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from tests.engine.test_crosslang import ENGLISH_ARTICLE, HINDI_READOUT
from tests.ui.conftest import SCREENSHOTS


def test_pane_headers_name_the_languages_and_the_warning_shows(
    make_window: object, qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop.export.fonts import register_bundled_fonts

    register_bundled_fonts()  # as make_application does; pytest-qt makes its own QApplication
    official = tmp_path / "pib-hindi.txt"
    official.write_text(HINDI_READOUT, encoding="utf-8")
    article = tmp_path / "report.txt"
    article.write_text(ENGLISH_ARTICLE, encoding="utf-8")
    window: MainWindow = make_window(str(official), str(article))  # type: ignore[operator]
    comparison = window.loader.comparison
    assert comparison is not None
    assert [d.language for d in comparison.documents] == ["hi", "en"]
    assert window.view.left.detail.text().startswith("in Hindi")
    assert window.view.right.detail.text().startswith("in English")
    warning = window.summary.warning
    assert warning.isVisible()
    assert "The readout is in Hindi and the article in English" in warning.full_text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "readout-hindi-readout.png"))


def test_same_language_comparison_has_no_warning(sample_window: MainWindow) -> None:
    assert not sample_window.summary.warning.isVisible()
    assert sample_window.view.right.detail.text().startswith("in English")
