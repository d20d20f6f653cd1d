""" "Edit note" on Discord: the button opens a modal with the note; the submitted text is proofread against the
answers and the result comes back ephemerally. Through discord.py against the loopback fake, every payload the
bot sends checked against Discord's OpenAPI spec."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.discord import ThankYouClient
from bot.storage.models import Note
from tests.adapters.discord.conftest import ClientFactory
from tests.adapters.discord.helpers import click, converse_to_drafts, custom_ids, latest
from tests.fakes.discord_gateway import DiscordFake, DiscordSchemas, User, feed_interaction, request_body
from tests.fakes.http_api import Call


@pytest.fixture
def bot_db(db_url: str) -> str:
    return db_url


def _callbacks(fake: DiscordFake, interaction_id: int) -> list[dict[str, Any]]:
    return [request_body(c) for c in fake.interaction_calls(interaction_id) if c.path.endswith("/callback")]


def _followups(fake: DiscordFake, interaction_id: int) -> list[dict[str, Any]]:
    calls = fake.interaction_calls(interaction_id)
    return [request_body(c) for c in calls if c.method == "POST" and not c.path.endswith("/callback")]


async def _drafted(fake: DiscordFake, client: ThankYouClient, user: User) -> tuple[int, Call]:
    await feed_interaction(client, fake.slash_payload(user))
    await converse_to_drafts(fake, client, user)
    row = await latest(client, user)
    assert row is not None and row.id is not None
    first = next(c for c in fake.messages_to(user) if f"ty:e:{row.id}:0" in custom_ids(c))
    return row.id, first


async def open_editor(
    fake: DiscordFake, client: ThankYouClient, user: User, sent: Call, custom_id: str
) -> dict[str, Any]:
    clicked = await click(fake, client, user, sent, custom_id)
    [callback] = _callbacks(fake, clicked)
    assert callback["type"] == 9, "a modal"
    return dict(callback["data"])


async def submit(fake: DiscordFake, client: ThankYouClient, user: User, modal: dict[str, Any], text: str) -> int:
    """A modal submit as Discord sends it: the label's text input with what was typed."""
    components = [{"type": 18, "component": {"type": 4, "custom_id": "note", "value": text}}]
    payload = fake._interaction(5, {"custom_id": modal["custom_id"], "components": components}, fake._dm_part(user))
    await feed_interaction(client, payload)
    return int(payload["id"])


def _input(modal: dict[str, Any]) -> dict[str, Any]:
    [row] = modal["components"]
    return dict(row["component"])


async def _notes(client: ThankYouClient) -> list[Note]:
    from sqlalchemy import select

    async with client.core.sessions() as session:
        return list((await session.execute(select(Note).order_by(Note.position))).scalars())


async def test_edit_note_opens_a_modal_with_the_note_beside_mark_as_sent(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    sam = discord_fake.user("sam")
    conversation, first = await _drafted(discord_fake, client, sam)
    assert f"ty:d:{conversation}:sent:0" in custom_ids(first)
    assert any(f"ty:d:{conversation}:edit" in c for m in discord_fake.messages_to(sam) for c in custom_ids(m))
    modal = await open_editor(discord_fake, client, sam, first, f"ty:e:{conversation}:0")
    field = _input(modal)
    note = (await _notes(client))[0]
    assert field["type"] == 4 and field["style"] == 2 and field["max_length"] == 4000
    assert field["value"] == f"Subject: {note.subject}\n\n{note.body}"
    assert len(modal["title"]) <= 45


async def test_a_submitted_edit_is_proofread_and_answered_ephemerally(
    discord_fake: DiscordFake, client: ThankYouClient, schemas: DiscordSchemas
) -> None:
    sam = discord_fake.user("sam")
    conversation, first = await _drafted(discord_fake, client, sam)
    modal = await open_editor(discord_fake, client, sam, first, f"ty:e:{conversation}:0")
    typed = _input(modal)["value"].replace("Priya", "Prya", 1) + "\nits a great team and your welcome to call me"
    submitted = await submit(discord_fake, client, sam, modal, typed)
    [deferred] = _callbacks(discord_fake, submitted)
    assert deferred["type"] == 5 and deferred["data"]["flags"] & 64, "deferred, ephemeral"
    replies = _followups(discord_fake, submitted)
    assert replies and all(r["flags"] & 64 for r in replies)
    shown = "\n".join(r["content"] for r in replies)
    assert "“Prya”" in shown and "its a (→ it's)" in shown and "your welcome (→ you're)" in shown
    assert f"ty:e:{conversation}:0" in [
        c["custom_id"] for r in replies for row in r.get("components", []) for c in row["components"]
    ]
    assert all(r["allowed_mentions"] == {"parse": []} for r in replies)
    assert (await _notes(client))[0].body.endswith("your welcome to call me"), "kept for the next edit"
    for call in discord_fake.api.calls:
        if "/interactions/" in call.path or "/webhooks/" in call.path or "/messages" in call.path:
            schemas.validate_call(call)


async def test_a_clean_edit_is_ready_to_send(discord_fake: DiscordFake, client: ThankYouClient) -> None:
    sam = discord_fake.user("sam")
    conversation, first = await _drafted(discord_fake, client, sam)
    modal = await open_editor(discord_fake, client, sam, first, f"ty:e:{conversation}:0")
    submitted = await submit(discord_fake, client, sam, modal, _input(modal)["value"])
    shown = "\n".join(r["content"] for r in _followups(discord_fake, submitted))
    assert "found nothing to fix" in shown


async def test_someone_else_cannot_open_the_note(discord_fake: DiscordFake, client: ThankYouClient) -> None:
    sam, mallory = discord_fake.user("sam"), discord_fake.user("mallory")
    conversation, first = await _drafted(discord_fake, client, sam)
    clicked = await click(discord_fake, client, mallory, first, f"ty:e:{conversation}:0")
    [callback] = _callbacks(discord_fake, clicked)
    assert callback["type"] == 4 and callback["data"]["flags"] & 64
    assert "can't find that note" in callback["data"]["content"]


async def test_the_button_works_after_a_restart(discord_fake: DiscordFake, make_client: ClientFactory) -> None:
    before = await make_client()
    sam = discord_fake.user("sam")
    conversation, first = await _drafted(discord_fake, before, sam)
    await before.close()
    after = await make_client()
    modal = await open_editor(discord_fake, after, sam, first, f"ty:e:{conversation}:0")
    assert "Subject:" in _input(modal)["value"]
