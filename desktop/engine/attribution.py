"""Who a sentence says its content comes from, and the words that say so (the cue).

A cue is a reporting verb with its subject ("the ministry said", "says the
statement", "according to the readout") or a fixed phrase ("it is understood",
"speaking on condition of anonymity", "in a post on X"). The subject decides the
class. When a sentence has several cues, the one that governs the main claim
wins: a cue opening the sentence, else a reporting tag after the claim, else
the first; cues inside quotations or inside a concessive clause ("While the
statement is silent on X, sources said Y") do not count.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from wordfreq import zipf_frequency

from desktop.engine.document import Span
from desktop.engine.phrases import CONCESSIVE as _CONCESSIVE
from desktop.engine.phrases import GLOSS as _GLOSS
from desktop.engine.phrases import OCCASION as _OCCASION
from desktop.engine.phrases import OMISSION as _OMISSION
from desktop.engine.vocabulary import Attribution, Unit

_VERBS = (
    r"said|says|say|saying|told|tells|tell|added|adds|stated|states|noted|notes|insisted|insists|"
    r"described|describes|confirmed|confirms|announced|announces|wrote|writes|posted|"
    r"maintained|maintains|claimed|claims|asserted|asserts|explained|explains|reiterated|"
    r"remarked|observed|called\s+for|calls\s+for|declared|declares|clarified|indicated|"
    r"revealed|disclosed|mentioned|argued|argues|warned|warns|acknowledged|acknowledges|conceded|"
    r"admitted|suggested|suggests|recalled|recounted|listed|quoted|contended|alleged|"
    r"pointed\s+out|went\s+on\s+to\s+say|made\s+(?:it\s+)?clear|underlined|underscored|emphasised|"
    r"emphasized|stressed|highlighted|tweeted|tweets|hinted|cautioned|cautions|replied|denied|denies|refuted|disputed|joked|quipped|hailed|pointed\s+to|"
    r"(?:rejected|rejects|dismissed|dismisses)(?=\s+(?:(?:a|the|these|those|such|any)\s+)?(?:(?:media|news|press)\s+)?(?:reports?|claims?|allegations?|suggestions?|speculation|statement|remarks|comments|assertions?)\b)|called(?!\s+(?:on|off|up|in|out|at|back|his|her|their|[A-Z])\b)|termed|was\s+quoted\s+as\s+saying|were\s+quoted\s+as\s+saying"
)
_REPORT = re.compile(
    rf"\b(?:also\s+|further\s+|later\s+|then\s+|had\s+|has\s+|have\s+)?(?P<verb>{_VERBS})\b"
)
_ACCORDING = re.compile(
    r"\b(?:according\s+to|as\s+per|per(?=\s+(?:the|a|an|his|her|its|their)\s))\s+(?P<subject>[^,;:“”\"]{2,90}?)(?=[,;:.“\"]|\s+(?:that|which|,)|$)",
    re.I,
)
# "…,” said the ministry." and "…,” said Nandini Rao, a fellow at …": the tag inverted
# after a quotation, its subject a determiner's noun phrase or a capitalised name or title.
_INVERTED = re.compile(
    rf"[,”\"]\s*(?P<verb>{_VERBS})\s+(?P<subject>(?:the|a|an|its|his|her)\s+[^,.;“”\"]{{2,70}}?|"
    # "…, said officials": unnamed people after the verb.
    r"(?:(?:senior|unnamed|two|three|several|western|indian|us|u\.s\.)\s+)?(?:officials|diplomats|sources)|"
    r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|for|and|de|al|bin|van|von|spokes(?:person|man|woman)|"
    r"minister|ministry|foreign|defence|defense|military|army|government|secretary|envoy|"
    r"ambassador|adviser|advisor|chief|deputy)){0,7})(?=[,.;]|$)"
)
_ANONYMOUS = re.compile(
    r"\b(?:it\s+is|it\s+was|it's)\s+(?:understood|learnt|learned|gathered|believed|reliably\s+learnt)\b|"
    r"\b(?:is|are|was|were)\s+(?:also\s+|further\s+)?(?:understood|learnt|learned|believed|said)\s+to\b|"
    r"\bon\s+(?:the\s+)?condition\s+of\s+anonymity\b|\brequested\s+anonymity\b|"
    r"\b(?:asked|requested|declined|refused|did\s+not\s+(?:wish|want)|didn't\s+(?:wish|want))\s+"
    r"(?:not\s+)?to\s+be\s+(?:named|identified|quoted)\b|\bwho\s+(?:spoke|speaks)\s+anonymously\b|"
    r"\b(?:people|persons?|officials?|sources?)\s+(?:familiar|aware|privy|close|briefed|"
    r"knowledgeable)\b|\breportedly\b|\bsources?\b",
    re.I,
)
# The platforms a post is made on.
_PLATFORM = (
    r"(?:X|Twitter|Facebook|Instagram|Telegram|Weibo|Truth\s+Social|LinkedIn|social\s+media)"
)
_SOCIAL = re.compile(
    r"\b(?:in\s+a\s+(?:post|tweet|video|message)\s+on\s+(?:X|Twitter|Facebook|Instagram|Weibo)|"
    r"(?:writing|wrote|posting|posted|said)\s+on\s+(?:X|Twitter|Weibo)|"
    r"(?:via|on|from)\s+(?:his|her|their)\s+(?:official\s+)?(?:account|handle|page)\s+on\s+"
    + _PLATFORM
    + r"\b|(?:[Tt]ook|[Tt]aking|[Tt]akes)\s+to\s+"
    + _PLATFORM
    + r"\b|in\s+a\s+(?:tweet|televised|"
    r"video)\b|told\s+reporters|briefing\s+(?:reporters|the\s+media|journalists)|"
    r"at\s+a\s+(?:news|press)\s+(?:conference|briefing)|in\s+an\s+interview|"
    r"(?:opening|televised)\s+remarks)",
)
_CLAUSE_BREAK = re.compile(
    r"[,;:()“”\"]|\b(?:that|which|and|but|as|while|whereas|after|when)\b", re.I
)

_OFFICIAL_HEADS = frozenset(
    [
        "statement",
        "statements",
        "readout",
        "readouts",
        "release",
        "releases",
        "communique",
        "communiqué",
        "declaration",
        "ministry",
        "mea",
        "mod",
        "mofa",
        "department",
        "pentagon",
        "kremlin",
        "house",
        "government",
        "embassy",
        "commission",
        "office",
        "pmo",
        "ispr",
        "army",
        "navy",
        "forces",
        "military",
        "side",
        "command",
        "headquarters",
        "forum",
        "conference",
        "council",
        "cabinet",
        "presidency",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "spokespersons",
        "version",
        "text",
        "texts",
        "document",
        "line",
        "note",
        "brief",
        "transcript",
        "account",
        "secretariat",
    ]
)
_SOURCE_HEADS = frozenset(
    [
        "sources",
        "source",
        "officials",
        "official",
        "diplomats",
        "diplomat",
        "insiders",
        "insider",
        "aides",
        "aide",
        "people",
        "person",
        "persons",
        "functionary",
        "functionaries",
        # Unnamed commentators: "Security and defence experts say …"
        "experts",
        "analysts",
        "observers",
        "commentators",
    ]
)
_PRONOUN_NAMED = frozenset({"he", "she"})
_PARENTHETICAL_STARTS = frozenset(
    [
        "in",
        "writing",
        "speaking",
        "circulated",
        "who",
        "addressing",
        "briefing",
        "talking",
        "posting",
        "appearing",
        "responding",
        "replying",
        "asked",
        "according",
    ]
)
_SENTENCE_END = frozenset('.!?।。”"’)')
_ADVERBIAL_OPENERS = frozenset(
    ["ahead", "before", "earlier", "later", "meanwhile", "however", "separately", "also"]
)
_PREPOSITIONS = frozenset(
    [
        "in",
        "of",
        "from",
        "at",
        "with",
        "for",
        "on",
        "close",
        "near",
        "inside",
        "within",
        "through",
        "after",
        "by",
        "during",
        "following",
    ]
)
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "they",
        "we",
        "it",
        "this",
        "that",
        "these",
        "those",
        "both",
        "two",
        "their",
        "our",
        "its",
        "his",
        "her",
        "there",
        "here",
        "one",
        "some",
        "many",
        "most",
        "all",
        "each",
    ]
)
_INSTITUTION_WORDS = frozenset(
    [
        "ministry",
        "department",
        "office",
        "government",
        "embassy",
        "house",
        "pentagon",
        "kremlin",
        "commission",
        "council",
        "mea",
        "mod",
        "mofa",
        "ispr",
        "pmo",
        "pib",
        "secretariat",
        "relations",
        "army",
        "navy",
        "headquarters",
        "cabinet",
    ]
)


@lru_cache(maxsize=1)
def government_names() -> frozenset[str]:
    """Every name ``data/governments.txt`` gives a government, lower case."""
    raw = (
        resources.files("desktop.engine")
        .joinpath("data/governments.txt")
        .read_text(encoding="utf-8")
    )
    names: set[str] = set()
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            _, _, listed = line.partition("\t")
            names.update(n.strip() for n in listed.split(",") if n.strip())
    return frozenset(names)


_TIME_WORDS = re.compile(
    r"\b(?:on|late|early|this|last)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|week|month|year|morning|evening|night)\b|\b(?:today|yesterday|also|later|"
    r"earlier|further|then|again|separately|too|has|had|have|had\s+earlier)\b|"
    r"\b(?:long|repeatedly|consistently|always|often)\s*$",
    re.I,
)
_SPOKESPERSON_OF = re.compile(
    r"\b(?:[Tt]he|[Aa])\s+(?:official\s+)?(?:spokes(?:person|man|woman)|press\s+secretary)\s+(?:of|for)\s+"
    r"the\s+(?:[A-Z][\w’'-]+\s+){0,2}(?:Ministry|Department|Office|Government|Foreign)\b"
)
_ROLE_INTRO = re.compile(
    r"\b(?P<role>[Ss]pokesperson|[Ss]pokesman|[Ss]pokeswoman|[Pp]ress\s+[Ss]ecretary|"
    r"[Ss]pokespersons?|[Cc]hief\s+[Cc]abinet\s+[Ss]ecretary)(?:,\s*|\s+)(?:of\s+the\s+\w+(?:\s+\w+)?\s+)?"
    # A nickname in quotation marks may stand inside the name: Rolliansyah “Roy” Soemirat.
    r"(?P<name>(?:(?:[A-Z][\w.’'-]+|[“\"][A-Z][\w’'-]+[”\"])\s+){0,3}[A-Z][\w’'-]+)"
)


def _government_subject(lower: Sequence[str]) -> bool:
    """ "Beijing", "the United States", "India's military", "state broadcaster CCTV"."""
    names = government_names()
    words = [
        w for w in lower if w not in {"the", "state", "broadcaster", "media", "news", "agency"}
    ]
    if not words:
        return False
    text = " ".join(words)
    if text in names:
        return True
    # "Pakistan's military", "the Chinese foreign ministry": a government name opens it
    # and an institution word closes it.
    return words[-1] in _CLOSING_WORDS and text.startswith(_government_openings())


_CLOSING_WORDS = _INSTITUTION_WORDS | {
    "military",
    "forces",
    "force",
    "government",
    "media",
    "police",
    "guard",
}


@lru_cache(maxsize=1)
def _government_openings() -> tuple[str, ...]:
    """Each government name and a space: what opens "Pakistan's military"."""
    return tuple(sorted(n + " " for n in government_names()))


@dataclass(frozen=True)
class AttributionResult:
    attribution: Attribution
    cue: Span | None


@dataclass(frozen=True)
class _Cue:
    attribution: Attribution | None  # None: carry over from the previous sentence
    start: int
    end: int
    leading: bool
    trailing: bool
    # "Belousov, it said, called …": a reporting clause set between commas after the
    # sentence's opening noun phrase governs the sentence.
    parenthetical: bool = False


_QUOTE_MARK = re.compile(r'[“«”»"]')
_NON_SPACE = re.compile(r"\S")


def _mask_quotes(sentence: str) -> str:
    """Blank out quoted words so that quoted speech never supplies a cue: every
    character but whitespace between quotation marks (the marks themselves stay)."""
    if not _QUOTE_MARK.search(sentence):
        return sentence
    parts: list[str] = []
    depth = 0
    straight = False
    last = 0
    for mark in _QUOTE_MARK.finditer(sentence):
        between = sentence[last : mark.start()]
        parts.append(_NON_SPACE.sub(" ", between) if depth > 0 or straight else between)
        ch = mark.group()
        if ch in "“«":
            depth += 1
        elif ch in "”»":
            depth = max(0, depth - 1)
        else:
            straight = not straight
        parts.append(ch)
        last = mark.end()
    rest = sentence[last:]
    parts.append(_NON_SPACE.sub(" ", rest) if depth > 0 or straight else rest)
    return "".join(parts)


_SUMMED_UP = re.compile(r"(?:has|have|had)\s+(?:argued|maintained|insisted|held|complained)\b")
_OVER_TIME = re.compile(r"\b(?:has|have|had)\s+(?:long|repeatedly|consistently|always|often)\s+$")
# A post or remark mentioned but not reported: "The prime minister later posted about
# the call on X." tells that he spoke, not what he said, so it is the reporter's.
_MENTIONED_ONLY = re.compile(
    r"^[^,;:“”\"]{2,80}?\b(?:posted|wrote|tweeted|spoke|commented|blogged)\s+(?:about|on)\s+"
    r"(?:the|his|her|their|its|this|that)\s+(?:\w+\s+){0,2}?(?:call|conversation|meeting|talks|"
    r"visit|exchange|summit)\s*(?:(?:later\s+)?on\s+"
    + _PLATFORM
    + r"|later|afterwards|soon\s+after)?\s*[.!]?\s*$"
)
# A non-answer reports nothing: "The White House did not immediately respond to questions
# about …" is the reporter's (tests/cases/README.md, Clarifications).
_NON_ANSWER = re.compile(
    r"^[^,;:“”\"]{2,80}?\b(?:did\s+not|didn['’]t|has\s+not|hasn['’]t|have\s+not|had\s+not)\s+"
    r"(?:immediately\s+)?(?:respond(?:ed)?|repl(?:y|ied)|return(?:ed)?|answer(?:ed)?)\s+(?:to\s+)?"
    r"(?:a\s+|an\s+|the\s+|several\s+|repeated\s+)?(?:\w+\s+)?(?:requests?|questions?|calls?|e-?mails?|"
    r"messages?|queries)\b"
)
# Verbs that narrate what a participant did in the talks rather than report words said
# on the record: named speech needs a quotation or an occasion of the speaker's own.
_NARRATING = re.compile(
    r"stressed|emphasi[sz]ed|underscored|underlined|reiterated|reaffirmed|confirmed|"
    r"called\s+for|highlighted|urged|pledged|assured|expressed|conveyed|replied|hailed|pointed\s+to"
)
_NARRATED = re.compile(
    r"(?:also\s+|has\s+|had\s+)?told\s+(?:his|her|their|the)\s+(?:\w+\s+){0,3}?counterparts?\b",
    re.I,
)


# "Kishida told Lavrov that …", "The Emir also told Secretary General Ban Ki-moon …": what
# a participant told the other side, narrated — the object a person the story names with
# a title, or a title itself (not "told reporters", "told Reuters").
_OBJECT_WORDS = re.compile(r"\s+((?:(?:[A-Z][\w’'.-]*|of|the|and)\s+){0,5}?[A-Z][\w’'.-]*)")
_TITLE_WORDS = frozenset(
    [
        "president",
        "minister",
        "secretary",
        "premier",
        "chancellor",
        "counterpart",
        "king",
        "emir",
        "prince",
        "ambassador",
        "envoy",
        "prime",
        "foreign",
        "sultan",
        "sheikh",
        "leader",
    ]
)
_TITLED_NAME = re.compile(
    r"\b(?:[Pp]resident|[Mm]inister|[Ss]ecretary(?:[\s-][Gg]eneral)?|[Pp]remier|[Cc]hancellor|"
    r"[Cc]ounterpart|King|Emir|Prince|[Aa]mbassador|[Ee]nvoy|Sultan|Sheikh),?\s+"
    r"(?P<name>(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)"
)


def titled_people(sentences: Sequence[str]) -> frozenset[str]:
    """Every part of the names a document gives with a title ("Russian Foreign Minister
    Sergei Lavrov" → Sergei, Lavrov): the story's participants, not its outlets."""
    found: set[str] = set()
    for sentence in sentences:
        for match in _TITLED_NAME.finditer(sentence):
            found.update(
                part
                for part in match.group("name").split()
                if personal_name(part) and len(part) > 2
            )
    return frozenset(found)


def _told_participant(masked: str, verb: re.Match[str], people: frozenset[str]) -> bool:
    """The reporting verb matched is "told" and its object is a titled person."""
    if verb.group("verb").lower() != "told":
        return False
    obj = _OBJECT_WORDS.match(masked, verb.end())
    if obj is None:
        return False
    words = obj.group(1).split()
    return words[0].lower() in _TITLE_WORDS or any(w.strip(".") in people for w in words)


def _words_of(subject: str) -> list[str]:
    return [
        w.lower().replace("’", "'").removesuffix("'s")
        for w in re.findall(r"[^\W\d_]+(?:['’][a-z]+)?", _TIME_WORDS.sub(" ", subject))
    ]


def _apposed_subject(masked: str, subject_start: int) -> tuple[int, str] | None:
    """The sentence's opening noun phrase when ``subject_start`` follows it after a comma."""
    before = masked[:subject_start].rstrip()
    if not before.endswith(",") or "," in before[:-1].strip():
        return None
    opening = before[:-1].strip()
    if not opening or len(opening.split()) > 8 or _REPORT.search(opening):
        return None
    if opening.split()[0].lower() in _PREPOSITIONS | _ADVERBIAL_OPENERS:
        return None  # "Ahead of the meeting, TASS reported": a time or place, no noun phrase
    return len(masked) - len(masked.lstrip()), opening


_DASH_CLOSE = re.compile(r"\s(?:—|–|-{1,2})\s*$")
_DASH_OPEN = re.compile(r"\s(?:—|–|-{1,2})\s")


def _before_aside(masked: str, verb_start: int) -> int:
    """Where the subject ends when a dash aside stands before the verb ("The ministry —
    which posted its account late on Tuesday — said"): the opening dash."""
    close = _DASH_CLOSE.search(masked, 0, verb_start)
    if close is None:
        return verb_start
    opens = list(_DASH_OPEN.finditer(masked, 0, close.start()))
    return opens[-1].start() if opens else verb_start


# A relative clause set between commas before the verb ("Jaishankar, who spoke to
# reporters after the meeting, said"): the subject stands before it.
_RELATIVE_ASIDE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,;:()“”\"]{1,120},\s*$")


