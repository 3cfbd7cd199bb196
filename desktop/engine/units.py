"""What kind of unit each sentence is: a claim, or the furniture around claims.

A news page and a government release carry lines that are not claims: the
headline, the standfirst, datelines, bylines, photo captions and credits,
"ALSO READ" links, an embedded post's signature line, an e-mail's forward
headers, a release's title and its boilerplate. They are recognised from the
line's layout (position, length, final punctuation, capitalisation), from the
conventions of wire copy and releases (the patterns in ``data/units.txt``) and,
where the reader knew it, from markup the ingest layer passed on the document
(``metadata``: ``title``, ``author``/``byline``, ``captions``, ``subject``).

Only claims are counted and matched; see DESIGN.md.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from wordfreq import zipf_frequency

from desktop.engine.document import Sentence
from desktop.engine.phrases import MONTH
from desktop.engine.related_stories import mark_related_stories
from desktop.engine.vocabulary import Unit

_TERMINAL = '.!?।॥。！？۔؟”’"…'
_MONTH = MONTH


@lru_cache(maxsize=1)
def _patterns() -> dict[Unit, tuple[re.Pattern[str], ...]]:
    """``data/units.txt``: one ``unit<TAB>regex`` a line; ``{MONTH}`` expands to month names."""
    raw = resources.files("desktop.engine").joinpath("data/units.txt").read_text(encoding="utf-8")
    found: dict[Unit, list[re.Pattern[str]]] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, pattern = line.partition("\t")
        found.setdefault(Unit(name.strip()), []).append(
            re.compile(pattern.strip().replace("{MONTH}", _MONTH))
        )
    return {unit: tuple(patterns) for unit, patterns in found.items()}


@dataclass(frozen=True)
class _Line:
    """A sentence with what its layout says."""

    index: int
    text: str
    whole_line: bool  # the sentence is its line's whole text
    line: int  # 0-based number of the non-empty line it starts on
    words: int
    terminal: bool  # ends like a finished sentence
    block: int = 0  # blank-line-separated block of its line


def _lines(text: str, sentences: Sequence[Sentence]) -> list[_Line]:
    starts: list[int] = []
    blocks: list[int] = []  # the blank-line-separated block of each non-empty line
    offset = 0
    block = 0
    for raw in text.splitlines(keepends=True):
        if raw.strip():
            starts.append(offset + len(raw) - len(raw.lstrip()))
            blocks.append(block)
        elif starts:
            block = blocks[-1] + 1
        offset += len(raw)
    out: list[_Line] = []
    line = 0
    for s in sentences:
        while line + 1 < len(starts) and starts[line + 1] <= s.start:
            line += 1
        body = s.text_in(text).strip()
        line_start = starts[line] if starts else 0
        line_end = text.find("\n", s.start)
        line_end = len(text) if line_end < 0 else line_end
        whole = s.start <= line_start + 1 and text[s.end : line_end].strip() == ""
        out.append(
            _Line(
                s.index,
                body,
                whole,
                line,
                len(body.split()),
                _finished(body),
                blocks[line] if blocks else 0,
            )
        )
    return out


def _finished(body: str) -> bool:
    """Ends like a finished sentence; a closing quotation mark finishes it only after
    a full stop or the like ("… ‘immediately’" is a heading's end, "… ‘now.’" a sentence's)."""
    if not body or body[-1] not in _TERMINAL:
        return False
    if body[-1] in '”’"':
        inner = body.rstrip('”’"')
        return bool(inner) and inner[-1] in _TERMINAL
    return True


def _matches(unit: Unit, text: str) -> bool:
    return any(p.search(text) for p in _searches().get(unit, ()))


def _anchored_body(pattern: re.Pattern[str]) -> str | None:
    """The part after "^" of a pattern that is "^" then the rest as a whole (not "^a|b"),
    scoped with its case flag; None for any other pattern."""
    source = pattern.pattern
    if source.startswith("(?i)"):
        source = source[len("(?i)") :]
    if not source.startswith("^") or pattern.flags & ~(re.I | re.U):
        return None
    first = re._parser.parse(pattern.pattern, pattern.flags).data[0]  # type: ignore[attr-defined]
    if first != (re._constants.AT, re._constants.AT_BEGINNING):  # type: ignore[attr-defined]
        return None
    return ("(?i:" if pattern.flags & re.I else "(?:") + source[1:] + ")"


@lru_cache(maxsize=1)
def _searches() -> dict[Unit, tuple[re.Pattern[str], ...]]:
    """Each unit's patterns as few searches: those anchored at the start joined into one
    "^(?:…|…)" (one search said what a search per pattern did, at a tenth of the calls;
    without MULTILINE "^" is the text's start, so either matches exactly when one of the
    patterns does); the others as they are."""
    found: dict[Unit, tuple[re.Pattern[str], ...]] = {}
    for unit, patterns in _patterns().items():
        bodies = [_anchored_body(p) for p in patterns]
        rest = tuple(p for p, body in zip(patterns, bodies, strict=True) if body is None)
        joined = [body for body in bodies if body is not None]
        found[unit] = (re.compile("^(?:" + "|".join(joined) + ")"), *rest) if joined else rest
    return found


def _hinted(text: str, values: Sequence[str]) -> bool:
    folded = " ".join(text.split()).casefold().strip(" .")
    return any(folded and folded == " ".join(v.split()).casefold().strip(" .") for v in values)


def _title_like(line: _Line) -> bool:
    """A heading line: unfinished, or short and mostly capitalised words."""
    if not line.whole_line or line.words > 30:
        return False
    if not line.terminal:
        return True
    words = re.findall(r"[^\W\d_][\w’'-]*", line.text)
    capitals = sum(1 for w in words if w[:1].isupper())
    return line.words <= 14 and bool(words) and capitals / len(words) >= 0.6


def classify(
    text: str,
    sentences: Sequence[Sentence],
    *,
    official: bool,
    metadata: Mapping[str, str] | None = None,
) -> list[Unit]:
    """The unit of every sentence of one document (``official``: the document is a release)."""
    metadata = metadata or {}
    lines = _lines(text, sentences)
    units = [_fixed_unit(line) for line in lines]
    captions = [c for c in metadata.get("captions", "").split("\n") if c.strip()]
    bylines = [metadata[k] for k in ("byline", "author") if metadata.get(k)]
    titles = [metadata[k] for k in ("title", "headline", "subject") if metadata.get(k)]
    for i, line in enumerate(lines):
        if units[i] is not Unit.CLAIM or not line.whole_line:
            continue
        if captions and _hinted(line.text, captions):
            units[i] = Unit.CAPTION
        elif bylines and line.words <= 8 and any(b in line.text for b in bylines):
            units[i] = Unit.BYLINE
        elif titles and _hinted(line.text, titles):
            units[i] = Unit.TITLE if official else Unit.HEADLINE
    if not official:
        _mark_agency_slugs(lines, units)
    _mark_lone_names(lines, units, official=official)
    _mark_captions(lines, units)
    _mark_caption_labels(lines, units)
    _mark_credited_captions(lines, units)
    _mark_offices(lines, units, official=official)
    _mark_contact_blocks(lines, units)
    _mark_repeated_lines(lines, units)
    _mark_pull_quotes(text, lines, units)
    _mark_link_lists(lines, units)
    _mark_top(lines, units, official=official)
    if official:
        _mark_header_labels(lines, units)
    if not official:
        _mark_lead_furniture(lines, units)
    _mark_headings(lines, units, official=official)
    if not official:
        _mark_summary_bullets(lines, units)
        _mark_agency_bylines(lines, units)
        mark_related_stories(lines, units)
    _mark_repeated_headline(lines, units)
    if not official:
        _mark_tag_runs(lines, units)
        _mark_capital_subheads(lines, units)
    return units


def _mark_capital_subheads(lines: Sequence[_Line], units: list[Unit]) -> None:
    """An all-capitals line of common words inside the story ("NUCLEAR TENSIONS AND
    SANCTIONS", "LEADERS' MEETINGS") is a subheading, not a writer's name: names are rare
    words, a subheading's are everyday ones (wordfreq)."""
    started = False
    for i, line in enumerate(lines):
        if units[i] is Unit.CLAIM and line.terminal:
            started = True
            continue
        if not started or units[i] is not Unit.BYLINE or not line.whole_line:
            continue
        words = re.findall(r"[A-Za-z]+", line.text)
        if (
            2 <= len(words) <= 8
            and line.text.isupper()
            and words[0].lower() != "by"
            and sum(zipf_frequency(w.lower(), "en") >= 3.5 for w in words) * 2 > len(words)
        ):
            units[i] = Unit.HEADLINE


_TAG_KINDS = frozenset(
    [Unit.CLAIM, Unit.BYLINE, Unit.DATELINE, Unit.HEADLINE, Unit.STANDFIRST, Unit.BOILERPLATE]
)


def _mark_tag_runs(lines: Sequence[_Line], units: list[Unit]) -> None:
    """Three or more short unfinished lines in a row after the story's last finished
    sentence ("Middle East News", "Cairo", "Foreign Ministers", "Ceasefire") are its topic
    tags: page furniture."""
    last = max(
        (
            i
            for i, line in enumerate(lines)
            if units[i] is Unit.CLAIM and line.terminal and line.words >= 8
        ),
        default=len(lines),
    )
    run: list[int] = []
    for i in range(last + 1, len(lines) + 1):
        line = lines[i] if i < len(lines) else None
        if (
            line is not None
            and line.whole_line
            and line.words <= 3
            and not line.terminal
            and line.text[:1].isupper()
            and units[i] in _TAG_KINDS
        ):
            run.append(i)
            continue
        # A date among them makes them a release's or a forward's head, not tags.
        if len(run) >= 3 and not any(ch.isdigit() for k in run for ch in lines[k].text):
            for k in run:
                units[k] = Unit.BOILERPLATE
        run = []


_SLUG = re.compile(r"^[A-Z]{1,6}/\d{3,10}$")


def _mark_agency_slugs(lines: Sequence[_Line], units: list[Unit]) -> None:
    """An agency's sign-off slug under an article ("MA/4989402") credits the agency; a
    release's closing initials stay its boilerplate."""
    for i, line in enumerate(lines):
        if units[i] is Unit.BOILERPLATE and line.whole_line and _SLUG.match(line.text):
            units[i] = Unit.CREDIT


_AGENCY = re.compile(r"^\(?(?:PTI|ANI|IANS|UNI|AAP|AP|AFP|Reuters|Press Trust of India)\)?$")


def _mark_agency_bylines(lines: Sequence[_Line], units: list[Unit]) -> None:
    """An agency's name alone above the body is its byline; below, its closing credit."""
    for i, unit in enumerate(units):
        if unit is Unit.CLAIM:
            return
        if (
            unit is Unit.CREDIT
            and lines[i].whole_line
            and _AGENCY.match(lines[i].text)
            and not (i > 0 and units[i - 1] in (Unit.CAPTION, Unit.CREDIT))  # under a caption
        ):
            units[i] = Unit.BYLINE


_PLACES_OR_NAMES = re.compile(r"^[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}$")
_ALL_CAPS = re.compile(r"^[^a-z]*[A-Z]{2}[^a-z]*$")
# A correspondent's line near the top: "Nina Hartley in Beijing", "A and B in Seoul".
_NAME_IN_PLACE = re.compile(
    r"^[A-Z][\w.’'-]+(?:\s[A-Z][\w.’'-]+){1,2}(?:\s(?:and|&)\s[A-Z][\w.’'-]+(?:\s[A-Z][\w.’'-]+){1,2})?"
    r"\sin\s[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2}$"
)


def _mark_lone_names(lines: Sequence[_Line], units: list[Unit], *, official: bool) -> None:
    """A line that is only a place is a dateline; only a person's name, a byline; a
    release's all-capitals line (its minister's name and office), boilerplate; a
    release's line that introduces a quotation or a readout ("… said:"), boilerplate;
    a release's "From:" line is its metadata, not an e-mail header."""
    from desktop.engine.attribution import government_names

    places = government_names()
    for i, line in enumerate(lines):
        if not line.whole_line:
            continue
        unit = units[i]
        if (
            official
            and unit is Unit.FORWARD
            and not re.search(r"(?i)forwarded|original", line.text)
        ):
            units[i] = Unit.BOILERPLATE
            continue
        if unit is not Unit.CLAIM and not (unit is Unit.DATELINE and _ALL_CAPS.match(line.text)):
            continue
        text = line.text.strip(" .")
        if text.lower() in places or text.lower() in _CAPITALS:
            units[i] = Unit.DATELINE
        elif (official and _ALL_CAPS.match(text) and line.words >= 3) or (
            official and text.endswith(":") and line.words <= 16
        ):
            units[i] = Unit.BOILERPLATE
        elif (
            not official
            and i > 0
            and not line.terminal
            and _PLACES_OR_NAMES.match(text)
            and 2 <= line.words <= 4
        ) or (not official and 0 < i <= 8 and not line.terminal and _NAME_IN_PLACE.match(text)):
            units[i] = Unit.BYLINE


# Cities that stand alone on a release's or article's place line, beyond the capitals
# that data/governments.txt already names.
_CAPITALS = frozenset(
    [
        "new delhi",
        "washington",
        "beijing",
        "islamabad",
        "moscow",
        "london",
        "tokyo",
        "brussels",
        "canberra",
        "kabul",
        "dhaka",
        "kathmandu",
        "colombo",
        "tehran",
        "riyadh",
        "abu dhabi",
        "ankara",
        "paris",
        "berlin",
        "ottawa",
        "manila",
        "seoul",
        "kyiv",
        "geneva",
        "new york",
        "kuala lumpur",
        "singapore",
        "jakarta",
        "hanoi",
        "bangkok",
        "mumbai",
        "chennai",
        "kolkata",
        "bengaluru",
        "rawalpindi",
        "lahore",
        "karachi",
        "shanghai",
        "tianjin",
        "qingdao",
    ]
)


def _fixed_unit(line: _Line) -> Unit:
    """A unit that its own words decide, wherever it stands."""
    if not line.text:
        return Unit.BOILERPLATE
    order = (
        Unit.FORWARD,
        Unit.SIGNATURE,
        Unit.LINK,
        Unit.CREDIT,
        Unit.DATELINE,
        Unit.BYLINE,
        Unit.BOILERPLATE,
        Unit.CAPTION,
        Unit.TITLE,
    )
    for unit in order:
        if unit in (Unit.BYLINE, Unit.DATELINE, Unit.TITLE) and not line.whole_line:
            continue
        if unit is Unit.BYLINE and line.words > 40:
            continue
        if unit is Unit.DATELINE and line.words > 14:
            continue
        if _matches(unit, line.text):
            if (
                unit is Unit.DATELINE
                and line.text.isupper()
                and line.words == 1
                and _matches(Unit.BOILERPLATE, line.text)
            ):
                return Unit.BOILERPLATE  # "ADVERTISEMENT", "OPINION": a page's word, no place
            return unit
    if line.whole_line and not any(ch.isalpha() for ch in line.text):
        return Unit.BOILERPLATE  # "183", "0 / 0", a stray "." — a counter or a widget
    return Unit.CLAIM


def _mark_top(lines: Sequence[_Line], units: list[Unit], *, official: bool) -> None:
    """The first lines: a headline (or a release's title), then perhaps a standfirst."""
    body = [i for i, u in enumerate(units) if u in (Unit.CLAIM, Unit.TITLE, Unit.HEADLINE)]
    if not body:
        return
    if _kicker(lines, units, body):
        units[body[0]] = Unit.BOILERPLATE
        body = body[1:]
    first = body[0]
    line = lines[first]
    top = all(units[i] is not Unit.CLAIM for i in range(first))
    if not top or units[first] is not Unit.CLAIM:
        if units[first] is Unit.HEADLINE or units[first] is Unit.TITLE:
            if not official and units[first] is Unit.TITLE and Unit.FORWARD not in units[:first]:
                # A news page's first line is its headline, however much it reads like a
                # release's title ("FM holds phone call with counterpart"); a release
                # forwarded inside the text keeps its title.
                units[first] = Unit.HEADLINE
            first_kind = units[first]
        else:
            return
    elif line.whole_line and (not line.terminal or _title_like(line)) and line.words <= 30:
        first_kind = Unit.TITLE if official else Unit.HEADLINE
        units[first] = first_kind
    else:
        return
    # A standfirst sits between the headline (or a release's title) and the furniture
    # that opens the body (byline, dateline, caption, credit): one to four whole lines
    # followed by furniture.
    furniture = {
        Unit.BYLINE,
        Unit.DATELINE,
        Unit.CAPTION,
        Unit.CREDIT,
        Unit.LINK,
        Unit.BOILERPLATE,
    }
    # The block is counted in lines, not sentences: a standfirst may be two sentences
    # on one line. It also ends where the body's lead opens with its own dateline
    # ("New Delhi: …", "WASHINGTON (AP) — …").
    block: list[int] = []
    block_lines: set[int] = set()
    # A picture may sit between the headline and the standfirst (its caption and credit).
    start = first + 1
    while start < len(lines) and units[start] in (Unit.CAPTION, Unit.CREDIT):
        start += 1
    after_picture = start > first + 1
    for following in range(start, len(lines)):
        line = lines[following]
        new_line = line.line not in block_lines and line.line != lines[first].line
        if (
            new_line
            and block
            and (units[following] in furniture or _opens_with_dateline(line.text))
        ):
            break
        if (
            (not new_line and not block)
            or (new_line and len(block_lines) == 4)
            or units[following] not in (Unit.CLAIM, Unit.HEADLINE)
            or _line_words(lines, line) > 60
            or _opens_with_dateline(line.text)
        ):
            return
        block.append(following)
        block_lines.add(line.line)
    else:
        return
    if not any(unit is Unit.CLAIM for unit in units[following:]):
        return  # nothing follows the furniture: the block is the body of a short text
    if after_picture and units[following] not in (Unit.BYLINE, Unit.DATELINE):
        return  # past a picture, only a byline or a date line closes a standfirst
    if len(block) > 3:
        return  # a summary is a sentence or three; more is the body's first paragraphs
    for i in block:
        units[i] = Unit.STANDFIRST


def _headline_key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def _mark_repeated_headline(lines: Sequence[_Line], units: list[Unit]) -> None:
    """A page shows its headline again (the picture's title, the share box): a later line
    that is the headline word for word, whatever its case and punctuation, is the headline,
    never a standfirst or a claim."""
    heads = {_headline_key(lines[i].text) for i, u in enumerate(units) if u is Unit.HEADLINE}
    heads.discard("")
    if not heads:
        return
    for i, line in enumerate(lines[:40]):
        if (
            units[i] in (Unit.STANDFIRST, Unit.CLAIM, Unit.CAPTION)
            and line.whole_line
            and _headline_key(line.text) in heads
        ):
            units[i] = Unit.HEADLINE


def _kicker(lines: Sequence[_Line], units: Sequence[Unit], body: Sequence[int]) -> bool:
    """A section label above the headline or title ("East Asia", "Press Releases"): one
    or two words on a line of their own, then a longer heading line."""
    if len(body) < 2 or units[body[0]] is not Unit.CLAIM:
        return False
    label, heading = lines[body[0]], lines[body[1]]
    if any(units[i] is Unit.CLAIM for i in range(body[0])):
        return False
    return (
        label.whole_line
        and not label.terminal
        and (label.words <= 2 or (label.words <= 4 and label.text.upper() == label.text))
        and heading.whole_line
        and heading.line != label.line
        and heading.words >= 4
        and units[body[1]] in (Unit.CLAIM, Unit.TITLE, Unit.HEADLINE)
        and (not heading.terminal or _title_like(heading))
    )


def _mark_header_labels(lines: Sequence[_Line], units: list[Unit]) -> None:
    """Between a release's title and its first sentence, a line of one to three words
    that is no date is a section label of the site ("Briefing Room")."""
    titled = False
    for i, line in enumerate(lines):
        unit = units[i]
        if unit is Unit.TITLE:
            titled = True
            continue
        if unit is not Unit.CLAIM:
            continue
        if titled and line.whole_line and not line.terminal and line.words <= 3:
            units[i] = Unit.BOILERPLATE
            continue
        return


def _mark_repeated_lines(lines: Sequence[_Line], units: list[Unit]) -> None:
    """An unfinished line that comes back word for word is the page's furniture: a
    printed page's running header ("The Japan Times | Thursday, March 5, 2026"), a
    live blog's "Copy link" under every entry."""
    keys = [" ".join(line.text.split()).casefold() if line.whole_line else "" for line in lines]
    seen = Counter(k for k in keys if k)
    for i, line in enumerate(lines):
        if not line.whole_line or line.terminal or seen[keys[i]] < 2:
            continue
        # A date line repeats on a release's top and foot: only one that also names
        # something else ("Paper | date") is a running header. A repeated heading may
        # be a live blog's key-events entry: only a few words of page controls are.
        header = units[i] is Unit.DATELINE and "|" in line.text
        control = units[i] is Unit.CLAIM and line.words <= 4
        if header or control:
            units[i] = Unit.BOILERPLATE


# A pull quote: a quotation on a line of its own, signed with a dash and a name.
_PULL_QUOTE = re.compile(r"^[“\"‘'](?P<quote>[^“”\"]{20,400})[”\"’']\s*[—–-]\s*[A-Z][^.!?]{1,80}$")


def _mark_pull_quotes(text: str, lines: Sequence[_Line], units: list[Unit]) -> None:
    """A pull quote repeats words the body quotes: the copy set apart is furniture."""
    for i, line in enumerate(lines):
        match = _PULL_QUOTE.match(line.text) if line.whole_line else None
        if match is None or units[i] not in (Unit.CLAIM, Unit.HEADLINE):
            continue
        quote = match.group("quote").strip().rstrip(".,")
        if text.count(quote) >= 2:
            units[i] = Unit.BOILERPLATE


def _line_words(lines: Sequence[_Line], line: _Line) -> int:
    return sum(other.words for other in lines if other.line == line.line)


def _line_ends(lines: Sequence[_Line], index: int) -> bool:
    """The sentence is the last of its line."""
    return index + 1 >= len(lines) or lines[index + 1].line != lines[index].line


def _opens_with_dateline(text: str) -> bool:
    """A body lead that carries its own dateline: "New Delhi: …", "WASHINGTON (AP) — …",
    "Beijing, Aug 31 (Reuters) - …"."""
    return bool(_LEAD_DATELINE.match(text)) and len(text.split()) > 6


_LEAD_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'’/-]+(?:\s[A-Z][A-Za-z.'’/-]+){0,2})"
    r"(?:,\s*(?:" + _MONTH + r"\s*\d{1,2}|\d{1,2}\s+" + _MONTH + r")(?:,?\s*\d{4})?)?"
    r"\s*(?:\([A-Za-z]{2,10}\)|\[[A-Za-z]{2,10}\])?\s*(?::|[—–]|\s--?)\s"
)


