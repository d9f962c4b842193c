"""Where a project's parts live, relative to its root folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def activities(self) -> Path:
        return self.root / "activities"

    @property
    def taxonomy(self) -> Path:
        return self.root / "content" / "taxonomy"

    @property
    def body_cache(self) -> Path:
        """Rendered card bodies kept between checks (safe to delete); the plugin's default too."""
        return self.root / ".cache" / "kho-stem" / "bodies"

    @property
    def verdict_cache(self) -> Path:
        """Whole verdicts on unchanged cards and image inspections kept between checks (safe to delete)."""
        return self.root / ".cache" / "kho-stem" / "verdicts"

    @property
    def reviews_file(self) -> Path:
        return self.root / "content" / "reviews.yml"

    @property
    def zim_metadata_file(self) -> Path:
        """What Kiwix shows about the library's ZIM file (build.py zim)."""
        return self.root / "content" / "zim.yml"

    @property
    def schema_file(self) -> Path:
        return self.root / "content" / "schema" / "card.schema.json"

    @property
    def editor_config_file(self) -> Path:
        return self.root / "frontmatter.json"

    @property
    def cms_config_file(self) -> Path:
        """The web form's configuration (Sveltia CMS) without its backend; the build serves it."""
        return self.root / "content" / "schema" / "cms.yml"

    def contains_card_path(self, path: Path) -> bool:
        return path.resolve().is_relative_to(self.activities.resolve())
