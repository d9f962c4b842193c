"""The browser tests' helpers: the local web server closes its socket when they are done with it, and the
watched page reports what it is there to catch."""

from __future__ import annotations

import socket
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import served, watched


def test_served_folder_answers_and_then_closes_its_socket(tmp_path: Path):
    (tmp_path / "index.html").write_text("<p>xin chào</p>", encoding="utf-8")
    with served(tmp_path) as base:
        with urllib.request.urlopen(base + "index.html", timeout=10) as response:
            assert response.read().decode("utf-8") == "<p>xin chào</p>"
        port = urlsplit(base).port
    # Stopping the loop alone would leave the socket listening (and leaked: a ResourceWarning).
    with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port), timeout=5):
        pass


def test_a_watched_page_fails_on_a_console_error_or_a_refused_request(browser, tmp_path: Path):
    """The guard every browser test uses reports what it is there to catch."""
    page_file = tmp_path / "trang.html"
    page_file.write_text('<!doctype html><script>console.error("hỏng")</script>'
                         '<img src="http://example.invalid/anh.png">', encoding="utf-8")
    with pytest.raises(AssertionError) as caught, watched(browser) as watcher:
        page = watcher.page()
        page.goto(page_file.as_uri())
        page.wait_for_timeout(200)
    assert "hỏng" in str(caught.value) and "request: http://example.invalid/anh.png" in str(caught.value)
