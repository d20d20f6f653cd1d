"""Inbound events: what adapters hand to the service, with no platform types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Command = Literal["back", "skip", "cancel", "restart", "help", "edit", "resume"]
COMMANDS: tuple[Command, ...] = ("back", "skip", "cancel", "restart", "help", "edit", "resume")


@dataclass(frozen=True, slots=True)
class Address:
    """Enough to reach a user again later (a stored conversation reference).

    `workspace` is the Slack team id, the Discord guild id (or "@dm"), or "local" for the console;
    `channel` is the DM channel to answer in.
    """

    platform: str
    workspace: str
    channel: str
    user: str

    @property
    def key(self) -> tuple[str, str, str]:
        """One open conversation per user per workspace."""
        return (self.platform, self.workspace, self.user)


@dataclass(frozen=True, slots=True)
class Start:
    """The user asked to begin (or resume) a debrief; `timezone` is the platform's idea of the user's zone."""

    address: Address
    event_id: str
    timezone: str | None = None


@dataclass(frozen=True, slots=True)
class TextAnswer:
    """Free text typed by the user; may be an answer or a navigation word."""

    address: Address
    event_id: str
    text: str


@dataclass(frozen=True, slots=True)
class ChoiceMade:
    """A button click; `field` is the question the button belonged to, so stale clicks are detected."""

    address: Address
    event_id: str
    field: str
    value: str


@dataclass(frozen=True, slots=True)
class Navigate:
    """A navigation command from a button or slash-command option (`argument` is the field for `edit`).

    `question` is the question a button was shown under, so the engine can tell a click on an old one.
    """

    address: Address
    event_id: str
    command: Command
    argument: str | None = None
    question: str | None = None


@dataclass(frozen=True, slots=True)
class DraftAction:
    """A button on a delivered draft: `tone:<formal|warm|concise>`, `edit`, or `sent` (`position` = which note)."""

    address: Address
    event_id: str
    conversation_id: int
    action: str
    position: int | None = None


@dataclass(frozen=True, slots=True)
class ReminderAction:
    """A button on a reminder: `sent`, `replied`, `snooze:1h`, `snooze:tomorrow`, `snooze:week` or `stop`."""

    address: Address
    event_id: str
    reminder_id: int
    action: str


@dataclass(frozen=True, slots=True)
class FormSubmitted:
    """A debrief filled in as a form (`bot/forms.py`): `values` are (key, text) pairs as typed or picked.

    `stage`: `done` (the whole form: show the summary), `page` (one page of several: save it), or `closed`
    (closed unfinished: keep what is valid, go on in the chat). `timezone` and `locale` are the platform's idea
    of the member's zone and locale ("en-GB": how they write dates), when it has one.
    """

    address: Address
    event_id: str
    values: tuple[tuple[str, str], ...]
    stage: Literal["done", "page", "closed"] = "done"
    timezone: str | None = None
    locale: str | None = None


Event = Start | TextAnswer | ChoiceMade | Navigate | DraftAction | ReminderAction | FormSubmitted
ConversationEvent = Start | TextAnswer | ChoiceMade | Navigate
