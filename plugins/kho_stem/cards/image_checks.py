"""What inspecting an image found, kept by the image's bytes, so a cover is decoded once.

Decoding every cover on every check is a large part of `check`. An inspection depends only on
the file's bytes, the suffix of its name (a PNG named .jpg is refused), the inspecting code and
Pillow, so the key is a hash of all of them: a copy of a cover in another bundle is inspected
once per run, and an unchanged image not at all on the next run. The folder is safe to delete.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import PIL

from kho_stem.cards import images
from kho_stem.cards.cache_file import write_cache_file
from kho_stem.cards.images import MAX_BYTES, ImageProblem, inspect_image_fully

FORMAT = 1  # of the files written here
# A broken file's reason is Pillow's own sentence, which may name the file: never shared.
_NOT_KEPT = frozenset({"image_broken"})


class ImageChecks:
    def __init__(self, folder: Path | None = None):
        """``folder``: where inspections are kept between runs; None: only during this run."""
        self.folder = folder
        code = hashlib.sha256(Path(images.__file__).read_bytes()).hexdigest()
        self._fingerprint = f"{FORMAT}|{code}|{PIL.__version__}"
        self._seen: dict[str, tuple[ImageProblem | None, bool]] = {}

    def inspect(self, path: Path) -> tuple[ImageProblem | None, bool]:
        """``inspect_image_fully(path)``, from memory or disk when these bytes were inspected before."""
        try:
            if path.stat().st_size > MAX_BYTES:
                return inspect_image_fully(path)  # refused before decoding: cheap, and not worth hashing
            data = path.read_bytes()
        except OSError:
            return inspect_image_fully(path)  # says what is wrong with the file
        digest = hashlib.sha256(f"{self._fingerprint}|{path.suffix.lower()}\0".encode() + data).hexdigest()
        found = self._seen.get(digest) or self._read(digest)
        if found is None:
            found = inspect_image_fully(path)
            if found[0] is None or found[0].code not in _NOT_KEPT:
                self._write(digest, found)
        self._seen[digest] = found
        return found

    def _file(self, digest: str) -> Path | None:
        return self.folder / digest[:2] / f"{digest}.json" if self.folder is not None else None

    def _read(self, digest: str) -> tuple[ImageProblem | None, bool] | None:
        file = self._file(digest)
        if file is None:
            return None
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            problem = data["problem"]
            located = data["located"]
            if not isinstance(located, bool):
                return None
            if problem is None:
                return None, located
            code, params = problem
            if isinstance(code, str) and isinstance(params, dict):
                return ImageProblem(code, params), located
        except (OSError, ValueError, KeyError, TypeError):
            pass  # not there yet, or damaged: inspect again
        return None

    def _write(self, digest: str, found: tuple[ImageProblem | None, bool]) -> None:
        file = self._file(digest)
        if file is None:
            return
        problem, located = found
        data = {"problem": [problem.code, problem.params] if problem else None, "located": located}
        write_cache_file(file, json.dumps(data, ensure_ascii=False).encode("utf-8"))
