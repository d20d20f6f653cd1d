"""Rate limits don't block other users: a job waiting out a 429 (`Retry-After`) gives its worker slot back for
the wait, then repeats only the throttled post (the turn is committed and never re-run); each user's turns
still run in order."""

from __future__ import annotations

import asyncio
import json
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from urllib.parse import parse_qs

import pytest
from aiohttp import web

from adapters.slack.background import Background, pause
from adapters.slack.sender import MAX_WAIT, RateLimited, SlackSender, make_client, retry_after
from bot.actions import Say
from bot.events import Address
from tests.adapters.slack.helpers import asked_field
from tests.fakes import slack_requests as sr
from tests.fakes.clock import FakeClock
from tests.fakes.slack_api import TEAM, FakeSlackApi, dm_channel
from tests.fakes.slack_rig import SlackRig

BOUND = 20.0
RETRY_AFTER = 1  # seconds, as Slack sends it
THROTTLED = [f"U0SLOW{n}" for n in range(1, 5)]  # as many as the bot runs jobs at once on SQLite
FREE = "U0FAST"


class ThrottlingSlackApi(FakeSlackApi):
    """The fake Web API, answering `chat.postMessage` with 429 + Retry-After for chosen DM channels, a given
    number of times each; it notes when each refusal and each accepted post happened."""

    def __init__(self) -> None:
        super().__init__()
        self.throttle: dict[str, int] = {}
        self.refused: dict[str, list[float]] = defaultdict(list)
        self.accepted: dict[str, list[float]] = defaultdict(list)
        passed_on = self.http._handle

        async def handle(request: web.Request) -> web.Response:
            if request.path != self.path("chat.postMessage"):
                return await passed_on(request)
            channel = _channel(await request.read(), request.content_type)
            if self.throttle.get(channel, 0) > 0:
                self.throttle[channel] -= 1
                self.refused[channel].append(time.monotonic())
                body = {"ok": False, "error": "ratelimited"}
                return web.json_response(body, status=429, headers={"Retry-After": str(RETRY_AFTER)})
            response = await passed_on(request)
            self.accepted[channel].append(time.monotonic())
            return response

        self.http._handle = handle  # type: ignore[method-assign]


def _channel(raw: bytes, content_type: str) -> str:
    if "json" in content_type:
        return str(json.loads(raw).get("channel", ""))
    return (parse_qs(raw.decode()).get("channel") or [""])[0]


@pytest.fixture
async def throttling_api() -> AsyncIterator[ThrottlingSlackApi]:
    api = ThrottlingSlackApi()
    await api.start()
    yield api
    await api.stop()


@pytest.fixture
async def throttled_rig(
    throttling_api: ThrottlingSlackApi, sqlite_url: str, clock: FakeClock
) -> AsyncIterator[SlackRig]:
    started = await SlackRig(throttling_api, sqlite_url, clock).start()
    yield started
    await started.close()


async def until(condition: Callable[[], bool], what: str) -> None:
    async with asyncio.timeout(BOUND):
        while not condition():
            await asyncio.sleep(0.01)
    assert condition(), what


