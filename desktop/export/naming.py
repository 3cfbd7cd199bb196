"""How documents and sides are named, the same in the window and in the PDF."""

from __future__ import annotations

from pathlib import Path

from desktop.engine.compare import Comparison
from desktop.engine.document import Document


def document_label(document: Document) -> str:
    return document.title or Path(document.source).name or document.source or "Untitled"


def side_name(comparison: Comparison, document: int, *, with_title: bool = False) -> str:
    """``Official readout``, ``Article``, ``Background`` or ``Background 2`` (with its
    title when asked and there are several backgrounds)."""
    if document == 0:
        return "Official readout"
    if comparison.single_article:
        return "Article"
    if len(comparison.backgrounds) == 1:
        return "Background"
    if with_title:
        return f"Background {document}: {document_label(comparison.documents[document].document)}"
    return f"Background {document}"
