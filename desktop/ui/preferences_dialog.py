"""Edit → Preferences…: ignore rules, theme, PDF page size and the default export folder,
stored with QSettings (``Preferences``). The ignore rules judge new sessions and, from
now on, the open one; a session keeps the rules it was judged by."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.settings import IGNORE_LABELS, CompareSettings, Ignore
from desktop.ui.settings import PAGE_SIZES, Preferences, Theme

_HINTS = {
    Ignore.QUOTES: "a quoted word and the same word paraphrased are not marked as different",
    Ignore.CASE: "“Strategic” and “strategic” are not marked as different",
    Ignore.WHITESPACE: "a single line break reads as a space (hard-wrapped text)",
    Ignore.NUMBERS: "“three” and “3” are the same word, for matching too",
}


class PreferencesDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Readout Preferences")
        self.setObjectName("preferencesDialog")
        self.preferences = preferences
        settings = preferences.compare_settings()
        rules = QGroupBox("When comparing, ignore")
        rules_layout = QVBoxLayout(rules)
        self.ignore: dict[Ignore, QCheckBox] = {}
        for rule in Ignore:
            box = QCheckBox(IGNORE_LABELS[rule].capitalize())
            box.setToolTip(_HINTS[rule])
            box.setChecked(settings.ignores(rule))
            rules_layout.addWidget(box)
            hint = QLabel(_HINTS[rule])
            hint.setObjectName("preferenceHint")
            hint.setIndent(24)
            rules_layout.addWidget(hint)
            self.ignore[rule] = box
        self.theme = QComboBox()
        for theme, label in (
            (Theme.SYSTEM, "System"),
            (Theme.LIGHT, "Light"),
            (Theme.DARK, "Dark"),
        ):
            self.theme.addItem(label, theme.value)
        self.theme.setCurrentIndex(self.theme.findData(preferences.theme().value))
        self.page_size = QComboBox()
        self.page_size.addItems(list(PAGE_SIZES))
        self.page_size.setCurrentText(preferences.page_size())
        self.folder = QLineEdit(preferences.export_folder())
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("&Theme:", self.theme)
        form.addRow("PDF &page size:", self.page_size)
        form.addRow("Default export &folder:", folder_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(rules)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def compare_settings(self) -> CompareSettings:
        return CompareSettings.ignoring(r for r, box in self.ignore.items() if box.isChecked())

    def chosen_theme(self) -> Theme:
        return Theme(str(self.theme.currentData()))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Default Export Folder", self.folder.text())
        if folder:
            self.folder.setText(folder)

    def save(self) -> None:
        """Store what the dialog shows."""
        self.preferences.set_compare_settings(self.compare_settings())
        self.preferences.set_theme(self.chosen_theme())
        self.preferences.set_page_size(self.page_size.currentText())
        folder = self.folder.text().strip()
        if folder and folder != self.preferences.export_folder():
            self.preferences.set_export_folder(folder)
