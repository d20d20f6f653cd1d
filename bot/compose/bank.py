"""The sentence bank: phrasings per slot, tone and occasion, read once from templates/notes/*.yaml.

Phrasings are tiny Jinja2 templates limited to plain `{{ variable }}` substitutions, so what a phrasing
needs is known exactly without compiling it; each is compiled on first use in a sandboxed environment
with StrictUndefined. User text is only ever a variable value, never part of a template.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from bot import TEMPLATES_DIR
from bot.answers import OCCASIONS, TONES
from bot.compose import parsed_cache, template_cache
from bot.errors import BotError

NOTES_DIR = TEMPLATES_DIR / "notes"
#: Variables a phrasing may use; anything else is a mistake in the bank. A free answer arrives in the form
#: its shape allows (bot/compose/shapes.py), and the variable's name is the phrasing's declaration of the
#: shapes its slot accepts: `discussed` a topic (noun or gerund phrase, indirect question) that reads after
#: "about"; `discussed_clause` a clause with its subject ("you still code every day") that reads after
#: "hearing that"; `topic` a short topic (the strength tied to what was discussed); `share` something
#: offered without a link, `share_label` + `link` something sent with one.
VARIABLES = frozenset(
    {"name", "address", "candidate", "company", "role", "when", "meeting"}
    | {"discussed", "detail", "strengths", "add", "share", "link"}
    | {"discussed_clause", "detail_clause", "strengths_clause", "topic", "share_label", "add_wish"}
)
#: Phrasings that use more of these answers are preferred: they are what makes a note personal.
PERSONAL = {"discussed": "discussed", "discussed_clause": "discussed", "topic": "discussed"} | {
    "detail": "detail",
    "detail_clause": "detail",
}
#: The parts of a sentence-bank file: the usual phrasings, those for a rough or a mixed interview, and (in
#: common.yaml only) `clauses`, phrasings for answers typed as clauses, offered whatever the occasion; and
#: `spare`, phrasings used only once every usual phrasing of a slot is already in another note of the panel
#: (a panel of five or six), so a big panel's notes still share no sentence.
PARTS = ("slots", "rough", "mixed", "clauses", "spare")
_VARIABLE = re.compile(r"\{\{\s*(\w+)\s*\}\}")
_TEMPLATE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


class NoteTemplateError(BotError):
    """The note templates are malformed; raised when they are loaded, never in front of a user."""


@dataclass(frozen=True)
class Phrasing:
    text: str
    needs: frozenset[str]

    @cached_property
    def score(self) -> int:
        """How many of the personal answers it uses (asked for every phrasing of every slot filled)."""
        return len({PERSONAL[name] for name in self.needs if name in PERSONAL})

    @cached_property
    def _format(self) -> str:
        """The text as a `str.format` pattern: each `{{ name }}` becomes `{name}`, other braces doubled."""
        pieces = _VARIABLE.split(self.text)  # words, a variable's name, words, … (names at odd places)
        pattern = []
        for place, piece in enumerate(pieces):
            pattern.append("{" + piece + "}" if place % 2 else piece.replace("{", "{{").replace("}", "}}"))
        return "".join(pattern)

    def render(self, variables: Mapping[str, str]) -> str:
        """The sentence; an empty `when` leaves two spaces, closed up here (user text never has two).

        A phrasing is nothing but plain `{{ variable }}` substitutions (checked when the bank is loaded), so
        it is filled by putting each value in its place (`str.format_map`: the values are taken as they are,
        never read as patterns), which gives exactly what the sandboxed Jinja2 template would
        (tests/compose/test_templates.py compares the two) at a fraction of the cost."""
        try:
            return self._format.format_map(variables).replace("  ", " ")
        except KeyError as missing:
            raise NoteTemplateError(f"{self.text!r} needs {missing}, which was not given") from None

    def render_with_jinja(self, variables: Mapping[str, str]) -> str:
        """The same sentence through the sandboxed environment (used by the tests as the reference)."""
        return _compiled(self.text).render(variables).replace("  ", " ")


@cache
def _compiled(text: str) -> Template:
    """Compile on first use: a note needs a few dozen of the bank's few hundred phrasings."""
    return environment().from_string(text)


@cache
def environment() -> ImmutableSandboxedEnvironment:
    """One sandboxed environment for layouts and phrasings; autoescape off (the drafts are plain text)."""
    return ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(NOTES_DIR),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,  # the templates are data shipped with the code; no stat() per render
        bytecode_cache=template_cache.bytecode_cache(Path(__file__)),  # layouts compiled once per machine
    )


def _phrasing(text: object, where: str) -> Phrasing:
    if not isinstance(text, str) or not text.strip():
        raise NoteTemplateError(f"{where}: a phrasing must be non-empty text")
    needs = frozenset(_VARIABLE.findall(text))
    if unknown := needs - VARIABLES:
        raise NoteTemplateError(f"{where}: unknown variables {sorted(unknown)} in {text!r}")
    if _TEMPLATE_SYNTAX.search(_VARIABLE.sub("", text)):
        raise NoteTemplateError(f"{where}: only plain {{{{ variable }}}} substitutions are allowed in {text!r}")
    return Phrasing(text.strip(), needs)


