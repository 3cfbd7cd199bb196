"""Colours and marks for coverage and attribution, derived from the window's palette.

Coverage tints come from the Okabe-Ito palette, which stays distinguishable
for the common colour-vision deficiencies: covered is blue (#0072B2), partial
is yellow (#F0E442) and absent is vermillion (#D55E00). The tints also differ
in lightness (absent is the darkest on a light page, the most saturated on a
dark one), so they separate in greyscale too; every tint is repeated in words
in the tooltip, the claims table and the legend.

A version of the release is tinted by revision, not coverage, in the two colours
coverage leaves free: reworded orange (#E69F00), not kept reddish purple (#CC79A7);
a kept sentence is plain.

Attribution is a line under the text, not a colour: official is a solid line,
named a dashed one, sources a dotted one, the reporter's own narration none.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from desktop.engine.vocabulary import Attribution, Coverage

OKABE_ITO = {
    "blue": "#0072B2",
    "yellow": "#F0E442",
    "vermillion": "#D55E00",
    "bluish_green": "#009E73",
    "sky_blue": "#56B4E9",
    "orange": "#E69F00",
    "reddish_purple": "#CC79A7",
}

_COVERAGE_BASE = {
    Coverage.COVERED: OKABE_ITO["blue"],
    Coverage.PARTIAL: OKABE_ITO["yellow"],
    Coverage.ABSENT: OKABE_ITO["vermillion"],
}
# How much of the base colour goes into the page colour: (light page, dark page).
_TINT_STRENGTH = {
    Coverage.COVERED: (0.13, 0.30),
    Coverage.PARTIAL: (0.30, 0.24),
    Coverage.ABSENT: (0.27, 0.40),
}
_STRONG_STRENGTH = {
    Coverage.COVERED: (0.36, 0.62),
    Coverage.PARTIAL: (0.80, 0.55),
    Coverage.ABSENT: (0.55, 0.72),
}

UNDERLINE_STYLE = {
    Attribution.OFFICIAL: QTextCharFormat.UnderlineStyle.SingleUnderline,
    Attribution.NAMED: QTextCharFormat.UnderlineStyle.DashUnderline,
    Attribution.SOURCES: QTextCharFormat.UnderlineStyle.DotLine,
    Attribution.REPORTER: QTextCharFormat.UnderlineStyle.NoUnderline,
}

ATTRIBUTION_LABEL = {
    Attribution.OFFICIAL: "official",
    Attribution.SOURCES: "sources",
    Attribution.NAMED: "named person",
    Attribution.REPORTER: "reporter",
}
ATTRIBUTION_MEANING = {
    Attribution.OFFICIAL: "on the record through the statement, readout or spokesperson",
    Attribution.SOURCES: "anonymous sources, “it is understood”, people familiar with",
    Attribution.NAMED: "a named person on the record outside the readout",
    Attribution.REPORTER: "the article's own narration and context",
}
COVERAGE_MEANING = {
    Coverage.COVERED: "the same claim is on the other side",
    Coverage.PARTIAL: "the other side touches it, but this adds, softens or strengthens",
    Coverage.ABSENT: "not on the other side",
}


def mix(page: QColor, ink: QColor, amount: float) -> QColor:
    """``amount`` of ``ink`` laid over ``page`` (opaque result, so text stays crisp)."""
    return QColor.fromRgbF(
        page.redF() + (ink.redF() - page.redF()) * amount,
        page.greenF() + (ink.greenF() - page.greenF()) * amount,
        page.blueF() + (ink.blueF() - page.blueF()) * amount,
    )


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


@dataclass(frozen=True)
class Look:
    """Every colour the panes, the link map and the claims table use, for one palette."""

    dark: bool
    page: QColor
    text: QColor
    tint: dict[Coverage, QColor]
    strong: dict[Coverage, QColor]
    underline: QColor
    cue: QColor
    selection: QColor
    corrected: QColor
    find: QColor
    find_current: QColor
    muted: QColor
    reworded: QColor  # a version's sentence the official readout has reworded
    not_kept: QColor  # a version's sentence the official readout does not have

    @classmethod
    def from_palette(cls, palette: QPalette) -> Look:
        dark = is_dark(palette)
        page = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        pick = 1 if dark else 0
        tint = {c: mix(page, QColor(_COVERAGE_BASE[c]), _TINT_STRENGTH[c][pick]) for c in Coverage}
        strong = {
            c: mix(page, QColor(_COVERAGE_BASE[c]), _STRONG_STRENGTH[c][pick]) for c in Coverage
        }
        # Coverage owns blue, yellow and vermillion. Everything else stays out of them:
        # the selection is outlined in ink, find hits are neutral greys (the current one
        # darkest), corrections bluish green, notes reddish purple; a version's revision
        # tints orange (reworded) and reddish purple (not kept).
        return cls(
            dark=dark,
            page=page,
            text=text,
            tint=tint,
            strong=strong,
            underline=mix(page, text, 0.62),
            cue=mix(page, text, 0.78),
            selection=mix(page, text, 0.85),
            corrected=QColor(OKABE_ITO["bluish_green"] if not dark else "#3fd0a4"),
            find=mix(page, text, 0.22),
            find_current=mix(page, text, 0.5),
            muted=mix(page, text, 0.55),
            reworded=mix(page, QColor(OKABE_ITO["orange"]), 0.42 if dark else 0.30),
            not_kept=mix(page, QColor(OKABE_ITO["reddish_purple"]), 0.50 if dark else 0.34),
        )

    def coverage_css(self) -> dict[str, str]:
        """Hex colours by coverage name, for the legend and other HTML."""
        return {c.value: self.tint[c].name() for c in Coverage}