async def test_a_throttled_user_does_not_hold_up_anyone_else(
    throttled_rig: SlackRig, throttling_api: ThrottlingSlackApi
) -> None:
    rig, api = throttled_rig, throttling_api
    assert rig.bot is not None
    for user in [*THROTTLED, FREE]:
        await rig.command(user)
    before = {user: len(rig.posts(user)) for user in [*THROTTLED, FREE]}
    api.throttle = {dm_channel(user): 2 for user in THROTTLED}  # each reply waits 2 x Retry-After

    for user in THROTTLED:
        await rig.send(sr.event(sr.dm(user, "Sam Rivera")), settle=False)
    await until(lambda: all(api.refused[dm_channel(u)] for u in THROTTLED), "every throttled user is waiting")

    started = time.monotonic()
    await rig.send(sr.event(sr.dm(FREE, "Sam Rivera")), settle=False)
    await until(lambda: len(rig.posts(FREE)) > before[FREE], "the free user's reply")
    elapsed = time.monotonic() - started
    assert elapsed < RETRY_AFTER, f"the free user's reply took {elapsed:.2f}s behind throttled users"
    assert all(len(rig.posts(u)) == before[u] for u in THROTTLED), "the throttled replies are still waiting"

    await rig.settle()
    for user in THROTTLED:
        channel = dm_channel(user)
        new = rig.posts(user)[before[user] :]
        assert len(new) == 1, "each throttled reply arrives exactly once"
        assert asked_field(new[0]) == "company"
        assert len(api.refused[channel]) == 2 and api.throttle[channel] == 0
        assert api.accepted[channel][-1] - api.refused[channel][0] >= 2 * RETRY_AFTER - 0.05, "Retry-After honoured"
    [conversation] = await rig.conversations(THROTTLED[0])
    assert conversation.answers == {"candidate": "Sam Rivera"}, "the turn ran once"


async def test_a_throttled_users_own_turns_stay_in_order(
    throttled_rig: SlackRig, throttling_api: ThrottlingSlackApi
) -> None:
    rig, api = throttled_rig, throttling_api
    user = THROTTLED[0]
    await rig.command(user)
    before = len(rig.posts(user))
    api.throttle = {dm_channel(user): 1}
    await rig.send(sr.event(sr.dm(user, "Sam Rivera")), settle=False)
    await rig.send(sr.event(sr.dm(user, "Acme Robotics")), settle=False)
    await rig.settle()
    fields = [asked_field(post) for post in rig.posts(user)[before:]]
    assert fields == ["company", "role"], "the second answer's reply came after the first's"


async def test_pause_frees_the_slot_for_other_jobs() -> None:
    background = Background(limit=1)
    order: list[str] = []

    async def waits() -> None:
        order.append("waiting starts")
        await pause(0.3)
        order.append("waiting ends")

    async def quick() -> None:
        order.append("quick")

    background.spawn("a", waits)
    await asyncio.sleep(0)
    background.spawn("b", quick)
    async with asyncio.timeout(BOUND):
        await background.drain()
    assert order == ["waiting starts", "quick", "waiting ends"]
    assert background._slots._value == 1, "every slot is back"


async def test_a_cancelled_pause_gives_back_no_slot_it_does_not_hold() -> None:
    background = Background(limit=1)
    gate = asyncio.Event()

    async def waits() -> None:
        gate.set()
        await pause(30)

    background.spawn("a", waits)
    await gate.wait()
    [task] = list(background._running)
    task.cancel()
    async with asyncio.timeout(BOUND):
        await background.drain()
    assert background._slots._value == 1


async def test_outside_a_job_pause_is_a_plain_sleep() -> None:
    started = time.monotonic()
    await pause(0.05)
    assert time.monotonic() - started >= 0.05


async def test_a_retry_after_too_long_to_wait_out_is_handed_to_the_caller(slack_api: FakeSlackApi) -> None:
    """The reminder scheduler then holds the reminder instead of a worker sleeping for minutes."""
    slack_api.http.script(
        slack_api.path("chat.postMessage"), status=429, headers={"Retry-After": str(int(MAX_WAIT) + 1)},
        body={"ok": False, "error": "ratelimited"},
    )  # fmt: skip
    sender = SlackSender(make_client("xoxb-test-token", slack_api.base_url))
    with pytest.raises(RateLimited) as error:
        async with asyncio.timeout(5):
            await sender.send(Address("slack", TEAM, "D0X", "U0X"), [Say("hello")])
    assert error.value.retry_after == MAX_WAIT + 1
    assert len(slack_api.calls("chat.postMessage")) == 1


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [({"Retry-After": ["2"]}, 2.0), ({"retry-after": "1.5"}, 1.5), ({"Retry-After": "soon"}, 1.0), ({}, 1.0)],
)
def test_retry_after_is_read_leniently(headers: dict[str, object], seconds: float) -> None:
    assert retry_after(headers) == seconds
