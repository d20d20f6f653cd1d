"""The sentence bank: phrasings per slot, tone and occasion, read once from templates/notes/*.yaml.

Phrasings are tiny Jinja2 templates limited to plain `{{ variable }}` substitutions, so what a phrasing
needs is known exactly without compiling it; each is compiled on first use in a sandboxed environment
with StrictUndefined. User text is only ever a variable value, never part of a template.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import FileSystemLoader, StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

from bot import TEMPLATES_DIR
from bot.answers import OCCASIONS, TONES
from bot.errors import BotError

NOTES_DIR = TEMPLATES_DIR / "notes"
#: Variables a phrasing may use; anything else is a mistake in the bank.
VARIABLES = frozenset(
    {"name", "address", "candidate", "company", "role", "when", "meeting"}
    | {"discussed", "detail", "strengths", "add", "share", "link"}
)
#: Phrasings that use more of these are preferred: they are what makes a note personal.
PERSONAL = frozenset({"discussed", "detail"})
_VARIABLE = re.compile(r"\{\{\s*(\w+)\s*\}\}")
_TEMPLATE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")


class NoteTemplateError(BotError):
    """The note templates are malformed; raised when they are loaded, never in front of a user."""


@dataclass(frozen=True)
class Phrasing:
    text: str
    needs: frozenset[str]

    @property
    def score(self) -> int:
        return len(self.needs & PERSONAL)

    def render(self, variables: Mapping[str, str]) -> str:
        """The sentence; an empty `when` leaves two spaces, closed up here (user text never has two)."""
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
        data: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as error:
        raise NoteTemplateError(f"{path.name}: cannot be read ({error})") from None
    if not isinstance(data, dict) or not set(data) <= {"slots", "rough"}:
        raise NoteTemplateError(f"{path.name}: expected top-level 'slots' and optionally 'rough'")
    return {part: _slots(data.get(part), f"{path.stem}.{part}") for part in ("slots", "rough")}


@dataclass(frozen=True)
class Bank:
    """All phrasings: common.yaml and one file per occasion, each with `slots` and `rough` parts."""

    files: Mapping[str, Mapping[str, Mapping[str, Mapping[str, tuple[Phrasing, ...]]]]]

    def options(self, *, occasion: str, slot: str, tone: str, rough: bool) -> tuple[Phrasing, ...]:
        """The phrasings for a slot; the first source that has the slot wins (see common.yaml)."""
        if slot not in self.files["common"]["slots"] and slot not in self.files[occasion]["slots"]:
            raise NoteTemplateError(f"slot {slot!r} is in neither common.yaml nor {occasion}.yaml")
        order = [(occasion, "rough"), ("common", "rough")] if rough else []
        for source, part in [*order, (occasion, "slots"), ("common", "slots")]:
            by_tone = self.files[source][part].get(slot)
            if by_tone is not None and (tone in by_tone or "any" in by_tone):
                return by_tone.get(tone, by_tone.get("any", ()))
        return ()


@cache
def load_bank(directory: Path = NOTES_DIR) -> Bank:
    """Read common.yaml and one file per occasion, once per process."""
    return Bank({name: _load_file(directory / f"{name}.yaml") for name in ("common", *OCCASIONS)})


def stable_number(key: str) -> int:
    """A hash that is the same in every process (Python's hash() is salted per run)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def choose(usable: Sequence[Phrasing], *, key: str, index: int, attempt: int = 0) -> Phrasing:
    """Pick deterministically among the most personal usable phrasings.

    Attempt 0 rotates by the interviewer's position, so up to n panel members get n different phrasings of
    each slot (later members shift by a per-slot salt). Further attempts, used only to escape a
    near-duplicate, pick by hash instead."""
    top = max(p.score for p in usable)
    best = [p for p in usable if p.score == top]
    n = len(best)
    if attempt == 0:
        base = stable_number(key)
        salt = 1 + stable_number(key + "#salt") % max(n - 1, 1)
        return best[(base + index + (index // n) * salt) % n]
    return best[stable_number(f"{key}#{index}#{attempt}") % n]
