"""Conversation turns through the real service vs the floor of one bare durable upsert per turn.

    .venv/bin/python benchmarks/bench_engine.py [--users 200] [--pg URL] [--in-flight 10000]

For SQLite (a fresh file, WAL + synchronous=FULL as in bot/storage/db.py) and PostgreSQL (`--pg` or
TEST_DATABASE_URL; a fresh database, default fsync): N simulated users hold complete conversations
(start → every question → drafts), turns interleaved round-robin, one at a time. Printed: turns/s, p50/p99
turn latency, peak RSS, and the same figures for one `INSERT … ON CONFLICT DO UPDATE` per turn in its own
transaction through the same engine (the floor). Then 10,000 conversations are started and answered a few
turns each in rounds, printing RSS as it goes: state lives in the database, so memory must stay flat.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import json
import os
import pstats
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncEngine  # noqa: E402

from bot.actions import Action, Ask  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.conversation import service as service_module  # noqa: E402
from bot.conversation.service import ConversationService  # noqa: E402
from bot.events import Address, Event, Start, TextAnswer  # noqa: E402
from bot.runtime import Core, build_core  # noqa: E402
from bot.storage.db import async_url  # noqa: E402

TOP = {
    "occasion": "1", "candidate": "Sam Rivera", "company": "Acme Robotics", "role": "Data Engineer",
    "interview_at": "yesterday 3pm", "format": "video", "went": "well", "interviewers": "Priya Natarajan, Tom Li",
    "strengths": "five years running Kafka in production", "add": "skip", "share": "example.com/my-talk",
    "next_steps": "they'll decide by next Friday", "tone": "warm", "channel": "email", "confirm": "yes",
}  # fmt: skip
PER_PERSON = {"title": "Engineering Manager", "email": "lead@acme.example", "discussed": "streaming", "detail": "skip"}
FLOOR_SQL = text(
    "INSERT INTO bench_floor (id, payload, version) VALUES (:id, :payload, 1) "
    "ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, version = bench_floor.version + 1"
)
FLOOR_PAYLOAD = json.dumps({**TOP, "interviewers": [{"name": "Priya Natarajan", **PER_PERSON}] * 2})


def reply(field: str) -> str:
    return PER_PERSON[field.rsplit(".", 1)[1]] if field.startswith("interviewers.") else TOP[field]


class NullSender:
    """Delivery is not what is measured here."""

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        return []


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return kb / 1024


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ms(samples: list[float], quantile: float) -> str:
    ordered = sorted(samples)
    return f"{ordered[min(len(ordered) - 1, int(len(ordered) * quantile))] * 1000:6.2f} ms"


def summary(label: str, samples: list[float], elapsed: float) -> str:
    return (
        f"  {label:<22} {len(samples):>7} turns  {len(samples) / elapsed:>8.0f} turns/s  "
        f"p50 {ms(samples, 0.5)}  p99 {ms(samples, 0.99)}  max {max(samples) * 1000:7.2f} ms  "
        f"peak RSS {peak_rss_mb():6.1f} MB"
    )


class Users:
    """Many simulated users, each remembering only which question it was asked last."""

    def __init__(self, service: ConversationService, count: int, tag: str, *, record: bool = True) -> None:
        self.service = service
        self.record = record  # off for the memory test, so our own samples don't grow the heap
        self.sender = NullSender()
        self.asked: dict[Address, str | None] = {
            Address("bench", tag, f"dm-{n}", f"user-{n}"): None for n in range(count)
        }  # fmt: skip
        self.ids = 0
        self.kinds: dict[str, list[float]] = {"start": [], "answer": [], "final (compose+notes)": []}

    def _event(self, address: Address) -> Event:
        self.ids += 1
        field = self.asked[address]
        event_id = f"{address.workspace}-{self.ids}"
        if field is None:
            return Start(address, event_id, "America/New_York")
        return TextAnswer(address, event_id, reply(field))

    async def turn(self, address: Address) -> float:
        """One user turn; returns its latency in seconds."""
        event = self._event(address)
        began = time.perf_counter()
        actions = await self.service.handle(event, self.sender)
        latency = time.perf_counter() - began
        asks = [a.field for a in actions if isinstance(a, Ask)]
        if not asks and not any(getattr(a, "reason", None) == "done" for a in actions):
            raise RuntimeError(f"unexpected reply {actions!r}")
        kind = "start" if isinstance(event, Start) else "answer" if asks else "final (compose+notes)"
        if self.record:
            self.kinds[kind].append(latency)
        self.asked[address] = asks[-1] if asks else "done"
        return latency

    async def complete_all(self) -> tuple[list[float], float]:
        """Round-robin turns until every conversation has produced its drafts."""
        samples: list[float] = []
        began = time.perf_counter()
        while pending := [a for a, field in self.asked.items() if field != "done"]:
            for address in pending:
                samples.append(await self.turn(address))
        return samples, time.perf_counter() - began


async def floor(database: AsyncEngine, turns: int, users: int) -> tuple[list[float], float]:
    """One durable upsert per turn, each in its own transaction, through the same engine and pool."""
    async with database.begin() as connection:
        await connection.execute(text("DROP TABLE IF EXISTS bench_floor"))
        await connection.execute(
            text("CREATE TABLE bench_floor (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, version INTEGER NOT NULL)")
        )
    samples: list[float] = []
    began = time.perf_counter()
    for n in range(turns):
        start = time.perf_counter()
        async with database.begin() as connection:
            await connection.execute(FLOOR_SQL, {"id": n % users, "payload": FLOOR_PAYLOAD})
        samples.append(time.perf_counter() - start)
    return samples, time.perf_counter() - began


def core_for(url: str) -> Core:
    """The core exactly as `thankyou-bot` builds it (bot/runtime.py), with its whole handler pipeline."""
    return build_core(load_settings(database_url=url, default_timezone="America/New_York"))


async def bench_database(label: str, url: str, args: argparse.Namespace) -> None:
    core = core_for(url)
    database = core.database
    try:
        await core.ready()
        service = core.service
        users = Users(service, args.users, f"{label}-{uuid.uuid4().hex[:6]}")
        await Users(service, 3, f"warm-{uuid.uuid4().hex[:6]}").complete_all()  # warm caches and the pool
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        samples, elapsed = await users.complete_all()
        if profiler:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        base, base_elapsed = await floor(database, len(samples), args.users)
        print(f"{label}: {args.users} users × complete conversations")
        print(summary("service turn", samples, elapsed))
        print("  by kind: " + "  ".join(f"{k} p50 {ms(v, 0.5)} p99 {ms(v, 0.99)}" for k, v in users.kinds.items()))
        print(summary("floor (1 upsert/turn)", base, base_elapsed))
        ratio = statistics.median(samples) / statistics.median(base)
        print(f"  median turn / median floor = {ratio:.2f}x (target ≤ 3x)")
        await phases(service, min(args.users, 20), label)
        if args.in_flight and label in args.memory_on:
            await in_flight(service, args.in_flight, args.rounds, label)
    finally:
        await core.close()


async def phases(service: ConversationService, count: int, label: str) -> None:
    """Where a turn's time goes: timers around each step of `ConversationService._once` (a separate pass)."""
    timings: dict[str, list[float]] = {"dedupe insert": [], "load row": [], "engine": [], "save row": []}
    originals = {name: getattr(service_module, name) for name in ("mark_processed", "load_active", "save_state")}

    def timed(label: str, function: Any) -> Any:
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return await function(*args, **kwargs)
            finally:
                timings[label].append(time.perf_counter() - began)

        return wrapper

    for name, label_ in zip(originals, ("dedupe insert", "load row", "save row"), strict=True):
        setattr(service_module, name, timed(label_, originals[name]))
    pure = service.engine.handle

    def engine_handle(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        outcome = pure(*args, **kwargs)
        timings["engine"].append(time.perf_counter() - began)
        return outcome

    service.engine.handle = engine_handle  # type: ignore[method-assign]
    users = Users(service, count, f"{label}-phases-{uuid.uuid4().hex[:6]}")
    cpu, wall = time.process_time(), time.perf_counter()
    samples, _ = await users.complete_all()
    cpu, wall = (time.process_time() - cpu) / len(samples), (time.perf_counter() - wall) / len(samples)
    for name, function in originals.items():
        setattr(service_module, name, function)
    service.engine.handle = pure  # type: ignore[method-assign]
    parts = "  ".join(f"{k} {statistics.median(v) * 1000:.2f}" for k, v in timings.items())
    print(f"  where a turn goes (p50 ms): {parts}; turn {statistics.median(samples) * 1000:.2f} (rest: begin+commit)")
    print(f"  CPU per turn {cpu * 1000:.2f} ms of {wall * 1000:.2f} ms wall (this process, all threads)")


async def in_flight(service: ConversationService, count: int, rounds: int, label: str) -> None:
    """Start `count` conversations, then answer one turn each per round; RSS must not grow with them."""
    users = Users(service, count, f"{label}-mem-{uuid.uuid4().hex[:6]}", record=False)
    addresses = list(users.asked)
    every = max(1, count // 5)
    print(f"{label}: {count:,} conversations in flight (RSS every {every:,} turns, after gc.collect())")
    gc.collect()
    print(f"  before:{'':33} RSS {rss_mb():7.1f} MB")
    began = time.perf_counter()
    for number in range(rounds + 1):
        for position, address in enumerate(addresses, start=1):
            await users.turn(address)
            if position % every == 0:
                gc.collect()
                what = "started" if number == 0 else f"answered turn {number + 1}"
                print(f"  {what:<20} {position:>7,} of {count:,}  RSS {rss_mb():7.1f} MB")
    turns = count * (rounds + 1)
    print(f"  {turns:,} turns in {time.perf_counter() - began:.0f} s; peak RSS {peak_rss_mb():.1f} MB")


def pure_engine(conversations: int) -> None:
    """The engine alone (no database): the first conversation loads the composer, so it is shown apart."""
    engine = core_for("sqlite:///:memory:").engine  # never connects: only the pure engine is used
    address = Address("bench", "pure", "dm", "user")
    samples: list[float] = []
    for number in range(conversations + 1):
        began = time.perf_counter()
        state, _ = engine.handle(None, Start(address, "s", "America/New_York"), datetime.now(UTC))
        while state is not None and state.status == "active":
            start = time.perf_counter()
            state, _ = engine.handle(state, TextAnswer(address, "t", reply(state.cursor)), datetime.now(UTC))
            samples.append(time.perf_counter() - start)
        if number == 0:
            took = time.perf_counter() - began
            print(f"warm-up: first conversation in the pure engine (loads the composer) {took:.3f} s")
            samples.clear()
    print(summary("pure engine turn", samples, sum(samples)))


def _dsn(url: str, database: str | None = None) -> str:
    parsed = make_url(async_url(url)).set(drivername="postgresql")
    return (parsed.set(database=database) if database else parsed).render_as_string(hide_password=False)


async def _admin(base: str, statement: str) -> None:
    connection = await asyncpg.connect(_dsn(base))
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


async def main(args: argparse.Namespace) -> None:
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; RSS now {rss_mb():.1f} MB")
    pure_engine(args.users)
    with tempfile.TemporaryDirectory() as folder:
        await bench_database("sqlite", f"sqlite:///{folder}/bench.db", args)
    if not args.pg:
        print("postgresql: skipped (pass --pg URL or set TEST_DATABASE_URL)")
        return
    name = f"bench_engine_{uuid.uuid4().hex[:10]}"
    await _admin(args.pg, f'CREATE DATABASE "{name}"')
    try:
        url = make_url(async_url(args.pg)).set(database=name).render_as_string(hide_password=False)
        await bench_database("postgresql", url, args)
    finally:
        await _admin(args.pg, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=200, help="simulated users, each a complete conversation")
    parser.add_argument("--pg", default=os.environ.get("TEST_DATABASE_URL"), help="PostgreSQL server URL")
    parser.add_argument("--in-flight", type=int, default=10_000, help="conversations for the memory test (0: skip)")
    parser.add_argument("--rounds", type=int, default=2, help="turns per conversation in the memory test")
    parser.add_argument("--memory-on", nargs="+", default=["sqlite"], choices=["sqlite", "postgresql"])
    parser.add_argument("--profile", action="store_true", help="cProfile the measured service turns")
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
