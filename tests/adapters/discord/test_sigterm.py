"""Stopping the Discord bot (SIGTERM) lets the turn in hand finish and answer before the client closes."""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from pathlib import Path

from adapters.discord import ThankYouClient
from adapters.discord.main import finish_turns
from tests.adapters.discord.process import discord_env
from tests.fakes.discord_gateway import API, DiscordFake, parse_only
from tests.fakes.discord_socket import FakeGateway
from tests.fakes.http_api import FakeHttpApi


async def test_the_turn_in_hand_is_answered_before_the_bot_stops(
    discord_fake: DiscordFake, client: ThankYouClient
) -> None:
    sam = discord_fake.user("sam")
    parse_only(client, discord_fake.dm_payload(sam, "hey, i just had my interview 😅"), interaction=False)
    assert discord_fake.messages_to(sam) == []  # the turn is running, nothing answered yet

    assert await finish_turns() == 0
    await client.close()

    assert len(discord_fake.messages_to(sam)) == 1  # answered before the close
    assert client.is_closed()


async def test_the_discord_command_answers_the_turn_in_hand_then_exits_0_on_sigterm(
    tmp_path: Path, api: FakeHttpApi, discord_fake: DiscordFake
) -> None:
    """A real `thankyou-bot discord` on the loopback gateway and REST fakes; before, SIGTERM killed it (-15)."""
    gateway = await FakeGateway().start()
    api.respond(f"{API}/gateway/bot", gateway.gateway_bot)  # where discord.py's sharded client asks
    sam = discord_fake.user("sam")
    replies = f"{API}/channels/{sam.dm_channel}/messages"
    api.latency[replies] = 1.5  # the reply is in flight when the signal comes
    env = discord_env(tmp_path, api, DISCORD_TOKEN="test-token", DATABASE_URL=f"sqlite:///{tmp_path}/d.db")
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "discord", cwd=tmp_path, env=env, stderr=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(60):
            await gateway.identified.wait()
            await asyncio.sleep(0.5)  # discord.py finishes READY before it reads the next frame
            await gateway.dispatch("MESSAGE_CREATE", discord_fake.dm_payload(sam, "hi, just finished my interview"))
            while not discord_fake.messages_to(sam):  # bounded by the timeout above
                assert process.returncode is None
                await asyncio.sleep(0.02)
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(15):
            _out, err = await process.communicate()
        seconds = time.monotonic() - started
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        await gateway.stop()

    assert (process.returncode, "Traceback" in err.decode()) == (0, False), err.decode()
    assert seconds < 10
    assert gateway.closed.is_set()  # it left the gateway
    assert len(discord_fake.messages_to(sam)) == 1
