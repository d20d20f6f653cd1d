"""Career-channel posts and `/thankyou-admin` through the real discord.py client against the loopback Discord
API: every body sent is checked against Discord's OpenAPI spec, Manage Server is checked on our side, the
post's Start button opens the clicker's DM debrief, and losing the channel pauses the schedule."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from adapters.discord import ThankYouClient
from bot.storage.models import ChannelPost, CommunityMember, CommunitySettings, Conversation
from tests.adapters.discord.helpers import content, custom_ids
from tests.fakes.clock import FakeClock
from tests.fakes.discord_gateway import API, BOT_USER, GUILD_ID, DiscordFake, DiscordSchemas, User, feed_interaction
from tests.fakes.http_api import Call

CAREERS = 910_000_000_000_000_077
HIDDEN = 910_000_000_000_000_078
MANAGE_GUILD = 1 << 5


@pytest.fixture
def careers(discord_fake: DiscordFake, clock: FakeClock) -> DiscordFake:
    """The server's #careers channel, which the bot can see and post in."""
    clock.set(datetime(2026, 11, 23, 20, 0, tzinfo=UTC))
    channel = {"id": str(CAREERS), "type": 0, "name": "careers", "guild_id": str(GUILD_ID), "position": 1,
               "permission_overwrites": [], "nsfw": False, "parent_id": None}  # fmt: skip
    discord_fake.api.respond(f"{API}/channels/{CAREERS}", lambda _m, _b: channel)
    discord_fake.api.respond(f"{API}/channels/{CAREERS}/messages", discord_fake._echo(CAREERS))
    for _ in range(3):  # a channel of another server, or one the bot may not see
        discord_fake.api.script(
            f"{API}/channels/{HIDDEN}", status=403, body={"code": 50001, "message": "Missing Access"}
        )
    return discord_fake


def admin_payload(fake: DiscordFake, user: User, sub: str, *, manage: bool, **options: Any) -> dict[str, Any]:
    where = fake._guild_part(user)
    where["member"] = {**where["member"], "permissions": str(MANAGE_GUILD if manage else 0)}
    subcommand: dict[str, Any] = {"type": 1, "name": sub, "options": []}
    data: dict[str, Any] = {"id": "930000000000000009", "name": "thankyou-admin", "type": 1,
                            "guild_id": str(GUILD_ID), "options": [subcommand]}  # fmt: skip
    for name, value in options.items():
        kind = 7 if name == "channel" else 4 if isinstance(value, int) else 3
        subcommand["options"].append({"name": name, "type": kind, "value": str(value) if kind == 7 else value})
        if kind == 7:
            resolved = {"id": str(value), "name": "careers", "type": 0, "permissions": "0"}
            data["resolved"] = {"channels": {str(value): resolved}}
    return fake._interaction(2, data, where)


async def admin(fake: DiscordFake, client: ThankYouClient, user: User, sub: str, *, manage: bool = True,
                **options: Any) -> str:  # fmt: skip
    """Run `/thankyou-admin <sub>`; the ephemeral answer's text (every body checked against the spec)."""
    payload = admin_payload(fake, user, sub, manage=manage, **options)
    await feed_interaction(client, payload)
    calls = fake.interaction_calls(int(payload["id"]))
    schemas = DiscordSchemas()
    for call in calls:
        schemas.validate_call(call)
    ack = calls[0].body
    assert ack["type"] == 5 and ack["data"]["flags"] & 64, "deferred, ephemeral"
    return content(calls[-1])


def channel_posts(fake: DiscordFake) -> list[Call]:
    return [c for c in fake.api.calls_to(f"{API}/channels/{CAREERS}/messages") if c.method == "POST"]


async def settings_row(client: ThankYouClient) -> dict[str, Any] | None:
    async with client.core.sessions() as session:
        row = await session.get(CommunitySettings, ("discord", str(GUILD_ID)))
    return None if row is None else row.model_dump()


