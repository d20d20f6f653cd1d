"""Scale-out on PostgreSQL (issue 15, item 6), small enough for every CI run: two `thankyou-bot slack --http`
replicas and two `thankyou-bot worker` processes on one fresh database, 20 simulated users whose signed
requests go to either replica at random. Halfway through the turns one replica is SIGKILLed; once reminders
are being delivered, one worker is too. Every debrief still ends with the right notes, one draft post per
interviewer, and every reminder is posted exactly once. The 200-user version with throughput figures is
`benchmarks/bench_scaleout.py`.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.fakes.cpu_quota import BURST, TICK
from tests.fakes.slack_crowd import Crowd, RecordingSlackApi, all_delivered, held_by, make_due, verify
from tests.fakes.slack_fleet import ROOT, Fleet, Member, create_database, drop_database

USERS = 20
TURNS = 18  # "hi" and 17 answers: the two-person panel of tests/fakes/answering.py
BOUND = 120.0  # seconds: only a stuck run takes this long, even on a busy 2-core machine
THINK = (0.2, 0.6)  # a person reads the question and types (a faster crowd trips the race in the report)


@pytest.fixture
async def database() -> AsyncIterator[str]:
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip("TEST_DATABASE_URL is not set")
    name, url = await create_database(base)
    yield url
    await drop_database(base, name)


@pytest.fixture
async def api() -> AsyncIterator[RecordingSlackApi]:
    fake = RecordingSlackApi()
    await fake.start()
    yield fake
    await fake.stop()


async def test_two_replicas_and_two_workers_lose_and_double_nothing_when_one_of_each_is_killed(
    database: str, api: RecordingSlackApi, tmp_path: Path
) -> None:
    fleet = Fleet(database, api.base_url, tmp_path)
    await fleet.migrate()
    bots = await asyncio.gather(fleet.start_bot("bot-0"), fleet.start_bot("bot-1"))
    workers = [await fleet.start_worker("worker-0"), await fleet.start_worker("worker-1")]
    crowd = Crowd(api, fleet, USERS, stagger=3.0, deadline=BOUND, think=THINK)
    killed: dict[str, int] = {}

    async def kill_a_replica_halfway(member: Member) -> None:
        """Right after it acknowledged a message: that reply never comes, the user must write again."""
        if member is bots[0] and crowd.turns >= USERS * TURNS // 2 and not bots[0].killed:
            await fleet.kill(bots[0])
            killed["replica at turn"] = crowd.turns

    async def reminders_fall_due(user: str) -> None:
        await make_due(database, [user])

    async def kill_a_worker_mid_delivery() -> None:
        async with asyncio.timeout(BOUND):  # once it holds claims (or, failing that, a quarter is out)
            while not await held_by(database, workers[0].process.pid) and len(api.reminder_posts()) < USERS // 2:
                await asyncio.sleep(0.02)
        killed["worker holding"] = await held_by(database, workers[0].process.pid)
        await fleet.kill(workers[0])
        killed["worker at post"] = len(api.reminder_posts())

    started = time.monotonic()
    crowd.on_acked, crowd.on_finish = kill_a_replica_halfway, reminders_fall_due
    worker_killer = asyncio.create_task(kill_a_worker_mid_delivery())
    try:
        async with asyncio.timeout(BOUND):
            await crowd.run()
            await worker_killer
        await all_delivered(api, database, 2 * USERS, BOUND)
        counts = await verify(api, database, crowd)
        print(
            f"scale-out: {crowd.turns} turns, {killed}, {crowd.redelivered} redelivered, {crowd.retyped} retyped, "
            f"{time.monotonic() - started:.1f} s"
        )
    finally:
        worker_killer.cancel()
        await fleet.stop()

    assert bots[0].killed and workers[0].killed, killed
    assert crowd.retyped >= 1, "the replica was killed with a reply owed"
    assert killed["worker at post"] < 2 * USERS, "the worker was killed only after everything was delivered"
    assert counts == {
        "users": USERS,
        "notes": 2 * USERS,
        "misplaced": 0,
        "reminders": 2 * USERS,
        "reminder posts": 2 * USERS,
        "users without one second check-in": 0,
    }
    for member in (bots[1], workers[1]):
        assert "Traceback" not in fleet.log(member.name), fleet.log(member.name)


async def test_the_benchmarks_cpu_quota_holds_a_busy_process_to_its_share_and_leaves_it_running() -> None:
    """`bench_scaleout.py --replica-cpu` (tests/fakes/cpu_quota.py): a process that would take a whole core
    gets no more than its share, and is running again, not stopped, once the quota is lifted."""
    share = 0.05
    busy = await asyncio.create_subprocess_exec(sys.executable, "-c", "while True: pass")
    try:
        quota = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "tests.fakes.cpu_quota", str(share), str(busy.pid), cwd=ROOT,
            stdout=asyncio.subprocess.PIPE,
        )  # fmt: skip
        await asyncio.sleep(3.0)
        quota.terminate()
        out, _ = await quota.communicate()
        await asyncio.sleep(0.2)
        state = Path(f"/proc/{busy.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    finally:
        busy.kill()
        await busy.wait()
    report = json.loads(out)[str(busy.pid)]
    assert report["held"] > 0, report
    assert report["cpu"] <= share * (report["seconds"] + BURST) + 2 * TICK, report
    assert state in ("R", "S"), state
