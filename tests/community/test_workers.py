"""Two workers (two processes' cores) on one PostgreSQL database: each occurrence is posted exactly once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.community.ports import AdminRequest
from bot.config import load_settings
from bot.runtime import running
from bot.storage.models import ChannelPost
from tests.community.fakes import FakeDirectory, FakePoster, Posted
from tests.fakes.clock import FakeClock

TEAMS = ("T0ONE", "T0TWO", "T0THREE")


async def test_two_workers_post_each_occurrence_once(pg_url: str) -> None:
    clock = FakeClock(datetime(2026, 11, 23, 20, 0, tzinfo=UTC))
    settings = load_settings(database_url=pg_url, default_timezone="UTC")
    shared: list[Posted] = []
    async with running(settings, clock=clock) as first, running(settings, clock=clock) as second:
        for team in TEAMS:
            for text in ("channel #careers", "schedule daily 09:00", "post now"):
                request = AdminRequest("slack", team, "UADMIN", True, text, "/thankyou admin", FakeDirectory(),
                                       FakePoster(posts=shared))  # fmt: skip
                await first.community.admin(request)
        assert len(shared) == len(TEAMS)  # `post now` once per community
        first.community.register("slack", FakePoster(posts=shared))
        second.community.register("slack", FakePoster(posts=shared))
        jobs = [first.community.job(worker="a"), second.community.job(worker="b")]
        for day in range(5):
            clock.set(datetime(2026, 11, 24, 9, 0, tzinfo=UTC) + timedelta(days=day, seconds=1))
            for _ in range(3):
                await asyncio.gather(*(job.tick() for job in jobs))
        async with first.sessions() as session:
            stored = list((await session.execute(select(ChannelPost))).scalars())
    scheduled = list(shared[len(TEAMS) :])
    assert len(scheduled) == 5 * len(TEAMS)
    keys = [(p.workspace, p.message.post_id) for p in scheduled]
    assert len(set(keys)) == len(keys)
    assert {r.status for r in stored} == {"sent"} and len(stored) == 6 * len(TEAMS)
