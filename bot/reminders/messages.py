"""What a delivered reminder says: the nudge text, its one-click options and the check-in email draft.

Check-in emails come from `templates/checkins/` (sandboxed Jinja2, StrictUndefined; user text is only
ever a variable). Short, specific, and never "just checking in".
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from bot import TEMPLATES_DIR, messages
from bot.actions import Choice, Nudge
from bot.answers import Answers, Interviewer
from bot.compose.timing import stated_timeline
from bot.drafts import Draft, Recipient
from bot.storage.models import Conversation, Note, Reminder
from bot.storage.store import answers_of
from bot.vocabulary import OPEN_NOTES, NoteStatus, ReminderActionName, ReminderKind

TEMPLATES = TEMPLATES_DIR / "checkins"
OPTIONS = (
    Choice(ReminderActionName.SENT, messages.text("label_reminder_sent")),
    Choice(ReminderActionName.REPLIED, messages.text("label_reminder_replied")),
    Choice(ReminderActionName.SNOOZE_HOUR, messages.text("label_reminder_snooze_hour")),
    Choice(ReminderActionName.SNOOZE_TOMORROW, messages.text("label_reminder_snooze_tomorrow")),
    Choice(ReminderActionName.SNOOZE_WEEK, messages.text("label_reminder_snooze_week")),
    Choice(ReminderActionName.STOP, messages.text("label_reminder_stop")),
)
OPEN_FOR_SEND = frozenset({NoteStatus.DRAFTED})
OPEN_FOR_CHECKIN = OPEN_NOTES


@lru_cache(maxsize=1)
def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=FileSystemLoader(str(TEMPLATES)),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
    )


def names(people: list[str]) -> str:
    """ "Priya", "Priya and Sam", "Priya, Sam and Lee"."""
    if len(people) <= 1:
        return "".join(people)
    return ", ".join(people[:-1]) + " and " + people[-1]


def build_nudge(reminder: Reminder, conversation: Conversation | None, notes: list[Note], tz: ZoneInfo) -> Nudge | None:
    """The message for a due reminder, or None when the note's life cycle has made it pointless."""
    assert reminder.id is not None
    if reminder.kind == ReminderKind.DIGEST:
        return Nudge(reminder.id, ReminderKind.DIGEST, digest_text(reminder.payload or {}, tz), ())
    answers = answers_of(conversation) if conversation is not None else None
    company = answers.company if answers is not None else (notes[0].company if notes else "")
    at = " " + messages.text("at_company", company=company) if company else ""
    if reminder.kind == ReminderKind.SEND_BY:
        waiting = [n.interviewer for n in notes if n.status in OPEN_FOR_SEND]
        if notes and not waiting:
            return None
        who = " " + messages.text("to_people", people=names(waiting)) if waiting else ""
        text = messages.text("nudge_send_by", to_people=who, at_company=at)
        return Nudge(reminder.id, reminder.kind, text, OPTIONS)
    open_notes = [n for n in notes if n.status in OPEN_FOR_CHECKIN]
    if notes and not open_notes:
        return None
    first = open_notes[0] if open_notes else None
    draft = checkin_draft(answers, first, reminder.sequence, tz) if answers and first else None
    last = " " + messages.text("nudge_last") if reminder.sequence >= 2 else ""
    who = " " + messages.text("for_person", person=first.interviewer) if first is not None else ""
    text = messages.text("nudge_follow_up", at_company=at, for_person=who) + last
    return Nudge(reminder.id, reminder.kind, text, OPTIONS, draft)


def checkin_draft(answers: Answers, note: Note, sequence: int, tz: ZoneInfo) -> Draft:
    """A ready-to-copy check-in email to one interviewer (first or second, the last one)."""
    person = _interviewer(answers, note)
    template = _environment().get_template("second.txt.j2" if sequence >= 2 else "first.txt.j2")
    text = template.render(
        first_name=note.interviewer.split()[0] if note.interviewer.split() else note.interviewer,
        company=answers.company,
        role_or_meeting=(
            messages.text("checkin_role", role=answers.role) if answers.role else messages.text("checkin_meeting")
        ),
        interview_day=_day(answers.interview_at, tz),
        discussed=_topic(person.discussed if person else None),
        timeline_mentioned=stated_timeline(answers.next_steps, today=_local_day(answers.interview_at, tz)),
        candidate=answers.candidate,
    )
    subject, _, body = text.partition("\n\n")
    email = person.email if person else None
    return Draft(
        to=Recipient(name=note.interviewer, email=email), channel="email", subject=subject.strip(),
        body=body.strip(), words=len(body.split()), checks=[],
    )  # fmt: skip


def digest_text(payload: dict[str, Any], tz: ZoneInfo) -> str:
    """One "while I was away" message instead of a pile of stale reminders."""
    items = payload.get("items", [])
    lines = [messages.text("digest_intro")]
    for item in items if isinstance(items, list) else []:
        send_by = item.get("kind") == ReminderKind.SEND_BY
        what = messages.text("reminder_what_send_by" if send_by else "digest_what_follow_up")
        company = f" ({item['company']})" if item.get("company") else ""
        lines.append(messages.text("digest_item", what=what, company=company, when=_when(item.get("due_at"), tz)))
    lines.append(messages.text("digest_outro"))
    return "\n".join(lines)


def _interviewer(answers: Answers, note: Note) -> Interviewer | None:
    """The person a note is for: its position is the interviewer's index (checked by name, in case the
    answers were edited after the notes were written)."""
    people = answers.interviewers
    if 0 <= note.position < len(people) and people[note.position].name == note.interviewer:
        return people[note.position]
    return next((p for p in people if p.name == note.interviewer), None)


def _topic(discussed: str | None) -> str:
    """What was discussed, as the note read it: only a topic fits "what you said on …" (a typed sentence,
    a question or a ramble never goes into the check-in as typed)."""
    if not discussed:
        return ""
    from bot.compose.shapes import read  # the composer's reader, loaded only when a check-in is written

    reading = read("discussed", discussed)
    return reading.text if reading.form == "topic" and not reading.shortened else ""


def _local_day(moment: datetime | None, tz: ZoneInfo) -> date | None:
    return moment.astimezone(tz).date() if moment is not None else None


def _day(moment: datetime | None, tz: ZoneInfo) -> str:
    if moment is None:
        return messages.text("checkin_day_unknown")
    return moment.astimezone(tz).strftime("%A, %B %-d")


def _when(value: object, tz: ZoneInfo) -> str:
    try:
        return datetime.fromisoformat(str(value)).astimezone(tz).strftime("%a %d %b %H:%M")
    except ValueError:
        return messages.text("digest_when_unknown")
