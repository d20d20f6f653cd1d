"""Local wall-clock arithmetic for reminders and the composer: snoozes, quiet hours, pauses, send-by times.

Every stored time is aware UTC; "9:00" always means 9:00 on the user's wall clock, so a reminder set
before a daylight-saving change still arrives at 9:00 after it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from bot.time.zones import UTC

MORNING = time(9)


def wall(day: date, at: time, tz: tzinfo) -> datetime:
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