# A short gloss in parentheses right before the verb ("the Saudi Press Agency (SPA)
# reported", "the Inter-Services Public Relations (ISPR) said") belongs to the subject.
_GLOSS_BEFORE_VERB = re.compile(r"\([^()“”\"]{1,40}\)[ \t]?$")


def _subject_before(masked: str, verb_start: int, at_verb: bool = True) -> tuple[int, str]:
    """The noun phrase a reporting verb follows, back to the nearest clause break
    (``at_verb``: ``verb_start`` is the verb's own, not a clause break's)."""
    verb_start = _before_aside(masked, verb_start)
    gloss = _GLOSS_BEFORE_VERB.search(masked, max(0, verb_start - 45), verb_start)
    if at_verb and gloss is not None and gloss.start() > 0:
        verb_start = len(masked[: gloss.start()].rstrip())
    aside = _RELATIVE_ASIDE.search(masked, max(0, verb_start - 130), verb_start)
    if aside is not None and aside.start() > 0:
        verb_start = aside.start()
    window_start = max(0, verb_start - 120)
    window = masked[window_start:verb_start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    start = window_start + (breaks[-1].end() if breaks else 0)
    inner = list(_REPORT.finditer(masked, start, verb_start))
    if inner:  # "the MEA said the leaders acknowledged": the subject is "the leaders"
        start = inner[-1].end()
    subject = masked[start:verb_start].strip()
    # "Singh, in a post on X, said" / "The document condemned X and said": the real
    # subject sits before the parenthetical or the first verb phrase.
    if not subject and breaks and breaks[-1].group().lower() in {",", "and"}:
        return _subject_before(masked, window_start + breaks[-1].start(), at_verb=False)
    if subject and subject.split()[0].lower() in _PARENTHETICAL_STARTS:
        earlier = window_start + (breaks[-2].end() if len(breaks) > 1 else 0)
        previous = masked[earlier : window_start + breaks[-1].start()].strip() if breaks else ""
        if previous:
            return earlier + (len(masked[earlier:]) - len(masked[earlier:].lstrip())), previous
    offset = start + (len(masked[start:]) - len(masked[start:].lstrip()))
    return offset, subject


_NAME_LIST_COMMA = re.compile(
    r"(?<=[a-z]),(?=\s[A-Z][a-z]{2,20}\s(?:and|&)\s[A-Z][a-z]{2,20}\s"
    r"(?:Office|Ministry|Department|Agency|Council|Commission|Organi[sz]ation|Affairs|Energy)\b)"
)
# Reporting verbs that are also plural nouns, and what shows the noun: a determiner, a
# possessive or an adjective before it.
_NOUN_FORMS = frozenset({"claims", "notes", "states", "remarks", "calls"})
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|these|those|such|any|some|many|several|all|our|"
    r"your|my)|['’]s|\b[a-z]{2,}(?:ed|al|ic|ous|ive|ary|ime|ful))\s+$",
    re.I,
)
_GOVERNMENT_ACCOUNT = re.compile(
    r"\b(?:[Ii]n|[Tt]hrough|[Vv]ia)\s+(?P<owner>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)['’]s\s+"
    r"(?:own\s+)?(?:\w+\s+){0,2}?(?:statement|readout|release|account|version)\b"
)
# An outlet by its name: "PTI", "AP", "The Wall Street Journal", "the RBC newspaper".
_OUTLET_NAME = re.compile(
    r"(?:[Tt]he\s)?(?:[A-Z][\w.&’'-]*\s){0,3}?(?:[A-Z]{2,6}|[A-Z][a-z]+)(?:\s(?:newspaper|daily|"
    r"agency|news\s+agency|broadcaster|channel|outlet|website))?"
)
_QUOTED_AS = re.compile(
    r"\bquoted\s+(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|"
    r"(?:(?:unnamed|senior|western|two|three|several)\s+)?(?:diplomats|officials|sources))\s+as\s+"
    r"(?:saying|adding|telling|stating)\b"
)
_REPORTED = re.compile(r"\b(?:reported|reports|quoted)\b")
# State media: "state news agency SPA", "state-run Anadolu", "the official news agency", and
# a country's national agency by its name ("the Saudi Press Agency", "Emirates News Agency
# WAM", "Korean Central News Agency"); the cooperatives Yonhap, Kyodo and PTI are the press.
_STATE_MEDIA = re.compile(
    r"(?i)\bstate(?:-run|-owned|-controlled|\s+run|\s+owned)?\s+(?:news\s+agency|media|broadcaster|"
    r"television|tv|radio|news|newspaper|daily|outlet)\b|\bstate-(?:run|owned|controlled)\b|"
    r"\bofficial\s+(?:[A-Z][\w-]+\s+){0,3}(?:news|press)\s+agency\b|"
    r"(?-i:\b(?!Yonhap\b|Kyodo\b|Associated\b)[A-Z][\w-]+\s+(?:[A-Z][\w-]+\s+)?(?:Press|News)\s+Agency\b)"
)


