"""The durable career-channel post job: turn due schedule occurrences into rows, then post each exactly once.

Per tick: (1) communities whose next occurrence has come get one `channel_posts` row for it (the catch-up
rule in `schedule.due` decides whether a late one is still posted) and their next occurrence stored;
(2) rows a dead worker left mid-post are checked with the platform (`find_post`) before any re-post;
(3) due rows are claimed with a lease, marked `sending` in their own commit, posted, and recorded. Losing
access to the channel pauses the schedule and tells the admin once, by DM.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from bot import messages
from bot.community import queue, store
from bot.community.ports import ChannelMessage, ChannelPoster, ChannelUnavailable
from bot.community.queue import PostStatus
from bot.community.retention import purge_communities
from bot.community.schedule import due, parse_schedule
from bot.community.stats import stats_line, weekly_counts
from bot.community.template import Filling, render
from bot.errors import DeliveryError
from bot.observability import metrics
from bot.storage.dbtime import database_now
from bot.storage.models import ChannelPost, CommunitySettings
from bot.time.clock import Clock
from bot.time.zones import zone

log = logging.getLogger(__name__)
COMMAND = "/thankyou"
RETRY_AFTER = timedelta(minutes=5)
PURGE_EVERY = timedelta(hours=6)


@dataclass
class JobResult:
    planned: int = 0
    skipped: int = 0
    posted: int = 0
    failed: int = 0
    reconciled: int = 0


async def build_message(
    session: AsyncSession, community: CommunitySettings, now: datetime, post_id: int | None
) -> ChannelMessage:
    """The post as members will see it: the community's template (or the default) with this week's counts."""
    line = None
    if community.stats_enabled:
        counts = await weekly_counts(session, platform=community.platform, community=community.workspace, now=now)
        line = stats_line(counts, community.stats_minimum)
    button = messages.text("label_channel_start")
    return ChannelMessage(post_id, render(community.post_template, Filling(COMMAND, button, line)), button)


class ChannelPostJob:
    """One worker of the channel-post job; several may share a PostgreSQL database."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], clock: Clock, posters: Mapping[str, ChannelPoster], *,
        worker: str | None = None, lease: timedelta = timedelta(seconds=60), max_attempts: int = 5,
        poll_seconds: float = 30.0,
    ) -> None:  # fmt: skip
        self.sessions, self.clock, self.posters = sessions, clock, dict(posters)
        self.worker = worker or f"{socket.gethostname()[:30]}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.lease, self.max_attempts, self.poll_seconds = lease, max_attempts, poll_seconds
        self._purge_at: datetime | None = None

    async def tick(self) -> JobResult:
        """One pass; raises on database failure (`run` logs and tries again)."""
        result, now, platforms = JobResult(), self.clock.now(), list(self.posters)
        if not platforms:
            return result
        async with self.sessions() as session, session.begin():
            await self._plan(session, now, platforms, result)
        async with self.sessions() as session, session.begin():
            stuck = await queue.claim_stuck(session, worker=self.worker, now=now, lease=self.lease, platforms=platforms)
        for row in stuck:
            await self._reconcile(row, result)
        async with self.sessions() as session, session.begin():
            rows = await queue.claim_due(session, worker=self.worker, now=now, lease=self.lease, platforms=platforms)
        for row in rows:
            await self.deliver(row, result)
        return result

    async def post_now(self, post_id: int) -> JobResult:
        """Claim and post one row right away (an admin's `post now`), by the same path as scheduled posts."""
        result, now = JobResult(), self.clock.now()
        async with self.sessions() as session, session.begin():
            rows = await queue.claim_due(
                session, worker=self.worker, now=now, lease=self.lease, platforms=list(self.posters), post_id=post_id
            )
        for row in rows:
            await self.deliver(row, result)
        return result

    async def retention(self) -> int | None:
        """Per-community retention (bot/community/retention.py), about every six hours; idempotent."""
        now = self.clock.now()
        if self._purge_at is not None and now < self._purge_at:
            return None
        self._purge_at = now + PURGE_EVERY
        async with self.sessions() as session, session.begin():
            return await purge_communities(session, now=now, platforms=list(self.posters))

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.retention()
                await self.tick()
            except (SQLAlchemyError, OSError) as error:
                log.warning("channel post tick failed; will retry", extra={"error": type(error).__name__})
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.poll_seconds)

    async def _plan(self, session: AsyncSession, now: datetime, platforms: list[str], result: JobResult) -> None:
        statement = (
            select(CommunitySettings)
            .where(
                col(CommunitySettings.platform).in_(platforms),
                col(CommunitySettings.next_post_at) <= now,
                col(CommunitySettings.paused_reason).is_(None),
                col(CommunitySettings.channel_id).is_not(None),
            )
            .with_for_update(skip_locked=True)
        )
        for community in (await session.execute(statement)).scalars().all():
            schedule, tz = parse_schedule(community.schedule), zone(community.timezone)
            if schedule.off or community.next_post_at is None or community.channel_id is None:
                community.next_post_at = None
                continue
            outcome = due(schedule, community.next_post_at, now, tz)
            result.skipped += outcome.skipped
            if outcome.post is not None:
                added = await queue.add_occurrence(
                    session, platform=community.platform, workspace=community.workspace,
                    channel=community.channel_id, at=outcome.post, now=now,
                )  # fmt: skip
                result.planned += added is not None
            community.next_post_at, community.updated_at = outcome.next_at, now

    async def deliver(self, row: ChannelPost, result: JobResult) -> None:
        """Mark `sending` (committed before the platform call), post, record."""
        now = self.clock.now()
        async with self.sessions() as session, session.begin():
            community = await store.load_settings(session, platform=row.platform, workspace=row.workspace)
            if community is None or community.paused_reason is not None:
                await queue.move(session, row, worker=self.worker, frm=PostStatus.CLAIMED, to=PostStatus.FAILED,
                                 now=now, last_error="paused", lease_until=None)  # fmt: skip
                result.failed += 1
                return
            message = await build_message(session, community, now, row.id)
            marked = await queue.move(
                session, row, worker=self.worker, frm=PostStatus.CLAIMED, to=PostStatus.SENDING, now=now,
                sending_at=now, lease_until=database_now(session, now) + self.lease,
            )  # fmt: skip
        if not marked:
            return  # our claim expired and another worker has the row
        poster = self.posters[row.platform]
        try:
            message_id = await poster.post(row.workspace, row.channel_id, message)
        except ChannelUnavailable as error:
            await self._lost_access(row, community, error.reason, result)
        except DeliveryError as error:
            await self._failed(row, error, result)
        except Exception as error:  # the post may exist: never guess, never re-send blindly
            log.warning("channel post outcome unknown", extra={"post": row.id, "error": type(error).__name__})
            await self._finish(row, PostStatus.UNKNOWN, last_error="outcome unknown")
        else:
            recorded = await self._finish(row, PostStatus.SENT, message_id=message_id[:128] or None)
            result.posted += recorded
            metrics.channel_post(row.platform)  # /metrics: posts made, by platform

    async def _finish(self, row: ChannelPost, to: PostStatus, **values: object) -> int:
        values.setdefault("lease_until", None)
        async with self.sessions() as session, session.begin():
            moved = await queue.move(
                session, row, worker=self.worker, frm=PostStatus.SENDING, to=to, now=self.clock.now(), **values
            )
        return int(moved)

    async def _failed(self, row: ChannelPost, error: DeliveryError, result: JobResult) -> None:
        if error.permanent or row.attempts >= self.max_attempts:
            result.failed += await self._finish(row, PostStatus.FAILED, last_error=error.reason[:200])
            return
        retry_at = self.clock.now() + RETRY_AFTER  # a pending row's `lease_until` holds its retry back
        await self._finish(
            row, PostStatus.PENDING, last_error=error.reason[:200], claimed_by=None, lease_until=retry_at
        )

    async def _lost_access(
        self, row: ChannelPost, community: CommunitySettings, reason: str, result: JobResult
    ) -> None:
        """Pause the schedule; the admin hears about it once (the call that paused it tells them)."""
        result.failed += await self._finish(row, PostStatus.FAILED, last_error=reason[:200])
        async with self.sessions() as session, session.begin():
            paused = await store.pause(
                session, platform=row.platform, workspace=row.workspace, reason=reason, now=self.clock.now()
            )
        if paused and community.admin_user:
            where = f"#{community.channel_name}" if community.channel_name else row.channel_id
            text = messages.text("community_paused_no_access", channel=where)
            try:
                await self.posters[row.platform].tell_admin(row.workspace, community.admin_user, text)
            except DeliveryError:
                log.info("could not tell the admin about the paused schedule", extra={"platform": row.platform})

    async def _reconcile(self, row: ChannelPost, result: JobResult) -> None:
        """A worker died mid-post: ask the platform whether the post exists before posting it again."""
        poster = self.posters[row.platform]
        try:
            assert row.id is not None
            found = await poster.find_post(row.workspace, row.channel_id, row.id, row.sending_at or row.updated_at)
        except Exception as error:
            log.warning("channel post check failed; will retry", extra={"post": row.id, "error": type(error).__name__})
            return  # the lease runs out again and a later pass asks again
        now = self.clock.now()
        async with self.sessions() as session, session.begin():
            if found is not None:
                result.reconciled += await queue.move(
                    session, row, worker=self.worker, frm=PostStatus.CHECKING, to=PostStatus.SENT, now=now,
                    message_id=found[:128] or None, lease_until=None,
                )  # fmt: skip
            else:
                await queue.move(
                    session, row, worker=self.worker, frm=PostStatus.CHECKING, to=PostStatus.PENDING, now=now,
                    lease_until=None, claimed_by=None, sending_at=None,
                )  # fmt: skip
