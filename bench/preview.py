#!/usr/bin/env python3
"""Benchmark: edit-to-preview under ``build.py serve`` on a realistic library.

Usage: python bench/preview.py [N ...]     (default: 1000)

The library is the 42 starter bundles (``activities/*``, each with its cover) cloned to N cards
with new folder names (new slugs) and new titles. ``build.py serve`` starts on a free port; once it
serves, one card's text is edited and the time until the served card page shows the new text is
measured (polled over HTTP). This is done three times. Then a broken card is saved and the time until its page shows the
located problem. Goal (issue #18): 1,000 cards within 3 s; 5,000 within 5 s.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from project import ROOT, clone_starter_library, write_project

STARTUP_LIMIT = 900.0  # seconds for the first full build of a large library
CHANGE_LIMIT = 60.0  # seconds to wait for an edit to show before calling it a failure
EDITS = 3  # the same card saved this many times, each with a new sentence


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, limit: float, server: subprocess.Popen[bytes]) -> float:
    """Seconds until the page at ``url`` contains ``text``; polled every 50 ms, at most ``limit``."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if server.poll() is not None:
            raise RuntimeError(f"serve stopped with exit code {server.returncode}")
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {limit:.0f} s")


def make_project(folder: Path, count: int) -> list[Path]:
    activities = write_project(folder)
    shutil.copy(ROOT / "build.py", folder / "build.py")
    return clone_starter_library(activities, count)


def measure(count: int, log: Path) -> tuple[float, list[float], float]:
    """(first build, each edit shown, broken card shown) in seconds, for ``count`` cards."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        cards = make_project(project, count)
        edited = cards[len(cards) // 2]
        port = free_port()
        url = f"http://127.0.0.1:{port}/hoat-dong/{edited.parent.name}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "plugins")}
        with log.open("wb") as output:
            server = subprocess.Popen([sys.executable, str(project / "build.py"), "serve", "--address",
                                       f"127.0.0.1:{port}"], cwd=project, env=env, stdout=output,
                                      stderr=subprocess.STDOUT)
            try:
                started = wait_for(url, "</html>", STARTUP_LIMIT, server)
                time.sleep(1.0)  # let the watcher take its first look at the files
                text = edited.read_text(encoding="utf-8")
                shown = []
                for _ in range(EDITS):
                    marker = f"Đoạn sửa để đo {time.time_ns()}"
                    edited.write_text(text.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
                    shown.append(wait_for(url, marker, CHANGE_LIMIT, server))
                    time.sleep(1.0)
                edited.write_text(text.replace("\nages: ", "\nages: [9-10]\nold_ages: ", 1), encoding="utf-8")
                broken = wait_for(url, "9-10", CHANGE_LIMIT, server)
            finally:
                server.terminate()
                server.wait(timeout=30)
        return started, shown, broken


def main(counts: list[int]) -> None:
    print(f"{'cards':>6} {'first build s':>14} {'edit shown s (each save)':>25} {'broken shown s':>15}")
    for count in counts:
        log = Path(tempfile.gettempdir()) / f"kho-stem-preview-{count}.log"
        started, shown, broken = measure(count, log)
        each = " ".join(f"{seconds:.2f}" for seconds in shown)
        print(f"{count:>6} {started:>14.1f} {each:>25} {broken:>15.2f}   (serve log: {log})", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000])
