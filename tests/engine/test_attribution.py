import re

import pytest

from desktop.engine.attribution import attribute
from desktop.engine.vocabulary import Attribution, Unit


def _kinds(sentences: list[str]) -> list[Attribution]:
    return [a for a, _ in attribute(sentences)]


OFF, SRC, NAM, REP = (
    Attribution.OFFICIAL,
    Attribution.SOURCES,
    Attribution.NAMED,
    Attribution.REPORTER,
)


@pytest.mark.parametrize(
    ("sentence", "expected", "cue"),
    [
        (
            "“We value the partnership,” the ministry said in a statement.",
            OFF,
            "the ministry said in a statement",
        ),
        (
            "“They agreed to meet,” says the defence ministry statement.",
            OFF,
            "says the defence ministry statement",
        ),
        (
            "According to the readout, the two sides discussed trade.",
            OFF,
            "According to the readout",
        ),
        (
            "The White House readout said Biden had spoken to Modi.",
            OFF,
            "The White House readout said",
        ),
        (
            "MEA spokesperson Randhir Jaiswal said the visit was productive.",
            OFF,
            "MEA spokesperson Randhir Jaiswal said",
        ),
        (
            "The Ministry of External Affairs said the talks were candid.",
            OFF,
            "The Ministry of External Affairs said",
        ),
        ("Sources said Pakistan came up during the call.", SRC, "Sources said"),
        ("It is understood that engine deliveries also figured.", SRC, "It is understood"),
        ("It is learnt that preparations were discussed.", SRC, "It is learnt"),
        ("Indian officials, speaking on condition of anonymity, insisted it came up.", SRC, None),
        ("A person familiar with the matter said the text was revised.", SRC, None),
        ("An official who did not wish to be named described it as routine.", SRC, None),
        (
            "Officials in New Delhi said the tariffs were discussed.",
            SRC,
            "Officials in New Delhi said",
        ),
        ("In a post on X after the call, Modi said the talks were excellent.", NAM, "Modi said"),
        (
            "Briefing reporters, Foreign Secretary Vikram Misri said the border was raised.",
            NAM,
            None,
        ),
        ("Singh, addressing a rally in Lucknow, said India would respond.", NAM, None),
        ("The two leaders also discussed ways to augment defence ties.", REP, None),
        ("The readout made no mention of Taiwan.", REP, None),
        ("Neither the Pentagon readout nor the Indian release mentioned the operation.", REP, None),
        ("Hegseth was confirmed as Defence Secretary in January.", REP, None),
        ("He has since visited the United States twice.", REP, None),
    ],
)
def test_cue_families(sentence: str, expected: Attribution, cue: str | None) -> None:
    [(attribution, span)] = attribute([sentence])
    assert attribution is expected
    if cue is not None:
        assert span is not None
        assert sentence[span[0] : span[1]] == cue


def test_concessive_official_clause_yields_to_sources() -> None:
    sentence = (
        "While the defence ministry statement is silent on what transpired, sources said New Delhi "
        "conveyed that its action was proportionate."
    )
    [(attribution, span)] = attribute([sentence])
    assert attribution is Attribution.SOURCES
    assert span is not None and sentence[span[0] : span[1]] == "sources said"


def test_trailing_tag_governs_the_sentence() -> None:
    sentence = "Modi also conveyed his appreciation for Biden's commitment, the MEA said."
    assert attribute([sentence])[0][0] is Attribution.OFFICIAL


def test_it_adds_carries_the_statement_over() -> None:
    sentences = [
        "“The two sides reviewed ties,” the ministry said.",
        "Hegseth also invited Singh for a meeting.",
        "“They agreed to build on the momentum,” it adds.",
    ]
    assert _kinds(sentences) == [OFF, REP, OFF]


def test_quote_only_sentence_continues_the_previous_attribution() -> None:
    sentences = [
        "“We will not accept any third-party mediation,” the spokesperson said.",
        "“Our position is clear and consistent.”",
    ]
    assert _kinds(sentences) == [OFF, OFF]