def _mark_captions(lines: Sequence[_Line], units: list[Unit]) -> None:
    """A short line beside a photo credit — or sharing its line with the credit, as in
    "Defence Minister Rajnath Singh. (File photo: PTI)" — describes the photo."""
    per_line: dict[int, int] = {}
    for line in lines:
        per_line[line.line] = per_line.get(line.line, 0) + 1
    for i, unit in enumerate(units):
        if unit is not Unit.CREDIT:
            continue
        # A note on the story's wire feed ("… headline and picture … syndicated feed")
        # credits no photo.
        # "Yonhap |": an agency closing a caption with a bar credits the picture.
        photo = bool(
            _PHOTO_CREDIT.search(lines[i].text)
            or _NAME_SLASH.search(lines[i].text)
            or lines[i].text.endswith("|")
        ) and not _FEED_NOTE.search(lines[i].text)
        if i > 0 and units[i - 1] in (Unit.CAPTION, Unit.CREDIT):
            continue  # a second credit of the same picture
        for j in (i - 1, i + 1):
            if 0 <= j < len(units) and (
                units[j] is Unit.CLAIM
                # "Foreign Minister Takeshi Iwaya" under "Yomiuri Shimbun file photo": a
                # titled name beside a credit is the picture's subject, not a writer.
                or (units[j] is Unit.BYLINE and _TITLED.search(lines[j].text))
            ):
                line = lines[j]
                if (
                    j == i - 1
                    and line.line == lines[i].line
                    and per_line[line.line] == 3
                    and _mark_caption_line(lines, units, i, photo)
                ):
                    break
                with_credit = line.line == lines[i].line and per_line[line.line] == 2
                alone = (line.whole_line and photo) or with_credit
                if alone and line.words <= 45 and not _reported(line.text):
                    units[j] = Unit.CAPTION
                    break


