"""Career-channel schedules: read what an admin typed, and find occurrences on the community's wall clock.

"Monday 09:00 Europe/Berlin" means 09:00 on Berlin's clock every Monday, before and after a daylight-saving
change alike, so occurrences are computed from local dates (`bot/time/local.wall`), never by adding hours.

Catch-up rule (after downtime): the latest missed occurrence is posted once if it is less than
`CATCH_UP` (6 hours) late; older ones are skipped. Either way the next occurrence after now is scheduled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.time.local import wall

CATCH_UP = timedelta(hours=6)
MAX_DAYS = 365
_MAX_STEPS = 1000  # bounds the walk over missed occurrences (years of downtime still finish quickly)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TIME = re.compile(r"^(?:at\s+)?(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?$")
_WEEKLY = re.compile(r"^(?:weekly|every\s+week|each\s+week)?\s*(?:on\s+)?([a-z]+?)s?\s+(.+)$")
_EVERY = re.compile(r"^every\s+(\d{1,3})\s+days?\s+(.+)$")
_DAILY = re.compile(r"^(?:daily|every\s+day)\s+(.+)$")


class ScheduleError(ValueError):
    """What the admin typed is not a schedule we can read (the caller explains what to type instead)."""


@dataclass(frozen=True, slots=True)
class Schedule:
    """`weekday` (0 = Monday) for weekly posts, or `every_days` for every-N-days posts; neither means off."""

    at: time | None = None
    weekday: int | None = None
    every_days: int | None = None

    @property
    def off(self) -> bool:
        return self.at is None

    def canonical(self) -> str:
        """The stored form, which `parse_schedule` reads back to the same schedule."""
        if self.at is None:
            return "off"
        clock = self.at.strftime("%H:%M")
        if self.weekday is not None:
            return f"weekly {WEEKDAYS[self.weekday]} {clock}"
        return f"every {self.every_days} days {clock}"

    def first_after(self, moment: datetime, tz: ZoneInfo) -> datetime | None:
        """The first occurrence strictly after `moment` (UTC), or None when the schedule is off."""
        if self.at is None:
            return None
        day = moment.astimezone(tz).date()
        for offset in range(9):
            candidate_day = day + timedelta(days=offset)
            if self.weekday is not None and candidate_day.weekday() != self.weekday:
                continue
            candidate = wall(candidate_day, self.at, tz)
            if candidate > moment:
                return candidate
        raise AssertionError("a weekly or N-day schedule always has an occurrence within 8 days")

    def following(self, occurrence: datetime, tz: ZoneInfo) -> datetime:
        """The occurrence after `occurrence`: the same wall-clock time 7 or N local days later."""
        assert self.at is not None
        step = 7 if self.weekday is not None else (self.every_days or 1)
        return wall(occurrence.astimezone(tz).date() + timedelta(days=step), self.at, tz)


@dataclass(frozen=True, slots=True)
class Due:
    """What to do at `now` with a community whose next occurrence was `scheduled`."""

    post: datetime | None  # the occurrence to post now, if any
    skipped: int  # missed occurrences not posted (too late)
    next_at: datetime  # the next occurrence to wait for (always after now)


def due(schedule: Schedule, scheduled: datetime, now: datetime, tz: ZoneInfo) -> Due:
    """Apply the catch-up rule to a stored next occurrence `scheduled` that is at or before `now`."""
    latest, missed, following = scheduled, 0, schedule.following(scheduled, tz)
    for _ in range(_MAX_STEPS):
        if following > now:
            break
        latest, missed, following = following, missed + 1, schedule.following(following, tz)
    else:  # after very long downtime, jump straight to the next occurrence after now
        nxt = schedule.first_after(now, tz)
        assert nxt is not None
        return Due(None, missed + 1, nxt)
    if now - latest < CATCH_UP:
        return Due(latest, missed, following)
    return Due(None, missed + 1, following)


def parse_schedule(text: str) -> Schedule:
    """`weekly monday 09:00`, `mondays at 9am`, `every 14 days 10:00`, `daily 8:30`, `off`; else ScheduleError."""
    phrase = " ".join(text.casefold().replace(",", " ").split())
    if phrase in ("off", "none", "stop", "never", "disable", "disabled"):
        return Schedule()
    if match := _EVERY.match(phrase):
        days = int(match.group(1))
        if not 1 <= days <= MAX_DAYS:
            raise ScheduleError(phrase)
        return Schedule(at=_clock(match.group(2)), every_days=days)
    if match := _DAILY.match(phrase):
        return Schedule(at=_clock(match.group(1)), every_days=1)
    phrase = re.sub(r"^every\s+(?=[a-z]+day)", "", phrase)
    if match := _WEEKLY.match(phrase):
        return Schedule(at=_clock(match.group(2)), weekday=_weekday(match.group(1)))
    raise ScheduleError(phrase)


def _weekday(word: str) -> int:
    for index, name in enumerate(WEEKDAYS):
        if word == name or (len(word) >= 3 and name.startswith(word)):
            return index
    raise ScheduleError(word)


def _clock(text: str) -> time:
    match = _TIME.match(text.strip())
    if match is None:
        raise ScheduleError(text)
    hour, minute, meridiem = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if meridiem:
        if not 1 <= hour <= 12:
            raise ScheduleError(text)
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    elif match.group(2) is None and not text.strip().startswith("at"):
        raise ScheduleError(text)  # a bare "9" could be a day or an hour: ask for 09:00
    if hour > 23 or minute > 59:
        raise ScheduleError(text)
    return time(hour, minute)
