"""Fetch a URL with the standard library: http/https only, bounded in time, size and hops."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import http.client
import re
import socket
import threading
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
from desktop.ingest.guard import reader

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


_HTTP_URL = re.compile(r"^\s*https?://", re.IGNORECASE)


def looks_like_url(text: str) -> bool:
    """Whether ``text`` names an http(s) URL (``HTTP://`` too) rather than a file path."""
    return bool(_HTTP_URL.match(text))


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
    try:
        port = parts.port
    except ValueError:  # "port out of range 0-65535", or not a number
        raise IngestError(f"invalid URL (port out of range): {url}") from None
    if port is not None:
        netloc = f"{netloc}:{port}"
    safe = "/%:@!$&'()*+,;=-._~?"
    return urlunsplit(
        (scheme, netloc, quote(parts.path, safe=safe), quote(parts.query, safe=safe), "")
    )


def _timed_out(timeout: float, url: str) -> IngestError:
    return IngestError(f"timed out: the server sent nothing for {timeout:g} s: {url}")


def _too_slow(total: float, url: str) -> IngestError:
    return IngestError(f"timed out: the download took longer than {total:g} s: {url}")


class _Deadline:
    """The whole download's time limit, response headers included.

    A socket timeout only bounds each wait: a server that sends a header line every
    few seconds, or drips its body, never trips it. At the deadline a timer shuts
    down every socket of the download, which ends whatever read is waiting.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    # The plain socket's shutdown, also for TLS: it ends a read blocked in another thread.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _WatchedHTTP(http.client.HTTPConnection):
    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline

    def connect(self) -> None:
        super().connect()
        self.deadline.watch(self.sock)


class _WatchedHTTPS(_WatchedHTTP, http.client.HTTPSConnection):
    """The same watch on a TLS connection: ``connect`` reaches HTTPSConnection's first."""


class _DeadlineHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_WatchedHTTP, deadline=self.deadline)
        return self.do_open(connection, req)


class _DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = functools.partial(_WatchedHTTPS, deadline=self.deadline)
        options: dict[str, Any] = {"context": getattr(self, "_context", None)}
        if hasattr(self, "_check_hostname"):  # Python 3.11 still passes it on
            options["check_hostname"] = self._check_hostname
        return self.do_open(connection, req, **options)


def _unreachable(reason: object, host: str) -> str:
    if isinstance(reason, socket.gaierror):
        return f"could not find the server {host}"
    if isinstance(reason, ConnectionRefusedError):
        return f"the server {host} refused the connection"
    return f"could not reach {host}: {reason}"


def _read_body(response: http.client.HTTPResponse, *, url: str, limit: int,
               deadline: _Deadline) -> bytes:  # fmt: skip
    chunks: list[bytes] = []
    received = 0
    length = response.headers.get("Content-Length", "").strip()
    while True:
        # read1 returns what has arrived; the deadline's timer ends a read that waits.
        chunk = response.read1(_CHUNK)
        if deadline.expired:
            raise _too_slow(deadline.seconds, url)
        if not chunk:
            break
        received += len(chunk)
        if received > limit:
            raise IngestError(f"download is too large: more than {limit_megabytes(limit)}: {url}")
        chunks.append(chunk)
    if length.isdigit() and received < int(length):
        raise IngestError(
            f"the download was cut short: {received:,} of {int(length):,} bytes: {url}"
        )
    return b"".join(chunks)


def _decompress(body: bytes, encoding: str, *, url: str, limit: int) -> bytes:
    """Undo a Content-Encoding we did not ask for, without inflating past ``limit``."""
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise IngestError(f"unsupported content encoding: {encoding}: {url}")
    wbits = 47 if encoding != "deflate" else 15
    parts: list[bytes] = []
    size = 0
    rest = body
    try:
        # gzip allows several members one after another (`cat a.gz b.gz`); each needs a
        # new inflater, or everything after the first member is silently dropped.
        while rest:
            inflater = zlib.decompressobj(wbits)
            part = inflater.decompress(rest, limit + 1 - size)
            size += len(part)
            parts.append(part)
            if size > limit:
                break
            if not inflater.eof:
                raise IngestError(f"could not decompress the page (it is cut short): {url}")
            rest = inflater.unused_data
            if wbits == 15 or not rest.strip(b"\0"):
                break  # deflate has one stream; gzip may end in zero padding
    except zlib.error as error:
        raise IngestError(f"could not decompress the page: {url}") from error
    if size > limit:
        raise IngestError(f"download is too large: more than {limit_megabytes(limit)}: {url}")
    return b"".join(parts)


@reader("the URL")
def read_url(
    url: str,
    *,
    timeout: float = 15.0,
    max_bytes: int = 20 * 1024 * 1024,
    max_redirects: int = 5,
) -> Document:
    """Fetch ``url`` and read it as a web page, a PDF or plain text.

    ``timeout`` bounds each network step; the whole download, response headers
    included, is bounded to four times that. The Document's source is ``url``
    (without any user name or password); metadata holds ``final_url`` (after
    redirects), ``retrieved_at`` (UTC) and ``content_type``.
    """
    address = _normalise(url)
    host = urlsplit(address).hostname or address
    deadline = _Deadline(_TOTAL_TIME_FACTOR * timeout)
    try:
        body, final_url, header, media, encoding, status = _download(
            address, url=url, host=host, timeout=timeout, max_bytes=max_bytes,
            max_redirects=max_redirects, deadline=deadline,
        )  # fmt: skip
    finally:
        deadline.cancel()
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


def _download(
    address: str,
    *,
    url: str,
    host: str,
    timeout: float,
    max_bytes: int,
    max_redirects: int,
    deadline: _Deadline,
) -> tuple[bytes, str, str, str, str, str]:
    """``(body, final URL, Content-Type, media type, Content-Encoding, status)``."""
    opener = urllib.request.build_opener(
        _BoundedRedirects(url, max_redirects),
        _DeadlineHTTPHandler(deadline),
        _DeadlineHTTPSHandler(deadline),
    )
    request = urllib.request.Request(address, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
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
            body = _read_body(response, url=url, limit=max_bytes, deadline=deadline)
            encoding = response.headers.get("Content-Encoding", "").strip().lower()
            status = str(response.status)
    except IngestError:
        raise
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise _fetch_failure(error, url, host, timeout, deadline) from None
    return body, final_url, header, media, encoding, status


def _fetch_failure(
    error: Exception, url: str, host: str, timeout: float, deadline: _Deadline
) -> IngestError:
    """The message for what went wrong fetching ``url`` (URLError and HTTPError are OSErrors)."""
    if deadline.expired:  # whatever the shut socket raised, the deadline is the reason
        return _too_slow(deadline.seconds, url)
    if isinstance(error, urllib.error.HTTPError):
        error.close()
        return IngestError(f"HTTP error {error.code} {error.reason}: {url}")
    if isinstance(error, urllib.error.URLError):
        if isinstance(error.reason, TimeoutError):
            return _timed_out(timeout, url)
        return IngestError(_unreachable(error.reason, host))
    if isinstance(error, TimeoutError):
        return _timed_out(timeout, url)
    return IngestError(f"could not fetch {url}: {error}")
