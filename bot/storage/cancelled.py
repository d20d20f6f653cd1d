"""Cancelled debriefs keep their answers for a day, so `undo` can bring one back; after that they are wiped."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.events import Address
from bot.storage.models import Conversation
from bot.vocabulary import ConversationStatus

#: How long `undo` can bring back a cancelled debrief.
UNDO_WINDOW = timedelta(hours=24)


async def latest_cancelled(session: AsyncSession, *, address: Address, now: datetime) -> Conversation | None:
    """The user's most recent cancelled debrief that still holds answers and is inside the undo window."""
    platform, workspace, user = address.key
    statement = (
        select(Conversation)
        .where(
            col(Conversation.platform) == platform,
            col(Conversation.workspace) == workspace,
            col(Conversation.user_id) == user,
            col(Conversation.status) == ConversationStatus.CANCELLED,
            col(Conversation.updated_at) >= now - UNDO_WINDOW,
        )
        .order_by(col(Conversation.updated_at).desc(), col(Conversation.id).desc())
        .limit(1)
    )
    row = (await session.execute(statement)).scalars().first()
    return row if row is not None and row.answers else None


async def wipe_expired_cancellations(session: AsyncSession, *, now: datetime) -> int:
    """Clear the answers of debriefs cancelled more than a day ago (run by the retention job)."""
    statement = (
        update(Conversation)
        .where(
            col(Conversation.status) == ConversationStatus.CANCELLED,
            col(Conversation.updated_at) < now - UNDO_WINDOW,
        )
        .values(answers={}, progress={})
    )
    result = await session.execute(statement)
    return int(result.rowcount)  # type: ignore[attr-defined]
