"""Recognising navigation words in typed text, and resolving `edit <field>` to a question."""

from __future__ import annotations

import re
from typing import Any

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
    if lowered == "edit" or lowered.startswith(("edit ", "change ")):
        return "edit", words.split(" ", 1)[1] if " " in words else ""
    return None


def resolve_field(flow: Flow, argument: str, answers: dict[str, Any], order: list[str]) -> tuple[str | None, str]:
    """Map `company`, `when`, `interviewers.1.title`, `title 2` or `title` (one person) to a cursor."""
    wanted = argument.strip().casefold().replace(" ", "_").strip("_")
    if wanted in order:
        return wanted, ""
    aliases = {alias: s.field for s in flow.steps if not s.repeat for alias in s.aliases}
    if wanted in aliases:
        return aliases[wanted], ""
    match = re.fullmatch(r"(\w+?)_?(\d+)?", wanted)
    per_person = {s.field for s in flow.steps if s.repeat}
    if match and match.group(1) in per_person:
        people = answers.get("interviewers") or []
        if match.group(2):
            index = int(match.group(2)) - 1
            cursor = f"interviewers.{index}.{match.group(1)}"
            return (cursor, "") if cursor in order else (None, "")
        if len(people) == 1:
            return f"interviewers.0.{match.group(1)}", ""
        if people:
            field = match.group(1)
            examples = ", ".join(f"edit {field} {i + 1} ({p['name']})" for i, p in enumerate(people[:3]))
            return None, messages.text("which_person", examples=examples)
    return None, ""