def classify_subject(
    subject: str, context: str = "", roles: Mapping[str, Attribution] | None = None
) -> Attribution | None:
    """Class of a reporting subject; ``None`` for a pronoun 'it' (carry-over) and
    :data:`Attribution.REPORTER` when the subject is not a source at all. ``roles``:
    people the document introduced with a role ("spokesperson Tammy Bruce" → Bruce)."""
    subject = _TIME_WORDS.sub(" ", subject)
    # "a person who was present at the meeting": the relative clause is not the head.
    subject = re.split(r"\b(?:who|whom|whose|which|that)\b", subject, maxsplit=1)[0]
    words = re.findall(r"[^\W\d_]+(?:['’][a-z]+)?", subject)
    lower = [w.lower().replace("’", "'").removesuffix("'s") for w in words]
    if roles and words:
        remembered = [roles[w] for w in words if w in roles]
        if remembered and len(words) <= 3:
            return remembered[-1]
        if words[0] in roles:  # "Bruce has rejected similar criticism, saying …"
            return roles[words[0]]
    if _government_subject(lower):
        return Attribution.OFFICIAL
    if _STATE_MEDIA.search(subject):
        # "Russia's state news agency Tass", "state-run Anadolu Agency": state media
        # carry the government's account.
        return Attribution.OFFICIAL
    if not lower or len(lower) > 10:
        return Attribution.REPORTER
    if _SOCIAL.search(subject):
        return Attribution.NAMED
    joined = " ".join(lower)
    if (
        {"spokesperson", "spokesman", "spokeswoman", "spokespersons"} & set(lower)
        or "chief cabinet secretary" in joined
        or "press secretary" in joined
        or (
            # the head of a military's media wing speaks for it: "DG ISPR", "director-general
            # of the Inter-Services Public Relations (ISPR) Major-General …"
            ("ispr" in joined or "public relations" in joined)
            and ({"dg", "director-general"} & set(lower) or "director general" in joined)
        )
    ):
        # Japan's Chief Cabinet Secretary is the government's spokesperson.
        return Attribution.OFFICIAL
    if _ANONYMOUS.search(subject) and not _INSTITUTION_WORDS & set(lower[-1:]):
        return Attribution.SOURCES
    if (
        lower[0] in _INDEFINITE
        and _UNNAMED_PEOPLE & set(lower[1:7])
        and lower[-1] not in _OFFICIAL_HEADS  # "an official statement said"
        and not any(
            personal_name(w)
            for w in words[1:]
            if w.lower() not in _NOT_NAMES
            and w.lower() not in _INSTITUTION_WORDS | _OFFICIAL_HEADS
            and not _government_subject([w.lower()])
        )
    ):
        # "a State Department official travelling with …", "one of the people cited
        # above", "a second person": someone the article does not name.
        return Attribution.SOURCES
    # "officials in New Delhi", "the Ministry of External Affairs": the head noun
    # comes before the first preposition.
    for i, word in enumerate(lower[1:], start=1):
        if word in _PREPOSITIONS:
            lower, words = lower[:i], words[:i]
            break
    head = lower[-1]
    if lower in (["it"], ["they"], ["one"], ["another"]) or lower in _ANAPHORIC_OUTLETS:
        # "the report added", "according to the agency": the outlet cited just before.
        return None
    if head in _PRONOUN_NAMED and len(lower) == 1:
        return Attribution.NAMED
    if head in _SOURCE_HEADS:
        return Attribution.SOURCES
    if head in {"post", "tweet", "interview", "remarks", "message", "video"}:
        return Attribution.NAMED
    if head in _OFFICIAL_HEADS:
        return Attribution.OFFICIAL
    if _INSTITUTION_WORDS & set(lower):
        # "Kremlin aide Yuri Ushakov": a person the institution employs, on the record
        # in their own name (a spokesperson was decided above).
        return Attribution.NAMED if personal_name(words[-1]) else Attribution.OFFICIAL
    # "the release issued ...", "a joint statement released ...": a participle after the head.
    if set(lower) & _OFFICIAL_HEADS and not set(lower) & _SOURCE_HEADS:
        return Attribution.OFFICIAL
    if lower[0] == "the" and len(lower) <= 4 and lower[-1] in _TITLES_OF_ONE:
        # "The minister noted …", "the foreign minister said": one office-holder, named
        # earlier in the story, speaking on the record.
        return Attribution.NAMED
    if lower[0] in {"the", "a", "an", "this", "these", "both", "two"} and not any(
        w[:1].isupper() for w in words[1:] if w.lower() not in {"us", "indian", "chinese"}
    ):
        return Attribution.REPORTER
    if len(words) == 1 and _common_plural(lower[0]):
        return Attribution.SOURCES  # "Critics said", "Analysts say": nobody on the record
    names = [w for w in words if w[:1].isupper() and w.lower() not in _NOT_NAMES]
    if names and len(lower) <= 8:
        return Attribution.NAMED
    return Attribution.REPORTER


