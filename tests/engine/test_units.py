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


def _unit_between(before: str, line: str, after: str, *, official: bool = False) -> Unit:
    """The unit of ``line`` set on its own line between two stretches of text."""
    return dict(_units(f"{before}\n{line}\n{after}", official=official))[line]


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


def test_section_kicker_above_a_headline_or_a_release_title() -> None:
    page = (
        "Diplomacy\n"
        "Vietnam and Japan agree to lift ties, plan coast guard drills\n"
        "Hanoi hopes the drills will start before the monsoon\n"
        "By Lan Pham\n"
        "Vietnam and Japan agreed on Monday to hold joint coast guard drills next year.\n"
    )
    units = dict(_units(page))
    assert units["Diplomacy"] is Unit.BOILERPLATE
    assert units["Vietnam and Japan agree to lift ties, plan coast guard drills"] is Unit.HEADLINE
    assert units["Hanoi hopes the drills will start before the monsoon"] is Unit.STANDFIRST
    release = (
        "News Releases\n"
        "Outcome of the Vietnam-Japan Foreign Ministers' Talks\n"
        "The two ministers agreed to hold coast guard drills in 2027.\n"
    )
    units = dict(_units(release, official=True))
    assert units["News Releases"] is Unit.BOILERPLATE
    assert units["Outcome of the Vietnam-Japan Foreign Ministers' Talks"] is Unit.TITLE
    # A short headline with no heading under it is still the headline.
    short = "Talks end\nThe two ministers met for an hour on Monday.\n"
    assert dict(_units(short))["Talks end"] is Unit.HEADLINE


def test_correspondent_line_tag_line_promo_and_print_footer() -> None:
    page = (
        "Canada and India restore trade talks after two-year pause\n"
        "Negotiators will meet in Ottawa next month\n"
        "Priya Menon in Ottawa\n"
        "Canada and India said on Friday they would restart trade negotiations.\n"
        "Topics: Canada, India, Trade\n"
        "Join our WhatsApp channel for the day's top stories.\n"
        "Published in The Daily Ledger, March 3rd, 2026.\n"
    )
    units = dict(_units(page))
    assert units["Priya Menon in Ottawa"] is Unit.BYLINE
    assert units["Topics: Canada, India, Trade"] is Unit.BOILERPLATE
    assert units["Join our WhatsApp channel for the day's top stories."] is Unit.LINK
    assert units["Published in The Daily Ledger, March 3rd, 2026."] is Unit.BOILERPLATE
    assert units["Canada and India said on Friday they would restart trade negotiations."] is (
        Unit.CLAIM
    )
    # A web page's own date line stays a dateline.
    assert (
        dict(_units("Talks resume\nPublished March 3, 2026\nThe talks resumed.\n"))[
            "Published March 3, 2026"
        ]
        is Unit.DATELINE
    )


def test_press_contact_block_and_issuing_office_close_a_release() -> None:
    text = (
        "Joint press release on the Canada-India trade talks\n"
        "The two ministers agreed to restart negotiations on a trade agreement.\n"
        "They will meet again in Ottawa in April.\n"
        "\n"
        "Visit the meeting page\n"
        "\n"
        "Presidency of the Council of Trade Ministers Directorate of Communications\n"
        "\n"
        "Press contacts\n"
        "Ana Duarte Lima\n"
        "Spokesperson of the President of the Council\n"
        "+32 2 555 01 23\n"
    )
    units = dict(_units(text, official=True))
    assert units["They will meet again in Ottawa in April."] is Unit.CLAIM
    assert units["Visit the meeting page"] is Unit.LINK
    for line in (
        "Presidency of the Council of Trade Ministers Directorate of Communications",
        "Press contacts",
        "Ana Duarte Lima",
        "Spokesperson of the President of the Council",
        "+32 2 555 01 23",
    ):
        assert units[line] is Unit.BOILERPLATE, line


