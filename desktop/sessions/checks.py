"""Checking a session read from someone else's file, field by field, before anything is stored.

Every value of ``session.json`` is checked for its type, range, size and text
(no lone surrogates, no NUL), so a crafted file cannot crash the import
(``1e999`` ids, offsets of 10^30, dates that overflow on the way to UTC),
nor poison the database (NaN in a scroll position made ``show --json``
print invalid JSON; a surrogate in metadata made ``show`` fail for ever; a
10 MB title was stored). A failure is a :class:`FormatError` that names the
field: ``notes[1].uid is used twice``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from desktop.ingest.guard import MAX_TEXT_CHARS


class FormatError(ValueError):
    """A session file or JSON that cannot be read; ``str()`` is the user's message."""


MAX_TITLE_CHARS = 500
MAX_FIELD_CHARS = 8192
MAX_DOCUMENTS = 50
MAX_TOTAL_TEXT_CHARS = 4 * MAX_TEXT_CHARS
MAX_METADATA_ENTRIES = 200
MAX_NOTES = 10_000
MAX_NOTE_CHARS = 100_000
MAX_CORRECTIONS = 10_000
MAX_SCROLL_VALUES = 64
MAX_SEARCH_CHARS = 1000
MAX_EXTRA_BYTES = 64 * 1024
MAX_ID = 2**53

_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")
_HEX = re.compile(r"[0-9a-f]*")
_UID = re.compile(r"[0-9A-Za-z_-]{1,32}")


class Fields:
    """A JSON object and where it sits in the file (``notes[2]``), with typed getters."""

    def __init__(self, value: Any, where: str) -> None:
        if not isinstance(value, Mapping):
            raise FormatError(f"{where or 'the session'} is not a JSON object")
        self.value = value
        self.where = where

    def name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def has(self, key: str) -> bool:
        return self.value.get(key) is not None

    def raw(self, key: str, default: Any = None) -> Any:
        return self.value.get(key, default)

    def required(self, key: str) -> Any:
        if key not in self.value:
            raise FormatError(f"{self.name(key)} is missing")
        return self.value[key]

    def text(self, key: str, limit: int, *, default: str | None = None) -> str:
        value = self.value.get(key, default) if default is not None else self.required(key)
        return text(value, self.name(key), limit)

    def optional_text(self, key: str, limit: int) -> str | None:
        value = self.value.get(key)
        return None if value is None else text(value, self.name(key), limit)

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.value.get(key, default)
        if not isinstance(value, bool):
            raise FormatError(f"{self.name(key)} is not true or false")
        return value

    def integer(self, key: str, low: int, high: int, *, default: int | None = None) -> int:
        value = self.value.get(key, default) if default is not None else self.required(key)
        return integer(value, self.name(key), low, high)

    def time(self, key: str, *, optional: bool = False) -> datetime | None:
        value = self.value.get(key) if optional else self.required(key)
        if value is None and optional:
            return None
        return moment(value, self.name(key))

    def objects(self, key: str, limit: int) -> Iterator[Fields]:
        items = self.value.get(key, [])
        if not isinstance(items, list):
            raise FormatError(f"{self.name(key)} is not a list")
        if len(items) > limit:
            raise FormatError(f"{self.name(key)} has {len(items):,} entries (limit {limit:,})")
        for index, item in enumerate(items):
            yield Fields(item, f"{self.name(key)}[{index}]")


def text(value: Any, where: str, limit: int) -> str:
    if not isinstance(value, str):
        raise FormatError(f"{where} is not text")
    if len(value) > limit:
        raise FormatError(f"{where} is longer than {limit:,} characters ({len(value):,})")
    found = _BAD_CHARACTER.search(value)
    if found:
        what = "a NUL character" if found.group() == "\x00" else "a lone surrogate"
        raise FormatError(f"{where} holds an invalid character ({what})")
    return value


def integer(value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FormatError(f"{where} is not a whole number")
    if not low <= value <= high:
        raise FormatError(f"{where} is out of range ({low:,} to {high:,})")
    return value


def finite(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FormatError(f"{where} is not a number")
    number = float(value)
    if not math.isfinite(number):
        raise FormatError(f"{where} is not a finite number")
    return number


def moment(value: Any, where: str) -> datetime:
    """An ISO 8601 time, as an aware UTC datetime (a naive one is taken as UTC)."""
    raw = text(value, where, 64)
    try:
        parsed = datetime.fromisoformat(raw)
        parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    except (ValueError, OverflowError):
        raise FormatError(f"{where} is not a valid date and time ({raw!r})") from None


def hex_digest(value: Any, where: str, length: int, *, empty: bool = False) -> str:
    digest = text(value, where, length)
    if not (_HEX.fullmatch(digest) and (len(digest) == length or (empty and not digest))):
        raise FormatError(f"{where} is not a {length}-digit hexadecimal digest")
    return digest


def uid(value: Any, where: str) -> str:
    found = text(value, where, 32)
    if not _UID.fullmatch(found):
        raise FormatError(f"{where} is not a note id (1 to 32 letters, digits, - or _)")
    return found


def json_value(value: Any, where: str, depth: int = 0) -> Any:
    """A JSON value of the window's ``extra`` state: finite numbers, valid text, bounded."""
    if depth > 20:
        raise FormatError(f"{where} is nested too deeply")
    if isinstance(value, str):
        return text(value, where, MAX_FIELD_CHARS)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        finite(value, where)
        return value
    if isinstance(value, list):
        return [json_value(item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value)]
    if isinstance(value, Mapping):
        return {
            text(key, f"{where} key", 200): json_value(item, f"{where}.{key}", depth + 1)
            for key, item in value.items()
        }
    raise FormatError(f"{where} is not a JSON value")


def json_size(value: Any, where: str, limit: int) -> None:
    size = len(json.dumps(value, ensure_ascii=False))
    if size > limit:
        raise FormatError(f"{where} is {size:,} bytes of JSON (limit {limit:,})")
