"""Natural-language times for "when was it?": resolved in the user's zone, never in the future.

Our rules, whoever reads the words (our own fast paths first, `dateparser` only as a fallback):

- **Never in the future** (a minute of slack for clocks), and **not more than a year ago**.
- **In the user's zone**, DST-safe: every answer is a wall-clock time made by `bot.time.local.wall`.
- **A bare hour is an afternoon when the morning is implausible.** An hour said without am/pm, a part of the
  day or a leading zero ("at 2", "2:30", "around 4") from 1:00 to 6:59 means 13:00–18:59; 7–12 stay as read.
  If that afternoon time is still to come today, the morning reading is kept when it is past ("at 2:30" said
  at 10:00 is 02:30), else the answer is refused as in the future. A named weekday that is today ("Monday
  at 2" said on Monday at 10:00) means last week's, as for any time on that weekday not reached yet.
- **Vague words are ignored**: "around 2", "about 3pm", "at like 10", "~2", "noonish".
- **A day without a time is noon**; a part of the day without a time is its usual hour ("this afternoon" is
  14:00). If that is still to come today but the day (or that part of it) has begun, it is now: "earlier
  today" said at 9:05 is 9:05, "this afternoon" said at 13:10 is 13:10; "this evening" said then is refused.
- **A lone number after a day word is an hour** ("yesterday 2", "tue 3"), under the afternoon rule above.
- **Numeric dates** follow `date_order` ("MDY", the US default, or "DMY"), unless only the other reading is a
  date: "29/11" and "11/29" are 29 November either way. "2026-11-29" is always year-month-day.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot import messages
from bot.time.local import same_time_later, wall
from bot.time.reading import MONTH_WORD, MONTHS, WEEKDAYS, ClockReading, WhenProblem, read_iso, take_time_of_day

_DEFAULT_TIME = time(12)
_AGO = re.compile(r"^(an?|\d{1,5})\s+(minute|min|hour|hr|day)s?\s+ago$")
#: A bare hour read this early is an afternoon: nobody is interviewed at 2:30 in the morning.
_IMPLAUSIBLE_MORNING = range(1, 7)
#: The hour each part of the day has begun by, for "this afternoon" said during the afternoon.
_PART_STARTS = {"morning": 5, "noon": 11, "midday": 11, "afternoon": 12, "evening": 17, "tonight": 18, "night": 18}
_SOUNDS_FUTURE = re.compile(r"\b(tomorrow|next|in\s+\d+|in\s+an?)\b")

#: Words people shorten, and the word our readers know.
_SPELLINGS = {
    "tues": "tuesday",
    "thurs": "thursday",
    "thur": "thursday",
    "weds": "wednesday",
    "yday": "yesterday",
    "yest": "yesterday",
    "ystd": "yesterday",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tmw": "tomorrow",
    "tomorow": "tomorrow",
    "tommorow": "tomorrow",
}
_SHORTHAND = re.compile(r"\b(" + "|".join(_SPELLINGS) + r")\b")
#: Words that only say the time is approximate; they read as "at".
_VAGUE = re.compile(r"~|\b(around|about|approximately|approx|roughly|like|maybe|sometime|circa|ca)\b")

_ISO_DATE = re.compile(r"\b(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b")
_NUMERIC_DATE = re.compile(
    r"(?<![\d:.])(?P<a>\d{1,2})(?:[/-](?P<b>\d{1,2})(?:[/-](?P<y>\d{4}|\d{2}))?|\.(?P<b2>\d{1,2})\.(?P<y2>\d{4}|\d{2})?)"
    r"(?![\d:])"
)


def parse_past(text: str, *, now: datetime, tz: ZoneInfo, date_order: str = "MDY") -> datetime:
    """Resolve `text` to an aware datetime in `tz`; raise WhenProblem if unclear or in the future.

    `date_order` says how to read numeric dates such as 11/12: "MDY" (month first) or "DMY" (day first).
    """
    local_now = now.astimezone(tz)
    phrase = _normalise(text)
    if not phrase:
        raise WhenProblem(messages.text("when_past_empty"))
    moment = (
        _iso(text.strip(), tz)
        or _relative(phrase, local_now, tz)
        or _calendar(phrase, local_now, tz, date_order)
        or _fallback(phrase, local_now, tz, date_order)
    )
    if moment is None:
        raise WhenProblem(messages.text("when_past_unreadable"))
    if moment > local_now + timedelta(minutes=1):
        raise WhenProblem(messages.text("when_past_in_future"))
    if moment < local_now - timedelta(days=366):
        raise WhenProblem(messages.text("when_past_too_old"))
    return moment


def _normalise(text: str) -> str:
    """Lower case, single spaces, shorthand spelled out, vague words read as "at"."""
    phrase = " ".join(text.lower().replace(",", " ").split())
    phrase = _SHORTHAND.sub(lambda match: _SPELLINGS[match.group(1)], phrase)
    phrase = re.sub(r"\bearlier\s+today\b", "today", phrase)
    phrase = re.sub(r"\blast\s+night\b", "yesterday night", phrase)
    phrase = re.sub(r"\b(\d{1,2}(?::\d{2})?)\s*-?\s*ish\b", r"at \1", phrase)  # "2ish" is a time
    phrase = re.sub(r"(?<=[mn])\s*-?\s*ish\b", "", phrase)  # "2pm-ish", "noonish"
    phrase = _VAGUE.sub(" at ", phrase)
    phrase = re.sub(r"\bat(\s+at)+\b", "at", phrase)  # "at like 10", "at ~2"
    return " ".join(phrase.split())


def _iso(text: str, tz: ZoneInfo) -> datetime | None:
    moment = read_iso(text, tz)
    return moment.astimezone(tz) if moment is not None else None


def _relative(phrase: str, now: datetime, tz: ZoneInfo) -> datetime | None:
    if phrase in ("now", "just now", "right now"):
        return now.replace(second=0, microsecond=0)
    match = _AGO.match(phrase)
    if not match:
        return None
    amount = 1 if match.group(1) in ("a", "an") else int(match.group(1))
    if match.group(2) == "day":  # the same wall-clock time that many days ago
        return same_time_later(now.replace(second=0, microsecond=0), tz, -amount).astimezone(tz)
    unit = {"minute": "minutes", "min": "minutes", "hour": "hours", "hr": "hours"}[match.group(2)]
    elapsed = now.astimezone(UTC) - timedelta(**{unit: amount})  # real time, across a clock change
    return elapsed.astimezone(tz).replace(second=0, microsecond=0)


def _calendar(phrase: str, now: datetime, tz: ZoneInfo, date_order: str) -> datetime | None:
    """A day word or date plus an optional time of day."""
    if _SOUNDS_FUTURE.search(phrase):
        raise WhenProblem(messages.text("when_past_sounds_future"))
    day, rest = _take_numeric_date(phrase, now.date(), date_order)
    clock, rest = take_time_of_day(rest)
    weekday = False
    if day is None:
        day, weekday, rest = _take_day(rest, now.date())
        hour = re.fullmatch(r"\s*(?:at\s+|on\s+)*(\d{1,2})\s*", rest)
        if day is not None and clock is None and hour and 1 <= int(hour.group(1)) <= 12:
            clock, rest = ClockReading(time(int(hour.group(1))), bare=True), ""  # "yesterday 2", "friday 10"
    if re.sub(r"\b(at|on|the)\b", " ", rest).strip() or (day is None and clock is None):
        return None
    return _resolve(day or now.date(), clock, now, tz, weekday=weekday)


def _resolve(day: date, clock: ClockReading | None, now: datetime, tz: ZoneInfo, *, weekday: bool) -> datetime:
    """`clock` on `day` in `tz`, under the rules in this module's docstring."""

    def at(on: date, value: time) -> datetime:
        return wall(on, value, tz).astimezone(tz)

    if clock is None:
        when = at(day, _DEFAULT_TIME)
        return now.replace(second=0, microsecond=0) if when > now and day == now.date() else when
    if clock.bare and clock.at.hour in _IMPLAUSIBLE_MORNING:
        afternoon = at(day, clock.at.replace(hour=clock.at.hour + 12))
        if afternoon <= now:
            return afternoon
        if weekday:  # "Monday at 2" said on Monday morning: last Monday afternoon
            return at(day - timedelta(days=7), afternoon.timetz().replace(tzinfo=None))
        morning = at(day, clock.at)
        return morning if morning <= now else afternoon
    when = at(day, clock.at)
    if when > now and weekday:
        return at(day - timedelta(days=7), clock.at)  # "Monday 9am" said on Monday at 8am means last week
    if when > now and clock.part is not None and day == now.date() and now.hour >= _PART_STARTS[clock.part]:
        return now.replace(second=0, microsecond=0)  # "this afternoon" said at 13:10
    return when


