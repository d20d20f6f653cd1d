"""Anonymous weekly counts: per community, never below the minimum, never a name or company."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.community.ports import AdminRequest
from bot.events import Address
from bot.runtime import Core
from bot.storage.models import Conversation, Note
from tests.community.fakes import FakeDirectory, FakePoster
from tests.fakes.clock import FakeClock

GUILD = "900000000000000001"


async def add_notes(core: Core, *, workspace: str, user: str, count: int, sent: int, when: datetime) -> None:
    async with core.sessions() as session, session.begin():
        conversation = Conversation(
            platform="discord", workspace=workspace, user_id=user, channel="1", flow_id="thank_you", flow_version=1,
            status="done", step="done", timezone="UTC", created_at=when, updated_at=when,
        )  # fmt: skip
        session.add(conversation)
        await session.flush()
        assert conversation.id is not None
        for position in range(count):
            session.add(Note(
                conversation_id=conversation.id, platform="discord", workspace=workspace, user_id=user,
                position=position, interviewer=f"Priya {position}", company="Acme Robotics", channel="email",
                body="Thank you", status="sent" if position < sent else "drafted", created_at=when, updated_at=when,
            ))  # fmt: skip


async def preview(core: Core) -> str:
    request = AdminRequest("discord", GUILD, "1", True, "preview", "/thankyou-admin", FakeDirectory(), FakePoster())
    reply = await core.community.admin(request)
    assert reply.preview is not None
    return reply.preview.text


async def stats_on(core: Core) -> None:
    request = AdminRequest("discord", GUILD, "1", True, "stats on", "/thankyou-admin", FakeDirectory())
    assert (await core.community.admin(request)).changed


async def test_counts_below_the_minimum_stay_hidden(core: Core, clock: FakeClock) -> None:
    await stats_on(core)
    member = Address("discord", "@dm", "55", "2001")
    await core.community.remember_member(member, GUILD)
    await add_notes(core, workspace="@dm", user="2001", count=4, sent=4, when=clock.now())
    assert "This week" not in await preview(core)
    await add_notes(core, workspace="@dm", user="2001", count=1, sent=0, when=clock.now())
    text = await preview(core)
    assert "This week: 5 notes drafted." in text and "marked sent" not in text  # 4 sent: below the minimum
    assert "Priya" not in text and "Acme" not in text


async def test_counts_are_per_community_and_per_week(core: Core, clock: FakeClock) -> None:
    await stats_on(core)
    await core.community.remember_member(Address("discord", "@dm", "55", "2001"), GUILD)
    await add_notes(core, workspace="@dm", user="2001", count=5, sent=5, when=clock.now() - timedelta(days=1))
    await add_notes(core, workspace="@dm", user="2002", count=9, sent=9, when=clock.now())  # another community
    await add_notes(core, workspace="@dm", user="2001", count=3, sent=3, when=clock.now() - timedelta(days=8))
    assert "This week: 5 notes drafted, 5 marked sent." in await preview(core)


async def test_stats_are_off_by_default(core: Core, clock: FakeClock) -> None:
    await core.community.remember_member(Address("discord", "@dm", "55", "2001"), GUILD)
    await add_notes(core, workspace="@dm", user="2001", count=8, sent=8, when=clock.now())
    assert "This week" not in await preview(core)
