"""Each format reads into clean text with its metadata."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from desktop.ingest import read_bytes, read_path, read_text

if TYPE_CHECKING:
    from tests.ingest.conftest import Inputs

REPO = Path(__file__).resolve().parents[2]
QUOTE = "The minister said “we are committed” to the café talks – again."


# Plain text and encodings ----------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("cp1252", b""),
    ],
    ids=[
        "utf-8",
        "utf-8 BOM",
        "utf-16le BOM",
        "utf-16be BOM",
        "utf-16le no BOM",
        "utf-32 BOM",
        "cp1252",
    ],
)
def test_text_file_is_decoded_whatever_its_encoding(
    inputs: Inputs, encoding: str, prefix: bytes
) -> None:
    body = f"{QUOTE}\nL’accord a été signé à Paris — déclaration conjointe.\n"
    path = inputs.write("statement.txt", prefix + body.encode(encoding))
    document = read_path(path)
    assert document.text == body.strip()
    assert not document.text.startswith("\ufeff")
    assert document.source == str(path)
    assert document.title == "statement"


def test_seed_article_reads_unchanged() -> None:
    seed = REPO / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"
    document = read_path(seed)
    assert document.text == seed.read_text(encoding="utf-8").strip()
    assert document.metadata["encoding"] == "utf-8"


def test_crlf_nbsp_ligatures_and_soft_hyphens_are_normalised(inputs: Inputs) -> None:
    path = inputs.write(
        "messy.txt", "First\u00a0line  with  spaces\r\n\r\n\r\n\r\nde\u00adfence ﬁnal\r\n"
    )
    assert read_path(path).text == "First line with spaces\n\ndefence final"


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    wrapped = (
        "Dear colleagues,\n\n"
        "The Defence Minister appreciated the unwavering support extended by\n"
        "the US to India for its fight against terrorism. The two leaders also\n"
        "discussed ways to further augment defence ties with focus on\n"
        "expanding industry collaboration.\n\nRegards,\nDesk\n"
    )
    paragraphs = read_text(wrapped).text.split("\n")
    assert paragraphs[2].startswith("The Defence Minister appreciated")
    assert paragraphs[2].endswith("expanding industry collaboration.")
    assert paragraphs[-2:] == ["Regards,", "Desk"]


def test_one_paragraph_per_line_is_not_joined() -> None:
    lines = [
        "The Ministry of Defence said the call was productive.",
        "Both sides discussed the framework agreement.",
        "They agreed to meet again in August.",
        "The statement did not mention Pakistan.",
    ]
    assert read_text("\n".join(lines)).text.split("\n") == lines


def test_pasted_text_keeps_source_and_title() -> None:
    document = read_text("  Some statement.  ", source="clipboard", title=" Readout ")
    assert (document.text, document.source, document.title) == (
        "Some statement.",
        "clipboard",
        "Readout",
    )


def test_markdown_markup_is_removed_and_heading_becomes_title(inputs: Inputs) -> None:
    path = inputs.write(
        "release.md",
        "# Joint Statement\n\nThe two sides **agreed** to deepen _cooperation_ in\n"
        "[defence](https://example.com) and `trade`.\n\n- first point\n- second point\n\n> quoted line\n",
    )
    document = read_path(path)
    assert document.title == "Joint Statement"
    assert document.text.split("\n") == [
        "Joint Statement",
        "",
        "The two sides agreed to deepen cooperation in defence and trade.",
        "",
        "first point",
        "second point",
        "",
        "quoted line",
    ]


def test_standard_input_bytes_are_sniffed_as_html() -> None:
    page = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Piped page text.</p></body></html>"
    document = read_bytes(page, name="-")
    assert document.text == "Piped page text."
    assert document.source == "-"


def test_standard_input_bytes_without_markup_are_plain_text() -> None:
    assert read_bytes("Plain piped text.\n".encode("utf-16"), name="-").text == "Plain piped text."


# HTML -------------------------------------------------------------------------

ARTICLE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head>
<meta charset="utf-8"/>
<title>India, US discuss defence ties | The Daily</title>
<link rel="canonical" href="https://news.example.com/india-us-defence"/>
<meta name="author" content="Jane Reporter"/>
<meta property="article:published_time" content="2025-07-01T18:00:00+05:30"/>
<script>document.write("SCRIPT OUTPUT")</script>
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>India, US discuss defence ties</h1>
<p>New Delhi: Defence Minister Rajnath Singh had a telephonic conversation with Pete Hegseth.</p>
<h2>Industry collaboration</h2>
<p>The two leaders discussed ways to augment defence ties, the ministry said in a statement.</p>
<p>Sources said Singh conveyed that the action targeted only terrorist infrastructure.</p>
<img src="http://127.0.0.1:9/tracker.png"/>
</article>
<footer>Copyright 2025 The Daily.</footer>
</body></html>
"""


