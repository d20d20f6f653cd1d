"""Reading an admin command: `channel #careers`, `schedule weekly monday 09:00`, `stats on`, `template set …`.

Pure: the same text comes from Slack (`/thankyou admin …`) and from Discord's `/thankyou-admin` options.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ACTIONS = (
    "show", "channel", "schedule", "timezone", "stats", "preview", "post", "template", "tone", "note", "retention",
    "nudge", "checkin", "reminders",
)  # fmt: skip
_ALIASES = {
    "": "show", "help": "show", "settings": "show", "status": "show", "?": "show",
    "tz": "timezone", "zone": "timezone", "time zone": "timezone",
    "post now": "post", "postnow": "post", "post-now": "post",
    "note channel": "note", "notes": "note", "send as": "note",
    "send-by": "nudge", "send by": "nudge", "sendby": "nudge", "nudges": "nudge",
    "check-in": "checkin", "check in": "checkin", "check-ins": "checkin", "checkins": "checkin",
    "follow-up": "checkin", "follow up": "checkin", "followup": "checkin", "follow-ups": "checkin",
    "reminder": "reminders", "keep": "retention",
}  # fmt: skip
_PREFIX = re.compile(r"^\s*admin\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AdminCommand:
    """`action` is one of ACTIONS (or "unknown"); `argument` is the rest, as typed (case kept for templates)."""

    action: str
    argument: str = ""
    word: str = ""  # what was typed as the subcommand, to quote back when it is unknown


def parse_admin(text: str) -> AdminCommand:
    """Split the subcommand from its argument; a leading `admin` (Slack's `/thankyou admin …`) is dropped."""
    rest = _PREFIX.sub("", text, count=1).strip()
    lowered = rest.casefold()
    for phrase in sorted(_ALIASES, key=len, reverse=True):
        if phrase and (lowered == phrase or lowered.startswith((phrase + " ", phrase + ":"))):
            return _command(_ALIASES[phrase], rest[len(phrase) :].removeprefix(":").strip(), phrase)
    word, _, argument = rest.partition(" ")
    action = _ALIASES.get(word.casefold().rstrip(":"), word.casefold().rstrip(":"))  # "nudge: 24h" as typed
    if action == "post" and argument.strip().casefold() != "now":
        return AdminCommand("unknown", argument.strip(), rest)
    return _command(action, argument.strip(), word)


def _command(action: str, argument: str, word: str) -> AdminCommand:
    if action not in ACTIONS:
        return AdminCommand("unknown", argument, word)
    if action == "post":
        argument = ""
    return AdminCommand(action, argument, word)


def is_admin_text(text: str) -> bool:
    """`/thankyou admin …` rather than a member's `/thankyou`."""
    return bool(_PREFIX.match(text)) and (len(text.strip()) == 5 or text.strip()[5:6].isspace())
