"""The omission matrix: the claims of every document grouped into topics by meaning,
and for each topic which sources mention it, in part, or not at all.

Topics are average-linkage clusters of claims over the engine's similarity: the cosine
of WordLlama sentence vectors, raised to the aligner's own score where it linked two
sentences. A topic's label is its most informative words and keyphrases
(``topic_labels``), never a hand-written topic list.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits

from desktop.engine import embedding, topic_labels
from desktop.engine.compare import Comparison
from desktop.engine.lexicon import Token, tokens
from desktop.engine.topic_labels import LabelClaim, reporting_keys
from desktop.engine.vocabulary import Attribution, Coverage, Role

# Average similarity at which two groups of claims stop merging (chosen on the
# hand-labelled topics.json of the corpus: `python -m tests.tools.story_eval`).
THRESHOLD = 0.28
SENTENCE_SHARE = 0.5
# A word in more than this share of all claims is the event's frame, not a topic.
FRAME_SHARE = 0.15
# Clustering holds a claims × claims matrix (4,000 claims: about 2 s and 200 MB, in the
# worker process): past this many claims (about a megabyte of text) there is no matrix,
# and ``matrix_note`` says why.
MAX_CLAIMS = 4000

SentenceKey = tuple[int, int]  # (document, sentence index)


@dataclass(frozen=True)
class Topic:
    """One row of the matrix. ``cells`` says per document whether it mentions the topic
    (covered: has a claim in it; partial: has a claim the engine linked to one in it;
    absent), ``by_attribution`` the same per attribution within reporting, ``counts``
    how many of the document's claims are in it."""

    id: int
    label: str
    sentences: tuple[SentenceKey, ...]
    cells: dict[int, Coverage]
    by_attribution: dict[int, dict[Attribution, Coverage]]
    counts: dict[int, int]


def cluster(similarity: NDArray[np.float32], threshold: float = THRESHOLD) -> list[int]:
    """Average-linkage clusters of a similarity matrix: a cluster number per row.

    Each step merges the most similar pair (the first in row-major order on a tie). Every
    row's best partner is kept and only the rows whose partner merged are searched again,
    so a step costs a row, not the whole matrix (1,500 claims: 0.1 s instead of 1.5 s)."""
    n = similarity.shape[0]
    if n == 0:
        return []
    pair = similarity.astype(np.float64).copy()
    np.fill_diagonal(pair, -np.inf)
    size = np.ones(n)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    best_at = np.argmax(pair, axis=1)
    best = pair[np.arange(n), best_at]
    while len(members) > 1:
        a = int(np.argmax(best))
        b = int(best_at[a])
        if best[a] < threshold:
            break
        merged = (size[a] * pair[a] + size[b] * pair[b]) / (size[a] + size[b])
        pair[a, :] = merged
        pair[:, a] = merged
        pair[a, a] = -np.inf
        pair[b, :] = -np.inf
        pair[:, b] = -np.inf
        size[a] += size[b]
        members[a].extend(members.pop(b))
        # Rows whose best partner was a or b look again; the others only compare their
        # best with the merged group's new similarity (the first column wins a tie).
        stale = (best_at == a) | (best_at == b)
        stale[a], stale[b] = True, False
        best[b] = -np.inf
        rows = np.flatnonzero(stale)
        best_at[rows] = np.argmax(pair[rows], axis=1)
        best[rows] = pair[rows, best_at[rows]]
        fresh = ~stale
        fresh[b] = False
        better = fresh & ((merged > best) | ((merged == best) & (a < best_at)))
        best[better] = merged[better]
        best_at[better] = a
    labels = [0] * n
    for number, rows_of in enumerate(sorted(members.values(), key=min)):
        for row in rows_of:
            labels[row] = number
    return labels


def claim_keys(comparison: Comparison) -> list[SentenceKey]:
    """Every claim of every document except other versions of the release (whose claims
    are the official's own), in document order."""
    return [
        (d, s.index)
        for d, doc in enumerate(comparison.documents)
        if doc.role is not Role.VERSION
        for s in doc.sentences
        if s.is_claim
    ]


def claim_tokens(comparison: Comparison, keys: Sequence[SentenceKey]) -> list[list[Token]]:
    """The content words (three letters or more) of each claim."""
    out = []
    for d, i in keys:
        doc = comparison.documents[d]
        sentence = doc.sentences[i].sentence
        found = tokens(doc.document.text, sentence.start, sentence.end)
        out.append([t for t in found if len(t.surface) >= 3])
    return out


def similarity_matrix(
    comparison: Comparison,
    keys: Sequence[SentenceKey],
    claims: Sequence[Sequence[Token]] | None = None,
) -> NDArray[np.float32]:
    """Half WordLlama's sentence cosine, half the cosine of the claims' own content words
    (weighted by rarity, in general and within the comparison, without the event's frame
    words), raised to the aligner's score where it linked two claims."""
    texts = [comparison.documents[d].sentences[i].text for d, i in keys]
    whole = embedding.sentence_vectors(texts)
    words = _content_vectors(claims if claims is not None else claim_tokens(comparison, keys))
    similarity: NDArray[np.float32] = SENTENCE_SHARE * (whole @ whole.T) + (1 - SENTENCE_SHARE) * (
        words @ words.T
    )
    row = {key: n for n, key in enumerate(keys)}
    for n, (d, i) in enumerate(keys):
        for match in comparison.documents[d].sentences[i].matches:
            m = row.get((match.document, match.index))
            if m is not None:
                score = max(similarity[n, m], match.score)
                similarity[n, m] = similarity[m, n] = score
    return similarity


