"""Markdown read by a CommonMark parser: markup gone, structure kept as lines."""

from __future__ import annotations

from desktop.ingest.markdown import markdown_to_text


def test_blocks_become_lines_and_markup_goes() -> None:
    text, title = markdown_to_text(
        "Joint Statement\n===\n\n"
        "The sides *agreed* on **trade** and ![a map](m.png) [defence][ref], hyphen-\n"
        "ated words rejoin.\n\n"
        "1. First point\n2. Second point\n   - nested\n\n"
        "| Partner | Amount |\n|---|---|\n| Japan | 5 |\n\n"
        "```\ncode line\n```\n\n"
        "Line one\\\nline two\n\n"
        "[ref]: https://example.org\n"
    )
    assert title == "Joint Statement"
    assert text.split("\n") == [
        "Joint Statement",
        "",
        "The sides agreed on trade and a map defence, hyphenated words rejoin.",
        "",
        "1. First point",
        "2. Second point",
        "nested",
        "",
        "Partner | Amount",
        "Japan | 5",
        "",
        "code line",
        "",
        "Line one",
        "line two",
    ]


def test_unbalanced_markup_is_kept_as_text() -> None:
    text, _ = markdown_to_text("**bold without end and [a bracket and a *star")
    assert text == "**bold without end and [a bracket and a *star"
