"""Every rule a card must follow (bounds, front matter, hazards, topics, process steps, body HTML,
images) and what spans cards (unique slugs and aliases), reported as located problems."""

from kho_stem.validation.card_checker import CardChecker
from kho_stem.validation.library import CheckResult, check_library, find_card_files

__all__ = ["CardChecker", "CheckResult", "check_library", "find_card_files"]
