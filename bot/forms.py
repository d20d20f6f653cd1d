"""The debrief as a form (Slack modal, Discord modals): neutral field descriptions adapters draw, with no
platform types. Built from the flow by `bot/conversation/form.py`; validated there with the chat's parsers.

Keys are answers-document paths (`company`, `interview_at`), plus two that stand for several people at once:
`interviewers` (one person per line: "Name, title, email") and `interviewers.*.<field>` (one line per
person, in the same order, optionally starting "Name:"). A submitted value is the text typed or the value
picked; "" means left empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.actions import Choice

Kind = Literal["text", "long_text", "choice", "when", "people", "per_person"]
PEOPLE = "interviewers"
PER_PERSON_PREFIX = "interviewers.*."


@dataclass(frozen=True, slots=True)
class FormField:
    """One input. `label` is short (a Discord label holds 45 characters); `hint` an example or help line;
    `value` what to show already filled in (the open debrief's answer, as text)."""

    key: str
    kind: Kind
    label: str
    hint: str
    optional: bool
    choices: tuple[Choice, ...] = ()
    max_length: int = 1000
    value: str = ""


@dataclass(frozen=True, slots=True)
class FormSpec:
    """The whole debrief as fields, in the flow's order; `timezone` is the zone times are read in."""

    fields: tuple[FormField, ...]
    timezone: str

    def pages(self, size: int) -> list[tuple[FormField, ...]]:
        """The fields cut into pages of at most `size` (Discord: five inputs per modal), in order."""
        return [self.fields[start : start + size] for start in range(0, len(self.fields), size)]

    def field(self, key: str) -> FormField | None:
        return next((f for f in self.fields if f.key == key), None)


FormValues = tuple[tuple[str, str], ...]
"""(key, text) pairs as submitted."""
FormErrors = dict[str, str]
"""key → what to fix, written for the member."""