def test_saved_page_furniture_running_header_page_numbers_pull_quote() -> None:
    page = (
        "The Daily Ledger | Friday, March 6, 2026\n"
        "WORLD / ASIA\n"
        "Seoul and Tokyo hold talks as chip curbs strain ties\n"
        "By Ken Sato\n"
        "Seoul and Tokyo held talks on Friday as export curbs strained ties.\n"
        "“Dialogue matters most when relations are difficult,” the minister said.\n"
        "Page 2 of 3\n"
        "The Daily Ledger | Friday, March 6, 2026\n"
        "“Dialogue matters most when relations are difficult” — Foreign Minister Aiko Mori\n"
        "Advertisement\n"
        "The two sides agreed to meet again in April.\n"
        "(With reporting from Kyodo)\n"
    )
    units = _units(page)
    kinds = dict(units)
    assert [u for t, u in units if t.startswith("The Daily Ledger |")] == [Unit.BOILERPLATE] * 2
    assert kinds["WORLD / ASIA"] is Unit.BOILERPLATE
    assert kinds["Seoul and Tokyo hold talks as chip curbs strain ties"] is Unit.HEADLINE
    assert kinds["Page 2 of 3"] is Unit.BOILERPLATE
    pull = "“Dialogue matters most when relations are difficult” — Foreign Minister Aiko Mori"
    assert kinds[pull] is Unit.BOILERPLATE
    assert kinds["Advertisement"] is Unit.BOILERPLATE
    assert kinds["(With reporting from Kyodo)"] is Unit.CREDIT
    quoted = "“Dialogue matters most when relations are difficult,” the minister said."
    assert kinds[quoted] is Unit.CLAIM


def test_live_blog_and_newsletter_furniture() -> None:
    page = (
        "Live: Ukraine and India leaders speak by phone\n"
        "Newsroom staff and news agencies\n"
        "Key events\n"
        "3 min ago\n"
        "Zelenskyy and Modi discussed the war on the phone.\n"
        "Copy link\n"
        "15 min ago\n"
        "India said it backed a peaceful end to the war.\n"
        "Copy link\n"
        "Go deeper: What the two leaders agreed last year\n"
        "Related news: India hosts talks on Black Sea shipping\n"
        "Related topic: India-Ukraine relations\n"
        "Subscribe\n"
    )
    kinds = dict(_units(page))
    assert kinds["Newsroom staff and news agencies"] is Unit.BYLINE
    assert kinds["3 min ago"] is Unit.DATELINE
    assert kinds["Copy link"] is Unit.BOILERPLATE
    assert kinds["Go deeper: What the two leaders agreed last year"] is Unit.LINK
    assert kinds["Related news: India hosts talks on Black Sea shipping"] is Unit.LINK
    assert kinds["Related topic: India-Ukraine relations"] is Unit.BOILERPLATE
    assert kinds["Subscribe"] is Unit.LINK
    assert kinds["India said it backed a peaceful end to the war."] is Unit.CLAIM


def test_a_facebook_post_signature_and_a_release_section_label() -> None:
    post = (
        "Hossain wrote on Facebook:\n"
        "Met my counterpart in Muscat today.\n"
        "— Md. Rafiq Alam, Foreign Adviser · Facebook · 16 February 2025\n"
    )
    assert (
        dict(_units(post))["— Md. Rafiq Alam, Foreign Adviser · Facebook · 16 February 2025"]
        is Unit.SIGNATURE
    )
    release = (
        "Readout of the President's Call with the Prime Minister of Japan\n"
        "April 2, 2026\n"
        "Briefing Room\n"
        "The President spoke today with the Prime Minister of Japan.\n"
    )
    kinds = dict(_units(release, official=True))
    assert kinds["Briefing Room"] is Unit.BOILERPLATE
    assert kinds["April 2, 2026"] is Unit.DATELINE


def test_credit_and_caption_lines_of_more_outlets() -> None:
    for line, unit in (
        ("Photograph via Russian Ministry of Foreign Affairs.", Unit.CREDIT),
        ("Credit...Doug Mills/The New York Times", Unit.CREDIT),
        ("Pool photo by Kenzaburo Fukuhara", Unit.CREDIT),
        ("Image caption, Wang Yi and Jaishankar met in Beijing", Unit.CAPTION),
    ):
        after = (
            "The ministers met on Thursday and agreed to talk again, officials said.\n"
            "They spoke for an hour.\n"
        )
        assert _unit_between("Ministers meet in Bonn\nBy Jane Roe", line, after) is unit, line


