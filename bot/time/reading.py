"""What the readers of typed times (past.py, future.py, deadline.py) share, so they read words the same way."""

from __future__ import annotations

import re
from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot.time.local import wall
from bot.time.zones import UTC

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = ("january", "february", "march", "april", "june", "july", "august", "september", "sept",
                "october", "november", "december", *MONTHS)  # fmt: skip
#: A month as people type it: its whole name or an abbreviation, never a word that only starts like one
#: ("maybe", "marching"). `MONTHS.index(found[:3])` gives its number.
MONTH_WORD = "(?:" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\b\.?"
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
        at = _clock(hour, minute, meridiem)
        if at is None:
            return None, phrase
        return at, phrase[: match.start()] + " " + phrase[match.end() :]
    return None, phrase


def _clock(hour: int, minute: int, meridiem: str | None) -> time | None:
    """The 24-hour time for a reading, or None when it can't be one (13pm, 25:00, 9:75)."""
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


#: A part of the day said with a clock time ("last night at 9") tells which half of the day the hour is in.
_MORNING_WORDS = ("morning",)
_AFTERNOON_WORDS = ("afternoon", "evening", "tonight", "night")
_PART_OF_DAY = re.compile(r"\b(?:this\s+|in\s+the\s+)?(" + "|".join(_PARTS_OF_DAY) + r")\b")


class ClockReading:
    """A time of day as typed. `bare` is an hour said without am/pm or a part of the day ("at 2", "2:30"),
    which a reader may move to the afternoon; `part` is the part of the day ("afternoon") when no clock time
    was given. (A plain class, not a dataclass: importing dataclasses would slow every cold start.)"""

    __slots__ = ("at", "bare", "part")

    def __init__(self, at: time, *, bare: bool = False, part: str | None = None) -> None:
        self.at, self.bare, self.part = at, bare, part

    def __repr__(self) -> str:
        return f"ClockReading({self.at!r}, bare={self.bare}, part={self.part!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ClockReading):
            return NotImplemented
        return (self.at, self.bare, self.part) == (other.at, other.bare, other.part)

    def __hash__(self) -> int:
        return hash((self.at, self.bare, self.part))


def take_time_of_day(phrase: str) -> tuple[ClockReading | None, str]:
    """Like `take_clock_time`, but says how the time was written, and lets a part of the day settle the half
    of the day of a clock time ("this morning at 10", "last night at 9" → 21:00). A zero-padded hour
    ("02:30") or one above 12 is a 24-hour time, never bare. None (and the phrase unchanged) if unreadable."""
    part = _PART_OF_DAY.search(phrase)
    rest = phrase[: part.start()] + " " + phrase[part.end() :] if part else phrase
    for match in _TIME.finditer(rest):
        digits, minute, meridiem = match.group(1), int(match.group(2) or 0), match.group(3)
        hour = int(digits)
        if match.group(2) is None and meridiem is None and "at" not in match.group(0):
            continue  # a bare number is more likely a day of the month
        if meridiem is None and part is not None and 1 <= hour <= 12:
            meridiem = "am" if part.group(1) in _MORNING_WORDS else "pm" if part.group(1) in _AFTERNOON_WORDS else None
        at = _clock(hour, minute, meridiem)
        if at is None:
            return None, phrase
        bare = meridiem is None and not digits.startswith("0") and 1 <= hour <= 12
        return ClockReading(at, bare=bare), rest[: match.start()] + " " + rest[match.end() :]
    if part is not None:
        return ClockReading(_PARTS_OF_DAY[part.group(1)], part=part.group(1)), rest
    return None, phrase