@pytest.mark.parametrize("suffix", [".html", ".htm", ".xhtml"])
def test_web_page_gives_main_text_and_metadata(inputs: Inputs, suffix: str) -> None:
    document = read_path(inputs.write("article" + suffix, ARTICLE))
    assert document.title == "India, US discuss defence ties"
    assert document.date == "2025-07-01"
    assert document.metadata["byline"] == "Jane Reporter"
    assert document.metadata["canonical_url"] == "https://news.example.com/india-us-defence"
    lines = document.text.split("\n")
    assert "Industry collaboration" in lines  # a headline stays its own line
    assert (
        lines[-1]
        == "Sources said Singh conveyed that the action targeted only terrorist infrastructure."
    )
    for debris in ("SCRIPT OUTPUT", "color: red", "Home", "Copyright"):
        assert debris not in document.text


def test_legacy_charset_declared_in_meta_is_honoured(inputs: Inputs) -> None:
    page = f"<html><head><meta charset='windows-1252'></head><body><p>{QUOTE}</p></body></html>"
    assert read_path(inputs.write("old.html", page.encode("cp1252"))).text == QUOTE


def test_saved_page_mhtml_reads_its_html_part(inputs: Inputs) -> None:
    from email.message import EmailMessage

    saved = EmailMessage()
    saved["Subject"] = "Saved title"
    saved["Snapshot-Content-Location"] = "https://news.example.com/india-us-defence"
    saved["MIME-Version"] = "1.0"
    saved.make_related()
    page = EmailMessage()
    page.set_content(ARTICLE, subtype="html", charset="utf-8", cte="quoted-printable")
    page["Content-Location"] = "https://news.example.com/india-us-defence"
    saved.attach(page)
    image = EmailMessage()
    image.set_content(b"\x89PNG....", maintype="image", subtype="png")
    saved.attach(image)
    for suffix in (".mhtml", ".mht"):
        document = read_path(inputs.write("saved" + suffix, bytes(saved)))
        assert document.title == "India, US discuss defence ties"
        assert "Industry collaboration" in document.text.split("\n")
        assert document.metadata["page_url"] == "https://news.example.com/india-us-defence"
        assert document.metadata["content_type"] == "multipart/related"


# PDF --------------------------------------------------------------------------


def test_pdf_paragraphs_are_rebuilt_from_wrapped_lines(inputs: Inputs) -> None:
    sentence = "The Defence Minister appreciated the unwavering support extended to India. " * 4
    html = "<h1>Readout of the Call</h1>" + "".join(
        f"<p>Paragraph {n}. {sentence}</p>" for n in range(3)
    )
    document = read_path(inputs.pdf_from_html("readout.pdf", html, title="Readout of call"))
    assert document.text.split("\n") == ["Readout of the Call"] + [
        f"Paragraph {n}. {sentence.strip()}" for n in range(3)
    ]
    assert document.title == "Readout of call"
    assert document.metadata["pages"] == "1"
    assert document.date is not None


def test_pdf_dehyphenates_keeps_compounds_and_drops_page_furniture(inputs: Inputs) -> None:
    header = (40.0, 40.0, "MINISTRY OF EXTERNAL AFFAIRS")
    pages = [
        [
            header,
            (60, 100, "The Minister held talks with his counterpart and the govern-"),
            (40, 114, "ment of both countries agreed to a long-"),
            (40, 128, "term framework for cooperation."),
            (60, 142, "A second paragraph starts with an indent and no extra gap, and"),
            (40, 156, "it runs on to the next page without"),
            (290, 800, "1"),
        ],
        [
            header,
            (40, 100, "any break in the middle of the sentence."),
            (40, 134, "• First point"),
            (40, 148, "• Second point"),
            (290, 800, "2"),
        ],
        [header, (40, 100, "Third page."), (290, 800, "Page 3 of 3")],
    ]
    document = read_path(inputs.pdf_from_lines("letter.pdf", pages))
    assert document.text.split("\n") == [
        "MINISTRY OF EXTERNAL AFFAIRS",
        "The Minister held talks with his counterpart and the government of both countries "
        "agreed to a long-term framework for cooperation.",
        "A second paragraph starts with an indent and no extra gap, and it runs on to the "
        "next page without any break in the middle of the sentence.",
        "• First point",
        "• Second point",
        "Third page.",
    ]


def test_pdf_columns_are_read_one_after_the_other(inputs: Inputs) -> None:
    left = [(40.0, 100 + 14.0 * n, f"left column line {n} of the text") for n in range(3)]
    right = [(320.0, 100 + 14.0 * n, f"right column line {n} of the text") for n in range(3)]
    document = read_path(inputs.pdf_from_lines("columns.pdf", [left + right]))
    assert document.text.split("\n") == [
        " ".join(text for _, _, text in left),
        " ".join(text for _, _, text in right),
    ]


def test_pdf_with_empty_user_password_opens(inputs: Inputs) -> None:
    plain = inputs.pdf_from_html("plain.pdf", "<p>Releasable readout text.</p>")
    document = read_path(inputs.encrypted_pdf("owner-only.pdf", plain, user_password=""))
    assert document.text == "Releasable readout text."


def test_pdf_signature_wins_over_a_wrong_suffix(inputs: Inputs) -> None:
    pdf = inputs.pdf_from_html("real.pdf", "<p>Text inside a PDF.</p>")
    misnamed = inputs.write("download.html", pdf.read_bytes())
    assert read_path(misnamed).text == "Text inside a PDF."


