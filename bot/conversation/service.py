"""The one path every adapter uses: dedupe → load → handle → persist (one transaction) → deliver."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import messages
from bot.actions import Action, Ask, DraftsReady, ReminderScheduled, Say
from bot.conversation.engine import Engine
from bot.errors import ConversationConflict
from bot.events import DraftAction, Event, ReminderAction, Start, TextAnswer
from bot.ports import EventHandler, Sender
from bot.storage.store import (
    load_active,
    mark_processed,
    save_notes,
    save_state,
    schedule_reminders,
    to_state,
    user_timezone,
)
from bot.time import zones
from bot.time.clock import Clock, SystemClock

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


class ConversationService:
    """Owns transactions around the pure engine; adapters only translate and deliver."""

    def __init__(
        self,
        *,
        sessions: async_sessionmaker[AsyncSession],
        engine: Engine,
        clock: Clock | None = None,
        default_timezone: str = "UTC",
        handlers: Sequence[EventHandler] = (),
    ) -> None:
        self.sessions = sessions
        self.engine = engine
        self.handlers = list(handlers)
        self.clock = clock or SystemClock()
        self.default_timezone = default_timezone

    async def handle(self, event: Event, sender: Sender) -> list[Action]:
        """Process one event exactly once and deliver what it produced; a repeated event id does nothing."""
        actions = await self.process(event)
        if actions:
            await sender.send(event.address, actions)
        return actions

    async def process(self, event: Event) -> list[Action]:
        """Everything but delivery; retried when a concurrent writer got there first."""
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                return await self._once(event)
            except ConversationConflict:
                log.info("conversation conflict, retrying", extra={"platform": event.address.platform, "try": attempt})
        raise ConversationConflict("too many concurrent updates to one conversation")

    async def _once(self, event: Event) -> list[Action]:
        address = event.address
        now = self.clock.now()
        async with self.sessions() as session, session.begin():
            if not await mark_processed(session, platform=address.platform, event_id=event.event_id, now=now):
                log.info("duplicate event ignored", extra={"platform": address.platform})
                return []
            for handler in self.handlers:
                handled = await handler.handle(session, event, now)
                if handled is not None:
                    return await self._then_current_question(session, event, handled, now)
            if isinstance(event, DraftAction | ReminderAction):  # no handler took it: a button we no longer serve
                return [Say(messages.text("button_not_recognised"))]
            row = await load_active(session, address=address)
            timezone = "UTC" if row else await self._timezone(session, event)
            if isinstance(event, Start):
                event = replace(event, timezone=timezone)
            state, actions = self.engine.handle(to_state(row) if row else None, event, now, timezone=timezone)
            if state is None:
                return actions
            conversation_id = await save_state(session, row=row, state=state, address=address, now=now)
            actions = await self._persist_results(session, conversation_id, event, actions)
        log.info(
            "event handled",
            extra={"platform": address.platform, "conversation": conversation_id, "status": state.status},
        )
        return actions

    async def _then_current_question(
        self, session: AsyncSession, event: Event, actions: list[Action], now: datetime
    ) -> list[Action]:
        """After a side command typed mid-debrief, repeat the open question so the user knows where they are."""
        if not isinstance(event, TextAnswer) or any(isinstance(a, Ask) for a in actions):
            return actions
        row = await load_active(session, address=event.address)
        if row is None:
            return actions
        return [*actions, self.engine.current_question(to_state(row), now)]

    async def _persist_results(
        self, session: AsyncSession, conversation_id: int, event: Event, actions: list[Action]
    ) -> list[Action]:
        """Notes and reminders of a finishing turn, in the turn's transaction."""
        now = self.clock.now()
        result: list[Action] = []
        for action in actions:
            if isinstance(action, DraftsReady):
                action = await save_notes(
                    session, conversation_id=conversation_id, address=event.address, ready=action, now=now
                )
            result.append(action)
        reminders = [a for a in actions if isinstance(a, ReminderScheduled)]
        if reminders:
            await schedule_reminders(
                session, conversation_id=conversation_id, address=event.address, reminders=reminders, now=now
            )
        return result

    async def _timezone(self, session: AsyncSession, event: Event) -> str:
        """The platform's zone for the user, else their saved preference, else the configured default."""
        given = event.timezone if isinstance(event, Start) else None
        return zones.first_known(given, await user_timezone(session, address=event.address), self.default_timezone)
