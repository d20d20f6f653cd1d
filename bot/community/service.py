"""`Core.community`: what adapters call for community features (admin commands, member controls, the post job).

Adapters register a `ChannelPoster` per platform when they are built; `Core.run_scheduler` then runs the
channel-post job beside the reminder scheduler in the same process.
"""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import messages
from bot.community import queue, store
from bot.community.admin import carry_out, channel_label
from bot.community.commands import parse_admin
from bot.community.job import ChannelPostJob
from bot.community.ports import AdminReply, AdminRequest, ChannelPoster
from bot.events import Address
from bot.storage.models import CommunitySettings
from bot.time.clock import Clock


class Community:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock, *, default_timezone: str) -> None:
        self.sessions, self.clock, self.default_timezone = sessions, clock, default_timezone
        self.posters: dict[str, ChannelPoster] = {}

    def register(self, platform: str, poster: ChannelPoster) -> None:
        """An adapter that can post in channels offers itself here (the job posts through it)."""
        self.posters[platform] = poster

    def job(self, **options: object) -> ChannelPostJob:
        return ChannelPostJob(self.sessions, self.clock, self.posters, **options)  # type: ignore[arg-type]

    async def run(self, stop: asyncio.Event) -> None:
        """The channel-post job until `stop` is set; nothing to do in a process that cannot post."""
        if self.posters:
            await self.job().run(stop)

    async def admin(self, request: AdminRequest) -> AdminReply:
        """One admin command; the reply is for the admin only (ephemeral)."""
        now = self.clock.now()
        async with self.sessions() as session, session.begin():
            reply, row = await carry_out(session, request, default_timezone=self.default_timezone, now=now)
            if row is None or parse_admin(request.text).action != "post" or not request.is_admin:
                return reply
            refusal = _cannot_post(row, request)
            if refusal is not None:
                return refusal
            assert row.channel_id is not None
            post_id = await queue.add_occurrence(
                session, platform=row.platform, workspace=row.workspace, channel=row.channel_id, at=now, now=now
            )
            row.admin_user, row.paused_reason = request.actor, None
        return await self._post_now(row, request, post_id)

    async def _post_now(self, row: CommunitySettings, request: AdminRequest, post_id: int | None) -> AdminReply:
        channel = channel_label(row)
        if post_id is None:  # the same instant was posted already (a double submit)
            return AdminReply(messages.text("community_posted", channel=channel))
        assert request.poster is not None
        job = ChannelPostJob(self.sessions, self.clock, {request.platform: request.poster})
        result = await job.post_now(post_id)
        if result.posted:
            return AdminReply(messages.text("community_posted", channel=channel), changed=True)
        async with self.sessions() as session:
            fresh = await store.load_settings(session, platform=row.platform, workspace=row.workspace)
        if fresh is not None and fresh.paused_reason:
            return AdminReply(messages.text("community_paused_no_access", channel=channel))
        return AdminReply(messages.text("community_post_failed", channel=channel))

    async def remember_member(self, address: Address, community: str) -> None:
        """The member reached a debrief from this community (Start button, `/thankyou` in its channels)."""
        async with self.sessions() as session, session.begin():
            await store.remember_member(session, address=address, community=community, now=self.clock.now())

    async def quiet(self, address: Address, *, on: bool) -> str:
        """`/thankyou quiet` (or `quiet off`): the confirmation to show the member."""
        async with self.sessions() as session, session.begin():
            await store.set_quiet(session, address=address, quiet=on, now=self.clock.now())
        return messages.text("community_quiet_on" if on else "community_quiet_off")


def _cannot_post(row: CommunitySettings, request: AdminRequest) -> AdminReply | None:
    if row.channel_id is None:
        return AdminReply(messages.text("community_post_no_channel", command=request.command))
    if request.poster is None:
        return AdminReply(messages.text("community_post_failed", channel=channel_label(row)))
    return None
