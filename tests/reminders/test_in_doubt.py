"""A reminder in doubt is looked up, never re-sent blindly (issue 11, item 2).

The fault: the platform accepts the post and the connection drops before its answer reaches us. Through the
real SDKs (slack_sdk, discord.py) against the loopback fakes, on SQLite and PostgreSQL, with a fake clock:
measured before the fix, 3 reminders became 8 posts in 100 s; now every reminder is posted exactly once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Sequence
from datetime import datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from adapters.discord.sender import DiscordSender, reminder_nonce, rest_sender
from adapters.slack.sender import SlackSender, make_client
from bot.actions import Action, Nudge
from bot.errors import DeliveryInDoubt
from bot.events import Address
from bot.reminders.scheduler import Scheduler
from bot.storage.db import session_factory
from bot.storage.models import Reminder
from tests.fakes.clock import FakeClock
from tests.fakes.discord_gateway import API, DiscordFake, DiscordSchemas, User, point_discord_at, request_body
from tests.fakes.http_api import FakeHttpApi
from tests.fakes.reminder_sender import LookupPlatform
from tests.fakes.slack_api import FakeSlackApi
from tests.reminders.scheduler.helpers import leases_run_out, rows, seed

POST = "chat.postMessage"


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlackApi]:
    api = await FakeSlackApi().start()
    yield api
    await api.stop()


def _slack_scheduler(database: AsyncEngine, clock: FakeClock, api: FakeSlackApi) -> Scheduler:
    sender = SlackSender(make_client("xoxb-test-token", api.base_url))
    return Scheduler(session_factory(database), {"slack": sender}, clock)


def _posted_reminders(api: FakeSlackApi) -> Counter[int]:
    return Counter(int(p.metadata["event_payload"]["reminder_id"]) for p in api.posts if p.metadata)


async def _run_for_100_seconds(scheduler: Scheduler, clock: FakeClock) -> None:
    for _ in range(10):  # a worker ticking every 10 s
        await scheduler.tick()
        clock.advance(seconds=10)


async def test_slack_posts_each_reminder_once_when_every_answer_is_lost(
    database: AsyncEngine, clock: FakeClock, slack: FakeSlackApi
) -> None:
    sessions = session_factory(database)
    ids = await seed(sessions, 3, due=clock.now(), platform="slack")
    slack.http.drop(slack.path(POST), "after", always=True)  # Slack keeps every post; no answer comes back

    await _run_for_100_seconds(_slack_scheduler(database, clock, slack), clock)

    assert _posted_reminders(slack) == dict.fromkeys(ids, 1)  # 3 posts, not 8
    stored = await rows(sessions)
    assert [r.status for r in stored] == ["sent"] * 3
    assert sorted(r.message_id or "" for r in stored) == sorted(p.ts for p in slack.posts)  # found by lookup
    assert len(slack.calls("conversations.history")) == 3  # asked once per reminder, before any retry


async def test_slack_retries_when_the_lookup_shows_the_post_never_arrived(
    database: AsyncEngine, clock: FakeClock, slack: FakeSlackApi
) -> None:
    sessions = session_factory(database)
    [rid] = await seed(sessions, 1, due=clock.now(), platform="slack")
    slack.http.drop(slack.path(POST), "before")  # the connection broke before Slack read the request

    await _run_for_100_seconds(_slack_scheduler(database, clock, slack), clock)

    assert _posted_reminders(slack) == {rid: 1}
    [row] = await rows(sessions)
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, None)
    assert len(slack.calls("conversations.history")) == 2  # after the lost answer, and again before the retry


async def test_slack_keeps_a_reminder_in_doubt_until_the_platform_can_answer(
    database: AsyncEngine, clock: FakeClock, slack: FakeSlackApi
) -> None:
    sessions = session_factory(database)
    [rid] = await seed(sessions, 1, due=clock.now(), platform="slack")
    slack.http.drop(slack.path(POST), "after")
    # and the lookup fails too (twice: aiohttp repeats an idempotent GET once on a dropped connection)
    slack.http.drop(slack.path("conversations.history"), "before", "before")
    scheduler = _slack_scheduler(database, clock, slack)

    for _ in range(5):  # 50 s, within the 60 s lease
        await scheduler.tick()
        clock.advance(seconds=10)
    [row] = await rows(sessions)
    assert row.status == "sending"  # not re-posted, not given up: still in doubt, under its lease
    clock.advance(seconds=11)
    await leases_run_out(sessions)
    await scheduler.tick()  # reconciliation asks Slack again, now that it answers

    assert _posted_reminders(slack) == {rid: 1}
    [row] = await rows(sessions)
    assert (row.status, row.message_id) == ("sent", slack.posts[0].ts)


class SlowToShow(LookupPlatform):
    """Accepts the first post but answers with a timeout, and shows it in lookups only after the first one."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden: list[tuple[Address, Nudge]] = []

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        if not self.hidden and not self.posts:
            self.hidden.extend((address, a) for a in actions if isinstance(a, Nudge))
            raise DeliveryInDoubt("timeout")
        return await super().send(address, actions)

    async def delivered(self, address: Address, reminder_id: int, since: datetime) -> str | None:
        found = await super().delivered(address, reminder_id, since)
        self.posts.extend(self.hidden)  # the platform's history catches up after our first look
        self.hidden.clear()
        return found


