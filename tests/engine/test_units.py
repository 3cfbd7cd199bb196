"""Units: furniture of news pages and releases is recognised and never a claim."""

from __future__ import annotations

from pathlib import Path

from desktop.engine.compare import compare_article
from desktop.engine.document import Document
from desktop.engine.segment import split_sentences
from desktop.engine.units import classify
from desktop.engine.vocabulary import Unit

SEED = Path(__file__).resolve().parents[2] / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"


def _units(text: str, *, official: bool = False) -> list[tuple[str, Unit]]:
    sentences = split_sentences(text)
    return [
        (s.text_in(text), u)
        for s, u in zip(sentences, classify(text, sentences, official=official), strict=True)
    ]


def test_seed_caption_and_credit_are_not_claims() -> None:
    comparison = compare_article(Document(SEED.read_text(encoding="utf-8")))
    background = comparison.backgrounds[0].sentences
    assert background[0].unit is Unit.CAPTION
    assert background[1].unit is Unit.CREDIT
    summary = comparison.summary()
    assert summary.units[Unit.CAPTION] == 1 and summary.units[Unit.CREDIT] == 1
    assert sum(summary.background.values()) == sum(1 for s in background if s.is_claim)


def test_wire_story_furniture() -> None:
    text = (
        "India, Japan agree to deepen naval cooperation\n"
        "Written by Meera Rao\n"
        "NEW DELHI, Nov 11\n"
        "Defence Minister Rajnath Singh held talks with his Japanese counterpart on Tuesday.\n"
        "(File photo: PTI)\n"
        "ALSO READ: Navy commissions a new survey vessel\n"
        "The two sides reviewed exercises, the ministry said.\n"
        "— Rajnath Singh (@rajnathsingh) November 11, 2025\n"
        "(With inputs from PTI)\n"
    )
    units = dict(_units(text))
    assert units["India, Japan agree to deepen naval cooperation"] is Unit.HEADLINE
    assert units["Written by Meera Rao"] is Unit.BYLINE
    assert units["NEW DELHI, Nov 11"] is Unit.DATELINE
    assert units["(File photo: PTI)"] is Unit.CREDIT
    assert units["ALSO READ: Navy commissions a new survey vessel"] is Unit.LINK
    assert units["— Rajnath Singh (@rajnathsingh) November 11, 2025"] is Unit.SIGNATURE
    assert units["(With inputs from PTI)"] is Unit.CREDIT
    assert units["The two sides reviewed exercises, the ministry said."] is Unit.CLAIM


def test_release_title_dateline_and_boilerplate() -> None:
    text = (
        "Secretary Rubio's Call with Indian External Affairs Minister Jaishankar\n"
        "Media Note\n"
        "The following is attributable to Spokesperson Tammy Bruce:\n"
        "Secretary Rubio spoke with External Affairs Minister Jaishankar today.\n"
        "They discussed trade and energy.\n"
        "***\n"
    )
    units = dict(_units(text, official=True))
    assert (
        units["Secretary Rubio's Call with Indian External Affairs Minister Jaishankar"]
        is Unit.TITLE
    )
    assert units["Media Note"] is Unit.BOILERPLATE
    assert units["The following is attributable to Spokesperson Tammy Bruce:"] is Unit.BOILERPLATE
    assert units["***"] is Unit.BOILERPLATE
    assert units["They discussed trade and energy."] is Unit.CLAIM


def test_email_forward_lines() -> None:
    text = (
        "Forwarding the story below.\n"
        "---------- Forwarded message ---------\n"
        "From: Desk <desk@example.org>\n"
        "Subject: Readout of the call\n"
        "The ministers agreed to meet again in March.\n"
    )
    units = dict(_units(text))
    assert units["---------- Forwarded message ---------"] is Unit.FORWARD
    assert units["From: Desk <desk@example.org>"] is Unit.FORWARD
    assert units["Subject: Readout of the call"] is Unit.FORWARD
    assert units["The ministers agreed to meet again in March."] is Unit.CLAIM


def test_markup_hints_from_ingest_decide_captions() -> None:
    text = "Talks in Delhi\nThe two ministers at Hyderabad House.\nThey agreed to meet again.\n"
    sentences = split_sentences(text)
    units = classify(
        text,
        sentences,
        official=False,
        metadata={"captions": "The two ministers at Hyderabad House."},
    )
    assert units[1] is Unit.CAPTION
    assert units[2] is Unit.CLAIM