def test_translation_gloss_inherits_from_the_quotation() -> None:
    sentences = [
        "Modi, writing on X in Hindi, said: “सार्थक बातचीत हुई।”",
        "Roughly translated, the post said he had a productive conversation.",
    ]
    assert _kinds(sentences) == [NAM, NAM]


def test_headlines_and_datelines_are_reporter_even_with_a_source_verb() -> None:
    sentences = ["India to trim oil imports, officials say", "NEW DELHI, Oct 3"]
    assert _kinds(sentences) == [REP, REP]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A dash aside between the subject and its verb (hyphens or em dashes).
        ("The embassy - which gave no figures - said the talks would go on.", OFF),
        ("The ministry — which posted its account on Telegram late on Tuesday — said so.", OFF),
        # Government bodies spoken of without their country.
        ("The exercise would go ahead, the military said on Sunday.", OFF),
        ("Both leaders agreed to meet again, the Chinese side said.", OFF),
        # A plain "has said" is a statement; only "has long said" sums up a position.
        ("Japan has said the agreement was reached directly.", OFF),
        ("Japan has long said the agreement was reached directly.", REP),
        # A denied statement reports nothing.
        ("Ottawa has not confirmed the figure.", REP),
        # "called" a person: a telephone call, not words termed.
        ("President Ruto on Monday called Prime Minister Starmer to discuss trade.", REP),
        ("Lee called Korean shipbuilding “a pillar of the partnership”.", NAM),
        # An institution's employee on the record in their own name; its spokesperson is official.
        ("Kremlin aide Yuri Ushakov told reporters the call lasted an hour.", NAM),
        ("Kremlin spokesman Dmitry Peskov said the call lasted an hour.", OFF),
        # Speaking "in the statement": the statement under study, whoever speaks.
        ("The two countries said in the statement that trade should grow.", OFF),
        ("“We are partners,” Tanaka was quoted as saying in the statement.", OFF),
        ("Prime Minister Carney said in a statement that he was pleased.", NAM),
        # A bare plural of a common noun is nobody on the record; a name ending in -s is not one.
        ("Critics said the response fell short.", SRC),
        ("Analysts say the deal is fragile.", SRC),
        ("Reuters said the deal was fragile.", NAM),
        # A statement as the subject of an active past verb says what follows; its own
        # copula or passive, or a present-tense description, is the reporter's.
        ("The joint statement condemned terrorism in all its forms.", OFF),
        ("The statement was issued by the envoy in her own name, which the board noted.", REP),
        ("The statement is the sharpest since the council first reported on it.", REP),
        ("The statement comes at a delicate moment for the two countries.", REP),
        ("The statement followed a week of clashes on the border.", REP),
    ],
)
def test_subject_and_verb_families(sentence: str, expected: Attribution) -> None:
    assert attribute([sentence])[0][0] is expected


def test_it_added_after_sources_stands_for_the_statement() -> None:
    sentences = [
        "Sources said the talks were tense.",
        "The two sides also discussed visas, it added.",
    ]
    assert _kinds(sentences) == [SRC, OFF]


def test_a_forwarded_release_is_the_statement_down_to_the_next_forward() -> None:
    sentences = [
        "---------- Forwarded message ---------",
        "Subject: Press Release: Foreign Ministers' Dialogue",
        "The Ministers reviewed bilateral cooperation.",
        "“Our ties are strong,” the minister said in his opening remarks.",
        "---------- Forwarded message ---------",
        "Subject: notes",
        "The two sides did not mention visas.",
    ]
    units = [Unit.FORWARD, Unit.FORWARD, Unit.CLAIM, Unit.CLAIM]
    units += [Unit.FORWARD, Unit.FORWARD, Unit.CLAIM]
    assert [a for a, _ in attribute(sentences, units)] == [REP, REP, OFF, OFF, REP, REP, REP]


