"""Shaping answers to sit inside a sentence."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.compose.fields import clause, is_link, noun_phrase, relative_day, role_name

TZ = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("typed", "to_reader", "shaped"),
    [
        ("moving the pipeline to streaming.", False, "moving the pipeline to streaming"),
        ("About the migration plan", False, "the migration plan"),
        ("we discussed the migration plan", False, "the migration plan"),
        ("The roadmap for next year!", False, "the roadmap for next year"),
        ("The Hague office", False, "The Hague office"),  # a capital that belongs to a name stays
        ("her team's redesign", True, "your team's redesign"),
        ("moving their batch jobs", True, "moving your batch jobs"),
        ("her team's redesign", False, "her team's redesign"),  # only about the reader
        ("the customers and their data", True, "the customers and their data"),  # not a leading possessive
        ("Kafka", False, "Kafka"),
    ],
)
def test_noun_phrase(typed: str, to_reader: bool, shaped: str) -> None:
    assert noun_phrase(typed, to_reader=to_reader) == shaped


def test_clause_keeps_the_words_and_drops_trailing_punctuation() -> None:
    assert clause("I cut cloud spend 30%...") == "I cut cloud spend 30%"
    assert clause("Did I mention Kafka?") == "Did I mention Kafka"


@pytest.mark.parametrize(
    ("role", "name"),
    [
        ("Senior Data Engineer", "Senior Data Engineer"),
        ("the Senior Engineer position", "Senior Engineer"),
        ("a UX designer role", "UX designer"),
        ("Head of Data.", "Head of Data"),
        ("Position", "Position"),
    ],
)
def test_role_name(role: str, name: str) -> None:
    assert role_name(role) == name


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("https://example.com/talk", True),
        ("www.example.com", True),
        ("example.com/portfolio", True),
        ("my portfolio at example.com", False),
        ("the slides from my talk", False),
    ],
)
def test_is_link(text: str, link: bool) -> None:
    assert is_link(text) is link


@pytest.mark.parametrize(
    ("interview", "word"),
    [
        (datetime(2026, 11, 20, 9, 0, tzinfo=TZ), "today"),
        (datetime(2026, 11, 19, 23, 30, tzinfo=TZ), "yesterday"),
        (datetime(2026, 11, 16, 10, 0, tzinfo=TZ), "on Monday"),
        (datetime(2026, 11, 13, 10, 0, tzinfo=TZ), None),
        (datetime(2026, 11, 21, 10, 0, tzinfo=TZ), None),  # in the future: no day word
    ],
)
def test_relative_day_in_the_users_zone(interview: datetime, word: str | None) -> None:
    assert relative_day(interview, now=datetime(2026, 11, 20, 20, 0, tzinfo=TZ), tz=TZ) == word


def test_relative_day_uses_the_users_calendar_not_utc() -> None:
    interview = datetime.fromisoformat("2026-11-19T23:30:00+00:00")  # already the 20th in Tokyo
    now = datetime.fromisoformat("2026-11-20T01:00:00+00:00")
    assert relative_day(interview, now=now, tz=ZoneInfo("Asia/Tokyo")) == "today"
    assert relative_day(interview, now=now, tz=ZoneInfo("UTC")) == "yesterday"