async def test_a_retry_after_doubt_looks_again_first_and_finds_the_late_post(
    database: AsyncEngine, clock: FakeClock
) -> None:
    sessions = session_factory(database)
    [rid] = await seed(sessions, 1, due=clock.now())
    platform = SlowToShow()
    scheduler = Scheduler(sessions, {"fake": platform}, clock)

    assert (await scheduler.tick()).retried == 1  # in doubt, not found at first: to be retried after a backoff
    [row] = await rows(sessions)
    assert (row.status, (row.last_error or "").startswith("in doubt")) == ("pending", True)
    clock.advance(minutes=5)
    await scheduler.tick()

    assert platform.reminder_ids() == [rid]  # found on the second look: not posted again
    [row] = await rows(sessions)
    assert (row.status, row.message_id) == ("sent", "m1")


# --- Discord ---------------------------------------------------------------------------------------


@pytest.fixture
async def discord_api(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeHttpApi]:
    server = await FakeHttpApi().start()
    point_discord_at(server, monkeypatch)
    yield server
    await server.stop()


@pytest.fixture
def discord_fake(discord_api: FakeHttpApi) -> DiscordFake:
    return DiscordFake(discord_api)


@pytest.fixture
async def discord_sender(discord_fake: DiscordFake) -> AsyncIterator[DiscordSender]:
    sender, close = await rest_sender("test-token")
    yield sender
    await close()


async def _seed_discord(sessions: async_sessionmaker[AsyncSession], users: list[User], due: datetime) -> list[int]:
    rows_ = [
        Reminder(
            dedupe_key=f"test:discord:{u.id}", platform="discord", workspace="@dm", channel=str(u.dm_channel),
            user_id=str(u.id), kind="send_by", due_at=due, status="pending", attempts=0, created_at=due, updated_at=due,
        )
        for u in users
    ]  # fmt: skip
    async with sessions() as session, session.begin():
        session.add_all(rows_)
    return [r.id for r in rows_ if r.id is not None]


async def test_discord_posts_each_reminder_once_when_every_answer_is_lost(
    database: AsyncEngine, clock: FakeClock, discord_fake: DiscordFake, discord_sender: DiscordSender
) -> None:
    fake, schemas, discord_api = discord_fake, DiscordSchemas(), discord_fake.api
    users = [fake.user(name) for name in ("sam", "alex", "jo")]
    sessions = session_factory(database)
    ids = await _seed_discord(sessions, users, clock.now())
    for user in users:
        discord_api.drop(f"{API}/channels/{user.dm_channel}/messages", "after", always=True, method="POST")
    scheduler = Scheduler(sessions, {"discord": discord_sender}, clock)

    await _run_for_100_seconds(scheduler, clock)

    assert [len(fake.history[u.dm_channel]) for u in users] == [1, 1, 1]  # 3 messages, not 8
    assert [r.status for r in await rows(sessions)] == ["sent"] * 3
    posts = [c for u in users for c in fake.messages_to(u)]
    assert len(posts) == 3  # looked up (by the buttons' reminder id) instead of posted again
    for rid, call in zip(ids, posts, strict=True):
        body = request_body(call)
        assert (body["nonce"], body["enforce_nonce"]) == (reminder_nonce(rid), True)
        schemas.validate_call(call)


async def test_discord_repeats_of_a_reminder_carry_its_nonce_so_discord_keeps_one_message(
    database: AsyncEngine, clock: FakeClock, discord_fake: DiscordFake, discord_sender: DiscordSender
) -> None:
    fake = discord_fake
    sam = fake.user("sam")
    sessions = session_factory(database)
    [rid] = await _seed_discord(sessions, [sam], clock.now())
    [row] = await rows(sessions)
    nudge = await _nudge_for(row, database, clock)

    first = await discord_sender.send(_address(row), [nudge])
    again = await discord_sender.send(_address(row), [nudge])  # e.g. a retry whose lookup came too early

    assert first == again
    assert len(fake.history[sam.dm_channel]) == 1
    assert {request_body(c)["nonce"] for c in fake.messages_to(sam)} == {reminder_nonce(rid)}


def _address(row: Reminder):  # type: ignore[no-untyped-def]
    from bot.reminders.queue import address_of

    return address_of(row)


async def _nudge_for(row: Reminder, database: AsyncEngine, clock: FakeClock):  # type: ignore[no-untyped-def]
    from bot.reminders.planning import plan_batch

    async with session_factory(database)() as session:
        [plan] = await plan_batch(session, [row], clock.now(), grace=clock.now() - clock.now(), default_timezone="UTC")
    assert plan.nudge is not None
    return plan.nudge
