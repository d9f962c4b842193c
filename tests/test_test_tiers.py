"""The fast tier (`-m "not browser and not slow"`) leaves out every test that drives Chromium."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def _collected(*args: str) -> list[str]:
    run = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    return [line for line in run.stdout.splitlines() if "::" in line]


def test_a_test_using_the_browser_fixture_is_marked_browser_without_a_hand_written_mark():
    # test_offline's browser test carries no @pytest.mark.browser: only the conftest hook marks it.
    everything = _collected("tests/test_offline.py")
    fast = _collected("tests/test_offline.py", "-m", "not browser")
    browser_test = "tests/test_offline.py::test_the_same_copy_works_on_a_static_web_server"
    assert browser_test in everything
    assert browser_test not in fast
    assert "tests/test_offline.py::test_zip_is_written_atomically_and_holds_one_folder" in fast
