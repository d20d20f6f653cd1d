"""`thankyou-bot worker`: refuses to start with no platform; delivers through the real Slack sender to a
loopback Slack Web API and stops cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.errors import ConfigError
from bot.reminders.worker import run
from bot.runtime import build_core
from tests.fakes.http_api import FakeHttpApi
from tests.fakes.reminder_sender import FakePlatform
from tests.reminders.scheduler.helpers import seed, statuses


async def test_worker_without_platforms_refuses_to_start(sqlite_url: str) -> None:
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        await run(build_core(load_settings(database_url=sqlite_url)), {})


async def test_worker_delivers_and_stops_when_asked(sqlite_url: str) -> None:
    core = build_core(load_settings(database_url=sqlite_url, reminder_poll_seconds=0.05))
    await core.ready()
    ids = await seed(core.sessions, 3, due=datetime.now(UTC) - timedelta(minutes=1))
    platform, stop = FakePlatform(), asyncio.Event()
    task = asyncio.create_task(run(core, {"fake": platform}, stop=stop))
    for _ in range(200):  # bounded polling on a real loop
        if len(platform.posts) == 3:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(task, timeout=10)
    assert sorted(platform.reminder_ids()) == ids
    await core.close()


async def test_worker_command_posts_slack_reminders_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/worker.db"
    core = build_core(load_settings(database_url=url))
    await core.ready()
    await seed(core.sessions, 2, due=datetime.now(UTC) - timedelta(minutes=1), platform="slack")
    api = await FakeHttpApi().start()
    api.respond("/chat.postMessage", lambda method, body: {"ok": True, "ts": "1700000000.000100", "channel": "D1"})
    env = {**os.environ, "DATABASE_URL": url, "SLACK_BOT_TOKEN": "xoxb-test-token", "SLACK_API_URL": api.base_url + "/",
           "REMINDER_POLL_SECONDS": "0.1"}  # fmt: skip
    env.pop("DISCORD_TOKEN", None)
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot.cli", "worker", env=env, cwd=tmp_path)
    try:
        for _ in range(300):
            if len(api.calls_to("/chat.postMessage")) >= 2:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)  # a little longer: a duplicate would show up here
    finally:
        process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), timeout=15)
        await api.stop()
    assert code == 0
    posts = api.calls_to("/chat.postMessage")
    assert sorted(p.body["channel"] for p in posts) == ["D0", "D1"]
    assert set((await statuses(core.sessions)).values()) == {"sent"}
    await core.close()


def test_worker_names_a_swapped_slack_token_and_exits_2(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/w.db", "SLACK_BOT_TOKEN": "xapp-1-A0-123-abc"}
    env.pop("DISCORD_TOKEN", None)
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "worker"], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "swapped" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "xapp-1-A0-123-abc" not in done.stderr, "the token itself is never echoed"