_CAPTION_LABEL = re.compile(r"(?i)^(?:media|image|video|photo)\s+caption\s?[,:]?$")


def _mark_caption_labels(lines: Sequence[_Line], units: list[Unit]) -> None:
    """ "Media caption," alone on its line is a caption's label, and labels the caption
    on the next line."""
    for i, line in enumerate(lines):
        if not _CAPTION_LABEL.match(line.text) or units[i] not in (Unit.CLAIM, Unit.CAPTION):
            continue
        units[i] = Unit.CAPTION
        following = lines[i + 1] if i + 1 < len(lines) else None
        if (
            following is not None
            and units[i + 1] in (Unit.CLAIM, Unit.HEADLINE)
            and following.whole_line
            and following.words <= 45
            and not _reported(following.text)
        ):
            units[i + 1] = Unit.CAPTION


def _mark_caption_line(lines: Sequence[_Line], units: list[Unit], credit: int, photo: bool) -> bool:
    """A two-sentence caption that ends in its photo credit on the same line ("X speaks
    with reporters in Ottawa. Anand met her counterpart on Monday. (Name/The Canadian
    Press)"): every sentence of that line before the credit describes the picture."""
    same = [k for k in range(max(0, credit - 2), credit) if lines[k].line == lines[credit].line]
    if not photo or len(same) != 2:
        return False
    if sum(lines[k].words for k in same) > 50 or any(
        units[k] is not Unit.CLAIM or _reported(lines[k].text) for k in same
    ):
        return False
    for k in same:
        units[k] = Unit.CAPTION
    return True


