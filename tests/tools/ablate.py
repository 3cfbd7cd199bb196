"""What each signal of the engine earns: nested leave-one-case-out without it.

``python -m tests.tools.ablate`` runs the development cases' nested evaluation
(tests/tools/eval.py) once with the full engine and once with each signal taken
out, in the same process:

* ``semantic`` — no WordLlama vectors: words match only by lemma, name form and
  alias, and the content and sentence cosines are 0;
* ``frame`` — no frame words: the participants, the place and the meeting
  vocabulary count as content;
* ``clauses`` — one clause per sentence: no clause-level residue, and an official
  sentence's main claim is the whole sentence.

The test split is never scored here.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from desktop.engine import align as align_module
from desktop.engine import embedding, profiles
from desktop.engine.cases import load_cases, test_numbers
from desktop.engine.training import prepare
from tests.tools import eval as evaluation


@contextmanager
def _patched(target: Any, name: str, value: object) -> Iterator[None]:
    original = getattr(target, name)
    setattr(target, name, value)
    try:
        yield
    finally:
        setattr(target, name, original)


@contextmanager
def without(signal: str) -> Iterator[None]:
    if signal == "semantic":
        table: Callable[[Any], dict[str, np.ndarray]] = lambda words: {  # noqa: E731
            w: np.zeros(embedding.DIMENSIONS, dtype=np.float32) for w in words
        }
        with _patched(embedding, "vocabulary_vectors", table):
            yield
    elif signal == "frame":
        with _patched(align_module, "frame_keys", lambda background, official: frozenset()):
            yield
    elif signal == "clauses":
        original = profiles.profile

        def one_clause(*args: Any, **kwargs: Any) -> profiles.SentenceProfile:
            p = original(*args, **kwargs)
            return replace(p, clause_of=(0,) * len(p.tokens), main=frozenset(range(len(p.tokens))))

        import desktop.engine.compare as compare
        import desktop.engine.training as training

        with (
            _patched(profiles, "profile", one_clause),
            _patched(training, "profile", one_clause),
            _patched(compare, "profile", one_clause),
        ):
            yield
    else:
        yield


COLUMNS = ("attribution", "coverage", "partial", "absent", "official")


def main(argv: Sequence[str] | None = None) -> int:
    del argv
    root = Path("tests/cases")
    test = test_numbers(root)
    dev = [c for c in load_cases(root) if c.number not in test]
    print(
        f"{len(dev)} development cases, nested leave-one-case-out; F1 columns: {', '.join(COLUMNS)}"
    )
    for signal in ("none", "semantic", "frame", "clauses"):
        started = time.perf_counter()
        with without(signal):
            evaluation._PREPARED.clear()
            for case in dev:
                evaluation._PREPARED[case.name] = prepare(case)
            nested, _, _ = evaluation.nested_loco(dev, 2)
        row = evaluation._scores(dev, nested)
        label = "full engine" if signal == "none" else f"without {signal}"
        cells = "".join(f"{row[c]:>12.2f}" for c in COLUMNS)
        print(f"{label:<22}{cells}   ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
