"""How this project drives a browser: Debian's chromium through Playwright, and a quiet local
web server for a built site. Used by scripts/screenshots.py, the browser tests and bench/catalog.py."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

# Never a browser downloaded by `playwright install`: Debian's package (scripts/test.sh installs it).
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium calls Google's hosts at start, which this
# project's tests forbid (no request may leave the site).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
HAS_CHROMIUM = os.path.exists(CHROMIUM)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """Serve ``folder`` over http on 127.0.0.1 and yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    # Leaving the `with` closes the listening socket (shutdown() only stops the loop), so no
    # ResourceWarning, which the tests turn into an error.
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
            thread.join()