_TITLED = re.compile(
    r"\b(?:Minister|President|Secretary|Chancellor|Premier|King|Prince|Ambassador|Envoy|Spokesperson)\b"
)
_NAME_SLASH = re.compile(r"\w\s?/\s?[A-Z]")  # "Kilpatrick/The Canadian Press"
_FEED_NOTE = re.compile(r"(?i)\b(?:syndicated|auto-generated|wire\s+(?:agency\s+)?feed)\b")
_PHOTO_CREDIT = re.compile(
    r"(?i)\b(?:photo|image|picture|pic|file|credit|courtesy|getty|x/@|twitter|stringer|licensing)\b"
)


def _reported(text: str) -> bool:
    """Words of a news lead, not of a caption: a reporting verb, an agency tag "(PTI)"
    inside the sentence. (A day of the week is no sign: captions date their photos.)"""
    return _says(text) or bool(re.search(r"\((?:PTI|ANI|IANS|Reuters|AP|AFP)\)\s\S", text))


def _mark_summary_bullets(lines: Sequence[_Line], units: list[Unit]) -> None:
    """Headings after the headline and before the first claim of the body are the
    story's summary points (a wire story's bullets): its standfirst. Past a time stamp
    or a link list, a heading standing alone in its paragraph is an entry's heading (a
    live blog's); bullets come as a list."""
    headings: dict[int, int] = {}  # headings per blank-line block (one pass: linear)
    for line, unit in zip(lines, units, strict=True):
        if unit in (Unit.HEADLINE, Unit.STANDFIRST):
            headings[line.block] = headings.get(line.block, 0) + 1
    seen_headline = False
    past_furniture = False
    for i, unit in enumerate(units):
        if unit is Unit.CLAIM:
            return
        if seen_headline and unit in (Unit.DATELINE, Unit.LINK):
            past_furniture = True
        if unit is Unit.HEADLINE:
            listed = headings[lines[i].block]
            if seen_headline and (not past_furniture or listed >= 2):
                units[i] = Unit.STANDFIRST
            seen_headline = True


