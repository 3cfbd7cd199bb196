"""The PDF's look: the window's colours on a white page, type sizes, and text formats.

Coverage tints and attribution lines come from ``desktop.palette`` (a QtGui-only
module), so the paper shows the colours of the screen. Lengths in text formats are
CSS pixels (1/96 in): Qt scales them to the PDF's resolution itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QTextCharFormat, QTextFormat

from desktop.engine.compare import SentenceResult
from desktop.engine.vocabulary import Attribution, Coverage, Unit
from desktop.export.fonts import NO_LIGATURES, sans_font, serif_font
from desktop.palette import ATTRIBUTION_LABEL, ATTRIBUTION_MEANING, UNDERLINE_STYLE, Look

__all__ = ["ATTRIBUTION_LABEL", "ATTRIBUTION_MEANING", "PrintLook", "pt"]

PAGE = "#ffffff"
INK = "#1a1a1a"
TEXT_PT = 9.5
META_PT = 7.2
SMALL_PT = 8.0
HEADING_PT = 12.5
TITLE_PT = 18.0
RULE = "#b9b9b9"
HAIRLINE = "#dcdcdc"


def pt(points: float) -> float:
    """Points as the CSS pixels QTextFormat lengths are measured in."""
    return points * 96.0 / 72.0


def print_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(PAGE))
    palette.setColor(QPalette.ColorRole.Text, QColor(INK))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#3874d8"))
    return palette


@dataclass(frozen=True)
class PrintLook:
    """Colours and character formats for one export (built per export: QFont is not shared)."""

    look: Look
    ink: QColor
    muted: QColor
    rule: QColor
    hairline: QColor

    @classmethod
    def light(cls) -> PrintLook:
        look = Look.from_palette(print_palette())
        return cls(look, QColor(INK), look.muted, QColor(RULE), QColor(HAIRLINE))

    def tint(self, coverage: Coverage) -> QColor:
        return self.look.tint[coverage]

    def strong(self, coverage: Coverage) -> QColor:
        return self.look.strong[coverage]

    # Character formats -------------------------------------------------------

    def text(self, *, point_size: float = TEXT_PT, bold: bool = False) -> QTextCharFormat:
        """Document text (sentences, titles) in the reading face."""
        return _char(serif_font(point_size, bold=bold), self.ink)

    def label(
        self, *, point_size: float = SMALL_PT, bold: bool = False, muted: bool = False
    ) -> QTextCharFormat:
        """Readout's own words: headings, marks, table heads."""
        return _char(sans_font(point_size, bold=bold), self.muted if muted else self.ink)

    def meta(self, *, bold: bool = False) -> QTextCharFormat:
        return self.label(point_size=META_PT, bold=bold, muted=True)

    def meta_label(self) -> QTextCharFormat:
        return self.label(point_size=META_PT, bold=True)

    def corrected(self) -> QTextCharFormat:
        fmt = self.label(point_size=META_PT, bold=True)
        fmt.setForeground(QBrush(self.look.corrected))
        return fmt

    def mono(self, point_size: float = META_PT) -> QTextCharFormat:
        font = QFont()
        font.setFamilies(["DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono"])
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(point_size)
        for tag in NO_LIGATURES:
            font.setFeature(QFont.Tag(tag), 0)
        return _char(font, self.ink)

    def sentence(
        self,
        attribution: Attribution,
        coverage: Coverage,
        *,
        underline: bool,
        cue: bool = False,
        differs: bool = False,
        unit: Unit = Unit.CLAIM,
    ) -> QTextCharFormat:
        """A run of sentence text: the attribution line, the cue, the words the other side lacks.
        A non-claim (dateline, caption, credit…) is grey and unmarked; a headline is bold."""
        fmt = self.text()
        if not unit.is_claim and unit is not Unit.HEADLINE:
            fmt.setForeground(QBrush(self.muted))
            return fmt
        if unit is Unit.HEADLINE:
            fmt.setFontWeight(QFont.Weight.Bold)
        if underline:
            fmt.setUnderlineStyle(UNDERLINE_STYLE[attribution])
            fmt.setUnderlineColor(self.look.underline)
        if cue:
            fmt.setFontItalic(True)
            fmt.setForeground(QBrush(self.look.cue))
        if differs:
            fmt.setBackground(QBrush(self.strong(coverage)))
            fmt.setFontWeight(QFont.Weight.Bold)
        return fmt

    def cell_tint(self, sentence: SentenceResult) -> QColor:
        """A claim's (or the headline's) coverage tint; no tint for the other non-claims."""
        if not sentence.is_claim and sentence.unit is not Unit.HEADLINE:
            return QColor(Qt.GlobalColor.white)
        return self.tint(sentence.coverage)

    def swatch(self, coverage: Coverage) -> QTextCharFormat:
        fmt = self.label(point_size=SMALL_PT)
        fmt.setBackground(QBrush(self.tint(coverage)))
        return fmt


def _char(font: QFont, colour: QColor) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(font, QTextCharFormat.FontPropertiesInheritanceBehavior.FontPropertiesAll)
    fmt.setForeground(QBrush(colour))
    return fmt


def no_underline(fmt: QTextCharFormat) -> QTextCharFormat:
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
    fmt.clearProperty(QTextFormat.Property.TextUnderlineColor)
    return fmt
