"""Typed future times for snoozes and pauses, read in the user's zone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.time.future import parse_future
from bot.time.reading import WhenProblem

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # Monday 15:00 in New York


@pytest.mark.parametrize(
    ("text", "expected_local"),
    [
        ("tomorrow 9am", datetime(2026, 11, 24, 9, 0)),
        ("in 3 days", datetime(2026, 11, 26, 15, 0)),
        ("in 2 hours", datetime(2026, 11, 23, 17, 0)),
        ("Monday", datetime(2026, 11, 30, 9, 0)),  # said on a Monday: the next one
        ("friday 10:30", datetime(2026, 11, 27, 10, 30)),
        ("9am", datetime(2026, 11, 24, 9, 0)),  # ambiguous → the future
        ("5pm", datetime(2026, 11, 23, 17, 0)),
        ("tomorrow evening", datetime(2026, 11, 24, 18, 0)),
        ("2026-12-01 08:15", datetime(2026, 12, 1, 8, 15)),
        ("next week", datetime(2026, 11, 30, 9, 0)),
    ],
)
def test_future_times_resolve_in_the_users_zone(text: str, expected_local: datetime) -> None:
    assert parse_future(text, now=NOW, tz=NY) == expected_local.replace(tzinfo=NY).astimezone(UTC)


def test_an_iso_time_with_an_offset_keeps_its_offset() -> None:
    assert parse_future("2026-12-01T08:15:00+01:00", now=NOW, tz=NY) == datetime(2026, 12, 1, 7, 15, tzinfo=UTC)


@pytest.mark.parametrize("text", ["", "soonish", "yesterday 3pm", "today 9am", "2020-01-01", "in 900 weeks", "13pm"])
def test_unreadable_or_past_times_get_a_clear_message(text: str) -> None:
    with pytest.raises(WhenProblem) as problem:
        parse_future(text, now=NOW, tz=NY)
    assert str(problem.value).endswith(".") and "Traceback" not in str(problem.value)
