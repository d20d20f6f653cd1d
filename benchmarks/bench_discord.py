"""Discord turn latency: DM answers and button clicks fed through discord.py's gateway parser.

For 1, 20 and 100 concurrent users, each event is parsed the way the websocket would deliver it, and the
time until the bot's reply (the next question) reaches the loopback REST API is recorded. The same load is
run against a bare discord.Client that only replies (the framework floor) in the same process.

    python benchmarks/bench_discord.py [--db postgresql://postgres@127.0.0.1:5432/bench] [--users 1,20,100]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import discord
from discord.http import Route

from adapters.discord import build_client
from bot.config import load_settings
from tests.fakes.discord_gateway import API, DiscordFake, User, feed_interaction, parse_only
from tests.fakes.http_api import FakeHttpApi

TYPED = ("Sam Rivera", "Acme Robotics", "Data Engineer")
SAMPLES_PER_LEVEL = 400
Samples = dict[str, list[float]]


class Arrivals:
    """Records when each user's DM channel receives a message from the bot."""

    def __init__(self, fake: DiscordFake) -> None:
        self.fake = fake
        self.times: dict[int, list[float]] = defaultdict(list)
        self.events: dict[int, asyncio.Event] = {}
        self.loop = asyncio.get_running_loop()

    def watch(self, user: User) -> None:
        echo = self.fake._echo(user.dm_channel)
        self.events[user.id] = asyncio.Event()

        def record(method: str, body: Any) -> Any:
            self.times[user.id].append(time.perf_counter())
            self.loop.call_soon_threadsafe(self.events[user.id].set)  # the API runs in its own thread
            return echo(method, body)

        self.fake.api.respond(f"{API}/channels/{user.dm_channel}/messages", record)

    async def wait_reply(self, user: User, started: float) -> float:
        """Seconds from `started` to the first message that arrived after it."""
        while True:
            after = [t for t in self.times[user.id] if t >= started]
            if after:
                return after[0] - started
            self.events[user.id].clear()
            await asyncio.wait_for(self.events[user.id].wait(), timeout=30)


class FloorButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"ty:c:(?P<rest>.+)"):
    """The floor's button: acknowledge, then reply in the DM — nothing else."""

    def __init__(self, rest: str) -> None:
        super().__init__(discord.ui.Button(custom_id=f"ty:c:{rest}"))

    @classmethod
    async def from_custom_id(cls, interaction: Any, item: Any, match: Any, /) -> Any:
        return cls(match["rest"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.edit_message(view=None)
        channel = interaction.client.get_partial_messageable(interaction.channel_id or 0)
        await channel.send("ok", allowed_mentions=discord.AllowedMentions.none())


class FloorClient(discord.Client):
    async def setup_hook(self) -> None:
        self.add_dynamic_items(FloorButton)

    async def on_message(self, message: discord.Message) -> None:
        if not message.author.bot:
            await message.channel.send("ok", allowed_mentions=discord.AllowedMentions.none())


async def _level(
    client: discord.Client,
    fake: DiscordFake,
    arrivals: Arrivals,
    users: list[User],
    prepare: Callable[[User], Awaitable[None]],
) -> list[float]:
    """One burst per step: every user clicks, then types three answers, all users at once."""
    for user in users:
        arrivals.watch(user)
        await prepare(user)
    samples: Samples = {"click": [], "dm": []}
    question = {u.id: fake.messages_to(u)[-1] for u in users}
    clicks = [fake.click_payload(u, question[u.id], "ty:c:occasion:interview") for u in users]
    samples["click"] += await _burst(client, arrivals, users, clicks, interaction=True)
    for text in TYPED:
        dms = [fake.dm_payload(u, text) for u in users]
        samples["dm"] += await _burst(client, arrivals, users, dms, interaction=False)
    return samples


async def _burst(
    client: discord.Client, arrivals: Arrivals, users: list[User], payloads: list[dict[str, Any]], *, interaction: bool
) -> list[float]:
    started = time.perf_counter()
    for payload in payloads:
        parse_only(client, payload, interaction=interaction)
    return list(await asyncio.gather(*(arrivals.wait_reply(u, started) for u in users)))


async def _api_in_thread() -> tuple[FakeHttpApi, Callable[[], None]]:
    """The fake Discord API gets its own thread and event loop, as the real one is not in our process:
    otherwise its request handling would compete with the bot for the bot's event loop."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    api = asyncio.run_coroutine_threadsafe(FakeHttpApi().start(), loop).result()

    def stop() -> None:
        asyncio.run_coroutine_threadsafe(api.stop(), loop).result()
        loop.call_soon_threadsafe(loop.stop)
        thread.join()

    return api, stop


async def _fresh_database(server: str | None, tmp: str) -> tuple[str, Callable[[], Awaitable[None]]]:
    """A new empty database per run (SQLite file, or a throwaway PostgreSQL database on `server`)."""
    if not server:
        return f"sqlite:///{tmp}/bench.db", _nothing
    import asyncpg
    from sqlalchemy.engine import make_url

    from bot.storage.db import async_url

    base = make_url(async_url(server))
    admin_dsn = base.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
    name = f"bench_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(admin_dsn)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()

    async def drop() -> None:
        admin = await asyncpg.connect(admin_dsn)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()

    return base.set(database=name).render_as_string(hide_password=False), drop


async def _nothing() -> None:
    return None


async def _measure(kind: str, concurrency: int, db: str | None) -> Samples:
    api, stop_api = await _api_in_thread()
    Route.BASE = api.base_url + API  # type: ignore[misc]
    fake = DiscordFake(api)
    arrivals = Arrivals(fake)
    with tempfile.TemporaryDirectory() as tmp:
        client: discord.Client
        url, drop = await _fresh_database(db, tmp)
        if kind == "bot":
            client = build_client(load_settings(database_url=url, discord_token="bench-token"))
        else:
            client = FloorClient(intents=discord.Intents.none(), allowed_mentions=discord.AllowedMentions.none())
        await client.login("bench-token")
        try:
            samples: Samples = {"click": [], "dm": []}
            while len(samples["click"]) + len(samples["dm"]) < SAMPLES_PER_LEVEL:
                users = [fake.user(f"u{n}") for n in range(concurrency)]

                async def prepare(user: User, client: discord.Client = client) -> None:
                    if kind == "bot":
                        await feed_interaction(client, fake.slash_payload(user))
                    else:  # the floor has no conversation: give the user a message with the same button
                        await _floor_question(client, user)

                for kind_, values in (await _level(client, fake, arrivals, users, prepare)).items():
                    samples[kind_] += values
            return samples
        finally:
            await client.close()
            stop_api()
            await drop()


async def _floor_question(client: discord.Client, user: User) -> None:
    view = discord.ui.View(timeout=None)
    view.add_item(discord.ui.Button(label="A job interview", custom_id="ty:c:occasion:interview"))
    view.stop()
    await client.get_partial_messageable(user.dm_channel).send("question", view=view)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="PostgreSQL server URL for the bot (default: a temporary SQLite file)")
    parser.add_argument("--users", default="1,20,100", help="comma-separated concurrency levels")
    args = parser.parse_args()
    print(f"database: {'SQLite (temp file)' if not args.db else 'PostgreSQL ' + args.db.split('@')[-1]}")
    columns = ("users", "event", "n", "p50 ms", "p99 ms", "floor p50", "floor p99", "p99/floor")
    print("{:>5} {:>6} {:>5} {:>8} {:>8} {:>10} {:>10} {:>9}".format(*columns))
    for concurrency in (int(n) for n in args.users.split(",")):
        bot = await _measure("bot", concurrency, args.db)
        floor = await _measure("floor", concurrency, None)
        bot["all"], floor["all"] = bot["click"] + bot["dm"], floor["click"] + floor["dm"]
        for event in ("click", "dm", "all"):
            b, f = bot[event], floor[event]
            print(f"{concurrency:>5} {event:>6} {len(b):>5} {_pct(b, .5):>8.1f} {_pct(b, .99):>8.1f} "
                  f"{_pct(f, .5):>10.1f} {_pct(f, .99):>10.1f} {_pct(b, .99) / _pct(f, .99):>8.1f}x")  # fmt: skip


if __name__ == "__main__":
    asyncio.run(main())
