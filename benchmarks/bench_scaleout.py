"""Scale-out on PostgreSQL (issue 15, item 6): Slack HTTP-mode replicas and reminder workers sharing one database.

Real `thankyou-bot slack --http` and `thankyou-bot worker` processes, configured by environment variables
only, on a fresh PostgreSQL database (created from TEST_DATABASE_URL, migrated by `thankyou-bot db upgrade`,
dropped afterwards). This process plays Slack: it serves the loopback Web API fake and runs the simulated
users (`tests/fakes/slack_crowd.py`), each holding a whole debrief in a closed loop (the next answer as soon as
the question arrives), its signed requests going to a live replica at random.

1. **one**: the users against one replica; 2. **two**: the same load against two. turns/s = completed turns
   (the reply reached the fake) / wall time. For every process (the replicas, this database's PostgreSQL
   backends, and this process: load generator + fake Slack) the scheduler's own counts: CPU seconds, ms of
   CPU per turn, and the share of the run it spent *runnable but waiting for a free CPU*. A process that is
   running or waiting for a CPU all the time is CPU-bound; one that is neither is waiting on something else.
3. **kill**: two replicas and two workers; each user's reminders fall due as their debrief ends; one replica
   is SIGKILLed halfway through the turns and one worker once a quarter of the reminders are out. Checked:
   every debrief done with the right notes, one draft post per interviewer, every reminder posted once.

`--replica-cpu 0.5` holds each replica to half a core (`tests/fakes/cpu_quota.py`, the way a Kubernetes CPU
limit holds a pod), so "two replicas" has twice the replica CPU of "one" even on a machine with fewer free
cores than two replicas + PostgreSQL + the load generator need. Check that each replica's "% of a core"
equals the quota (else a busy machine, not the quota, held it: lower it). On a quiet machine with >= 4 cores,
run it without. Commands (repository root):

    export TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test
    .venv/bin/python -m benchmarks.bench_scaleout                                      # one, two, kill
    .venv/bin/python -m benchmarks.bench_scaleout --only one,two --replica-cpu 0.5     # a 2-core machine
    # more options: --users 200 --stagger 5 --think-min 0 --think-max 0 --bound 900
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bot import messages
from tests.fakes.cpu_quota import scheduled
from tests.fakes.slack_crowd import Crowd, RecordingSlackApi, all_delivered, held_by, make_due, verify
from tests.fakes.slack_fleet import Fleet, Member, backend_cpu, create_database, drop_database

TURNS = 18  # per debrief: "hi" and 17 answers
POSTGRES, LOAD, QUOTA = "postgres (this database)", "load generator + fake Slack", "CPU quota (harness)"


@dataclass
class Options:
    users: int = 200
    stagger: float = 5.0
    think: tuple[float, float] = (0.0, 0.0)
    replica_cpu: float | None = None
    bound: float = 900.0


@dataclass
class Result:
    scenario: str
    turns: int
    seconds: float
    counts: dict[str, object]
    times: dict[str, tuple[float, float]] = field(default_factory=dict)  # process → (ran, waited) seconds
    held: dict[str, float] = field(default_factory=dict)  # replica → seconds its CPU quota held it stopped
    machine: float = 0.0  # busy share of all the machine's CPUs during the run
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average before and after

    @property
    def rate(self) -> float:
        return self.turns / self.seconds

    def replica_cpu(self) -> float:
        return sum(ran for who, (ran, _) in self.times.items() if who.startswith("bot-"))


def machine_busy() -> tuple[float, float]:
    """(busy, total) jiffies of every CPU so far, from /proc/stat (idle and iowait are not busy)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(values) - values[3] - values[4], sum(values)


async def run(base: str, scenario: str, options: Options) -> Result:
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
            return await _drive(api, fleet, url, scenario, options, list(bots), workers)
        finally:
            await fleet.stop()
            await api.stop()
            await drop_database(base, name)


