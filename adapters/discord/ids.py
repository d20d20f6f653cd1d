"""Persistent `custom_id` formats for buttons: the state a click needs is inside the id, so it survives restarts.

Discord limits a `custom_id` to 100 characters; builders return None when an id would not fit, and the
renderer then leaves that button out (the user can still type the answer).
"""

from __future__ import annotations

import re

from bot.vocabulary import TONE_PREFIX, DraftActionName, ReminderActionName

MAX_CUSTOM_ID = 100
NAV_COMMANDS = ("back", "skip", "cancel", "help", "restart", "resume")
#: "sent", "replied", "snooze:1h", ... in the order the buttons are shown (plain strings, as stored in custom_ids).
REMINDER_ACTIONS: tuple[str, ...] = tuple(action.value for action in ReminderActionName)
#: "formal", "warm", "concise": the `tone:<tone>` draft actions without their prefix.
_TONE_NAMES: tuple[str, ...] = tuple(
    a.value.removeprefix(TONE_PREFIX) for a in DraftActionName if a.startswith(TONE_PREFIX)
)
_DRAFT_ACTIONS = "|".join(
    (
        re.escape(TONE_PREFIX) + "(?:" + "|".join(map(re.escape, _TONE_NAMES)) + ")",
        re.escape(DraftActionName.EDIT.value),
        re.escape(DraftActionName.SENT.value),
    )
)

CHOICE_TEMPLATE = r"ty:c:(?P<field>[^:]{1,64}):(?P<value>.{1,80})"
NAV_TEMPLATE = r"ty:n:(?P<command>" + "|".join(NAV_COMMANDS) + r"):(?P<field>[^:]{1,64})"
DRAFT_TEMPLATE = r"ty:d:(?P<conversation>[0-9]{1,18}):(?P<action>" + _DRAFT_ACTIONS + r"):(?P<position>[0-9]{1,3}|-)"
REMINDER_TEMPLATE = r"ty:r:(?P<reminder>[0-9]{1,18}):(?P<action>" + "|".join(map(re.escape, REMINDER_ACTIONS)) + ")"


#: "Fill in a form instead" and its "Continue" buttons: which part of the form to open (0: start in the DM).
FORM_TEMPLATE = r"ty:f:(?P<page>[0-9]{1,2})"
#: The time-zone menu (values are zone names, or "other" to type one).
ZONE_ID = "ty:tz"


#: "Edit note" on a delivered note: which note (conversation, position) to open in the edit modal.
NOTE_EDIT_TEMPLATE = r"ty:e:(?P<conversation>[0-9]{1,18}):(?P<position>[0-9]{1,3})"


def note_edit_id(conversation_id: int, position: int) -> str:
    return f"ty:e:{conversation_id}:{position}"


def form_id(page: int) -> str:
    return f"ty:f:{page}"


def _fit(custom_id: str) -> str | None:
    return custom_id if len(custom_id) <= MAX_CUSTOM_ID else None


def choice_id(field: str, value: str) -> str | None:
    """A choice button: which question it answered and the value it picked (stale clicks stay detectable)."""
    if ":" in field or not field or not value:
        return None
    return _fit(f"ty:c:{field}:{value}")


def nav_id(command: str, field: str) -> str | None:
    """A navigation button, tied to the question it was shown under."""
    if command not in NAV_COMMANDS or ":" in field or not field:
        return None
    return _fit(f"ty:n:{command}:{field}")


def draft_id(conversation_id: int, action: str, position: int | None = None) -> str | None:
    where = "-" if position is None else str(position)
    return _fit(f"ty:d:{conversation_id}:{action}:{where}")


def reminder_id(reminder: int, action: str) -> str | None:
    if action not in REMINDER_ACTIONS:
        return None
    return _fit(f"ty:r:{reminder}:{action}")
