"""Hazard rules: find hazardous items wherever a card tells someone what to do, and require what
each hazard asks for (allowed ages, a safety note about it, the adult-only marker where it is used).

The word lists are data (content/taxonomy/hazards.yml). This reads words; it does not understand
a card, which is why the safety guide still asks for a reviewer.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kho_stem.diagnostics.messages import Phrase, Text, phrase
from kho_stem.taxonomy.vocabularies import Taxonomy, Term
from kho_stem.text import PhraseIndex
from kho_stem.validation.passages import BODY, FAMILY, INCLUSION, NAME, NOTE, SAFETY, Passage, card_passages
from kho_stem.yaml_source import LocatedDocument

Report = Callable[..., None]

# What a listed phrase means where it is found.
DETECT, DANGER, FORBIDDEN, MISUSE, SAFE_FORM, LOOKALIKE = "detect", "danger", "forbidden", "misuse", "safe", "not"
DETECT_IF, CONTEXT = "detect-if", "context"
MARKER, NEGATION, NOT_NEGATION, CHILD, CLAUSE = "marker", "negation", "not-negation", "child", "clause"
NOT_MARKER = "not-marker"
_RAISING = (NAME, NOTE, BODY, FAMILY, INCLUSION)
_CLAUSE_PUNCTUATION = re.compile(r"[.;!?\n]")
_SEPARATOR = "\n\n"
# A negation reaches this many words ahead, and past a comma only into a list that goes on
# ("không dùng túi ni lông, bao nhựa" forbids both; "trẻ không sợ, tự thổi bóng bay" does not).
_NEGATION_REACH = 6


@dataclass(frozen=True)
class Tag:
    kind: str
    hazard: str | None = None


@dataclass
class _Found:
    """What one passage says, in order of appearance."""

    passage: Passage
    items: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, hazard, word
    forbidden: list[tuple[int, str, str]] = field(default_factory=list)  # start, hazard, word
    misuse: list[tuple[int, str, str]] = field(default_factory=list)
    safe_forms: list[tuple[int, str]] = field(default_factory=list)
    negations: list[tuple[int, int]] = field(default_factory=list)
    clause_words: list[int] = field(default_factory=list)
    named: set[str] = field(default_factory=set)  # hazards whose item or danger the passage names
    lookalikes: set[tuple[str, str]] = field(default_factory=set)  # (hazard, "nến led") seen here
    maybe_items: list[tuple[int, int, str, str]] = field(default_factory=list)  # need a context word
    contexts: list[tuple[int, str]] = field(default_factory=list)  # start, hazard
    has_marker: bool = False
    has_child: bool = False


class HazardRules:
    """The hazard rules of a taxonomy, with their word lists compiled once into two indexes."""

    def __init__(self, taxonomy: Taxonomy):
        self.taxonomy = taxonomy
        self.hazards = {hazard.code: hazard for hazard in taxonomy.hazards}
        self.markers = taxonomy.adult_only_markers
        self.list_words = frozenset(word for phrase in taxonomy.hazards.settings.get("negation_list_words") or ()
                                    for word in phrase.lower().split())
        # Hazard words are looked for in every text; the frequent context words (markers,
        # negations, children, clause breaks) only in the few passages that name a hazard.
        context = list(_context_entries(taxonomy))
        self.index: PhraseIndex[Tag] = PhraseIndex(_hazard_entries(taxonomy), blockers=[w for w, _ in context])
        self.context: PhraseIndex[Tag] = PhraseIndex(context)

    def check(self, meta: dict[str, Any], body: str, body_line: int, document: LocatedDocument,
              report: Report) -> None:
        CardHazards(self, meta, card_passages(meta, body, body_line, document), document, report).check()

    def scan(self, passages: list[Passage]) -> list[_Found]:
        """Read all passages of a card with one pass of the index over their joined text; only
        passages where something was found are returned (most passages name no hazard)."""
        text = _SEPARATOR.join(p.text for p in passages)
        starts, offset = [], 0
        for passage in passages:
            starts.append(offset)
            offset += len(passage.text) + len(_SEPARATOR)
        found: dict[int, _Found] = {}
        for match in self.index.find(text):
            number = bisect_right(starts, match.start) - 1
            entry = found.get(number)
            if entry is None:
                entry = found[number] = _Found(passages[number])
            start, end = match.start - starts[number], match.end - starts[number]
            for tag in match.payloads:
                _record(entry, tag, start, end, match.text)
        for entry in found.values():
            if entry.named or entry.safe_forms or entry.misuse or entry.maybe_items:
                for match in self.context.find(entry.passage.text):
                    for tag in match.payloads:
                        _record(entry, tag, match.start, match.end, match.text)
            # "con thỏ" is a live animal only with a word such as "cho ăn" or "thật" beside it.
            for item in entry.maybe_items:
                if any(h == item[2] and same_clause(entry, item[0], s) for s, h in entry.contexts):
                    entry.items.append(item)
                    entry.named.add(item[2])
            entry.items.sort()
        return [found[number] for number in sorted(found)]


def _record(entry: _Found, tag: Tag, start: int, end: int, word: str) -> None:
    kind, hazard = tag.kind, tag.hazard
    if hazard is None:  # a word about the sentence (marker, negation, child, clause), not one hazard
        _record_sentence_word(entry, kind, start, end)
    elif kind == DETECT:
        entry.items.append((start, end, hazard, word))
        entry.named.add(hazard)
    elif kind == DANGER:
        entry.named.add(hazard)
    elif kind == FORBIDDEN:
        entry.forbidden.append((start, hazard, word))
        entry.named.add(hazard)
    elif kind == MISUSE:
        entry.misuse.append((start, hazard, word))
    elif kind == SAFE_FORM:
        entry.safe_forms.append((start, hazard))
    elif kind == DETECT_IF:
        entry.maybe_items.append((start, end, hazard, word))
    elif kind == CONTEXT:
        entry.contexts.append((start, hazard))
    elif kind == LOOKALIKE:
        entry.lookalikes.add((hazard, " ".join(word.lower().split())))


def _record_sentence_word(entry: _Found, kind: str, start: int, end: int) -> None:
    if kind == NEGATION:
        entry.negations.append((start, end))
    elif kind == CLAUSE:
        entry.clause_words.append(start)
    elif kind == MARKER:
        entry.has_marker = True
    elif kind == CHILD:
        entry.has_child = True


def _hazard_entries(taxonomy: Taxonomy) -> Iterator[tuple[str, Tag]]:
    for hazard in taxonomy.hazards:
        code = hazard.code
        for key, kind in (("detect", DETECT), ("must_mention", DANGER), ("forbidden_materials", FORBIDDEN),
                          ("misuse", MISUSE), ("safe_forms", SAFE_FORM), ("not", LOOKALIKE),
                          ("detect_if", DETECT_IF)):
            for word in hazard.get(key) or ():
                yield word, Tag(kind, code)


def _context_entries(taxonomy: Taxonomy) -> Iterator[tuple[str, Tag]]:
    settings = taxonomy.hazards.settings
    for hazard in taxonomy.hazards:
        for word in hazard.get("detect_context") or ():
            yield word, Tag(CONTEXT, hazard.code)
    for key, kind in (("adult_only_markers", MARKER), ("not_markers", NOT_MARKER), ("negation_cues", NEGATION),
                      ("not_negation", NOT_NEGATION), ("child_words", CHILD), ("clause_words", CLAUSE)):
        for word in settings.get(key) or ():
            yield word, Tag(kind)


class CardHazards:
    """The hazard rules applied to one card."""

    def __init__(self, rules: HazardRules, meta: dict[str, Any], passages: list[Passage],
                 document: LocatedDocument, report: Report):
        self.rules = rules
        self.report = report
        self.document = document
        self.ages = [a for a in _codes(meta.get("ages")) if a in rules.taxonomy.ages]
        materials = meta.get("materials")
        self.materials: list[Any] = materials if isinstance(materials, list) else []
        self.found = rules.scan(passages)
        self.safety = [f for f in self.found if f.passage.source == SAFETY]
        self.addressed = set().union(*(f.named for f in self.safety))
        # Hazards that some note or step names together with the adult-only marker.
        self.adult_named = set().union(*(f.named for f in self.found if f.has_marker))
        self.adult_named_in_safety = set().union(*(f.named for f in self.safety if f.has_marker))
        # Once a card says "nến điện LED", a bare "nến" later in it means that candle.
        self.meant_as_lookalike = {(hazard, key.split()[0]) for entry in self.found
                                   for hazard, key in entry.lookalikes}
        self.first_use: dict[str, tuple[int, str, str]] = {}  # hazard -> line, where, word
        self.reported: set[tuple[str, int, str]] = set()

    def check(self) -> None:
        for entry in self.found:
            if entry.passage.source in _RAISING:
                self.check_passage(entry)
            else:
                # A safety note answers hazards, but one that still uses a forbidden item
                # ("cô pha hàn the") is refused like any other text.
                self.check_forbidden(entry)
        self.check_materials()
        for code, (line, where, word) in self.first_use.items():
            self.check_safety_note(code, line, where, word)

    # -- one passage ---------------------------------------------------------------------------
    def check_forbidden(self, entry: _Found) -> None:
        passage = entry.passage
        for start, hazard, word in entry.forbidden:
            if not self.negated(entry, start):
                self.once("forbidden_item", passage.line_at(start), passage.where, word=word,
                          label=self.label(hazard), reason=self.reason(hazard))

    def check_passage(self, entry: _Found) -> None:
        passage = entry.passage
        self.check_forbidden(entry)
        for start, _end, code, word in entry.items:
            if self.negated(entry, start) or (code, word.lower()) in self.meant_as_lookalike \
                    or _proper_noun(passage.text, start, word):
                continue
            line = passage.line_at(start)
            self.note_use(code, line, passage.where, word)
            hazard = self.rules.hazards[code]
            for misuse_start, misuse_hazard, misuse_word in entry.misuse:
                if misuse_hazard == code and same_clause(entry, start, misuse_start):
                    self.once("hazard_misuse", line, passage.where, word=word, misuse=misuse_word,
                              label=self.label(code), point=hazard.get("safety_point", ""))
            if passage.source in (NAME, NOTE):
                continue  # a material's hazards are checked once per material below
            forbidden = self.forbidden_ages(code, entry, start)
            if forbidden:
                self.once("hazard_word_forbidden_age", line, passage.where, hazard=code, word=word,
                          label=self.label(code), ages=", ".join(forbidden), safe=self.safe_hint(hazard))
            if hazard.get("adult_only") and not self.adult_in_step(entry, code):
                key = "hazard_step_needs_adult" if passage.source == BODY else "hazard_text_needs_adult"
                self.once(key, line, passage.where, hazard=code, word=word, label=self.label(code),
                          marker=self.marker)

    def adult_in_step(self, entry: _Found, code: str) -> bool:
        """The marker must be in the step that uses the item; a safety note naming the item with
        the marker covers steps where no child is said to act."""
        if entry.has_marker:
            return True
        return not entry.has_child and code in self.adult_named_in_safety

    # -- materials -------------------------------------------------------------------------------
    def check_materials(self) -> None:
        by_material: dict[int, list[_Found]] = {}
        for entry in self.found:
            material = entry.passage.material  # set on every name and note passage
            if entry.passage.source in (NAME, NOTE) and material is not None:
                by_material.setdefault(material, []).append(entry)
        taxonomy = self.rules.taxonomy
        for index, item in enumerate(self.materials):
            entries = by_material.get(index, [])
            name = item if isinstance(item, str) else item.get("name") if isinstance(item, dict) else None
            if not isinstance(name, str):
                continue
            path = ("materials", index)
            line = self.document.line_of(path, 1)
            where = f"materials[{index + 1}]"
            declared = [c for c in _codes(item.get("hazards")) if c in taxonomy.hazards] \
                if isinstance(item, dict) else []
            detected: dict[str, str] = {}
            in_note: set[str] = set()
            for entry in entries:
                for start, _end, code, word in entry.items:
                    if not self.negated(entry, start) and (code, word.lower()) not in self.meant_as_lookalike:
                        detected.setdefault(code, word)
                        if entry.passage.source == NOTE and code not in in_note and detected[code] == word:
                            in_note.add(code)
            for code in detected:
                if code not in declared:
                    found = phrase("hazard_found_in_note", word=detected[code]) if code in in_note else ""
                    self.report(line, where, "hazard_undeclared", name=name, hazard=code, label=self.label(code),
                                found=found)
            marker_here = any(e.has_marker for e in entries)
            for code in dict.fromkeys([*declared, *detected]):
                self.note_use(code, line, where, detected.get(code, name))
                hazard = self.rules.hazards[code]
                forbidden = [a for a in self.ages if a in (hazard.get("forbid_ages") or [])]
                if self.safe_form_in(entries, code):
                    forbidden = []  # "nho cắt làm tư": the listed safe form makes it fit these ages
                if forbidden:
                    self.report(self.document.line_of((*path, "hazards"), line), f"{where}.hazards",
                                "hazard_forbidden_age", hazard=code, label=self.label(code), ages=", ".join(forbidden))
                if hazard.get("adult_only") and not (marker_here or code in self.adult_named):
                    self.report(line, where, "hazard_needs_adult_step", hazard=code, label=self.label(code),
                                marker=self.marker)

    def note_use(self, code: str, line: int, where: str, word: str) -> None:
        """Remember the first place in the file that uses a hazard: a missing note is reported there."""
        if code not in self.first_use or line < self.first_use[code][0]:
            self.first_use[code] = (line, where, word)

    @staticmethod
    def safe_form_in(entries: list[_Found], code: str) -> bool:
        return any(hazard == code for entry in entries for _start, hazard in entry.safe_forms)

    # -- safety notes ----------------------------------------------------------------------------
    def check_safety_note(self, code: str, line: int, where: str, word: str) -> None:
        hazard = self.rules.hazards[code]
        words = hazard.get("must_mention") or []
        if words and code not in self.addressed:
            self.report(line, where, "hazard_needs_safety_note", hazard=code, word=word, label=self.label(code),
                        words=", ".join(words), point=hazard.get("safety_point", ""))

    # -- helpers ---------------------------------------------------------------------------------
    def forbidden_ages(self, code: str, entry: _Found, start: int) -> list[str]:
        hazard = self.rules.hazards[code]
        forbidden = [a for a in self.ages if a in (hazard.get("forbid_ages") or [])]
        if any(h == code and same_clause(entry, start, s) for s, h in entry.safe_forms):
            return []
        return forbidden

    def negated(self, entry: _Found, start: int) -> bool:
        """A negation cue shortly before the word in the same clause: "không dùng túi ni lông";
        past a comma only along a list of items ("không dùng lá ngón, trúc đào, thầu dầu")."""
        text = entry.passage.text
        for cue_start, cue_end in entry.negations:
            if cue_start >= start or not same_clause(entry, cue_start, start):
                continue
            gap = _without_items(entry, text, cue_end, start).split(",")
            if len(gap[0].split()) <= _NEGATION_REACH and all(
                    self.rules.list_words.issuperset(part.lower().split()) for part in gap[1:]):
                return True
        return False

    def once(self, code: str, line: int, where: str, **params: object) -> None:
        key = (code, line, str(params.get("hazard") or params.get("word")))
        if key not in self.reported:
            self.reported.add(key)
            self.report(line, where, code, **params)

    @property
    def marker(self) -> str:
        return self.rules.markers[0].capitalize()

    def label(self, code: str) -> Text:
        hazard: Term = self.rules.hazards[code]
        return Text(hazard.label, hazard.label_en)

    def reason(self, code: str) -> Text:
        hazard = self.rules.hazards[code]
        text = str(hazard.get("forbidden_reason") or hazard.get("description", ""))
        return Text(text, str(hazard.get("forbidden_reason_en") or text))

    def safe_hint(self, hazard: Term) -> Phrase | str:
        forms = hazard.get("safe_forms") or []
        return phrase("hazard_safe_forms", forms=", ".join(forms)) if forms else ""


def _proper_noun(text: str, start: int, word: str) -> bool:
    """A capitalised single word inside a sentence is a name: "đồng bào Mông, Dao, Hà Nhì"."""
    if " " in word or not (word[:1].isupper() and word[1:].islower()):
        return False  # several words, lower case, or a model code such as "LR44"
    before = text[:start].rstrip(" \t\"'*(“‘")
    return bool(before) and before[-1] not in ".!?:;\n-+0123456789)#"


def _without_items(entry: _Found, text: str, first: int, last: int) -> str:
    """The text between two places with the items named there left out (they are list items)."""
    spans = sorted([(s, e) for s, e, _h, _w in entry.items] + [(s, s + len(w)) for s, _h, w in entry.forbidden])
    pieces, position = [], first
    for start, end in spans:
        if first <= start and end <= last:
            pieces.append(text[position:start])
            position = end
    pieces.append(text[position:last])
    return "".join(pieces)


def same_clause(entry: _Found, first: int, second: int) -> bool:
    """No punctuation or clause word ("nhưng", "rồi"…) between the two places of a passage."""
    low, high = min(first, second), max(first, second)
    if _CLAUSE_PUNCTUATION.search(entry.passage.text, low, high):
        return False
    return not any(low < position < high for position in entry.clause_words)


def _codes(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
