"""Slack HTTP-mode ack latency: thankyou-bot against a bare bolt app that only acks (the framework floor).

Each app runs in its own process in HTTP mode on loopback, behind the same aiohttp server code. This
process plays Slack: it sends signed `/thankyou` commands and DM answers (Events API) from 1, 20 and 100
concurrent users (each user one request after another) and serves the fake Web API both apps call.
Latency is from sending a request to receiving the acknowledgement. thankyou-bot's real work (database,
posts) runs after the ack on the same event loop, so it competes with the acks as it would in production;
"done s" is how long after the last ack its last answer was posted.

    .venv/bin/python -m benchmarks.bench_slack [--db URL] [--levels 1,20,100] [--requests 400] [--repeats 3]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck

from adapters.slack.app import build_bot
from adapters.slack.sender import make_client
from adapters.slack.server import EVENTS_PATH, bound_port, serve
from bot.config import load_settings
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import FakeSlackApi

ANSWERS = ("A referral", "Sam Rivera", "Acme Robotics", "back", "Acme Robotics", "Data Engineer", "skip")
DONE_TIMEOUT = 120.0


@dataclass
class Result:
    name: str
    users: int
    latencies: list[float]
    seconds: float
    done: float | None

    def row(self) -> str:
        ms = sorted(x * 1000 for x in self.latencies)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        done = "" if self.done is None else f"{self.done:.2f}"
        return (f"{self.name:<13} {self.users:>5} {len(ms):>6} {statistics.median(ms):>8.1f} {p99:>8.1f} "
                f"{ms[-1]:>8.1f} {len(ms) / self.seconds:>8.0f} {done:>7}")  # fmt: skip


# --- the apps under test (each in its own process) ---------------------------------------------------


def bare_app(api_url: str) -> AsyncApp:
    """The floor: bolt with signature checks and authorization, and listeners that only ack."""
    app = AsyncApp(client=make_client("xoxb-bench", api_url), signing_secret=sr.SECRET, process_before_response=True)

    @app.command("/thankyou")
    async def command(ack: AsyncAck) -> None:
        await ack()

    @app.event("message")
    async def message(ack: AsyncAck) -> None:
        await ack()

    return app


async def serve_app(which: str, api_url: str, db_url: str) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(name)s %(levelname)s %(message)s %(error)s")
    if which == "bare":
        app = bare_app(api_url)
    else:
        settings = load_settings(
            database_url=db_url, slack_bot_token="xoxb-bench", slack_signing_secret=sr.SECRET,
            slack_api_url=api_url, run_scheduler=False,
        )  # fmt: skip
        bot = build_bot(settings)
        await bot.ready()
        app = bot.app
    runner = await serve(app, host="127.0.0.1", port=0)
    print(f"PORT {bound_port(runner)}", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until the driver closes stdin
    await runner.cleanup()


# --- Slack's side ------------------------------------------------------------------------------------


async def drive(url: str, users: int, rounds: int, session: aiohttp.ClientSession) -> tuple[list[float], float]:
    latencies: list[float] = []

    async def send(request: sr.SlackRequest) -> None:
        started = time.perf_counter()
        async with session.post(url, data=request.body, headers=request.signed()) as response:
            await response.read()
            assert response.status == 200, response.status
        latencies.append(time.perf_counter() - started)

    async def person(n: int) -> None:
        user = f"UB{users:03d}{n:04d}{time.monotonic_ns() % 100000}"
        await send(sr.command(user))
        for turn in range(rounds - 1):
            await send(sr.event(sr.dm(user, ANSWERS[turn % len(ANSWERS)])))

    started = time.perf_counter()
    await asyncio.gather(*(person(n) for n in range(users)))
    return latencies, time.perf_counter() - started


async def wait_for_posts(api: FakeSlackApi, expected: int) -> float:
    """Every request here gets exactly one post in reply; time until they are all out."""
    started = time.perf_counter()
    while len(api.posts) < expected and time.perf_counter() - started < DONE_TIMEOUT:
        await asyncio.sleep(0.01)
    return time.perf_counter() - started


class Served:
    """One app under test in its own process."""

    def __init__(self, which: str) -> None:
        self.which = which
        self.name = "thankyou-bot" if which == "bot" else "bare bolt"
        self.url = ""
        self.process: asyncio.subprocess.Process | None = None

    async def start(self, api: FakeSlackApi, db_url: str) -> Served:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "benchmarks.bench_slack", "--serve", self.which, "--api", api.base_url,
            "--db", db_url, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert self.process.stdout is not None
        port = int((await self.process.stdout.readline()).decode().split()[1])
        self.url = f"http://127.0.0.1:{port}{EVENTS_PATH}"
        return self

    async def stop(self) -> None:
        if self.process is not None and self.process.stdin is not None:
            self.process.stdin.close()
            await self.process.wait()


async def measure(app: Served, api: FakeSlackApi, users: int, total: int, session: aiohttp.ClientSession) -> Result:
    await wait_for_posts(api, len(api.posts))
    before = len(api.posts)
    latencies, seconds = await drive(app.url, users, max(3, total // users), session)
    done = await wait_for_posts(api, before + len(latencies)) if app.which == "bot" else None
    return Result(app.name, users, latencies, seconds, done)


def merge(parts: list[Result]) -> Result:
    """Repeats of one level, interleaved with the other app's so machine noise hits both alike."""
    done = [p.done for p in parts if p.done is not None]
    return Result(parts[0].name, parts[0].users, [x for p in parts for x in p.latencies],
                  sum(p.seconds for p in parts), max(done) if done else None)  # fmt: skip


def p99(result: Result) -> float:
    ordered = sorted(result.latencies)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


async def main(db_url: str | None, levels: list[int], total: int, repeats: int) -> None:
    api = await FakeSlackApi().start()
    with tempfile.TemporaryDirectory() as folder:
        url = db_url or f"sqlite:///{folder}/bench.db"
        apps = [await Served("bare").start(api, url), await Served("bot").start(api, url)]
        print(f"database: {url.split('://')[0]}; {repeats} x ~{total} requests per level and app, interleaved")
        print(f"{'app':<13} {'users':>5} {'reqs':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'req/s':>8} "
              f"{'done s':>7}")  # fmt: skip
        try:
            async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
                for app in apps:
                    await drive(app.url, 2, 3, session)  # warm up: auth.test, connections, first queries
                for users in levels:
                    runs: dict[str, list[Result]] = {"bare": [], "bot": []}
                    for _ in range(repeats):
                        for app in apps:
                            runs[app.which].append(await measure(app, api, users, total, session))
                    floor, ours = merge(runs["bare"]), merge(runs["bot"])
                    print(floor.row())
                    print(ours.row())
                    print(f"{'':<13} p99 ratio to the floor: {p99(ours) / max(p99(floor), 1e-9):.2f}x", flush=True)
        finally:
            for app in apps:
                await app.stop()
            await api.stop()


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="DATABASE_URL for thankyou-bot (default: a temporary SQLite file)")
    parser.add_argument("--levels", default="1,20,100", help="concurrent users per run (default: 1,20,100)")
    parser.add_argument("--requests", type=int, default=400, help="about this many requests per level and repeat")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved repeats per level (default 3)")
    parser.add_argument("--serve", choices=("bare", "bot"), help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve_app(args.serve, args.api, args.db))
    else:
        asyncio.run(main(args.db, [int(x) for x in args.levels.split(",")], args.requests, args.repeats))


if __name__ == "__main__":
    cli()
