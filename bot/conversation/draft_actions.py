"""Buttons on delivered drafts: change the tone, reopen the debrief to edit an answer, mark as sent."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.actions import Action, DraftsReady, Say
from bot.answers import TONES, parse_answers
from bot.conversation.engine import Engine
from bot.conversation.state import CONFIRM
from bot.errors import AnswersInvalid
from bot.events import DraftAction, Navigate
from bot.storage.models import Conversation, Note
from bot.storage.store import load_active, save_notes, save_state, to_state

NOT_YOURS = "That button belongs to someone else's notes, so I've left them alone."
GONE = "I can't find those notes any more. They may have been deleted. Start a new debrief any time."


class DraftActions:
    """The default handler for `DraftAction` events (reminder features may handle `sent` before it)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    async def handle(self, session: AsyncSession, event: DraftAction, now: datetime) -> list[Action]:
        row = await session.get(Conversation, event.conversation_id)
        if row is None:
            return [Say(GONE)]
        if (row.platform, row.workspace, row.user_id) != event.address.key:
            return [Say(NOT_YOURS)]
        if event.action.startswith("tone:"):
            return await self._retone(session, row, event.action.removeprefix("tone:"), event, now)
        if event.action == "edit":
            return await self._reopen(session, row, event, now)
        if event.action == "sent":
            return await self._mark_sent(session, row, event.position, now)
        return [Say("I didn't recognise that button. Please try again.")]

    async def _retone(
        self, session: AsyncSession, row: Conversation, tone: str, event: DraftAction, now: datetime
    ) -> list[Action]:
        if tone not in TONES:
            return [Say(f"Please pick one of these tones: {', '.join(TONES)}.")]
        try:
            answers = parse_answers({**row.answers, "tone": tone})
        except AnswersInvalid:
            return [Say(GONE)]
        drafts = self.engine.compose(answers, tz=ZoneInfo(row.timezone), now=now)
        row.answers = {**row.answers, "tone": tone}  # reassign: JSON columns don't track in-place changes
        row.updated_at = now
        row.version += 1
        assert row.id is not None
        await save_notes(
            session, conversation_id=row.id, address=event.address, drafts=drafts, company=answers.company, now=now
        )
        return [Say(f"Here are your notes again in a {tone} tone."), DraftsReady(drafts, row.id)]

    async def _reopen(
        self, session: AsyncSession, row: Conversation, event: DraftAction, now: datetime
    ) -> list[Action]:
        if row.status == "active":
            state = to_state(row)
        elif await load_active(session, address=event.address) is not None:
            return [Say("You have another debrief in progress. Finish or cancel it first, then try again.")]
        else:
            state = to_state(row).with_(status="active", cursor=CONFIRM)
        resumed, actions = self.engine.handle(state, Navigate(event.address, event.event_id, "resume"), now)
        assert resumed is not None
        await save_state(session, row=row, state=resumed, address=event.address, now=now)
        hint = Say("Sure. Type edit and the question to change, e.g. edit company or edit discussed 1.")
        return [hint, *actions[1:]]

    async def _mark_sent(
        self, session: AsyncSession, row: Conversation, position: int | None, now: datetime
    ) -> list[Action]:
        statement = update(Note).where(col(Note.conversation_id) == row.id, col(Note.status) == "drafted")
        if position is not None:
            statement = statement.where(col(Note.position) == position)
        result = await session.execute(statement.values(status="sent", updated_at=now))
        if not result.rowcount:  # type: ignore[attr-defined]
            return [Say("That note is already marked as sent.")]
        return [Say("Marked as sent. Well done, that's the part most people skip!")]