def test_bylines_with_a_post_and_a_wire_pages_run_together_date() -> None:
    guardian = (
        "UK and India sign trade deal after three years of talks\n"
        "Agreement cuts tariffs on whisky and cars, but leaves out services\n"
        "Peter Walker Deputy political editor\n"
        "Thu 24 Jul 2025 14.03 BST\n"
        "The UK and India have signed a trade deal after three years of negotiations.\n"
        "It cuts tariffs.\n"
    )
    kinds = dict(_units(guardian))
    assert kinds["Peter Walker Deputy political editor"] is Unit.BYLINE
    assert kinds["Agreement cuts tariffs on whisky and cars, but leaves out services"] is (
        Unit.STANDFIRST
    )
    wire = (
        "India, China to resume direct flights after five-year gap\n"
        "By Shivam Patel and Liz Lee\n"
        "August 19, 20251:05 PM GMT+5:30Updated 2 hours ago\n"
        "NEW DELHI, Aug 19 (Reuters) - India and China agreed to resume direct flights.\n"
        "The flights were halted in 2020.\n"
    )
    assert dict(_units(wire))["August 19, 20251:05 PM GMT+5:30Updated 2 hours ago"] is (
        Unit.DATELINE
    )
    assert (
        dict(
            _units(
                "Seoul urges Beijing on North Korea\nSeoul Correspondent\nThe minister met Wang Yi.\nThey talked.\n"
            )
        )["Seoul Correspondent"]
        is Unit.BYLINE
    )


def test_reading_controls_and_a_desk_line_with_its_update_time() -> None:
    for line, unit in (
        ("Listen to this article", Unit.BOILERPLATE),
        ("5 min read", Unit.BOILERPLATE),
        ("Share via", Unit.BOILERPLATE),
        ("TOI News Desk / TNN / Updated: Mar 4, 2026, 18:10 IST", Unit.DATELINE),
    ):
        after = (
            "India and China agreed on Tuesday to resume direct flights, the ministry said.\n"
            "The flights were halted in 2020.\n"
        )
        assert _unit_between("India and China agree to resume flights", line, after) is unit, line


def test_a_release_pages_navigation_lines() -> None:
    for line, unit in (
        ("Back to Japan-China Relations", Unit.LINK),
        ("Home > Press Releases", Unit.BOILERPLATE),
        ("Photo Gallery", Unit.LINK),
    ):
        title = "Japan-China Foreign Ministers’ Telephone Talk"
        after = (
            "On March 4, Foreign Minister Motegi held a telephone talk with Wang Yi.\n"
            "The two ministers agreed to keep talking.\n"
        )
        assert _unit_between(title, line, after, official=True) is unit, line


def test_agency_slugs_question_subheads_and_dotted_release_dates() -> None:
    page = (
        "Germany and India agree to deepen defence ties\n"
        "By Anna Weber\n"
        "The two ministers met in Berlin on Wednesday.\n"
        "They agreed to hold a defence dialogue every year.\n"
        "What did the ministers say?\n"
        "The German minister called India a key partner.\n"
        "Read also Scholz: Germany will keep its Asia strategy\n"
        "Both sides will meet again in 2026.\n"
        "jsi/wd (dpa, Reuters, AFP)\n"
    )
    kinds = dict(_units(page))
    assert kinds["What did the ministers say?"] is Unit.HEADLINE
    assert kinds["Read also Scholz: Germany will keep its Asia strategy"] is Unit.LINK
    assert kinds["jsi/wd (dpa, Reuters, AFP)"] is Unit.CREDIT
    release = (
        "Foreign Minister meets Indian counterpart\n"
        "03.09.2025 - Press release\n"
        "The two ministers met in Berlin and agreed to deepen their dialogue.\n"
        "WAM/Sara Idris/Omar Faris\n"
    )
    kinds = dict(_units(release, official=True))
    assert kinds["03.09.2025 - Press release"] is Unit.DATELINE
    assert kinds["WAM/Sara Idris/Omar Faris"] is Unit.BOILERPLATE


