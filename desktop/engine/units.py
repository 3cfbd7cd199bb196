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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from desktop.engine.document import Sentence
from desktop.engine.vocabulary import Unit

_TERMINAL = '.!?।॥。！？۔؟”’"…'
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)


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


def _lines(text: str, sentences: Sequence[Sentence]) -> list[_Line]:
    starts: list[int] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        if raw.strip():
            starts.append(offset + len(raw) - len(raw.lstrip()))
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
                body[-1:] in _TERMINAL if body else False,
            )
        )
    return out


def _matches(unit: Unit, text: str) -> bool:
    return any(p.search(text) for p in _patterns().get(unit, ()))


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
    _mark_lone_names(lines, units, official=official)
    _mark_captions(lines, units)
    _mark_top(lines, units, official=official)
    _mark_headings(lines, units, official=official)
    if not official:
        _mark_summary_bullets(units)
        _mark_agency_bylines(lines, units)
    return units


_AGENCY = re.compile(r"^\(?(?:PTI|ANI|IANS|UNI|AAP|AP|AFP|Reuters|Press Trust of India)\)?$")


def _mark_agency_bylines(lines: Sequence[_Line], units: list[Unit]) -> None:
    """An agency's name alone above the body is its byline; below, its closing credit."""
    for i, unit in enumerate(units):
        if unit is Unit.CLAIM:
            return
        if unit is Unit.CREDIT and _AGENCY.match(lines[i].text):
            units[i] = Unit.BYLINE


_PLACES_OR_NAMES = re.compile(r"^[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3}$")
_ALL_CAPS = re.compile(r"^[^a-z]*[A-Z]{2}[^a-z]*$")


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
        ):
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
            return unit
    return Unit.CLAIM


def _mark_top(lines: Sequence[_Line], units: list[Unit], *, official: bool) -> None:
    """The first lines: a headline (or a release's title), then perhaps a standfirst."""
    body = [i for i, u in enumerate(units) if u in (Unit.CLAIM, Unit.TITLE, Unit.HEADLINE)]
    if not body:
        return
    first = body[0]
    line = lines[first]
    top = all(units[i] is not Unit.CLAIM for i in range(first))
    if not top or units[first] is not Unit.CLAIM:
        if units[first] is Unit.HEADLINE or units[first] is Unit.TITLE:
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
    block: list[int] = []
    for following in range(first + 1, min(len(lines), first + 5)):
        if units[following] in furniture:
            break
        if units[following] not in (Unit.CLAIM, Unit.HEADLINE) or not lines[following].whole_line:
            return
        if lines[following].words > 60:
            return
        block.append(following)
    else:
        return
    for i in block:
        units[i] = Unit.STANDFIRST


def _mark_captions(lines: Sequence[_Line], units: list[Unit]) -> None:
    """A short line beside a photo credit — or sharing its line with the credit, as in
    "Defence Minister Rajnath Singh. (File photo: PTI)" — describes the photo."""
    per_line: dict[int, int] = {}
    for line in lines:
        per_line[line.line] = per_line.get(line.line, 0) + 1
    for i, unit in enumerate(units):
        if unit is not Unit.CREDIT:
            continue
        photo = bool(_PHOTO_CREDIT.search(lines[i].text))
        for j in (i - 1, i + 1):
            if 0 <= j < len(units) and units[j] is Unit.CLAIM:
                line = lines[j]
                with_credit = line.line == lines[i].line and per_line[line.line] == 2
                alone = (line.whole_line and photo) or with_credit
                if alone and line.words <= 45 and not _reported(line.text):
                    units[j] = Unit.CAPTION
                    break


_PHOTO_CREDIT = re.compile(
    r"(?i)\b(?:photo|image|picture|pic|file|credit|courtesy|getty|x/@|twitter|stringer|licensing)\b"
)


def _reported(text: str) -> bool:
    """Words of a news lead, not of a caption: a reporting verb, "on Tuesday", "(PTI)"."""
    return bool(
        re.search(
            r"\b(?:said|says|told|added|according to)\b|\bon\s+(?:Monday|Tuesday|Wednesday|"
            r"Thursday|Friday|Saturday|Sunday)\b|\((?:PTI|ANI|IANS|Reuters|AP|AFP)\)",
            text,
        )
    )


def _mark_summary_bullets(units: list[Unit]) -> None:
    """Headings after the headline and before the first claim of the body are the
    story's summary points (a wire story's bullets): its standfirst."""
    seen_headline = False
    for i, unit in enumerate(units):
        if unit is Unit.CLAIM:
            return
        if unit is Unit.HEADLINE:
            if seen_headline:
                units[i] = Unit.STANDFIRST
            seen_headline = True


def _mark_headings(lines: Sequence[_Line], units: list[Unit], *, official: bool) -> None:
    """Unfinished short lines in the body: section headings and live-blog entry titles."""
    for i, line in enumerate(lines):
        if units[i] is not Unit.CLAIM or not line.whole_line or line.terminal:
            continue
        if line.words > (6 if official else 16) or line.text.endswith((":", ",", ";")):
            continue
        next_claim = i + 1 < len(units) and units[i + 1] is Unit.CLAIM
        if next_claim:
            units[i] = Unit.TITLE if official else Unit.HEADLINE