_SUBHEAD_QUESTION = re.compile(
    r"^(?:What|Why|How|Who|Where|When|Which|Is|Are|Will|Can|Does|Did)\b[^“”\"?]{3,60}\?$"
)


def _mark_headings(lines: Sequence[_Line], units: list[Unit], *, official: bool) -> None:
    """Unfinished short lines in the body: section headings and live-blog entry titles."""
    for i, line in enumerate(lines):
        if units[i] is not Unit.CLAIM or not line.whole_line:
            continue
        # A subheading may ask the question its section answers: "What did they say?"
        question = not official and _SUBHEAD_QUESTION.match(line.text) is not None
        if line.terminal and not question:
            continue
        if line.words > (6 if official else 16) or line.text.endswith((":", ",", ";")):
            continue
        next_claim = i + 1 < len(units) and units[i + 1] is Unit.CLAIM
        if next_claim:
            units[i] = Unit.TITLE if official else Unit.HEADLINE


# A photo credit that closes a caption's own sentence: "(File photo: PTI)",
# "(AP Photo/Stringer)", "(PTI)", "(Photo: Supplied)", "| Photo Credit: Reuters".
_TRAILING_CREDIT = re.compile(
    r"(?:\((?:File|Photo|Image|Pic|Picture|Representational|Representative|Screengrab|"
    r"PTI|ANI|IANS|UNI|AP|AFP|EPA|Reuters|REUTERS|AAP|Getty|Xinhua|Bloomberg|TASS|Kyodo|"
    r"Yonhap|Supplied|Handout)(?:\s+(?:photo|Photo|image|Image|pic|file|File|Images))?"
    r"(?:\s*[:/|]\s*[^()]{1,50})?\)|[|]\s*(?:Photo|Image|Picture)\s*(?:[Cc]redit)?\s*:\s*[^.|()]{1,50}|"
    # "… Image Credit: ANI", "… /Courtesy of Ministry of Foreign Affairs", "… Itar-Tass/Valery
    # Matytsin": the credit run on at the end of the caption's line.
    r"\s(?:Image|Photo|Picture)\s+[Cc]redit\s*:\s*[^.|()]{1,50}|\s/\s?[Cc]ourtesy\s+(?:of\s+)?[^.|()/]{2,60}|"
    r"\s(?:Itar-Tass|TASS|Xinhua|Reuters|REUTERS|AFP|AP|EPA(?:-EFE)?|ANI|PTI|Yonhap|Kyodo|AAP|Sputnik)/[A-Z][\w .'’-]{1,40})$"
)


