"""Per-community retention: a community may keep its members' finished debriefs, notes and reminders for
fewer days than the bot-wide 180 (`bot/storage/privacy.py` removes everything older anyway).

A debrief belongs to a community when it lives in its workspace (Slack) or its member came from the guild
(`community_members`, Discord, whose debriefs live under "@dm"); a member of several communities gets the
shortest period. Reminders still to come or mid-send keep their debrief, as in the global purge. Finished
channel-post rows and members' community links older than the bot-wide limit go as well.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.community.queue import PostStatus
from bot.storage.models import ChannelPost, CommunityMember, CommunitySettings, Conversation, Note, Reminder
from bot.storage.privacy import KEEP_DAYS
from bot.vocabulary import LIVE_REMINDERS, ConversationStatus


async def purge_communities(session: AsyncSession, *, now: datetime, platforms: list[str]) -> int:
    """Delete what communities with a shorter retention no longer keep; returns debriefs removed."""
    shorter = select(CommunitySettings).where(
        col(CommunitySettings.platform).in_(platforms), col(CommunitySettings.retention_days) < KEEP_DAYS
    )
    removed = 0
    for community in (await session.execute(shorter)).scalars().all():
        removed += await _purge_one(session, community, now - timedelta(days=community.retention_days))
    cutoff = now - timedelta(days=KEEP_DAYS)  # the bookkeeping of old posts and members' links expires too
    finished = [PostStatus.SENT.value, PostStatus.FAILED.value, PostStatus.UNKNOWN.value]
    await session.execute(
        delete(ChannelPost).where(col(ChannelPost.status).in_(finished), col(ChannelPost.updated_at) < cutoff)
    )
    await session.execute(delete(CommunityMember).where(col(CommunityMember.seen_at) < cutoff))
    return removed


async def _purge_one(session: AsyncSession, community: CommunitySettings, cutoff: datetime) -> int:
    members = select(col(CommunityMember.user_id)).where(
        col(CommunityMember.platform) == community.platform,
        col(CommunityMember.community) == community.workspace,
        col(CommunityMember.workspace) == col(Conversation.workspace),
    )
    live = select(col(Reminder.conversation_id)).where(
        col(Reminder.status).in_(sorted(LIVE_REMINDERS)), col(Reminder.conversation_id).is_not(None)
    )
    old = select(col(Conversation.id)).where(
        col(Conversation.platform) == community.platform,
        or_(col(Conversation.workspace) == community.workspace, col(Conversation.user_id).in_(members)),
        col(Conversation.status) != ConversationStatus.ACTIVE,
        col(Conversation.updated_at) < cutoff,
        col(Conversation.id).not_in(live),
    )
    ids = [i for i in (await session.execute(old)).scalars().all() if i is not None]
    if not ids:
        return 0
    await session.execute(delete(Reminder).where(col(Reminder.conversation_id).in_(ids)))
    await session.execute(delete(Note).where(col(Note.conversation_id).in_(ids)))
    await session.execute(delete(Conversation).where(col(Conversation.id).in_(ids)))
    return len(ids)
