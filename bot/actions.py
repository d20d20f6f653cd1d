"""Outbound actions: what the engine asks an adapter to show; neutral plain text, escaped by adapters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.answers import Answers
from bot.drafts import Draft, DraftsDocument
from bot.vocabulary import ReminderKind as Kind

# The kinds a finished debrief schedules (a digest only ever comes from the scheduler); a StrEnum member
# serialises as its plain string ("send_by", "follow_up").
ReminderKind = Literal[Kind.SEND_BY, Kind.FOLLOW_UP]
EndReason = Literal["done", "cancelled"]


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Ask:
    """Ask one question. `field` is the answers-document path; `choices` only for choice questions.

    `navigation` lists the navigation commands that make sense here (adapters may show them as buttons).
    `fields` lists every answers path one line fills, in order, when there are several (`field` is the first);
    the parts of such an answer may be separated by `;`.
    """

    field: str
    text: str
    choices: tuple[Choice, ...] = ()
    optional: bool = False
    navigation: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Say:
    """Information, a confirmation or a validation problem."""

    text: str


@dataclass(frozen=True, slots=True)
class DraftsReady:
    """The composed notes; `conversation_id` lets adapters offer actions on them.

    `answers` are the validated answers the notes were composed from: the one shape storage and reminders
    read afterwards (one note per interviewer, in the order of `answers.interviewers`).
    """

    drafts: DraftsDocument
    conversation_id: int | None = None
    answers: Answers | None = None


@dataclass(frozen=True, slots=True)
class ReminderScheduled:
    kind: ReminderKind
    due_at: datetime


@dataclass(frozen=True, slots=True)
class End:
    reason: EndReason


@dataclass(frozen=True, slots=True)
class Nudge:
    """A reminder delivered to the user, with one-click `options` (values as in `events.ReminderAction`).

    `draft` is a ready-to-copy check-in email for follow-ups.
    """

    reminder_id: int
    kind: str
    text: str
    options: tuple[Choice, ...] = ()
    draft: Draft | None = None


Action = Ask | Say | DraftsReady | ReminderScheduled | End | Nudge
