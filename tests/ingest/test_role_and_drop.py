"""Role hints place documents; dropped browser data becomes a Document."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.engine.document import Document
from desktop.ingest import RoleHint, rank_official, read_mime, read_path, role_hint

REPO = Path(__file__).resolve().parents[2]
CASES = sorted(
    path for path in (REPO / "tests" / "cases").iterdir() if (path / "official.txt").exists()
)

RELEASE = "The Defence Minister and the US Secretary of Defense spoke by telephone on Tuesday."


@pytest.mark.parametrize(
    "url",
    [
        "https://www.mea.gov.in/bilateral-documents.htm?dtl/39000",
        "https://pib.gov.in/PressReleasePage.aspx?PRID=1",
        "https://www.defense.gov/News/Releases/Release/Article/1/",
        "https://www.war.gov/News/Releases/",
        "https://www.state.gov/readout-of-the-call",
        "https://www.gov.uk/government/news/joint-statement",
        "https://www.fmprc.gov.cn/eng/xw/",
        "https://www.mofa.go.jp/press/release/",
        "http://en.kremlin.ru/events/president/news/1",
        "https://www.diplomatie.gouv.fr/en/",
        "https://ispr.gov.pk/press-release-detail?id=1",
        "https://www.mofa.gov.sa/en/",
        "https://www.army.mil/article/1",
    ],
)
def test_government_domain_suggests_official(url: str) -> None:
    hint = role_hint(Document(text=RELEASE, source=url))
    assert hint.role == "official"
    assert hint.confidence >= 0.8
    assert "government site" in hint.reason


@pytest.mark.parametrize(
    "title",
    [
        "Readout of Secretary Hegseth's Call with Indian Defence Minister",
        "India-Japan Joint Statement",
        "Press Release: Visit of the Foreign Secretary",
        "Statement by the Prime Minister",
        "Raksha Mantri holds telephonic conversation with US Secretary of Defense",
    ],
)
def test_official_title_words_suggest_official(title: str) -> None:
    assert role_hint(Document(text=RELEASE, title=title)).role == "official"


def test_statement_attributable_to_the_spokesperson_is_official() -> None:
    text = (
        "The following is attributable to the Spokesperson:\nThe Secretary spoke with the Minister."
    )
    assert role_hint(Document(text=text)).role == "official"


def test_anonymous_sourcing_and_byline_suggest_reporting() -> None:
    text = (
        "By Jane Reporter\nSources said the minister raised the issue. Officials said the talks "
        "went well, while people familiar with the matter told reporters more was discussed."
    )
    hint = role_hint(Document(text=text, source="https://www.reuters.com/world/india/x"))
    assert hint.role == "background"
    assert hint.confidence >= 0.9
    assert "'sources said'" in hint.reason and "byline" in hint.reason


def test_no_evidence_is_an_unsure_background_hint() -> None:
    hint = role_hint(Document(text="Plain words without any cue."))
    assert hint == RoleHint("background", 0.5, hint.reason)


def test_seed_article_is_reporting() -> None:
    assert (
        role_hint(read_path(REPO / "seeds" / "rajnath-hegseth-call-2025-07-01.txt")).role
        == "background"
    )


# Cases whose "article" is itself a government release (case 36: the counterpart's
# release forwarded by e-mail): both texts are official, and only the user can say
# which one is under study.
RELEASE_ARTICLES = {"36-dfat-wong-fmfd-forwarded-release"}
REPORTING = [case for case in CASES if case.name not in RELEASE_ARTICLES]


@pytest.mark.parametrize("case", REPORTING, ids=[case.name for case in REPORTING])
def test_rank_official_finds_the_official_text_of_each_case(case: Path) -> None:
    article = read_path(case / "article.txt")
    official = read_path(case / "official.txt")
    assert rank_official([article, official]) == 1
    assert rank_official([official, article]) == 0


@pytest.mark.parametrize("case", REPORTING, ids=[case.name for case in REPORTING])
def test_every_case_article_is_hinted_as_reporting(case: Path) -> None:
    assert role_hint(read_path(case / "article.txt")).role == "background"


def test_rank_official_prefers_the_government_url() -> None:
    report = Document(text=RELEASE, source="https://www.thehindu.com/news/x")
    release = Document(text=RELEASE + " More.", source="https://mod.gov.in/en/press-releases")
    assert rank_official([report, release]) == 1


def test_rank_official_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError):
        rank_official([])


# Dropped data --------------------------------------------------------------------


def test_dropped_html_is_preferred_and_the_page_url_is_the_source() -> None:
    html = (
        "<p>First dropped paragraph.</p><p>Second <b>dropped</b> paragraph.</p><script>x()</script>"
    )
    document = read_mime(html, "first dropped paragraph second", "https://www.mea.gov.in/x")
    assert document.text.split("\n") == [
        "First dropped paragraph.",
        "",
        "Second dropped paragraph.",
    ]
    assert document.source == "https://www.mea.gov.in/x"
    assert document.metadata["origin"] == "drop"
    assert role_hint(document).role == "official"


def test_chrome_selection_markers_keep_only_the_selection() -> None:
    html = (
        "<html><body><!--StartFragment--><p>Only the selected sentence.</p>"
        "<!--EndFragment--></body></html>"
    )
    assert read_mime(html, None, None).text == "Only the selected sentence."


def test_windows_clipboard_header_is_ignored() -> None:
    html = "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000200\r\n<p>Clipboard text.</p>"
    assert read_mime(html, None, None).text == "Clipboard text."


def test_dropped_text_is_used_when_there_is_no_html() -> None:
    document = read_mime(None, "Dropped plain text.", None)
    assert (document.text, document.source) == ("Dropped plain text.", "")


def test_dropped_text_is_used_when_the_html_is_empty() -> None:
    document = read_mime("<div><img src='x.png'></div>", "Alt words.", "https://example.com/a")
    assert (document.text, document.metadata["page_url"]) == ("Alt words.", "https://example.com/a")


def test_bench_inputs_are_readable(tmp_path: Path, gui_app: object) -> None:
    from desktop.ingest.bench import write_html, write_pdf

    write_pdf(tmp_path / "b.pdf", pages=2)
    write_html(tmp_path / "b.html", size=20_000)
    pdf = read_path(tmp_path / "b.pdf")
    assert pdf.metadata["pages"] == "2"
    assert pdf.text.startswith("0. The Defence Minister appreciated")
    assert "2" not in pdf.text.split("\n")  # page numbers are dropped
    html = read_path(tmp_path / "b.html")
    assert html.title == "Minister holds talks"
    assert "Section 1" in html.text.split("\n")