_ANAPHORIC_OUTLETS = (
    ["the", "report"],
    ["the", "agency"],
    ["the", "news", "agency"],
    ["the", "broadcaster"],
    ["the", "channel"],
)
# The outlets' head nouns, to find such a cue in a sentence.
_OUTLET_WORD = re.compile(
    r"\b(?:" + "|".join(sorted({words[-1] for words in _ANAPHORIC_OUTLETS})) + r")\b", re.I
)
_TITLES_OF_ONE = frozenset(
    ["minister", "president", "secretary", "chancellor", "premier", "envoy", "ambassador"]
)
_INDEFINITE = frozenset(["a", "an", "one", "another", "two", "three", "several", "some"])
_UNNAMED_PEOPLE = frozenset(
    [
        "official",
        "officials",
        "diplomat",
        "diplomats",
        "person",
        "people",
        "aide",
        "aides",
        "officer",
        "officers",
        "source",
        "sources",
        "insider",
        "insiders",
    ]
)


def _common_plural(word: str) -> bool:
    """A plural of a common English noun by its ending and general frequency (wordfreq):
    "critics", "analysts"; not a name that ends in -s ("Reuters") nor a government."""
    if not word.endswith("s") or word in government_names() or word in _OFFICIAL_HEADS:
        return False
    singular = word[:-2] if word.endswith("es") and not word.endswith("ses") else word[:-1]
    return (
        zipf_frequency(word, "en") >= 3.5
        and max(zipf_frequency(singular, "en"), zipf_frequency(word[:-1], "en")) >= 3.0
    )


# The words personal_name rules out, as one set (the union was built on every call).
_NOT_PERSONAL = _INSTITUTION_WORDS | _OFFICIAL_HEADS | _SOURCE_HEADS


def personal_name(word: str) -> bool:
    """A capitalised word that is no acronym, institution, office or government name."""
    lower = word.lower()
    return (
        word[:1].isupper()
        and not word.isupper()
        and lower not in _NOT_PERSONAL
        and lower not in government_names()
    )


