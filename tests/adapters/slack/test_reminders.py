"""Reminders through Slack: the scheduler posts a nudge with buttons; a click reaches the reminder handler;
the post is tagged so a reminder whose outcome was lost can be found again."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from adapters.slack.sender import RateLimited
from bot.actions import Say
from bot.errors import DeliveryError
from bot.events import Address
from bot.storage.models import Reminder
from tests.adapters.slack.test_conversation import USER, debrief_until_confirm
from tests.fakes.clock import FakeClock
from tests.fakes.slack_api import TEAM, FakeSlackApi, dm_channel
from tests.fakes.slack_rig import SlackRig

ADDRESS = Address("slack", TEAM, dm_channel(USER), USER)


async def reminders(rig: SlackRig) -> list[Reminder]:
    assert rig.bot is not None
    async with rig.bot.core.sessions() as session:
        return list((await session.execute(select(Reminder).order_by(Reminder.id))).scalars())  # type: ignore[arg-type]


async def test_nudge_is_posted_with_buttons_and_a_click_is_handled(
    rig: SlackRig, slack_api: FakeSlackApi, clock: FakeClock
) -> None:
    slack_api.now = lambda: clock.now().timestamp()
    await debrief_until_confirm(rig)
    await rig.click(USER, "Write my notes")
    send_by = next(r for r in await reminders(rig) if r.kind == "send_by")
    clock.set(send_by.due_at + timedelta(minutes=1))
    assert rig.bot is not None
    before = len(rig.posts(USER))
    delivered = await rig.bot.core.deliver_due(ADDRESS, rig.bot.sender)
    assert delivered >= 1
    nudge = rig.posts(USER)[before]
    assert nudge.metadata == {"event_type": "thankyou_reminder", "event_payload": {"reminder_id": send_by.id}}
    assert "Acme Robotics" in nudge.all_text()
    await rig.click(USER, "Sent", post=nudge)
    assert {n.status for n in await rig.notes(USER)} == {"sent"}
    assert len(rig.posts(USER)) == before + 2, "one nudge, one reply to the click"
    found = await rig.bot.sender.delivered(ADDRESS, send_by.id or 0, clock.now() - timedelta(days=30))
    assert found == nudge.ts
    assert await rig.bot.sender.delivered(ADDRESS, 999_999, clock.now() - timedelta(days=30)) is None


async def test_exhausted_rate_limit_tells_the_scheduler_when_to_retry(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    assert rig.bot is not None
    for _ in range(4):  # the first try and three retries
        slack_api.http.script(slack_api.path("chat.postMessage"), status=429, headers={"Retry-After": "0"},
                              body={"ok": False, "error": "ratelimited"})  # fmt: skip
    try:
        await rig.bot.sender.send(ADDRESS, [_say()])
    except RateLimited as error:
        assert error.retry_after == 0 and not error.permanent
    else:
        raise AssertionError("expected RateLimited")
    assert slack_api.posts == []


async def test_closed_dm_is_a_permanent_delivery_error(rig: SlackRig, slack_api: FakeSlackApi) -> None:
    assert rig.bot is not None
    slack_api.http.script(slack_api.path("chat.postMessage"), body={"ok": False, "error": "channel_not_found"})
    try:
        await rig.bot.sender.send(ADDRESS, [_say()])
    except DeliveryError as error:
        assert error.permanent and error.reason == "channel_not_found"
    else:
        raise AssertionError("expected DeliveryError")


def _say() -> Say:
    return Say("Hello")
