"""Dates as people type them ("yesterday around 2", "11/29 2pm", "tues", "yday 3pm") under our rules: in the
user's zone, never in the future, not more than a year ago, and a bare early hour is an afternoon."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import messages
from bot.time.past import parse_past
from bot.time.reading import WhenProblem

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 30, 16, 0, tzinfo=NY)  # Monday 16:00 in New York


def _read(text: str, now: datetime = NOW, tz: ZoneInfo = NY, **options: str) -> str:
    return parse_past(text, now=now, tz=tz, **options).isoformat()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare early hour is an afternoon (the issue: "yesterday at 2:30" was 02:30)
        ("yesterday at 2:30", "2026-11-29T14:30:00-05:00"),
        ("yesterday at 6:59", "2026-11-29T18:59:00-05:00"),
        ("yesterday at 7", "2026-11-29T07:00:00-05:00"),  # 7-12 stay as read
        ("yesterday at 12", "2026-11-29T12:00:00-05:00"),
        ("yesterday at 2:30am", "2026-11-29T02:30:00-05:00"),  # said: kept
        ("yesterday at 02:30", "2026-11-29T02:30:00-05:00"),  # a leading zero is a 24-hour time
        ("yesterday at 14:30", "2026-11-29T14:30:00-05:00"),
        ("this morning at 6", "2026-11-30T06:00:00-05:00"),  # the part of the day settles it
        ("last night at 9", "2026-11-29T21:00:00-05:00"),
        ("at 3", "2026-11-30T15:00:00-05:00"),  # today, 15:00 is past at 16:00
        ("at 5", "2026-11-30T05:00:00-05:00"),  # 17:00 is still to come: the morning is past, so kept
        # vague words
        ("yesterday around 2", "2026-11-29T14:00:00-05:00"),
        ("about 3pm", "2026-11-30T15:00:00-05:00"),
        ("at like 10", "2026-11-30T10:00:00-05:00"),
        ("~2", "2026-11-30T14:00:00-05:00"),
        ("noonish", "2026-11-30T12:00:00-05:00"),
        ("yesterday 2ish", "2026-11-29T14:00:00-05:00"),
        ("yesterday 2", "2026-11-29T14:00:00-05:00"),  # a lone number after a day word is an hour
        ("tue 3", "2026-11-24T15:00:00-05:00"),
        ("friday 10", "2026-11-27T10:00:00-05:00"),
        ("friday 2pm-ish", "2026-11-27T14:00:00-05:00"),
        ("approximately 11am today", "2026-11-30T11:00:00-05:00"),
        # abbreviations and slang
        ("tues", "2026-11-24T12:00:00-05:00"),
        ("tues 10am", "2026-11-24T10:00:00-05:00"),
        ("thurs at 4", "2026-11-26T16:00:00-05:00"),
        ("weds 9:30", "2026-11-25T09:30:00-05:00"),
        ("yday 3pm", "2026-11-29T15:00:00-05:00"),
        ("yest at 11", "2026-11-29T11:00:00-05:00"),
        ("earlier today", "2026-11-30T12:00:00-05:00"),
        ("earlier today at 1", "2026-11-30T13:00:00-05:00"),
        ("this morning", "2026-11-30T09:00:00-05:00"),
        ("this afternoon", "2026-11-30T14:00:00-05:00"),
        ("last night", "2026-11-29T19:00:00-05:00"),
        ("sunday afternoon", "2026-11-29T14:00:00-05:00"),
        # numeric dates, month first by default
        ("11/29 2pm", "2026-11-29T14:00:00-05:00"),
        ("11/29 at 2", "2026-11-29T14:00:00-05:00"),
        ("29/11 14:00", "2026-11-29T14:00:00-05:00"),  # 29 can only be a day
        ("2026-11-29 2pm", "2026-11-29T14:00:00-05:00"),
        ("11/12 10am", "2026-11-12T10:00:00-05:00"),
        ("11/29/26 3pm", "2026-11-29T15:00:00-05:00"),
        ("11/29/2026 3pm", "2026-11-29T15:00:00-05:00"),
        ("12/24 10am", "2025-12-24T10:00:00-05:00"),  # no year: the latest one not after today
        ("29.11.2026 9:15", "2026-11-29T09:15:00-05:00"),
        ("yesterday 2.30pm", "2026-11-29T14:30:00-05:00"),  # a dotted time is not a date
        # our own rules for more words
        ("2 days ago around 3", "2026-11-28T15:00:00-05:00"),
        ("the 28th at 3", "2026-11-28T15:00:00-05:00"),
        ("the 31st", "2026-10-31T12:00:00-04:00"),  # not this month yet: last month's
        ("last monday at 2", "2026-11-23T14:00:00-05:00"),
        ("monday at 2", "2026-11-30T14:00:00-05:00"),
        ("nov 29 around 2", "2026-11-29T14:00:00-05:00"),
        # read by dateparser, then put under our rules
        ("29 November at 2pm", "2026-11-29T14:00:00-05:00"),
        ("last friday 3pm", "2026-11-27T15:00:00-05:00"),
        ("2 days ago", "2026-11-28T16:00:00-05:00"),
        ("2 weeks ago", "2026-11-16T16:00:00-05:00"),
        ("friday the 27th", "2026-11-27T12:00:00-05:00"),
        ("29 november 2pm +0100", "2026-11-29T08:00:00-05:00"),  # a written offset is kept, shown locally
    ],
)
def test_dates_as_people_say_them(text: str, expected: str) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "date_order", "expected"),
    [
        ("11/10 2pm", "MDY", "2026-11-10T14:00:00-05:00"),
        ("11/10 2pm", "DMY", "2026-10-11T14:00:00-04:00"),
        ("29/11 2pm", "MDY", "2026-11-29T14:00:00-05:00"),
        ("29/11 2pm", "DMY", "2026-11-29T14:00:00-05:00"),
        ("11/29 2pm", "DMY", "2026-11-29T14:00:00-05:00"),  # only one reading is a date
        ("01.11.2026 10:00", "DMY", "2026-11-01T10:00:00-05:00"),
        ("2026-11-10 2pm", "DMY", "2026-11-10T14:00:00-05:00"),  # year first is always year-month-day
    ],
)
def test_numeric_dates_follow_the_date_order(text: str, date_order: str, expected: str) -> None:
    assert _read(text, date_order=date_order) == expected


def test_a_bare_hour_is_the_morning_only_when_the_afternoon_has_not_come() -> None:
    ten_am = NOW.replace(hour=10)
    assert _read("at 2:30", now=ten_am) == "2026-11-30T02:30:00-05:00"  # 14:30 is to come; 02:30 has passed
    assert _read("yesterday at 2:30", now=ten_am) == "2026-11-29T14:30:00-05:00"
    assert _read("monday at 2", now=ten_am) == "2026-11-23T14:00:00-05:00"  # a weekday not reached: last week
    with pytest.raises(WhenProblem, match="in the future"):
        parse_past("at 4", now=NOW.replace(hour=2), tz=NY)  # neither 16:00 nor 04:00 has come yet


def test_a_part_of_the_day_that_has_begun_is_now() -> None:
    ten_past_one = NOW.replace(hour=13, minute=10)
    assert _read("this afternoon", now=ten_past_one) == "2026-11-30T13:10:00-05:00"
    assert _read("earlier today", now=NOW.replace(hour=9, minute=5)) == "2026-11-30T09:05:00-05:00"
    with pytest.raises(WhenProblem):
        parse_past("this evening", now=ten_past_one, tz=NY)


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        # 2026-03-08: clocks spring forward at 02:00 in New York; 2026-11-01: they fall back at 02:00
        ("3/8 2:30am", NOW, "2026-03-08T03:30:00-04:00"),  # a skipped time moves later
        ("3/8 at 2:30", NOW, "2026-03-08T14:30:00-04:00"),
        ("11/1 1:30am", NOW, "2026-11-01T01:30:00-04:00"),  # a repeated time is its first occurrence
        ("11/1 at 1:30", NOW, "2026-11-01T13:30:00-05:00"),
        ("2 hours ago", datetime(2026, 3, 8, 8, 0, tzinfo=UTC), "2026-03-08T01:00:00-05:00"),  # real hours
        ("yesterday at 2", datetime(2026, 3, 9, 15, 0, tzinfo=UTC), "2026-03-08T14:00:00-04:00"),
        ("this morning", datetime(2026, 11, 1, 15, 0, tzinfo=UTC), "2026-11-01T09:00:00-05:00"),
        ("2 days ago at 10am", datetime(2026, 3, 10, 15, 0, tzinfo=UTC), "2026-03-08T10:00:00-04:00"),
    ],
)
def test_daylight_saving_days(text: str, now: datetime, expected: str) -> None:
    assert _read(text, now=now) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("tmrw 3pm", "when_past_sounds_future"),
        ("tmrw", "when_past_sounds_future"),
        ("in an hour", "when_past_sounds_future"),
        ("today at 5pm", "when_past_in_future"),
        ("12/01/26", "when_past_in_future"),  # 1 December 2026, month first
        ("11/30/2027 2pm", "when_past_in_future"),
        ("11/29/2025 2pm", "when_past_too_old"),
        ("2024-11-29 2pm", "when_past_too_old"),
        ("banana", "when_past_unreadable"),
        ("5", "when_past_unreadable"),  # a number alone is not a time
        ("13/13", "when_past_unreadable"),
        ("2/30 2pm", "when_past_unreadable"),
        ("tue 13", "when_past_unreadable"),  # not an hour; dateparser's "Friday the 13th" is refused
        ("yesterday 45", "when_past_unreadable"),
        ("friday the 26th", "when_past_unreadable"),  # the 26th was a Thursday
        ("last week", "when_past_unreadable"),  # too vague to write a note by
        ("december 2025", "when_past_unreadable"),
        ("yesterday at 25:00", "when_past_unreadable"),
        ("hello there 5", "when_past_unreadable"),
        ("   ", "when_past_empty"),
    ],
)
def test_unclear_or_impossible_answers_are_refused_with_an_example(text: str, key: str) -> None:
    with pytest.raises(WhenProblem) as problem:
        parse_past(text, now=NOW, tz=NY)
    assert str(problem.value) == messages.text(key)


_PHRASES = st.sampled_from(
    [
        "yesterday at 2:30",
        "yday 3pm",
        "tues",
        "earlier today",
        "this morning",
        "last night at 9",
        "around 2",
        "~5",
        "noonish",
        "11/29 2pm",
        "29/11 14:00",
        "2026-11-29 2pm",
        "2/29 10am",
        "29 November at 2pm",
        "last friday 3pm",
        "2 days ago",
        "the 31st at 4",
        "sunday afternoon",
        "at 6:59",
    ]
)
_WORDS = st.lists(
    st.sampled_from(
        ["yday", "tues", "at", "around", "2", "11/29", "3pm", "ago", "days", "the", "28th", "last", "night"]
    ),
    max_size=4,
).map(" ".join)
_ZONES = st.sampled_from([NY, ZoneInfo("Europe/Berlin"), ZoneInfo("Australia/Lord_Howe"), ZoneInfo("UTC")])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(_PHRASES, _WORDS, st.text(alphabet="0123456789/:.- apmtuesyd~", max_size=12)),
    now=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)),
    tz=_ZONES,
)
def test_whatever_is_read_is_aware_past_and_within_a_year(text: str, now: datetime, tz: ZoneInfo) -> None:
    try:
        moment = parse_past(text, now=now, tz=tz)
    except WhenProblem:
        return
    assert moment.tzinfo is not None
    assert now - timedelta(days=366) <= moment <= now + timedelta(minutes=1)
