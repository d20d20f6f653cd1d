"""Reading the employer's timeline out of `next_steps`."""

from __future__ import annotations

from datetime import date

import pytest

from bot.time.deadline import parse_deadline

FRIDAY = date(2026, 11, 20)
MONDAY = date(2026, 11, 16)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("they will decide by next Friday", FRIDAY, date(2026, 11, 27)),
        ("next Friday", MONDAY, date(2026, 11, 27)),  # the later reading of an ambiguous phrase
        ("by Friday", MONDAY, date(2026, 11, 20)),
        ("by Friday", FRIDAY, date(2026, 11, 27)),  # said on a Friday: the next one
        ("hear back Tues", FRIDAY, date(2026, 11, 24)),
        ("next week", FRIDAY, date(2026, 11, 27)),
        ("end of next week", MONDAY, date(2026, 11, 27)),
        ("by the end of the week", MONDAY, date(2026, 11, 20)),
        ("this week", FRIDAY, date(2026, 11, 20)),
        ("in two weeks", FRIDAY, date(2026, 12, 4)),
        ("within 2 weeks", FRIDAY, date(2026, 12, 4)),
        ("in a week or two", FRIDAY, date(2026, 12, 4)),
        ("in 3-4 weeks", FRIDAY, date(2026, 12, 18)),
        ("in a couple of days", FRIDAY, date(2026, 11, 22)),
        ("within 10 business days", FRIDAY, date(2026, 12, 4)),
        ("in a month", date(2026, 1, 31), date(2026, 2, 28)),
        ("next month", FRIDAY, date(2026, 12, 20)),
        ("by the end of the month", FRIDAY, date(2026, 11, 30)),
        ("2026-12-04", FRIDAY, date(2026, 12, 4)),
        ("decision on December 4th", FRIDAY, date(2026, 12, 4)),
        ("by 4 Dec", FRIDAY, date(2026, 12, 4)),
        ("by Jan 8", FRIDAY, date(2027, 1, 8)),  # no year: the next one
        ("Dec 1, 2027", FRIDAY, date(2027, 12, 1)),
        ("tomorrow", FRIDAY, date(2026, 11, 21)),
        ("by end of day", FRIDAY, FRIDAY),
        ("by Friday, or next month at the latest", MONDAY, date(2026, 11, 20)),  # the first phrase wins
        ("um she said maybe 2 weeks?", FRIDAY, date(2026, 12, 4)),  # "maybe", not May
        ("may 2 weeks or so", FRIDAY, date(2026, 12, 4)),
        ("by may 3rd", FRIDAY, date(2027, 5, 3)),
        ("they said march 2 at the latest", FRIDAY, date(2027, 3, 2)),
        ("decision sept. 9", FRIDAY, date(2027, 9, 9)),
    ],
)
def test_reads_the_date_they_named(text: str, today: date, expected: date) -> None:
    assert parse_deadline(text, today=today) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no idea",
        "they will be in touch",
        "we sat down with the whole team",  # "sat" is not Saturday
        "they may decide soon",  # "may" is not May
        "mayor 3 said so",
        "2026-02-30",  # impossible date
        "2026-11-01",  # before the interview
        "on sunny days",
    ],
)
def test_nothing_recognisable_means_no_deadline(text: str) -> None:
    assert parse_deadline(text, today=FRIDAY) is None