def test_a_spokesperson_introduced_in_apposition_keeps_the_role_at_a_briefing() -> None:
    sentences = [
        "The regime’s spokesman, Maj-Gen Aung Kyaw, dismissed the criticism.",
        "Kyaw said the vote would go ahead.",
        "Kyaw has rejected the claims, saying at a news briefing that aid was flowing.",
    ]
    assert _kinds(sentences)[1:] == [OFF, OFF]


def test_a_post_without_lead_in_is_the_paragraph_above_its_signature() -> None:
    sentences = [
        "Her reply came on Saturday evening.",
        "Welcome the ceasefire.",
        "Both sides must respect it.",
        "Dialogue is the only way forward.",
        "— Jane Roe (@janeroe) May 10, 2025",
    ]
    units = [Unit.CLAIM] * 4 + [Unit.SIGNATURE]
    kinds = [a for a, _ in attribute(sentences, units, paragraphs=[0, 1, 1, 1, 1])]
    assert kinds == [REP, NAM, NAM, NAM, NAM]
    # Without paragraphs only the line above the signature is known to be the post.
    assert [a for a, _ in attribute(sentences, units)][:3] == [REP, REP, REP]


def test_a_noun_that_looks_like_a_reporting_verb_does_not_swallow_the_opening_cue() -> None:
    sentences = [
        "Beijing says the rigs, in a zone where the two countries’ maritime claims overlap, "
        "are fish farms.",
        # A relative clause on the subject keeps its own verb out of the subject.
        "The military — which described the attack only as unprovoked — said two posts fell.",
    ]
    (first, first_cue), (second, _) = attribute(sentences)
    assert first is Attribution.OFFICIAL
    assert first_cue is not None and sentences[0][first_cue[0] : first_cue[1]] == "Beijing says"
    assert second is Attribution.OFFICIAL


def test_state_media_reports_are_the_governments_account_a_papers_are_its_own() -> None:
    sentences = [
        "Russia’s state news agency Tass reported that the leaders discussed a nuclear plant.",
        "State-run Anadolu Agency, citing the directorate, reported that Erdogan urged calm.",
        "The Hindu reported that the talks were tense.",
    ]
    # Another paper on the record is a named source (tests/cases/README.md, Attribution).
    assert _kinds(sentences) == [
        Attribution.OFFICIAL,
        Attribution.OFFICIAL,
        Attribution.NAMED,
    ]


def test_a_governments_account_is_its_statement() -> None:
    sentences = [
        "In Beijing’s account of the meeting, Mr Wang said the two sides should talk more.",
        "In New Delhi’s readout, the two sides agreed to meet again.",
        "In Lammy’s telling, the talks were warm.",
    ]
    found = _kinds(sentences)
    assert found[:2] == [Attribution.OFFICIAL, Attribution.OFFICIAL]
    assert found[2] is not Attribution.OFFICIAL


def test_an_office_named_by_a_list_is_one_subject() -> None:
    sentences = [
        "According to the Foreign, Commonwealth and Development Office, the two sides agreed.",
        "According to the Ministry of Trade, Industry and Energy, exports rose.",
        "Modi, Xi and Putin met in Tianjin, officials said.",
    ]
    assert _kinds(sentences) == [
        Attribution.OFFICIAL,
        Attribution.OFFICIAL,
        Attribution.SOURCES,
    ]


def test_a_reporting_verb_used_as_a_plural_noun_is_no_cue() -> None:
    sentences = [
        "New Delhi has rejected Trump’s repeated claims that Washington brokered the truce.",
        "China claims the whole sea.",
    ]
    (first, _), (second, _) = attribute(sentences)
    assert first is Attribution.REPORTER
    assert second is Attribution.OFFICIAL


def test_a_spokesperson_at_a_press_conference_is_official_a_minister_there_named() -> None:
    sentences = [
        "Speaking at a press conference in Islamabad, Foreign Office spokesperson Shafqat "
        "Ali Khan said Pakistan wanted peace.",
        "Speaking at a press conference, Jaishankar said the talks went well.",
    ]
    assert _kinds(sentences) == [Attribution.OFFICIAL, Attribution.NAMED]