# A wire photo's caption closes with the day it was taken: "…, Mandalay, Myanmar,
# Sunday, March 30, 2025." (AP), "…, October 12, 2025." (Reuters).
_DATED_CAPTION = re.compile(
    r",\s(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s)?" + _MONTH + r"\s\d{1,2},\s\d{4}\.$"
)


def _mark_credited_captions(lines: Sequence[_Line], units: list[Unit]) -> None:
    """A sentence that ends in a photo credit, or a wire photo's date, describes the photo."""
    for i, line in enumerate(lines):
        if units[i] is not Unit.CLAIM or line.words > 45 or _says(line.text):
            continue
        credited = _TRAILING_CREDIT.search(line.text.rstrip(" .")) and _line_ends(lines, i)
        if credited or (line.whole_line and _DATED_CAPTION.search(line.text)):
            units[i] = Unit.CAPTION


def _says(text: str) -> bool:
    return bool(re.search(r"\b(?:said|says|told|added|according\s+to|stated|noted)\b", text))


# The issuing office's name on a line of its own, as releases and e-mailed
# releases sign off: "High Commission of India, Canberra", "Ministry of External Affairs".
_OFFICE = re.compile(
    r"^(?:The\s+)?(?:Embassy|High\s+Commission|Consulate(?:\s+General)?|Permanent\s+Mission|"
    r"Ministry|Department|Office|Bureau|Directorate|Secretariat|Press\s+Wing|Press\s+Office|"
    r"Presidency|Chancellery|Cabinet\s+Office|Spokesperson|Spokesman|Spokeswoman|"
    r"Media\s+(?:Centre|Center|Cell|Office)|Spokesperson['’]s\s+Office)"
    r"(?:\s+(?:of|for|to)\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:of|and|for|the|&|[A-Z][\w'’&-]*)){0,6})?"
    r"(?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})?$"
)


