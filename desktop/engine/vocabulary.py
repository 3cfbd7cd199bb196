"""The engine's labels, shared by the JSON contract, the UI and the labeled cases."""

from __future__ import annotations

from enum import StrEnum


class Attribution(StrEnum):
    """Who a sentence says its content comes from."""

    OFFICIAL = "official"
    SOURCES = "sources"
    NAMED = "named"
    REPORTER = "reporter"


class Coverage(StrEnum):
    """Whether a claim is in the other side (the official readout, or the background)."""

    COVERED = "covered"
    PARTIAL = "partial"
    ABSENT = "absent"


class Role(StrEnum):
    """What a document is in a comparison."""

    OFFICIAL = "official"
    BACKGROUND = "background"
    COUNTERPART = "counterpart"  # the other government's readout of the same event
    VERSION = "version"  # another (earlier or later) version of the official release


class Unit(StrEnum):
    """What kind of text unit a sentence is. Only claims are counted and matched;
    a headline keeps its own coverage judgement but is never a match target."""

    CLAIM = "claim"
    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    DATELINE = "dateline"
    BYLINE = "byline"
    CAPTION = "caption"
    CREDIT = "credit"
    TITLE = "title"
    LINK = "link"
    SIGNATURE = "signature"
    FORWARD = "forward"
    BOILERPLATE = "boilerplate"

    @property
    def is_claim(self) -> bool:
        return self is Unit.CLAIM


class Shift(StrEnum):
    """How a report's wording moves a matched readout claim (the lens, desktop.engine.lens)."""

    SAME = "same"
    STRENGTHENED = "strengthened"
    SOFTENED = "softened"
    HEDGED = "hedged"
    SHARPENED = "sharpened"
    CONTRADICTED = "contradicted"
