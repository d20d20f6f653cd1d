"""`thankyou-bot worker` with DISCORD_TOKEN, as a real process: it delivers a due reminder through discord.py to
the loopback Discord API, and a reminder to a closed DM (403, code 50007) is tried once, recorded as a closed
DM (as the bot process does) and never retried.

discord.py in the child process is pointed at the fake by a test-only `sitecustomize` (tests/adapters/discord/
process.py), so the production code needs no knob for it.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.config import load_settings
from bot.runtime import build_core
from bot.storage.models import Reminder, UserPrefs
from tests.adapters.discord.process import discord_env
from tests.fakes.discord_gateway import API, DiscordFake, User
from tests.fakes.http_api import FakeHttpApi
from tests.reminders.scheduler.helpers import rows

DM = "@dm"
CANNOT_DM = {"code": 50007, "message": "Cannot send messages to this user"}


def _reminder(user: User, due: datetime) -> Reminder:
    return Reminder(
        dedupe_key=f"test:discord:{user.id}", platform="discord", workspace=DM, channel=str(user.dm_channel),
        user_id=str(user.id), kind="send_by", due_at=due, status="pending", attempts=0, created_at=due,
        updated_at=due,
    )  # fmt: skip


async def test_worker_delivers_discord_reminders_and_remembers_closed_dms(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/worker.db"
    core = build_core(load_settings(database_url=url))
    await core.ready()
    api = await FakeHttpApi().start()
    fake = DiscordFake(api)
    sam, kim = fake.user("sam"), fake.user("kim")
    api.script(f"{API}/channels/{kim.dm_channel}/messages", status=403, body=CANNOT_DM)
    due = datetime.now(UTC) - timedelta(minutes=1)
    async with core.sessions() as session, session.begin():
        session.add_all([_reminder(sam, due), _reminder(kim, due)])

    env = discord_env(tmp_path, api, DATABASE_URL=url, DISCORD_TOKEN="test-discord-token", REMINDER_POLL_SECONDS="0.1")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "worker", env=env, cwd=tmp_path, stderr=asyncio.subprocess.PIPE
    )
    try:
        for _ in range(300):
            if fake.messages_to(sam) and fake.messages_to(kim):
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)  # several more polls: a retry of the closed DM would show up here
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=15)
        await api.stop()
    assert process.returncode == 0, stderr.decode()
    assert "Unclosed" not in stderr.decode()

    assert len(fake.messages_to(sam)) == 1 and len(fake.messages_to(kim)) == 1  # kim's DM was tried once
    by_user = {r.user_id: r for r in await rows(core.sessions)}
    assert by_user[str(sam.id)].status == "sent"
    assert by_user[str(kim.id)].status == "failed"
    async with core.sessions() as session:
        closed = await session.get(UserPrefs, ("discord", DM, str(kim.id)))
        open_ = await session.get(UserPrefs, ("discord", DM, str(sam.id)))
    assert closed is not None and closed.dm_closed_at is not None
    assert open_ is None or open_.dm_closed_at is None
    await core.close()
