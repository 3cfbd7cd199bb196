"""A four-document story for the tests: case 02's readout, article and White House
readout, with an earlier version of the readout written here (the corpus has no case
with a version and a counterpart together)."""

from __future__ import annotations

from pathlib import Path

CASE = Path(__file__).resolve().parent / "cases" / "02-modi-biden-call-counterpart"


def earlier_version(folder: Path) -> Path:
    """Case 02's release as first put out: one sentence reworded, one later withdrawn,
    and without the closing line."""
    text = (CASE / "official.txt").read_text(encoding="utf-8")
    text = text.replace(
        "The two leaders shared their concern over the situation in Bangladesh.",
        "The two leaders discussed the situation in Bangladesh.",
    )
    text = text.replace(" They agreed to remain in touch.", "")
    text = text.replace(
        "including the Quad.",
        "including the Quad. Prime Minister looked forward to welcoming President Biden "
        "to the Quad Leaders' Summit in India.",
    )
    path = folder / "official_v1.txt"
    path.write_text(text, encoding="utf-8")
    return path


def story_files(folder: Path) -> list[Path]:
    """The official readout, the article, the earlier version, the counterpart readout."""
    return [
        CASE / "official.txt",
        CASE / "article.txt",
        earlier_version(folder),
        CASE / "counterpart.txt",
    ]
