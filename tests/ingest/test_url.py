"""read_url against a local HTTP server on 127.0.0.1: the good pages and every refusal."""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, ClassVar

import pytest

from desktop.ingest import IngestError, read_url
from desktop.ingest.fetch import USER_AGENT

if TYPE_CHECKING:
    from tests.ingest.conftest import Inputs

PAGE = (
    "<!DOCTYPE html><html><head><title>Readout of the call</title>"
    "<link rel='canonical' href='https://www.mea.gov.in/readout.htm'>"
    "<link rel='stylesheet' href='/style.css'><script src='/app.js'></script></head>"
    "<body><h1>Readout of the call</h1>"
    "<p>The Minister spoke to his counterpart on Tuesday about defence ties.</p>"
    "<p>They agreed to meet again in August in New Delhi.</p>"
    "<img src='/pixel.png'><iframe src='/frame.html'></iframe></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Callable[[BaseHTTPRequestHandler], None]]] = {}
    requests: ClassVar[list[tuple[str, str]]] = []

    def do_GET(self) -> None:
        self.requests.append((self.path, self.headers.get("User-Agent", "")))
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        # The client hangs up on huge and slow answers, as it should.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route(self)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _send(
    status: int, body: bytes, content_type: str, **headers: str
) -> Callable[[BaseHTTPRequestHandler], None]:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.end_headers()
        handler.wfile.write(body)

    return route


def _redirect(target: str) -> Callable[[BaseHTTPRequestHandler], None]:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", target)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


def _slow_headers(handler: BaseHTTPRequestHandler) -> None:
    time.sleep(2.0)
    _send(200, b"<p>late</p>", "text/html")(handler)


