"""Which role each arriving document probably has beside the official readout: another
version of the same release, the other government's readout, or reporting. The user
confirms or changes it in one click; this only proposes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from desktop.engine.document import Document
from desktop.engine.provenance import when
from desktop.engine.revisions import word_keys
from desktop.engine.vocabulary import Role
from desktop.ingest.role import role_hint

# Share of the longer text's word keys that survive, in order, in the other: a version
# of the release keeps most of it (0.68 and 0.92 on cases 01 and 43); reporting and a
# counterpart readout of the same event keep under a fifth (0.14-0.19 on the corpus).
VERSION_OVERLAP = 0.5
# SequenceMatcher is quadratic at worst: a release's opening words are enough to tell.
_WORDS = 5_000
# Documents paired when looking for a release's versions among many opened at once.
_FAMILY = 8


@dataclass(frozen=True)
class RoleSuggestion:
    """A proposed role for ``documents[index]``, and why; ``order`` ranks versions by
    time (0 the earliest; None for other roles)."""

    index: int
    role: Role
    reason: str
    order: int | None = None


def overlap(official: Document, other: Document) -> float:
    """Share of the longer text's words the two have in common, in order (0-1)."""
    a = [k for _, k in word_keys(official.text, 0, len(official.text))][:_WORDS]
    b = [k for _, k in word_keys(other.text, 0, len(other.text))][:_WORDS]
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    return kept / max(len(a), len(b))


def released_with_a_version(documents: Sequence[Document]) -> list[int]:
    """Indices of the releases among ``documents`` that have another version among them
    (mostly the same text): the candidates for the official readout when a story comes
    with a revised release. Reporting never qualifies, so two copies of one wire story
    do not put an article on the left. Only the first ``_FAMILY`` documents are paired."""
    releases = [
        i for i, d in enumerate(documents[:_FAMILY]) if role_hint(d).role == Role.OFFICIAL.value
    ]
    # Word counts as ``overlap`` caps them; whitespace words, with room for the few a
    # word pattern counts differently.
    sizes = {i: min(_WORDS, len(documents[i].text.split())) for i in releases}
    paired: set[int] = set()
    for n, i in enumerate(releases):
        for j in releases[n + 1 :]:
            # The share kept in order is at most the shorter text over the longer one:
            # texts of very different lengths are never versions, so skip the matcher.
            if min(sizes[i], sizes[j]) < 0.8 * VERSION_OVERLAP * max(sizes[i], sizes[j]):
                continue
            if overlap(documents[i], documents[j]) >= VERSION_OVERLAP:
                paired |= {i, j}
    return sorted(paired)


def suggest_roles(official: Document, others: Sequence[Document]) -> list[RoleSuggestion]:
    """One suggestion per document of ``others``, in their order."""
    suggestions: list[RoleSuggestion] = []
    for index, document in enumerate(others):
        shared = overlap(official, document)
        same_title = bool(official.title) and official.title.strip() == document.title.strip()
        if shared >= VERSION_OVERLAP or (same_title and shared >= VERSION_OVERLAP / 2):
            reason = f"{shared:.0%} the same text as the official readout"
            suggestions.append(RoleSuggestion(index, Role.VERSION, reason))
            continue
        hint = role_hint(document)
        if hint.role == "official" or hint.confidence <= 0.5:
            # A release, or a text with no sign of reporting (no byline, no "sources said").
            reason = f"reads like a government's own readout ({hint.reason})"
            suggestions.append(RoleSuggestion(index, Role.COUNTERPART, reason))
        else:
            suggestions.append(RoleSuggestion(index, Role.BACKGROUND, hint.reason))
    return _ordered_versions(official, others, suggestions)


def _ordered_versions(
    official: Document, others: Sequence[Document], suggestions: list[RoleSuggestion]
) -> list[RoleSuggestion]:
    """Versions ranked by fetch time or date, the official release among them; an undated
    one counts as earlier, keeping the order it came in."""
    versions = [s for s in suggestions if s.role is Role.VERSION]
    timeline = sorted(
        [(-1, official), *((s.index, others[s.index]) for s in versions)],
        key=lambda item: (when(item[1]) is not None, when(item[1]) or "", item[0]),
    )
    rank = {index: position for position, (index, _) in enumerate(timeline)}
    return [
        RoleSuggestion(s.index, s.role, s.reason, rank[s.index]) if s.role is Role.VERSION else s
        for s in suggestions
    ]
