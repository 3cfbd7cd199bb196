"""The bundle's executable: certifi's certificates only where the system's are missing,
and the GUI launcher under the name ``readout-gui``."""

from __future__ import annotations

import os
import ssl
from pathlib import Path

import certifi
import pytest

from tests.packaging.conftest import packaging_module


def _verify_paths(cafile: str | None, capath: str | None) -> ssl.DefaultVerifyPaths:
    return ssl.DefaultVerifyPaths(
        cafile, capath, "SSL_CERT_FILE", cafile or "", "SSL_CERT_DIR", capath or ""
    )


@pytest.fixture
def entry(monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    return packaging_module("bundle_entry")


def test_certifi_is_used_when_openssl_finds_no_certificates(
    entry: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = _verify_paths(str(tmp_path / "none.pem"), str(tmp_path / "no-folder"))
    monkeypatch.setattr(ssl, "get_default_verify_paths", lambda: missing)
    entry.use_bundled_certificates()  # type: ignore[attr-defined]
    assert os.environ["SSL_CERT_FILE"] == certifi.where()


def test_the_systems_certificates_win_when_openssl_finds_them(
    entry: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    monkeypatch.setattr(ssl, "get_default_verify_paths", lambda: _verify_paths(str(bundle), None))
    entry.use_bundled_certificates()  # type: ignore[attr-defined]
    assert "SSL_CERT_FILE" not in os.environ


def test_a_certificate_file_the_user_chose_is_kept(
    entry: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", "/etc/corporate/ca.pem")
    monkeypatch.setattr(ssl, "get_default_verify_paths", lambda: _verify_paths(None, None))
    entry.use_bundled_certificates()  # type: ignore[attr-defined]
    assert os.environ["SSL_CERT_FILE"] == "/etc/corporate/ca.pem"


def test_started_as_readout_gui_it_is_the_gui_launcher(
    entry: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.app
    import desktop.cli

    called: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(desktop.app, "gui_main", lambda args: called.append(("gui", args)) or 0)
    monkeypatch.setattr(desktop.cli, "main", lambda args: called.append(("cli", args)) or 0)
    run = entry.run  # type: ignore[attr-defined]
    assert run(["a.txt"], "/usr/bin/readout-gui") == 0
    assert run(["compare", "a.txt"], "/usr/bin/readout") == 0
    assert run(["--smoke"], "readout") == 0
    assert called == [("gui", ["a.txt"]), ("cli", ["compare", "a.txt"]), ("gui", ["--smoke"])]
