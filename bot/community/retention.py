"""Per-community retention: a community may keep its members' finished debriefs, notes and reminders for
fewer days than the bot-wide 180, or more, up to a year (`bot/storage/privacy.py` removes everything older
than 180 days except what such a community still keeps, `bot/storage/kept_longer.py`).

A debrief belongs to a community when it lives in its workspace (Slack) or its member came from the guild
(`community_members`, Discord, whose debriefs live under "@dm"); a member of several communities gets the
shortest period. Reminders still to come or mid-send keep their debrief, as in the global purge. Finished
channel-post rows older than the bot-wide limit go as well, and members' community links once neither the
bot-wide limit nor their community's longer period keeps them (the link is what ties a Discord debrief to
its server).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.community.queue import PostStatus
from bot.storage.kept_longer import belongs_to
from bot.storage.models import ChannelPost, CommunityMember, CommunitySettings, Conversation, Note, Reminder
from bot.storage.privacy import KEEP_DAYS
from bot.vocabulary import LIVE_REMINDERS, ConversationStatus


async def purge_communities(session: AsyncSession, *, now: datetime, platforms: list[str]) -> int:
    """Delete what communities with their own retention (shorter or longer) no longer keep; returns debriefs
    removed."""
    own = select(CommunitySettings).where(col(CommunitySettings.retention_days) != KEEP_DAYS)
    communities = (await session.execute(own)).scalars().all()
    removed = 0
    for community in communities:
        if community.platform in platforms:
            removed += await _purge_one(session, community, now - timedelta(days=community.retention_days))
    cutoff = now - timedelta(days=KEEP_DAYS)  # the bookkeeping of old posts and members' links expires too
    finished = [PostStatus.SENT.value, PostStatus.FAILED.value, PostStatus.UNKNOWN.value]
    await session.execute(
        delete(ChannelPost).where(col(ChannelPost.status).in_(finished), col(ChannelPost.updated_at) < cutoff)
    )
    await _expire_links(session, now, [c for c in communities if c.retention_days > KEEP_DAYS])
    return removed


async def _expire_links(session: AsyncSession, now: datetime, longer: list[CommunitySettings]) -> None:
    """Members' links older than the bot-wide limit, or than their community's longer period."""
    stale = delete(CommunityMember).where(col(CommunityMember.seen_at) < now - timedelta(days=KEEP_DAYS))
    for community in longer:
        theirs = (col(CommunityMember.platform) == community.platform) & (
            col(CommunityMember.community) == community.workspace
        )
        stale = stale.where(~theirs)
        await session.execute(
            delete(CommunityMember).where(
                theirs, col(CommunityMember.seen_at) < now - timedelta(days=community.retention_days)
            )
        )
    await session.execute(stale)


async def _purge_one(session: AsyncSession, community: CommunitySettings, cutoff: datetime) -> int:
    live = select(col(Reminder.conversation_id)).where(
        col(Reminder.status).in_(sorted(LIVE_REMINDERS)), col(Reminder.conversation_id).is_not(None)
    )
    old = select(col(Conversation.id)).where(
        belongs_to(community.platform, community.workspace),
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
