"""What a member's community set for their debriefs: the tone and note channel a new debrief starts with (when
the member's own profile has none) and when their reminders come.

A member's community is their workspace's row (Slack: the debrief lives in the team), else the community they
last came from (`community_members`: Discord debriefs live in DMs, under "@dm", outside any guild).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.compose.timing import Offsets
from bot.events import Address
from bot.storage.models import CommunityMember, CommunitySettings


@dataclass(frozen=True, slots=True)
class MemberDefaults:
    """`answers` are flow answers (`tone`, `channel`) to pre-fill; `offsets` the reminder timing (None: built-in)."""

    answers: dict[str, str] = field(default_factory=dict)
    offsets: Offsets | None = None


async def community_of(session: AsyncSession, address: Address) -> CommunitySettings | None:
    """The settings of the community this member debriefs in or last came from (None: no admin set any)."""
    own = await session.get(CommunitySettings, (address.platform, address.workspace))
    if own is not None:
        return own
    linked = (
        select(CommunitySettings)
        .join(
            CommunityMember,
            (col(CommunityMember.platform) == col(CommunitySettings.platform))
            & (col(CommunityMember.community) == col(CommunitySettings.workspace)),
        )
        .where(
            col(CommunityMember.platform) == address.platform,
            col(CommunityMember.workspace) == address.workspace,
            col(CommunityMember.user_id) == address.user,
        )
        .order_by(col(CommunityMember.seen_at).desc())
        .limit(1)
    )
    return (await session.execute(linked)).scalars().first()


async def member_defaults(session: AsyncSession, address: Address) -> MemberDefaults:
    """The community's defaults for a debrief this member starts now (empty when it set none)."""
    row = await community_of(session, address)
    if row is None:
        return MemberDefaults()
    answers = {name: value for name, value in (("tone", row.default_tone), ("channel", row.default_note_channel))
               if value}  # fmt: skip
    offsets = Offsets(row.send_by_hours, row.follow_up_days)
    return MemberDefaults(answers, offsets if offsets.to_json() else None)