_STATEMENT_PHRASE = re.compile(
    r"\b(?:in|through|via)\s+(?:a|an|the|its|their|his|her|this|that)\s+(?:own\s+)?"
    r"(?:(?:\w+|[A-Z][\w-]+)\s+){0,3}?(?:joint\s+)?(?:statement|readout|release|communiqu[eé]|"
    r"declaration|press\s+note|note\s+verbale|account)\b|"
    r"\b(?:the|a|its)\s+(?:\w+\s+){0,3}?(?:statement|readout|release|communiqu[eé])"
    # Who issued it, between the noun and its verb: "A statement from the minister's
    # spokesman, Alkasim Abdulkadir, on Wednesday read: …".
    r"(?:\s+(?:from|by|of|issued\s+by)\s[^.;:“”\"]{2,90}?)?\s+"
    r"(?:read|reads|noted|notes|stated|states|added|adds|went\s+on|described|called|termed|"
    r"quoted|cited|mentioned|recorded|welcomed|underlined|highlighted)\b",
    re.I,
)


# What may follow a closing reporting tag: a time or place phrase ("…, the ministry
# said on Tuesday", "… said in Beijing late on Friday").
_TRAILING_REST = re.compile(
    r"^\s*(?:(?:on|late|early|this|last|in|at|from|during|after|before)\b[^,;:]{0,50}|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\b[^,;:]{0,30})\s*$",
    re.I,
)


class _Needled(tuple[str, ...]):
    """Strings one of which every match of a pattern holds (lower case for a pattern
    with IGNORECASE, searched in the lower-cased text): without any, the pattern is not
    tried (tests/engine/test_attribution.py checks each against its pattern)."""

    def present(self, text: str, blind: bool) -> bool:
        return blind or any(needle in text for needle in self)


# The only characters IGNORECASE matches to an ASCII letter that do not lower-case to
# it: "İ" (to two characters), "ı", "ſ", and the Kelvin sign "K" (to "k").
_CASE_FOLDING_EXCEPTIONS = "\u0130\u0131\u017f\u212a"
_ANONYMOUS_NEEDLES = _Needled(
    [
        "understood",
        "learnt",
        "learned",
        "gathered",
        "believed",
        "said",
        "anonym",
        "named",
        "identified",
        "quoted",
        "familiar",
        "aware",
        "privy",
        "close",
        "briefed",
        "knowledgeable",
        "reportedly",
        "source",
    ]
)
_STATEMENT_NEEDLES = _Needled(
    ("statement", "readout", "release", "communiqu", "declaration", "note", "account")
)
_ACCOUNT_NEEDLES = _Needled(("statement", "readout", "release", "account", "version"))
_DOCUMENT_NEEDLES = _Needled(("statement", "readout", "communiqu", "declaration"))
_ACCORDING_NEEDLES = _Needled(("according", "per"))
_REPORTED_NEEDLES = _Needled(("report", "quoted"))
_OMISSION_NEEDLES = _Needled(
    ("silent", "mention", "refer", "name", "omitted", "left", "skipped", "dropped")
)


def _cues(
    sentence: str,
    roles: Mapping[str, Attribution] | None = None,
    people: frozenset[str] = frozenset(),
) -> list[_Cue]:
    # An office named by a list ("the Foreign, Commonwealth and Development Office",
    # "Ministry of Trade, Industry and Energy") is one subject: its comma becomes a space
    # (the same length, so offsets stay those of the sentence).
    masked = _NAME_LIST_COMMA.sub(" ", _mask_quotes(sentence))
    concessive = _CONCESSIVE.match(masked)
    skip_until = concessive.end() if concessive else 0
    length = len(sentence.rstrip(' .!?”"'))
    cues: list[_Cue] = []
    # Patterns tried only where one of their needles is (_Needled): IGNORECASE is plain
    # lower-casing on text without the four exceptions, which try every pattern.
    lower = masked.lower()
    blind = not masked.isascii() and any(ch in masked for ch in _CASE_FOLDING_EXCEPTIONS)

    def add(kind: Attribution | None, start: int, end: int, parenthetical: bool = False) -> None:
        if start < skip_until:
            return
        prefix = masked[:start].strip(' ,“”"')
        leading = (len(re.findall(r"\w+", prefix)) <= 4 and "," not in prefix[:-1]) or start == 0
        rest = masked[end:length]
        trailing = end >= length - 2 or rest[:1] == "," or bool(_TRAILING_REST.match(rest))
        cues.append(
            _Cue(kind, start, end, leading and start < 60, trailing and start > 0, parenthetical)
        )

    opener = re.match(r"\s*([A-Z][\w’'-]+)", masked)
    for match in _SOCIAL.finditer(masked):
        # A spokesperson the document introduced stays official at a briefing.
        speaker = roles.get(opener.group(1)) if roles and opener else None
        if speaker is None and roles:
            # "At the same briefing, Mao defended …": the spokesperson named anywhere.
            named = [roles[w] for w in re.findall(r"[A-Z][\w’'-]+", masked) if w in roles]
            speaker = named[0] if named else None
        if speaker is None and (_ROLE_INTRO.search(masked) or _SPOKESPERSON_OF.search(masked)):
            # "Speaking at a press conference, Foreign Office spokesperson X said …", "At
            # today's briefing, the spokesperson of the Ministry of Foreign Affairs said …"
            speaker = Attribution.OFFICIAL
        add(speaker or Attribution.NAMED, match.start(), match.end())
    for match in _ANONYMOUS.finditer(masked) if _ANONYMOUS_NEEDLES.present(lower, blind) else ():
        add(Attribution.SOURCES, match.start(), match.end())
    for match in (
        _STATEMENT_PHRASE.finditer(masked) if _STATEMENT_NEEDLES.present(lower, blind) else ()
    ):
        add(Attribution.OFFICIAL, match.start(), match.end())
    for match in (
        _GOVERNMENT_ACCOUNT.finditer(masked) if _ACCOUNT_NEEDLES.present(masked, False) else ()
    ):
        # "In Beijing's account of the meeting, …": a government's own statement; a
        # person's account ("in Modi's account") is theirs, decided by the cues below.
        if match.group("owner").lower() in government_names():
            add(Attribution.OFFICIAL, match.start(), match.end())
    document = _document_subject(masked) if _DOCUMENT_NEEDLES.present(lower, blind) else None
    if document is not None:
        add(Attribution.OFFICIAL, document.start(), document.end())
    for match in _ACCORDING.finditer(masked) if _ACCORDING_NEEDLES.present(lower, blind) else ():
        kind = classify_subject(match.group("subject"), roles=roles)
        if kind is not Attribution.REPORTER:
            add(kind, match.start(), match.end())
    for match in _REPORTED.finditer(masked) if _REPORTED_NEEDLES.present(masked, False) else ():
        if re.match(r"\s+(?:on|about)\s+(?:the|a|an|its|their|his|her)\s", masked[match.end() :]):
            continue  # "the White House reported on the conversation": describes, says nothing
        # "Russia's state news agency Tass reported …": only state media's reports are
        # the government's account (another paper's report is that paper's: named).
        subject_start, subject = _subject_before(masked, match.start())
        own_start, own_subject = subject_start, subject
        apposed = _apposed_subject(masked, subject_start)
        if apposed is not None and not _STATE_MEDIA.search(subject):
            subject_start, subject = apposed  # "State-run Anadolu, citing …, reported"
        # State media by name ("Xinhua reported", "Tass reported"; governments.txt lists
        # each government's outlets with its names), reporting on its own word: one
        # "citing a diplomatic source" passes on the source's.
        words = _words_of(subject)
        by_name = apposed is None and 0 < len(words) <= 3 and _government_subject(words)
        if _STATE_MEDIA.search(subject) or by_name:
            add(Attribution.OFFICIAL, subject_start, match.end())
        elif (
            (apposed is None or not masked[match.end() :].strip(' .,;:”"'))
            and 0 < len(_words_of(own_subject)) <= 4
            and match.group().lower() == "reported"
        ):
            own_kind = classify_subject(own_subject, roles=roles)
            if own_kind is Attribution.OFFICIAL:  # "the Chinese Foreign Ministry reported"
                add(Attribution.OFFICIAL, own_start, match.end())
            elif own_kind is not Attribution.SOURCES and _OUTLET_NAME.fullmatch(own_subject):
                # "…, PTI reported.", "the RBC newspaper reported": another outlet on the
                # record, a named source.
                add(Attribution.NAMED, own_start, match.end())
    for match in _QUOTED_AS.finditer(masked):
        # "The newspaper quoted Sheikh Sultan as adding, …": the words are the person's.
        kind = classify_subject(match.group("who"), roles=roles)
        if kind is not Attribution.REPORTER:
            add(kind, match.start(), match.end())
    for match in _INVERTED.finditer(masked):
        kind = classify_subject(match.group("subject"), roles=roles)
        if kind is not Attribution.REPORTER:
            add(kind, match.start("verb"), match.end())
    for match in _REPORT.finditer(masked):
        if re.search(r"\b(?:was|were|is|are|been|be|being)\s+$", masked[: match.start()], re.I):
            continue  # passive: "Hegseth was confirmed as ..." reports nothing
        if _placed_call(sentence, match):
            continue
        if match.group("verb").lower() in _NOUN_FORMS and _NOUN_BEFORE.search(
            masked, 0, match.start("verb")
        ):
            continue  # "Trump's repeated claims", "the notes": a noun, not a verb
        if re.search(
            r"\b(?:not|never|n't|neither|nor)\s+(?:[a-z]+ly\s+)?$", masked[: match.start()], re.I
        ):
            continue  # "Islamabad has not confirmed …": a denial of a statement reports none
        aside = _parenthetical_tag(masked, match.start(), match.end())
        aside_kind = classify_subject(aside[1], roles=roles) if aside else Attribution.REPORTER
        if aside is not None and aside_kind is not Attribution.REPORTER:
            add(aside_kind, aside[0], match.end(), parenthetical=True)
            continue
        subject_start, subject = _subject_before(masked, match.start())
        if _REPORT.search(masked, subject_start, match.start()) and _leads_with_cue(
            masked, subject_start
        ):
            # "Beijing says the rigs, in a zone where the two countries' maritime claims
            # overlap, are …": the noun "claims" is no second verb whose subject is the
            # whole opening clause; "Beijing says" is the cue.
            continue
        kind = classify_subject(subject, roles=roles)
        if kind is Attribution.REPORTER:
            # "The ISPR, the military's media wing, said": the appositive describes the
            # sentence's opening noun phrase, which is the subject.
            apposed = _apposed_subject(masked, subject_start)
            if apposed is not None:
                kind = classify_subject(apposed[1], roles=roles)
                subject_start = apposed[0]
        if (
            kind is Attribution.OFFICIAL
            and (
                _SUMMED_UP.match(masked, match.start())
                or _OVER_TIME.search(masked, 0, match.start())
            )
            and _government_subject(_words_of(subject))
        ):
            # "India has long argued …": a position summed up over time, not a statement.
            kind = Attribution.REPORTER
        if kind is Attribution.NAMED and (
            _NARRATED.match(masked, match.start())
            or (_told_participant(masked, match, people) and not _OCCASION.search(masked))
            or (
                _NARRATING.fullmatch(match.group("verb").lower())
                and not re.search(r"[“”\"]", sentence)
                and not _OCCASION.search(masked)
                and "statement" not in masked.lower()
            )
        ):
            # "Wong has told her Chinese counterpart of …", "Macron reiterated France's
            # backing for …", "Wang Yi stressed that …": what was said in the meeting,
            # narrated by the reporter — no quotation, no occasion of the speaker's own.
            kind = Attribution.REPORTER
        opening = _opening_statement(masked, match.start())
        if opening is not None and kind in (Attribution.REPORTER, Attribution.NAMED):
            subject_start, kind = opening, Attribution.OFFICIAL
        interrupting = _interrupting_tag(masked, subject_start, match.start(), roles)
        if interrupting is not None and kind in (Attribution.REPORTER, Attribution.NAMED):
            # "Dar, according to a statement issued by the Foreign Office, said …": the
            # statement set between commas is the source, as a trailing tag would be.
            kind = interrupting
        end = match.end()
        tail = re.match(
            r"\s+in\s+(?P<det>a|an|its|his|her|their|the)\s+(?:own\s+)?(?:\w+\s+)?"
            r"(?P<what>statement|readout|release|post|briefing|communiqu[eé])\b",
            masked[end:],
        )
        if (
            tail
            and tail.group("what") not in {"post", "briefing"}
            and (kind is Attribution.REPORTER or tail.group("det") in {"the", "its"})
        ):
            # "the four countries said in the statement", "Singh was quoted as saying in
            # the statement": on the record through the statement; a named person's "a
            # statement" is their own.
            kind = Attribution.OFFICIAL
        if kind is Attribution.REPORTER:
            continue
        if tail:
            end += tail.end()
        add(kind, subject_start, end)
    if _OMISSION_NEEDLES.present(lower, blind) and _OMISSION.search(masked):
        cues = [c for c in cues if c.attribution is not Attribution.OFFICIAL or c.trailing]
    # A statement phrase inside a reporting cue ("the ministry said in a statement") is
    # part of that cue, not a second one.
    return [
        c
        for c in cues
        if c.parenthetical
        or not any(
            o is not c
            and o.start <= c.start
            and c.end <= o.end
            and (o.end - o.start) > (c.end - c.start)
            for o in cues
        )
    ]