BODY = "The two ministers discussed trade, defence and the situation in the region on Monday."


def test_a_web_pages_own_machinery_is_boilerplate() -> None:
    for line in (
        "Skip to main content",
        "Reading Time: < 1 minute",
        "We apologize, but this video has failed to load.",
        "This advertisement has not loaded yet, but your article continues below.",
        "※ This article has been translated by AI.",
        "News Code 161772",
        "Asia Pacific",
        "General News",
        "Short Url",
        "#GovZAUpdates",
    ):
        assert _unit_between(BODY, line, BODY) is Unit.BOILERPLATE, line


def test_a_related_story_heading_and_the_stories_under_it_are_links() -> None:
    text = (
        f"Ministers meet in Moscow\n\n{BODY}\n\nMore Stories From World\n"
        "Malaysia's king wants new premier to face confidence vote\n"
        "Death toll since coup tops 1,000\n"
    )
    units = dict(_units(text))
    assert units["More Stories From World"] is Unit.LINK
    assert units["Death toll since coup tops 1,000"] is Unit.LINK


def test_a_headline_shown_again_is_the_headline_not_a_standfirst() -> None:
    text = (
        "Korea, Japan foreign ministers hold phone talks\n"
        "Home > National > Politics\n"
        "Korea, Japan foreign ministers hold phone talks\n\n"
        f"{BODY}\n"
    )
    units = _units(text)
    assert [u for _, u in units[:3]] == [Unit.HEADLINE, Unit.BOILERPLATE, Unit.HEADLINE]


def test_photo_credits_in_more_shapes_make_their_neighbour_a_caption() -> None:
    for credit in (
        "(Sean Kilpatrick/The Canadian Press)",
        "REUTERS/Thabo Nkosi/File Photo Purchase Licensing Rights, opens new tab",
        "(Courtesy of/Foreign Ministry)",
        "EPA-EFE/BYAMBASUREN BYAMBA-OCHIR",
    ):
        text = (
            "Ministers meet in Jakarta\n\n"
            "Foreign Minister Sugiono shakes hands with his Indian counterpart in Jakarta\n"
            f"{credit}\n\n{BODY}\n"
        )
        units = dict(_units(text))
        assert units[credit] is Unit.CREDIT, credit
        shakes = "Foreign Minister Sugiono shakes hands with his Indian counterpart in Jakarta"
        assert units[shakes] is Unit.CAPTION, credit


def test_bylines_with_the_outlet_or_the_post_and_labelled_dates() -> None:
    assert _unit_between("Talks held", "Nadia Prameswari (The Jakarta Post)", BODY) is Unit.BYLINE
    assert _unit_between("Talks held", "LE THU HA, Nikkei staff writer", BODY) is Unit.BYLINE
    stamp = "Sumaira FH 2 minutes ago Thu 02nd April 2020 | 12:15 PM"
    assert _unit_between("Talks held", stamp, BODY) is Unit.BYLINE
    assert _unit_between(BODY, "Story first published: 20th March 2018", BODY) is Unit.DATELINE
    assert _unit_between(BODY, "22/07/2025", BODY) is Unit.DATELINE


def test_agency_credits_bylines_and_more_page_machinery() -> None:
    assert _unit_between(BODY, "(Yonhap)", BODY) is Unit.CREDIT
    assert _unit_between(BODY, "(PHOTO NOT FOR SALE) (Yonhap)", BODY) is Unit.CREDIT
    assert _unit_between("Talks held", "(Sajjad Hussain)", BODY) is Unit.BYLINE
    assert _unit_between("Talks held", "• Kyodo", BODY) is Unit.BYLINE
    for line in ("Comments are closed.", "More about:", "<Suggest To A Friend>", "• COVID-19"):
        assert _unit_between(BODY, line, BODY) is Unit.BOILERPLATE, line
    assert _unit_between(BODY, "By subscribing, you can help us get the story right.", BODY) is (
        Unit.LINK
    )


