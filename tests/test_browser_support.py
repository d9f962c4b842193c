"""The local web server the browser tests use closes its socket when they are done with it."""

from __future__ import annotations

import socket
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import served


def test_served_folder_answers_and_then_closes_its_socket(tmp_path: Path):
    (tmp_path / "index.html").write_text("<p>xin chào</p>", encoding="utf-8")
    with served(tmp_path) as base:
        with urllib.request.urlopen(base + "index.html", timeout=10) as response:
            assert response.read().decode("utf-8") == "<p>xin chào</p>"
        port = urlsplit(base).port
    # Stopping the loop alone would leave the socket listening (and leaked: a ResourceWarning).
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), timeout=5):
        pass
