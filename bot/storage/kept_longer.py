"""Debriefs a community keeps past the bot-wide retention (`/thankyou admin retention 365`): the global purge
(`privacy.purge`) leaves them until the community's own period has passed, then takes them as usual.

A debrief belongs to a community when it lives in its workspace (Slack) or its member came from the guild
(`community_members`; Discord debriefs live under "@dm"). A member of several communities gets the shortest
period: belonging to any community that keeps data no longer than the bot-wide period lets the purge go ahead
(and `bot/community/retention.py` applies the periods in between).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.storage.models import CommunityMember, CommunitySettings, Conversation


async def kept_longer(session: AsyncSession, *, now: datetime, keep_days: int) -> Any | None:
    """A condition on `Conversation` rows true for those a longer-retention community still keeps (None when
    no community keeps anything longer: the purge needs no extra condition)."""
    statement = select(CommunitySettings).where(col(CommunitySettings.retention_days) > keep_days)
    longer = (await session.execute(statement)).scalars().all()
    if not longer:
        return None
    within = or_(
        *(
            belongs_to(c.platform, c.workspace)
            & (col(Conversation.updated_at) >= now - timedelta(days=c.retention_days))
            for c in longer
        )
    )
    return within & ~_in_a_community_keeping_less(keep_days)


def belongs_to(platform: str, community: str) -> Any:
    """`Conversation` rows of this community: in its workspace, or of a member who came from it."""
    members = select(col(CommunityMember.user_id)).where(
        col(CommunityMember.platform) == platform,
        col(CommunityMember.community) == community,
        col(CommunityMember.workspace) == col(Conversation.workspace),
    )
    return (col(Conversation.platform) == platform) & (
        (col(Conversation.workspace) == community) | col(Conversation.user_id).in_(members)
    )


def _in_a_community_keeping_less(keep_days: int) -> Any:
    linked = (
        exists()
        .where(
            col(CommunityMember.platform) == col(Conversation.platform),
            col(CommunityMember.workspace) == col(Conversation.workspace),
            col(CommunityMember.user_id) == col(Conversation.user_id),
            col(CommunityMember.community) == col(CommunitySettings.workspace),
        )
        .correlate_except(CommunityMember)
    )  # two levels down: both the conversation and the settings row are outside
    return (
        exists()
        .where(
            col(CommunitySettings.platform) == col(Conversation.platform),
            col(CommunitySettings.retention_days) <= keep_days,
            or_(col(CommunitySettings.workspace) == col(Conversation.workspace), linked),
        )
        .correlate_except(CommunitySettings)
    )
