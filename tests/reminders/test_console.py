"""Through the real console: due nudges are shown when the user next opens it, once, and can be answered."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.conversation.service import ConversationService
from bot.storage.db import session_factory
from bot.storage.models import Note, Reminder
from tests.fakes.sender import RecordingSender
from tests.reminders.conftest import ME
from tests.reminders.debrief import finish_debrief


async def _console(db_url: str, stdin: str) -> list[dict[str, object]]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "console", "--db", db_url, "--user", ME.user,
        "--tz", "America/New_York", "--jsonl",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, _ = await asyncio.wait_for(process.communicate(stdin.encode()), timeout=60)
    assert process.returncode == 0
    return [json.loads(line) for line in out.decode().splitlines() if line.strip()]


async def test_console_shows_due_nudges_once_and_takes_the_answer(
    reminder_service: ConversationService, database: AsyncEngine, db_url: str
) -> None:
    await finish_debrief(reminder_service, ME, RecordingSender())
    sessions = session_factory(database)
    async with sessions() as session, session.begin():
        await session.execute(
            update(Reminder).where(Reminder.kind == "send_by").values(due_at=datetime.now(UTC) - timedelta(minutes=5))  # type: ignore[arg-type]
        )
        send_by = (await session.execute(select(Reminder).where(Reminder.kind == "send_by"))).scalar_one()  # type: ignore[arg-type]

    lines = await _console(db_url, f"reminders sent {send_by.id}\n")
    nudges = [line for line in lines if line["type"] == "nudge"]
    assert [(n["kind"], n["reminder_id"]) for n in nudges] == [("send_by", send_by.id)]
    assert [c["value"] for c in nudges[0]["choices"]][:2] == ["sent", "replied"]  # type: ignore[index]
    assert any("Marked as sent" in str(line.get("text")) for line in lines)
    async with sessions() as session:
        notes = (await session.execute(select(Note))).scalars().all()
        assert {n.status for n in notes} == {"sent"}
    again = await _console(db_url, "")
    assert [line for line in again if line["type"] == "nudge"] == []
