"""Database trouble mid-debrief on Discord: the member is told kindly in the DM, and nothing is half saved."""

from __future__ import annotations

from sqlalchemy import event, text

from adapters.discord import ThankYouClient
from bot import messages
from tests.adapters.discord.helpers import content, say
from tests.fakes.discord_gateway import DiscordFake, feed_interaction

UNAVAILABLE = messages.text("database_unavailable")


async def test_a_read_only_database_gets_the_kind_sentence_in_the_dm(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    sam = discord_fake.user("sam")
    await feed_interaction(client, discord_fake.slash_payload(sam))
    await say(discord_fake, client, sam, "Sam Rivera")
    database = client.core.database
    await database.dispose()  # new connections from here on refuse writes

    def read_only(dbapi_connection: object, _record: object) -> None:
        cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA query_only=ON")
        cursor.close()

    event.listen(database.sync_engine, "connect", read_only)
    try:
        await say(discord_fake, client, sam, "Acme Robotics")
        assert content(discord_fake.messages_to(sam)[-1]) == UNAVAILABLE
    finally:
        event.remove(database.sync_engine, "connect", read_only)
        await database.dispose()
    async with database.connect() as connection:
        answers = (await connection.execute(text("SELECT answers FROM conversations"))).scalar_one()
    assert "Acme" not in str(answers), "the refused turn changed nothing"
    await say(discord_fake, client, sam, "Acme Robotics")
    assert "role" in content(discord_fake.messages_to(sam)[-1]).casefold()
