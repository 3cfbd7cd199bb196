"""Guess whether a document is the official statement or reporting about it.

The guess only places documents (left pane or right); the user can swap them.
Evidence is weighed, not ruled on: a government domain counts most, then the
title, then the wording: a release speaks for itself ("The following is
attributable to the Spokesperson"), a report attributes ("sources said",
"told reporters") and carries a byline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from desktop.engine.document import Document

_OFFICIAL_HOSTS = frozenset(
    {
        "mea.gov.in", "pib.gov.in", "mod.gov.in", "pmindia.gov.in", "state.gov",
        "defense.gov", "war.gov", "whitehouse.gov", "gov.uk", "fmprc.gov.cn", "mfa.gov.cn",
        "ispr.gov.pk", "mofa.gov.pk", "mofa.go.jp", "kantei.go.jp", "kremlin.ru", "mid.ru",
        "government.ru", "elysee.fr", "diplomatie.gouv.fr", "auswaertiges-amt.de",
        "bundesregierung.de", "consilium.europa.eu", "eeas.europa.eu", "ec.europa.eu",
        "un.org", "nato.int", "canada.ca", "pm.gc.ca", "dfat.gov.au", "mofa.go.kr",
        "president.go.kr", "mfa.gov.sg", "pmo.gov.il", "mfa.gov.il",
    }
)  # fmt: skip
_OFFICIAL_PATTERNS = re.compile(
    r"(^|\.)(gov|mil|int)$"
    r"|(^|\.)(gov|gouv|gob|govt|go|mil|gv|gc)\.[a-z]{2}$"
    r"|(^|\.)(admin\.ch|nic\.in|gc\.ca|europa\.eu)$"
    r"|^(www\.)?(mofa|mfa)\."
)
_NEWS_HOSTS = frozenset(
    {
        "reuters.com", "apnews.com", "bbc.com", "bbc.co.uk", "nytimes.com",
        "washingtonpost.com", "theguardian.com", "aljazeera.com", "cnn.com", "bloomberg.com",
        "ft.com", "wsj.com", "economist.com", "politico.com", "axios.com", "france24.com",
        "dw.com", "thehindu.com", "indianexpress.com", "hindustantimes.com", "ndtv.com",
        "indiatimes.com", "deccanherald.com", "theprint.in", "thewire.in", "scroll.in",
        "livemint.com", "business-standard.com", "ptinews.com", "aninews.in", "dawn.com",
        "tribune.com.pk", "geo.tv", "scmp.com", "globaltimes.cn", "xinhuanet.com",
        "japantimes.co.jp", "nikkei.com", "kyodonews.net", "tass.com", "abc.net.au",
        "cbc.ca", "nbcnews.com", "cbsnews.com", "foxnews.com", "news.yahoo.com",
    }
)  # fmt: skip

_OFFICIAL_TITLE = re.compile(
    r"\b(readout|joint statement|press release|statement by|statement on|raksha mantri"
    r"|attributable to the spokesperson|remarks by|media note|fact sheet|transcript of"
    r"|joint declaration|communiqu[eé]|official spokesperson)\b",
    re.I,
)
# The same words as a document's first line: a release is titled by them, a report
# only mentions them ("... rewrites readout of call").
_OFFICIAL_FIRST_LINE = re.compile(
    r"^(readout|joint statement|press release|statement (by|on|of)|remarks (by|of)"
    r"|media note|fact sheet|transcript|joint declaration|communiqu[eé]"
    r"|(response|statement|remarks) of the (official )?spokesperson)\b"
    r"|^(?:(?-i:[A-Z])[\w.'’-]*[\s-]+){1,4}(joint statement|joint declaration|readout)\b"
    r"|\braksha mantri\b",
    re.I,
)
# Letterheads and press-office formulas that only a release itself carries.
_OFFICIAL_OPENING = re.compile(
    r"\b(press information bureau|pib delhi|posted on:|office of the spokesperson"
    r"|the following is attributable to|for immediate release|media advisory"
    r"|provided the following readout|inter services public relations)\b",
    re.I,
)
# Protocol forms that releases use and reporters drop ("Prime Minister Shri ...", "H.E.").
_HONORIFIC = re.compile(r"\b(Shri|H\.E\.|His Excellency|Her Excellency|His Highness|Hon'ble)\s")
_REPORTING_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (label, re.compile(pattern, re.I))
    for label, pattern in (
        ("'sources said'", r"\bsources (said|say|told|added|indicated)\b|according to sources"),
        ("'officials said'", r"\b(officials?|diplomats?) (said|say|told)\b"),
        ("'people familiar with'", r"\b(people|persons|sources) (familiar|aware) with\b"),
        ("anonymity", r"\bcondition of anonymity\b|\bnot authori[sz]ed to speak\b"),
        ("'it is learnt'", r"\bit is (learnt|learned|understood)\b"),
        ("'told reporters'", r"\btold (reporters|journalists|the media)\b"),
        ("'said in a statement'", r"\bsaid in (a|its|the) (statement|readout|release)\b"),
        ("a wire credit", r"\((reuters|ap|afp|pti|ians|ani)\)|\b(credit|photo):"),
        ("'the statement said'", r"\bthe (statement|readout|release) (said|added|noted)\b"),
        (
            "'according to the readout'",
            r"\baccording to (a|an|the|its|their) (\w+ ){0,3}(statement|readout|release)\b",
        ),
        (
            "an expert quoted",
            r"\b(a|an) ([\w-]+ ){0,3}(analyst|expert|specialist|professor|fellow|researcher)"
            r" (at|with|from|in)\b",
        ),
    )
)
_BYLINE_LINE = re.compile(
    r"^(By|BY|Written by)\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*$"
    r"|^[A-Z][\w.'’-]+(\s[A-Z][\w.'’-]+){1,3},\s([A-Z][\w.'’-]+\s){0,3}"
    r"([Ss]taff\s[Ww]riter|[Cc]orrespondent|[Rr]eporter)\s*$",
    re.M,
)

_HOST_WEIGHT = 3.0
_NEWS_WEIGHT = -2.0
_TITLE_WEIGHT = 2.0
_OPENING_WEIGHT = 1.0
_OPENING_CAP = 2.0
_HONORIFIC_WEIGHT = 1.0
_CUE_WEIGHT = -1.0
_CUE_CAP = -4.0
_BYLINE_WEIGHT = -1.0


@dataclass(frozen=True)
class RoleHint:
    """Where a document probably belongs, how sure that is (0.5-0.95), and why."""

    role: Literal["official", "background"]
    confidence: float
    reason: str


def _hosts(document: Document) -> list[str]:
    candidates = [document.source] + [
        document.metadata.get(key, "") for key in ("final_url", "canonical_url", "page_url")
    ]
    hosts: list[str] = []
    for candidate in candidates:
        if "://" not in candidate:
            continue
        try:
            host = (urlsplit(candidate).hostname or "").lower().removeprefix("www.")
        except ValueError:
            continue
        if host and host not in hosts:
            hosts.append(host)
    return hosts


def _in_list(host: str, listed: frozenset[str]) -> bool:
    return any(host == entry or host.endswith("." + entry) for entry in listed)


def _evidence(document: Document) -> list[tuple[float, str]]:
    found: list[tuple[float, str]] = []
    for host in _hosts(document):
        if _in_list(host, _OFFICIAL_HOSTS) or _OFFICIAL_PATTERNS.search(host):
            found.append((_HOST_WEIGHT, f"source is a government site ({host})"))
            break
        if _in_list(host, _NEWS_HOSTS):
            found.append((_NEWS_WEIGHT, f"source is a news site ({host})"))
            break
    first_line = document.text.split("\n", 1)[0][:300]
    title = _OFFICIAL_TITLE.search(document.title) or _OFFICIAL_FIRST_LINE.search(first_line)
    if title:
        found.append((_TITLE_WEIGHT, f"titled '{title.group(0)}'"))
    opening = {m.group(0).lower() for m in _OFFICIAL_OPENING.finditer(document.text[:800])}
    if opening:
        weight = min(_OPENING_CAP, _OPENING_WEIGHT * len(opening))
        found.append((weight, "opens like a release (" + ", ".join(sorted(opening)) + ")"))
    if _HONORIFIC.search(document.text):
        found.append((_HONORIFIC_WEIGHT, "uses protocol honorifics"))
    cues = [label for label, pattern in _REPORTING_CUES if pattern.search(document.text)]
    if cues:
        found.append(
            (max(_CUE_CAP, _CUE_WEIGHT * len(cues)), "reporting wording: " + ", ".join(cues))
        )
    if document.metadata.get("byline") or _BYLINE_LINE.search(document.text[:600]):
        found.append((_BYLINE_WEIGHT, "has a byline"))
    return found


def _score(document: Document) -> tuple[float, list[tuple[float, str]]]:
    evidence = _evidence(document)
    return sum(weight for weight, _ in evidence), evidence


def role_hint(document: Document) -> RoleHint:
    """Suggest whether ``document`` is the official statement or background reporting."""
    score, evidence = _score(document)
    if not evidence:
        return RoleHint("background", 0.5, "no sign of an official source; treated as reporting")
    confidence = round(0.5 + 0.45 * math.tanh(abs(score) / 2.5), 2)
    role: Literal["official", "background"] = "official" if score > 0 else "background"
    strongest = sorted(evidence, key=lambda item: -abs(item[0]))
    return RoleHint(role, confidence, "; ".join(reason for _, reason in strongest))


def rank_official(documents: Sequence[Document]) -> int:
    """Index of the document most likely to be the official statement.

    Ties go to the shorter text: a readout is usually shorter than the reports on it.
    """
    if not documents:
        raise ValueError("rank_official needs at least one document")
    return max(
        range(len(documents)),
        key=lambda index: (_score(documents[index])[0], -len(documents[index].text), -index),
    )
