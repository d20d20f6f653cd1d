"""Conversation helpers for the Discord tests: answer whatever the bot asks, click what it shows."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select

from adapters.discord import ThankYouClient
from bot.storage.models import Conversation
from tests.fakes.discord_gateway import DiscordFake, User, feed_interaction, feed_message, request_body
from tests.fakes.http_api import Call

ANSWERS = {
    "occasion": "interview",
    "candidate": "Sam Rivera",
    "company": "Acme Robotics",
    "role": "Data Engineer",
    "interview_at": "yesterday 3pm",
    "format": "video",
    "went": "well",
    "interviewers": "Priya Natarajan and Tom Lee",
    "title": "Engineering Manager, priya@acme.example",
    "email": "priya@acme.example",
    "discussed": "moving the nightly batch pipeline to streaming; her team's on-call rotation redesign",
    "detail": "her team's on-call rotation redesign",
    "strengths": "five years running Kafka in production",
    "add": "skip",
    "share": "skip",
    "next_steps": "they will decide by next Friday",
    "tone": "warm",
    "channel": "email",
    "confirm": "yes",
}
CODE_BLOCK = re.compile(r"```\n(.*?)\n```", re.S)


def buttons(call: Call) -> list[dict[str, Any]]:
    return [c for row in request_body(call).get("components", []) for c in row.get("components", [])]


def custom_ids(call: Call) -> list[str]:
    return [b["custom_id"] for b in buttons(call)]


def content(call: Call) -> str:
    return str(request_body(call).get("content", ""))


async def active(client: ThankYouClient, user: User) -> Conversation | None:
    async with client.core.sessions() as session:
        statement = select(Conversation).where(Conversation.user_id == str(user.id), Conversation.status == "active")
        return (await session.execute(statement)).scalar_one_or_none()


async def latest(client: ThankYouClient, user: User) -> Conversation | None:
    async with client.core.sessions() as session:
        statement = select(Conversation).where(Conversation.user_id == str(user.id)).order_by(Conversation.id.desc())
        return (await session.execute(statement)).scalars().first()


def answer_for(step: str) -> str:
    return ANSWERS[step.rsplit(".", 1)[-1]]


async def click(fake: DiscordFake, client: ThankYouClient, user: User, sent: Call, custom_id: str) -> int:
    payload = fake.click_payload(user, sent, custom_id)
    await feed_interaction(client, payload)
    return int(payload["id"])


async def say(fake: DiscordFake, client: ThankYouClient, user: User, text: str) -> None:
    await feed_message(client, fake.dm_payload(user, text))


async def converse_to_drafts(fake: DiscordFake, client: ThankYouClient, user: User, *, limit: int = 60) -> None:
    """Answer every question: choice questions by clicking the matching button, the rest by typing."""
    for _ in range(limit):
        row = await active(client, user)
        if row is None:
            return
        wanted = answer_for(row.step)
        last = fake.messages_to(user)[-1]
        button = f"ty:c:{row.step}:{wanted}"
        if button in custom_ids(last):
            await click(fake, client, user, last, button)
        else:
            await say(fake, client, user, wanted)
    raise AssertionError("the conversation did not finish")
