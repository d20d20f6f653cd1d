"""The channel-post job on real databases with the fake clock: one post per occurrence, the catch-up rule,
daylight-saving changes, lost access, and a worker killed mid-post."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlmodel import col

from bot.community.ports import AdminRequest
from bot.runtime import Core
from bot.storage.models import ChannelPost, CommunitySettings
from tests.community.fakes import FakeDirectory, FakePoster, KillWorker
from tests.fakes.clock import FakeClock

TEAM = "T0TEAM"
MONDAY_EVENING = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)


async def setup(core: Core, *commands: str) -> None:
    for text in ("channel #careers", *commands):
        request = AdminRequest("slack", TEAM, "UADMIN", True, text, "/thankyou admin", FakeDirectory())
        reply = await core.community.admin(request)
        assert reply.changed, reply.text


async def leases_run_out(core: Core) -> None:
    """Time passes on the database's clock (which leases follow, and a fake clock cannot move)."""
    async with core.sessions() as session, session.begin():
        held = (await session.execute(select(ChannelPost).where(col(ChannelPost.lease_until).is_not(None)))).scalars()
        for row in held:
            assert row.lease_until is not None
            row.lease_until -= timedelta(hours=1)


async def rows(core: Core) -> list[ChannelPost]:
    async with core.sessions() as session:
        return list((await session.execute(select(ChannelPost).order_by(ChannelPost.id))).scalars())  # type: ignore[arg-type]


async def community(core: Core) -> CommunitySettings:
    async with core.sessions() as session:
        row = await session.get(CommunitySettings, ("slack", TEAM))
    assert row is not None
    return row


async def test_each_occurrence_is_posted_once(core: Core, clock: FakeClock) -> None:
    clock.set(MONDAY_EVENING)
    await setup(core, "timezone UTC", "schedule weekly monday 09:00")
    poster = FakePoster()
    core.community.register("slack", poster)
    job = core.community.job()
    assert (await job.tick()).posted == 0
    clock.set(datetime(2026, 11, 30, 9, 0, 30, tzinfo=UTC))
    assert (await job.tick()).posted == 1
    assert (await job.tick()).posted == 0
    assert [p.channel for p in poster.posts] == ["C0CAREERS"]
    assert poster.posts[0].message.button == "Start"
    assert (await community(core)).next_post_at == datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    assert [r.status for r in await rows(core)] == ["sent"]


@pytest.mark.parametrize(("late", "posted"), [(timedelta(hours=5, minutes=59), 1), (timedelta(hours=6), 0)])
async def test_after_downtime_a_missed_post_goes_out_only_if_under_six_hours_late(
    core: Core, clock: FakeClock, late: timedelta, posted: int
) -> None:
    clock.set(MONDAY_EVENING)
    await setup(core, "timezone UTC", "schedule weekly monday 09:00")
    poster = FakePoster()
    core.community.register("slack", poster)
    clock.set(datetime(2026, 11, 30, 9, 0, tzinfo=UTC) + late)  # the bot was down until now
    result = await core.community.job().tick()
    assert (result.posted, len(poster.posts)) == (posted, posted)
    assert result.skipped == 1 - posted
    assert (await community(core)).next_post_at == datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


async def test_weeks_of_downtime_post_nothing_old_and_resume_next_week(core: Core, clock: FakeClock) -> None:
    clock.set(MONDAY_EVENING)
    await setup(core, "timezone UTC", "schedule weekly monday 09:00")
    poster = FakePoster()
    core.community.register("slack", poster)
    clock.set(datetime(2027, 1, 20, 12, 0, tzinfo=UTC))  # a Wednesday, seven weeks later
    result = await core.community.job().tick()
    assert poster.posts == [] and result.skipped == 8
    assert (await community(core)).next_post_at == datetime(2027, 1, 25, 9, 0, tzinfo=UTC)


