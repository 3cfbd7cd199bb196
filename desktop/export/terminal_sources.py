"""The terminal report's story sections: one summary line per document, and the
revisions between the official release and its versions."""

from __future__ import annotations

from desktop.engine.compare import Comparison, DocumentSummary
from desktop.engine.revisions import Edit, Revision, ordered_word_diff
from desktop.engine.vocabulary import Coverage, Role
from desktop.naming import document_name


def document_lines(comparison: Comparison) -> list[str]:
    """“Hindustan Times: 5 of 11 claims absent from the official readout”, per document
    (none when there is only one background, whose line is the headline)."""
    summaries = [s for s in comparison.summary().documents if s.role is not Role.VERSION]
    if len(summaries) < 2:
        return []
    return [_document_line(comparison, s) for s in summaries]


def _document_line(comparison: Comparison, summary: DocumentSummary) -> str:
    name = document_name(comparison.documents[summary.document].document, with_date=False)
    total = sum(summary.claims.values())
    absent = summary.claims[Coverage.ABSENT]
    line = f"{summary.document}. {name} ({summary.role.value}): {absent} of {total} claims absent"
    if summary.official is not None:
        mentioned = summary.official[Coverage.COVERED] + summary.official[Coverage.PARTIAL]
        line += f" · mentions {mentioned} of {sum(summary.official.values())} readout claims"
    return line


def revision_lines(comparison: Comparison) -> list[str]:
    """Each revision in reading order: ``- removed``, ``+ added``, ``~ reworded`` with the
    word diff inline (``[-deleted-]{+inserted+}``)."""
    out: list[str] = []
    for revision in comparison.revisions:
        old = comparison.documents[revision.old]
        new = comparison.documents[revision.new]
        out.append(
            f"REVISIONS — {_label(comparison, revision.old)} → {_label(comparison, revision.new)}: "
            + revision.headline().removeprefix("Revised: ")
        )
        items: list[tuple[int, str]] = []
        for i in revision.removed:
            anchor = _anchor(revision, i)
            line = f"  - removed  {_flat(old.sentences[i].text)}"
            still = [f"{d}:{k + 1}" for d, k, gone in revision.reported if gone == i]
            if still:
                line += (
                    f"\n             still in the reporting (document:sentence) {', '.join(still)}"
                )
            items.append((anchor, line))
        for j in revision.added:
            items.append((j, f"  + added    {_flat(new.sentences[j].text)}"))
        for i, j in revision.changed:
            items.append((j, f"  ~ reworded {_inline_diff(comparison, revision, i, j)}"))
        out.extend(text for _, text in sorted(items, key=lambda item: item[0]))
    return out


def _label(comparison: Comparison, number: int) -> str:
    doc = comparison.documents[number]
    role = "official" if doc.role is Role.OFFICIAL else "version"
    when = doc.document.metadata.get("retrieved_at") or doc.document.date
    return f"{role} {number}" + (f" ({when})" if when else "")


def _anchor(revision: Revision, old_index: int) -> int:
    """Where a removed sentence sits in the new text: after the kept sentence before it."""
    before = [new for old, new in revision.kept if old < old_index]
    return max(before, default=-1)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _inline_diff(comparison: Comparison, revision: Revision, i: int, j: int) -> str:
    old_doc = comparison.documents[revision.old]
    new_doc = comparison.documents[revision.new]
    old_sentence, new_sentence = old_doc.sentences[i].sentence, new_doc.sentences[j].sentence
    old_text, new_text = old_doc.document.text, new_doc.document.text
    parts: list[str] = []
    for edit in ordered_word_diff(old_text, old_sentence.span, new_text, new_sentence.span):
        if edit.edit is Edit.SAME and edit.new:
            parts.append(new_text[edit.new.start : edit.new.end])
        elif edit.edit is Edit.DELETED and edit.old:
            parts.append(f"[-{old_text[edit.old.start : edit.old.end]}-]")
        elif edit.edit is Edit.INSERTED and edit.new:
            parts.append(f"{{+{new_text[edit.new.start : edit.new.end]}+}}")
    return _flat(" ".join(parts))
