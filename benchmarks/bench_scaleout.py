"""Scale-out on PostgreSQL (issue 15, item 6): Slack HTTP-mode replicas and reminder workers sharing one database.

Real `thankyou-bot slack --http` and `thankyou-bot worker` processes, configured by environment variables
only, on a fresh PostgreSQL database (created from TEST_DATABASE_URL, migrated by `thankyou-bot db upgrade`,
dropped afterwards). This process plays Slack: it serves the loopback Web API fake and runs the simulated
users (`tests/fakes/slack_crowd.py`), each holding a whole debrief in a closed loop (the next answer as soon as
the question arrives), its signed requests going to a live replica at random.

1. **one**: the users against one replica; 2. **two**: the same load against two. turns/s = completed turns /
   wall time; CPU seconds per process from /proc (the replicas, this database's PostgreSQL backends, and
   this process, which is the load generator and the fake Slack), to say where the time went.
3. **kill**: two replicas and two workers; each user's reminders fall due as their debrief ends; one replica
   is SIGKILLed halfway through the turns and one worker once a quarter of the reminders are out. Checked:
   every debrief done with the right notes, one draft post per interviewer, every reminder posted once.

    TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test .venv/bin/python -m benchmarks.bench_scaleout
    # options: --users 200 --only one,two,kill --stagger 5
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import sys
import tempfile
from pathlib import Path

from tests.fakes.slack_crowd import Crowd, RecordingSlackApi, all_delivered, held_by, make_due, verify
from tests.fakes.slack_fleet import Fleet, Member, backend_cpu, create_database, drop_database

TURNS = 18  # per debrief: "hi" and 17 answers
BOUND = 600.0


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def run(base: str, scenario: str, users: int, stagger: float, think: tuple[float, float]) -> dict[str, object]:
    name, url = await create_database(base)
    api = RecordingSlackApi()
    await api.start()
    with tempfile.TemporaryDirectory() as folder:
        fleet = Fleet(url, api.base_url, Path(folder))
        try:
            await fleet.migrate()
            replicas = 1 if scenario == "one" else 2
            bots = await asyncio.gather(*(fleet.start_bot(f"bot-{i}") for i in range(replicas)))
            workers = [await fleet.start_worker(f"worker-{i}") for i in range(2)] if scenario == "kill" else []
            return await _drive(api, fleet, url, scenario, users, stagger, think, list(bots), workers)
        finally:
            await fleet.stop()
            await api.stop()
            await drop_database(base, name)


async def _drive(
    api: RecordingSlackApi, fleet: Fleet, url: str, scenario: str, users: int, stagger: float,
    think: tuple[float, float], bots: list[Member], workers: list[Member],
) -> dict[str, object]:  # fmt: skip
    crowd = Crowd(api, fleet, users, stagger=stagger, deadline=BOUND, think=think)
    events: dict[str, object] = {}

    async def kill_a_replica_halfway() -> None:
        if scenario == "kill" and crowd.turns >= users * TURNS // 2 and not bots[0].killed:
            await fleet.kill(bots[0])
            events["replica killed at turn"] = crowd.turns

    async def reminders_fall_due(user: str) -> None:
        if scenario == "kill":
            await make_due(url, [user])

    async def kill_a_worker() -> None:
        while len(api.reminder_posts()) < users // 2:
            await asyncio.sleep(0.05)
        events["claims the worker held"] = await held_by(url, workers[0].process.pid)
        await fleet.kill(workers[0])
        events["worker killed at reminder post"] = len(api.reminder_posts())

    crowd.on_turn, crowd.on_finish = kill_a_replica_halfway, reminders_fall_due
    killer = asyncio.create_task(kill_a_worker()) if scenario == "kill" else None
    cpu_before, mine_before = fleet.sample_cpu(), own_cpu()
    try:
        async with asyncio.timeout(BOUND):
            seconds = await crowd.run()
            if killer is not None:
                await killer
                await all_delivered(api, url, 2 * users, BOUND)
    finally:
        if killer is not None:
            killer.cancel()
    cpu = {k: v - cpu_before.get(k, 0.0) for k, v in fleet.sample_cpu().items()}
    cpu["postgres (this database)"] = await backend_cpu(url)
    cpu["load generator + fake Slack"] = own_cpu() - mine_before
    counts = await verify(api, url, crowd, reminders_due=scenario == "kill", strict=False)
    return {"scenario": scenario, "turns": crowd.turns, "seconds": seconds, "turns/s": crowd.turns / seconds,
            "redelivered": crowd.redelivered, "retyped": crowd.retyped, **events, **counts, "cpu": cpu}  # fmt: skip


def report(result: dict[str, object]) -> None:
    cpu = result.pop("cpu")
    seconds = float(result["seconds"])  # type: ignore[arg-type]
    print(" ".join(f"{k}={v:.1f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items()))
    for who, used in cpu.items():  # type: ignore[attr-defined]
        print(f"    cpu {who:<28} {used:7.1f} s  ({100 * used / seconds:5.1f}% of one core)")
    print(f"    load average {os.getloadavg()[0]:.1f}", flush=True)


async def main(args: argparse.Namespace) -> int:
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        print("set TEST_DATABASE_URL to a PostgreSQL server (a fresh database is created on it)", file=sys.stderr)
        return 2
    print(f"{args.users} users x {TURNS} turns, closed loop, {os.cpu_count()} CPUs")
    results = {}
    for scenario in args.only.split(","):
        results[scenario] = await run(base, scenario, args.users, args.stagger, (args.think_min, args.think_max))
        report(dict(results[scenario]))
    if "one" in results and "two" in results:
        ratio = float(results["two"]["turns/s"]) / float(results["one"]["turns/s"])  # type: ignore[arg-type]
        print(f"two replicas / one: {ratio:.2f}x turns/s")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--only", default="one,two,kill")
    parser.add_argument("--stagger", type=float, default=5.0, help="users start within this many seconds")
    parser.add_argument("--think-min", type=float, default=0.0, help="seconds a user takes to answer, at least")
    parser.add_argument("--think-max", type=float, default=0.0, help="... and at most (default: no think time)")
    sys.exit(asyncio.run(main(parser.parse_args())))