# Office -----------------------------------------------------------------------


def test_docx_gives_paragraphs_tables_and_title(inputs: Inputs) -> None:
    path = inputs.docx(
        "statement.docx",
        ["Joint Statement on the visit", "The two leaders welcomed progress."],
        table=[["Item", "Detail"], ["Trade", "Up 10%"]],
        title="Joint Statement",
    )
    document = read_path(path)
    assert document.title == "Joint Statement"
    assert document.text.split("\n") == [
        "Joint Statement on the visit",
        "The two leaders welcomed progress.",
        "Item | Detail",
        "Trade | Up 10%",
        "After the table.",
    ]


def test_odt_gives_headings_lists_tables_and_title(inputs: Inputs) -> None:
    document = read_path(inputs.odt("release.odt", ["First paragraph."], title="Press Release"))
    assert document.title == "Press Release"
    assert document.text.split("\n") == [
        "Press Release",
        "First paragraph.",
        "A list item.",
        "Partner | Amount",
    ]


def test_rtf_decodes_escapes_and_drops_link_targets(inputs: Inputs) -> None:
    rtf = (
        r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\info{\title Press note}}\f0 "
        r"Caf\'e9 talks \u8220?quoted\u8221?\par Second "
        r'{\field{\*\fldinst HYPERLINK "https://x.example"}{\fldrslt link}} end.\par'
        r"{\pict\pngblip 89504e47}}"
    )
    document = read_path(inputs.write("note.rtf", rtf))
    assert document.text == "Café talks “quoted”\nSecond link end."
    assert document.title == "Press note"


# E-mail -----------------------------------------------------------------------


def test_email_gives_subject_sender_date_and_plain_body(inputs: Inputs) -> None:
    message = inputs.mail(plain="First paragraph.\n\nSecond paragraph.", html="<p>HTML body</p>")
    document = read_path(inputs.eml("readout.eml", message))
    assert document.title == "Readout of the call"
    assert document.metadata["sender"] == "MEA Press <press@mea.gov.in>"
    assert document.date == "2025-07-01"
    assert document.metadata["sent_at"] == "2025-07-01T21:35:00+05:30"
    assert document.metadata["body"] == "plain"
    assert document.text == "First paragraph.\n\nSecond paragraph."


def test_email_with_only_html_goes_through_the_html_reader(inputs: Inputs) -> None:
    message = inputs.mail(
        plain=None,
        html="<html><body><p>Only <b>HTML</b> here.</p><script>x()</script></body></html>",
    )
    document = read_path(inputs.eml("html.eml", message))
    assert document.text == "Only HTML here."
    assert document.metadata["body"] == "html"


def test_forwarded_message_attachment_is_read(inputs: Inputs) -> None:
    from email.message import EmailMessage

    inner = inputs.mail(subject="Original", plain="The forwarded readout text.")
    outer = EmailMessage()
    outer["Subject"] = "Fwd: Original"
    outer["From"] = "colleague@example.org"
    outer.make_mixed()
    outer.attach(EmailMessage())  # an empty part, then the forwarded message
    wrapper = EmailMessage()
    wrapper.set_content(inner)
    outer.attach(wrapper)
    document = read_path(inputs.eml("fwd.eml", outer))
    assert document.title == "Fwd: Original"
    assert document.text == "The forwarded readout text."


def test_flowed_email_lines_are_joined(inputs: Inputs) -> None:
    raw = (
        "From: a@example.org\r\nSubject: Flowed\r\nDate: Wed, 02 Jul 2025 08:00:00 +0000\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8; format=flowed\r\n\r\n"
        "This line is soft \r\nwrapped by the client.\r\n\r\nNew paragraph.\r\n"
    )
    document = read_path(inputs.write("flowed.eml", raw))
    assert document.text == "This line is soft wrapped by the client.\n\nNew paragraph."


def test_figure_captions_reach_the_units_as_hints() -> None:
    from desktop.engine.segment import split_sentences
    from desktop.engine.units import classify
    from desktop.engine.vocabulary import Unit
    from desktop.ingest.html_page import figure_captions, read_html

    html = (
        "<h1>Ministers meet in Delhi</h1>"
        "<figure><img src='x.jpg'><figcaption>The two ministers before their talks at "
        "Hyderabad House on Monday<br>Staff photographer</figcaption></figure>"
        "<p>The foreign ministers of India and Japan met on Monday and agreed to widen "
        "maritime cooperation, the ministry said.</p>"
    )
    assert figure_captions(html) == [
        "The two ministers before their talks at Hyderabad House on Monday",
        "Staff photographer",
    ]
    document = read_html(html, name="page.html", source="page.html")
    sentences = split_sentences(document.text)
    units = {
        s.text_in(document.text): u
        for s, u in zip(
            sentences,
            classify(document.text, sentences, official=False, metadata=document.metadata),
            strict=True,
        )
    }
    assert units["The two ministers before their talks at Hyderabad House on Monday"] is (
        Unit.CAPTION
    )
    assert figure_captions("<figcaption>unclosed <b>caption") == []
