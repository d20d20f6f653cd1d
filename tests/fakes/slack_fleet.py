"""Real `thankyou-bot` processes on one PostgreSQL database, started the way an operator starts them.

A fresh database per run (created from TEST_DATABASE_URL, migrated with `thankyou-bot db upgrade`, dropped
at the end), then `thankyou-bot slack --http` replicas and `thankyou-bot worker` processes configured only by
environment variables and pointed at the loopback Slack Web API fake. Processes can be SIGKILLed, and the
replicas held to a share of a core (`tests/fakes/cpu_quota.py`); their CPU time and the time they waited for a
free CPU (and those of this database's PostgreSQL backends) are read from /proc, to say where a run's time went.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import asyncpg
from sqlalchemy.engine import make_url

from bot.storage.db import async_url
from tests.fakes import slack_requests as sr
from tests.fakes.cpu_quota import scheduled

ROOT = Path(__file__).resolve().parents[2]
BOT_TOKEN = "xoxb-1234-5678-ScaleOut"
START_BOUND = 90.0  # seconds for a process to be ready on a busy 2-core machine
STOP_BOUND = 15.0


def plain_dsn(url: str, database: str | None = None) -> str:
    """`url` as asyncpg takes it (no `+asyncpg`), optionally naming another database on the same server."""
    parsed = make_url(async_url(url)).set(drivername="postgresql")
    if database is not None:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


async def create_database(base: str) -> tuple[str, str]:
    """A brand-new database on `base`'s server: (its name, its URL)."""
    name = f"tyb_scaleout_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(plain_dsn(base))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return name, plain_dsn(base, name)


async def drop_database(base: str, name: str) -> None:
    admin = await asyncpg.connect(plain_dsn(base))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Member:
    """One process of the fleet."""

    name: str
    process: asyncio.subprocess.Process
    url: str = ""  # bots: their request URL
    killed: bool = False
    times: tuple[float, float] = (0.0, 0.0)  # seconds run and waited for a CPU, read when stopped or killed

    @property
    def alive(self) -> bool:
        return not self.killed and self.process.returncode is None


@dataclass
class Fleet:
    """The processes of one run, all on `database_url`; `api_url` is the Slack Web API they call."""

    database_url: str
    api_url: str
    logs: Path
    lease_seconds: float = 3.0
    poll_seconds: float = 0.2
    members: list[Member] = field(default_factory=list)
    quota: asyncio.subprocess.Process | None = None  # the CPU quota holding the replicas, when capped

    def _environment(self, **extra: str) -> dict[str, str]:
        keep = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_", "LOG_"))}
        return {
            **keep, "PYTHONPATH": str(ROOT), "DATABASE_URL": self.database_url, "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": sr.SECRET, "SLACK_API_URL": self.api_url, "RUN_SCHEDULER": "false",
            "LOG_LEVEL": "WARNING", "REMINDER_POLL_SECONDS": str(self.poll_seconds),
            "REMINDER_LEASE_SECONDS": str(self.lease_seconds), **extra,
        }  # fmt: skip

    async def _spawn(self, name: str, *args: str) -> asyncio.subprocess.Process:
        with (self.logs / f"{name}.log").open("ab") as log:
            return await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", *args, cwd=self.logs, env=self._environment(),
                stdin=asyncio.subprocess.DEVNULL, stdout=log, stderr=log,
            )  # fmt: skip

    async def migrate(self) -> None:
        """`thankyou-bot db upgrade`, once, before any replica starts (the migration Job in deploy/k8s)."""
        process = await self._spawn("migrate", "db", "upgrade")
        async with asyncio.timeout(START_BOUND):
            assert await process.wait() == 0, (self.logs / "migrate.log").read_text()

    async def start_bot(self, name: str) -> Member:
        """`thankyou-bot slack --http --port N`, returned once `/readyz` answers 200."""
        port = free_port()
        member = Member(name, await self._spawn(name, "slack", "--http", "--port", str(port)))
        member.url = f"http://127.0.0.1:{port}/slack/events"
        self.members.append(member)
        async with aiohttp.ClientSession() as http, asyncio.timeout(START_BOUND):
            while True:
                assert member.alive, f"{name} exited: {self.log(name)}"
                try:
                    async with http.get(f"http://127.0.0.1:{port}/readyz") as response:
                        if response.status == 200:
                            return member
                except aiohttp.ClientConnectionError:
                    pass  # not listening yet
                await asyncio.sleep(0.1)

    async def start_worker(self, name: str) -> Member:
        member = Member(name, await self._spawn(name, "worker"))
        self.members.append(member)
        return member

    def bots(self) -> list[Member]:
        return [m for m in self.members if m.url and m.alive]

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    async def kill(self, member: Member) -> None:
        """SIGKILL: no clean-up, no hand-back; whatever it held is left to the others."""
        member.times = scheduled(member.process.pid) or member.times
        member.killed = True
        member.process.send_signal(signal.SIGKILL)
        await member.process.wait()

    async def stop(self) -> None:
        """SIGTERM every live member (bounded), reading its CPU time first."""
        await self.uncap()
        for member in self.members:
            if member.process.returncode is None:
                member.times = scheduled(member.process.pid) or member.times
                member.process.send_signal(signal.SIGCONT)  # in case a CPU quota holds it stopped
                member.process.send_signal(signal.SIGTERM)
        for member in self.members:
            try:
                async with asyncio.timeout(STOP_BOUND):
                    await member.process.wait()
            except TimeoutError:
                member.process.kill()
                await member.process.wait()

    def sample_cpu(self) -> dict[str, tuple[float, float]]:
        """Per member: seconds run on a CPU and seconds waited for one, so far (live ones read now)."""
        found = {}
        for member in self.members:
            now = scheduled(member.process.pid) if member.alive else None
            found[member.name] = now if now is not None else member.times
        return found

    async def cap(self, share: float) -> None:
        """Hold every live replica to `share` of a core from now on (`tests/fakes/cpu_quota.py`), as a
        Kubernetes CPU limit holds a pod."""
        pids = [str(m.process.pid) for m in self.bots()]
        self.quota = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "tests.fakes.cpu_quota", str(share), *pids, cwd=ROOT,
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE,
        )  # fmt: skip

    async def uncap(self) -> tuple[dict[str, float], tuple[float, float]]:
        """Lift the quota (every replica resumed). Returns, per member name, the seconds the quota held it
        stopped, and the seconds the quota process itself ran and waited for a CPU (it is load too)."""
        quota, self.quota = self.quota, None
        if quota is None:
            return {}, (0.0, 0.0)
        own = scheduled(quota.pid) or (0.0, 0.0)
        quota.terminate()
        async with asyncio.timeout(STOP_BOUND):
            out, _ = await quota.communicate()
        held = {int(pid): float(v["held"]) for pid, v in json.loads(out or b"{}").items()}
        return {m.name: held[m.process.pid] for m in self.members if m.process.pid in held}, own


async def backend_cpu(database_url: str) -> tuple[float, float]:
    """Seconds run and waited for a CPU by the PostgreSQL backends connected to this database right now
    (the bots' pools)."""
    connection = await asyncpg.connect(database_url)
    try:
        rows = await connection.fetch(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    finally:
        await connection.close()
    found = [scheduled(int(r["pid"])) or (0.0, 0.0) for r in rows]
    return sum(f[0] for f in found), sum(f[1] for f in found)
