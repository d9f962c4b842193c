"""Every message exists in both languages with the same placeholders, and is used by the code."""

from __future__ import annotations

import string

from conftest import ROOT
from kho_stem.diagnostics.messages import LANGUAGES, MESSAGES


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_placeholders():
    for key, texts in MESSAGES.items():
        assert set(texts) == set(LANGUAGES), key
        assert _placeholders(texts["vi"]) == _placeholders(texts["en"]), key


def test_every_message_is_used():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "plugins" / "kho_stem").rglob("*.py")
                       if p.name != "messages.py")
    assert [key for key in MESSAGES if f'"{key}"' not in source] == []
