"""A community's shorter retention removes its members' finished debriefs (and their notes) sooner, and
nobody else's."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.community.ports import AdminRequest
from bot.runtime import Core
from bot.storage.models import Conversation, Note
from tests.community.fakes import FakeDirectory, FakePoster
from tests.fakes.clock import FakeClock


async def debrief(core: Core, *, workspace: str, user: str, days_ago: int, clock: FakeClock, status: str) -> None:
    when = clock.now() - timedelta(days=days_ago)
    async with core.sessions() as session, session.begin():
        row = Conversation(
            platform="slack", workspace=workspace, user_id=user, channel="D1", flow_id="thank_you", flow_version=1,
            status=status, step="done", timezone="UTC", created_at=when, updated_at=when,
        )  # fmt: skip
        session.add(row)
        await session.flush()
        assert row.id is not None
        session.add(Note(conversation_id=row.id, platform="slack", workspace=workspace, user_id=user, position=0,
                         interviewer="Priya", company="Acme", channel="email", body="Thanks", created_at=when,
                         updated_at=when))  # fmt: skip


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


async def test_retention_cannot_exceed_the_bot_wide_limit(core: Core) -> None:
    request = AdminRequest("slack", "T0SHORT", "UADMIN", True, "retention 400", "/thankyou admin", FakeDirectory())
    reply = await core.community.admin(request)
    assert not reply.changed and "from 1 to 180" in reply.text
