#!/usr/bin/env python3
"""Benchmark: wall time of `build.py check` over N synthetic valid cards.

Usage: python bench/check_speed.py [N ...]   (default: 100 1000)
Target (issue #2, #15): 1,000 cards in under 1 s on the 2-core CI machine. Prints the in-process
time (one process, no cache) and `build.py check` as a whole process, with its body cache empty
(cold) and then filled (warm).
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from kho_stem.taxonomy.vocabularies import load_taxonomy  # noqa: E402
from kho_stem.validation.library import check_library, find_card_files  # noqa: E402

TITLES = ["Thuyền lá", "Cầu que kem", "Hạt nảy mầm", "Pha màu nước", "Bóng của bé", "Chong chóng gió",
          "Bình lọc nước", "Nam châm hút gì", "Ô tô hộp sữa", "Đo bằng gang tay"]
MATERIALS = ["vỏ hộp sữa giấy", "chai nhựa 500 ml", "que kem", "lá chuối", "giấy màu", "băng dính",
             "ống hút giấy", "bìa các-tông", "đất nặn", "khay nhựa"]


def synthetic_card(index: int, rng: random.Random) -> str:
    title = f"{rng.choice(TITLES)} số {index}"
    materials = "\n".join(
        f"  - {{name: {name}, quantity: {rng.randint(1, 10)}, per: {rng.choice(['tre', 'nhom', 'lop'])}}}"
        for name in rng.sample(MATERIALS, 4)
    )
    steps = "\n\n".join(
        f"## {step}\n\nCô hỏi trẻ: *\"Con thấy điều gì xảy ra với {rng.choice(MATERIALS)}?\"* Trẻ quan sát, "
        f"thử lại và kể cho bạn nghe điều con nhận ra." for step in
        ["Gắn kết", "Khám phá", "Giải thích", "Mở rộng", "Đánh giá"]
    )
    return f"""---
title: {title}
description: Trẻ khám phá {title.lower()} bằng đồ dùng quen thuộc và kể lại điều mình thấy.
ages: [{rng.choice(['3-4', '4-5', '5-6'])}]
topics: [nuoc-va-hien-tuong-tu-nhien, gia-dinh]
stem: [S, M]
domains: [nhan-thuc]
process: 5e
duration: {rng.randint(15, 40)}
group: nhom-nho
setting: trong-lop
materials:
{materials}
safety:
  - Cô luôn quan sát trẻ trong suốt hoạt động.
objectives:
  - Trẻ quan sát, so sánh và nói được điều mình nhận ra.
author: {{name: Nhóm biên soạn, school: Trường Mầm non Thử nghiệm}}
family: Bố mẹ cùng con làm lại ở nhà với đồ dùng sẵn có.
updated: 2026-11-23
---

{steps}
"""


def make_library(folder: Path, count: int) -> None:
    rng = random.Random(count)
    for index in range(count):
        (folder / f"the-{index:05d}.md").write_text(synthetic_card(index, rng), encoding="utf-8")


def main(counts: list[int]) -> None:
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy")
    print(f"{'cards':>6} {'in-process s':>13} {'check cold s':>13} {'check warm s':>13}")
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            # A project of its own, so `build.py check` starts with an empty body cache.
            project = Path(tmp)
            shutil.copy(ROOT / "build.py", project / "build.py")
            shutil.copytree(ROOT / "content" / "taxonomy", project / "content" / "taxonomy")
            folder = project / "activities"
            folder.mkdir()
            make_library(folder, count)
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                result = check_library(find_card_files([folder]), taxonomy)
                runs.append(time.perf_counter() - start)
            assert result.ok and len(result.cards) == count, result.problems[:3]
            walls = []
            for _ in range(2):  # the first run renders every body, the second finds them in the cache
                start = time.perf_counter()
                subprocess.run([sys.executable, str(project / "build.py"), "check"], check=True, capture_output=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})
                walls.append(time.perf_counter() - start)
            print(f"{count:>6} {statistics.median(runs):>13.3f} {walls[0]:>13.3f} {walls[1]:>13.3f}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000])