def _parenthetical_tag(masked: str, verb_start: int, verb_end: int) -> tuple[int, str] | None:
    """ "Belousov, it said, called …", "Macron, people aware of the matter said, told Modi
    …": a reporting clause between commas after the sentence's opening noun phrase (up to
    six words, no comma of its own). Its subject's offset and text."""
    if masked[verb_end : verb_end + 1] != "," or not masked[verb_end + 1 :].strip(' .”"'):
        return None
    before = masked[:verb_start]
    comma = before.rfind(",")
    if comma < 0:
        return None
    opening = before[:comma].strip()
    subject = before[comma + 1 :].strip()
    if (
        not opening
        or "," in opening
        or len(opening.split()) > 6
        or _REPORT.search(opening)
        or not subject
        or len(subject.split()) > 8
    ):
        return None
    return verb_start - len(before[comma + 1 :].lstrip()), subject


def _leads_with_cue(masked: str, start: int) -> bool:
    """The text from ``start`` opens with a subject and a reporting verb ("Beijing says")."""
    first = _REPORT.search(masked, start)
    if first is None:
        return False
    opening = masked[start : first.start()]
    # Not a relative clause or an aside on the subject ("The military — which described …").
    if re.search(r"[,;—–(]|\s-\s|\b(?:which|who|whom|whose|that)\b", opening, re.I):
        return False
    return len(re.findall(r"\w+", opening)) <= 4


def _placed_call(sentence: str, match: re.Match[str]) -> bool:
    """ "Zelenskyy called Prime Minister Modi": a telephone call or a visit to a person
    named next, not words termed ("called India 'a vast market'", which quotes)."""
    if match.group("verb") != "called":
        return False
    rest = sentence[match.end() :]
    return rest[:1].isspace() and rest.lstrip()[:1].isupper() and not re.search(r"[“\"]", rest)


# Possessive: giving back spaces or letters never helps the next part match, and the
# backtracking form ran for minutes on a sentence of spaces and short words.
_OPENING_HEAD = re.compile(
    r"^\s*+(?:the|a|an|its|their|in\s+(?:a|the|its))?\s*+(?:[\w’'-]++\s++){0,4}?"
    r"(?:joint\s+)?(?:statement|readout|release|communiqu[eé]|declaration)\b",
    re.I,
)


