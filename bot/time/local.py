"""Local wall-clock times for reminders: snoozes, quiet hours, pauses and typed future times.

Every stored time is aware UTC; "9:00" always means 9:00 on the user's wall clock, so a reminder set
before a daylight-saving change still arrives at 9:00 after it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.time.past import WEEKDAYS, WhenProblem, take_clock_time

UTC = ZoneInfo("UTC")
MORNING = time(9)
_UNITS = {"minute": "minutes", "min": "minutes", "hour": "hours", "hr": "hours", "day": "days", "week": "weeks"}
_IN = re.compile(r"^in\s+(an?|\d{1,3})\s+(minute|min|hour|hr|day|week)s?$")


def zone(name: str | None, fallback: str = "UTC") -> ZoneInfo:
    """The user's zone, or the fallback when the stored name is unknown."""
    for candidate in (name, fallback, "UTC"):
        if not candidate:
            continue
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return UTC


def wall(day: date, at: time, tz: ZoneInfo) -> datetime:
    """`day` at `at` on the wall clock in `tz`, as UTC. A time skipped by a spring-forward moves later
    (02:30 → 03:30); a repeated autumn time means its first occurrence."""
    local = datetime.combine(day, at, tzinfo=tz)
    return local.astimezone(UTC)


def tomorrow_morning(now: datetime, tz: ZoneInfo) -> datetime:
    return wall(now.astimezone(tz).date() + timedelta(days=1), MORNING, tz)


def next_week(now: datetime, tz: ZoneInfo) -> datetime:
    """A week from today, in the morning."""
    return wall(now.astimezone(tz).date() + timedelta(days=7), MORNING, tz)


def same_time_later(moment: datetime, tz: ZoneInfo, days: int) -> datetime:
    """The same wall-clock time `days` later (not days*24 hours: DST-safe)."""
    local = moment.astimezone(tz)
    return wall(local.date() + timedelta(days=days), local.timetz().replace(tzinfo=None), tz)


def in_quiet(moment: datetime, tz: ZoneInfo, start: int | None, end: int | None) -> bool:
    """Quiet hours are [start, end) on the local clock and may wrap midnight (22-7)."""
    if start is None or end is None or start == end:
        return False
    hour = moment.astimezone(tz).hour
    return start <= hour < end if start < end else hour >= start or hour < end


def quiet_end(moment: datetime, tz: ZoneInfo, end: int) -> datetime:
    """The first local `end:00` after `moment`."""
    local = moment.astimezone(tz)
    candidate = wall(local.date(), time(end), tz)
    return candidate if candidate > moment else wall(local.date() + timedelta(days=1), time(end), tz)


def deliverable_at(
    due: datetime, tz: ZoneInfo, *, quiet_start: int | None, quiet_stop: int | None, paused_until: datetime | None
) -> datetime:
    """When a reminder due at `due` may actually be delivered: after a pause and outside quiet hours."""
    moment = max(due, paused_until) if paused_until is not None else due
    if in_quiet(moment, tz, quiet_start, quiet_stop):
        assert quiet_stop is not None
        moment = quiet_end(moment, tz, quiet_stop)
    return moment


def parse_future(text: str, *, now: datetime, tz: ZoneInfo) -> datetime:
    """Resolve "tomorrow 9am", "in 3 days", "Monday", "5pm" to a future UTC time; ambiguity means the future."""
    phrase = " ".join(text.lower().replace(",", " ").split())
    if not phrase:
        raise WhenProblem('Please tell me when, for example "tomorrow 9am" or "in 3 days".')
    local_now = now.astimezone(tz)
    moment = _relative(phrase, now) or _iso(text.strip(), tz) or _calendar(phrase, local_now, tz)
    if moment is None:
        raise WhenProblem('I couldn\'t read that time. Try "tomorrow 9am", "in 3 days", "Monday 10:00" or "5pm".')
    if moment <= now:
        raise WhenProblem("That time has already passed. Please pick a time in the future.")
    if moment > now + timedelta(days=366):
        raise WhenProblem("That's more than a year away. Please pick a nearer time.")
    return moment


def _relative(phrase: str, now: datetime) -> datetime | None:
    match = _IN.match(phrase)
    if not match:
        return None
    amount = 1 if match.group(1) in ("a", "an") else int(match.group(1))
    return now + timedelta(**{_UNITS[match.group(2)]: amount})


def _iso(text: str, tz: ZoneInfo) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is None:
        return datetime.combine(value.date(), value.time(), tzinfo=tz).astimezone(UTC)
    return value.astimezone(UTC)


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
