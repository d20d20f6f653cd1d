"""The shared transcripts replayed through Discord (a /thankyou in a server, then DMs): same neutral outcome."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.storage.models import Note
from tests.adapters.discord.conftest import ClientFactory
from tests.adapters.discord.helpers import active, content, latest, say
from tests.fakes.conversation import subset
from tests.fakes.discord_gateway import DiscordFake, feed_interaction
from tests.transcripts import Transcript, load_transcripts

TRANSCRIPTS = load_transcripts()


@pytest.fixture
def bot_db(db_url: str) -> str:
    """Replayed on SQLite and PostgreSQL."""
    return db_url


@pytest.mark.parametrize("transcript", TRANSCRIPTS, ids=[t.name for t in TRANSCRIPTS])
async def test_transcript_through_discord(
    discord_fake: DiscordFake, make_client: ClientFactory, transcript: Transcript
) -> None:
    client = await make_client(timezone=transcript.timezone)
    sam = discord_fake.user("sam")
    for number, turn in enumerate(transcript.turns):
        shown = len(discord_fake.messages_to(sam))
        if turn.text is None:
            await feed_interaction(client, discord_fake.slash_payload(sam))
        else:
            await say(discord_fake, client, sam, turn.text)
        row = await active(client, sam)
        asked = "cancel" if row and row.progress.get("confirming_cancel") else row.step if row else None
        assert asked == turn.ask, f"{transcript.name} turn {number} ({turn.text!r})"
        replies = " ".join(content(c) for c in discord_fake.messages_to(sam)[shown:]).casefold()
        for fragment in turn.says:
            assert fragment.casefold() in replies, f"{transcript.name} turn {number}: {fragment!r}"

    row = await latest(client, sam)
    assert row is not None
    assert row.status == (transcript.end if transcript.end == "cancelled" else "done" if transcript.end else "active")
    assert subset(transcript.answers, row.answers), row.answers
    async with client.core.sessions() as session:
        notes = await session.execute(select(Note).where(Note.conversation_id == row.id).order_by(Note.position))
        assert [n.interviewer for n in notes.scalars()] == transcript.recipients