def _content_vectors(claims: Sequence[Sequence[Token]]) -> NDArray[np.float32]:
    used_by = Counter(k for claim in claims for k in {t.key for t in claim})
    frame = max(2.0, FRAME_SHARE * len(claims))
    kept = [[t for t in claim if used_by[t.key] <= frame] or claim for claim in claims]
    vocabulary = embedding.vocabulary_vectors(t.surface.lower() for claim in kept for t in claim)
    vectors = np.zeros((len(claims), embedding.DIMENSIONS), dtype=np.float32)
    for n, claim in enumerate(kept):
        for t in claim:
            rarity = t.weight * math.log(1 + len(claims) / used_by[t.key])
            vectors[n] += rarity * vocabulary[t.surface.lower()]
        norm = float(np.linalg.norm(vectors[n]))
        if norm:
            vectors[n] /= norm
    return vectors


def matrix_note(comparison: Comparison) -> str:
    """Why a comparison has no matrix when it has too many claims for one ("" otherwise)."""
    count = len(claim_keys(comparison))
    if count <= MAX_CLAIMS:
        return ""
    return (
        f"No topic matrix: {count:,} claims, more than the {MAX_CLAIMS:,} it can group "
        "(it compares every claim with every other). Compare fewer or shorter documents."
    )


def topics(comparison: Comparison, *, threshold: float = THRESHOLD) -> tuple[Topic, ...]:
    """The matrix's rows, topics the official readout leaves out first, then those it
    touches in part, then the rest; larger topics first within each (none past
    ``MAX_CLAIMS`` claims)."""
    # Many small matrix products: a multi-threaded BLAS spends more waking its threads
    # than on the work (half the time on a busy two-core machine), as in ``compare``.
    with threadpool_limits(limits=1, user_api="blas"):
        return _topics(comparison, threshold)


def _topics(comparison: Comparison, threshold: float) -> tuple[Topic, ...]:
    keys = claim_keys(comparison)
    if not keys or len(keys) > MAX_CLAIMS:
        return ()
    claims = claim_tokens(comparison, keys)
    groups = cluster(similarity_matrix(comparison, keys, claims), threshold)
    grouped: dict[int, list[SentenceKey]] = {}
    for key, group in zip(keys, groups, strict=True):
        grouped.setdefault(group, []).append(key)
    readable = {
        key: _label_claim(comparison, key, found) for key, found in zip(keys, claims, strict=True)
    }
    meta = reporting_keys(readable.values())
    labels = topic_labels.labels([[readable[k] for k in m] for m in grouped.values()], meta)
    columns = _columns(comparison)
    links = _links(comparison)
    rows = [
        _row(columns, links, members, label)
        for members, label in zip(grouped.values(), labels, strict=True)
    ]
    rank = {Coverage.ABSENT: 0, Coverage.PARTIAL: 1, Coverage.COVERED: 2}
    rows.sort(key=lambda t: (rank[t.cells[0]], -len(t.sentences), t.sentences[0]))
    return tuple(
        Topic(n, t.label, t.sentences, t.cells, t.by_attribution, t.counts)
        for n, t in enumerate(rows)
    )


def _label_claim(comparison: Comparison, key: SentenceKey, found: Sequence[Token]) -> LabelClaim:
    d, i = key
    doc = comparison.documents[d]
    return LabelClaim(found, doc.document.text, doc.sentences[i].cue)


_ATTRIBUTIONS = (Attribution.OFFICIAL, Attribution.SOURCES, Attribution.NAMED, Attribution.REPORTER)


@dataclass(frozen=True)
class _Column:
    """A document's claims as a matrix column, split by attribution for reporting."""

    document: int
    claims: frozenset[SentenceKey]
    by_attribution: dict[Attribution, frozenset[SentenceKey]] | None


def _columns(comparison: Comparison) -> list[_Column]:
    columns = []
    for d, doc in enumerate(comparison.documents):
        if doc.role is Role.VERSION:
            continue
        claims = [s for s in doc.sentences if s.is_claim]
        split = None
        if doc.role is Role.BACKGROUND:
            split = {
                a: frozenset((d, s.index) for s in claims if s.attribution is a)
                for a in _ATTRIBUTIONS
            }
        columns.append(_Column(d, frozenset((d, s.index) for s in claims), split))
    return columns


def _links(comparison: Comparison) -> dict[SentenceKey, set[SentenceKey]]:
    """The aligner's links, both ways."""
    links: dict[SentenceKey, set[SentenceKey]] = {}
    for d, doc in enumerate(comparison.documents):
        for s in doc.sentences:
            for m in s.matches:
                links.setdefault((d, s.index), set()).add((m.document, m.index))
                links.setdefault((m.document, m.index), set()).add((d, s.index))
    return links


def _row(
    columns: Sequence[_Column],
    links: dict[SentenceKey, set[SentenceKey]],
    members: list[SentenceKey],
    label: str,
) -> Topic:
    inside = set(members)
    linked: set[SentenceKey] = set()
    for key in members:
        linked |= links.get(key, set())
    cells: dict[int, Coverage] = {}
    by_attribution: dict[int, dict[Attribution, Coverage]] = {}
    counts: dict[int, int] = {}
    for column in columns:
        counts[column.document] = len(column.claims & inside)
        cells[column.document] = _cell(column.claims, inside, linked)
        if column.by_attribution is not None:
            by_attribution[column.document] = {
                a: _cell(keys, inside, linked) for a, keys in column.by_attribution.items()
            }
    return Topic(0, label, tuple(members), cells, by_attribution, counts)


def _cell(
    own: frozenset[SentenceKey], inside: set[SentenceKey], linked: set[SentenceKey]
) -> Coverage:
    if own & inside:
        return Coverage.COVERED
    if own & linked:
        return Coverage.PARTIAL
    return Coverage.ABSENT
