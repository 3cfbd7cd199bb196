"""Readers that turn files, URLs and dropped data into engine Documents.

Every failure is an :class:`IngestError` whose message can be shown to the user
as is. Nothing here imports Qt widgets; parsing never runs scripts or fetches.
"""

from __future__ import annotations

from desktop.ingest.dispatch import read_bytes, read_path, read_stream
from desktop.ingest.drop import read_mime
from desktop.ingest.errors import IngestError, SessionFileError
from desktop.ingest.fetch import read_url
from desktop.ingest.formats import SUPPORTED_SUFFIXES
from desktop.ingest.plain import read_text
from desktop.ingest.role import RoleHint, rank_official, role_hint

__all__ = [
    "SUPPORTED_SUFFIXES",
    "IngestError",
    "RoleHint",
    "SessionFileError",
    "rank_official",
    "read_bytes",
    "read_mime",
    "read_path",
    "read_stream",
    "read_text",
    "read_url",
    "role_hint",
]
