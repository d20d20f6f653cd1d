"""Buttons: navigation, typed answers to choice questions, stale clicks, restarts, draft and reminder buttons."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from adapters.discord import ThankYouClient
from bot.storage.models import Note
from tests.adapters.discord.conftest import ClientFactory
from tests.adapters.discord.helpers import active, click, content, converse_to_drafts, custom_ids, latest, say
from tests.fakes.discord_gateway import DiscordFake, User, feed_interaction, request_body


@pytest.fixture
def bot_db(db_url: str) -> str:
    """Buttons (and their survival across a restart) on SQLite and PostgreSQL."""
    return db_url


async def to_occasion(discord_fake: DiscordFake, client: ThankYouClient, sam: User) -> None:
    """Start, sign, then open the occasion question (offered in the first message, asked only on `edit`)."""
    await feed_interaction(client, discord_fake.slash_payload(sam))
    await say(discord_fake, client, sam, "Sam Rivera")
    await say(discord_fake, client, sam, "edit occasion")


async def test_choice_questions_accept_typed_answers_and_show_skip_back_cancel(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    sam = discord_fake.user("sam")
    await to_occasion(discord_fake, client, sam)
    occasion = discord_fake.messages_to(sam)[-1]
    assert {"ty:n:skip:occasion", "ty:n:cancel:occasion"} <= set(custom_ids(occasion))
    await say(discord_fake, client, sam, "An informational chat")  # the label, typed
    row = await active(client, sam)
    assert row is not None and row.answers["occasion"] == "informational" and row.step == "company"
    assert "ty:n:back:company" in custom_ids(discord_fake.messages_to(sam)[-1])


async def test_back_skip_and_cancel_buttons_navigate(discord_fake: DiscordFake, client: ThankYouClient) -> None:
    sam = discord_fake.user("sam")
    await feed_interaction(client, discord_fake.slash_payload(sam))
    await say(discord_fake, client, sam, "Sam Rivera")
    await click(discord_fake, client, sam, discord_fake.messages_to(sam)[-1], "ty:n:back:company")
    row = await active(client, sam)
    assert row is not None and row.step == "candidate"
    assert "Sam Rivera" in content(discord_fake.messages_to(sam)[-1]), "back shows the answer given"
    for answer in ("Sam Rivera", "Acme", "Data Engineer"):
        await say(discord_fake, client, sam, answer)
    await click(discord_fake, client, sam, discord_fake.messages_to(sam)[-1], "ty:n:skip:interview_at")
    row = await active(client, sam)
    assert row is not None and row.step == "interviewers"
    await click(discord_fake, client, sam, discord_fake.messages_to(sam)[-1], "ty:n:cancel:interviewers")
    confirm = discord_fake.messages_to(sam)[-1]
    assert {"ty:c:cancel:yes", "ty:c:cancel:no"} <= set(custom_ids(confirm)), "cancel asks first"
    await click(discord_fake, client, sam, confirm, "ty:c:cancel:yes")
    assert await active(client, sam) is None
    assert (await latest(client, sam)).status == "cancelled"  # type: ignore[union-attr]


async def test_an_old_button_changes_nothing(discord_fake: DiscordFake, client: ThankYouClient) -> None:
    sam = discord_fake.user("sam")
    await to_occasion(discord_fake, client, sam)
    occasion = discord_fake.messages_to(sam)[-1]
    await click(discord_fake, client, sam, occasion, "ty:c:occasion:interview")
    before = await active(client, sam)
    assert before is not None and before.step == "company"

    await click(discord_fake, client, sam, occasion, "ty:n:skip:occasion")  # decided by the engine, as on Slack
    reply = "\n".join(content(m) for m in discord_fake.messages_to(sam)[-2:])
    assert "earlier question" in reply and "company" in reply.casefold()
    await click(discord_fake, client, sam, occasion, "ty:c:occasion:referral")  # the engine's stale-click path
    after = await active(client, sam)
    assert after is not None and after.step == "company" and after.answers == before.answers


async def test_buttons_work_after_a_restart(discord_fake: DiscordFake, make_client: ClientFactory) -> None:
    first = await make_client()
    sam = discord_fake.user("sam")
    await to_occasion(discord_fake, first, sam)
    occasion = discord_fake.messages_to(sam)[-1]
    await first.close()

    second = await make_client()  # a new process: new client, same database, no views kept in memory
    await click(discord_fake, second, sam, occasion, "ty:c:occasion:informational")
    row = await active(second, sam)
    assert row is not None and row.answers["occasion"] == "informational" and row.step == "company"
    assert "company" in content(discord_fake.messages_to(sam)[-1])


async def test_draft_buttons_mark_sent_and_change_tone(discord_fake: DiscordFake, client: ThankYouClient) -> None:
    sam = discord_fake.user("sam")
    await feed_interaction(client, discord_fake.slash_payload(sam))
    await converse_to_drafts(discord_fake, client, sam)
    row = await latest(client, sam)
    assert row is not None
    drafts = discord_fake.messages_to(sam)
    first_note = next(c for c in drafts if f"ty:d:{row.id}:sent:0" in custom_ids(c))
    await click(discord_fake, client, sam, first_note, f"ty:d:{row.id}:sent:0")
    assert "Marked as sent" in content(discord_fake.messages_to(sam)[-1])
    async with client.core.sessions() as session:
        statuses = (await session.execute(select(Note.status).order_by(Note.position))).scalars().all()
    assert statuses == ["sent", "drafted"]

    tones = next(c for c in reversed(drafts) if f"ty:d:{row.id}:tone:formal:-" in custom_ids(c))
    shown = len(discord_fake.messages_to(sam))
    await click(discord_fake, client, sam, tones, f"ty:d:{row.id}:tone:formal:-")
    redone = discord_fake.messages_to(sam)[shown:]
    assert "formal tone" in content(redone[0])
    assert any(f"ty:d:{row.id}:sent:1" in custom_ids(c) for c in redone)  # fresh notes, with their own buttons
    assert (await latest(client, sam)).answers["tone"] == "formal"  # type: ignore[union-attr]


async def test_slash_command_actions_help_and_cancel(discord_fake: DiscordFake, client: ThankYouClient) -> None:
    sam = discord_fake.user("sam")
    await feed_interaction(client, discord_fake.slash_payload(sam, in_guild=False))
    assert await active(client, sam) is not None
    count = len(discord_fake.messages_to(sam))
    helped = discord_fake.slash_payload(sam, action="help", in_guild=False)
    await feed_interaction(client, helped)  # shown to the member alone (see test_form_modals.py)
    [reply] = [c for c in discord_fake.interaction_calls(int(helped["id"])) if c.path.endswith("/callback")]
    assert "cancel" in str(request_body(reply)) and len(discord_fake.messages_to(sam)) == count
    await feed_interaction(client, discord_fake.slash_payload(sam, action="cancel"))
    assert "ty:c:cancel:yes" in custom_ids(discord_fake.messages_to(sam)[-1]), "cancel asks first"
    await say(discord_fake, client, sam, "yes")
    assert await active(client, sam) is None
