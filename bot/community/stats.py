"""Anonymous weekly counts for a community's channel post: how many notes were drafted and marked sent.

Counts only, never a name, company or detail, and each count is hidden below the community's minimum
(default 5) so a small number cannot point at one person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot import messages
from bot.storage.models import CommunityMember, Note
from bot.vocabulary import NoteStatus

WEEK = timedelta(days=7)
MARKED_SENT = (NoteStatus.SENT, NoteStatus.REPLIED)


@dataclass(frozen=True, slots=True)
class WeeklyCounts:
    drafted: int
    sent: int


async def weekly_counts(session: AsyncSession, *, platform: str, community: str, now: datetime) -> WeeklyCounts:
    """Notes written in the last seven days by members of this community (its workspace, or members who
    came from it to a DM debrief), and how many of those were marked sent."""
    members = select(col(CommunityMember.user_id)).where(
        col(CommunityMember.platform) == platform,
        col(CommunityMember.community) == community,
        col(CommunityMember.workspace) == col(Note.workspace),
    )
    mine = and_(
        col(Note.platform) == platform,
        col(Note.created_at) >= now - WEEK,
        or_(col(Note.workspace) == community, col(Note.user_id).in_(members)),
    )
    drafted = await session.scalar(select(func.count()).select_from(Note).where(mine))
    sent = await session.scalar(
        select(func.count()).select_from(Note).where(mine, col(Note.status).in_([s.value for s in MARKED_SENT]))
    )
    return WeeklyCounts(int(drafted or 0), int(sent or 0))


def stats_line(counts: WeeklyCounts, minimum: int) -> str | None:
    """The sentence for the post, or None when even the drafted count is below the minimum."""
    if counts.drafted < minimum:
        return None
    if counts.sent < minimum:
        return messages.text("community_stats_drafted", drafted=counts.drafted)
    return messages.text("community_stats", drafted=counts.drafted, sent=counts.sent)
