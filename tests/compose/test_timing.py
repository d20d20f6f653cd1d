"""Send-by and follow-up times: same day or next business morning, weekends skipped, zones and DST."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.compose import Offsets, follow_up_at, send_by

NY = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def ny(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=NY)  # type: ignore[misc]


def test_design_example_sends_the_same_evening_and_follows_up_two_business_days_after_next_friday() -> None:
    interview = datetime.fromisoformat("2026-11-20T14:00:00-05:00")
    due = send_by(interview, tz=NY)
    assert due.isoformat() == "2026-11-20T18:00:00-05:00"
    follow = follow_up_at(interview, "they will decide by next Friday", tz=NY, not_before=due)
    assert follow.isoformat() == "2026-12-01T10:00:00-05:00"


@pytest.mark.parametrize(
    ("interview", "expected"),
    [
        (ny(2026, 11, 19, 9, 0), ny(2026, 11, 19, 13, 0)),  # morning → 4 h later, same day
        (ny(2026, 11, 19, 15, 0), ny(2026, 11, 19, 19, 0)),  # 19:00 is still the same day
        (ny(2026, 11, 19, 15, 1), ny(2026, 11, 20, 9, 0)),  # later → next morning
        (ny(2026, 11, 19, 18, 30), ny(2026, 11, 20, 9, 0)),  # evening interview → next morning
        (ny(2026, 11, 20, 17, 0), ny(2026, 11, 23, 9, 0)),  # Friday late → Monday
        (ny(2026, 11, 21, 19, 0), ny(2026, 11, 23, 9, 0)),  # Saturday evening → Monday
        (ny(2026, 11, 22, 10, 0), ny(2026, 11, 22, 14, 0)),  # a weekend morning still gets a same-day time
        (ny(2026, 11, 19, 1, 0), ny(2026, 11, 19, 9, 0)),  # never earlier than the morning
        (ny(2026, 11, 19, 10, 0, 30), ny(2026, 11, 19, 14, 1)),  # rounded up to the minute
    ],
)
def test_send_by_is_same_day_or_next_business_morning(interview: datetime, expected: datetime) -> None:
    assert send_by(interview, tz=NY) == expected
    assert send_by(interview, tz=NY).utcoffset() == expected.utcoffset()


def test_a_late_note_is_due_today_counted_from_now() -> None:
    interview = ny(2026, 11, 16, 10, 0)
    assert send_by(interview, tz=NY, now=ny(2026, 11, 19, 10, 15, 42)) == ny(2026, 11, 19, 14, 16)
    assert send_by(interview, tz=NY, now=ny(2026, 11, 19, 20, 0)) == ny(2026, 11, 20, 9, 0)
    assert send_by(interview, tz=NY, now=ny(2026, 11, 16, 11, 0)) == ny(2026, 11, 16, 14, 0)  # not late yet


@pytest.mark.parametrize(
    ("zone", "instant", "expected"),
    [
        ("Pacific/Kiritimati", "2026-11-20T20:00:00+00:00", "2026-11-21T14:00:00+14:00"),  # +14: already Saturday
        ("Pacific/Kiritimati", "2026-11-20T05:00:00+00:00", "2026-11-23T09:00:00+14:00"),  # 19:00 Friday local
        ("Pacific/Tongatapu", "2026-11-19T22:00:00+00:00", "2026-11-20T15:00:00+13:00"),  # +13
        ("Asia/Kolkata", "2026-11-20T10:00:00+00:00", "2026-11-23T09:00:00+05:30"),  # 15:30 Friday local
        ("Asia/Kathmandu", "2026-11-20T08:00:00+00:00", "2026-11-20T17:45:00+05:45"),
        ("Australia/Adelaide", "2026-11-19T23:00:00+00:00", "2026-11-20T13:30:00+10:30"),  # half-hour zone in DST
        ("America/St_Johns", "2026-11-20T12:30:00+00:00", "2026-11-20T13:00:00-03:30"),
        ("Pacific/Pago_Pago", "2026-11-21T04:00:00+00:00", "2026-11-23T09:00:00-11:00"),  # 17:00 Friday local
    ],
)
def test_send_by_is_computed_in_the_users_zone(zone: str, instant: str, expected: str) -> None:
    assert send_by(datetime.fromisoformat(instant), tz=ZoneInfo(zone)).isoformat() == expected


def test_next_morning_stays_nine_oclock_across_spring_forward() -> None:
    due = send_by(ny(2026, 3, 6, 18, 0), tz=NY)  # Friday evening, EST; clocks go forward on Sunday 8 March
    assert due.isoformat() == "2026-03-09T09:00:00-04:00"


def test_follow_up_stays_ten_oclock_across_fall_back() -> None:
    interview = datetime(2026, 10, 22, 10, 0, tzinfo=BERLIN)  # CEST; clocks go back on 25 October
    follow = follow_up_at(interview, None, tz=BERLIN)
    assert follow.isoformat() == "2026-10-29T10:00:00+01:00"


@pytest.mark.parametrize(
    ("next_steps", "expected_day"),
    [
        (None, "2026-11-27"),  # a week after Friday 20 November
        ("", "2026-11-27"),
        ("no timeline given", "2026-11-27"),
        ("they will decide by Friday", "2026-12-01"),  # Fri 27 → Tue 1 Dec
        ("decision by end of the week", "2026-11-24"),  # Fri 20 → Tue 24
        ("in two weeks", "2026-12-08"),  # Fri 4 Dec → Tue 8 Dec
        ("we'll hear back 2026-12-04", "2026-12-08"),
        ("next week", "2026-12-01"),
    ],
)
def test_follow_up_is_two_business_days_after_their_timeline(next_steps: str | None, expected_day: str) -> None:
    follow = follow_up_at(ny(2026, 11, 20, 14, 0), next_steps, tz=NY)
    assert follow.isoformat() == f"{expected_day}T10:00:00-05:00"


def test_default_follow_up_that_lands_on_a_weekend_moves_to_monday() -> None:
    follow = follow_up_at(ny(2026, 11, 21, 11, 0), None, tz=NY)  # a Saturday interview
    assert follow.isoformat() == "2026-11-30T10:00:00-05:00"


def test_follow_up_never_comes_before_the_note_is_due() -> None:
    interview = ny(2026, 10, 1, 14, 0)  # weeks ago; "by Friday" has long passed
    due = ny(2026, 11, 20, 18, 0)
    follow = follow_up_at(interview, "by Friday", tz=NY, not_before=due)
    assert follow.isoformat() == "2026-11-24T10:00:00-05:00"


@pytest.mark.parametrize(
    ("interview", "hours", "expected"),
    [
        (ny(2026, 11, 19, 10, 0), 24, ny(2026, 11, 20, 10, 0)),  # a community's "a day after"
        (ny(2026, 11, 19, 10, 0), 2, ny(2026, 11, 19, 12, 0)),
        (ny(2026, 11, 19, 10, 0), 12, ny(2026, 11, 20, 9, 0)),  # 22:00 is night: the next business morning
        (ny(2026, 11, 19, 22, 0), 5, ny(2026, 11, 20, 9, 0)),  # 03:00 waits for 09:00 the same day
        (ny(2026, 11, 20, 14, 0), 24, ny(2026, 11, 23, 9, 0)),  # Saturday: Monday morning
        (ny(2026, 11, 19, 10, 0), 72, ny(2026, 11, 23, 9, 0)),  # Sunday 10:00: Monday morning
        (ny(2026, 3, 7, 10, 0), 24, ny(2026, 3, 9, 9, 0)),  # across the spring change, still a wall-clock 09:00
    ],
)
def test_a_communitys_hours_after_the_interview_stay_in_working_hours(
    interview: datetime, hours: int, expected: datetime
) -> None:
    assert send_by(interview, tz=NY, hours=hours) == expected


def test_a_communitys_send_by_already_passed_falls_back_to_the_built_in_rule_from_now() -> None:
    interview, now = ny(2026, 11, 16, 10, 0), ny(2026, 11, 19, 11, 0)
    assert send_by(interview, tz=NY, now=now, hours=24) == send_by(interview, tz=NY, now=now) == ny(2026, 11, 19, 15, 0)


def test_a_communitys_days_replace_the_week_only_when_no_timeline_was_given() -> None:
    interview = ny(2026, 11, 19, 11, 0)
    assert follow_up_at(interview, None, tz=NY, days=10) == ny(2026, 11, 30, 10, 0)  # Sunday the 29th → Monday
    assert follow_up_at(interview, "no idea", tz=NY, days=3) == ny(2026, 11, 23, 10, 0)
    said = "they will decide by next Friday"
    assert follow_up_at(interview, said, tz=NY, days=3) == follow_up_at(interview, said, tz=NY)


def test_stored_offsets_are_read_back_and_damaged_ones_ignored() -> None:
    offsets = Offsets(24, None)
    assert Offsets.from_json(offsets.to_json()) == offsets
    assert Offsets.from_json({"send_by_hours": "24", "follow_up_days": True}) is None
    assert Offsets.from_json(None) is None and Offsets.from_json({}) is None
