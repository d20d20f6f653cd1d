"""Typed future times for snoozes and pauses ("tomorrow 9am", "in 3 days"): resolved in the user's zone.

Where a phrase could mean two moments, the future one is taken: a snooze into the past is useless.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot import messages
from bot.time.local import MORNING, wall
from bot.time.reading import WEEKDAYS, WhenProblem, read_iso, take_clock_time

_UNITS = {"minute": "minutes", "min": "minutes", "hour": "hours", "hr": "hours", "day": "days", "week": "weeks"}
_IN = re.compile(r"^in\s+(an?|\d{1,3})\s+(minute|min|hour|hr|day|week)s?$")


def parse_future(text: str, *, now: datetime, tz: ZoneInfo) -> datetime:
    """Resolve "tomorrow 9am", "in 3 days", "Monday", "5pm" to a future UTC time; ambiguity means the future."""
    phrase = " ".join(text.lower().replace(",", " ").split())
    if not phrase:
        raise WhenProblem(messages.text("when_future_empty"))
    local_now = now.astimezone(tz)
    moment = _relative(phrase, now) or read_iso(text.strip(), tz) or _calendar(phrase, local_now, tz)
    if moment is None:
        raise WhenProblem(messages.text("when_future_unreadable"))
    if moment <= now:
        raise WhenProblem(messages.text("when_future_passed"))
    if moment > now + timedelta(days=366):
        raise WhenProblem(messages.text("when_future_too_far"))
    return moment


def _relative(phrase: str, now: datetime) -> datetime | None:
    match = _IN.match(phrase)
    if not match:
        return None
    amount = 1 if match.group(1) in ("a", "an") else int(match.group(1))
    return now + timedelta(**{_UNITS[match.group(2)]: amount})


def _calendar(phrase: str, local_now: datetime, tz: ZoneInfo) -> datetime | None:
    at, rest = take_clock_time(phrase)
    day, rest = _take_day(rest, local_now.date())
    if re.sub(r"\b(at|on|next|this)\b", " ", rest).strip() or (day is None and at is None):
        return None
    if day is None:  # a bare time: the next time the clock shows it
        moment = wall(local_now.date(), at or MORNING, tz)
        return moment if moment > local_now else wall(local_now.date() + timedelta(days=1), at or MORNING, tz)
    return wall(day, at or MORNING, tz)


def _take_day(phrase: str, today: date) -> tuple[date | None, str]:
    for word, offset in (("tomorrow", 1), ("today", 0)):
        if re.search(rf"\b{word}\b", phrase):
            return today + timedelta(days=offset), re.sub(rf"\b{word}\b", " ", phrase)
    for index, name in enumerate(WEEKDAYS):
        match = re.search(rf"\b({name}|{name[:3]})\b", phrase)
        if match:
            ahead = (index - today.weekday()) % 7 or 7  # "Monday" said on a Monday means next week
            return today + timedelta(days=ahead), phrase[: match.start()] + " " + phrase[match.end() :]
    if re.search(r"\bnext\s+week\b", phrase):
        return today + timedelta(days=7), re.sub(r"\bnext\s+week\b", " ", phrase)
    return None, phrase
