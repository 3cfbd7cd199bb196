"""Fonts for the PDF (and the window): bundled Noto faces, family fallbacks, missing scripts.

Readout bundles only what a stock Debian/Ubuntu install lacks and is small:
Noto Serif Devanagari and Noto Naskh Arabic (OFL, ``resources/fonts/``). Chinese
and Japanese come from the system (``fonts-wqy-microhei``, or ``fonts-noto-cjk``
on most desktops), because a CJK face is megabytes. WenQuanYi Micro Hei is
preferred over Noto Sans CJK in the PDF: Qt's PDF writer maps each glyph back to
the first code point that uses it, and Noto CJK shares ideograph glyphs with the
Kangxi radicals, so 日 or 龙 would be copied and searched as ⽇ or ⻰.

Registration is idempotent and thread-safe (QFontDatabase locks itself), so the
window's start-up and an export worker can both call it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from desktop.paths import resource

# Per-script faces, tried after the main family for characters it lacks.
SCRIPT_FALLBACKS = (
    "Noto Serif Devanagari",
    "Noto Sans Devanagari",
    "Noto Naskh Arabic",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Droid Sans Fallback",
)
SERIF_FAMILIES = ("Charter", "Source Serif 4", "Noto Serif", "DejaVu Serif", *SCRIPT_FALLBACKS)
SANS_FAMILIES = ("DejaVu Sans", "Noto Sans", "Liberation Sans", *SCRIPT_FALLBACKS)

# Scripts Readout's users meet, by code-point ranges, with the writing systems that cover them.
_SCRIPTS: tuple[
    tuple[str, tuple[tuple[int, int], ...], tuple[QFontDatabase.WritingSystem, ...]], ...
] = (
    (
        "Arabic",
        ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
        (QFontDatabase.WritingSystem.Arabic,),
    ),
    ("Devanagari", ((0x0900, 0x097F),), (QFontDatabase.WritingSystem.Devanagari,)),
    ("Bengali", ((0x0980, 0x09FF),), (QFontDatabase.WritingSystem.Bengali,)),
    ("Tamil", ((0x0B80, 0x0BFF),), (QFontDatabase.WritingSystem.Tamil,)),
    ("Hebrew", ((0x0590, 0x05FF),), (QFontDatabase.WritingSystem.Hebrew,)),
    ("Thai", ((0x0E00, 0x0E7F),), (QFontDatabase.WritingSystem.Thai,)),
    (
        "Chinese",
        ((0x3400, 0x4DBF), (0x4E00, 0x9FFF)),
        (
            QFontDatabase.WritingSystem.SimplifiedChinese,
            QFontDatabase.WritingSystem.TraditionalChinese,
            QFontDatabase.WritingSystem.Japanese,
        ),
    ),
    ("Japanese", ((0x3040, 0x30FF),), (QFontDatabase.WritingSystem.Japanese,)),
    ("Korean", ((0xAC00, 0xD7AF), (0x1100, 0x11FF)), (QFontDatabase.WritingSystem.Korean,)),
)

NO_LIGATURES = ("liga", "clig", "dlig")

_lock = threading.Lock()
_registered: dict[Path, tuple[str, ...]] = {}


def fonts_dir() -> Path:
    return resource("fonts")


def register_bundled_fonts(directory: Path | None = None) -> tuple[str, ...]:
    """Add the bundled font files to Qt's font database once; returns their family names.

    Needs a QGuiApplication. A file Qt cannot read is skipped: the text then
    falls back to whatever the system has.
    """
    folder = directory or fonts_dir()
    families: list[str] = []
    with _lock:
        for path in sorted([*folder.glob("*.ttf"), *folder.glob("*.otf")]):
            if path not in _registered:
                font_id = QFontDatabase.addApplicationFont(str(path))
                found = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
                _registered[path] = tuple(found)
            families.extend(f for f in _registered[path] if f not in families)
    return tuple(families)


def serif_font(point_size: float, *, bold: bool = False) -> QFont:
    """The reading face for document text (titles, sentences), with per-script fallbacks."""
    return _font(SERIF_FAMILIES, QFont.StyleHint.Serif, point_size, bold)


def sans_font(point_size: float, *, bold: bool = False) -> QFont:
    """The face for Readout's own labels: headings, marks, the running header and footer."""
    return _font(SANS_FAMILIES, QFont.StyleHint.SansSerif, point_size, bold)


def _font(families: Iterable[str], hint: QFont.StyleHint, point_size: float, bold: bool) -> QFont:
    font = QFont()
    font.setFamilies(list(families))
    font.setStyleHint(hint)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # Latin ligatures (ﬁ, ﬃ) would be copied out of the PDF as one character; complex
    # scripts shape with their own features (rlig, akhn, half…), which stay on.
    for tag in NO_LIGATURES:
        font.setFeature(QFont.Tag(tag), 0)
    return font


def scripts_in(texts: Iterable[str]) -> tuple[str, ...]:
    """The non-Latin scripts (of those Readout checks) that occur in ``texts``."""
    found: set[str] = set()
    for text in texts:
        for char in set(text):
            code = ord(char)
            if code < 0x0590:
                continue
            for name, ranges, _ in _SCRIPTS:
                if name not in found and any(lo <= code <= hi for lo, hi in ranges):
                    found.add(name)
    return tuple(name for name, _, _ in _SCRIPTS if name in found)


def missing_scripts(texts: Iterable[str]) -> tuple[str, ...]:
    """Scripts in ``texts`` that no installed or bundled font covers (they would print as boxes)."""
    present = scripts_in(texts)
    missing = []
    for name, _, systems in _SCRIPTS:
        if name in present and not any(QFontDatabase.families(ws) for ws in systems):
            missing.append(name)
    return tuple(missing)
