"""What the engine says, as methods: the wording lives in `bot.messages`; the computed parts are built here."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from bot import messages
from bot.conversation.cursor import get_value, person_name
from bot.conversation.flow import Flow, Step
from bot.conversation.state import CONFIRM
from bot.time import zones

HELP = messages.text("help")


class Messages:
    """The engine asks for words by meaning; the catalogue decides them, so they are reviewed (and translated) once."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow

    def prompt(self, step: Step, answers: dict[str, Any], cursor: str) -> str:
        name = person_name(answers, cursor)
        text = step.prompt.replace("{name}", name) if name else step.prompt
        if (step.optional or not step.why) and "skip" not in text:
            text += " " + messages.text("skip_hint" if step.parser != "choice" else "skip_hint_choice")
        return text

    def currently(self, step: Step, value: Any) -> str:
        return messages.text("currently_optional" if step.optional else "currently", value=display(step, value))

    def currently_all(self, shown: list[tuple[Step, Any]]) -> str:
        """The answers a question already holds, on a new line ("" when there are none)."""
        if not shown:
            return ""
        if len(shown) == 1:
            return "\n" + self.currently(*shown[0])
        values = "; ".join(f"{step.label.casefold()} {display(step, value)}" for step, value in shown)
        return "\n" + messages.text("currently_several", values=values)

    def summary(self, answers: dict[str, Any], order: list[str]) -> str:
        lines = [messages.text("summary_intro")]
        for cursor in order:
            if cursor == CONFIRM:
                continue
            step = self.flow.step_for(cursor)
            value = get_value(answers, cursor)
            if step is None or value is None:
                continue
            if "." in cursor:
                who = person_name(answers, cursor)
                lines.append(f"   – {who} · {step.label}: {display(step, value)}")
            else:
                lines.append(f"• {step.label}: {display(step, value)}")
        lines.append(messages.text("summary_outro"))
        return "\n".join(lines)

    def understood_time(self, iso: str, zone: str) -> str:
        moment = datetime.fromisoformat(iso).astimezone(zones.zone(zone))
        return messages.text("understood_time", when=moment.strftime("%A %d %B, %H:%M"), zone=zone)

    def help(self) -> str:
        return HELP

    def cannot_skip(self, why: str) -> str:
        return messages.text("cannot_skip", why=why)

    def way_out(self, *, optional: bool) -> str:
        return messages.text("way_out_skip" if optional else "way_out_cancel")

    def profile_used(self, answers: dict[str, Any], fields: Iterable[str]) -> str:
        return messages.text("profile_used", details=self._details(answers, fields))

    def community_used(self, answers: dict[str, Any], fields: Iterable[str]) -> str:
        """The answers a new debrief took from the member's community's defaults (bot/community/defaults.py)."""
        steps = [step for name in fields if (step := self.flow.step_for(name)) is not None]
        edit = " or ".join(f"edit {edit_word(step)}" for step in steps)
        return messages.text("community_defaults_used", details=self._details(answers, fields), edit=edit)

    def _details(self, answers: dict[str, Any], fields: Iterable[str]) -> str:
        parts = []
        for name in fields:
            step = self.flow.step_for(name)
            if step is not None and answers.get(name) is not None:
                parts.append(f"{step.label.casefold()} ({display(step, answers[name])})")
        return ", ".join(parts)

    def unknown_field(self, argument: str, order: list[str]) -> str:
        shown = ", ".join(edit_word(s) for c in order if c != CONFIRM and "." not in c and (s := self.flow.step_for(c)))
        if not argument:
            return messages.text("unknown_field_unnamed", fields=shown)
        return messages.text("unknown_field", question=argument, fields=shown)

    def drafts_intro(self, count: int) -> str:
        if count == 1:
            return messages.text("drafts_intro_one")
        return messages.text("drafts_intro_many", count=count)

    def pick_tone(self, tones: Iterable[str]) -> str:
        return messages.text("pick_tone", tones=", ".join(tones))

    def retoned(self, tone: str) -> str:
        return messages.text("retoned", tone=tone)


def edit_word(step: Step) -> str:
    """The shortest word `edit` takes for a step ("date", "link"), as shown in hints."""
    return step.aliases[0] if step.aliases else step.field


def display(step: Step, value: Any) -> str:
    if step.field == "interviewers" and isinstance(value, list):
        return ", ".join(str(p.get("name")) for p in value)
    for choice in step.choices:
        if choice.value == value:
            return choice.label
    if step.parser == "past_datetime":
        return datetime.fromisoformat(value).strftime("%a %d %b %Y, %H:%M")
    return str(value)
