"""The debrief as Discord modals (three parts of five labelled inputs, chained by "Continue" buttons), through
discord.py against the loopback fake, every payload checked against Discord's OpenAPI spec; `/thankyou help`;
the time zone asked once with a one-tap guess from the member's locale; dates read in the locale's order."""

from __future__ import annotations

from typing import Any

from adapters.discord import ThankYouClient
from tests.adapters.discord.helpers import active, click, content, custom_ids, say
from tests.fakes.discord_gateway import DiscordFake, DiscordSchemas, User, feed_interaction, request_body
from tests.fakes.http_api import Call


def _callbacks(fake: DiscordFake, interaction_id: int) -> list[dict[str, Any]]:
    return [request_body(c) for c in fake.interaction_calls(interaction_id) if c.path.endswith("/callback")]


def _followups(fake: DiscordFake, interaction_id: int) -> list[Call]:
    return [
        c for c in fake.interaction_calls(interaction_id) if c.method == "POST" and not c.path.endswith("/callback")
    ]


def _inputs(modal: dict[str, Any]) -> list[dict[str, Any]]:
    return [row["component"] for row in modal["components"]]


async def open_part(fake: DiscordFake, client: ThankYouClient, user: User, message: Call, part: int) -> dict[str, Any]:
    """Click the button that opens part `part`; the modal Discord was asked to show."""
    clicked = await click(fake, client, user, message, f"ty:f:{part}")
    [callback] = _callbacks(fake, clicked)
    assert callback["type"] == 9, "a modal"
    return dict(callback["data"])


async def submit(
    fake: DiscordFake, client: ThankYouClient, user: User, modal: dict[str, Any], typed: dict[str, str], *,
    locale: str = "en-US",
) -> int:  # fmt: skip
    """A modal submit as Discord sends it: every input of the modal, `typed` replacing what it showed."""
    components = []
    for item in _inputs(modal):
        key = item["custom_id"]
        if item["type"] == 3:
            chosen = typed.get(key, next((o["value"] for o in item["options"] if o.get("default")), ""))
            components.append(
                {"type": 18, "component": {"type": 3, "custom_id": key, "values": [chosen] if chosen else []}}
            )
        else:
            components.append(
                {
                    "type": 18,
                    "component": {"type": 4, "custom_id": key, "value": typed.get(key, item.get("value") or "")},
                }
            )
    payload = fake._interaction(5, {"custom_id": modal["custom_id"], "components": components}, fake._dm_part(user))
    payload["locale"] = locale
    await feed_interaction(client, payload)
    return int(payload["id"])


PART_ONE = {
    "candidate": "sam rivera",
    "company": "Acme Robotics",
    "role": "data engineer",
    "interview_at": "yday 3pm",
}
PART_TWO = {
    "interviewers": "priya natarajan, engineering manager, priya@acme.example\ntom lee",
    "format": "video",
    "interviewers.*.discussed": "streaming; her on-call redesign\nTom: hiring plans",
}


async def test_three_modals_fill_the_debrief_and_dm_the_summary(
    discord_fake: DiscordFake, client: ThankYouClient, schemas: DiscordSchemas
) -> None:
    sam = discord_fake.user("sam")
    await feed_interaction(client, discord_fake.slash_payload(sam, in_guild=False))
    first = discord_fake.messages_to(sam)[0]
    assert "ty:f:1" in custom_ids(first), "the first message offers the form"

    modal = await open_part(discord_fake, client, sam, first, 1)
    assert len(modal["components"]) <= 5 and len(modal["title"]) <= 45
    reply = _followups(discord_fake, await submit(discord_fake, client, sam, modal, PART_ONE))[-1]
    assert "ty:f:2" in custom_ids(reply) and "Continue to part 2 of 3" in str(request_body(reply))

    modal = await open_part(discord_fake, client, sam, reply, 2)
    reply = _followups(discord_fake, await submit(discord_fake, client, sam, modal, PART_TWO))[-1]
    modal = await open_part(discord_fake, client, sam, reply, 3)
    kinds = {item["custom_id"]: item["type"] for item in _inputs(modal)}
    assert kinds.get("tone") == 3, "choices are selects"
    posts_before = len(discord_fake.messages_to(sam))
    reply = _followups(discord_fake, await submit(discord_fake, client, sam, modal, {"tone": "formal"}))[-1]
    assert "summary" in content(reply)

    row = await active(client, sam)
    assert row is not None and row.step == "confirm"
    answers = row.answers
    assert answers["interview_at"] == "2026-11-22T15:00:00-05:00"
    assert [p["name"] for p in answers["interviewers"]] == ["Priya Natarajan", "Tom Lee"]
    assert answers["interviewers"][1]["discussed"] == "hiring plans" and answers["tone"] == "formal"
    summary = discord_fake.messages_to(sam)[posts_before:]
    assert summary and "ty:c:confirm:yes" in custom_ids(summary[-1])
    sent = [c for c in discord_fake.api.calls if c.method in ("POST", "PATCH") and "/commands" not in c.path]
    for call in sent:
        if any(part in call.path for part in ("/interactions/", "/webhooks/", "/messages")):
            schemas.validate_call(call)  # the modals, the follow-ups and the DMs


