"""Phrases that change how a sentence is read: a gloss of the sentence before, a
concessive opening, a remark about what a statement left out."""

from __future__ import annotations

import re

GLOSS = re.compile(
    r"(?:roughly\s+|loosely\s+)?(?:translated|in\s+translation|in\s+english)\b", re.I
)
CONCESSIVE = re.compile(
    r"^\s*(?:while|although|though|even\s+as|even\s+though|whereas)\b[^,]*,", re.I
)
OMISSION = re.compile(
    r"\b(?:is|was|remained|remains)\s+silent\b|\bmade\s+no\s+(?:mention|reference)\b|"
    r"\bno\s+(?:mention|reference)\b|\bdid\s+not\s+(?:mention|refer|name)\b|"
    r"\b(?:omitted|left\s+out|skipped|dropped)\b|"
    # "neither … nor … mention" within one stretch without a full stop, tried once per
    # stretch: the first "neither" and the first "nor" after it are the only ones worth
    # trying (atomic groups), where the backtracking form was cubic on "neither nor " × n.
    r"(?:^|\.)(?>[^.]*?\bneither\b)(?>[^.]*?\bnor\b)[^.]*?\bmention",
    re.I,
)

# On-record occasions of a person's own (a post, a news conference, an interview): a
# named speaker there stays ``named`` (attribution, readout_voice).
OCCASION = re.compile(
    r"(?i)\b(?:on\s+(?:x|twitter|facebook|instagram|telegram|truth\s+social|weibo)\b|"
    r"posts?\b|posted|tweet(?:s|ed)?|wrote|writing|"
    r"(?:press|news|media|joint)\s+(?:conference|briefing|meet|appearance|availability)|presser|briefing|briefed\s+reporters|"
    r"reporters|journalists|correspondents|interview|podcast|speech|address(?:ed|ing)?\b|"
    r"remarks|rally|parliament|senate|lok\s+sabha|rajya\s+sabha|video|televised|broadcast|"
    r"on\s+television|on\s+tv|speaking|spoke\s+(?:to|at|alongside|after)|^asked\b|"
    r"\basked\s+(?:about|whether|if|why|how))"
)

# An English month, full or abbreviated, with an optional full stop (units, segment).
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
