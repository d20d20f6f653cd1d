"""Typed reminder commands. They never steal a debrief answer: inside an open debrief only text that
starts with "reminders" counts; with no debrief open, "timezone …", "quiet …" and "pause reminders …" do too.
Data-rights requests ("forget me", "export my data") belong to bot/conversation/privacy_commands.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot import messages
from bot.conversation.privacy_commands import parse_request
from bot.vocabulary import ReminderActionName

PREFIX = re.compile(r"^reminders?\b[:\s]*", re.IGNORECASE)
HELP = messages.text("reminders_help")


@dataclass(frozen=True, slots=True)
class Command:
    verb: str  # list | help | move | cancel | act | pause | resume | timezone | quiet | unknown
    target: int | None = None
    argument: str = ""


_NUMBERED = re.compile(r"^#?(\d{1,9})\b\s*(.*)$")
_SNOOZE: dict[str, ReminderActionName] = {
    **dict.fromkeys(("", "1h", "hour", "1 hour", "an hour"), ReminderActionName.SNOOZE_HOUR),
    **dict.fromkeys(("tomorrow", "tomorrow morning"), ReminderActionName.SNOOZE_TOMORROW),
    **dict.fromkeys(("week", "next week", "a week"), ReminderActionName.SNOOZE_WEEK),
}


def parse(text: str, *, debrief_open: bool) -> Command | None:
    """The command in `text`, or None when the text is not for us (data-rights requests have their own handler)."""
    if parse_request(text, debrief_open=False) is not None:
        return None
    stripped = " ".join(text.strip().split())
    match = PREFIX.match(stripped)
    if match:
        return _body(stripped[match.end() :])
    lowered = stripped.lower()
    if debrief_open:  # inside a debrief only "reminders …" is a command
        return None
    if re.match(r"^(time\s*zone|tz)\s+\S+$", lowered) or re.match(r"^quiet(\s+hours)?\s+\S", lowered):
        return _body(stripped)
    if re.match(r"^pause reminders\b", lowered):
        return _body("pause" + stripped[len("pause reminders") :])
    if lowered in ("my reminders", "list reminders", "show reminders"):
        return Command("list")
    return None


def _body(rest: str) -> Command:
    lowered = rest.lower().strip()
    word, _, tail = lowered.partition(" ")
    original_tail = rest.strip().partition(" ")[2].strip()
    if lowered in ("", "list", "show", "all"):
        return Command("list")
    if word in ("help", "?"):
        return Command("help")
    if word in ("resume", "unpause"):
        return Command("resume")
    if word == "pause":
        return Command("pause", argument=re.sub(r"^(until|till|til)\s+", "", tail.strip()))
    if word in ("timezone", "tz") or lowered.startswith("time zone"):
        return Command("timezone", argument=original_tail.removeprefix("zone ").strip())
    if word == "quiet":
        return Command("quiet", argument=re.sub(r"^hours\s+", "", tail.strip()))
    if word in ("cancel", "delete", "remove", "sent", "replied", "stop", "snooze", "move", "change"):
        numbered = _NUMBERED.match(tail.strip())
        if numbered is None:
            return Command("unknown")
        target, more = int(numbered.group(1)), numbered.group(2).strip()
        if word in ("cancel", "delete", "remove"):
            return Command("cancel", target)
        if word in ("move", "change"):
            return Command("move", target, re.sub(r"^to\s+", "", more))
        if word == "snooze":
            action = _SNOOZE.get(more)
            return Command("act", target, action) if action else Command("unknown")
        return Command("act", target, ReminderActionName(word))  # sent | replied | stop
    numbered = _NUMBERED.match(lowered)
    if numbered is not None and numbered.group(2):
        return Command("move", int(numbered.group(1)), re.sub(r"^to\s+", "", numbered.group(2)))
    return Command("unknown")