def test_a_news_pages_first_line_is_its_headline_even_in_a_titles_words() -> None:
    text = f"Outgoing FM holds phone call with American counterpart\n\n{BODY}\n"
    assert _units(text)[0][1] is Unit.HEADLINE
    assert _units(text, official=True)[0][1] is Unit.TITLE


def test_a_two_sentence_caption_that_ends_in_its_credit() -> None:
    caption = (
        "Foreign Minister Anita Anand speaks with reporters in Ottawa on Sept. 17. "
        "Anand met her Indian counterpart in New Delhi on Monday. "
        "(Sean Kilpatrick/The Canadian Press)"
    )
    text = f"Canada and India agree on a roadmap\n\n{caption}\n\n{BODY}\n"
    units = [u for _, u in _units(text)]
    assert units[:4] == [Unit.HEADLINE, Unit.CAPTION, Unit.CAPTION, Unit.CREDIT]


def test_comment_forms_source_credits_desk_bylines_and_wire_datelines() -> None:
    for line in ("Leave a Reply", "Required fields are marked *", "Topic | China-EU relations"):
        assert _unit_between(BODY, line, BODY) is Unit.BOILERPLATE, line
    assert _unit_between(BODY, "(Source: PTI)", BODY) is Unit.CREDIT
    assert _unit_between(BODY, "— Photo courtesy: ISPR", BODY) is Unit.CREDIT
    assert _unit_between("Talks held", "World Bulletin / News Desk", BODY) is Unit.BYLINE
    assert _unit_between(BODY, "BONN, Germany, Feb. 17, Kyodo", BODY) is Unit.DATELINE
    assert _unit_between(BODY, "--SPA", BODY, official=True) is Unit.BOILERPLATE


def test_a_lead_with_a_joint_dateline_ends_the_standfirst() -> None:
    text = (
        "Seoul, Tokyo discuss abductions\n\n"
        "SEOUL/TOKYO, March 23 (Yonhap) -- South Korea's unification minister met Japan's "
        "foreign minister on Thursday to discuss the abduction issue.\n"
        f"{BODY}\n"
    )
    assert [u for _, u in _units(text)][:2] == [Unit.HEADLINE, Unit.CLAIM]


def test_a_sites_name_alone_and_run_into_its_time_stamp() -> None:
    assert _unit_between(BODY, "DAWN.COM", BODY) is Unit.BOILERPLATE
    assert _unit_between(BODY, "National", BODY) is Unit.BOILERPLATE
    assert _unit_between(BODY, "Dawn.comUpdated 11 Aug 2020", BODY) is Unit.DATELINE


def test_a_news_agencys_closing_tag_is_its_credit() -> None:
    for line in ("(NAN)", "– KUNA", "--IANS rn/rtp"):
        assert _unit_between(BODY, line, "") is Unit.CREDIT, line


_ARTICLE = (
    "Jaishankar and Wong discuss critical minerals and Indo-Pacific security in Canberra\n"
    "External Affairs Minister S Jaishankar met Australian Foreign Minister Penny Wong in "
    "Canberra on Monday for the annual foreign ministers' framework dialogue.\n"
    "The two ministers discussed critical minerals, maritime security in the Indo-Pacific "
    "and the Quad, the Department of Foreign Affairs and Trade said.\n"
    "Wong said Australia and India would sign a critical minerals investment partnership "
    "before the end of the year.\n"
    "Jaishankar told reporters the Quad remained central to a free and open Indo-Pacific.\n"
    "The ministers also reviewed defence cooperation and student mobility.\n"
    "India is Australia's sixth-largest trading partner, with two-way trade of about "
    "A$50 billion.\n"
)


def test_an_off_topic_run_of_headlines_at_the_foot_of_a_page_is_links() -> None:
    block = (
        "You may like\n"
        "Heavy rain floods three districts as rivers burst their banks\n"
        "2 hours -\n"
        "Central bank holds interest rates steady for a fifth month\n"
        "3 hours -\n"
        "Football federation names new coach ahead of qualifiers\n"
        "Pop star announces stadium tour after record album sales\n"
    )
    units = dict(_units(_ARTICLE + block))
    for line in block.splitlines():
        if not line.endswith("-"):
            assert units[line] is Unit.LINK, line
    assert units["The ministers also reviewed defence cooperation and student mobility."] is (
        Unit.CLAIM
    )