def _take_day(phrase: str, today: date) -> tuple[date | None, bool, str]:
    """A day word, weekday or written date; whether it was a weekday; the rest of the phrase."""
    for word, offset in (("day before yesterday", 2), ("today", 0), ("yesterday", 1)):
        if re.search(rf"\b{word}\b", phrase):
            return today - timedelta(days=offset), False, re.sub(rf"\b{word}\b", " ", phrase)
    for index, name in enumerate(WEEKDAYS):
        match = re.search(rf"\b(last\s+|on\s+|this\s+|this\s+past\s+)?({name}|{name[:3]})\b", phrase)
        if match:
            back = (today.weekday() - index) % 7 or (7 if (match.group(1) or "").startswith("last") else 0)
            return today - timedelta(days=back), back == 0, phrase[: match.start()] + " " + phrase[match.end() :]
    match = re.search(r"\b(an?|\d{1,3})\s+days?\s+ago\b", phrase)  # "2 days ago around 3"
    if match:
        back = 1 if match.group(1) in ("a", "an") else int(match.group(1))
        return today - timedelta(days=back), False, phrase[: match.start()] + " " + phrase[match.end() :]
    day, rest = _take_date(phrase, today)
    return day, False, rest


def _take_date(phrase: str, today: date) -> tuple[date | None, str]:
    month_names = MONTH_WORD
    patterns = (
        rf"\b(?P<month>{month_names})\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<year>\d{{4}}))?\b",
        rf"\b(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{month_names})(?:\s+(?P<year>\d{{4}}))?\b",
    )
    for pattern in patterns:
        match = re.search(pattern, phrase)
        if not match:
            continue
        month = MONTHS.index(match.group("month")[:3]) + 1
        day = _date(match.group("year"), month, int(match.group("day")), today)
        if day is None:
            return None, phrase
        return day, phrase[: match.start()] + " " + phrase[match.end() :]
    match = re.search(r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b", phrase)  # "the 28th": this month or last
    if match:
        number = int(match.group(1))
        month_start = today.replace(day=1)
        for first in (month_start, (month_start - timedelta(days=1)).replace(day=1)):
            candidate = _date(str(first.year), first.month, number, today)
            if candidate is not None and candidate <= today:
                return candidate, phrase[: match.start()] + " " + phrase[match.end() :]
    return None, phrase


def _take_numeric_date(phrase: str, today: date, date_order: str) -> tuple[date | None, str]:
    """ "2026-11-29", "11/29", "29/11", "11/29/26", "29.11.2026" in `date_order` (see the module docstring)."""
    match = _ISO_DATE.search(phrase)
    if match:
        day = _date(match.group("y"), int(match.group("m")), int(match.group("d")), today)
    else:
        match = _NUMERIC_DATE.search(phrase)
        if not match:
            return None, phrase
        first, second = int(match.group("a")), int(match.group("b") or match.group("b2"))
        year = match.group("y") or match.group("y2")
        day_first = date_order.upper().find("D") < date_order.upper().find("M")
        month, day_number = (second, first) if day_first else (first, second)
        if month > 12:  # only one reading is a date: "29/11" month first, "11/29" day first
            month, day_number = day_number, month
        day = _date(year, month, day_number, today)
    if day is None:
        return None, phrase
    return day, phrase[: match.start()] + " " + phrase[match.end() :]


def _date(year: str | None, month: int, day: int, today: date) -> date | None:
    """The date; without a year, the latest one not after today."""
    full_year = today.year if not year else int(year) + (2000 if len(year) == 2 else 0)
    try:
        value = date(full_year, month, day)
    except ValueError:
        return None
    if not year and value > today:
        try:
            value = value.replace(year=full_year - 1)
        except ValueError:  # 29 February
            return None
    return value


def _fallback(phrase: str, now: datetime, tz: ZoneInfo, date_order: str) -> datetime | None:
    """Phrasings our rules don't cover ("29 November at 2pm", "last friday 3pm", "2 weeks ago"), read by
    dateparser and then put under our rules. Imported here: it is slow to import, and most answers never
    need it. Only words go to it (digits and punctuation alone are ours to read), and only an answer that
    names a day or a time is taken ("december", "last month" are too vague to write a note by)."""
    if not re.search(r"[a-z]{2}", re.sub(r"\b(at|on|the|am|pm)\b", " ", phrase)):
        return None
    if _ISO_DATE.search(phrase) or _NUMERIC_DATE.search(phrase) or re.search(r"\b(today|yesterday)\b", phrase):
        return None  # ours to read: what we could not ("2/30", "yesterday 45") is not for guessing
    clock, _ = take_time_of_day(phrase)
    if clock is None and re.search(r"\d[:.]\d\d", phrase):
        return None  # a clock time we could not read ("25:00")
    from dateparser.date import DateDataParser  # lazy on purpose: the cold start of `draft`

    # dateparser gets the user's wall clock as a naive "now" and gives back a naive wall time, which we place
    # in the zone ourselves (`wall` is our DST rule). Its TIMEZONE setting would compare "prefer the past"
    # against UTC, so a time earlier today could read as yesterday (dateparser issue #403). A zone or offset
    # written in the text still comes back aware, and is kept.
    settings: dict[str, object] = {
        "RELATIVE_BASE": now.replace(tzinfo=None, second=0, microsecond=0),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY" if date_order.upper().find("D") < date_order.upper().find("M") else "MDY",
        "PARSERS": ["relative-time", "absolute-time"],
        "RETURN_TIME_AS_PERIOD": True,
    }
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(phrase)
    found: datetime | None = data.date_obj
    if found is None or not (data.period in ("day", "time") or (data.period == "week" and "ago" in phrase)):
        return None
    if found.tzinfo is not None:  # the text named its own zone or offset: that instant, shown locally
        return found.astimezone(tz)
    named = [index for index, name in enumerate(WEEKDAYS) if re.search(rf"\b({name}|{name[:3]})\b", phrase)]
    if named and found.weekday() not in named:
        return None  # it dropped a word: "tue 13" is not Friday the 13th
    if clock is not None and found.time().replace(second=0, microsecond=0) not in (clock.at, _later(clock.at)):
        return None  # it read the time as something else ("the 28th at 3" as March): not a guess we take
    if clock is None and data.period == "day" and "ago" not in phrase:
        return _resolve(found.date(), None, now, tz, weekday=False)  # a day without a time: noon
    if clock is not None and clock.bare and clock.at == found.time().replace(second=0, microsecond=0):
        return _resolve(found.date(), clock, now, tz, weekday=False)
    return wall(found.date(), found.time().replace(microsecond=0), tz).astimezone(tz)


def _later(value: time) -> time:
    return value.replace(hour=(value.hour + 12) % 24)
