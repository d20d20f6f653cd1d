"""A community's own retention: a shorter one removes its members' finished debriefs (and their notes) sooner,
and nobody else's; a longer one (up to a year) keeps them past the bot-wide 180 days, in the global purge too."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.community.ports import AdminRequest
from bot.runtime import Core
from bot.storage.models import CommunityMember, Conversation, Note
from tests.community.fakes import FakeDirectory, FakePoster
from tests.fakes.clock import FakeClock
from tests.fakes.reminder_sender import FakePlatform

GUILD, OTHER_GUILD = "910000000000000001", "910000000000000002"


async def debrief(
    core: Core, *, workspace: str, user: str, days_ago: int, clock: FakeClock, status: str, platform: str = "slack"
) -> None:
    when = clock.now() - timedelta(days=days_ago)
    async with core.sessions() as session, session.begin():
        row = Conversation(
            platform=platform, workspace=workspace, user_id=user, channel="D1", flow_id="thank_you", flow_version=1,
            status=status, step="done", timezone="UTC", created_at=when, updated_at=when,
        )  # fmt: skip
        session.add(row)
        await session.flush()
        assert row.id is not None
        session.add(Note(conversation_id=row.id, platform=platform, workspace=workspace, user_id=user, position=0,
                         interviewer="Priya", company="Acme", channel="email", body="Thanks", created_at=when,
                         updated_at=when))  # fmt: skip


async def retention(core: Core, text: str, *, platform: str = "slack", workspace: str = "T0LONG") -> str:
    request = AdminRequest(platform, workspace, "UADMIN", True, f"retention {text}", "/thankyou admin", FakeDirectory())
    reply = await core.community.admin(request)
    assert reply.changed, reply.text
    return reply.text


async def came_from(core: Core, user: str, guild: str, *, days_ago: int, clock: FakeClock) -> None:
    async with core.sessions() as session, session.begin():
        session.add(CommunityMember(platform="discord", workspace="@dm", user_id=user, community=guild,
                                    seen_at=clock.now() - timedelta(days=days_ago)))  # fmt: skip


async def kept(core: Core) -> list[str]:
    async with core.sessions() as session:
        left = sorted(c.user_id for c in (await session.execute(select(Conversation))).scalars())
        notes = sorted(n.user_id for n in (await session.execute(select(Note))).scalars())
    assert left == notes
    return left


async def test_a_shorter_retention_removes_old_finished_debriefs_of_that_community_only(
    core: Core, clock: FakeClock
) -> None:
    request = AdminRequest("slack", "T0SHORT", "UADMIN", True, "retention 30 days", "/thankyou admin", FakeDirectory())
    assert (await core.community.admin(request)).changed
    await debrief(core, workspace="T0SHORT", user="U1", days_ago=31, clock=clock, status="done")
    await debrief(core, workspace="T0SHORT", user="U2", days_ago=29, clock=clock, status="done")
    await debrief(core, workspace="T0SHORT", user="U3", days_ago=90, clock=clock, status="active")
    await debrief(core, workspace="T0OTHER", user="U4", days_ago=90, clock=clock, status="done")
    core.community.register("slack", FakePoster())
    job = core.community.job()
    assert await job.retention() == 1
    assert await job.retention() is None  # not again for a few hours
    async with core.sessions() as session:
        left = sorted(c.user_id for c in (await session.execute(select(Conversation))).scalars())
        notes = sorted(n.user_id for n in (await session.execute(select(Note))).scalars())
    assert left == notes == ["U2", "U3", "U4"]


async def test_retention_goes_up_to_a_year_and_back_to_the_default(core: Core) -> None:
    request = AdminRequest("slack", "T0LONG", "UADMIN", True, "retention 400", "/thankyou admin", FakeDirectory())
    reply = await core.community.admin(request)
    assert not reply.changed and "from 1 to 365 (the default is 180)" in reply.text
    assert "365 days" in await retention(core, "a year")
    assert "180 days" in await retention(core, "default")
    assert "90 days" in await retention(core, "90d")


async def test_a_longer_retention_keeps_that_communitys_debriefs_past_the_global_purge(
    core: Core, clock: FakeClock
) -> None:
    await retention(core, "365 days")
    await retention(core, "365", platform="discord", workspace=GUILD)
    await retention(core, "180", platform="discord", workspace=OTHER_GUILD)
    await debrief(core, workspace="T0LONG", user="U1", days_ago=200, clock=clock, status="done")
    await debrief(core, workspace="T0LONG", user="U2", days_ago=200, clock=clock, status="active")  # abandoned
    await debrief(core, workspace="T0LONG", user="U3", days_ago=370, clock=clock, status="done")
    await debrief(core, workspace="T0OTHER", user="U4", days_ago=200, clock=clock, status="done")
    for user, guilds in (("D5", [GUILD]), ("D6", [GUILD, OTHER_GUILD]), ("D7", [])):
        await debrief(core, workspace="@dm", user=user, days_ago=200, clock=clock, status="done", platform="discord")
        for guild in guilds:
            await came_from(core, user, guild, days_ago=200, clock=clock)
    scheduler = core.scheduler({"slack": FakePlatform(), "discord": FakePlatform()})
    counts = await scheduler.retention()  # the bot-wide purge, as the scheduler runs it every few hours
    assert counts is not None and counts["conversations"] == 4 and counts["notes"] == 4
    # U3 is past even the year; U4's and D7's communities keep the default; D6 also came from a 180-day server
    assert await kept(core) == ["D5", "U1", "U2"]
    core.community.register("slack", FakePoster())
    core.community.register("discord", FakePoster())
    assert await core.community.job().retention() == 0  # the community purge agrees: nothing of theirs is due
    async with core.sessions() as session:
        links = sorted(m.user_id for m in (await session.execute(select(CommunityMember))).scalars())
    assert links == ["D5", "D6"], "the link that ties D5's debrief to its server lasts as long as the server's period"
    clock.advance(days=166)  # the year has passed for the 200-day-old debriefs
    assert await core.community.job().retention() == 2  # U1 and D5, finished; the purge takes the abandoned one
    counts = await scheduler.retention()
    assert counts is not None and counts["conversations"] == 1
    assert await kept(core) == []