async def _drive(
    api: RecordingSlackApi, fleet: Fleet, url: str, scenario: str, options: Options, bots: list[Member],
    workers: list[Member],
) -> Result:  # fmt: skip
    users = options.users
    crowd = Crowd(api, fleet, users, stagger=options.stagger, deadline=options.bound, think=options.think)
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
    if options.replica_cpu is not None:
        await fleet.cap(options.replica_cpu)
    before, load = _sample(fleet), os.getloadavg()[0]
    try:
        async with asyncio.timeout(options.bound):
            seconds = await crowd.run()
            if killer is not None:
                await killer
                await all_delivered(api, url, 2 * users, options.bound)
    finally:
        if killer is not None:
            killer.cancel()
    after, (held, quota) = _sample(fleet), await fleet.uncap()
    times = {k: (v[0] - before[k][0], v[1] - before[k][1]) for k, v in after.items() if k != "machine"}
    times[POSTGRES] = await backend_cpu(url)
    if options.replica_cpu is not None:
        times[QUOTA] = quota
    machine = (after["machine"][0] - before["machine"][0]) / (after["machine"][1] - before["machine"][1])
    checked = await verify(api, url, crowd, reminders_due=scenario == "kill", strict=False)
    apologies = sum(p.text.startswith(messages.text("reply_lost")) for p in api.posts)
    counts: dict[str, object] = {
        "redelivered": crowd.redelivered, "retyped": crowd.retyped, "apologies": apologies, **events, **checked
    }  # fmt: skip
    return Result(scenario, crowd.turns, seconds, counts, times, held, machine, (load, os.getloadavg()[0]))


def _sample(fleet: Fleet) -> dict[str, tuple[float, float]]:
    """(ran, waited) seconds per member and for this process; (busy, total) jiffies for the machine."""
    found = fleet.sample_cpu()
    found[LOAD] = scheduled(os.getpid()) or (0.0, 0.0)
    busy, total = machine_busy()
    found["machine"] = (float(busy), float(total))
    return found


def report(result: Result) -> None:
    head = f"scenario={result.scenario} turns={result.turns} seconds={result.seconds:.1f} turns/s={result.rate:.1f}"
    print(head + " " + " ".join(f"{k}={v}" for k, v in result.counts.items()))
    print(f"    {'process':<28} {'CPU s':>7} {'ms/turn':>8} {'% of a core':>12} {'waiting for a CPU':>18} {'held':>6}")
    for who, (ran, waited) in result.times.items():
        held = f"{100 * result.held[who] / result.seconds:5.0f}%" if who in result.held else "     -"
        share, wait = 100 * ran / result.seconds, 100 * waited / result.seconds
        print(f"    {who:<28} {ran:7.1f} {1000 * ran / result.turns:8.1f} {share:11.0f}% {wait:17.0f}% {held}")
    ours = sum(ran for ran, _ in result.times.values()) / result.seconds / (os.cpu_count() or 1)
    print(f"    machine: {os.cpu_count()} CPUs {100 * result.machine:.0f}% busy (ours {100 * ours:.0f}%), "
          f"load average {result.load[0]:.1f} -> {result.load[1]:.1f}", flush=True)  # fmt: skip


def compare(one: Result, two: Result) -> None:
    """The ratio, and what a second replica costs per turn (the shared database's part shows here)."""
    print(f"two replicas / one: {two.rate / one.rate:.2f}x turns/s; the same debriefs took {one.seconds:.1f} s "
          f"with one, {two.seconds:.1f} s with two: {one.seconds / two.seconds:.2f}x")  # fmt: skip
    per_turn = [1000 * r.replica_cpu() / r.turns for r in (one, two)]
    print(f"replica CPU per turn: one {per_turn[0]:.1f} ms, two {per_turn[1]:.1f} ms "
          f"(turns per replica CPU-second: {1000 / per_turn[0]:.1f} vs {1000 / per_turn[1]:.1f})")  # fmt: skip


async def main(args: argparse.Namespace) -> int:
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        print("set TEST_DATABASE_URL to a PostgreSQL server (a fresh database is created on it)", file=sys.stderr)
        return 2
    options = Options(args.users, args.stagger, (args.think_min, args.think_max), args.replica_cpu, args.bound)
    cap = f", each replica held to {args.replica_cpu} of a core" if args.replica_cpu else ""
    print(f"{args.users} users x {TURNS} turns, closed loop, {os.cpu_count()} CPUs{cap}")
    results = {}
    for scenario in args.only.split(","):
        results[scenario] = await run(base, scenario, options)
        report(results[scenario])
    if "one" in results and "two" in results:
        compare(results["one"], results["two"])
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--only", default="one,two,kill")
    parser.add_argument("--stagger", type=float, default=5.0, help="users start within this many seconds")
    parser.add_argument("--think-min", type=float, default=0.0, help="seconds a user takes to answer, at least")
    parser.add_argument("--think-max", type=float, default=0.0, help="... and at most (default: no think time)")
    parser.add_argument("--replica-cpu", type=float, default=None, help="hold each replica to this share of a core")
    parser.add_argument("--bound", type=float, default=900.0, help="seconds a scenario (and any one reply) may take")
    sys.exit(asyncio.run(main(parser.parse_args())))
