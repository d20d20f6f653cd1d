"""Discord refuses a reply (a 429 storm, a 503, an expired interaction token) after the turn was committed
(issue 11, item 1): the next message is never taken as the answer to the question that was lost.

Through the real discord.py client and DiscordSender against the loopback REST fake; every body sent is
checked against Discord's OpenAPI spec.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import col

from adapters.discord import ThankYouClient
from bot import messages
from bot.storage.models import Note
from tests.adapters.discord.helpers import active, content, latest, say
from tests.fakes.discord_gateway import API, APP_ID, DiscordFake, DiscordSchemas, User, feed_interaction

SORRY = messages.text("reply_lost")
UNSEEN = messages.text("notes_unseen")
VIA = {"Via": "1.1 google"}  # a 429 that came from Discord's API (discord.py retries those itself)
STORM = 5  # discord.py tries a request five times, then gives up


def _limited(retry_after: float) -> dict[str, object]:
    return {"message": "You are being rate limited.", "retry_after": retry_after, "global": False, "code": 0}


def _refuse(fake: DiscordFake, user: User, fault: str) -> None:
    """The next reply to `user` fails the way Discord fails."""
    path = f"{API}/channels/{user.dm_channel}/messages"
    if fault == "429 storm":  # a short Retry-After each time, five times: discord.py gives up
        for _ in range(STORM):
            fake.api.script(path, status=429, body=_limited(0.001), headers=VIA)
    elif fault == "long 429":  # longer than the bot waits in place
        fake.api.script(path, status=429, body=_limited(600.0), headers=VIA)
    else:
        fake.api.script(path, status=503, body={"message": "upstream connect error", "code": 0})


async def _start(fake: DiscordFake, client: ThankYouClient, user: User) -> None:
    await feed_interaction(client, fake.slash_payload(user))
    await say(fake, client, user, "Sam Rivera")
    assert (await active(client, user)).step == "company"  # type: ignore[union-attr]


def _last_text(fake: DiscordFake, user: User) -> str:
    return content(fake.messages_to(user)[-1])


@pytest.mark.parametrize("fault", ["429 storm", "long 429", "503"])
async def test_the_company_sent_twice_after_a_refused_reply_stays_the_company(
    discord_fake: DiscordFake, client: ThankYouClient, schemas: DiscordSchemas, fault: str
) -> None:
    """Measured before this fix: the second "Acme Robotics" became `role: "Acme Robotics"`."""
    sam = discord_fake.user("sam")
    await _start(discord_fake, client, sam)
    _refuse(discord_fake, sam, fault)
    await say(discord_fake, client, sam, "Acme Robotics")  # committed; "what role?" never arrives
    await say(discord_fake, client, sam, "acme robotics")
    row = await active(client, sam)
    assert row is not None and row.answers["company"] == "acme robotics" and "role" not in row.answers
    assert row.step == "role" and row.shown_step == "role"
    assert SORRY in _last_text(discord_fake, sam) and "role" in _last_text(discord_fake, sam).casefold()
    for call in discord_fake.messages_to(sam):
        schemas.validate_call(call)


async def test_a_hello_after_a_refused_reply_is_not_stored_as_the_lost_question(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    sam = discord_fake.user("sam")
    await _start(discord_fake, client, sam)
    await say(discord_fake, client, sam, "Acme Robotics")
    await say(discord_fake, client, sam, "Data Engineer")
    _refuse(discord_fake, sam, "503")
    await say(discord_fake, client, sam, "yesterday 3pm")  # "who interviewed you?" never arrives
    await say(discord_fake, client, sam, "hellooo? u there")
    row = await active(client, sam)
    assert row is not None and row.step == "interviewers" and "interviewers" not in row.answers
    assert SORRY in _last_text(discord_fake, sam)


async def test_a_click_whose_reply_and_followup_both_fail_still_loses_nothing(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    """The interaction token expired too (Unknown Webhook): nothing is told at the time, nothing breaks, and
    the next message brings the lost question back."""
    sam = discord_fake.user("sam")
    await _start(discord_fake, client, sam)
    await say(discord_fake, client, sam, "edit occasion")
    question = discord_fake.messages_to(sam)[-1]
    payload: dict[str, Any] = discord_fake.click_payload(sam, question, "ty:c:occasion:informational")
    _refuse(discord_fake, sam, "503")
    followup = f"{API}/webhooks/{APP_ID}/{payload['token']}"
    discord_fake.api.script(followup, status=401, body={"code": 50027, "message": "Invalid Webhook Token"})
    await feed_interaction(client, payload)
    assert [c.method for c in discord_fake.interaction_calls(int(payload["id"]))] == ["POST", "POST"]

    row = await active(client, sam)
    assert row is not None and row.answers["occasion"] == "informational"
    lost = row.step
    await say(discord_fake, client, sam, "sorry my wifi died, what was the question")
    after = await active(client, sam)
    assert after is not None and after.step == lost and after.answers == row.answers
    assert SORRY in _last_text(discord_fake, sam)


async def test_notes_refused_by_a_429_storm_come_back_whole_with_the_next_message(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    from tests.adapters.discord.helpers import answer_for, click, custom_ids

    sam = discord_fake.user("sam")
    await feed_interaction(client, discord_fake.slash_payload(sam))
    for _ in range(60):
        row = await active(client, sam)
        assert row is not None
        if row.step == "confirm":
            break
        last, wanted = discord_fake.messages_to(sam)[-1], answer_for(row.step)
        button = f"ty:c:{row.step}:{wanted}"
        if button in custom_ids(last):
            await click(discord_fake, client, sam, last, button)
        else:
            await say(discord_fake, client, sam, wanted)
    posted = len(discord_fake.messages_to(sam))
    _refuse(discord_fake, sam, "429 storm")
    await say(discord_fake, client, sam, "yes")  # the notes are written and stored; the first post is refused
    done = await latest(client, sam)
    assert done is not None and done.status == "done"
    assert len(discord_fake.messages_to(sam)) == posted + STORM  # five tries of one post, nothing after it

    await say(discord_fake, client, sam, "did it work??")
    again = [content(c) for c in discord_fake.messages_to(sam)[posted + STORM :]]
    assert SORRY in again[0] and UNSEEN in "\n".join(again)
    async with client.core.sessions() as session:
        notes = (await session.execute(select(Note).where(col(Note.conversation_id) == done.id))).scalars().all()
    assert len(notes) == 2 and all(n.delivered_at is not None for n in notes)
    assert all(any(n.interviewer in text for text in again) for n in notes), "every note came back"
    shown = len(discord_fake.messages_to(sam))
    await say(discord_fake, client, sam, "ok thank you")
    assert UNSEEN not in "\n".join(content(c) for c in discord_fake.messages_to(sam)[shown:])
