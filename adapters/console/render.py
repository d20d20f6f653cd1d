"""Turning neutral actions into terminal text: JSON lines for scripts, friendly text for people."""

from __future__ import annotations

import json
from typing import Any

from bot import messages
from bot.actions import Action, Ask, DraftsReady, End, Nudge, ReminderScheduled, Say
from bot.drafts import Draft

_RULE = "─" * 60


def as_json(action: Action) -> dict[str, Any]:
    """One object of the `--jsonl` protocol (README, Commands; docs/ARCHITECTURE.md, "Contracts")."""
    if isinstance(action, Ask):
        line: dict[str, Any] = {"type": "ask", "field": action.field, "text": action.text}
        if action.fields:
            line["fields"] = list(action.fields)
        if action.choices:
            line["choices"] = [{"value": c.value, "label": c.label} for c in action.choices]
        line["optional"] = action.optional
        return line
    if isinstance(action, Say):
        return {"type": "say", "text": action.text}
    if isinstance(action, DraftsReady):
        return {"type": "drafts", **action.drafts.to_json_dict()}
    if isinstance(action, ReminderScheduled):
        return {"type": "reminder", "kind": action.kind, "due_at": action.due_at.isoformat()}
    if isinstance(action, Nudge):
        nudge: dict[str, Any] = {"type": "nudge", "reminder_id": action.reminder_id, "kind": action.kind}
        nudge["text"] = action.text
        nudge["choices"] = [{"value": c.value, "label": c.label} for c in action.options]
        if action.draft is not None:
            nudge["draft"] = action.draft.model_dump(mode="json")
        return nudge
    return {"type": "end", "reason": action.reason}


def json_line(action: Action) -> str:
    return json.dumps(as_json(action), ensure_ascii=False)


def as_text(action: Action, timezone: str) -> str:
    """What a person sees in the terminal."""
    if isinstance(action, Ask):
        options = [f"  {n}) {c.label}" for n, c in enumerate(action.choices, start=1)]
        hint = ["  " + messages.text("console_choice_hint")] if options else []
        return "\n".join(["", action.text, *options, *hint])
    if isinstance(action, Say):
        return action.text
    if isinstance(action, DraftsReady):
        total = len(action.drafts.drafts)
        return "\n".join(_draft_text(d, n, total) for n, d in enumerate(action.drafts.drafts, start=1))
    if isinstance(action, ReminderScheduled):
        return messages.text(f"reminder_scheduled_{action.kind}", when=action.due_at.strftime("%a %d %b, %H:%M"))
    if isinstance(action, Nudge):
        # typed commands, not numbered options: a number typed next would answer the open question instead
        commands = [typed_command(c.value, action.reminder_id) for c in action.options]
        typed = " · ".join(c for c in commands if c)
        hint = ["  " + messages.text("console_nudge_commands", commands=typed)] if typed else []
        draft = [_draft_text(action.draft, 1, 1)] if action.draft is not None else []
        return "\n".join(["", f"⏰ {action.text}", *draft, *hint])
    if isinstance(action, End):
        return "\n" + messages.text("goodbye") if action.reason == "done" else ""
    raise TypeError(type(action))


def sample_text(draft: Draft) -> str:
    """The sample note shown once before a first debrief (quick start), so people see what they will get."""
    return "\n".join([messages.text("console_sample_intro"), _draft_text(draft, 1, 1), _RULE])


#: The typed command (bot/reminders/commands.py) that does what each nudge button does; {n} is the reminder.
_TYPED = {
    "sent": "reminders sent {n}",
    "replied": "reminders replied {n}",
    "snooze:1h": "reminders snooze {n} 1 hour",
    "snooze:tomorrow": "reminders snooze {n} tomorrow",
    "snooze:week": "reminders snooze {n} next week",
    "stop": "reminders stop {n}",
}


def typed_command(value: str, reminder_id: int) -> str:
    """The command a person types for a nudge option (`reminders sent 12`), or "" for an unknown one."""
    command = _TYPED.get(value)
    return command.format(n=reminder_id) if command else ""


def _draft_text(draft: Draft, number: int, total: int) -> str:
    to = draft.to.name + (f" <{draft.to.email}>" if draft.to.email else "")
    note = messages.text("label_note_position", n=number, total=total)
    to_line = messages.text("label_note_to", recipient=to)
    words = messages.text("label_note_words", count=draft.words)
    lines = ["", _RULE, f" {note} · {to_line} · {draft.channel} · {words}", _RULE]
    if draft.subject:
        lines += [f"{messages.text('label_subject')}: {draft.subject}", ""]
    lines.append(draft.body)
    if draft.checks:
        lines += ["", messages.text("before_you_send")]
        marks = {"error": "✖", "warning": "⚠", "info": "ℹ"}
        lines += [f"  {marks[c.level]} {c.message}" for c in draft.checks]
    return "\n".join(lines)
