"""Word meaning from WordLlama's static token embeddings (MIT; weights inside the wheel).

The aligner asks one question of it: how close in meaning are two words that do
not share a lemma ("Myanmar" / "Burma", "tariffs" / "trade", "Islamabad" /
"Pakistan")? Vectors are computed once per distinct lower-case word and cached,
so a comparison embeds its vocabulary, not its sentences. Static embeddings
cost microseconds a word; a transformer sentence encoder costs ~25 ms a
sentence here, which a 1 MB article (8,000 sentences) cannot afford.

Nothing is fetched: the model loads from the installed package's own files.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

Vectors = NDArray[np.float32]
DIMENSIONS = 256
WEIGHTS_FILE = "weights/l2_supercat_256.safetensors"
# SHA-256 of the weights file this engine was fitted with (checked by a test).
WEIGHTS_SHA256 = "64b47a2dc493cb8e85944076601189739852d7b64e0e1eedcb1937a251cd9fd5"

_lock = threading.Lock()
_cache: dict[str, NDArray[np.float32]] = {}


def package_root() -> Path:
    return Path(str(resources.files("wordllama")))


@lru_cache(maxsize=1)
def _model() -> Any:
    from wordllama import WordLlama

    # wordllama 0.4.0.post1 looks for its tokenizer beside the cache folder: point
    # the cache at the package itself, and never download.
    return WordLlama.load(
        config="l2_supercat", dim=DIMENSIONS, cache_dir=package_root(), disable_download=True
    )


def load() -> None:
    """Load the model now (the window calls this off the GUI thread at start)."""
    _model()


def word_vectors(words: Sequence[str]) -> Vectors:
    """Unit vectors of lower-case words, one row each (cached across calls)."""
    missing = [w for w in dict.fromkeys(words) if w not in _cache]
    if missing:
        embedded = _model().embed(missing, norm=True).astype(np.float32)
        with _lock:
            for word, vector in zip(missing, embedded, strict=True):
                _cache[word] = vector
            if len(_cache) > 400_000:
                _cache.clear()
    if not words:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.stack([_cache[w] for w in words])


def sentence_vectors(texts: Sequence[str]) -> Vectors:
    """Unit vectors of whole sentences (WordLlama's own pooling over all their tokens)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors: Vectors = _model().embed(list(texts), norm=True).astype(np.float32)
    return vectors


def vocabulary_vectors(words: Iterable[str]) -> dict[str, Vectors]:
    unique = list(dict.fromkeys(words))
    matrix = word_vectors(unique)
    return {w: matrix[i] for i, w in enumerate(unique)}
