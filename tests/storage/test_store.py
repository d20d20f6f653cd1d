"""Persistence on real SQLite and PostgreSQL: dedupe, optimistic versions, one active conversation, resume."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.actions import ReminderScheduled
from bot.conversation.service import ConversationService
from bot.errors import ConfigError, ConversationConflict
from bot.events import Address, TextAnswer
from bot.storage.db import async_url, session_factory
from bot.storage.models import Conversation, ProcessedEvent, Reminder
from bot.storage.store import load_active, save_state, to_state
from tests.fakes.conversation import console_address, say
from tests.fakes.sender import RecordingSender
from tests.transcripts import load_transcripts


async def test_repeated_event_id_has_no_second_effect(service: ConversationService) -> None:
    address, sender = console_address(), RecordingSender()
    await say(service, sender, address, None)
    await say(service, sender, address, "skip")
    event = TextAnswer(address, "slack-Ev123", "Sam Rivera")
    first = await service.handle(event, sender)
    second = await service.handle(event, sender)
    assert first and second == []
    async with service.sessions() as session:
        row = await load_active(session, address=address)
    assert row is not None and row.answers == {"candidate": "Sam Rivera"} and row.step == "company"


async def test_stale_version_is_rejected(database: AsyncEngine, service: ConversationService) -> None:
    address, sender = console_address(), RecordingSender()
    await say(service, sender, address, None)
    sessions = session_factory(database)
    async with sessions() as session:
        row = await load_active(session, address=address)
    assert row is not None
    async with sessions() as session, session.begin():
        await save_state(session, row=row, state=to_state(row), address=address, now=service.clock.now())
    with pytest.raises(ConversationConflict):
        async with sessions() as session, session.begin():
            await save_state(session, row=row, state=to_state(row), address=address, now=service.clock.now())


async def test_concurrent_answers_for_one_user_are_each_handled_once_without_errors(
    service: ConversationService,
) -> None:
    """Messages racing each other are serialised by the version check: none fails, each is handled once, and
    what is stored is the debrief's own order (a message typed before its question arrived is re-asked, not
    filed under the wrong question: issue 11)."""
    address, sender = console_address(), RecordingSender()
    await say(service, sender, address, None)
    answers = ["Sam Rivera", "Acme", "Data Engineer", "yesterday 3pm"]
    results = await asyncio.gather(
        *(service.handle(TextAnswer(address, f"c{i}", a), sender) for i, a in enumerate(answers)),
        return_exceptions=True,
    )
    assert not [r for r in results if isinstance(r, BaseException)], results
    assert all(results), "every message got a reply"
    async with service.sessions() as session:
        row = await load_active(session, address=address)
        seen = await session.scalar(select(func.count()).select_from(ProcessedEvent))
    assert row is not None and seen == 1 + len(answers), "each message was handled exactly once"
    fields = ["candidate", "company", "role", "interview_at"]
    stored = [f for f in fields if f in row.answers]
    assert stored == fields[: len(stored)], "answers land in the debrief's order, never under another question"
    if "candidate" in row.answers:
        assert row.answers["candidate"] == "Sam Rivera"


async def test_only_one_active_conversation_per_user_and_workspace(service: ConversationService) -> None:
    sender = RecordingSender()
    same_user_other_workspace = Address("console", "elsewhere", "terminal", "sam")
    await asyncio.gather(*(say(service, sender, console_address(), None) for _ in range(5)))
    await say(service, sender, same_user_other_workspace, None)
    async with service.sessions() as session:
        count = await session.scalar(select(func.count()).select_from(Conversation))
    assert count == 2


async def test_finished_conversation_is_kept_and_reminders_created_once(service: ConversationService) -> None:
    transcript = next(t for t in load_transcripts() if t.name == "panel_interview")
    address, sender = console_address(), RecordingSender()
    for turn in transcript.turns[:-1]:
        await say(service, sender, address, turn.text, transcript.timezone)
    finish = TextAnswer(address, "final-answer", "yes")
    finished = await service.handle(finish, sender)
    assert await service.handle(finish, sender) == []  # redelivered
    scheduled = {a.kind: a.due_at for a in finished if isinstance(a, ReminderScheduled)}
    async with service.sessions() as session:
        reminders = (await session.execute(select(Reminder))).scalars().all()
        assert await load_active(session, address=address) is None
    assert "follow_up" in scheduled
    assert sorted(r.kind for r in reminders) == sorted(scheduled), "one row per scheduled reminder, no more"
    assert all(r.due_at == scheduled[r.kind] for r in reminders)
    assert all(r.due_at.tzinfo is not None for r in reminders)


async def test_resume_after_new_service_continues_at_exact_question(
    database: AsyncEngine, service: ConversationService
) -> None:
    address, sender = console_address(), RecordingSender()
    for text in (None, "skip", "Sam Rivera", "Acme", "Data Engineer"):
        await say(service, sender, address, text)
    fresh = ConversationService(sessions=session_factory(database), engine=service.engine, clock=service.clock)
    actions = await say(fresh, sender, address, None)
    assert [getattr(a, "field", None) for a in actions][-1] == "interview_at"
    async with fresh.sessions() as session:
        row = await load_active(session, address=address)
    assert row is not None and row.answers == {"candidate": "Sam Rivera", "company": "Acme", "role": "Data Engineer"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///bot.db", "sqlite+aiosqlite:///bot.db"),
        ("postgresql://u@h/db", "postgresql+asyncpg://u@h/db"),
        ("postgres://u@h/db", "postgresql+asyncpg://u@h/db"),
        ("postgresql+asyncpg://u@h/db", "postgresql+asyncpg://u@h/db"),
        ("sqlite+aiosqlite:///x.db", "sqlite+aiosqlite:///x.db"),
    ],
)
def test_database_urls_map_to_async_drivers(url: str, expected: str) -> None:
    assert async_url(url) == expected


@pytest.mark.parametrize("url", ["mysql://h/db", "just-a-file.db"])
def test_unsupported_database_url_is_a_clear_config_error(url: str) -> None:
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        async_url(url)


async def test_typing_start_begins_in_the_users_zone_not_utc(service: ConversationService) -> None:
    address, sender = console_address(), RecordingSender()
    offer = await say(service, sender, address, "what is this?")
    assert [getattr(a, "field", None) for a in offer] == ["start"]
    await say(service, sender, address, "start")
    async with service.sessions() as session:
        row = await load_active(session, address=address)
    assert row is not None and row.timezone == "America/New_York"
