"""Natural-language times for "when was it?": resolved in the user's zone, never in the future."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_PARTS_OF_DAY = {
    "morning": time(9),
    "noon": time(12),
    "midday": time(12),
    "afternoon": time(14),
    "evening": time(18),
    "tonight": time(19),
    "night": time(19),
}
_DEFAULT_TIME = time(12)
_TIME = re.compile(r"\b(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?=\s|$)")
_AGO = re.compile(r"^(an?|\d+)\s+(minute|min|hour|hr|day)s?\s+ago$")


class WhenProblem(ValueError):
    """The text is not a usable past time; the message tells the user what to write."""


def parse_past(text: str, *, now: datetime, tz: ZoneInfo) -> datetime:
    """Resolve `text` to an aware datetime in `tz`; raise WhenProblem if unclear or in the future."""
    local_now = now.astimezone(tz)
    phrase = " ".join(text.lower().replace(",", " ").split())
    if not phrase:
        raise WhenProblem('Please tell me when it was, for example "yesterday 3pm".')
    moment = _iso(text.strip(), tz) or _relative(phrase, local_now) or _calendar(phrase, local_now, tz)
    if moment is None:
        raise WhenProblem(
            'I couldn\'t read that time. Try "today at 10", "yesterday 3pm", "Friday 9:30" or 2026-11-20 14:00.'
        )
    if moment > local_now + timedelta(minutes=1):
        raise WhenProblem("That time is in the future. When did the conversation actually happen?")
    if moment < local_now - timedelta(days=366):
        raise WhenProblem("That's more than a year ago. Please check the date, e.g. 2026-11-20 14:00.")
    return moment


def _iso(text: str, tz: ZoneInfo) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return _normalise(value.replace(tzinfo=tz), tz) if value.tzinfo is None else value.astimezone(tz)


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
        raise WhenProblem("That sounds like the future. When did the conversation happen?")
    clock, rest = take_clock_time(phrase)
    day, rest = _take_day(rest, now)
    if re.sub(r"\b(at|on)\b", " ", rest).strip():
        return None
    when = _normalise(datetime.combine(day or now.date(), clock or _DEFAULT_TIME, tzinfo=tz), tz)
    if day is None and clock is None:
        return None
    if when > now and any(re.search(rf"\b{name[:3]}", phrase) for name in WEEKDAYS):
        when -= timedelta(days=7)  # "Monday 9am" said on Monday at 8am means last week
    return when


def _normalise(when: datetime, tz: ZoneInfo) -> datetime:
    """Skip over times that do not exist on a daylight-saving spring-forward day."""
    return when.astimezone(ZoneInfo("UTC")).astimezone(tz)


def take_clock_time(phrase: str) -> tuple[time | None, str]:
    """Find a time of day ("3pm", "at 9", "14:30", "this morning"); return it and the rest of the phrase."""
    for word, value in _PARTS_OF_DAY.items():
        if re.search(rf"\b(this\s+)?{word}\b", phrase):
            return value, re.sub(rf"\b(this\s+|in\s+the\s+)?{word}\b", " ", phrase)
    for match in _TIME.finditer(phrase):
        hour, minute, meridiem = int(match.group(1)), int(match.group(2) or 0), match.group(3)
        if match.group(2) is None and meridiem is None and "at" not in match.group(0):
            continue  # a bare number is more likely a day of the month
        if meridiem:
            if not 1 <= hour <= 12:
                return None, phrase
            hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
        if hour > 23 or minute > 59:
            return None, phrase
        return time(hour, minute), phrase[: match.start()] + " " + phrase[match.end() :]
    return None, phrase


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
