"""Member controls beside the channel post: `quiet` stops the DMs the bot would start, and a member's link to
a community is theirs (`forget` deletes it, `export` shows it) while the community's settings are not."""

from __future__ import annotations

from sqlalchemy import select

from bot.community.ports import AdminRequest
from bot.events import Address, TextAnswer
from bot.runtime import Core
from bot.storage.models import CommunityMember, CommunitySettings, Reminder
from bot.storage.prefs import is_quiet
from tests.community.fakes import FakeDirectory
from tests.fakes.clock import FakeClock
from tests.fakes.sender import RecordingSender

MEMBER = Address("slack", "T0TEAM", "D0MIA", "U0MIA")


async def add_reminder(core: Core, clock: FakeClock) -> None:
    now = clock.now()
    async with core.sessions() as session, session.begin():
        session.add(Reminder(
            dedupe_key="test:quiet", platform="slack", workspace=MEMBER.workspace, channel=MEMBER.channel,
            user_id=MEMBER.user, kind="send_by", due_at=now, status="pending", attempts=0, created_at=now,
            updated_at=now,
        ))  # fmt: skip


async def test_quiet_skips_reminders_and_quiet_off_brings_them_back(core: Core, clock: FakeClock) -> None:
    assert (await core.community.quiet(MEMBER, on=True)).startswith("Okay, I'll stay quiet")
    async with core.sessions() as session:
        assert await is_quiet(session, address=MEMBER)
    await add_reminder(core, clock)
    sender = RecordingSender()
    assert await core.deliver_due(MEMBER, sender) == 0
    assert sender.sent == []
    async with core.sessions() as session:
        [row] = (await session.execute(select(Reminder))).scalars().all()
    assert row.status == "skipped"
    await core.community.quiet(MEMBER, on=False)
    async with core.sessions() as session:
        assert not await is_quiet(session, address=MEMBER)


async def test_a_quiet_member_still_gets_answers_to_their_own_messages(core: Core) -> None:
    await core.community.quiet(MEMBER, on=True)
    sender = RecordingSender()
    await core.handle(TextAnswer(MEMBER, "ev-1", "export my data"), sender)
    assert sender.sent, "a reply to the member's own message"


async def test_forget_deletes_the_members_community_link_but_not_the_communitys_settings(core: Core) -> None:
    discord_member = Address("discord", "@dm", "77", "2001")
    await core.community.remember_member(discord_member, "900000000000000001")
    request = AdminRequest("discord", "900000000000000001", "2001", True, "stats on", "/thankyou-admin",
                           FakeDirectory())  # fmt: skip
    await core.community.admin(request)
    sender = RecordingSender()
    await core.handle(TextAnswer(discord_member, "ev-2", "export my data"), sender)
    assert "community_members" in str(sender.pop())
    await core.handle(TextAnswer(discord_member, "ev-3", "forget me now"), sender)
    async with core.sessions() as session:
        assert (await session.execute(select(CommunityMember))).scalars().all() == []
        assert await session.get(CommunitySettings, ("discord", "900000000000000001")) is not None
