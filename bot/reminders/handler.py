"""The reminder `EventHandler`: reminder buttons, "Mark as sent" on drafts, and typed reminder commands.

It runs inside the service's transaction before the debrief engine and returns None for anything else.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot import messages
from bot.actions import Action, Say
from bot.events import Address, DraftAction, Event, ReminderAction, TextAnswer
from bot.reminders import lifecycle
from bot.reminders.commands import HELP, Command, parse
from bot.reminders.settings import run_setting
from bot.storage.models import Conversation, Reminder
from bot.storage.store import answers_of, load_active
from bot.time.future import parse_future
from bot.time.local import next_week, tomorrow_morning
from bot.time.reading import WhenProblem
from bot.vocabulary import (
    ANSWERED_NOTES,
    FINISHED_REMINDERS,
    OPEN_NOTES,
    SNOOZE_PREFIX,
    UPCOMING_REMINDERS,
    DraftActionName,
    NoteStatus,
    ReminderActionName,
    ReminderKind,
    ReminderStatus,
)

NOT_YOUR_REMINDER = messages.text("reminder_not_yours")
NOTHING_TO_SNOOZE = messages.text("reminder_nothing_to_snooze")
_FMT = "%a %d %b, %H:%M"


class ReminderHandler:
    """Pass to `ConversationService(handlers=[ReminderHandler(...)])`."""

    def __init__(self, *, default_timezone: str = "UTC") -> None:
        self.default_timezone = default_timezone

    async def handle(self, session: AsyncSession, event: Event, now: datetime) -> list[Action] | None:
        if isinstance(event, ReminderAction):
            return await self.act(session, event.address, event.reminder_id, event.action, now)
        if isinstance(event, DraftAction) and event.action == DraftActionName.SENT:
            return await self._draft_sent(session, event, now)
        if isinstance(event, TextAnswer):
            command = parse(event.text, debrief_open=False)
            if command is None:
                return None
            meant_for_us = parse(event.text, debrief_open=True) is not None and command.verb != "unknown"
            if not meant_for_us and await load_active(session, address=event.address):
                return None  # inside a debrief only "reminders …" is a command; the rest answers
            return await self._command(session, event.address, command, now)
        return None

    async def _zone(self, session: AsyncSession, address: Address, conversation_id: int | None = None) -> ZoneInfo:
        prefs = await lifecycle.prefs_for(session, *address.key)
        conversation = await session.get(Conversation, conversation_id) if conversation_id else None
        return lifecycle.zone_for(prefs, conversation, self.default_timezone)

    async def _draft_sent(self, session: AsyncSession, event: DraftAction, now: datetime) -> list[Action]:
        row = await session.get(Conversation, event.conversation_id)
        if row is None or row.id is None:
            return [Say(messages.text("notes_gone"))]
        if not lifecycle.owns(row, event.address):
            return [Say(messages.text("notes_not_yours"))]
        if not await lifecycle.notes_sent(session, row.id, now=now, position=event.position):
            return [Say(messages.text("note_already_sent"))]
        return [Say(messages.text("note_marked_sent") + await self._next(session, row.id))]

    async def _next(self, session: AsyncSession, conversation_id: int) -> str:
        conversation = await session.get(Conversation, conversation_id)
        assert conversation is not None
        tz = await self._zone(session, _address(conversation), conversation_id)
        following = [r for r in await lifecycle.upcoming(session, _address(conversation))
                     if r.conversation_id == conversation_id and r.kind == ReminderKind.FOLLOW_UP]  # fmt: skip
        if not following:
            return ""
        when = following[0].due_at.astimezone(tz).strftime(_FMT)
        return " " + messages.text("follow_up_promise", when=when)

    async def act(
        self, session: AsyncSession, address: Address, reminder_id: int, action: str, now: datetime
    ) -> list[Action]:
        """A reminder button (or its typed twin): sent, replied, snooze:*, stop."""
        row = await session.get(Reminder, reminder_id)
        if row is None:
            return [Say(messages.text("reminder_not_found", n=reminder_id))]
        if not lifecycle.owns(row, address):
            return [Say(NOT_YOUR_REMINDER)]
        company = await self._company(session, row)
        if action.startswith(SNOOZE_PREFIX):
            return await self._snooze(session, row, action.removeprefix(SNOOZE_PREFIX), now)
        if action == ReminderActionName.SENT:
            if row.conversation_id is None:
                return [Say(messages.text("reminder_noted"))]
            if row.kind == ReminderKind.SEND_BY:
                await lifecycle.notes_sent(session, row.conversation_id, now=now, position=None)
                return [Say(messages.text("reminder_marked_sent") + await self._next(session, row.conversation_id))]
            return [Say(messages.text("checkin_sent_thanks"))]
        if action in (ReminderActionName.REPLIED, ReminderActionName.STOP):
            if row.conversation_id is not None:
                final = NoteStatus.REPLIED if action == ReminderActionName.REPLIED else NoteStatus.CLOSED
                await lifecycle.mark_notes(session, row.conversation_id, to=final, now=now,
                                           only=OPEN_NOTES)  # fmt: skip
                await lifecycle.cancel_rest(session, row.conversation_id, now=now)
            await _cancel(session, row, now)
            if action == ReminderActionName.REPLIED:
                return [Say(messages.text("reminders_replied", for_company=company))]
            return [Say(messages.text("reminders_stopped", for_company=company))]
        return [Say(messages.text("button_not_recognised"))]

    async def _snooze(self, session: AsyncSession, row: Reminder, how: str, now: datetime) -> list[Action]:
        tz = await self._zone(session, _address(row), row.conversation_id)
        due = {"1h": now + timedelta(hours=1), "tomorrow": tomorrow_morning(now, tz), "week": next_week(now, tz)}.get(
            how
        )
        if due is None:
            return [Say(messages.text("snooze_unknown"))]
        if await self._finished(session, row) or not await lifecycle.rearm(session, row, due=due, now=now):
            return [Say(NOTHING_TO_SNOOZE)]
        return [Say(messages.text("snoozed", when=due.astimezone(tz).strftime(_FMT)))]

    async def _finished(self, session: AsyncSession, row: Reminder) -> bool:
        if row.status in FINISHED_REMINDERS:
            return True
        if row.conversation_id is None:
            return row.kind == ReminderKind.DIGEST
        notes = (await lifecycle.notes_of(session, [row.conversation_id]))[row.conversation_id]
        if row.kind == ReminderKind.SEND_BY and notes and not any(n.status == NoteStatus.DRAFTED for n in notes):
            return True  # everything is sent already: the nudge has done its job
        return bool(notes) and all(n.status in ANSWERED_NOTES for n in notes)

    async def _company(self, session: AsyncSession, row: Reminder) -> str:
        conversation = await session.get(Conversation, row.conversation_id) if row.conversation_id else None
        answers = answers_of(conversation) if conversation is not None else None
        return " " + messages.text("for_company", company=answers.company) if answers is not None else ""

    async def _command(self, session: AsyncSession, address: Address, command: Command, now: datetime) -> list[Action]:
        if command.verb == "list":
            return [Say(await self._list(session, address, now))]
        if command.verb == "help":
            return [Say(HELP)]
        if command.verb in ("pause", "resume", "timezone", "quiet"):
            tz = await self._zone(session, address)
            return [Say(await run_setting(session, address, command, now, tz))]
        if command.verb == "act" and command.target is not None:
            return await self.act(session, address, command.target, command.argument, now)
        if command.verb in ("move", "cancel") and command.target is not None:
            return [Say(await self._change(session, address, command, now))]
        return [Say(messages.text("reminder_command_unknown") + "\n" + HELP)]

    async def _change(self, session: AsyncSession, address: Address, command: Command, now: datetime) -> str:
        assert command.target is not None
        row = await session.get(Reminder, command.target)
        if row is None or not lifecycle.owns(row, address):
            return messages.text("reminder_not_found", n=command.target)
        if row.status not in UPCOMING_REMINDERS:
            return messages.text("reminder_not_waiting", n=command.target)
        tz = await self._zone(session, address, row.conversation_id)
        if command.verb == "cancel":
            await _cancel(session, row, now)
            return messages.text("reminder_cancelled", n=command.target)
        try:
            due = parse_future(command.argument, now=now, tz=tz)
        except WhenProblem as problem:
            return str(problem)
        await lifecycle.rearm(session, row, due=due, now=now)
        return messages.text("reminder_moved", n=command.target, when=due.astimezone(tz).strftime(_FMT))

    async def _list(self, session: AsyncSession, address: Address, now: datetime) -> str:
        rows = await lifecycle.upcoming(session, address)
        if not rows:
            return messages.text("reminders_none")
        tz = await self._zone(session, address)
        lines = [messages.text("reminders_list_intro", zone=tz.key)]
        for row in rows:
            what: dict[str, str] = {
                ReminderKind.SEND_BY: messages.text("reminder_what_send_by"),
                ReminderKind.FOLLOW_UP: messages.text("reminder_what_follow_up"),
            }
            lines.append(messages.text("reminders_list_item", n=row.id,
                                       what=what.get(row.kind, messages.text("reminder_what_other")),
                                       for_company=await self._company(session, row),
                                       when=row.due_at.astimezone(tz).strftime(_FMT)))  # fmt: skip
        prefs = await lifecycle.prefs_for(session, *address.key)
        if prefs is not None and prefs.paused_until is not None and prefs.paused_until > now:
            lines.append(messages.text("reminders_list_paused", until=prefs.paused_until.astimezone(tz).strftime(_FMT)))
        first = rows[0].id
        lines.append(messages.text("reminders_list_outro", n=first))
        return "\n".join(lines)


def _address(row: Reminder | Conversation) -> Address:
    return Address(row.platform, row.workspace, getattr(row, "channel", ""), row.user_id)


async def _cancel(session: AsyncSession, row: Reminder, now: datetime) -> None:
    await session.execute(
        update(Reminder)
        .where(col(Reminder.id) == row.id, col(Reminder.status).in_(sorted(UPCOMING_REMINDERS)))
        .values(status=ReminderStatus.CANCELLED, lease_until=None, updated_at=now)
    )
