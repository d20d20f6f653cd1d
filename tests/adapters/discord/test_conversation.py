"""A whole debrief through a real discord.Client: /thankyou in a server, the interview in DMs, drafts at the end."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from adapters.discord import ThankYouClient
from bot.storage.models import Note
from tests.adapters.discord.conftest import ClientFactory
from tests.adapters.discord.helpers import CODE_BLOCK, active, content, converse_to_drafts, custom_ids, latest
from tests.fakes.discord_gateway import GUILD_CHANNEL_ID, DiscordFake, feed_interaction, request_body, request_files


@pytest.fixture
def bot_db(db_url: str) -> str:
    """This module runs on SQLite and PostgreSQL."""
    return db_url


async def test_thankyou_in_a_server_continues_in_dms_until_drafts(
    discord_fake: DiscordFake, make_client: ClientFactory
) -> None:
    client: ThankYouClient = await make_client()
    sam = discord_fake.user("sam")
    slash = discord_fake.slash_payload(sam)
    await feed_interaction(client, slash)

    calls = discord_fake.interaction_calls(int(slash["id"]))
    assert request_body(calls[0]) == {"type": 5, "data": {"flags": 64}}  # ephemeral "thinking…" first
    assert "sent you a DM" in request_body(calls[-1])["content"]
    assert not [c for c in discord_fake.api.calls if str(GUILD_CHANNEL_ID) in c.path]  # nothing in the server
    first = discord_fake.messages_to(sam)
    assert "thank-you notes" in content(first[0])
    assert "ty:n:cancel:candidate" in custom_ids(first[-1])

    await converse_to_drafts(discord_fake, client, sam)

    row = await latest(client, sam)
    assert row is not None and row.status == "done"
    assert row.answers["company"] == "Acme Robotics" and "format" not in row.answers  # a panel
    async with client.core.sessions() as session:
        notes = (await session.execute(select(Note).order_by(Note.position))).scalars().all()
    assert [n.interviewer for n in notes] == ["Priya Natarajan", "Tom Lee"]
    drafts = [c for c in discord_fake.messages_to(sam) if any(i.startswith("ty:d:") for i in custom_ids(c))]
    marked = [c for c in drafts if f"ty:d:{row.id}:sent:0" in custom_ids(c)]
    assert len(marked) == 1
    assert CODE_BLOCK.findall(content(marked[0])) == [notes[0].body]  # what the user copies is the note
    files = request_files(marked[0])
    assert files["note-1-priya-natarajan.txt"] == notes[0].body.encode()
    eml = files["note-1-priya-natarajan.eml"].decode()
    assert "To: " in eml and "priya@acme.example" in eml and "Subject:" in eml
    tone_row = custom_ids(drafts[-1])
    assert f"ty:d:{row.id}:tone:formal:-" in tone_row and f"ty:d:{row.id}:edit:-" in tone_row
    assert await active(client, sam) is None
