"""Inputs crafted to make a reader or the engine super-linear, and a normal input of each size.

Each :class:`Hostile` builds an input of about ``size`` bytes and reads it the way
Readout does (standard input, a file of that kind, a drop, the engine); the
regression test checks that time grows about linearly from 10 KB to 100 KB, and
``make bench`` prints each beside the same reader on ordinary text of the same
size. Every one of them took from seconds to forever before it was fixed.
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _sample_text(size: int) -> str:
    text = SAMPLE.read_text(encoding="utf-8")
    return (text * (size // len(text) + 1))[:size]


def _read(name: str) -> Callable[[bytes], object]:
    def read(data: bytes) -> object:
        from desktop.ingest import IngestError, read_bytes

        try:
            return read_bytes(data, name=name)
        except IngestError as error:  # a clean refusal is a fine outcome, quickly
            return error

    return read


def _drop(data: bytes) -> object:
    from desktop.ingest import read_mime

    return read_mime(data.decode("utf-8"), None, None)


def _compare(data: bytes) -> object:
    from desktop.engine.compare import compare_article
    from desktop.engine.document import Document

    return compare_article(Document(data.decode("utf-8")))


def _email(subject: str) -> bytes:
    return (
        "From: Press <press@example.org>\nTo: desk@example.org\n"
        f"Subject: {subject}\nDate: Tue, 01 Jul 2025 21:35:00 +0530\n\n"
        "The two ministers spoke by phone.\n"
    ).encode()


def _html_page(body: str, headline: str = "<h1>Readout of the call</h1>") -> str:
    return (
        "<!DOCTYPE html><html><head><title>Readout of the call</title></head><body>"
        f"{headline}{body}</body></html>"
    )


@dataclass(frozen=True)
class Hostile:
    name: str
    build: Callable[[int], bytes]
    normal: Callable[[int], bytes]
    read: Callable[[bytes], object]


def _paragraphs(size: int) -> str:
    return "".join(f"<p>{line}</p>" for line in _sample_text(size).split("\n") if line)


HOSTILE: tuple[Hostile, ...] = (
    Hostile(
        "empty HTML comments before a non-tag, on standard input",
        lambda n: (_repeat("<!---->", n - 1) + "x").encode(),
        lambda n: _sample_text(n).encode(),
        _read("-"),
    ),
    Hostile(
        "spaces inside a paragraph (.html)",
        lambda n: f"<p>x{' ' * n}y</p>".encode(),
        lambda n: _paragraphs(n).encode(),
        _read("page.html"),
    ),
    Hostile(
        "an unclosed comment full of spaces (.html)",
        lambda n: ("<!--" + " " * n).encode(),
        lambda n: _paragraphs(n).encode(),
        _read("page.html"),
    ),
    Hostile(
        "unclosed <h1> tags inside a comment (.html)",
        lambda n: _html_page(
            "<!--" + _repeat("<h1>", n) + "--><p>The ministers met in Delhi today.</p>", ""
        ).encode(),
        lambda n: _html_page(_paragraphs(n)).encode(),
        _read("page.html"),
    ),
    Hostile(
        "clipboard start markers without an end (drop)",
        lambda n: (_repeat("<!--StartFragment-->", n) + "<p>text</p>").encode(),
        lambda n: _paragraphs(n).encode(),
        _drop,
    ),
    Hostile(
        "'**a ' on one Markdown line (.md)",
        lambda n: _repeat("**a ", n).encode(),
        lambda n: _sample_text(n).encode(),
        _read("notes.md"),
    ),
    Hostile(
        "'*a ' on one Markdown line (.md)",
        lambda n: _repeat("*a ", n).encode(),
        lambda n: _sample_text(n).encode(),
        _read("notes.md"),
    ),
    Hostile(
        "'[' on one Markdown line (.md)",
        lambda n: _repeat("[", n).encode(),
        lambda n: _sample_text(n).encode(),
        _read("notes.md"),
    ),
    Hostile(
        "'![' on one Markdown line (.md)",
        lambda n: _repeat("![", n).encode(),
        lambda n: _sample_text(n).encode(),
        _read("notes.md"),
    ),
    Hostile(
        "'(http:' link targets in RTF (.rtf)",
        lambda n: ("{\\rtf1 " + _repeat("(http:", n) + "}").encode(),
        lambda n: ("{\\rtf1 " + _sample_text(n).replace("\n", "\\par ") + "}").encode(),
        _read("letter.rtf"),
    ),
    Hostile(
        "a long Subject header (.eml)",
        lambda n: _email(_repeat("x ", n)),
        lambda n: _email("Readout") + _sample_text(n).encode(),
        _read("message.eml"),
    ),
    Hostile(
        "'neither nor ' in one sentence (compare)",
        lambda n: _repeat("neither nor ", n).encode(),
        lambda n: _sample_text(n).encode(),
        _compare,
    ),
    Hostile(
        "list-like '1. 2. ' in 20 KB lines (compare)",
        lambda n: "\n".join(
            _repeat("1. 2. ", min(20_000, n)) for _ in range(max(1, n // 20_000))
        ).encode(),
        lambda n: _sample_text(n).encode(),
        _compare,
    ),
)


def seconds(read: Callable[[bytes], object], data: bytes, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        read(data)
        best = min(best, time.perf_counter() - started)
    return best


def _child(index: int, sizes: tuple[int, ...], normal: bool, pipe: Any) -> None:
    hostile = HOSTILE[index]
    build = hostile.normal if normal else hostile.build
    hostile.read(build(1000))  # imports and caches, outside the timing
    pipe.send([seconds(hostile.read, build(size)) for size in sizes])


def timed_isolated(
    index: int, sizes: tuple[int, ...], *, normal: bool = False, timeout: float = 120.0
) -> list[float] | None:
    """Seconds for each size in a forked child; None when it ran past ``timeout``."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(index, sizes, normal, send), daemon=True)
    child.start()
    send.close()
    result: list[float] | None = receive.recv() if receive.poll(timeout) else None
    if child.is_alive():
        child.kill()
    child.join()
    return result
