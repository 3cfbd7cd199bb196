"""Every reader's Document is finished in one place: encodable text, bounded fields, no secrets."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from desktop.ingest import read_bytes, read_mime, read_path, read_text
from desktop.ingest.guard import MAX_TITLE_CHARS, without_credentials

if TYPE_CHECKING:
    from tests.ingest.conftest import Inputs

# What Word writes for 😀: two RTF \\u escapes, one per UTF-16 half.
RTF_EMOJI = rb"{\rtf1\ansi Talks went well \u-10179?\u-8704? said the envoy. Lone \u-10179? half.}"


def test_rtf_emoji_halves_are_joined_and_a_lone_half_replaced(inputs: Inputs) -> None:
    document = read_path(inputs.write("emoji.rtf", RTF_EMOJI))
    assert "Talks went well 😀 said the envoy." in document.text
    assert "Lone \ufffd half." in document.text
    document.text.encode("utf-8")  # no UnicodeEncodeError, as printing and JSON need
    json.dumps(document.text, ensure_ascii=False).encode("utf-8")


def test_lone_surrogates_in_pasted_and_dropped_text_are_replaced() -> None:
    for document in (
        read_text("A \ud800 B"),
        read_mime("<p>A \udfff B</p>", None, None),
    ):
        assert document.text == "A \ufffd B"


def test_a_huge_subject_becomes_a_bounded_title() -> None:
    message = b"From: a@b.c\nTo: d@e.f\nSubject: " + b"x" * 100_000 + b"\n\nThe body.\n"
    document = read_bytes(message, name="m.eml")
    assert len(document.title) == MAX_TITLE_CHARS
    assert document.title.endswith("…")


def test_credentials_never_stay_in_a_url_the_document_keeps() -> None:
    url = "https://reader:s3cret@news.example.com/story?id=1#top"
    document = read_mime("<p>The ministers met.</p>", None, url)
    assert document.source == "https://news.example.com/story?id=1#top"
    assert "s3cret" not in json.dumps(document.metadata)
    assert without_credentials("https://news.example.com/a@b") == "https://news.example.com/a@b"
    assert without_credentials("/home/user@host/file.txt") == "/home/user@host/file.txt"
