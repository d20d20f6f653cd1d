"""Wall-clock reminder times: snoozes, quiet hours, DST and unusual zones."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.time.local import deliverable_at, in_quiet, next_week, same_time_later, tomorrow_morning, wall

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # Monday 15:00 in New York


def test_nine_oclock_stays_nine_oclock_across_daylight_saving() -> None:
    before_spring = datetime(2026, 3, 7, 18, 0, tzinfo=UTC)  # Saturday; clocks go forward Sunday 8 March
    assert tomorrow_morning(before_spring, NY).astimezone(NY).hour == 9
    assert tomorrow_morning(before_spring, NY) == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)
    before_autumn = datetime(2026, 10, 31, 18, 0, tzinfo=UTC)
    assert tomorrow_morning(before_autumn, NY) == datetime(2026, 11, 1, 14, 0, tzinfo=UTC)
    weekly = same_time_later(datetime(2026, 3, 5, 14, 0, tzinfo=UTC), NY, 7)  # 09:00 EST → 09:00 EDT
    assert weekly.astimezone(NY).hour == 9 and weekly == datetime(2026, 3, 12, 13, 0, tzinfo=UTC)


def test_nonexistent_and_repeated_local_times_are_deterministic() -> None:
    skipped = wall(datetime(2026, 3, 8).date(), datetime(2026, 3, 8, 2, 30).time(), NY)  # inside the spring gap
    assert skipped.astimezone(NY).isoformat() == "2026-03-08T03:30:00-04:00"
    repeated = wall(datetime(2026, 11, 1).date(), datetime(2026, 11, 1, 1, 30).time(), NY)
    assert repeated == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # the first 01:30 (EDT)


@pytest.mark.parametrize(
    ("zone", "utc_hour_minute"),
    [
        ("Pacific/Kiritimati", (19, 0)),  # +14: Wednesday 09:00 local is Tuesday 19:00 UTC
        ("Pacific/Tongatapu", (20, 0)),  # +13
        ("Asia/Kolkata", (3, 30)),  # +5:30
        ("Asia/Kathmandu", (3, 15)),  # +5:45
        ("Australia/Adelaide", (22, 30)),  # +10:30 in (southern) summer
    ],
)
def test_far_east_and_half_hour_zones(zone: str, utc_hour_minute: tuple[int, int]) -> None:
    tz = ZoneInfo(zone)
    morning = tomorrow_morning(NOW, tz)  # NOW is already Tuesday in all of these zones
    local = morning.astimezone(tz)
    assert (local.hour, local.minute, local.day) == (9, 0, 25)
    assert (morning.hour, morning.minute) == utc_hour_minute


def test_quiet_hours_wrap_midnight_and_move_to_the_morning() -> None:
    late = datetime(2026, 11, 24, 4, 30, tzinfo=UTC)  # 23:30 in New York
    assert in_quiet(late, NY, 22, 7) and not in_quiet(NOW, NY, 22, 7)
    moved = deliverable_at(late, NY, quiet_start=22, quiet_stop=7, paused_until=None)
    assert moved.astimezone(NY) == datetime(2026, 11, 24, 7, 0, tzinfo=NY)
    kolkata = ZoneInfo("Asia/Kolkata")
    night = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)  # 23:30 in Kolkata
    assert deliverable_at(night, kolkata, quiet_start=22, quiet_stop=7, paused_until=None).astimezone(kolkata).hour == 7


def test_a_pause_wins_and_then_quiet_hours_apply() -> None:
    until = datetime(2026, 11, 28, 4, 0, tzinfo=UTC)  # 23:00 local, inside quiet hours
    moved = deliverable_at(NOW, NY, quiet_start=22, quiet_stop=7, paused_until=until)
    assert moved.astimezone(NY) == datetime(2026, 11, 28, 7, 0, tzinfo=NY)
    assert next_week(NOW, NY).astimezone(NY) == datetime(2026, 11, 30, 9, 0, tzinfo=NY)
