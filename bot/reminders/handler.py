"""The reminder `EventHandler`: reminder buttons, "I sent it" on drafts, and typed reminder commands.

It runs inside the service's transaction before the debrief engine and returns None for anything else.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.actions import Action, Say
from bot.conversation.draft_actions import GONE, NOT_YOURS
from bot.events import Address, DraftAction, Event, ReminderAction, TextAnswer
from bot.reminders import lifecycle
from bot.reminders.commands import HELP, Command, parse
from bot.reminders.settings import privacy_command, run_setting
from bot.storage.models import Conversation, Reminder
from bot.storage.store import load_active
from bot.time.local import next_week, parse_future, tomorrow_morning
from bot.time.past import WhenProblem

NOT_YOUR_REMINDER = "That reminder belongs to someone else, so I've left it alone."
NOT_FOUND = "I can't find reminder {n}. Type reminders to see the ones coming up."
NOTHING_TO_SNOOZE = "There's nothing to snooze: that reminder is already finished or cancelled."
_FMT = "%a %d %b, %H:%M"


class ReminderHandler:
    """Pass to `ConversationService(handlers=[ReminderHandler(...)])`."""

    def __init__(self, *, default_timezone: str = "UTC") -> None:
        self.default_timezone = default_timezone

    async def handle(self, session: AsyncSession, event: Event, now: datetime) -> list[Action] | None:
        if isinstance(event, ReminderAction):
            return await self.act(session, event.address, event.reminder_id, event.action, now)
        if isinstance(event, DraftAction) and event.action == "sent":
            return await self._draft_sent(session, event, now)
        if isinstance(event, TextAnswer):
            command = parse(event.text, debrief_open=False)
            if command is None:
                return None
            meant_for_us = parse(event.text, debrief_open=True) is not None and command.verb != "unknown"
            if not meant_for_us and await load_active(session, address=event.address):
                return None  # inside a debrief only "reminders …" or a privacy request is a command; the rest answers
            return await self._command(session, event.address, command, now)
        return None

    async def _zone(self, session: AsyncSession, address: Address, conversation_id: int | None = None) -> ZoneInfo:
        prefs = await lifecycle.prefs_for(session, *address.key)
        conversation = await session.get(Conversation, conversation_id) if conversation_id else None
        return lifecycle.zone_for(prefs, conversation, self.default_timezone)

    async def _draft_sent(self, session: AsyncSession, event: DraftAction, now: datetime) -> list[Action]:
        row = await session.get(Conversation, event.conversation_id)
        if row is None or row.id is None:
            return [Say(GONE)]
        if not lifecycle.owns(row, event.address):
            return [Say(NOT_YOURS)]
        if not await lifecycle.notes_sent(session, row.id, now=now, position=event.position):
            return [Say("That note is already marked as sent.")]
        return [Say("Marked as sent. Well done, that's the part most people skip!" + await self._next(session, row.id))]

    async def _next(self, session: AsyncSession, conversation_id: int) -> str:
        conversation = await session.get(Conversation, conversation_id)
        assert conversation is not None
        tz = await self._zone(session, _address(conversation), conversation_id)
        following = [r for r in await lifecycle.upcoming(session, _address(conversation))
                     if r.conversation_id == conversation_id and r.kind == "follow_up"]  # fmt: skip
        if not following:
            return ""
        when = following[0].due_at.astimezone(tz).strftime(_FMT)
        return f" If you haven't heard back by {when}, I'll send you a short check-in email to copy."

    async def act(
        self, session: AsyncSession, address: Address, reminder_id: int, action: str, now: datetime
    ) -> list[Action]:
        """A reminder button (or its typed twin): sent, replied, snooze:*, stop."""
        row = await session.get(Reminder, reminder_id)
        if row is None:
            return [Say(NOT_FOUND.format(n=reminder_id))]
        if not lifecycle.owns(row, address):
            return [Say(NOT_YOUR_REMINDER)]
        company = await self._company(session, row)
        if action.startswith("snooze:"):
            return await self._snooze(session, row, action.removeprefix("snooze:"), now)
        if action == "sent":
            if row.conversation_id is None:
                return [Say("Noted. Well done!")]
            if row.kind == "send_by":
                await lifecycle.notes_sent(session, row.conversation_id, now=now, position=None)
                return [Say("Marked as sent. Well done!" + await self._next(session, row.conversation_id))]
            return [Say("Thanks for sending the check-in. Fingers crossed for good news!")]
        if action in ("replied", "stop"):
            if row.conversation_id is not None:
                final = "replied" if action == "replied" else "closed"
                await lifecycle.mark_notes(session, row.conversation_id, to=final, now=now,
                                           only=("drafted", "sent", "no_reply"))  # fmt: skip
                await lifecycle.cancel_rest(session, row.conversation_id, now=now)
            await _cancel(session, row, now)
            if action == "replied":
                return [Say(f"That's great news! I've stopped the reminders{company}. Good luck with what's next!")]
            return [Say(f"Okay, no more reminders{company}. You can start a new debrief any time.")]
        return [Say("I didn't recognise that button. Please try again.")]

    async def _snooze(self, session: AsyncSession, row: Reminder, how: str, now: datetime) -> list[Action]:
        tz = await self._zone(session, _address(row), row.conversation_id)
        due = {"1h": now + timedelta(hours=1), "tomorrow": tomorrow_morning(now, tz), "week": next_week(now, tz)}.get(
            how
        )
        if due is None:
            return [Say("I didn't recognise that snooze. Try 1 hour, tomorrow morning or next week.")]
        if await self._finished(session, row) or not await lifecycle.rearm(session, row, due=due, now=now):
            return [Say(NOTHING_TO_SNOOZE)]
        return [Say(f"Okay, I'll remind you again {due.astimezone(tz).strftime(_FMT)}.")]

    async def _finished(self, session: AsyncSession, row: Reminder) -> bool:
        if row.status in lifecycle.FINISHED:
            return True
        if row.conversation_id is None:
            return row.kind == "digest"
        notes = (await lifecycle.notes_of(session, [row.conversation_id]))[row.conversation_id]
        if row.kind == "send_by" and notes and not any(n.status == "drafted" for n in notes):
            return True  # everything is sent already: the nudge has done its job
        return bool(notes) and all(n.status in ("replied", "closed") for n in notes)

    async def _company(self, session: AsyncSession, row: Reminder) -> str:
        conversation = await session.get(Conversation, row.conversation_id) if row.conversation_id else None
        company = conversation.answers.get("company") if conversation is not None else None
        return f" for {company}" if isinstance(company, str) and company else ""

    async def _command(self, session: AsyncSession, address: Address, command: Command, now: datetime) -> list[Action]:
        if command.verb == "list":
            return [Say(await self._list(session, address, now))]
        if command.verb == "help":
            return [Say(HELP)]
        if command.verb in ("forget", "forget-now", "export"):
            return [Say(await privacy_command(session, address, command.verb))]
        if command.verb in ("pause", "resume", "timezone", "quiet"):
            tz = await self._zone(session, address)
            return [Say(await run_setting(session, address, command, now, tz))]
        if command.verb == "act" and command.target is not None:
            return await self.act(session, address, command.target, command.argument, now)
        if command.verb in ("move", "cancel") and command.target is not None:
            return [Say(await self._change(session, address, command, now))]
        return [Say("I didn't catch that reminder command.\n" + HELP)]

    async def _change(self, session: AsyncSession, address: Address, command: Command, now: datetime) -> str:
        assert command.target is not None
        row = await session.get(Reminder, command.target)
        if row is None or not lifecycle.owns(row, address):
            return NOT_FOUND.format(n=command.target)
        if row.status not in lifecycle.UPCOMING:
            return f"Reminder {command.target} isn't waiting any more, so there's nothing to change."
        tz = await self._zone(session, address, row.conversation_id)
        if command.verb == "cancel":
            await _cancel(session, row, now)
            return f"Cancelled reminder {command.target}."
        try:
            due = parse_future(command.argument, now=now, tz=tz)
        except WhenProblem as problem:
            return str(problem)
        await lifecycle.rearm(session, row, due=due, now=now)
        return f"Done: reminder {command.target} moved to {due.astimezone(tz).strftime(_FMT)}."

    async def _list(self, session: AsyncSession, address: Address, now: datetime) -> str:
        rows = await lifecycle.upcoming(session, address)
        if not rows:
            return "You have no reminders coming up. Type reminders help to see what I can do."
        tz = await self._zone(session, address)
        lines = ["Your reminders (times in " + tz.key + "):"]
        for row in rows:
            what = {"send_by": "send your thank-you notes", "follow_up": "check in if you haven't heard back"}
            lines.append(f"• {row.id}: {what.get(row.kind, 'reminder')}{await self._company(session, row)}, "
                         f"{row.due_at.astimezone(tz).strftime(_FMT)}")  # fmt: skip
        prefs = await lifecycle.prefs_for(session, *address.key)
        if prefs is not None and prefs.paused_until is not None and prefs.paused_until > now:
            lines.append(f"Paused until {prefs.paused_until.astimezone(tz).strftime(_FMT)}.")
        first = rows[0].id
        lines.append(f"Change one with e.g. reminders move {first} tomorrow 9am, or reminders cancel {first}.")
        return "\n".join(lines)


def _address(row: Reminder | Conversation) -> Address:
    return Address(row.platform, row.workspace, getattr(row, "channel", ""), row.user_id)


async def _cancel(session: AsyncSession, row: Reminder, now: datetime) -> None:
    await session.execute(
        update(Reminder)
        .where(col(Reminder.id) == row.id, col(Reminder.status).in_(lifecycle.UPCOMING))
        .values(status="cancelled", lease_until=None, updated_at=now)
    )