def _slots(raw: object, where: str) -> dict[str, dict[str, tuple[Phrasing, ...]]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise NoteTemplateError(f"{where}: expected a mapping of slot names")
    slots: dict[str, dict[str, tuple[Phrasing, ...]]] = {}
    for slot, by_tone in raw.items():
        if not isinstance(by_tone, dict) or not set(by_tone) <= {*TONES, "any"}:
            raise NoteTemplateError(f"{where}.{slot}: expected lists under formal, warm, concise or any")
        slots[slot] = {
            tone: tuple(_phrasing(text, f"{where}.{slot}.{tone}") for text in texts or ())
            for tone, texts in by_tone.items()
        }
    return slots


def _load_file(path: Path) -> dict[str, dict[str, dict[str, tuple[Phrasing, ...]]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise NoteTemplateError(f"{path.name}: cannot be read ({error})") from None
    data: Any = parsed_cache.parsed(f"notes-{path.stem}", text, _yaml_parser(), lambda t: _parse_yaml(t, path.name))
    if not isinstance(data, dict) or not set(data) <= set(PARTS):
        raise NoteTemplateError(
            f"{path.name}: expected top-level 'slots' and optionally 'rough', 'mixed', 'clauses', 'spare'"
        )
    return {part: _slots(data.get(part), f"{path.stem}.{part}") for part in PARTS}


def _parse_yaml(text: str, name: str) -> object:
    import yaml  # only when the cache folder does not hold this text parsed (bot/compose/parsed_cache.py)

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        raise NoteTemplateError(f"{name}: cannot be read ({error})") from None


@cache
def _yaml_parser() -> tuple[Path, ...]:
    """The files that decide what a bank file parses to: this module and PyYAML (found without importing it)."""
    spec = importlib.util.find_spec("yaml")
    return (Path(__file__), *([Path(spec.origin)] if spec is not None and spec.origin else []))


@dataclass(frozen=True)
class Bank:
    """All phrasings: common.yaml and one file per occasion, each with the parts named in PARTS."""

    files: Mapping[str, Mapping[str, Mapping[str, Mapping[str, tuple[Phrasing, ...]]]]]
    _options: dict[tuple[str, str, str, bool, bool], tuple[Phrasing, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def options(self, *, occasion: str, slot: str, tone: str, rough: bool, mixed: bool = False) -> tuple[Phrasing, ...]:
        """The phrasings for a slot; the first source that has the slot wins (see common.yaml), and the
        clause phrasings of common.yaml are added to any slot that has phrasings. Looked up once per slot,
        occasion and tone: a note fills a dozen slots, a panel renders dozens of notes."""
        key = (occasion, slot, tone, rough, mixed)
        if (found := self._options.get(key)) is None:
            found = self._options[key] = self._lookup(occasion, slot, tone, rough, mixed)
        return found

    def spares(self, *, occasion: str, slot: str, tone: str) -> tuple[Phrasing, ...]:
        """A slot's spare phrasings (the occasion's, else common.yaml's): whatever the interview was like."""
        for source in (occasion, "common"):
            by_tone = self.files[source]["spare"].get(slot)
            if by_tone is not None and (tone in by_tone or "any" in by_tone):
                return by_tone.get(tone, by_tone.get("any", ()))
        return ()

    def _lookup(self, occasion: str, slot: str, tone: str, rough: bool, mixed: bool) -> tuple[Phrasing, ...]:
        if slot not in self.files["common"]["slots"] and slot not in self.files[occasion]["slots"]:
            raise NoteTemplateError(f"slot {slot!r} is in neither common.yaml nor {occasion}.yaml")
        went = "rough" if rough else "mixed" if mixed else None
        order = [(occasion, went), ("common", went)] if went else []
        for source, part in [*order, (occasion, "slots"), ("common", "slots")]:
            by_tone = self.files[source][part].get(slot)
            if by_tone is not None and (tone in by_tone or "any" in by_tone):
                found = by_tone.get(tone, by_tone.get("any", ()))
                return found + self._clauses(slot, tone) if found else ()
        return ()

    def _clauses(self, slot: str, tone: str) -> tuple[Phrasing, ...]:
        by_tone = self.files["common"]["clauses"].get(slot) or {}
        return by_tone.get(tone, by_tone.get("any", ()))


@cache
def load_bank(directory: Path = NOTES_DIR) -> Bank:
    """Read common.yaml and one file per occasion, once per process."""
    return Bank({name: _load_file(directory / f"{name}.yaml") for name in ("common", *OCCASIONS)})


@lru_cache(maxsize=2048)
def stable_number(key: str) -> int:
    """A hash that is the same in every process (Python's hash() is salted per run)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def choose_index(usable: Sequence[Phrasing], *, key: str, index: int, attempt: int = 0) -> int:
    """Where in `usable` the pick is, among the most personal phrasings.

    Attempt 0 rotates by the interviewer's position, so up to n panel members get n different phrasings of
    each slot (later members shift by a per-slot salt). Further attempts, used only to escape a
    near-duplicate, pick by hash instead."""
    top = max(p.score for p in usable)
    best = [number for number, p in enumerate(usable) if p.score == top]
    n = len(best)
    if attempt == 0:
        base = stable_number(key)
        salt = 1 + stable_number(key + "#salt") % max(n - 1, 1)
        return best[(base + index + (index // n) * salt) % n]
    return best[stable_number(f"{key}#{index}#{attempt}") % n]