def test_top_of_page_layout_standfirst_caption_and_dated_lead() -> None:
    # Headline, a two-sentence standfirst, byline and time stamp, then the photo's
    # caption (its credit on the same line) and a lead that carries its own dateline.
    text = (
        "Japan and India widen their coast guard pact\n"
        "The agreement covers joint patrols. Officials expect the first exercise next year.\n"
        "Priya Nair and Kenji Sato\n"
        "Updated: 03 Mar 2026, 08:10 PM IST\n"
        "Coast guard vessels of the two countries off Chennai on Monday. (Reuters)\n"
        "Tokyo: Japan and India on Monday signed an agreement to widen cooperation between "
        "their coast guards, the foreign ministry said.\n"
    )
    units = dict(_units(text))
    assert units["Japan and India widen their coast guard pact"] is Unit.HEADLINE
    assert units["The agreement covers joint patrols."] is Unit.STANDFIRST
    assert units["Officials expect the first exercise next year."] is Unit.STANDFIRST
    assert units["Priya Nair and Kenji Sato"] is Unit.BYLINE
    assert units["Coast guard vessels of the two countries off Chennai on Monday."] is Unit.CAPTION
    assert units["(Reuters)"] is Unit.CREDIT
    lead = next(t for t in units if t.startswith("Tokyo:"))
    assert units[lead] is Unit.CLAIM


def test_wire_photo_captions_and_credits() -> None:
    text = (
        "Talks resume on river water sharing\n"
        "By Asha Menon\n"
        "Delegates arrive at the venue in Dhaka, Bangladesh, Tuesday, March 3, 2026.\n"
        "(AP Photo/Rafiq Ahmed)\n"
        "Officials from both countries met for three hours and agreed to meet again, "
        "the ministry said on Tuesday.\n"
        "The foreign minister speaks to reporters in Dhaka. (Photo: X/@example)\n"
        "Rafiq Ahmed/AFP via Getty Images\n"
        "The next round is due in May.\n"
        "— PTI\n"
    )
    units = dict(_units(text))
    assert units["Delegates arrive at the venue in Dhaka, Bangladesh, Tuesday, March 3, 2026."] is (
        Unit.CAPTION
    )
    assert units["(AP Photo/Rafiq Ahmed)"] is Unit.CREDIT
    assert units["The foreign minister speaks to reporters in Dhaka."] is Unit.CAPTION
    assert units["(Photo: X/@example)"] is Unit.CREDIT
    assert units["Rafiq Ahmed/AFP via Getty Images"] is Unit.CREDIT
    assert units["— PTI"] is Unit.CREDIT
    said = next(t for t in units if t.startswith("Officials from both"))
    assert units[said] is Unit.CLAIM
    assert units["The next round is due in May."] is Unit.CLAIM


def test_release_sign_off_and_contact_lines() -> None:
    text = (
        "Joint Statement on the Second Maritime Dialogue\n"
        "The Ministry of External Affairs said the dialogue reviewed port projects.\n"
        "Both sides agreed to meet again in 2027.\n"
        "\n"
        "Embassy of India, Tokyo\n"
        "\n"
        "press.tokyo@example.gov.in\n"
        "\n"
        "Tel: +81 3 0000 0000\n"
        "\n"
        "www.example.gov.in/tokyo\n"
    )
    units = dict(_units(text, official=True))
    assert units["The Ministry of External Affairs said the dialogue reviewed port projects."] is (
        Unit.CLAIM
    )
    for line in (
        "Embassy of India, Tokyo",
        "press.tokyo@example.gov.in",
        "Tel: +81 3 0000 0000",
        "www.example.gov.in/tokyo",
    ):
        assert units[line] is Unit.BOILERPLATE, line


def test_live_blog_link_list_and_entry_heading() -> None:
    text = (
        "Summit live: leaders meet in Rome\n"
        "Sun 1 Mar 2026 10.05 GMT\n"
        "\n"
        "Key events\n"
        "Leaders arrive for the opening session\n"
        "Foreign ministers hold side meeting\n"
        "\n"
        "10.02 GMT\n"
        "Minister: talks will go on ‘as long as needed’\n"
        "\n"
        "The foreign minister told reporters the talks would continue through the night.\n"
    )
    units = dict(_units(text))
    assert units["Key events"] is Unit.LINK
    assert units["Leaders arrive for the opening session"] is Unit.LINK
    assert units["Foreign ministers hold side meeting"] is Unit.LINK
    assert units["Minister: talks will go on ‘as long as needed’"] is Unit.HEADLINE
