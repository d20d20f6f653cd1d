"""Buttons on delivered drafts: change the tone, or reopen the debrief to edit an answer.

An ordinary handler of the service's pipeline: the engine decides what to say and what the state becomes,
and the result goes through the same versioned save as every turn. "Mark as sent" belongs to the note's
life cycle (`bot.reminders`), which also settles the send-by nudge.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot import messages
from bot.actions import Action, DraftsReady, Say
from bot.conversation.engine import Engine
from bot.events import DraftAction, Event
from bot.storage.models import Conversation
from bot.storage.store import load_active, save_notes, save_state, to_state
from bot.vocabulary import TONE_PREFIX, ConversationStatus, DraftActionName


class DraftActionHandler:
    """Handles `DraftAction` events except `sent`; returns None for everything else."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    async def handle(self, session: AsyncSession, event: Event, now: datetime) -> list[Action] | None:
        if not isinstance(event, DraftAction) or event.action == DraftActionName.SENT:
            return None
        row = await session.get(Conversation, event.conversation_id)
        if row is None or row.id is None:
            return [Say(messages.text("notes_gone"))]
        if (row.platform, row.workspace, row.user_id) != event.address.key:
            return [Say(messages.text("notes_not_yours"))]
        if event.action.startswith(TONE_PREFIX):
            return await self._retone(session, row, event, now)
        if event.action == DraftActionName.EDIT:
            return await self._reopen(session, row, event, now)
        return [Say(messages.text("button_not_recognised"))]

    async def _retone(
        self, session: AsyncSession, row: Conversation, event: DraftAction, now: datetime
    ) -> list[Action]:
        state, actions = self.engine.retone(to_state(row), event.action.removeprefix(TONE_PREFIX), now)
        if state is None:
            return actions
        conversation_id = await save_state(session, row=row, state=state, address=event.address, now=now)
        return [
            await save_notes(session, conversation_id=conversation_id, address=event.address, ready=a, now=now)
            if isinstance(a, DraftsReady)
            else a
            for a in actions
        ]

    async def _reopen(
        self, session: AsyncSession, row: Conversation, event: DraftAction, now: datetime
    ) -> list[Action]:
        if row.status != ConversationStatus.ACTIVE and await load_active(session, address=event.address) is not None:
            return [Say(messages.text("other_debrief_open"))]
        state, actions = self.engine.reopen(to_state(row), now)
        assert state is not None
        await save_state(session, row=row, state=state, address=event.address, now=now)
        return actions
