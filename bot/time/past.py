"""Natural-language times for "when was it?": resolved in the user's zone, never in the future."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot import messages
from bot.time.local import wall
from bot.time.reading import MONTHS, WEEKDAYS, WhenProblem, read_iso, take_clock_time

_DEFAULT_TIME = time(12)
_AGO = re.compile(r"^(an?|\d+)\s+(minute|min|hour|hr|day)s?\s+ago$")


def parse_past(text: str, *, now: datetime, tz: ZoneInfo) -> datetime:
    """Resolve `text` to an aware datetime in `tz`; raise WhenProblem if unclear or in the future."""
    local_now = now.astimezone(tz)
    phrase = " ".join(text.lower().replace(",", " ").split())
    if not phrase:
        raise WhenProblem(messages.text("when_past_empty"))
    moment = _iso(text.strip(), tz) or _relative(phrase, local_now) or _calendar(phrase, local_now, tz)
    if moment is None:
        raise WhenProblem(messages.text("when_past_unreadable"))
    if moment > local_now + timedelta(minutes=1):
        raise WhenProblem(messages.text("when_past_in_future"))
    if moment < local_now - timedelta(days=366):
        raise WhenProblem(messages.text("when_past_too_old"))
    return moment


def _iso(text: str, tz: ZoneInfo) -> datetime | None:
    moment = read_iso(text, tz)
    return moment.astimezone(tz) if moment is not None else None


def _relative(phrase: str, now: datetime) -> datetime | None:
    if phrase in ("now", "just now", "right now"):
        return now.replace(second=0, microsecond=0)
    match = _AGO.match(phrase)
    if not match:
        return None
    amount = 1 if match.group(1) in ("a", "an") else int(match.group(1))
    unit = {"minute": "minutes", "min": "minutes", "hour": "hours", "hr": "hours", "day": "days"}[match.group(2)]
    return (now - timedelta(**{unit: amount})).replace(second=0, microsecond=0)


def _calendar(phrase: str, now: datetime, tz: ZoneInfo) -> datetime | None:
    """A day word or date plus an optional time of day."""
    if re.search(r"\b(tomorrow|next|in\s+\d+)\b", phrase):
        raise WhenProblem(messages.text("when_past_sounds_future"))
    clock, rest = take_clock_time(phrase)
    day, rest = _take_day(rest, now)
    if re.sub(r"\b(at|on)\b", " ", rest).strip():
        return None
    when = wall(day or now.date(), clock or _DEFAULT_TIME, tz).astimezone(tz)
    if day is None and clock is None:
        return None
    if when > now and any(re.search(rf"\b{name[:3]}", phrase) for name in WEEKDAYS):
        when -= timedelta(days=7)  # "Monday 9am" said on Monday at 8am means last week
    return when


def _take_day(phrase: str, now: datetime) -> tuple[date | None, str]:
    today = now.date()
    for word, offset in (("today", 0), ("yesterday", 1), ("day before yesterday", 2)):
        if re.search(rf"\b{word}\b", phrase):
            return today - timedelta(days=offset), re.sub(rf"\b{word}\b", " ", phrase)
    for index, name in enumerate(WEEKDAYS):
        match = re.search(rf"\b(last\s+|on\s+)?({name}|{name[:3]})\b", phrase)
        if match:
            back = (today.weekday() - index) % 7 or (7 if match.group(1) == "last " else 0)
            return today - timedelta(days=back), phrase[: match.start()] + " " + phrase[match.end() :]
    return _take_date(phrase, today)


def _take_date(phrase: str, today: date) -> tuple[date | None, str]:
    month_names = "|".join(MONTHS)
    patterns = (
        rf"\b(?P<month>{month_names})[a-z]*\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<year>\d{{4}}))?\b",
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{month_names})[a-z]*\.?(?:\s+(?P<year>\d{{4}}))?\b",
    )
    for pattern in patterns:
        match = re.search(pattern, phrase)
        if not match:
            continue
        month = MONTHS.index(match.group("month")[:3]) + 1
        year = int(match.group("year")) if match.group("year") else today.year
        try:
            day = date(year, month, int(match.group("day")))
        except ValueError:
            return None, phrase
        if not match.group("year") and day > today:
            day = day.replace(year=year - 1)
        return day, phrase[: match.start()] + " " + phrase[match.end() :]
    return None, phrase
