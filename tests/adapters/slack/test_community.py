"""Career-channel posts and admin commands through the real bolt app and the loopback Slack Web API: an admin
sets up a weekly post in two commands, the post carries a Start button and nothing personal, a click opens
the clicker's own DM debrief, members are refused, and losing the channel pauses the schedule."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from adapters.slack.channel_posts import START_ACTION, SlackChannelPoster
from bot.storage.models import ChannelPost, CommunitySettings
from tests.community.fakes import KillWorker
from tests.fakes import slack_requests as sr
from tests.fakes.clock import FakeClock
from tests.fakes.slack_api import TEAM, FakeSlackApi, Post, dm_channel
from tests.fakes.slack_rig import SlackRig

ADMIN, MEMBER = "U0ADMIN", "U0MIA"
CAREERS = "C0CAREERS"
CHANNELS = {CAREERS: "careers", "C0GENERAL": "general"}
HOOK = "/hooks/command"
MONDAY_EVENING = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)


class Workspace:
    """What the fake Slack knows about this workspace: who is an admin, which channels the bot sees."""

    def __init__(self, api: FakeSlackApi, clock: FakeClock) -> None:
        self.api, self.admins = api, {ADMIN}
        api.now = lambda: clock.now().timestamp()
        api.http.respond(api.path("users.info"), lambda _m, b: self._user(b))
        api.http.respond(api.path("conversations.info"), lambda _m, b: self._info(b))
        api.http.respond(api.path("conversations.list"), lambda _m, _b: self._list())

    def _user(self, body: Any) -> dict[str, Any]:
        user = str(body.get("user"))
        return {"ok": True, "user": {"id": user, "tz": "Europe/Berlin", "is_admin": user in self.admins,
                                     "is_owner": False, "is_primary_owner": False, "profile": {}}}  # fmt: skip

    def _info(self, body: Any) -> dict[str, Any]:
        channel = str(body.get("channel"))
        if channel not in CHANNELS:
            return {"ok": False, "error": "channel_not_found"}
        return {"ok": True, "channel": {"id": channel, "name": CHANNELS[channel], "is_member": True}}

    def _list(self) -> dict[str, Any]:
        channels = [{"id": i, "name": n, "is_member": True} for i, n in CHANNELS.items()]
        return {"ok": True, "channels": channels, "response_metadata": {"next_cursor": ""}}


@pytest.fixture
def workspace(slack_api: FakeSlackApi, clock: FakeClock) -> Workspace:
    clock.set(MONDAY_EVENING)
    return Workspace(slack_api, clock)


async def command(rig: SlackRig, api: FakeSlackApi, user: str, text: str) -> str:
    """`/thankyou <text>` as Slack sends it (should_escape: channels as `<#C…|name>`); the private reply."""
    before = len(api.http.calls_to(HOOK))
    reply = await rig.send(sr.command(user, text, response_url=api.http.base_url + HOOK))
    assert reply.status == 200 and reply.text == ""  # acknowledged at once, answered through response_url
    answers = api.http.calls_to(HOOK)[before:]
    assert len(answers) == 1 and answers[0].body["response_type"] == "ephemeral"
    return str(answers[0].body["text"])


def hook_bodies(api: FakeSlackApi) -> list[dict[str, Any]]:
    return [c.body for c in api.http.calls_to(HOOK)]


async def community(rig: SlackRig) -> CommunitySettings | None:
    assert rig.bot is not None
    async with rig.bot.core.sessions() as session:
        return await session.get(CommunitySettings, ("slack", TEAM))


def channel_posts(api: FakeSlackApi) -> list[Post]:
    return [p for p in api.posts if p.channel == CAREERS]


async def set_up_weekly(rig: SlackRig, api: FakeSlackApi) -> None:
    assert "Done" in await command(rig, api, ADMIN, "admin channel <#C0CAREERS|careers>")
    assert "every Monday at 09:00" in await command(rig, api, ADMIN, "admin schedule weekly monday 09:00")


async def test_an_admin_sets_up_a_weekly_post_and_it_lands_with_a_start_button(
    any_rig: SlackRig, slack_api: FakeSlackApi, workspace: Workspace, clock: FakeClock
) -> None:
    rig = any_rig  # SQLite and PostgreSQL
    await set_up_weekly(rig, slack_api)
    row = await community(rig)
    assert row is not None and row.timezone == "UTC" and row.next_post_at == datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    assert (await command(rig, slack_api, ADMIN, "admin timezone Europe/Berlin")).startswith("Done: times now follow")
    await rig.dm(MEMBER, "hi")  # a member's DM exists; nothing of it may reach the channel
    assert rig.bot is not None
    job = rig.bot.core.community.job()
    clock.set(datetime(2026, 11, 30, 8, 0, 5, tzinfo=UTC))  # 09:00 in Berlin
    assert (await job.tick()).posted == 1
    [post] = channel_posts(slack_api)
    assert "Interviewed this week? Type /thankyou" in post.text and "private DM" in post.text
    assert [b["action_id"] for b in post.buttons()] == [START_ACTION] and post.labels() == ["Start"]
    assert MEMBER not in post.all_text() and ADMIN not in post.all_text()
    assert post.metadata is not None and post.metadata["event_type"] == "thankyou_channel_post"
    assert (await job.tick()).posted == 0 and len(channel_posts(slack_api)) == 1


async def test_start_opens_a_dm_debrief_for_the_clicker_only(
    rig: SlackRig, slack_api: FakeSlackApi, workspace: Workspace
) -> None:
    await command(rig, slack_api, ADMIN, "admin channel #careers")  # typed by hand: found by name
    await command(rig, slack_api, ADMIN, "admin post now")
    [post] = channel_posts(slack_api)
    await rig.send(sr.click(post, post.button("Start"), MEMBER))
    assert len(channel_posts(slack_api)) == 1, "nothing is said in the channel"
    assert slack_api.calls("chat.postEphemeral") == []
    assert rig.posts(MEMBER), "the debrief starts in the clicker's DM"
    [conversation] = await rig.conversations(MEMBER)
    assert conversation.channel == dm_channel(MEMBER) and conversation.timezone == "Europe/Berlin"
    assert await rig.conversations(ADMIN) == []


ACTIONS = [
    "admin", "admin channel <#C0CAREERS|careers>", "admin schedule weekly monday 09:00", "admin schedule off",
    "admin timezone Europe/Berlin", "admin stats on", "admin stats off", "admin preview", "admin post now",
    "admin template", "admin template set hey {command}", "admin template reset", "admin tone concise",
    "admin note card", "admin nudge 24h", "admin checkin 7 days", "admin reminders send-by 24 follow-up 7",
    "admin retention 365",
]  # fmt: skip


@pytest.mark.parametrize("text", ACTIONS)
async def test_every_admin_action_is_refused_for_a_member(
    rig: SlackRig, slack_api: FakeSlackApi, workspace: Workspace, text: str
) -> None:
    await command(rig, slack_api, ADMIN, "admin channel <#C0CAREERS|careers>")
    before = (await community(rig)).model_dump()  # type: ignore[union-attr]
    answer = await command(rig, slack_api, MEMBER, text)
    assert answer.startswith("Sorry, only community admins")
    assert (await community(rig)).model_dump() == before  # type: ignore[union-attr]
    assert channel_posts(slack_api) == [] and "blocks" not in hook_bodies(slack_api)[-1]


async def test_the_admin_list_setting_makes_a_member_an_admin(
    slack_api: FakeSlackApi, sqlite_url: str, clock: FakeClock, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SLACK_ADMIN_USERS", f"U0OTHER, {MEMBER}")
    rig = await SlackRig(slack_api, sqlite_url, clock).start()
    try:
        assert (await command(rig, slack_api, MEMBER, "admin stats on")).startswith("Done")
    finally:
        await rig.close()


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("admin channel #secret-plans", "I can't see #secret-plans"),
        ("admin channel <#C0GONE|gone>", "I can't see C0GONE"),
        ("admin schedule mondays at 9ish", "couldn't read that schedule"),
        ("admin timezone Moon/Tranquility", "I don't know the time zone"),
        ("admin template set Hi {name}!!", "I don't know {name}"),
        ("admin post now", "There's no channel to post in yet"),
        ("admin make it pretty pls", 'I don\'t know "make"'),
        ("admin nudge whenever they feel like it", "nudge 24h"),
        ("admin checkin 90 days", "from 1 to 30"),
        ("admin reminders send-by 24h follow-up never", "checkin 7 days"),
        ("admin retention 1000", "from 1 to 365"),
    ],
)
async def test_bad_input_gets_one_line_and_changes_nothing(
    rig: SlackRig, slack_api: FakeSlackApi, workspace: Workspace, text: str, hint: str
) -> None:
    await command(rig, slack_api, ADMIN, "admin stats on")
    before = (await community(rig)).model_dump()  # type: ignore[union-attr]
    answer = await command(rig, slack_api, ADMIN, text)
    assert hint in answer and "\n" not in answer
    assert (await community(rig)).model_dump() == before  # type: ignore[union-attr]
    assert channel_posts(slack_api) == []


async def test_preview_is_shown_only_to_the_admin_with_the_button(
    rig: SlackRig, slack_api: FakeSlackApi, workspace: Workspace
) -> None:
    await command(rig, slack_api, ADMIN, "admin template set <!channel> Interviewed? Tap {button} :tada:")
    body = hook_bodies(slack_api)[-1]
    blocks = json.dumps(body["blocks"])
    assert "@channel Interviewed? Tap Start :tada:" in blocks and START_ACTION in blocks
    assert "<!channel>" not in blocks + body["text"], "a template never pings the channel"
    assert channel_posts(slack_api) == []


async def test_removed_from_the_channel_pauses_and_tells_the_admin_once(
    rig: SlackRig, slack_api: FakeSlackApi, workspace: Workspace, clock: FakeClock
) -> None:
    await set_up_weekly(rig, slack_api)
    slack_api.http.script(slack_api.path("chat.postMessage"), body={"ok": False, "error": "not_in_channel"})
    assert rig.bot is not None
    job = rig.bot.core.community.job()
    clock.set(datetime(2026, 11, 30, 9, 0, 5, tzinfo=UTC))
    await job.tick()
    clock.set(datetime(2026, 12, 7, 9, 0, 5, tzinfo=UTC))
    await job.tick()
    told = rig.posts(ADMIN)
    assert len(told) == 1 and "paused" in told[0].text and "#careers" in told[0].text
    assert "paused" in await command(rig, slack_api, ADMIN, "admin")
    assert "Done" in await command(rig, slack_api, ADMIN, "admin channel <#C0CAREERS|careers>")
    clock.set(datetime(2026, 12, 14, 9, 0, 5, tzinfo=UTC))
    assert (await job.tick()).posted == 1


class _DiesAfterPosting(SlackChannelPoster):
    async def post(self, workspace: str, channel: str, message: Any) -> str:
        await super().post(workspace, channel, message)
        raise KillWorker


async def test_a_post_whose_worker_died_is_found_in_the_channel_not_posted_again(
    rig: SlackRig, slack_api: FakeSlackApi, workspace: Workspace, clock: FakeClock
) -> None:
    await set_up_weekly(rig, slack_api)
    assert rig.bot is not None
    core = rig.bot.core
    clock.set(datetime(2026, 11, 30, 9, 0, 5, tzinfo=UTC))
    core.community.register("slack", _DiesAfterPosting(rig.bot.client))
    with pytest.raises(KillWorker):
        await core.community.job(worker="doomed").tick()
    core.community.register("slack", SlackChannelPoster(rig.bot.client))
    clock.advance(minutes=5)
    await core.community.job(worker="next").tick()
    assert len(channel_posts(slack_api)) == 1
    async with core.sessions() as session:
        [row] = (await session.execute(select(ChannelPost))).scalars().all()
    assert row.status == "sent" and row.message_id == channel_posts(slack_api)[0].ts


async def test_forget_export_and_quiet_work_as_slash_commands(
    rig: SlackRig, slack_api: FakeSlackApi, workspace: Workspace
) -> None:
    await rig.command(MEMBER)  # a debrief is open
    assert await command(rig, slack_api, MEMBER, "export") == "I've answered in our DM."
    exported = rig.last(MEMBER).all_text()
    assert "everything I hold about you" in exported and '"conversations"' in exported
    assert await command(rig, slack_api, MEMBER, "forget") == "I've answered in our DM."
    assert "type: forget me now" in rig.last(MEMBER).text
    assert len(await rig.conversations(MEMBER)) == 1, "forget asks first"
    await command(rig, slack_api, MEMBER, "forget now")
    assert await rig.conversations(MEMBER) == []
    assert (await command(rig, slack_api, MEMBER, "quiet")).startswith("Okay, I'll stay quiet")
    assert (await command(rig, slack_api, MEMBER, "quiet off")).startswith("Okay, reminders are back on")


async def test_an_admin_sets_the_reminder_timing_and_sees_it_in_the_settings(
    rig: SlackRig, slack_api: FakeSlackApi, workspace: Workspace
) -> None:
    answer = await command(rig, slack_api, ADMIN, "admin nudge 24 hours")
    assert answer.startswith("Done: in new debriefs") and "24 hours after the interview" in answer
    assert "\n" not in answer
    answer = await command(rig, slack_api, ADMIN, "admin check-in a week")
    assert answer.startswith("Done") and "7 days after the interview" in answer and "\n" not in answer
    row = await community(rig)
    assert row is not None and (row.send_by_hours, row.follow_up_days) == (24, 7)
    shown = await command(rig, slack_api, ADMIN, "admin")
    assert "nudge: 24 hours after the interview" in shown and "check-in: 7 days after the interview" in shown


async def test_a_member_starting_with_slash_thankyou_gets_the_workspaces_default_tone(
    rig: SlackRig, slack_api: FakeSlackApi, workspace: Workspace
) -> None:
    assert (await command(rig, slack_api, ADMIN, "admin tone formal")).startswith("Done")
    await rig.command(MEMBER)
    [conversation] = await rig.conversations(MEMBER)
    assert conversation.answers.get("tone") == "formal" and "tone" in conversation.progress["remembered"]
    assert "Your community's default: tone (Formal)" in " ".join(p.all_text() for p in rig.posts(MEMBER))
