"""What actually reached a user: the question they last saw and which notes were delivered.

Written only after a send succeeded (`ConversationService.delivered`), never in the turn's own transaction, so
a reply that failed or a process killed between commit and send leaves the record pointing at what the user
really saw. The turn's save never touches these columns, so recording a delivery is no version conflict.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.events import Address
from bot.storage.models import Conversation, Note
from bot.vocabulary import ConversationStatus

#: At most this many finished debriefs are re-sent in one reply (normally there is one)
MAX_RESENT = 3


async def mark_shown(session: AsyncSession, *, address: Address, step: str) -> None:
    """The user's open debrief: `step` is the question they last saw."""
    platform, workspace, user = address.key
    await session.execute(
        update(Conversation)
        .where(
            col(Conversation.platform) == platform,
            col(Conversation.workspace) == workspace,
            col(Conversation.user_id) == user,
            col(Conversation.status) == ConversationStatus.ACTIVE,
        )
        .values(shown_step=step)
    )


async def mark_notes_delivered(
    session: AsyncSession, *, address: Address, conversation_ids: Collection[int], now: datetime
) -> None:
    """Every note of these debriefs reached the user (only the user's own rows are touched)."""
    if not conversation_ids:
        return
    platform, workspace, user = address.key
    await session.execute(
        update(Note)
        .where(
            col(Note.conversation_id).in_(list(conversation_ids)),
            col(Note.platform) == platform,
            col(Note.workspace) == workspace,
            col(Note.user_id) == user,
            col(Note.delivered_at).is_(None),
        )
        .values(delivered_at=now)
    )


async def undelivered(
    session: AsyncSession, *, address: Address, leave_out: Collection[int] = ()
) -> list[tuple[Conversation, list[Note]]]:
    """Debriefs with notes that never reached the user, oldest first, each with all its notes in order."""
    platform, workspace, user = address.key
    waiting = select(col(Note.conversation_id)).where(
        col(Note.platform) == platform,
        col(Note.workspace) == workspace,
        col(Note.user_id) == user,
        col(Note.delivered_at).is_(None),
    )
    ids = sorted({i for i in (await session.execute(waiting)).scalars() if i not in leave_out})[-MAX_RESENT:]
    if not ids:
        return []
    notes = (
        await session.execute(select(Note).where(col(Note.conversation_id).in_(ids)).order_by(col(Note.position)))
    ).scalars()
    by_conversation: dict[int, list[Note]] = {i: [] for i in ids}
    for note in notes:
        by_conversation[note.conversation_id].append(note)
    found: list[tuple[Conversation, list[Note]]] = []
    for conversation_id in ids:
        row = await session.get(Conversation, conversation_id)
        if row is not None:
            found.append((row, by_conversation[conversation_id]))
    return found