def _mark_offices(lines: Sequence[_Line], units: list[Unit], *, official: bool) -> None:
    """An office's name alone on an unfinished line, past the top of the document."""
    seen_claim = False
    for i, line in enumerate(lines):
        if units[i] is Unit.CLAIM and not (line.whole_line and _OFFICE.match(line.text)):
            seen_claim = True
            continue
        if (
            units[i] is Unit.CLAIM
            and (seen_claim or official)
            and line.words <= 12
            and not line.text.endswith((".", "!", "?"))
        ):
            units[i] = Unit.BOILERPLATE


_CONTACT_HEADING = re.compile(
    r"(?i)^(?:press|media)\s+(?:contacts?|enquiries|inquiries|office)\s*:?$|^contacts?\s*:?$"
)


def _mark_contact_blocks(lines: Sequence[_Line], units: list[Unit]) -> None:
    """Under a release's "Press contacts" heading, the short unfinished lines that follow
    (a name, a title, a telephone number, an address) are the contact block."""
    for i, line in enumerate(lines):
        if not (line.whole_line and _CONTACT_HEADING.match(line.text)):
            continue
        units[i] = Unit.BOILERPLATE
        for j in range(i + 1, len(lines)):
            after = lines[j]
            if not after.whole_line or after.terminal or after.words > 12:
                break
            units[j] = Unit.BOILERPLATE


