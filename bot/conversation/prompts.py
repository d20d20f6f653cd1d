"""Every sentence the engine says, in one place: short, kind, and specific about what to do next."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.conversation.cursor import get_value, person_name
from bot.conversation.flow import Flow, Step
from bot.conversation.state import CONFIRM

HELP = (
    "Here's how this works: I ask a few short questions, then write one thank-you note per person you met.\n"
    "• Just type your answer, or pick a button.\n"
    "• skip: leave out an optional question\n"
    "• back: change your previous answer\n"
    "• edit <question>: change any answer, e.g. edit company\n"
    "• restart: start this debrief again\n"
    "• cancel: stop and clear this debrief\n"
    "Your answers are saved as you go, so you can stop and come back later."
)


class Messages:
    """Wording for the engine; kept apart so it can be reviewed (and later translated) as a whole."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow

    def prompt(self, step: Step, answers: dict[str, Any], cursor: str) -> str:
        name = person_name(answers, cursor)
        text = step.prompt.replace("{name}", name) if name else step.prompt
        if (step.optional or not step.why) and "skip" not in text:
            text += " (Type skip to leave it out.)" if step.parser != "choice" else " (Or type skip.)"
        return text

    def currently(self, step: Step, value: Any) -> str:
        return f"Right now it's: {display(step, value)}. Type a new answer{' or skip' if step.optional else ''}."

    def summary(self, answers: dict[str, Any], order: list[str]) -> str:
        lines = ["Here's what I have:"]
        for cursor in order:
            if cursor == CONFIRM:
                continue
            step = self.flow.step_for(cursor)
            value = get_value(answers, cursor)
            if step is None or value is None:
                continue
            if "." in cursor:
                _, index, field = cursor.split(".")
                who = person_name(answers, cursor)
                lines.append(f"   – {field} {int(index) + 1} ({who}): {display(step, value)}")
            else:
                lines.append(f"• {cursor}: {display(step, value)}")
        lines.append('Reply "yes" to write your notes, or "edit <question>" to change something (e.g. edit company).')
        return "\n".join(lines)

    def understood_time(self, iso: str, zone: str) -> str:
        moment = datetime.fromisoformat(iso).astimezone(ZoneInfo(zone))
        return f"Got it: {moment.strftime('%A %d %B, %H:%M')} ({zone})."

    def welcome_back(self) -> str:
        return "Welcome back! Let's pick up where you left off."

    def restarted(self) -> str:
        return "Okay, starting over from the first question."

    def cancelled(self) -> str:
        return "Okay, I've stopped and cleared this debrief. Whenever you're ready, start a new one."

    def help(self) -> str:
        return HELP

    def first_question(self) -> str:
        return "This is the first question, so there's nothing to go back to."

    def cannot_skip(self, why: str) -> str:
        return f"I need this one: {why}"

    def way_out(self, *, optional: bool) -> str:
        return "You can also type skip to leave it out." if optional else "If you'd like to stop, type cancel."

    def stale_button(self) -> str:
        return "That button belongs to an earlier question, so I've kept your answers as they are."

    def finished_button(self) -> str:
        return "That button belongs to a debrief that's already finished. Type start to begin a new one."

    def offer_start(self) -> str:
        return "Hi! I help you write thank-you notes after an interview or a helpful chat. Want to start?"

    def confirm_hint(self) -> str:
        return 'Reply "yes" to write your notes, or "edit <question>" to change an answer (e.g. edit role).'

    def unknown_field(self, argument: str, order: list[str]) -> str:
        shown = ", ".join(c for c in order if c != CONFIRM and "." not in c)
        what = f'"{argument}"' if argument else "that"
        return f"I don't have a question called {what}. You can edit: {shown}, or e.g. title 1 for a person."

    def not_reached_yet(self) -> str:
        return "We haven't got to that question yet, so let's carry on here. I'll ask it when we get there."

    def recovered(self) -> str:
        return "Something in your saved answers needs another look, so I'll ask that question again."

    def drafts_intro(self, count: int) -> str:
        if count == 1:
            return "Here is your note. Read it once, make it yours, then send it."
        return f"Here are your {count} notes, one per person. Read each one once, make it yours, then send it."


def display(step: Step, value: Any) -> str:
    if step.field == "interviewers" and isinstance(value, list):
        return ", ".join(str(p.get("name")) for p in value)
    for choice in step.choices:
        if choice.value == value:
            return choice.label
    if step.parser == "past_datetime":
        return datetime.fromisoformat(value).strftime("%a %d %b %Y, %H:%M")
    return str(value)