def test_an_article_ending_on_its_own_topic_keeps_its_claims() -> None:
    # Finished paragraphs off the lede's words, and a subhead: the article's own, not a block.
    ending = (
        "Critical minerals\n"
        "Canberra has offered concessional finance for lithium processing projects.\n"
        "New Delhi wants long-term supply contracts for cobalt and rare earths.\n"
        "Officials said the first shipments could arrive next year.\n"
    )
    units = dict(_units(_ARTICLE + ending))
    for line in ending.splitlines()[1:]:
        assert units[line] is Unit.CLAIM, line
    # A block of other stories on the article's own subject is not told apart by its words.
    related = (
        "Jaishankar to visit Canberra for foreign ministers' dialogue\n"
        "Wong and Jaishankar discuss Quad and critical minerals\n"
        "India and Australia sign critical minerals investment partnership\n"
    )
    units = dict(_units(_ARTICLE + related))
    assert all(units[line] is not Unit.LINK for line in related.splitlines())


def test_a_picture_described_by_positions_or_by_a_participle_is_a_caption() -> None:
    before = "Wong and Jaishankar meet in Canberra\nThe ministers met on Monday."
    after = "They discussed critical minerals, the ministry said."
    assert (
        _unit_between(
            before,
            "Foreign Minister Penny Wong (left) with External Affairs Minister S Jaishankar in "
            "Canberra on Monday.",
            after,
        )
        is Unit.CAPTION
    )
    assert (
        _unit_between(
            before, "Foreign Minister Penny Wong greeting her Indian counterpart yesterday.", after
        )
        is Unit.CAPTION
    )
    # A participle after a subordinating word opens a clause of the body.
    assert (
        _unit_between(
            before, "While speaking about the meeting, Wong said it had been productive.", after
        )
        is Unit.CLAIM
    )
    assert _unit_between(
        before, "Wong said the talks (left unfinished in May) resumed.", after
    ) is (Unit.CLAIM)


def test_the_related_block_does_not_run_back_into_the_articles_last_paragraphs() -> None:
    # Background paragraphs share few words with the lede, but they are finished and long.
    ending = (
        "Tensions between the two neighbours flared in February after a suicide bombing "
        "killed dozens of paramilitary police officers in the disputed region of Kashmir.\n"
        "Diplomatic contacts have been frozen since, with trade suspended and airspace "
        "closed to each other's carriers for much of the following summer season.\n"
        "Heavy rain floods three districts as rivers burst their banks\n"
        "Central bank holds interest rates steady for a fifth month\n"
        "Football federation names new coach ahead of qualifiers\n"
    )
    units = dict(_units(_ARTICLE + ending))
    lines = ending.splitlines()
    assert [units[line] for line in lines[:2]] == [Unit.CLAIM, Unit.CLAIM]
    assert all(units[line] is Unit.LINK for line in lines[2:])
    # A story's teaser under its headline stays inside the block.
    teaser = (
        "More from the region\n"
        "Heavy rain floods three districts as rivers burst their banks\n"
        "Rescue teams worked through the night in the river valleys as water levels kept "
        "rising and thousands of families were moved to schools and temples.\n"
        "Central bank holds interest rates steady for a fifth month\n"
        "Football federation names new coach ahead of qualifiers\n"
    )
    units = dict(_units(_ARTICLE + teaser))
    assert all(units[line] is Unit.LINK for line in teaser.splitlines()), units


def test_a_comment_box_and_the_pages_counters_are_boilerplate() -> None:
    furniture = [
        "183",
        "0 / 0",
        "0 replies",
        "Want to join the discussion?",
        "Feel free to contribute!",
        "This site uses Akismet to reduce spam.",
        "Learn how your comment data is processed.",
        "This news has been read 148 times in total",
        "Story highlights",
    ]
    units = dict(_units(_ARTICLE + "\n".join(furniture) + "\n"))
    for line in furniture:
        assert units[line] is Unit.BOILERPLATE, line
    # Figures inside a sentence are a claim's.
    assert _unit_between("Trade talks", "Two-way trade rose 12 per cent to $41 billion.", "") is (
        Unit.CLAIM
    )