def test_japans_chief_cabinet_secretary_speaks_for_the_government_and_a_hedged_denial() -> None:
    sentences = [
        "Chief Cabinet Secretary Minoru Kihara told a regular news conference that dialogue "
        "was needed.",
        "“Dialogue is necessary,” Kihara said.",
        "New Delhi has not formally announced the trip.",
    ]
    assert _kinds(sentences) == [
        Attribution.OFFICIAL,
        Attribution.OFFICIAL,
        Attribution.REPORTER,
    ]


def test_speech_only_verbs_report_and_act_verbs_do_not() -> None:
    sentences = [
        "Jaishankar tweeted that the talks were candid.",
        "The ministry hinted that a visit could follow.",
        "Rubio cautioned that tariffs would stay.",
        "The spokesperson replied that India's position was well known.",
        "Beijing responded by halting imports of seafood.",
    ]
    assert _kinds(sentences) == [
        Attribution.NAMED,
        Attribution.OFFICIAL,
        Attribution.NAMED,
        Attribution.OFFICIAL,
        Attribution.REPORTER,
    ]


def test_an_inverted_tag_after_a_quotation_names_a_person_or_an_office() -> None:
    sentences = [
        "“The visit is parked for now,” said Ayumi Kurosawa, a China specialist at Keio University.",
        "“We will act,” said State Department spokesperson Tammy Bruce.",
        "“We will act,” said Pakistan foreign ministry spokesman Shafqat Ali Khan.",
        "“Nothing was agreed,” said one official who asked not to be named.",
    ]
    assert _kinds(sentences) == [NAM, OFF, OFF, SRC]


def test_a_post_mentioned_but_not_reported_is_the_reporters_and_opens_no_post_block() -> None:
    sentences = [
        "The prime minister later posted about the call on X.",
        "Had a warm conversation with my dear brother President Erdogan.",
        "We agreed to fast-track trade and defence cooperation.",
        "— Shehbaz Sharif (@CMShehbaz) October 31, 2025",
    ]
    units = [Unit.CLAIM] * 3 + [Unit.SIGNATURE]
    assert [a for a, _ in attribute(sentences, units)] == [REP, NAM, NAM, NAM]
    assert _kinds(["Modi posted on X that the call was warm."]) == [NAM]


def test_sourcing_without_a_name_and_a_non_answer() -> None:
    sentences = [
        "Security and defence experts say they believe the talks will stall.",
        "They are also learnt to have discussed Afghanistan.",
        "A second person said the call ran long.",
        "According to the official Emirates News Agency WAM, the two discussed Gaza.",
        "Per the tweet, the two sides talked about trade.",
        "The White House did not immediately respond to questions about the call.",
    ]
    assert _kinds(sentences) == [SRC, SRC, SRC, OFF, NAM, REP]


def test_an_office_holder_by_title_and_a_post_by_platform() -> None:
    sentences = [
        "The minister noted that the talks lasted two hours.",
        "Jaishankar took to Twitter to inform that both leaders discussed trade.",
        "He made it clear that Bilawal would come only for the summit.",
    ]
    assert _kinds(sentences) == [NAM, NAM, NAM]


def test_narrating_verbs_need_a_quotation_or_an_occasion_to_be_named_speech() -> None:
    sentences = [
        "Macron reiterated France's backing for a trade agreement.",
        "Son called for both sides to respect each other's rights.",
        "Xi called for the “dragon and the elephant” to come together.",
        "Wang stressed at a press conference that China wanted stable ties.",
        "Taking to Twitter, Bilawal confirmed that he received the call.",
    ]
    assert _kinds(sentences) == [REP, REP, NAM, NAM, NAM]


def test_the_head_of_a_military_media_wing_speaks_for_it_and_neither_is_no_cue() -> None:
    sentences = [
        "DG ISPR also mentioned that the army chief had not come to the office.",
        "The ministers met a week after Singh refused to sign the communique as the "
        "document neither mentioned the attack nor India's concerns.",
    ]
    assert _kinds(sentences) == [OFF, REP]


