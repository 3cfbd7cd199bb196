"""E-mail (``.eml``): subject as title, sender and date, the plain or HTML body.

A forwarded message attached as ``message/rfc822`` is read when the outer
message has no body of its own.
"""

from __future__ import annotations

import re
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

from desktop.engine.document import Document
from desktop.ingest.cleanup import clean_text, unwrap_hard_wrapped
from desktop.ingest.errors import IngestError
from desktop.ingest.html_page import read_html
from desktop.ingest.mime_parts import (
    content_type,
    header_value,
    parse_message,
    part_text,
    walk_parts,
)

_MAX_FORWARD_DEPTH = 5
_SIGNATURE = re.compile(r"\n-- ?\n.*\Z", re.DOTALL)


def unflow(text: str, delsp: bool) -> str:
    """Undo ``format=flowed`` (RFC 3676): a line ending in a space continues."""
    out: list[str] = []
    carry = ""
    for line in text.split("\n"):
        line = line.removesuffix("\r")
        if line != "-- " and line.startswith(" "):
            line = line[1:]  # space-stuffing
        if line.endswith(" ") and line != "-- ":
            carry += line[:-1] if delsp else line
        else:
            out.append(carry + line)
            carry = ""
    if carry:
        out.append(carry)
    return "\n".join(out)


def _plain_body(part: EmailMessage, name: str) -> str:
    text = part_text(part, name)
    params = {key.lower(): value.lower() for key, value in part.get_params() or [] if value}
    if params.get("format") == "flowed":
        text = unflow(text, params.get("delsp") == "yes")
    text = _SIGNATURE.sub("", text.replace("\r\n", "\n"))
    return unwrap_hard_wrapped(clean_text(text))


def _body(message: EmailMessage, name: str, depth: int = 0) -> tuple[str, str]:
    """``(text, kind)`` of a message's body, preferring text/plain over HTML."""
    try:
        body = message.get_body(preferencelist=("plain", "html"))
    except Exception:  # malformed multipart structure
        body = None
    text, kind = "", ""
    if isinstance(body, EmailMessage):
        if content_type(body) == "text/html":
            kind = "html"
            try:
                text = read_html(part_text(body, name), name=name, source="").text
            except IngestError:
                text = ""
        else:
            text, kind = _plain_body(body, name), "plain"
    if text or depth >= _MAX_FORWARD_DEPTH:
        return text, kind
    for part in walk_parts(message):
        if content_type(part) == "message/rfc822":
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], EmailMessage):
                forwarded, forwarded_kind = _body(inner[0], name, depth + 1)
                if forwarded:
                    return forwarded, forwarded_kind
    return "", ""


def _sent(message: EmailMessage) -> tuple[str | None, str]:
    raw = header_value(message, "Date")
    if not raw:
        return None, ""
    try:
        sent = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None, ""
    return sent.date().isoformat(), sent.isoformat()


def read_eml(data: bytes, *, name: str, source: str, title: str = "") -> Document:
    message = parse_message(data, name)
    text, kind = _body(message, name)
    if not text:
        raise IngestError(f"no text found in {name}")
    date, sent_at = _sent(message)
    metadata = {"content_type": "message/rfc822", "body": kind}
    for key, header in (
        ("sender", "From"),
        ("recipients", "To"),
        ("message_id", "Message-ID"),
    ):
        value = header_value(message, header)
        if value:
            metadata[key] = value
    if sent_at:
        metadata["sent_at"] = sent_at
    return Document(
        text=text,
        title=header_value(message, "Subject") or title,
        source=source,
        date=date,
        metadata=metadata,
    )
