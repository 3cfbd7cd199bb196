"""The word-embedding model ships inside its wheel and is the file the engine was fitted with."""

from __future__ import annotations

import hashlib

import numpy as np

from desktop.engine import embedding


def test_weights_file_is_the_one_the_engine_was_fitted_with() -> None:
    path = embedding.package_root() / embedding.WEIGHTS_FILE
    assert hashlib.sha256(path.read_bytes()).hexdigest() == embedding.WEIGHTS_SHA256


def test_vectors_load_offline_and_are_unit_length(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import requests

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model must not touch the network")

    monkeypatch.setattr(requests, "get", refuse)
    monkeypatch.setattr(requests.Session, "request", refuse)
    vectors = embedding.word_vectors(["myanmar", "burma", "tariffs"])
    assert vectors.shape == (3, embedding.DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_related_words_are_closer_than_unrelated_ones() -> None:
    v = embedding.vocabulary_vectors(["myanmar", "burma", "tariffs", "trade", "pakistan"])
    assert float(v["myanmar"] @ v["burma"]) > float(v["myanmar"] @ v["tariffs"])
    assert float(v["trade"] @ v["tariffs"]) > float(v["trade"] @ v["pakistan"])
