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
