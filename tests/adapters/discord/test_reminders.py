"""Reminders through Discord: the scheduler DMs a nudge with buttons; a click acts on the reminder."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from adapters.discord import ThankYouClient
from adapters.discord.translate import DM_WORKSPACE
from bot.reminders.scheduler import Scheduler
from bot.storage.models import Reminder, UserPrefs
from tests.adapters.discord.helpers import click, content, converse_to_drafts, custom_ids
from tests.fakes.clock import FakeClock
from tests.fakes.discord_gateway import API, DiscordFake, User, feed_interaction
from tests.fakes.http_api import Call


async def _debrief(fake: DiscordFake, client: ThankYouClient, name: str = "sam") -> User:
    user = fake.user(name)
    await feed_interaction(client, fake.slash_payload(user))
    await converse_to_drafts(fake, client, user)
    return user


async def _reminders(client: ThankYouClient) -> list[Reminder]:
    async with client.core.sessions() as session:
        return list((await session.execute(select(Reminder).order_by(Reminder.due_at))).scalars())


async def _nudge(fake: DiscordFake, client: ThankYouClient, clock: FakeClock, user: User) -> tuple[Reminder, Call]:
    (first, *_) = await _reminders(client)
    clock.advance(hours=(first.due_at - clock.now()) / timedelta(hours=1) + 0.1)
    scheduler = Scheduler(client.core.sessions, {"discord": client.sender}, clock, default_timezone="America/New_York")
    shown = len(fake.messages_to(user))
    await scheduler.tick()
    (nudge,) = fake.messages_to(user)[shown:]
    return first, nudge


async def test_a_due_reminder_arrives_as_a_dm_with_working_buttons(
    discord_fake: DiscordFake, client: ThankYouClient, clock: FakeClock
) -> None:
    sam = await _debrief(discord_fake, client)
    reminder, nudge = await _nudge(discord_fake, client, clock, sam)
    assert reminder.channel == str(sam.dm_channel) and reminder.workspace == DM_WORKSPACE
    assert f"ty:r:{reminder.id}:snooze:week" in custom_ids(nudge)
    assert nudge.body is not None and "allowed_mentions" in str(nudge.body)

    await click(discord_fake, client, sam, nudge, f"ty:r:{reminder.id}:snooze:week")
    (after, *_) = [r for r in await _reminders(client) if r.id == reminder.id]
    assert after.due_at > clock.now() + timedelta(days=5)
    assert "can't be changed" not in content(discord_fake.messages_to(sam)[-1])


async def test_a_closed_dm_fails_the_reminder_once_and_is_recorded(
    discord_fake: DiscordFake, client: ThankYouClient, clock: FakeClock
) -> None:
    sam = await _debrief(discord_fake, client)
    discord_fake.api.script(
        f"{API}/channels/{sam.dm_channel}/messages", status=403, body={"code": 50007, "message": "Cannot send"}
    )
    shown = len(discord_fake.messages_to(sam))
    (first, *_) = await _reminders(client)
    clock.advance(hours=(first.due_at - clock.now()) / timedelta(hours=1) + 0.1)
    scheduler = Scheduler(client.core.sessions, {"discord": client.sender}, clock, default_timezone="America/New_York")
    await scheduler.tick()
    await scheduler.tick()
    assert len(discord_fake.messages_to(sam)) == shown + 1  # one attempt; a permanent failure is not retried
    (failed, *_) = await _reminders(client)
    assert failed.status == "failed"
    async with client.core.sessions() as session:
        prefs = await session.get(UserPrefs, ("discord", DM_WORKSPACE, str(sam.id)))
    assert prefs is not None and prefs.dm_closed_at is not None


async def test_the_sender_can_tell_whether_a_nudge_already_went_out(
    discord_fake: DiscordFake, client: ThankYouClient, clock: FakeClock
) -> None:
    """What the scheduler asks after a worker died mid-send, so the reminder is never sent twice."""
    from adapters.discord.translate import address
    from bot.actions import Choice, Nudge
    from bot.reminders.scheduler import DeliveryLookup

    sam = discord_fake.user("sam")
    where = address(user_id=sam.id, channel_id=sam.dm_channel)
    since = clock.now() - timedelta(minutes=1)
    assert isinstance(client.sender, DeliveryLookup)
    assert await client.sender.delivered(where, 41, since) is None
    (posted,) = await client.sender.send(where, [Nudge(41, "send_by", "Time to send", (Choice("sent", "Sent"),))])
    assert await client.sender.delivered(where, 41, since) == posted
    assert await client.sender.delivered(where, 4, since) is None  # ids are matched exactly, not by prefix
    (lookup, *_) = [c for c in discord_fake.api.calls if c.method == "GET" and c.path.endswith("/messages")]
    assert lookup.path == f"{API}/channels/{sam.dm_channel}/messages"
