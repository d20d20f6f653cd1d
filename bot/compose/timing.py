"""When to send the note and when to follow up, in the user's zone.

The advice behind the numbers: docs/ARCHITECTURE.md, "Rules the notes follow".

Exported for the reminders scheduler, so a nudge and the drafts document never disagree.
All arithmetic on durations is done in UTC; wall-clock times (9:00, 10:00) are built in the user's zone,
so 9:00 stays 9:00 across a daylight-saving change. Business days are Monday to Friday (no holidays).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from bot.time.business_days import add_business_days, is_business_day, next_business_day
from bot.time.deadline import parse_deadline
from bot.time.local import wall

#: The advice: 2–4 hours after the interview is the sweet spot.
SWEET_SPOT = timedelta(hours=4)
#: A same-day send-by later than this is an evening email; the next business morning is better.
SAME_DAY_LATEST = time(19, 0)
#: "Next business morning" and the earliest same-day send-by.
MORNING = time(9, 0)
#: Follow-ups go out mid-morning on a business day.
FOLLOW_UP_TIME = time(10, 0)
#: With no stated timeline, follow up one week after the interview.
DEFAULT_FOLLOW_UP = timedelta(days=7)
#: Follow up this many business days after the employer's stated deadline.
FOLLOW_UP_GRACE_DAYS = 2

#: "final round with the CEO next Tuesday": the date is another step, not the decision; a check-in comes a
#: week after that step (a nudge two days after it would only crowd the new interview's own thank-you).
_ANOTHER_STEP = re.compile(
    r"(?i)\b(?:rounds?|interviews?|onsite|on-site|panel|take-home|assessment|presentation|case study|"
    r"(?:call|meet|meeting|chat) with)\b"
)
#: "decide", "offer", "hear back": the step named is the decision, whatever else it mentions.
_DECISION = re.compile(r"(?i)\b(?:decid\w*|decision|offers?|hear(?:ing)? back|let (?:me|us) know|get back|answer)\b")
#: The member's guess or hope ("idk maybe friday", "by end of month hopefully 🤞", "2 weeks??"), which a
#: check-in must never quote back to the employer as what they said.
_UNSURE = re.compile(
    r"(?i)\?|🤞|\b(?:idk|dunno|no (?:clue|idea)|not sure|unsure|maybe|hopefully|i hope|hoping|probably|i think|"
    r"i guess|might|possibly|perhaps|fingers crossed|who knows|i don['’]?t know)\b"
)

__all__ = ["Offsets", "follow_up_at", "send_by", "stated_timeline"]


@dataclass(frozen=True, slots=True)
class Offsets:
    """A community's own reminder timing (`/thankyou admin nudge 24h`, `checkin 7 days`); None keeps the
    built-in rule. Captured when a debrief starts and kept with it, so its drafts, its reminders and a resent
    copy of its notes always agree."""

    send_by_hours: int | None = None
    follow_up_days: int | None = None

    def to_json(self) -> dict[str, int]:
        return {k: v for k, v in (("send_by_hours", self.send_by_hours), ("follow_up_days", self.follow_up_days)) if v}

    @classmethod
    def from_json(cls, value: Any) -> Offsets | None:
        """What `to_json` stored (None when nothing valid was: the built-in rules apply)."""
        if not isinstance(value, dict):
            return None
        hours, days = value.get("send_by_hours"), value.get("follow_up_days")
        found = cls(hours if _positive(hours) else None, days if _positive(days) else None)
        return found if found.to_json() else None


def _positive(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _ceil_minute(moment: datetime) -> datetime:
    rounded = moment.replace(second=0, microsecond=0)
    return rounded if rounded == moment else rounded + timedelta(minutes=1)


def _send_by_after(moment: datetime, tz: tzinfo) -> datetime:
    """The built-in rule: within the sweet spot the same day, else the next business morning."""
    local = moment.astimezone(tz)
    target = (moment.astimezone(UTC) + SWEET_SPOT).astimezone(tz)
    if target.date() == local.date() and target.time() <= SAME_DAY_LATEST:
        return _ceil_minute(max(target, wall(local.date(), MORNING, tz).astimezone(tz)))
    return wall(next_business_day(local.date()), MORNING, tz).astimezone(tz)


def _in_working_hours(target: datetime, tz: tzinfo) -> datetime:
    """`target`, or the next business morning when it falls at night or on a weekend (no 3 a.m. nudges)."""
    local = target.astimezone(tz)
    day = local.date()
    if is_business_day(day) and local.time() < MORNING:
        return wall(day, MORNING, tz).astimezone(tz)
    if is_business_day(day) and local.time() <= SAME_DAY_LATEST:
        return _ceil_minute(local)
    return wall(next_business_day(day), MORNING, tz).astimezone(tz)


def send_by(interview_at: datetime, *, tz: tzinfo, now: datetime | None = None, hours: int | None = None) -> datetime:
    """Same day (within the 4-hour sweet spot) when the interview ended early enough, else the next
    business morning. A community may set its own `hours` after the interview instead (kept inside
    working hours on a business day). If that moment has already passed at `now`, the built-in rule is
    applied from `now`: the note should still go out today, or first thing on the next business morning."""
    if hours is None:
        ideal = _send_by_after(interview_at, tz)
    else:
        ideal = _in_working_hours(interview_at.astimezone(UTC) + timedelta(hours=hours), tz)
    if now is not None and ideal < now:
        return _send_by_after(now, tz)
    return ideal


def follow_up_at(
    interview_at: datetime, next_steps: str | None, *, tz: tzinfo, not_before: datetime | None = None,
    days: int | None = None,
) -> datetime:  # fmt: skip
    """Two business days after the timeline they gave (parsed from `next_steps`), else a week (or the
    community's `days`) after the interview; always on a business morning, and never before `not_before`
    (e.g. the send-by time). A stated timeline wins over `days`: a check-in before it has passed is pointless."""
    local_day = interview_at.astimezone(tz).date()
    deadline = parse_deadline(next_steps, today=local_day) if next_steps else None
    if deadline is not None and _another_step(next_steps or ""):
        day = _business_day_on_or_after(deadline + DEFAULT_FOLLOW_UP)
    elif deadline is not None:
        day = add_business_days(deadline, FOLLOW_UP_GRACE_DAYS)
    else:
        day = _business_day_on_or_after(local_day + (DEFAULT_FOLLOW_UP if days is None else timedelta(days=days)))
    result = wall(day, FOLLOW_UP_TIME, tz).astimezone(tz)
    if not_before is not None and result <= not_before:
        first = add_business_days(not_before.astimezone(tz).date(), FOLLOW_UP_GRACE_DAYS)
        result = wall(first, FOLLOW_UP_TIME, tz).astimezone(tz)
    return result


def _business_day_on_or_after(day: date) -> date:
    return day if is_business_day(day) else next_business_day(day)


def _another_step(next_steps: str) -> bool:
    return bool(_ANOTHER_STEP.search(next_steps)) and not _DECISION.search(next_steps)


def stated_timeline(next_steps: str | None, *, today: date | None = None) -> bool:
    """Whether `next_steps` is a timeline the employer gave, so a check-in may refer to "the timeline you
    mentioned": a date can be read from it (from `today`, the interview day, when known), and it is neither
    the member's question nor their hope. Its words are never quoted: they were typed for the bot."""
    if not next_steps or _UNSURE.search(next_steps) or _another_step(next_steps):
        return False
    return today is None or parse_deadline(next_steps, today=today) is not None
