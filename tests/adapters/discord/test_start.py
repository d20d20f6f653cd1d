"""`thankyou-bot discord` (and `worker`) with a token Discord refuses (401 on GET /users/@me): one line, exit
code 2, nothing left open, and no retry loop (each refused login counts toward Discord's invalid-request limit)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from tests.adapters.discord.process import discord_env
from tests.fakes.discord_gateway import API
from tests.fakes.http_api import FakeHttpApi

UNAUTHORIZED = {"message": "401: Unauthorized", "code": 0}


@pytest.mark.parametrize("command", ["discord", "worker"])
async def test_a_refused_token_exits_2_with_one_line(tmp_path: Path, command: str) -> None:
    api = await FakeHttpApi().start()
    api.respond(f"{API}/users/@me", lambda _m, _b: UNAUTHORIZED)
    for _ in range(3):
        api.script(f"{API}/users/@me", status=401, body=UNAUTHORIZED)
    env = discord_env(
        tmp_path,
        api,
        DATABASE_URL=f"sqlite:///{tmp_path}/bot.db",
        DISCORD_TOKEN="MTIz.revoked.token",
        LOG_LEVEL="ERROR",
    )
    try:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", command, env=env, cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    finally:
        await api.stop()
    err = stderr.decode()
    lines = [line for line in err.splitlines() if line.strip() and " INFO " not in line]
    assert process.returncode == 2, err
    assert len(lines) == 1 and lines[0].startswith("thankyou-bot: ") and "DISCORD_TOKEN" in lines[0], err
    assert "revoked" not in err  # never the token itself
    assert "Unclosed" not in err and "Traceback" not in err
    assert len(api.calls_to(f"{API}/users/@me")) == 1  # tried once, not in a loop
    assert stdout == b""
