"""The claims table's rows: every sentence of both sides with what the table shows (no Qt).

A version of the release has no rows: its sentences are not claims of the story but the
release itself, revised (its tab and the Story dock's revision view show what changed);
listed, a removed sentence would read as a claim "absent" from the readout."""

from __future__ import annotations

from dataclasses import dataclass

from desktop import naming
from desktop.engine.compare import Comparison
from desktop.engine.corrections import Field
from desktop.engine.counterpart_ties import counterpart_line, counterpart_mark
from desktop.engine.lens_marks import shift_lines_for, shift_marks
from desktop.engine.vocabulary import Attribution, Coverage, Role, Unit
from desktop.workspace.wording import (
    attribution_line,
    best_match,
    coverage_phrase,
    is_corrected,
    machine_said,
)


@dataclass(frozen=True)
class ClaimRow:
    """One row of the claims table."""

    document: int
    index: int
    text: str
    side: str
    role: Role
    attribution: Attribution
    coverage: Coverage
    best_match: str
    score: float | None
    attribution_corrected: bool
    coverage_corrected: bool
    links_corrected: bool
    tooltip_attribution: str
    tooltip_coverage: str
    unit: Unit = Unit.CLAIM
    shift: str = ""  # the lens's mark and line ("↑ strengthened; the article says …"), or ""
    # On the counterpart government's word: whether its readout carries the claim, or "".
    counterpart: str = ""
    counterpart_mark: str = ""  # its short form for the table: "in counterpart, s. 2"

    @property
    def is_claim(self) -> bool:
        return self.unit is Unit.CLAIM


def side_name(comparison: Comparison, document: int) -> str:
    return naming.side_name(comparison, document, with_title=True)


def claim_rows(comparison: Comparison) -> list[ClaimRow]:
    rows: list[ClaimRow] = []
    marks = {d: shift_marks(comparison, d) for d in range(len(comparison.documents))}
    for d, result in enumerate(comparison.documents):
        if d > 0 and result.role is Role.VERSION:
            continue
        side = side_name(comparison, d)
        for s in result.sentences:
            match_text, score = best_match(comparison, s)
            a_fixed = is_corrected(comparison, d, s.index, Field.ATTRIBUTION)
            c_fixed = is_corrected(comparison, d, s.index, Field.COVERAGE)
            rows.append(
                ClaimRow(
                    document=d,
                    index=s.index,
                    text=" ".join(s.text.split()),
                    side=side,
                    role=result.role,
                    attribution=s.attribution,
                    coverage=s.coverage,
                    best_match=" ".join(match_text.split()),
                    score=score,
                    attribution_corrected=a_fixed,
                    coverage_corrected=c_fixed,
                    links_corrected=is_corrected(comparison, d, s.index, Field.MATCHES),
                    tooltip_attribution=(
                        f"Corrected; the machine said "
                        f"{machine_said(comparison, d, s.index, Field.ATTRIBUTION)}"
                        if a_fixed
                        else attribution_line(comparison, d, s)
                    ),
                    tooltip_coverage=(
                        f"Corrected; the machine said "
                        f"{machine_said(comparison, d, s.index, Field.COVERAGE)}"
                        if c_fixed
                        else coverage_phrase(d, s.coverage)
                    ),
                    unit=s.unit,
                    shift=(
                        f"{marks[d][s.index]} " + "\n".join(shift_lines_for(comparison, d, s.index))
                        if s.index in marks[d]
                        else ""
                    ),
                    counterpart=counterpart_line(comparison, d, s.index),
                    counterpart_mark=counterpart_mark(comparison, d, s.index),
                )
            )
    return rows