def test_a_spokesperson_introduced_after_the_name_keeps_the_role() -> None:
    sentences = [
        "Mrs Sarah Sanda, the Special Assistant to the Minister on Media, disclosed this "
        "in a statement on Sunday.",
        "According to Sanda, the minister will meet his counterpart on Monday.",
        "Sanda said that the minister met Nigerians living in Namibia.",
        "In Washington, State Department spokesperson Tammy Bruce said the talks went well.",
        "Washington said it would not comment.",
    ]
    kinds = _kinds(sentences)
    assert kinds[:4] == [OFF, OFF, OFF, OFF]
    assert kinds[4] is OFF  # a government by its capital, not a remembered spokesperson


def test_a_denial_is_on_record_speech_and_a_statement_keeps_its_issuer() -> None:
    kinds = _kinds(
        [
            "Military spokesperson Major General Asif Ghafoor has rejected a report that the "
            "army chief met the chief minister.",
            "The ISPR chief denied any such meeting during the last 72 hours.",
            "A statement from the minister's spokesman, Alkasim Abdulkadir, on Wednesday read: "
            "“Today the minister met the envoy.”",
        ]
    )
    assert kinds == [OFF, OFF, OFF]
    # An act of rejecting (a proposal, a plan) is no statement about a report.
    assert _kinds(["The army rejected the proposal for a joint patrol."]) == [REP]


def test_state_media_by_name_and_a_statement_set_between_commas() -> None:
    kinds = _kinds(
        [
            "Xinhua reported that Xi told Biden the relationship must not slide into conflict.",
            "Tass reported that Putin and Modi discussed energy.",
            "Dar, according to a statement issued by the Foreign Office, said Pakistan "
            "wanted peace.",
        ]
    )
    assert kinds == [OFF, OFF, OFF]
    # An agency passing on a source's word reports the source's account.
    assert _kinds(
        ["Kyodo News, citing a diplomatic source, reported that Wang had not replied."]
    ) == [SRC]
    # A person named between commas is no statement.
    assert _kinds(["Dar, according to Ishaq Khan, said Pakistan wanted peace."]) == [NAM]


def test_a_relative_clause_between_commas_leaves_the_subject_before_it() -> None:
    assert _kinds(
        [
            "Jaishankar, who spoke to reporters after the meeting, said the border had been "
            "discussed at length."
        ]
    ) == [NAM]
    assert _kinds(
        ["The ministry, which issued its account after the call, said trade came up."]
    ) == [OFF]


def test_a_reporting_clause_between_commas_after_the_subject_governs() -> None:
    # "X, <tag>, verb …": the tag set between commas names the source of the whole sentence.
    assert _kinds(
        [
            "The Russian readout said the ministers had discussed the summit.",
            "Belousov, it said, called the relationship “time-tested”.",
        ]
    ) == [OFF, OFF]
    assert _kinds(
        ["Macron, people aware of the matter said, told Modi that France opposed tariffs."]
    ) == [SRC]
    assert _kinds(["The two ministers, the ministry said, agreed to meet again."]) == [OFF]
    # A phrase between commas that names no speaker is no aside: the subject before it is.
    assert _kinds(["Singh, in a post on X, said the talks had gone well."]) == [NAM]


def test_a_nickname_in_quotation_marks_is_part_of_a_spokespersons_name() -> None:
    kinds = _kinds(
        [
            "Foreign Ministry spokesperson Rolliansyah “Roy” Soemirat said the talks went well.",
            "Asked about flights, Roy said talks between airlines were at an advanced stage.",
        ]
    )
    assert kinds == [OFF, OFF]


def test_sentences_inside_a_quotation_that_a_lead_in_opened_are_the_speakers() -> None:
    kinds = _kinds(
        [
            "A spokesperson for the Foreign Secretary said:",
            "“During their meeting, the two discussed Iran.",
            "On Syria, they reflected on recent developments.",
            "They will meet again in Paris tomorrow.”",
            "The talks came a week after the summit.",
        ]
    )
    assert kinds[1:] == [OFF, OFF, OFF, REP]
    # Straight marks open and close alike: they carry nothing past their own sentence.
    assert _kinds(
        [
            '"That is what diplomacy is about," the foreign secretary said.',
            "Also on Tuesday, the prime minister held talks with the secretary of state.",
        ]
    ) == [NAM, REP]


