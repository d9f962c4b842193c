#!/usr/bin/env python3
"""Benchmark: every card's giáo án (.docx) for N realistic cards, cold cache then warm cache.

Usage: python bench/lesson_plans.py [N]     (default: 1000)
The library is the starter cards cloned to N (bench/project.py), checked once; the timings are of
``LessonPlanFiles.publish`` alone, the step a build adds: cold (empty cache: every document is
made, in parallel processes on more than one core) and warm (nothing changed: no document is made).
Also reports the bytes the site and the offline zip gain.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "plugins"))

from project import clone_starter_library, write_project  # noqa: E402

from kho_stem.catalog import library_facts  # noqa: E402
from kho_stem.outputs import LessonPlanFiles  # noqa: E402
from kho_stem.taxonomy import load_taxonomy  # noqa: E402
from kho_stem.validation import check_library, find_card_files  # noqa: E402


def cpu_seconds() -> float:
    """CPU time of this process and its finished workers: on a shared machine, wall time is noisy."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kho-stem-giao-an-"))
    try:
        activities = write_project(work)
        clone_starter_library(activities, arguments.count)
        taxonomy = load_taxonomy(work / "content" / "taxonomy")
        result = check_library(find_card_files([activities]), taxonomy)
        if not result.ok:
            print("\n".join(problem.render() for problem in result.errors))
            return 1
        facts = library_facts(result.cards, taxonomy)
        cache = work / "cache"
        started, cpu = time.perf_counter(), cpu_seconds()
        cold_files, problems = LessonPlanFiles(cache, taxonomy).publish(facts)
        cold, cold_cpu = time.perf_counter() - started, cpu_seconds() - cpu
        started, cpu = time.perf_counter(), cpu_seconds()
        warm_files, _ = LessonPlanFiles(cache, taxonomy).publish(facts)
        warm, warm_cpu = time.perf_counter() - started, cpu_seconds() - cpu
        sizes = [path.stat().st_size for path in cold_files.values()]
        print(f"cards:     {len(facts)} ({len(problems)} without a giáo án)")
        print(f"cold:      {cold:.2f} s wall, {cold_cpu:.2f} s CPU ({cold_cpu / len(facts) * 1000:.1f} ms CPU a card)")
        print(f"warm:      {warm:.2f} s wall, {warm_cpu:.2f} s CPU (no document made: {warm_files == cold_files})")
        print(f"size:      {sum(sizes) / 1e6:.1f} MB in all; per card median {statistics.median(sizes) / 1000:.1f} kB, "
              f"min {min(sizes) / 1000:.1f} kB, max {max(sizes) / 1000:.1f} kB")
        return 0 if not problems and warm_files == cold_files else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
