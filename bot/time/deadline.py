"""Read the employer's stated timeline ("by Friday", "in two weeks", "2026-12-04") as a calendar date.

The first date-like phrase in the text wins. Where a phrase is ambiguous ("next Friday" said on a Monday),
the later reading is taken: following up a little late is harmless, following up early looks impatient.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from bot.time.business_days import add_business_days
from bot.time.reading import MONTH_WORD, MONTHS, WEEKDAYS

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "couple of": 2,
    "a couple": 2, "a few": 3, "few": 3, "several": 4,
}  # fmt: skip
_FRIDAY = 4

_COUNT = r"\d{1,3}|" + "|".join(sorted(map(re.escape, _NUMBERS), key=len, reverse=True))
_RANGE = r"\s*(?:-|–|to|or)\s*"
#: Typed short as well ("2 wks", "1wk", "3 mos", "5 biz days").
_UNIT = r"(?P<unit>(?:business|working|biz)\s+days?|days?|weeks?|wks?|fortnights?|months?|mos|mo|mths?)\b"
_AMOUNT = rf"\b(?P<n>{_COUNT})(?:{_RANGE}(?P<n2>{_COUNT}))?\s*(?:more\s+)?{_UNIT}(?:\s+or\s+(?P<n3>{_COUNT})\b)?"
#: Saturday and Sunday only in full: "sat"/"sun" are too often ordinary words.
_WEEKDAY = r"(?P<wd>monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sunday)\b"
_MONTH = rf"(?P<month>{MONTH_WORD})"
#: A day number is not the count of an amount ("may 2 weeks" is "maybe two weeks", not 2 May).
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\s*(?:business|working|days?\b|weeks?\b|months?\b))"
#: "12/15", "15/12/2026": never "24/7", never a fraction of a unit ("1/2 day").
_NUMERIC = (
    r"(?<![\d/])(?!24/7\b)(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?(?![\d/])"
    r"(?!\s*(?:days?|weeks?|wks?|hours?)\b)"
)
#: "early", "mid", "end of" before a month named alone.
_PART = r"(?:(?P<part>early|mid|middle\s+of|late|end\s+of|start\s+of|beginning\s+of)[\s-]+)"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"

Resolver = Callable[[re.Match[str], date], date | None]


def _friday_of_week(day: date, weeks_ahead: int = 0) -> date:
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=weeks_ahead)
    return monday + timedelta(days=_FRIDAY)


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _iso(match: re.Match[str], today: date) -> date | None:
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _month_day(match: re.Match[str], today: date) -> date | None:
    month = MONTHS.index(match["month"][:3]) + 1
    year = int(match["year"]) if match["year"] else today.year
    try:
        found = date(year, month, int(match["day"]))
    except ValueError:
        return None
    if not match["year"] and found < today:
        found = found.replace(year=year + 1)
    return found


def _count(text: str) -> int:
    text = " ".join(text.split())
    return int(text) if text.isdigit() else _NUMBERS[text]


def _amount(match: re.Match[str], today: date) -> date | None:
    """Amounts like "in two weeks", "3-4 days" or "a week or two" (a range counts as its upper end)."""
    count = max(_count(match[group]) for group in ("n", "n2", "n3") if match[group])
    unit = match["unit"]
    if unit.startswith(("business", "working", "biz")):
        return add_business_days(today, count)
    if unit.startswith(("mo", "mth")):
        return _add_months(today, count)
    days = 14 if unit.startswith("fortnight") else 7 if unit.startswith("w") else 1
    return today + timedelta(days=count * days)


def _weekday_index(match: re.Match[str]) -> int:
    return next(i for i, name in enumerate(WEEKDAYS) if name.startswith(match["wd"][:3]))


def _next_weekday(match: re.Match[str], today: date) -> date:
    """`next Friday` = Friday of next week (the later reading of an ambiguous phrase)."""
    return today - timedelta(days=today.weekday()) + timedelta(weeks=1, days=_weekday_index(match))


def _weekday(match: re.Match[str], today: date) -> date:
    """A bare weekday is its next occurrence after the interview day."""
    return today + timedelta(days=(_weekday_index(match) - today.weekday()) % 7 or 7)


def _numeric(match: re.Match[str], today: date) -> date | None:
    """ "12/15", "15/12", "4/12/2026": month and day in either order; where both orders are dates, the later
    one (see the module's note on ambiguity)."""
    first, second = int(match["a"]), int(match["b"])
    year = int(match["y"]) if match["y"] else today.year
    year += 2000 if year < 100 else 0
    found = []
    for month, day in ((first, second), (second, first)):
        try:
            candidate = date(year, month, day)
            if not match["y"] and candidate < today:
                candidate = date(year + 1, month, day)
        except ValueError:
            continue
        found.append(candidate)
    return max(found) if found else None


def _day_of_month(match: re.Match[str], today: date) -> date | None:
    """ "by the 4th": that day of this month, or of the next when it has passed."""
    day = int(match["day"])
    for months in (0, 1, 2):
        base = _add_months(today.replace(day=1), months)
        if day <= calendar.monthrange(base.year, base.month)[1] and base.replace(day=day) >= today:
            return base.replace(day=day)
    return None


def _month_only(match: re.Match[str], today: date) -> date:
    """ "sometime in January", "mid December": early → the 10th, mid → the 20th, else the month's last day."""
    month = MONTHS.index(match["month"][:3]) + 1
    year = today.year + (1 if month < today.month else 0)
    last = calendar.monthrange(year, month)[1]
    part = (match["part"] or "").lower()
    return date(year, month, 10 if part.startswith(("early", "start", "beginning")) else 20 if part else last)


def _end_of_month(match: re.Match[str], today: date) -> date:
    base = _add_months(today.replace(day=1), 1 if match["next"] else 0)
    return base.replace(day=calendar.monthrange(base.year, base.month)[1])


_PATTERNS: tuple[tuple[re.Pattern[str], Resolver], ...] = (
    (re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"), _iso),
    (re.compile(rf"\b{_MONTH}\s+{_DAY}{_YEAR}\b"), _month_day),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}(?!\w)"), _month_day),
    (re.compile(_AMOUNT), _amount),
    (re.compile(_NUMERIC), _numeric),
    (re.compile(r"\bthe\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?" + MONTH_WORD + ")"), _day_of_month),
    (re.compile(rf"\b(?:in|by|before|until|during)\s+(?:the\s+)?{_PART}?{_MONTH}(?!\s*\d)"), _month_only),
    (re.compile(rf"\b{_PART}{_MONTH}(?!\s*\d)"), _month_only),
    (re.compile(rf"\bnext\s+{_WEEKDAY}"), _next_weekday),
    (re.compile(r"\b(?:the\s+)?end\s+of\s+(?:the\s+)?(?P<next>next\s+)?month\b"), _end_of_month),
    (re.compile(r"\b(?:end\s+of\s+)?next\s+week\b"), lambda m, today: _friday_of_week(today, 1)),
    (re.compile(r"\bnext\s+month\b"), lambda m, today: _add_months(today, 1)),
    (
        re.compile(r"\b(?:(?:the\s+)?end\s+of\s+(?:the|this)\s+week|this\s+week(?:end)?|the\s+weekend)\b"),
        lambda m, today: today + timedelta(days=(_FRIDAY - today.weekday()) % 7),
    ),
    (re.compile(r"\btomorrow\b"), lambda m, today: today + timedelta(days=1)),
    (re.compile(rf"\b{_WEEKDAY}"), _weekday),
    (re.compile(r"\b(?:today|tonight|end\s+of\s+(?:the\s+)?day)\b"), lambda m, today: today),
)


def parse_deadline(text: str, *, today: date) -> date | None:
    """The date named by the first date-like phrase in `text`, relative to `today` (the interview day);
    None when nothing is recognised or the date would be before `today`."""
    phrase = " ".join(text.lower().split())
    best: tuple[int, int, date] | None = None
    for pattern, resolve in _PATTERNS:
        for match in pattern.finditer(phrase):
            found = resolve(match, today)
            if found is None or found < today:
                continue
            key = (match.start(), -len(match.group(0)))
            if best is None or key < best[:2]:
                best = (*key, found)
            break
    return best[2] if best else None