def test_a_sites_promotion_of_its_app_accounts_and_membership_is_links() -> None:
    promos = [
        "For latest news on mobile and tablet, download IndiaTV Android app and iOS app.",
        "You can also follow AzerNEWS on Twitter @AzerNewsAz or Facebook @AzerNewsNewspaper",
        "Sign in to unlock member-only benefits!",
        "Choose to support open, independent, quality journalism and subscribe on a monthly basis.",
    ]
    units = dict(_units(_ARTICLE + "\n".join(promos) + "\n"))
    for line in promos:
        assert units[line] is Unit.LINK, line
    story = "The ministry asked travellers to download the government's health app."
    assert _unit_between("Travel rules", story, "") is Unit.CLAIM


def test_credits_of_names_joined_by_slashes_and_their_captions() -> None:
    before = "Japan and Australia agreed to deepen defence ties on Wednesday.\n"
    after = "\nThe ministers met in Tokyo for two hours and agreed to meet again next year."
    for line in (
        "Eugene Hoshiko/Pool via REUTERS",
        "(Xinhua/Li Xueren)",
        "Peter Draper / Instagram",
        "All photographs: Leah Millis/Pool/Reuters",
        "(C) BFN News / Twitter",
        "Yonhap |",
        "(Excerpts : Xinhua)",
    ):
        assert _unit_between(before, line, after) is Unit.CREDIT, line
    # Initials and section labels joined by slashes are no photo credit.
    assert _unit_between(before, "World Bulletin / News Desk", after) is Unit.BYLINE
    assert _unit_between(before, "NATIONAL / POLITICS", after) is not Unit.CREDIT
    units = dict(
        _units(
            "Japan and Australia agreed to deepen defence ties on Wednesday.\n\n"
            "Foreign Minister Park Jin answers reporters' questions upon arriving in Jakarta\n"
            "Yonhap |\n\n"
            "Media caption,\n"
            "David Cameron greets President Zardari at Chequers\n\n"
            "The two leaders discussed the floods and counter-terrorism co-operation."
        )
    )
    assert (
        units["Foreign Minister Park Jin answers reporters' questions upon arriving in Jakarta"]
        is Unit.CAPTION
    )
    assert units["Media caption,"] is Unit.CAPTION
    assert units["David Cameron greets President Zardari at Chequers"] is Unit.CAPTION


def test_page_interface_words_and_related_story_headings() -> None:
    before = "The ministers met in Tokyo on Wednesday.\n"
    after = "\nThey agreed to meet again next year in Canberra."
    for line in (
        "top of page",
        "Exit mobile version",
        "blog comments powered by Disqus",
        "Click allow to subscribe",
        "Viewed by: 314",
        "Not rated yet",
        "Thumbnail",
        "Posted in: ASIA-PACIFIC,WORLD FOCUS",
        "Hindustantimes wants to start sending you push notifications.",
    ):
        assert _unit_between(before, line, after) is Unit.BOILERPLATE, line
    for line in ("Check Also", "Featured Posts", "Link: https://www3.nhk.or.jp/news/20170320_11/"):
        assert _unit_between(before, line, after) is Unit.LINK, line


def test_date_lines_comment_boxes_feed_notes_and_tag_runs() -> None:
    before = "The ministers met in Cairo on Thursday.\n"
    after = "\nThey agreed to meet again next month in Amman."
    for line in (
        "Fri, 09/07/2012 - 15:25",
        "2024-03-21 | 11:52",
        "11:15 08.09.2020",
        "08/19/2019 | 02:39am EDT",
    ):
        assert _unit_between(before, line, after) is Unit.DATELINE, line
    # An ID of digits and dashes is no date.
    assert _unit_between(before, "440-06-03-2024", after) is not Unit.DATELINE
    for line in (
        "ADVERTISEMENT",
        "No comments:",
        "Please enter your comment!",
        "Legal Disclaimer:",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "You are here",
        "Kuala Lumpur 30°C, Mostly Cloudy",
        "17 users have voted.",
        "#Malaysia #Indonesia #foreign minister #ASEAN",
    ):
        assert _unit_between(before, line, after) is Unit.BOILERPLATE, line
    units = _units(
        "The ministers met in Cairo on Thursday and agreed to meet again next month.\n\n"
        "Middle East News\nCairo\nForeign Ministers\nCeasefire\n"
    )
    assert [u for _, u in units[1:]] == [Unit.BOILERPLATE] * 4
    assert (
        _unit_between(
            before,
            "Telephone Talks between Foreign Minister Kishida and Secretary of State Kerry",
            after,
            official=True,
        )
        is Unit.TITLE
    )


