"""What the readers of typed times (past.py, future.py, deadline.py) share, so they read words the same way."""

from __future__ import annotations

import re
from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot.time.local import wall
from bot.time.zones import UTC

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_PARTS_OF_DAY = {
    "morning": time(9),
    "noon": time(12),
    "midday": time(12),
    "afternoon": time(14),
    "evening": time(18),
    "tonight": time(19),
    "night": time(19),
}
_TIME = re.compile(r"\b(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?=\s|$)")


class WhenProblem(ValueError):
    """The text is not a usable time; the message tells the user what to write."""


def read_iso(text: str, tz: ZoneInfo) -> datetime | None:
    """An ISO timestamp ("2026-11-20 14:00") as UTC; one without an offset is a wall time in `tz`."""
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is None:
        return wall(value.date(), value.time(), tz)
    return value.astimezone(UTC)


def take_clock_time(phrase: str) -> tuple[time | None, str]:
    """Find a time of day ("3pm", "at 9", "14:30", "this morning"); return it and the rest of the phrase."""
    for word, value in _PARTS_OF_DAY.items():
        if re.search(rf"\b(this\s+)?{word}\b", phrase):
            return value, re.sub(rf"\b(this\s+|in\s+the\s+)?{word}\b", " ", phrase)
    for match in _TIME.finditer(phrase):
        hour, minute, meridiem = int(match.group(1)), int(match.group(2) or 0), match.group(3)
        if match.group(2) is None and meridiem is None and "at" not in match.group(0):
            continue  # a bare number is more likely a day of the month
        if meridiem:
            if not 1 <= hour <= 12:
                return None, phrase
            hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
        if hour > 23 or minute > 59:
            return None, phrase
        return time(hour, minute), phrase[: match.start()] + " " + phrase[match.end() :]
    return None, phrase
