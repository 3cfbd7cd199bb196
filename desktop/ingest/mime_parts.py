"""Helpers for MIME messages (e-mail and saved pages) that never raise on bad headers."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from typing import Any

from desktop.ingest.encoding import decode_text
from desktop.ingest.errors import IngestError

# Python's header parser is quadratic in a header's length (a 4 MB Subject ran past
# 200 s); no header Readout reads needs more than this.
MAX_HEADER_CHARS = 16 * 1024


class _BoundedHeaders(email.policy.EmailPolicy):
    """The default policy, with every header value cut to ``MAX_HEADER_CHARS`` before it
    is parsed (in every part, since parts share the message's policy)."""

    def header_fetch_parse(self, name: str, value: str) -> Any:
        return super().header_fetch_parse(name, value[:MAX_HEADER_CHARS])


POLICY = _BoundedHeaders()


def parse_message(data: bytes, name: str) -> EmailMessage:
    try:
        message = email.message_from_bytes(data, policy=POLICY)
    except Exception as error:  # the parser is lenient, but not always
        raise IngestError(f"could not read {name}: not a valid MIME message") from error
    if not isinstance(message, EmailMessage):
        raise IngestError(f"could not read {name}: not a valid MIME message")
    return message


def header_value(message: EmailMessage, header: str) -> str:
    """A header as one clean line, or "" when it is missing or cannot be parsed."""
    try:
        value = message.get(header)
    except Exception:  # malformed headers raise from deep in the parser
        return ""
    if value is None:
        return ""
    return " ".join(str(value).split())


def part_text(part: EmailMessage, name: str) -> str:
    """The decoded text of a MIME part, honouring its charset when it names a real one."""
    try:
        payload = part.get_payload(decode=True)
        charset = part.get_content_charset()
    except Exception:  # broken transfer encodings and parameters
        return ""
    if not isinstance(payload, bytes):
        return ""
    return decode_text(payload, name, charset)[0]


def content_type(part: EmailMessage) -> str:
    try:
        return part.get_content_type()
    except Exception:
        return "text/plain"


def walk_parts(message: EmailMessage) -> list[EmailMessage]:
    """Every part of a message, depth first, or just the message when walking fails."""
    try:
        return [part for part in message.walk() if isinstance(part, EmailMessage)]
    except Exception:
        return [message]
