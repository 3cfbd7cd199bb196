"""Fetch a URL with the standard library: http/https only, bounded in time, size and hops."""

from __future__ import annotations

import dataclasses
import http.client
import socket
import time
import urllib.error
import urllib.request
import zlib
from datetime import UTC, datetime
from typing import IO, Any
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from desktop.about import user_agent
from desktop.engine.document import Document
from desktop.ingest.dispatch import read_data
from desktop.ingest.errors import IngestError, limit_megabytes, megabytes

USER_AGENT = user_agent()
_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8"
_READABLE = frozenset({"text/html", "application/xhtml+xml", "application/pdf", "text/plain"})
# Servers label PDFs and saved files this way; the bytes decide what they are.
_GENERIC = frozenset({"", "application/octet-stream", "binary/octet-stream", "application/x-pdf"})
_CHUNK = 64 * 1024
# The whole download may take this many times the per-step timeout.
_TOTAL_TIME_FACTOR = 4


class _BoundedRedirects(urllib.request.HTTPRedirectHandler):
    """Counts redirects itself and refuses any that leave http/https."""

    # Our own count decides; keep urllib's loop detection out of the way.
    max_redirections = 1000
    max_repeats = 1000

    def __init__(self, url: str, max_redirects: int) -> None:
        self.url = url
        self.limit = max_redirects
        self.count = 0

    def _refuse_scheme(self, target: str) -> None:
        scheme = urlsplit(target).scheme.lower()
        if scheme not in ("http", "https"):
            raise IngestError(f"redirected to an unsupported URL scheme ({scheme}): {self.url}")

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
    ) -> Any:
        # urllib itself lets ftp through and reports file: as an HTTP error; check first.
        target = headers.get("Location") or headers.get("URI")
        if target:
            self._refuse_scheme(urljoin(req.full_url, target.strip()))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        self.count += 1
        if self.count > self.limit:
            raise IngestError(f"too many redirects (more than {self.limit}): {self.url}")
        self._refuse_scheme(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _normalise(url: str) -> str:
    """Validate the scheme and host and percent-encode what urllib will not."""
    try:
        parts = urlsplit(url.strip())
    except ValueError as error:
        raise IngestError(f"invalid URL: {url}") from error
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = scheme or "none"
        raise IngestError(f"unsupported URL scheme: {shown} (only http and https): {url}")
    if not parts.hostname:
        raise IngestError(f"invalid URL (no host): {url}")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise IngestError(f"invalid URL (bad host name): {url}") from error
    netloc = host if ":" not in host else f"[{host}]"
    if parts.port is not None:
        netloc = f"{netloc}:{parts.port}"
    safe = "/%:@!$&'()*+,;=-._~?"
    return urlunsplit(
        (scheme, netloc, quote(parts.path, safe=safe), quote(parts.query, safe=safe), "")
    )


def _timed_out(timeout: float, url: str) -> IngestError:
    return IngestError(f"timed out after {timeout:g} s: {url}")


def _unreachable(reason: object, host: str) -> str:
    if isinstance(reason, socket.gaierror):
        return f"could not find the server {host}"
    if isinstance(reason, ConnectionRefusedError):
        return f"the server {host} refused the connection"
    return f"could not reach {host}: {reason}"


def _read_body(response: http.client.HTTPResponse, *, url: str, limit: int, deadline: float,
               timeout: float) -> bytes:  # fmt: skip
    chunks: list[bytes] = []
    received = 0
    while True:
        # read1 returns what has arrived; read(n) would wait for all n bytes and
        # let a server that drips a byte at a time hold us past the deadline.
        chunk = response.read1(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        received += len(chunk)
        if received > limit:
            raise IngestError(f"download is too large: more than {limit_megabytes(limit)}: {url}")
        if time.monotonic() > deadline:
            raise _timed_out(timeout, url)
        chunks.append(chunk)


def _decompress(body: bytes, encoding: str, *, url: str, limit: int) -> bytes:
    """Undo a Content-Encoding we did not ask for, without inflating past ``limit``."""
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise IngestError(f"unsupported content encoding: {encoding}: {url}")
    wbits = 47 if encoding != "deflate" else 15
    try:
        inflater = zlib.decompressobj(wbits)
        data = inflater.decompress(body, limit + 1)
    except zlib.error as error:
        raise IngestError(f"could not decompress the page: {url}") from error
    if len(data) > limit:
        raise IngestError(f"download is too large: more than {limit_megabytes(limit)}: {url}")
    return data


def read_url(
    url: str,
    *,
    timeout: float = 15.0,
    max_bytes: int = 20 * 1024 * 1024,
    max_redirects: int = 5,
) -> Document:
    """Fetch ``url`` and read it as a web page, a PDF or plain text.

    ``timeout`` bounds each network step; the whole download is bounded to
    four times that. The Document's source is ``url`` as given; metadata holds
    ``final_url`` (after redirects), ``retrieved_at`` (UTC) and ``content_type``.
    """
    address = _normalise(url)
    host = urlsplit(address).hostname or address
    opener = urllib.request.build_opener(_BoundedRedirects(url, max_redirects))
    request = urllib.request.Request(address, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
    deadline = time.monotonic() + _TOTAL_TIME_FACTOR * timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            final_url = response.geturl()
            header = response.headers.get("Content-Type", "")
            media = header.split(";", 1)[0].strip().lower()
            if media not in _READABLE and media not in _GENERIC:
                raise IngestError(
                    f"unsupported content type: {media} (expected HTML, PDF or plain text): {url}"
                )
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise IngestError(
                    f"download is too large: {megabytes(int(length))} "
                    f"(limit {limit_megabytes(max_bytes)}): {url}"
                )
            body = _read_body(
                response, url=url, limit=max_bytes, deadline=deadline, timeout=timeout
            )
            encoding = response.headers.get("Content-Encoding", "").strip().lower()
            status = str(response.status)
    except urllib.error.HTTPError as error:
        error.close()
        raise IngestError(f"HTTP error {error.code} {error.reason}: {url}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise _timed_out(timeout, url) from None
        raise IngestError(_unreachable(error.reason, host)) from None
    except TimeoutError:
        raise _timed_out(timeout, url) from None
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise IngestError(f"could not fetch {url}: {error}") from None
    body = _decompress(body, encoding, url=url, limit=max_bytes)
    document = read_data(
        body,
        name=url,
        source=url,
        content_type=header if media not in _GENERIC else None,
        url=final_url,
    )
    metadata = dict(document.metadata)
    metadata.update(
        final_url=final_url,
        retrieved_at=datetime.now(UTC).isoformat(timespec="seconds"),
        http_status=status,
    )
    if media:
        metadata["content_type"] = media
    return dataclasses.replace(document, metadata=metadata)