async def test_two_commands_set_up_a_weekly_post_that_lands_with_start(
    careers: DiscordFake, client: ThankYouClient, clock: FakeClock
) -> None:
    mod = careers.user("mod")
    assert "Done" in await admin(careers, client, mod, "channel", channel=CAREERS)
    assert "every Monday at 09:00" in await admin(careers, client, mod, "schedule", when="weekly monday 09:00")
    clock.set(datetime(2026, 11, 30, 14, 0, 1, tzinfo=UTC))  # 09:00 in New York
    assert (await client.core.community.job().tick()).posted == 1
    [post] = channel_posts(careers)
    DiscordSchemas().validate_call(post)
    assert "Type /thankyou" in content(post) and post.body["allowed_mentions"] == {"parse": []}
    async with client.core.sessions() as session:
        [row] = (await session.execute(select(ChannelPost))).scalars().all()
    assert custom_ids(post) == [f"ty:cs:{row.id}"] and row.status == "sent"


async def test_start_under_the_post_opens_the_clickers_dm_and_tells_the_channel_nothing(
    careers: DiscordFake, client: ThankYouClient
) -> None:
    mod, mia = careers.user("mod"), careers.user("mia")
    await admin(careers, client, mod, "channel", channel=CAREERS)
    assert (await admin(careers, client, mod, "post-now")) == "Posted in #careers."
    [post] = channel_posts(careers)
    click = {**careers._interaction(3, {"custom_id": custom_ids(post)[0], "component_type": 2},
                                    careers._guild_part(mia)),
             "message": {**careers.message(CAREERS, BOT_USER, content(post), careers.next_id()),
                         "components": post.body["components"]}}  # fmt: skip
    await feed_interaction(client, click)
    assert careers.messages_to(mia), "the debrief starts in mia's DM"
    assert len(channel_posts(careers)) == 1
    [ack, *_] = careers.interaction_calls(int(click["id"]))
    assert ack.body["data"]["flags"] & 64, "only mia sees the answer to her click"
    assert careers.messages_to(mod) == []
    async with client.core.sessions() as session:  # mia's notes will count toward this server's weekly numbers
        [link] = (await session.execute(select(CommunityMember))).scalars().all()
    assert (link.workspace, link.user_id, link.community) == ("@dm", str(mia.id), str(GUILD_ID))


@pytest.mark.parametrize(
    ("sub", "options"),
    [
        ("settings", {}), ("channel", {"channel": CAREERS}), ("schedule", {"when": "weekly monday 09:00"}),
        ("schedule", {"when": "off"}), ("timezone", {"zone": "Europe/Berlin"}), ("stats", {"setting": "on"}),
        ("preview", {}), ("post-now", {}), ("template", {"action": "set", "text": "hi {command}"}),
        ("template", {"action": "reset"}), ("tone", {"tone": "formal"}), ("retention", {"days": 30}),
        ("note", {"send_as": "card"}), ("nudge", {"after": "24h"}), ("checkin", {"after": "7 days"}),
        ("retention", {"days": 365}),
    ],
)  # fmt: skip
async def test_every_admin_action_is_refused_without_manage_server(
    careers: DiscordFake, client: ThankYouClient, sub: str, options: dict[str, Any]
) -> None:
    mod, member = careers.user("mod"), careers.user("member")
    await admin(careers, client, mod, "channel", channel=CAREERS)
    before = await settings_row(client)
    answer = await admin(careers, client, member, sub, manage=False, **options)
    assert answer.startswith("Sorry, only community admins")
    assert await settings_row(client) == before
    assert channel_posts(careers) == []


@pytest.mark.parametrize(
    ("sub", "options", "hint"),
    [
        ("channel", {"channel": HIDDEN}, "I can't see"),
        ("schedule", {"when": "mondays at 9ish"}, "couldn't read that schedule"),
        ("timezone", {"zone": "Europe/Atlantis"}, "I don't know the time zone"),
        ("template", {"action": "set", "text": "x" * 1001}, "under 1000 characters"),
        ("post-now", {}, "no channel to post in yet"),
        ("nudge", {"after": "whenever tbh"}, "nudge 24h"),
        ("nudge", {"after": "5 days"}, "from 1 to 72 hours"),
        ("checkin", {"after": "100 days"}, "from 1 to 30"),
        ("retention", {"days": 400}, "from 1 to 365"),
    ],
)
async def test_bad_input_gets_one_line_and_changes_nothing(
    careers: DiscordFake, client: ThankYouClient, sub: str, options: dict[str, Any], hint: str
) -> None:
    mod = careers.user("mod")
    await admin(careers, client, mod, "stats", setting="on")
    before = await settings_row(client)
    answer = await admin(careers, client, mod, sub, **options)
    assert hint in answer.replace("\\", "") and "\n" not in answer
    assert await settings_row(client) == before