def _dripping_body(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    for _ in range(100):  # ten bytes every tenth of a second: never idle long enough to time out
        handler.wfile.write(b"x" * 10)
        handler.wfile.flush()
        time.sleep(0.1)


def _dripping_headers(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    for number in range(100):  # a header line every 0.3 s: each wait is short, the whole is not
        handler.send_header(f"X-Drip-{number}", "x")
        handler.flush_headers()
        time.sleep(0.3)
    handler.end_headers()
    handler.wfile.write(b"never read")


def _short_body(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Content-Length", "5000")
    handler.end_headers()
    handler.wfile.write(b"The ministers met. " * 10)
    handler.wfile.flush()
    handler.close_connection = True


def _endless_body(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    chunk = b"<p>" + b"word " * 2000 + b"</p>\n"
    for _ in range(400):  # about 4 MB with no Content-Length
        handler.wfile.write(chunk)


@pytest.fixture(scope="module")
def server(session_inputs: Inputs) -> Iterator[str]:
    pdf = session_inputs.pdf_from_html("url.pdf", "<p>Readout released as a PDF.</p>").read_bytes()
    cp1252 = "Caf\u00e9 talks \u201cresumed\u201d.".encode("cp1252")
    _Handler.routes = {
        "/article": _send(200, PAGE.encode(), "text/html; charset=utf-8"),
        "/release.pdf": _send(200, pdf, "application/pdf"),
        "/download": _send(200, pdf, "application/octet-stream"),
        "/note.txt": _send(200, cp1252, "text/plain; charset=windows-1252"),
        "/gzipped": _send(200, gzip.compress(PAGE.encode()), "text/html", Content_Encoding="gzip"),
        "/two-members": _send(
            200,
            gzip.compress(b"First member of the text. ") + gzip.compress(b"Second member."),
            "text/plain",
            Content_Encoding="gzip",
        ),
        "/drip-headers": _dripping_headers,
        "/short": _short_body,
        "/slow": _slow_headers,
        "/drip": _dripping_body,
        "/huge": _send(200, b"x" * (3 * 1024 * 1024), "text/plain"),
        "/endless": _endless_body,
        "/image": _send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png"),
        "/loop-a": _redirect("/loop-b"),
        "/loop-b": _redirect("/loop-a"),
        "/hop-1": _redirect("/hop-2"),
        "/hop-2": _redirect("/hop-3"),
        "/hop-3": _redirect("/article"),
        "/to-file": _redirect("file:///etc/passwd"),
        "/forbidden": lambda handler: handler.send_error(403, "Forbidden"),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)


def _paths() -> list[str]:
    return [path for path, _ in _Handler.requests]


def test_html_page_is_read_with_metadata_and_nothing_else_is_fetched(server: str) -> None:
    _Handler.requests.clear()
    document = read_url(server + "/article")
    assert document.text.split("\n") == [
        "Readout of the call",
        "The Minister spoke to his counterpart on Tuesday about defence ties.",
        "They agreed to meet again in August in New Delhi.",
    ]
    assert document.source == server + "/article"
    assert document.metadata["final_url"] == server + "/article"
    assert document.metadata["canonical_url"] == "https://www.mea.gov.in/readout.htm"
    assert document.metadata["content_type"] == "text/html"
    assert document.metadata["retrieved_at"].endswith("+00:00")
    assert _Handler.requests == [("/article", USER_AGENT)]  # no script, image or frame fetched


def test_pdf_is_read_by_content_type(server: str) -> None:
    document = read_url(server + "/release.pdf")
    assert document.text == "Readout released as a PDF."
    assert document.metadata["content_type"] == "application/pdf"


def test_octet_stream_is_read_when_the_bytes_are_a_pdf(server: str) -> None:
    assert read_url(server + "/download").text == "Readout released as a PDF."


def test_plain_text_charset_from_the_header_is_used(server: str) -> None:
    assert read_url(server + "/note.txt").text == "Café talks “resumed”."


def test_gzip_encoded_page_is_inflated(server: str) -> None:
    assert "They agreed to meet again" in read_url(server + "/gzipped").text


def test_redirects_within_the_limit_are_followed(server: str) -> None:
    document = read_url(server + "/hop-1")
    assert document.source == server + "/hop-1"
    assert document.metadata["final_url"] == server + "/article"


def _refusal(call: Callable[[], object]) -> str:
    with pytest.raises(IngestError) as caught:
        call()
    return caught.value.message


def test_slow_server_times_out(server: str) -> None:
    started = time.monotonic()
    message = _refusal(lambda: read_url(server + "/slow", timeout=0.5))
    assert message == f"timed out: the server sent nothing for 0.5 s: {server}/slow"
    assert time.monotonic() - started < 1.5


def test_dripping_body_hits_the_total_time_limit(server: str) -> None:
    started = time.monotonic()
    message = _refusal(lambda: read_url(server + "/drip", timeout=0.5))
    assert message == f"timed out: the download took longer than 2 s: {server}/drip"
    assert time.monotonic() - started < 3.5


def test_dripping_headers_hit_the_total_time_limit(server: str) -> None:
    started = time.monotonic()
    message = _refusal(lambda: read_url(server + "/drip-headers", timeout=0.5))
    assert message == f"timed out: the download took longer than 2 s: {server}/drip-headers"
    assert time.monotonic() - started < 3.5


def test_every_gzip_member_is_inflated(server: str) -> None:
    document = read_url(server + "/two-members")
    assert document.text == "First member of the text. Second member."


def test_a_body_shorter_than_its_content_length_is_refused(server: str) -> None:
    message = _refusal(lambda: read_url(server + "/short"))
    assert message == f"the download was cut short: 190 of 5,000 bytes: {server}/short"


def test_credentials_in_the_url_are_not_kept(server: str) -> None:
    address = server.replace("http://", "http://desk:s3cret@") + "/article"
    document = read_url(address)
    assert document.source == server + "/article"
    assert "s3cret" not in repr(document)


def test_huge_body_is_refused_by_its_content_length(server: str) -> None:
    message = _refusal(lambda: read_url(server + "/huge", max_bytes=1024 * 1024))
    assert message == f"download is too large: 3.0 MB (limit 1 MB): {server}/huge"


def test_huge_body_without_length_is_cut_off(server: str) -> None:
    message = _refusal(lambda: read_url(server + "/endless", max_bytes=1024 * 1024))
    assert message == f"download is too large: more than 1 MB: {server}/endless"


def test_not_found_names_the_status(server: str) -> None:
    assert (
        _refusal(lambda: read_url(server + "/missing"))
        == f"HTTP error 404 Not Found: {server}/missing"
    )


def test_forbidden_names_the_status(server: str) -> None:
    assert (
        _refusal(lambda: read_url(server + "/forbidden"))
        == f"HTTP error 403 Forbidden: {server}/forbidden"
    )


def test_redirect_loop_stops_at_the_limit(server: str) -> None:
    _Handler.requests.clear()
    message = _refusal(lambda: read_url(server + "/loop-a", max_redirects=5))
    assert message == f"too many redirects (more than 5): {server}/loop-a"
    assert len(_paths()) == 6


def test_redirect_to_another_scheme_is_refused(server: str) -> None:
    message = _refusal(lambda: read_url(server + "/to-file"))
    assert message == f"redirected to an unsupported URL scheme (file): {server}/to-file"


def test_wrong_content_type_is_refused_before_download(server: str) -> None:
    message = _refusal(lambda: read_url(server + "/image"))
    assert (
        message
        == f"unsupported content type: image/png (expected HTML, PDF or plain text): {server}/image"
    )


def test_non_http_scheme_is_refused_without_a_request() -> None:
    assert _refusal(lambda: read_url("ftp://127.0.0.1/readout.pdf")) == (
        "unsupported URL scheme: ftp (only http and https): ftp://127.0.0.1/readout.pdf"
    )


def test_closed_port_is_reported() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    message = _refusal(lambda: read_url(f"http://127.0.0.1:{port}/"))
    assert message == "the server 127.0.0.1 refused the connection"
