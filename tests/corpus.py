"""The labeled corpus's texts as tests read them: every ``*.txt`` of ``tests/cases``."""

from __future__ import annotations

from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"


def case_texts() -> list[str]:
    """Every text file of every case, whole, in path order."""
    return [path.read_text(encoding="utf-8") for path in sorted(CASES.glob("*/*.txt"))]


def case_lines() -> list[str]:
    """Every non-empty line of every case text, stripped."""
    return [line.strip() for text in case_texts() for line in text.splitlines() if line.strip()]