async def test_invalid_input_comes_back_with_a_fix_button_and_the_rest_is_kept(
    discord_fake: DiscordFake, client: ThankYouClient, schemas: DiscordSchemas
) -> None:
    sam = discord_fake.user("sam")
    await feed_interaction(client, discord_fake.slash_payload(sam, in_guild=False))
    modal = await open_part(discord_fake, client, sam, discord_fake.messages_to(sam)[0], 1)
    typed = {**PART_ONE, "interview_at": "next tuesday", "role": ""}
    reply = _followups(discord_fake, await submit(discord_fake, client, sam, modal, typed))[-1]
    schemas.validate_call(reply)
    text = str(request_body(reply)["content"])
    assert "When:" in text and "Role:" in text and custom_ids(reply) == ["ty:f:1"]
    row = await active(client, sam)
    assert row is not None and row.answers["company"] == "Acme Robotics" and "interview_at" not in row.answers
    again = await open_part(discord_fake, client, sam, reply, 1)
    shown = {item["custom_id"]: item.get("value") for item in _inputs(again)}
    assert shown["company"] == "Acme Robotics", "the fixed part shows what was kept"


async def test_the_members_locale_decides_how_numeric_dates_read(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    for name, locale, expected in (("uk", "en-GB", "2026-11-03T14:00"), ("us", "en-US", "2026-03-11T14:00")):
        member = discord_fake.user(name)
        command = discord_fake.slash_payload(member)
        command["locale"] = locale
        await feed_interaction(client, command)  # remembers the locale
        for answer in ("Sam Rivera", "Acme", "Engineer", "3/11 2pm"):
            await say(discord_fake, client, member, answer)
        row = await active(client, member)
        assert row is not None and row.answers["interview_at"].startswith(expected), (locale, row.answers)


async def test_the_time_zone_is_asked_once_with_the_locale_guess_first(
    discord_fake: DiscordFake, client: ThankYouClient, schemas: DiscordSchemas
) -> None:
    sam = discord_fake.user("sam")
    command = discord_fake.slash_payload(sam)
    command["locale"] = "de"
    await feed_interaction(client, command)
    [ask] = [c for c in discord_fake.interaction_calls(int(command["id"])) if "time zone" in content(c)]
    assert ask.method == "PATCH" and ask.path.endswith("/messages/@original"), "in the reply to /thankyou"
    schemas.validate_call(ask)
    assert custom_ids(ask)[0] == "ty:tz:Europe/Berlin"
    picked = await click(discord_fake, client, sam, ask, "ty:tz:Europe/Berlin")
    [answer] = _callbacks(discord_fake, picked)
    assert "Europe/Berlin" in str(answer)
    row = await active(client, sam)
    assert row is not None and row.timezone == "Europe/Berlin", "the open debrief reads times there too"

    again = discord_fake.slash_payload(sam)
    await feed_interaction(client, again)
    assert not [c for c in discord_fake.interaction_calls(int(again["id"])) if "time zone" in content(c)]


async def test_help_shows_what_the_bot_does_a_sample_note_and_the_privacy_commands(
    discord_fake: DiscordFake, client: ThankYouClient, schemas: DiscordSchemas
) -> None:
    sam = discord_fake.user("sam")
    command = discord_fake.slash_payload(sam, action="help")
    await feed_interaction(client, command)
    [callback] = [c for c in discord_fake.interaction_calls(int(command["id"])) if c.path.endswith("/callback")]
    schemas.validate_call(callback)
    body = request_body(callback)
    assert body["type"] == 4 and body["data"]["flags"] & 64, "only the member sees it"
    text = body["data"]["content"]
    assert "forget me" in text and "export my data" in text and "reminders pause" in text
    shown = [c["custom_id"] for row in body["data"]["components"] for c in row["components"]]
    assert {"ty:f:0", "ty:f:1"} <= set(shown)
    [sample] = _followups(discord_fake, int(command["id"]))
    schemas.validate_call(sample)
    assert client.core.desk.sample_note().body.split("\n")[0] in content(sample)
    assert await active(client, sam) is None, "help starts nothing"


async def test_another_zone_can_be_picked_from_the_menu_or_typed(
    discord_fake: DiscordFake, client: ThankYouClient, schemas: DiscordSchemas
) -> None:
    sam = discord_fake.user("sam")
    command = discord_fake.slash_payload(sam)
    await feed_interaction(client, command)  # locale en-US
    [ask] = [c for c in discord_fake.interaction_calls(int(command["id"])) if "time zone" in content(c)]
    assert custom_ids(ask)[0] == "ty:tz:America/New_York"

    for typed, expected in (("mars/olympus mons", "know that time zone"), ("europe/lisbon", "Europe/Lisbon")):
        menu = discord_fake.click_payload(sam, ask, "ty:tz")  # "Another zone (I'll type it)" opens a modal
        menu["data"] = {"custom_id": "ty:tz", "component_type": 3, "values": ["other"]}
        await feed_interaction(client, menu)
        [callback] = _callbacks(discord_fake, int(menu["id"]))
        assert callback["type"] == 9
        schemas.validate_call(discord_fake.interaction_calls(int(menu["id"]))[0])
        modal = callback["data"]
        [field] = _inputs(modal)
        typed_in = {"type": 4, "custom_id": field["custom_id"], "value": typed}
        data = {"custom_id": modal["custom_id"], "components": [{"type": 18, "component": typed_in}]}
        submitted = discord_fake._interaction(5, data, discord_fake._dm_part(sam))
        await feed_interaction(client, submitted)
        [answer] = _callbacks(discord_fake, int(submitted["id"]))
        assert expected in answer["data"]["content"]
    assert await client.core.desk.zone(discord_fake_address(sam)) == "Europe/Lisbon"

    picked = discord_fake.click_payload(sam, ask, "ty:tz")
    picked["data"] = {"custom_id": "ty:tz", "component_type": 3, "values": ["Europe/London"]}
    await feed_interaction(client, picked)
    assert await client.core.desk.zone(discord_fake_address(sam)) == "Europe/London"


def discord_fake_address(user: User) -> Any:
    from adapters.discord.translate import address

    return address(user_id=user.id, channel_id=0)