# The statement's own predicate ("The statement is the bloc's sharpest since the junta
# announced them", "The statement was issued by Kallas"): a later verb is not its.
_OWN_PREDICATE = re.compile(
    r"^\s*(?:is|was|are|were|has\s+been|had\s+been|will|would|may|might|came|comes)\b", re.I
)
# A statement as the subject of an active verb: "The joint statement condemned
# terrorism", "the statement spoke of a just peace". Any finite verb will do (the
# statement can only say things), so none is listed; auxiliaries, copulas and
# passives are what it is not.
_DOCUMENT_SUBJECT = re.compile(
    r"\b(?:the|a|its|their)\s+(?:[\w’'-]+\s+){0,3}?(?:joint\s+)?"
    r"(?:statement|readout|communiqu[eé]|declaration)\s+(?:also\s+|further\s+)?(?P<verb>[a-z]+)\b",
    re.I,
)
_NOT_PREDICATES = frozenset(
    [
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "being",
        "has",
        "had",
        "have",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "not",
        "of",
        "on",
        "in",
        "at",
        "by",
        "for",
        "from",
        "to",
        "with",
        "and",
        "or",
        "but",
        "that",
        "which",
        "issued",
        "released",
        "published",
        "said",
        "says",
    ]
)
# What happens to a statement rather than what it says.
_EVENT_PREDICATES = frozenset(
    [
        "followed",
        "preceded",
        "marked",
        "reflected",
        "drew",
        "appeared",
        "seemed",
        "attracted",
        "prompted",
        "triggered",
        "sparked",
        "received",
        "angered",
        "surprised",
    ]
)


def _document_subject(masked: str) -> re.Match[str] | None:
    match = _DOCUMENT_SUBJECT.search(masked)
    if match is None:
        return None
    verb = match.group("verb").lower()
    # Past tense by its ending (or "spoke"): a statement reports in the past; the present
    # ("the statement comes at a delicate moment") is the reporter describing it.
    finite = verb.endswith("ed") or verb == "spoke"
    if verb in _NOT_PREDICATES or verb in _EVENT_PREDICATES or not finite:
        return None
    return match


def _opening_statement(masked: str, verb_start: int) -> int | None:
    """ "A joint statement issued after the talks said …": the sentence opens with the
    statement, and a participle clause stands between it and the verb."""
    match = _OPENING_HEAD.match(masked)
    if match is None or match.end() > verb_start:
        return None
    between = masked[match.end() : verb_start]
    if _REPORT.search(between) or len(between) > 160 or _OWN_PREDICATE.search(between):
        return None
    return len(masked) - len(masked.lstrip())


# The role after the name, as an appositive: "Mr Ferdinand Nwonye, Ministry of Foreign
# Affairs’ spokesperson, …", "Mrs Sarah Sanda, the Special Assistant to the Minister on
# Media, …".
_HONORIFICS = frozenset(["Mrs", "Miss", "Prof", "Amb", "Sir", "Madam", "Shri", "Smt", "Hon"])
_ROLE_WORD = re.compile(
    r"\b(?:[Ss]pokes(?:person|man|woman)|[Pp]ress\s[Ss]ecretary|[Mm]edia\s(?:[Aa]ide|[Aa]dviser)|"
    r"(?:[Aa]ssistant|[Aa]dviser)\s(?:to\s(?:the\s)?[A-Z]\w{1,20}\s)?on\s[Mm]edia)\b"
)
# Read backwards from the role word, within 90 characters: the name, its comma, then up
# to six words of the role's description.
_NAME_BEFORE_ROLE = re.compile(
    r"(?P<name>[A-Z][\w’'-]{1,30}(?:\s[A-Z][\w’'-]{1,30}){1,2}),\s(?:the\s)?(?:[\w’'-]{1,30}\s){0,6}$"
)


def _roles_after_names(sentence: str) -> list[re.Match[str]]:
    """ "Mr Ferdinand Nwonye, Ministry of Foreign Affairs’ spokesperson", "Mrs Sarah Sanda,
    the Special Assistant to the Minister on Media": the role after the name."""
    found: list[re.Match[str]] = []
    for role in _ROLE_WORD.finditer(sentence):
        window = sentence[max(0, role.start() - 90) : role.start()]
        comma = window.rfind(", ")
        if comma < 0:
            continue
        name = _NAME_BEFORE_ROLE.search(
            window, max(0, window.rfind(" ", 0, max(0, comma - 40)) + 1)
        )
        if name is not None:
            found.append(name)
    return found


def remembered_roles(sentences: Sequence[str]) -> dict[str, Attribution]:
    """People a document introduces by an on-record role, by every part of their name:
    "State Department spokesperson Tammy Bruce" makes a later "Bruce said" official, as
    does "Sanda, the Special Assistant to the Minister on Media"."""
    roles: dict[str, Attribution] = {}
    for sentence in sentences:
        for match in [*_ROLE_INTRO.finditer(sentence), *_roles_after_names(sentence)]:
            for part in match.group("name").split():
                part = part.strip(".,’'“”\"")
                if len(part) > 2 and personal_name(part) and part not in _HONORIFICS:
                    roles.setdefault(part, Attribution.OFFICIAL)
    return roles


def attribute(
    sentences: Sequence[str],
    units: Sequence[Unit] | None = None,
    paragraphs: Sequence[int] | None = None,
) -> list[tuple[Attribution, tuple[int, int] | None]]:
    """Attribution and cue offsets (relative to each sentence) for consecutive sentences
    (``paragraphs``: the blank-line-separated paragraph each sentence stands in)."""
    kinds = list(units) if units is not None else [Unit.CLAIM] * len(sentences)
    roles = remembered_roles(sentences)
    people = titled_people(sentences)
    results: list[tuple[Attribution, tuple[int, int] | None]] = []
    for sentence, unit in zip(sentences, kinds, strict=True):
        if unit is not Unit.CLAIM or sentence.rstrip()[-1:] not in _SENTENCE_END:
            # Headlines, datelines, captions and credit lines are the outlet's own voice.
            results.append((Attribution.REPORTER, None))
            continue
        silent = _MENTIONED_ONLY.match(sentence) or _NON_ANSWER.match(sentence)
        cues = [] if silent else _cues(sentence, roles, people)
        previous = _last_attributed(results)
        if previous is not Attribution.OFFICIAL:
            # "the report added", "according to the agency" stand for the outlet cited
            # before: state media carry the government's account; the press's own report
            # (or one citing sources) is no source of its own.
            cues = [
                c
                for c in cues
                if c.attribution is not None or not _OUTLET_WORD.search(sentence, c.start, c.end)
            ]
        chosen = _main_cue(cues)
        if chosen is None:
            stripped = sentence.strip()
            if (previous is not None and _GLOSS.match(stripped)) or (
                stripped[:1] in '“"' and previous is not None and _mostly_quote(stripped)
            ):
                results.append((previous, None))
            else:
                results.append((Attribution.REPORTER, None))
            continue
        kind = chosen.attribution
        if kind is None:
            # "it said" stands for the statement; "they said" only for someone already cited.
            pronoun_it = sentence[chosen.start : chosen.start + 2].lower() == "it"
            kind = previous or (Attribution.OFFICIAL if pronoun_it else Attribution.REPORTER)
            if pronoun_it and kind is Attribution.SOURCES:
                kind = Attribution.OFFICIAL  # "it added": a statement, never people unnamed
        elif kind is Attribution.NAMED and re.match(
            r"\s*(?:he|she)\b", sentence[chosen.start :], re.I
        ):
            kind = previous if previous in {Attribution.OFFICIAL, Attribution.NAMED} else kind
        results.append((kind, (chosen.start, chosen.end)))
    results = _quoted_blocks(sentences, kinds, results, roles, people)
    posts = _embedded_posts(sentences, kinds, results, paragraphs)
    return _forwarded_release(sentences, kinds, posts)


def _quotation_open(sentence: str, was_open: bool) -> bool:
    """Whether a curly quotation is still open after ``sentence``; a quoted paragraph that
    runs on into the next opens again without closing. Straight marks, which open and
    close alike, never open one across sentences."""
    # A straight mark closing a curly one ("“Afghanistan was addressed," the person said)
    # counts as a close.
    opens, closes = sentence.count("“"), sentence.count("”") + sentence.count('"')
    if opens or closes:
        return opens > closes or (was_open and opens == closes and not closes)
    return was_open