async def test_lost_permission_pauses_the_schedule_and_tells_the_admin_once(
    careers: DiscordFake, client: ThankYouClient, clock: FakeClock
) -> None:
    mod = careers.user("mod")
    await admin(careers, client, mod, "channel", channel=CAREERS)
    await admin(careers, client, mod, "schedule", when="daily 09:00")
    forbidden = {"code": 50013, "message": "Missing Permissions"}
    for _ in range(3):
        careers.api.script(f"{API}/channels/{CAREERS}/messages", status=403, body=forbidden)
    job = client.core.community.job()
    for day in (24, 25):
        clock.set(datetime(2026, 11, day, 14, 0, 5, tzinfo=UTC))
        await job.tick()
    told = careers.messages_to(mod)
    assert len(told) == 1 and "paused" in content(told[0])
    DiscordSchemas().validate_call(told[0])
    assert "paused" in await admin(careers, client, mod, "settings")


async def test_forget_export_and_quiet_are_slash_choices(careers: DiscordFake, client: ThankYouClient) -> None:
    mia = careers.user("mia")
    await feed_interaction(client, careers.slash_payload(mia))
    for action, expected in (("export", "everything I hold about you"), ("forget", "forget me now")):
        payload = careers.slash_payload(mia, action=action)
        await feed_interaction(client, payload)
        assert content(careers.interaction_calls(int(payload["id"]))[-1]) == "I've answered in our DM."
        assert expected in "\n".join(content(m) for m in careers.messages_to(mia)[-3:])
    payload = careers.slash_payload(mia, action="quiet")
    await feed_interaction(client, payload)
    assert content(careers.interaction_calls(int(payload["id"]))[-1]).startswith("Okay, I'll stay quiet")


async def test_reminder_timing_and_defaults_from_the_admin_group(careers: DiscordFake, client: ThankYouClient) -> None:
    mod = careers.user("mod")
    answer = await admin(careers, client, mod, "nudge", after="1 day")
    assert answer.startswith("Done") and "24 hours after the interview" in answer and "\n" not in answer
    answer = await admin(careers, client, mod, "checkin", after="two weeks")
    assert answer.startswith("Done") and "14 days after the interview" in answer
    assert (await admin(careers, client, mod, "note", send_as="linkedin")).startswith("Done")
    assert (await admin(careers, client, mod, "retention", days=365)).startswith("Done")
    row = await settings_row(client)
    assert row is not None
    assert (row["send_by_hours"], row["follow_up_days"], row["default_note_channel"], row["retention_days"]) == (
        24, 14, "linkedin", 365,
    )  # fmt: skip
    assert "24 hours after the interview" in await admin(careers, client, mod, "settings")
    assert (await admin(careers, client, mod, "nudge", after="default")).startswith("Done")
    assert (await settings_row(client))["send_by_hours"] is None  # type: ignore[index]


async def test_a_new_member_starting_in_the_server_gets_its_default_tone(
    careers: DiscordFake, client: ThankYouClient
) -> None:
    mod, mia = careers.user("mod"), careers.user("mia")
    assert (await admin(careers, client, mod, "tone", tone="formal")).startswith("Done")
    await feed_interaction(client, careers.slash_payload(mia))
    async with client.core.sessions() as session:
        [row] = (await session.execute(select(Conversation))).scalars().all()
    assert (row.workspace, row.user_id) == ("@dm", str(mia.id))
    assert row.answers.get("tone") == "formal" and "tone" in row.progress["remembered"]
    assert "community's default: tone (Formal)" in "\n".join(content(m) for m in careers.messages_to(mia))