def test_what_a_participant_told_a_titled_person_is_narration() -> None:
    kinds = _kinds(
        [
            "Japan's Foreign Minister Fumio Kishida held talks with his Russian counterpart, "
            "Sergei Lavrov, in Tokyo.",
            "Kishida told Lavrov that he wanted to discuss a range of issues.",
            "Kishida told reporters that the talks had been useful.",
        ]
    )
    assert kinds[1:] == [REP, NAM]


def test_state_media_after_a_time_phrase_and_people_quoted_by_an_outlet() -> None:
    assert _kinds(
        ["Ahead of the meeting, TASS reported that the leaders would discuss Kabul."]
    ) == [OFF]
    assert _kinds(["As per TASS, Lavrov will also attend a meeting of CIS diplomats."]) == [OFF]
    assert _kinds(["The newspaper quoted Sheikh Sultan as adding that unity was a duty."]) == [NAM]
    assert _kinds(["Earlier, the White House reported on the leaders' conversation."]) == [REP]
    assert _kinds(["But the Prime Minister joked that he was glad to be going to the judo."]) == [
        NAM
    ]


def test_other_outlets_reporting_are_named_and_an_official_statement_is_official() -> None:
    assert _kinds(["The two sides agreed to meet again, PTI reported."]) == [NAM]
    assert _kinds(["The Wall Street Journal reported that three versions were presented."]) == [NAM]
    assert _kinds(["The two sides agreed to meet again, the ministry reported."]) == [OFF]
    assert _kinds(["The talks were held in a cordial atmosphere, an official statement said."]) == [
        OFF
    ]


def test_a_pattern_tried_only_with_its_needles_matches_nowhere_without_them() -> None:
    from desktop.engine import attribution as a
    from tests.corpus import case_lines

    lines = case_lines()
    texts = [
        v for line in lines for v in (line, line.upper(), line.swapcase(), a._mask_quotes(line))
    ]
    guarded = [
        (a._ANONYMOUS, a._ANONYMOUS_NEEDLES, True),
        (a._STATEMENT_PHRASE, a._STATEMENT_NEEDLES, True),
        (a._GOVERNMENT_ACCOUNT, a._ACCOUNT_NEEDLES, False),
        (a._DOCUMENT_SUBJECT, a._DOCUMENT_NEEDLES, True),
        (a._ACCORDING, a._ACCORDING_NEEDLES, True),
        (a._REPORTED, a._REPORTED_NEEDLES, False),
        (a._OMISSION, a._OMISSION_NEEDLES, True),
    ]
    for pattern, needles, folded in guarded:
        assert bool(pattern.flags & re.I) is folded
        assert all(n == n.lower() and n.isascii() for n in needles)
        matched = 0
        for text in texts:
            if pattern.search(text):
                matched += 1
                blind = any(ch in text for ch in a._CASE_FOLDING_EXCEPTIONS)
                assert needles.present(text.lower() if folded else text, blind), text
        assert matched > 2, pattern.pattern


def test_a_press_secretary_and_a_ministrys_unnamed_spokesperson_are_official() -> None:
    assert _kinds(
        [
            "According to Pentagon Press Secretary, during the call, Secretary Austin reaffirmed ties."
        ]
    ) == [OFF]
    assert _kinds(
        [
            "At today’s press briefing, the spokesperson of the Ministry of Foreign Affairs said "
            "the new envoys were able."
        ]
    ) == [OFF]


def test_unnamed_people_after_the_verb_or_quoted_by_a_report_are_sources() -> None:
    assert _kinds(["The two leaders also discussed regional issues, said officials."]) == [SRC]
    assert _kinds(
        ["An agency report quoted diplomats as saying the council would meet on Friday."]
    ) == [SRC]
