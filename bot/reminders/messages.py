"""What a delivered reminder says: the nudge text, its one-click options and the check-in email draft.

Check-in emails come from `templates/checkins/` (sandboxed Jinja2, StrictUndefined; user text is only
ever a variable). Short, specific, and never "just checking in".
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from bot import TEMPLATES_DIR
from bot.actions import Choice, Nudge
from bot.drafts import Draft, Recipient
from bot.storage.models import Conversation, Note, Reminder

TEMPLATES = TEMPLATES_DIR / "checkins"
OPTIONS = (
    Choice("sent", "Sent"),
    Choice("replied", "They replied"),
    Choice("snooze:1h", "Snooze 1 hour"),
    Choice("snooze:tomorrow", "Tomorrow morning"),
    Choice("snooze:week", "Next week"),
    Choice("stop", "Stop reminders"),
)
OPEN_FOR_SEND = ("drafted",)
OPEN_FOR_CHECKIN = ("drafted", "sent", "no_reply")


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
    if reminder.kind == "digest":
        return Nudge(reminder.id, "digest", digest_text(reminder.payload or {}, tz), ())
    company = conversation.answers.get("company") if conversation is not None else None
    at = f" at {company}" if isinstance(company, str) and company else ""
    if reminder.kind == "send_by":
        waiting = [n.interviewer for n in notes if n.status in OPEN_FOR_SEND]
        if notes and not waiting:
            return None
        who = f" to {names(waiting)}" if waiting else ""
        text = (
            f"A gentle nudge: your thank-you notes{who}{at} are ready to send. Sending them today keeps you "
            "fresh in their minds. Already sent? Tap Sent and I'll stop reminding you."
        )
        return Nudge(reminder.id, reminder.kind, text, OPTIONS)
    open_notes = [n for n in notes if n.status in OPEN_FOR_CHECKIN]
    if notes and not open_notes:
        return None
    first = open_notes[0] if open_notes else None
    draft = checkin_draft(conversation, first, reminder.sequence, tz) if conversation and first else None
    last = " This is my last check-in reminder for this one." if reminder.sequence >= 2 else ""
    who = f" for {first.interviewer}" if first is not None else ""
    text = (
        f"Any news{at}? If you haven't heard back, here is a short check-in email{who} you can copy and send."
        f" Heard back already? Tap They replied.{last}"
    )
    return Nudge(reminder.id, reminder.kind, text, OPTIONS, draft)


def checkin_draft(conversation: Conversation, note: Note, sequence: int, tz: ZoneInfo) -> Draft:
    """A ready-to-copy check-in email to one interviewer (first or second, the last one)."""
    answers: dict[str, Any] = conversation.answers
    person = _interviewer(answers, note.position)
    template = _environment().get_template("second.txt.j2" if sequence >= 2 else "first.txt.j2")
    text = template.render(
        first_name=note.interviewer.split()[0] if note.interviewer.split() else note.interviewer,
        company=str(answers.get("company") or note.company),
        role_or_meeting=f"{answers['role']} role" if answers.get("role") else "conversation",
        interview_day=_day(answers.get("interview_at"), tz),
        discussed=person.get("discussed") or "",
        next_steps=answers.get("next_steps") or "",
        candidate=str(answers.get("candidate") or ""),
    )
    subject, _, body = text.partition("\n\n")
    email = person.get("email") if isinstance(person.get("email"), str) else None
    return Draft(
        to=Recipient(name=note.interviewer, email=email), channel="email", subject=subject.strip(),
        body=body.strip(), words=len(body.split()), checks=[],
    )  # fmt: skip


def digest_text(payload: dict[str, Any], tz: ZoneInfo) -> str:
    """One "while I was away" message instead of a pile of stale reminders."""
    items = payload.get("items", [])
    lines = ["While I was away, these reminders came due and I didn't want to flood you with them:"]
    for item in items if isinstance(items, list) else []:
        what = "send your thank-you notes" if item.get("kind") == "send_by" else "check in if you hadn't heard back"
        company = f" ({item['company']})" if item.get("company") else ""
        lines.append(f"• {what}{company}, due {_when(item.get('due_at'), tz)}")
    lines.append("If any still matter, type reminders to see what's left, or reply to them when you can.")
    return "\n".join(lines)


def _interviewer(answers: dict[str, Any], position: int) -> dict[str, Any]:
    people = answers.get("interviewers")
    if isinstance(people, list) and 0 <= position < len(people) and isinstance(people[position], dict):
        found: dict[str, Any] = people[position]
        return found
    return {}


def _day(value: object, tz: ZoneInfo) -> str:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return "the day we met"
    return moment.astimezone(tz).strftime("%A, %B %-d") if moment.tzinfo else moment.strftime("%A, %B %-d")


def _when(value: object, tz: ZoneInfo) -> str:
    try:
        return datetime.fromisoformat(str(value)).astimezone(tz).strftime("%a %d %b %H:%M")
    except ValueError:
        return "earlier"
