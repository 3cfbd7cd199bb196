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