def _quoted_blocks(
    sentences: Sequence[str],
    kinds: Sequence[Unit],
    results: list[tuple[Attribution, tuple[int, int] | None]],
    roles: Mapping[str, Attribution],
    people: frozenset[str],
) -> list[tuple[Attribution, tuple[int, int] | None]]:
    """ "A Downing Street spokesman added:" and a quotation over several sentences or
    paragraphs: every sentence inside the open quotation is the speaker's, as is one that
    a tagged sentence's quotation runs on into."""
    out = list(results)
    speaker: Attribution | None = None
    inside = False
    for i, (sentence, unit) in enumerate(zip(sentences, kinds, strict=True)):
        stripped = sentence.strip()
        if unit is not Unit.CLAIM:
            speaker, inside = None, False
            continue
        if not inside and _LEAD_IN.search(stripped):
            chosen = _main_cue(_cues(stripped, roles, people))
            kind = chosen.attribution if chosen is not None else None
            speaker = kind if kind not in (None, Attribution.REPORTER) else None
            inside = _quotation_open(stripped, False)
            continue
        if speaker is not None and (inside or stripped[:1] in '“"'):
            if out[i] == (Attribution.REPORTER, None):
                out[i] = (speaker, None)
        else:
            speaker = None
        inside = _quotation_open(stripped, inside)
        if inside and speaker is None and out[i][0] is not Attribution.REPORTER:
            speaker = out[i][0]  # "A statement … read: “Today, …" runs on
        if not inside and stripped[-1:] in '”"':
            speaker = None
    return out


_HANDLE = re.compile(r"(?<![\w.])@\w{2,30}\b")
_LEAD_IN = re.compile(r":\s*[“\"]?\s*$")
_ACCOUNT_OF_OFFICE = re.compile(
    r"\b(?:Ministry|MEA|MoD|MOFA|Spokesperson|Office|Embassy|Department|PIB|ISPR|FCDO|"
    r"Government|Mission|Secretariat|White\s+House|Pentagon|Kremlin)\b|@(?:MEAIndia|StateDept|"
    r"SpoxMEA|DefenceMinIndia|PIB_India|OfficeOf|ForeignOfficePk|MFA_China|mfa_russia|FCDO)",
    re.I,
)


def _embedded_posts(
    sentences: Sequence[str],
    units: Sequence[Unit],
    results: list[tuple[Attribution, tuple[int, int] | None]],
    paragraphs: Sequence[int] | None = None,
) -> list[tuple[Attribution, tuple[int, int] | None]]:
    """An embedded post — its lead-in ("Jaishankar wrote on X:"), its text and its
    signature line — is one block with the attribution of whoever posted it. Without
    a lead-in, the post is the paragraph above its signature."""
    out = list(results)
    for i, unit in enumerate(units):
        if unit is not Unit.SIGNATURE:
            continue
        kind = (
            Attribution.OFFICIAL if _ACCOUNT_OF_OFFICE.search(sentences[i]) else Attribution.NAMED
        )
        start = i
        for j in range(i - 1, max(-1, i - 8), -1):
            if units[j] is not Unit.CLAIM or _MENTIONED_ONLY.match(sentences[j]):
                break  # "He later posted about the call on X." introduces the post
            start = j
            if _LEAD_IN.search(sentences[j]):
                lead = out[j][0]
                if lead in (Attribution.OFFICIAL, Attribution.NAMED):
                    kind = lead
                break
        else:
            start = i
        if start == i and i > 0 and units[i - 1] is Unit.CLAIM:
            start = i - 1  # a post without a lead-in: the line above the signature
            while (
                paragraphs is not None
                and start > 0
                and i - start < 8
                and units[start - 1] is Unit.CLAIM
                and paragraphs[start - 1] == paragraphs[i - 1]
            ):
                start -= 1  # … or the whole paragraph above it
            # … or, across paragraphs, up to the highest line that mentions an account
            # ("Great to meet my friend @SecBlinken …"), all lines between unattributed.
            for j in range(start - 1, max(-1, i - 8), -1):
                if units[j] is not Unit.CLAIM or out[j] != (Attribution.REPORTER, None):
                    break
                if _HANDLE.search(sentences[j]):
                    start = j
        for j in range(start, i + 1):
            out[j] = (kind, out[j][1])
    return out


_RELEASE_HEADER = re.compile(
    r"^\s*Subject:\s*(?:(?:Fwd?|Re):\s*)*(?:Press|Media|Joint)?\s*(?:Release|Statement|Readout)\b|"
    r"\b(?:find|see)\s+(?:below|enclosed|attached)\s+(?:a|an|the)\s+(?:\w+\s+)?"
    r"(?:press\s+release|media\s+release|statement|readout)\b",
    re.I,
)


def _forwarded_release(
    sentences: Sequence[str],
    units: Sequence[Unit],
    results: list[tuple[Attribution, tuple[int, int] | None]],
) -> list[tuple[Attribution, tuple[int, int] | None]]:
    """A release forwarded whole ("Subject: Press Release: …", "Please find below a press
    release …") is the statement itself: its claims, down to the next forwarded
    header, are `official` whoever they quote."""
    out = list(results)
    inside = False
    for i, unit in enumerate(units):
        if unit is Unit.FORWARD:
            inside = False
        if unit in (Unit.FORWARD, Unit.BOILERPLATE) and _RELEASE_HEADER.search(sentences[i]):
            inside = True
        elif inside and unit is Unit.CLAIM:
            out[i] = (Attribution.OFFICIAL, out[i][1])
    return out


def _interrupting_tag(
    masked: str, start: int, end: int, roles: Mapping[str, Attribution] | None
) -> Attribution | None:
    """The class of an "according to …" phrase set between commas inside a reporting
    verb's subject, when it names an official or anonymous source."""
    match = _ACCORDING.search(masked, start, end)
    if match is None or not masked[: match.start()].rstrip().endswith(","):
        return None
    if not masked[match.end() : end].lstrip().startswith(","):
        return None
    kind = classify_subject(match.group("subject"), roles=roles)
    return kind if kind in (Attribution.OFFICIAL, Attribution.SOURCES) else None


def _main_cue(cues: list[_Cue]) -> _Cue | None:
    if not cues:
        return None
    ordered = sorted(cues, key=lambda c: (c.start, -c.end))
    asides = [c for c in ordered if c.parenthetical]
    if asides:
        return asides[0]
    # "X told Y that …, the ministry said on Tuesday": an institutional or anonymous
    # tag at the end governs a sentence that a named person opens.
    tags = [
        c
        for c in ordered
        if c.trailing and c.attribution in (Attribution.OFFICIAL, Attribution.SOURCES)
    ]
    if tags and all(
        c.attribution in (Attribution.NAMED, None) for c in ordered if c.leading and c not in tags
    ):
        return tags[-1]
    for cue in ordered:
        # A leading pronoun ("They stressed …, it said") is the claim's subject,
        # not its source: a trailing tag then governs.
        if cue.leading and (cue.attribution is not None or not any(c.trailing for c in cues)):
            return cue
    trailing = [c for c in ordered if c.trailing]
    if trailing:
        return trailing[-1]
    return ordered[0]


def _last_attributed(
    results: list[tuple[Attribution, tuple[int, int] | None]],
) -> Attribution | None:
    for attribution, _ in reversed(results[-2:]):
        if attribution is not Attribution.REPORTER:
            return attribution
    return None


def _mostly_quote(sentence: str) -> bool:
    masked = _mask_quotes(sentence)
    return len(masked.strip(' .,“”"')) <= 0.25 * len(sentence) or not re.search(
        r"[A-Za-z]{3}", masked
    )
