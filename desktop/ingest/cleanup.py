"""Turn extracted text into a Document's text: one paragraph per line, no debris.

Every reader ends here, so the engine sees the same shape whatever the source:
``\\n`` between paragraphs (at most one blank line), single spaces, NFC, no
control characters, no invisible hyphenation marks.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from desktop.ingest.errors import IngestError

_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x85\u2028\u2029]")
# Invisible characters that only get in the way of matching words. ZWJ/ZWNJ stay:
# they change the shaping of Indic scripts.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"), None)
_SPACES = dict.fromkeys(map(ord, "\t\u00a0\u2007\u202f\u3000"), " ")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_RUNS_OF_SPACES = re.compile(r"[ \u2000-\u200a]{2,}")
_BLANK_RUNS = re.compile(r"\n{3,}")

_SENTENCE_END = re.compile(r"[.!?:;…。！？」』”\"')\]]$")
_LIST_ITEM = re.compile(r"^(?:[-*•·–—]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)")


def clean_text(text: str) -> str:
    """Normalise line breaks, spaces and Unicode; keep paragraph structure."""
    text = _LINE_BREAKS.sub("\n", text)
    # Line by line rather than on the whole text: each step is one C call that
    # holds the interpreter lock, and on a 1 MB page a whole-text call froze the
    # window's thread for 60 ms or more. No step here changes across a line break.
    lines = [_clean_line(line) for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def _clean_line(line: str) -> str:
    line = line.translate(_INVISIBLE).translate(_SPACES)
    line = _CONTROLS.sub("", line)
    line = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), line)
    line = unicodedata.normalize("NFC", line)
    return _RUNS_OF_SPACES.sub(" ", line).strip()


def require_text(text: str, name: str) -> str:
    """``text`` cleaned, or IngestError when nothing readable is left."""
    cleaned = clean_text(text)
    if not cleaned:
        raise IngestError(f"no text found in {name}")
    return cleaned


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3000 <= code <= 0x30FF
        or 0x3400 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
    )


@lru_cache(maxsize=4096)
def _keep_hyphen(left: str, right: str) -> bool:
    """True when ``left-right`` is a real compound rather than a word split at a line end."""
    # Imported here: loading the word list costs a tenth of a second, and most
    # inputs never hyphenate.
    from wordfreq import zipf_frequency

    return zipf_frequency(f"{left}-{right}", "en") > zipf_frequency(left + right, "en")


# Only from the start of a word: from inside one, \w+ rescanned the rest of it.
_LAST_WORD = re.compile(r"(?<!\w)(\w++)-$")
_FIRST_WORD = re.compile(r"^(\w+)")


def join_wrapped(line: str, following: str) -> str:
    """Join two lines of one paragraph: a space, no space between CJK, de-hyphenated."""
    if not line:
        return following
    if not following:
        return line
    if line.endswith("-") and following[0].islower():
        left = _LAST_WORD.search(line)
        right = _FIRST_WORD.match(following)
        if left and right and left.group(1)[-1].isalpha():
            if _keep_hyphen(left.group(1).lower(), right.group(1).lower()):
                return line + following
            return line[:-1] + following
    if _is_cjk(line[-1]) and _is_cjk(following[0]):
        return line + following
    return f"{line} {following}"


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def starts_list_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line))


def _wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None if it was not wrapped.

    Only lines followed by another line of the same block count: the last line
    of a paragraph is short whether or not the text was wrapped. Wrapped lines
    are of similar length and seldom end a sentence; one-paragraph-per-line
    text fails one test or the other.
    """
    inner = [line for line, after in zip(lines, [*lines[1:], ""], strict=True) if line and after]
    if len(inner) < 3:
        return None
    lengths = sorted(len(line) for line in inner)
    width = lengths[int(len(lengths) * 0.9) - 1] if len(lengths) >= 10 else lengths[-1]
    if not 30 <= width <= 100:
        return None
    near_width = sum(1 for n in lengths if 0.6 * width <= n <= width + 2)
    sentence_ends = sum(1 for line in inner if ends_sentence(line))
    if near_width < 0.7 * len(inner) or sentence_ends > 0.4 * len(inner):
        return None
    return width


def unwrap_hard_wrapped(text: str) -> str:
    """Join lines that were broken at a fixed column (e-mail, old plain text).

    A text with one paragraph per line is left alone: its lines are not of a
    similar, short length. A line well short of the wrap column ends its
    paragraph, and so does a line before a list item.
    """
    lines = text.split("\n")
    width = _wrap_width(lines)
    if width is None:
        return text
    out: list[str] = []
    carry = ""
    for line in lines:
        if not line:
            if carry:
                out.append(carry)
                carry = ""
            out.append("")
            continue
        if carry and starts_list_item(line):
            out.append(carry)
            carry = ""
        carry = join_wrapped(carry, line) if carry else line
        if len(line) < 0.6 * width or line.endswith(":"):
            out.append(carry)
            carry = ""
    if carry:
        out.append(carry)
    return "\n".join(out)
