#!/usr/bin/env python3
"""Benchmark: wall time of `build.py check` over N realistic cards (the starter cards cloned to N).

Usage: python bench/check_speed.py [--commands-only] [N ...]   (default: 100 1000)
Target (issue #2, #15, #18): 1,000 cards in under 1 s on the 2-core CI machine, 10,000 under 8 s;
5,000 warm well under 2 s (issue #18's follow-up; `bench/materials.py` times `build.py materials`).
Prints the in-process time (one process, no cache; median of three up to 1,000 cards, one run
above; left out with --commands-only) and `build.py check` as a whole process, with its caches
empty (cold, one run) and then filled (warm, median of three). The cards are whole starter bundles
with their images (bench/project.py), so the timings are those of real cards. The load average is
printed before and after: the machine is shared, and other work slows every figure.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "plugins"))

from project import clone_starter_library, write_project  # noqa: E402

from kho_stem.taxonomy.vocabularies import load_taxonomy  # noqa: E402
from kho_stem.validation.library import check_library, find_card_files  # noqa: E402


def main(counts: list[int], in_process: bool = True) -> None:
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy")
    print(f"load average before: {' '.join(f'{load:.2f}' for load in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"{'cards':>6} {'in-process s':>13} {'check cold s':>13} {'check warm s':>13}")
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            # A project of its own, so `build.py check` starts with empty caches.
            project = Path(tmp)
            folder = write_project(project)
            clone_starter_library(folder, count)
            runs = []
            for _ in range((3 if count <= 1000 else 1) if in_process else 0):
                start = time.perf_counter()
                result = check_library(find_card_files([folder]), taxonomy)
                runs.append(time.perf_counter() - start)
                assert result.ok and len(result.cards) == count, result.problems[:3]
            walls = []
            for _ in range(4):  # the first run checks every card, the others read the kept verdicts
                start = time.perf_counter()
                subprocess.run([sys.executable, str(project / "build.py"), "check"], check=True, capture_output=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})
                walls.append(time.perf_counter() - start)
            shown = f"{statistics.median(runs):>13.3f}" if runs else f"{'—':>13}"
            print(f"{count:>6} {shown} {walls[0]:>13.3f} {statistics.median(walls[1:]):>13.3f}", flush=True)
    print(f"load average after: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main([int(arg) for arg in arguments if arg != "--commands-only"] or [100, 1000],
         in_process="--commands-only" not in arguments)