_VERBS = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|shall|should|can|could|may|might|"
    r"must|did|does|do|said|says|told|added|stated|noted|called|urged|agreed|spoke|met|held)\b"
    r"|\b[a-z]{3,}ed\b"
)


def _mark_lead_furniture(lines: Sequence[_Line], units: list[Unit]) -> None:
    """Between the byline or dateline block and the body's lead, a short line that names
    no speech and (unless a dated lead follows it) carries no finite verb is the photo's
    caption: the layout of a news page's top, where the picture sits above the lead."""
    furniture = (Unit.BYLINE, Unit.DATELINE, Unit.CREDIT)
    for i, line in enumerate(lines[:-1]):
        if i > 20:
            return
        if units[i] is not Unit.CLAIM:
            continue
        if i == 0 or units[i - 1] not in furniture:
            return
        after = lines[i + 1]
        if (
            line.whole_line
            and units[i + 1] is Unit.CLAIM
            and after.line != line.line
            and line.words <= 45
            and not _says(line.text)
            and (
                _opens_with_dateline(after.text)
                or (
                    line.terminal
                    and line.words <= 25
                    and not _VERBS.search(line.text)
                    and after.words > line.words
                )
            )
            and not _opens_with_dateline(line.text)
        ):
            units[i] = Unit.CAPTION
        return


def _mark_link_lists(lines: Sequence[_Line], units: list[Unit]) -> None:
    """Under a short link heading ("Key events", "Related", "Top stories"), the unfinished
    lines of the same block are the listed stories' links."""
    heading: _Line | None = None
    for i, line in enumerate(lines):
        if units[i] is Unit.LINK and line.whole_line and line.words <= 4:
            heading = line
            continue
        if heading is None or line.block != heading.block:
            heading = None
            continue
        if units[i] is Unit.CLAIM and line.whole_line and not line.terminal and line.words <= 20:
            units[i] = Unit.LINK
        else:
            heading = None
