"""A 429 from Discord holds the reminder for `retry_after` (it is neither failed nor slept on inside a send);
a closed DM stays permanent."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from adapters.discord import ThankYouClient
from adapters.discord.sender import MAX_RATELIMIT_WAIT, RateLimited
from adapters.discord.translate import address
from bot.actions import Say
from bot.errors import DeliveryError
from bot.reminders.scheduler import Scheduler
from bot.storage.models import Reminder
from tests.adapters.discord.helpers import converse_to_drafts
from tests.fakes.clock import FakeClock
from tests.fakes.discord_gateway import API, DiscordFake, User, feed_interaction

#: a 429 as Discord's API answers it (the `Via` header tells discord.py it came from Discord, not Cloudflare)
VIA = {"Via": "1.1 google"}


def _limited(retry_after: float) -> dict[str, object]:
    return {"message": "You are being rate limited.", "retry_after": retry_after, "global": False, "code": 0}


async def _due(fake: DiscordFake, client: ThankYouClient, clock: FakeClock) -> tuple[User, Reminder, Scheduler]:
    sam = fake.user("sam")
    await feed_interaction(client, fake.slash_payload(sam))
    await converse_to_drafts(fake, client, sam)
    first = await _first(client)
    clock.advance(hours=(first.due_at - clock.now()) / timedelta(hours=1) + 0.1)
    scheduler = Scheduler(client.core.sessions, {"discord": client.sender}, clock, default_timezone="America/New_York")
    return sam, first, scheduler


async def _first(client: ThankYouClient) -> Reminder:
    async with client.core.sessions() as session:
        return (await session.execute(select(Reminder).order_by(Reminder.due_at))).scalars().first()  # type: ignore[return-value]


async def test_a_long_429_holds_the_reminder_and_it_goes_out_after_retry_after(
    discord_fake: DiscordFake, client: ThankYouClient, clock: FakeClock
) -> None:
    sam, reminder, scheduler = await _due(discord_fake, client, clock)
    path = f"{API}/channels/{sam.dm_channel}/messages"
    discord_fake.api.script(path, status=429, body=_limited(120.0), headers=VIA)
    shown = len(discord_fake.messages_to(sam))

    await scheduler.tick()  # discord.py raises at once (120 s > its 30 s ceiling); nothing sleeps
    held = await _first(client)
    assert held.id == reminder.id and held.status == "pending" and held.last_error == "rate_limited"
    assert held.next_attempt_at is not None
    assert abs((held.next_attempt_at - (clock.now() + timedelta(seconds=120))).total_seconds()) < 1
    assert len(discord_fake.messages_to(sam)) == shown + 1  # the one refused attempt

    clock.advance(seconds=60)
    await scheduler.tick()  # still held: Discord is not asked again before retry_after
    assert len(discord_fake.messages_to(sam)) == shown + 1

    clock.advance(seconds=61)
    await scheduler.tick()
    sent = await _first(client)
    assert sent.status == "sent"
    assert len(discord_fake.messages_to(sam)) == shown + 2


async def test_a_cloudflare_429_is_a_hold_read_from_retry_after(
    discord_fake: DiscordFake, client: ThankYouClient, clock: FakeClock
) -> None:
    """No `Via` header: discord.py raises HTTPException(429) without retrying; the header gives the wait."""
    sam, _, scheduler = await _due(discord_fake, client, clock)
    path = f"{API}/channels/{sam.dm_channel}/messages"
    discord_fake.api.script(path, status=429, body=_limited(0.0), headers={"Retry-After": "90"})
    await scheduler.tick()
    held = await _first(client)
    assert held.status == "pending" and held.last_error == "rate_limited"
    assert held.next_attempt_at is not None
    assert abs((held.next_attempt_at - (clock.now() + timedelta(seconds=90))).total_seconds()) < 1


async def test_a_short_429_is_waited_out_by_discord_py_and_delivered_once(
    discord_fake: DiscordFake, client: ThankYouClient, clock: FakeClock
) -> None:
    sam, _, scheduler = await _due(discord_fake, client, clock)
    path = f"{API}/channels/{sam.dm_channel}/messages"
    discord_fake.api.script(path, status=429, body=_limited(0.01), headers=VIA)
    shown = len(discord_fake.messages_to(sam))
    await scheduler.tick()
    assert (await _first(client)).status == "sent"
    assert len(discord_fake.messages_to(sam)) == shown + 2  # the 429, then the post that went through


async def test_the_sender_maps_429s_to_rate_limited_and_50007_stays_permanent(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    sam = discord_fake.user("sam")
    path = f"{API}/channels/{sam.dm_channel}/messages"
    where = address(user_id=sam.id, channel_id=sam.dm_channel)
    discord_fake.api.script(path, status=429, body=_limited(MAX_RATELIMIT_WAIT * 10), headers=VIA)
    with pytest.raises(RateLimited) as limited:
        await client.sender.send(where, [Say("Time to send your notes")])
    assert limited.value.retry_after == MAX_RATELIMIT_WAIT * 10 and not limited.value.permanent
    discord_fake.api.script(path, status=403, body={"code": 50007, "message": "Cannot send messages to this user"})
    with pytest.raises(DeliveryError) as closed:
        await client.sender.send(where, [Say("Time to send your notes")])
    assert closed.value.permanent and not isinstance(closed.value, RateLimited)


def test_clients_raise_instead_of_sleeping_through_long_rate_limits(client: ThankYouClient) -> None:
    assert client.http.max_ratelimit_timeout == MAX_RATELIMIT_WAIT


async def test_the_workers_rest_sender_raises_too_and_reports_closed_dms(discord_fake: DiscordFake) -> None:
    from adapters.discord.sender import rest_sender
    from bot.events import Address

    closed: list[Address] = []

    async def remember(where: Address) -> None:
        closed.append(where)

    sender, close = await rest_sender("test-token", on_dm_closed=remember)
    try:
        assert sender.client.http.max_ratelimit_timeout == MAX_RATELIMIT_WAIT
        sam = discord_fake.user("sam")
        where = address(user_id=sam.id, channel_id=sam.dm_channel)
        discord_fake.api.script(f"{API}/channels/{sam.dm_channel}/messages", status=403,
                                body={"code": 50007, "message": "Cannot send messages to this user"})  # fmt: skip
        with pytest.raises(DeliveryError):
            await sender.send(where, [Say("Time to send your notes")])
        assert closed == [where]
    finally:
        await close()
