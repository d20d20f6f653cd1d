"""Recognising navigation words in typed text, and resolving `edit <field>` to a question."""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz, process

from bot import messages
from bot.conversation.flow import Flow
from bot.events import COMMANDS, Command

_SYNONYMS: dict[str, Command] = {
    "stop": "cancel",
    "quit": "cancel",
    "exit": "cancel",
    "start over": "restart",
    "?": "help",
    "continue": "resume",
    "undo": "back",
    "previous": "back",
}


def parse_command(text: str) -> tuple[Command, str | None] | None:
    """A navigation word (any case, optional leading slash) or `edit <field>`; None for an answer."""
    words = " ".join(text.strip().lstrip("/").split())
    lowered = words.casefold()
    if lowered in COMMANDS and lowered != "edit":
        return lowered, None
    if lowered in _SYNONYMS:
        return _SYNONYMS[lowered], None
    if lowered in ("edit", "change") or lowered.startswith(("edit ", "change ")):
        return "edit", words.split(" ", 1)[1] if " " in words else ""
    return None


_DROP = frozenset({"my", "the", "our", "their", "his", "her", "answer", "a", "an", "please", "about", "to"})
_RENAME = frozenset({"name", "names", "spelling", "name spelling", "spelling of name"})
_PERSON_LINK = re.compile(r"^(?P<what>.+?) (?:for|of|from|with) (?P<who>.+)$")
#: Fuzzy scores (0-100) for a misspelt or reworded answer name: a typo ("compnay"), extra words.
_TYPO = 85
_WORDS = 90


def normal_words(text: str) -> str:
    """Lowercase words without apostrophes or punctuation, minus words that never name an answer."""
    lowered = text.casefold().replace("'", "").replace("’", "").replace("_", " ")
    words = "".join(ch if ch.isalnum() else " " for ch in lowered).split()
    return " ".join(w for w in words if w not in _DROP)


def _phrases(flow: Flow, *, per_person: bool) -> dict[str, str]:
    found: dict[str, str] = {}
    for step in flow.steps:
        if bool(step.repeat) != per_person:
            continue
        for phrase in (step.field, step.label, *step.aliases):
            found.setdefault(normal_words(phrase), step.field)
    return found


def _match(wanted: str, phrases: dict[str, str]) -> str | None:
    if wanted in phrases:
        return phrases[wanted]
    best = process.extractOne(wanted, list(phrases), scorer=fuzz.ratio, score_cutoff=_TYPO)
    if best is None:
        best = process.extractOne(wanted, list(phrases), scorer=fuzz.token_set_ratio, score_cutoff=_WORDS)
    return phrases[best[0]] if best is not None else None


def _person(wanted: str, people: list[dict[str, Any]]) -> tuple[int | None, str]:
    """Find "priyas email", "email for priya", "email 2" or "priya natarajan title": (index, the rest)."""
    names = [normal_words(str(p.get("name", ""))) for p in people]
    linked = _PERSON_LINK.match(wanted)
    if linked:
        for index, name in enumerate(names):
            if linked["who"] in (name, name.split(" ")[0]):
                return index, linked["what"]
    numbered = re.fullmatch(r"(?P<what>.+?) ?(?P<n>\d+)", wanted)
    if numbered and 1 <= int(numbered["n"]) <= len(people):
        return int(numbered["n"]) - 1, numbered["what"]
    for index, name in sorted(enumerate(names), key=lambda pair: -len(pair[1])):
        for form in (name, name.split(" ")[0]):
            for prefix in (form + "s ", form + " "):
                if form and wanted.startswith(prefix):
                    return index, wanted[len(prefix) :]
    return None, wanted


def resolve_field(flow: Flow, argument: str, answers: dict[str, Any], order: list[str]) -> tuple[str | None, str]:
    """Map the words people use to an answer: `company`, `date`, `the part I didn't get to say`, `link`,
    `Priya's email`, `title 2`, `title` (one person), or an internal path like `interviewers.1.title`."""
    internal = argument.strip().casefold().replace(" ", "_")
    if internal in order:
        return internal, ""
    wanted = normal_words(argument)
    if not wanted:
        return None, ""
    people = [p for p in answers.get("interviewers") or [] if isinstance(p, dict)]
    index, rest = _person(wanted, people)
    per_person = _phrases(flow, per_person=True)
    if index is not None:
        if rest in _RENAME:
            return "interviewers", ""
        field = _match(rest, per_person)
        if field is not None:
            cursor = f"interviewers.{index}.{field}"
            return (cursor, "") if cursor in order else (None, "")
    top = _match(wanted, _phrases(flow, per_person=False))
    if top is not None:
        return top, ""
    field = _match(wanted, per_person)
    if field is None:
        return None, ""
    if len(people) == 1:
        return f"interviewers.0.{field}", ""
    if people:
        examples = ", ".join(f"edit {p['name'].split(' ')[0]}'s {field}" for p in people[:3])
        return None, messages.text("which_person", examples=examples)
    return None, ""
