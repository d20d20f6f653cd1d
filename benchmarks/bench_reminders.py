"""Reminder delivery on PostgreSQL: two worker processes, a loopback platform API, exactly-once checks.

    TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test .venv/bin/python benchmarks/bench_reminders.py

Scenarios (each on a fresh database):
1. unthrottled: N reminders falling due evenly over `--spread` seconds; deliveries/s, delay due → delivery;
2. the same with one worker SIGKILLed mid-run (its claims and in-flight sends are taken over after the lease);
3. a burst of N due at once against an API allowing `--rate` posts/s (429 + Retry-After beyond that);
4. faults: the two workers' clocks set `--skew` seconds ahead and behind the database's (±300 s by default),
   with the rows already overdue by more than the skew (a backlog both workers see as due);
5. faults: the same skew, and one worker SIGKILLed mid-run;
6. faults: the API accepts every `--drop-every`-th post and then drops the connection without answering.
Every run prints duplicates and losses, which must be 0.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
from sqlalchemy import insert  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bot.config import load_settings  # noqa: E402
from bot.reminders.scheduler import INLINE_HOLD, Scheduler  # noqa: E402
from bot.runtime import build_core, running  # noqa: E402
from bot.storage.db import async_url  # noqa: E402
from bot.storage.models import Reminder  # noqa: E402
from tests.fakes.reminder_api import LookupApiSender, ReminderApi  # noqa: E402

LEASE_SECONDS = 5.0


@dataclass
class Scenario:
    name: str
    spread: float
    kill_at: float | None = None  # fraction delivered when one worker is killed
    rate: float | None = None
    skew: float = 0.0  # worker 0's clock runs this many seconds ahead of the database's, worker 1's behind
    drop_every: int = 0  # the API drops the connection after accepting every n-th post (0: never)
    backlog: float = 0.0  # rows fall due this many seconds before the run starts (delays count from the start)


def _dsn(url: str, database: str | None = None) -> str:
    parsed = make_url(async_url(url)).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


async def _fresh_database(base: str) -> tuple[str, str]:
    name = f"bench_reminders_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(_dsn(base))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return name, make_url(async_url(base)).set(database=name).render_as_string(hide_password=False)


async def _drop_database(base: str, name: str) -> None:
    admin = await asyncpg.connect(_dsn(base))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


async def _seed(url: str, count: int, start: datetime, spread: float) -> dict[int, float]:
    """Insert `count` reminders due evenly over `spread` seconds from `start`; returns id → due (epoch)."""
    core = build_core(load_settings(database_url=url))
    await core.ready()
    rows = []
    for n in range(count):
        due = start + timedelta(seconds=spread * n / count)
        rows.append({
            "dedupe_key": f"bench:{n}", "platform": "bench", "workspace": "W", "channel": f"D{n}",
            "user_id": f"U{n % 2000}", "kind": "send_by", "due_at": due, "status": "pending", "attempts": 0,
            "sequence": 1, "occurrence": 0, "created_at": start, "updated_at": start,
        })  # fmt: skip
    async with core.database.begin() as connection:
        await connection.execute(insert(Reminder), rows)
    async with core.sessions() as session:
        from sqlalchemy import select

        found = await session.execute(select(Reminder.id, Reminder.due_at))  # type: ignore[call-overload]
        dues = {rid: due.timestamp() for rid, due in found.all()}
    await core.close()
    return dues


def _spawn(url: str, api: str, poll: float, skew: float = 0.0) -> asyncio.subprocess.Process:
    return asyncio.create_subprocess_exec(  # type: ignore[return-value]
        sys.executable, __file__, "--worker", "--db", url, "--api", api, "--poll", str(poll), "--skew", str(skew)
    )


async def _wait_for(api: ReminderApi, count: int, scenario: Scenario, workers: list, timeout: float) -> float:  # type: ignore[type-arg]
    """Poll the API until every reminder arrived (or time runs out); kill a worker on the way if asked."""
    deadline, killed = time.monotonic() + timeout, False
    while time.monotonic() < deadline:
        distinct = len(api.counts())
        if scenario.kill_at is not None and not killed and distinct >= count * scenario.kill_at:
            workers[0].send_signal(signal.SIGKILL)
            killed = True
            print(f"  killed worker pid {workers[0].pid} at {distinct} deliveries")
        if distinct >= count:
            return time.time()
        await asyncio.sleep(0.05)
    return time.time()


async def _statuses(base: str, name: str) -> str:
    """What the database believes at the end (an `unknown` row was parked, not looked up)."""
    connection = await asyncpg.connect(_dsn(base, name))
    try:
        found = await connection.fetch("SELECT status, count(*) AS n FROM reminders GROUP BY status ORDER BY status")
    finally:
        await connection.close()
    return ", ".join(f"{r['status']} {r['n']}" for r in found)


async def run_scenario(base: str, scenario: Scenario, count: int, poll: float) -> dict[str, float]:
    name, url = await _fresh_database(base)
    api = await ReminderApi(rate=scenario.rate, drop_every=scenario.drop_every).start()
    try:
        async with running(load_settings(database_url=url)):
            pass  # the schema, once, before the workers start
        skews = (scenario.skew, -scenario.skew)
        workers = [await _spawn(url, api.base_url, poll, skew) for skew in skews]
        await asyncio.sleep(2.0)  # let both workers start and go idle
        start = datetime.now(UTC) + timedelta(seconds=1)
        # a backlog (rows already overdue, as after downtime) keeps both skewed workers busy on the same rows
        backlog = timedelta(seconds=scenario.backlog)
        dues = {
            rid: due + scenario.backlog
            for rid, due in (await _seed(url, count, start - backlog, scenario.spread)).items()
        }
        await _wait_for(api, count, scenario, workers, timeout=max(120.0, count / (scenario.rate or 500) * 3))
        await asyncio.sleep(max(1.0, LEASE_SECONDS))  # a late duplicate would arrive in this window
        for worker in workers:
            if worker.returncode is None:
                worker.send_signal(signal.SIGTERM)
        for worker in workers:
            await asyncio.wait_for(worker.wait(), timeout=30)
        figures = _report(scenario, api, dues, start.timestamp())
        print(f"  {'rows by status':18} {await _statuses(base, name)}")
        return figures
    finally:
        await api.stop()
        await _drop_database(base, name)


def _report(scenario: Scenario, api: ReminderApi, dues: dict[int, float], start: float) -> dict[str, float]:
    counts = api.counts()
    first_arrival: dict[int, float] = {}
    for rid, arrived in api.posts:
        first_arrival.setdefault(rid, arrived)
    delays = sorted(first_arrival[r] - dues[r] for r in first_arrival if r in dues)
    arrivals = sorted(first_arrival.values())
    elapsed = (arrivals[-1] - start) if arrivals else float("nan")
    figures = {
        "delivered": len(first_arrival),
        "duplicates": sum(c - 1 for c in counts.values() if c > 1),
        "losses": len(set(dues) - set(first_arrival)),
        "deliveries_per_s": len(first_arrival) / elapsed if elapsed > 0 else 0.0,
        "delay_p50_s": statistics.median(delays) if delays else float("nan"),
        "delay_p99_s": delays[int(len(delays) * 0.99) - 1] if delays else float("nan"),
        "rejected_429": api.rejected,
        "posts": len(api.posts),
        "dropped_after_accept": api.dropped,
    }
    if scenario.rate is not None and len(arrivals) > 1:
        figures["allowed_per_s"] = scenario.rate
        figures["achieved_per_s"] = (len(arrivals) - 1) / (arrivals[-1] - arrivals[0])
        figures["achieved_share"] = figures["achieved_per_s"] / scenario.rate
    print(f"{scenario.name}:")
    for key, value in figures.items():
        print(f"  {key:18} {value:,.3f}" if isinstance(value, float) else f"  {key:18} {value}")
    return figures


class SkewedClock:
    """This machine's clock, `seconds` off the database's (what NTP trouble looks like)."""

    def __init__(self, seconds: float) -> None:
        self.offset = timedelta(seconds=seconds)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset


async def worker_main(url: str, api: str, poll: float, skew: float) -> None:
    core = build_core(load_settings(database_url=url))
    sender = LookupApiSender(api)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    scheduler = Scheduler(
        core.sessions, {"bench": sender}, SkewedClock(skew), lease=timedelta(seconds=LEASE_SECONDS),
        batch=int(os.environ.get("BENCH_BATCH", "100")), concurrency=int(os.environ.get("BENCH_CONCURRENCY", "32")),
        poll_seconds=poll, inline_hold=INLINE_HOLD, database_time=True,  # as `thankyou-bot worker` runs it
    )  # fmt: skip
    try:
        await scheduler.run(stop)
    finally:
        await sender.close()
        await core.close()


async def main(args: argparse.Namespace) -> int:
    base = args.db or os.environ.get("TEST_DATABASE_URL")
    if not base or not base.startswith("postgres"):
        print("Set TEST_DATABASE_URL (or --db) to a PostgreSQL URL.", file=sys.stderr)
        return 2
    print(f"{args.count} reminders, 2 worker processes, poll {args.poll}s, lease {LEASE_SECONDS}s")
    print("delay = first arrival - due_at; a worker whose clock runs ahead delivers early (negative delay)")
    scenarios = [
        Scenario("unthrottled", spread=args.spread),
        Scenario("one worker killed mid-run", spread=args.spread, kill_at=0.4),
        Scenario(f"rate-limited to {args.rate:g}/s (burst)", spread=0.0, rate=args.rate),
        Scenario(f"clocks skewed ±{args.skew:g}s, backlog", spread=args.spread, skew=args.skew, backlog=args.skew + 5),
        Scenario(f"clocks skewed ±{args.skew:g}s, backlog, one worker killed", spread=args.spread, skew=args.skew,
                 backlog=args.skew + 5, kill_at=0.4),
        Scenario(f"every {args.drop_every}th post accepted, then connection dropped", spread=args.spread,
                 drop_every=args.drop_every),
    ]  # fmt: skip
    wanted = set(args.only.split(",")) if args.only else None
    failed = False
    for number, scenario in enumerate(scenarios, start=1):
        if wanted is not None and str(number) not in wanted:
            continue
        figures = await run_scenario(base, scenario, args.count, args.poll)
        failed |= bool(figures["duplicates"] or figures["losses"])
    return 1 if failed else 0


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="PostgreSQL URL (default: TEST_DATABASE_URL)")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--spread", type=float, default=15.0, help="seconds over which reminders fall due")
    parser.add_argument("--rate", type=float, default=200.0, help="allowed posts/s in the rate-limited run")
    parser.add_argument("--poll", type=float, default=0.2, help="worker poll interval when idle (s)")
    parser.add_argument("--only", help="comma-separated scenario numbers to run (default: all six)")
    parser.add_argument("--skew", type=float, default=300.0, help="worker clock skew in the fault runs (s)")
    parser.add_argument("--drop-every", type=int, default=10, help="drop the connection after every n-th post")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = _args()
    if arguments.worker:
        asyncio.run(worker_main(arguments.db, arguments.api, arguments.poll, arguments.skew))
    else:
        sys.exit(asyncio.run(main(arguments)))
