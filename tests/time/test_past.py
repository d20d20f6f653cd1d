"""Typed past times ("when was the interview?"), read in the user's zone and returned in it."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.time.past import parse_past
from bot.time.reading import WhenProblem

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # Monday 15:00 in New York


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday 3pm", "2026-11-22T15:00:00-05:00"),
        ("today at 10", "2026-11-23T10:00:00-05:00"),
        ("friday 9:30", "2026-11-20T09:30:00-05:00"),
        ("2 hours ago", "2026-11-23T13:00:00-05:00"),
        ("2026-11-20 14:00", "2026-11-20T14:00:00-05:00"),
        ("2026-11-20T14:00+05:00", "2026-11-20T04:00:00-05:00"),  # an explicit offset is kept, shown locally
        ("2026-03-08 02:30", "2026-03-08T03:30:00-04:00"),  # inside the spring-forward gap: moves later
        ("march 8 2:30am", "2026-03-08T03:30:00-04:00"),
    ],
)
def test_past_times_resolve_in_the_users_zone(text: str, expected: str) -> None:
    assert parse_past(text, now=NOW, tz=NY).isoformat() == expected


@pytest.mark.parametrize("text", ["", "banana", "tomorrow 3pm", "in 2 days", "2030-01-01 10:00", "2024-01-01 10:00"])
def test_unreadable_or_future_times_get_a_clear_message(text: str) -> None:
    with pytest.raises(WhenProblem) as problem:
        parse_past(text, now=NOW, tz=NY)
    assert str(problem.value).endswith((".", "?"))