async def test_monday_nine_in_berlin_stays_nine_across_the_autumn_change(core: Core, clock: FakeClock) -> None:
    clock.set(datetime(2026, 10, 14, 12, 0, tzinfo=UTC))
    await setup(core, "timezone Europe/Berlin", "schedule weekly monday 09:00")
    poster = FakePoster()
    core.community.register("slack", poster)
    job = core.community.job()
    posted_at = []
    for _ in range(3):
        due = (await community(core)).next_post_at
        assert due is not None
        clock.set(due + timedelta(seconds=5))
        assert (await job.tick()).posted == 1
        posted_at.append(due)
    # CEST (UTC+2) until 25 October 2026, CET (UTC+1) after: always 09:00 on the Berlin clock
    assert posted_at == [
        datetime(2026, 10, 19, 7, 0, tzinfo=UTC),
        datetime(2026, 10, 26, 8, 0, tzinfo=UTC),
        datetime(2026, 11, 2, 8, 0, tzinfo=UTC),
    ]


async def test_every_n_days_keeps_local_time_across_the_spring_change(core: Core, clock: FakeClock) -> None:
    clock.set(datetime(2027, 3, 10, 16, 0, tzinfo=UTC))  # 11:00 in New York: today's 10:00 has passed
    await setup(core, "timezone America/New_York", "schedule every 3 days 10:00")
    first = (await community(core)).next_post_at
    assert first == datetime(2027, 3, 11, 15, 0, tzinfo=UTC)  # EST
    poster = FakePoster()
    core.community.register("slack", poster)
    clock.set(first + timedelta(minutes=1))
    await core.community.job().tick()
    assert (await community(core)).next_post_at == datetime(2027, 3, 14, 14, 0, tzinfo=UTC)  # EDT from 14 March


async def test_removed_from_the_channel_pauses_and_tells_the_admin_once(core: Core, clock: FakeClock) -> None:
    clock.set(MONDAY_EVENING)
    await setup(core, "timezone UTC", "schedule weekly monday 09:00")
    poster = FakePoster(refuse="not_in_channel")
    core.community.register("slack", poster)
    job = core.community.job()
    clock.set(datetime(2026, 11, 30, 9, 1, tzinfo=UTC))
    await job.tick()
    clock.set(datetime(2026, 12, 7, 9, 1, tzinfo=UTC))
    await job.tick()
    assert [(w, u) for w, u, _ in poster.told] == [(TEAM, "UADMIN")]
    assert "#careers" in poster.told[0][2] and "paused" in poster.told[0][2]
    assert (await community(core)).paused_reason == "not_in_channel"
    assert [r.status for r in await rows(core)] == ["failed"]
    await setup(core)  # setting the channel again resumes
    assert (await community(core)).paused_reason is None


async def test_a_passing_failure_is_retried_later(core: Core, clock: FakeClock) -> None:
    clock.set(MONDAY_EVENING)
    await setup(core, "timezone UTC", "schedule weekly monday 09:00")
    poster = FakePoster(refuse="slack_unreachable")
    core.community.register("slack", poster)
    job = core.community.job()
    clock.set(datetime(2026, 11, 30, 9, 1, tzinfo=UTC))
    await job.tick()
    poster.refuse = None
    assert (await job.tick()).posted == 0  # held back for a few minutes
    clock.advance(minutes=6)
    assert (await job.tick()).posted == 1
    assert len(poster.posts) == 1


@pytest.mark.parametrize("posted_before_death", [True, False])
async def test_a_worker_killed_mid_post_leaves_exactly_one_post(
    core: Core, clock: FakeClock, posted_before_death: bool
) -> None:
    clock.set(MONDAY_EVENING)
    await setup(core, "timezone UTC", "schedule weekly monday 09:00")
    dying = FakePoster(die_after_post=True)
    core.community.register("slack", dying)
    clock.set(datetime(2026, 11, 30, 9, 0, 10, tzinfo=UTC))
    with pytest.raises(KillWorker):
        await core.community.job(worker="doomed").tick()
    if not posted_before_death:
        dying.posts.clear()  # the process died before the platform took the post
    assert [r.status for r in await rows(core)] == ["sending"]
    survivor = FakePoster(posts=dying.posts)
    core.community.register("slack", survivor)
    job = core.community.job(worker="survivor")
    assert (await job.tick()).posted == 0  # the dead worker's lease still runs
    clock.advance(minutes=2)
    await leases_run_out(core)
    await job.tick()
    await job.tick()
    assert len(survivor.posts) == 1
    assert [r.status for r in await rows(core)] == ["sent"]