def test_page_controls_comment_lines_issuer_and_agency_credits() -> None:
    before = "The ministers met in Seoul on Friday.\n"
    after = "\nThey agreed to meet again next month in Tokyo."
    for line in (
        "Show More",
        "Back to top button",
        "SUBMIT",
        "How can we improve?",
        "Anonymous said...",
        "One thought on “Harper and Obama: The Phone Call”",
        "The below is attributable to Spokesperson Ned Price:",
    ):
        assert _unit_between(before, line, after) is Unit.BOILERPLATE, line
    for line in ("Yonhap", "DHA photo", "(Screenshot)"):
        assert _unit_between(before, line, after) is Unit.CREDIT, line
    assert (
        _unit_between(before, "(Reporting by Tetsushi Kajimoto, editing by Mike Peacock)", after)
        is Unit.BYLINE
    )


def test_a_standfirst_is_at_most_three_sentences() -> None:
    text = (
        "Minister meets envoys accredited to the Maldives\n\n"
        "The minister today met some non-resident ambassadors. The meeting was held "
        "virtually. Envoys of Canada, Norway and Turkey took part. The minister thanked "
        "them for their support.\n\n"
        "Ministry of Foreign Affairs, Male\n\n"
        "The two sides agreed to stay in close touch."
    )
    units = _units(text)
    assert units[0][1] is Unit.HEADLINE
    assert all(u is Unit.CLAIM for _, u in units[1:5])


def test_app_promos_syndication_notes_summary_heads_and_comma_placed_captions() -> None:
    before = "The ministers met in Wellington on Monday.\n"
    after = "\nThey agreed to meet again next year in Rarotonga."
    assert _unit_between(before, "Get the RNZ app for ad-free news and current affairs", after) is (
        Unit.LINK
    )
    assert (
        _unit_between(
            before,
            "This story has been syndicated from the Reuters newswire and has not been edited "
            "by our staff.",
            after,
        )
        is Unit.CREDIT
    )
    assert _unit_between(before, "In Summary", after) is Unit.BOILERPLATE
    assert _unit_between(before, "Rt Hon Winston Peters", after, official=True) is (
        Unit.BOILERPLATE
    )
    caption = (
        "Egyptian Foreign Minister Badr Abdelatty, centre, with Iran’s Abbas Araghchi, left, "
        "in Cairo on Tuesday"
    )
    assert _unit_between(before, caption, after) is Unit.CAPTION
    # A body sentence that places someone with commas and reports speech stays a claim.
    claim = "Abdelatty, centre, said the talks had been useful."
    assert _unit_between(before, claim, after) is Unit.CLAIM


def test_capital_subheads_skip_links_and_comment_prompts() -> None:
    text = (
        "Iran and Britain held talks in London on Monday, officials said.\n\n"
        "NUCLEAR TENSIONS AND SANCTIONS\n\n"
        "Western powers have long accused Iran of seeking nuclear weapons.\n\n"
        "By JANE DOE\n"
    )
    units = dict(_units(text))
    assert units["NUCLEAR TENSIONS AND SANCTIONS"] is Unit.HEADLINE
    before = "The ministers met in Doha on Sunday.\n"
    after = "\nThey agreed to meet again next month."
    for line in ('Press "Enter" to skip to content', "Be First to Comment", "• Country:"):
        assert _unit_between(before, line, after) is Unit.BOILERPLATE, line
    assert _unit_between(before, "More articles", after) is Unit.LINK
