"""Persistent `custom_id` formats for buttons: the state a click needs is inside the id, so it survives restarts.

Discord limits a `custom_id` to 100 characters; builders return None when an id would not fit, and the
renderer then leaves that button out (the user can still type the answer).
"""

from __future__ import annotations

MAX_CUSTOM_ID = 100
NAV_COMMANDS = ("back", "skip", "cancel", "help", "restart", "resume")
REMINDER_ACTIONS = ("sent", "replied", "snooze:1h", "snooze:tomorrow", "snooze:week", "stop")

CHOICE_TEMPLATE = r"ty:c:(?P<field>[^:]{1,64}):(?P<value>.{1,80})"
NAV_TEMPLATE = r"ty:n:(?P<command>" + "|".join(NAV_COMMANDS) + r"):(?P<field>[^:]{1,64})"
DRAFT_TEMPLATE = (
    r"ty:d:(?P<conversation>[0-9]{1,18}):(?P<action>tone:(?:formal|warm|concise)|edit|sent):(?P<position>[0-9]{1,3}|-)"
)
REMINDER_TEMPLATE = r"ty:r:(?P<reminder>[0-9]{1,18}):(?P<action>" + "|".join(REMINDER_ACTIONS) + ")"


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
