"""Simulated Slack users holding whole debriefs against several HTTP-mode replicas, and the checks after.

Each user DMs "hi" and then answers whatever the bot's latest question asks, by its field
(`tests/fakes/answering.py`), so the crowd does not depend on the question order. Every request is signed
and sent, as Slack sends it, to one of the live replicas at random. When a replica dies:

- a request it never acknowledged (the connection failed) is redelivered by "Slack" to a live replica, with
  the same event id and `X-Slack-Retry-Num`, as Slack retries a failed delivery;
- a request it acknowledged but whose reply never came is typed again by the user (a new message) to a live
  replica, once the dead replica can post nothing more.

A request that went to a live replica is never repeated, so a slow reply is never mistaken for a lost one.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import random
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import asyncpg

from adapters.slack import ids
from tests.fakes import slack_requests as sr
from tests.fakes.answering import PANEL, answer_for
from tests.fakes.slack_api import FakeSlackApi, Post, dm_channel
from tests.fakes.slack_fleet import Fleet, Member

COMPANIES = ("Acme Robotics", "Northwind Health", "Globex Energy", "Initech", "Umbrella Logistics")
NOTE = re.compile(r"^Note (\d+) of (\d+)")
GRACE = 1.0  # seconds after a replica's death before its unanswered users type again
LOOK = 0.5  # seconds between a waiting user's looks at whether their replica died (posts wake them at once)
MAX_TURNS = 60
PATIENCE = 10.0  # seconds a person waits for a reply to a message Slack had to retry, then writes again
PEOPLE = PANEL["interviewers"].split(" and ")


class RecordingSlackApi(FakeSlackApi):
    """The Slack Web API fake, waking whoever waits on a channel whenever something is posted there."""

    def __init__(self) -> None:
        super().__init__()
        self.posted: dict[str, asyncio.Event] = {}
        self.by_channel: dict[str, list[Post]] = {}
        self.reminders: Counter[int] = Counter()  # posts per reminder id, kept as they come (read very often)

    def _post(self, body: Any) -> dict[str, Any]:
        answer = super()._post(body)
        post = self.posts[-1]
        self.by_channel.setdefault(body["channel"], []).append(post)
        self.posted.setdefault(body["channel"], asyncio.Event()).set()
        if post.metadata:
            self.reminders[int(post.metadata["event_payload"]["reminder_id"])] += 1
        return answer

    def channel_posts(self, channel: str) -> list[Post]:
        return self.by_channel.get(channel, [])

    def reminder_posts(self) -> Counter[int]:
        return Counter(self.reminders)


def asked(post: Post) -> str | None:
    """The question a post asks (its navigation and choice buttons carry the field)."""
    for element in post.buttons():
        kind, parts = ids.parse(element.get("action_id", ""))
        if kind == ids.NAV:
            return parts[1]
        if kind == ids.CHOICE:
            return parts[0]
    return None


def answers_for(n: int) -> dict[str, str]:
    """User n's own answers (the company differs, so a note in the wrong debrief would show). The replicas run
    on the real clock: the interview was yesterday afternoon ("today 10am" is in the future before 10:00)."""
    return {**PANEL, "company": COMPANIES[n % len(COMPANIES)], "interview_at": "yesterday 3pm"}


@dataclass
class Crowd:
    """`users` people, each holding one debrief, against the fleet's live replicas."""

    api: RecordingSlackApi
    fleet: Fleet
    users: int
    stagger: float = 1.0  # users start at random moments within this many seconds
    deadline: float = 120.0  # seconds any one reply may take before the run is declared stuck
    seed: int = 15
    think: tuple[float, float] = (0.0, 0.0)  # seconds a person takes to read a question and type, at random
    turns: int = 0
    redelivered: int = 0  # unacknowledged requests Slack sent again
    retyped: int = 0  # acknowledged-but-lost messages the user typed again
    finished: list[str] = field(default_factory=list)
    on_turn: Callable[[], Any] | None = None  # called after every completed turn (the benchmark kills here)
    on_acked: Callable[[Member], Any] | None = None  # called when a replica acknowledged a request
    on_finish: Callable[[str], Any] | None = None  # called with a user id when their notes are all in

    def user_id(self, n: int) -> str:
        return f"U0SO{sr.RUN}{n:04d}"

    async def run(self) -> float:
        """Every user's whole debrief; returns the wall-clock seconds it took."""
        rng = random.Random(self.seed)
        started = time.perf_counter()
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector) as http:
            starts = [rng.uniform(0, self.stagger) for _ in range(self.users)]
            await asyncio.gather(
                *(self._person(http, n, starts[n], random.Random(rng.random())) for n in range(self.users))
            )
        return time.perf_counter() - started

    async def _person(self, http: aiohttp.ClientSession, n: int, delay: float, rng: random.Random) -> None:
        await asyncio.sleep(delay)
        user, answers = self.user_id(n), answers_for(n)
        channel = dm_channel(user)
        text = "hi"
        for _ in range(MAX_TURNS):
            seen = len(self.api.channel_posts(channel))
            typed = functools.partial(self._send, http, sr.event(sr.dm(user, text)), rng)
            again = functools.partial(self._typed, http, user, text, rng)
            field = await self._reply(channel, seen, await typed(), again)
            self.turns += 1
            if self.on_turn is not None:
                await self.on_turn()
            if field is None:
                self.finished.append(user)
                if self.on_finish is not None:
                    await self.on_finish(user)
                return
            text = answer_for(field, answers)
            await asyncio.sleep(rng.uniform(*self.think))
        raise AssertionError(f"{user}'s debrief did not finish in {MAX_TURNS} turns")

    async def _typed(
        self, http: aiohttp.ClientSession, user: str, text: str, rng: random.Random
    ) -> tuple[Member, bool]:
        """The person writes the same words again: a new message, a new event."""
        return await self._send(http, sr.event(sr.dm(user, text)), rng)

    async def _send(
        self, http: aiohttp.ClientSession, request: sr.SlackRequest, rng: random.Random
    ) -> tuple[Member, bool]:
        """Deliver to a live replica at random; a failed delivery goes again, marked as Slack's retry.
        Returns the replica that acknowledged it and whether that took a retry."""
        for attempt in range(4):
            live = self.fleet.bots()
            assert live, "no replica left"
            member = rng.choice(live)
            headers = request.signed()
            if attempt:
                headers |= {"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": "http_error"}
            try:
                async with http.post(member.url, data=request.body, headers=headers) as response:
                    await response.read()
                    if response.status == 200:
                        if self.on_acked is not None:
                            await self.on_acked(member)
                        return member, attempt > 0
            except aiohttp.ClientConnectionError:
                pass
            self.redelivered += 1
            await asyncio.sleep(0.2 * (attempt + 1))
        raise AssertionError("Slack could not deliver a request to any replica")

    async def _reply(self, channel: str, seen: int, sent: tuple[Member, bool], again: Callable[[], Any]) -> str | None:
        """The next question asked after post `seen` (None once every note is in); types again if lost.

        Lost: the replica that acknowledged the message died before replying, or Slack's retry of it was
        acknowledged but no reply came within PATIENCE (the dead replica had stored it: the retry is a
        duplicate, rightly ignored, and the person has to write again to see the next question)."""
        woken = self.api.posted.setdefault(channel, asyncio.Event())
        target, retried = sent
        died_at: float | None = None
        patience = time.monotonic() + PATIENCE
        limit = time.monotonic() + self.deadline
        fresh = True  # something was posted here since the posts were last read
        while time.monotonic() < limit:
            if fresh:
                posts = self.api.channel_posts(channel)[seen:]
                questions = [f for f in map(asked, posts) if f is not None]
                if questions:
                    return questions[-1]
                if notes_complete(self.api.channel_posts(channel)):
                    return None
            if not target.alive:
                died_at = died_at or time.monotonic()
            if (died_at and time.monotonic() - died_at > GRACE) or (retried and time.monotonic() > patience):
                self.retyped += 1
                (target, retried), died_at, patience = await again(), None, time.monotonic() + PATIENCE
                fresh = True  # the reply may have come while it was being typed
                continue
            woken.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(woken.wait(), LOOK)
            fresh = woken.is_set()  # not: only a replica's death or lost patience to look for, posts as they were
        raise AssertionError(f"no reply in {channel} within {self.deadline} s")


def notes_complete(posts: list[Post]) -> bool:
    """Every "Note k of N" post of the latest debrief is in."""
    numbers = [(int(m.group(1)), int(m.group(2))) for m in (NOTE.match(p.text) for p in posts) if m]
    return bool(numbers) and {k for k, _ in numbers} == set(range(1, numbers[-1][1] + 1))


async def make_due(database_url: str, users: list[str]) -> int:
    """These users' reminders (the debrief's: the note nudge and the first check-in) fall due now, on the
    database's clock; how many rows that touched."""
    connection = await asyncpg.connect(database_url)
    try:
        status = await connection.execute(
            "UPDATE reminders SET due_at = now() WHERE sequence = 1 AND user_id = ANY($1::text[])", users
        )
    finally:
        await connection.close()
    return int(status.split()[-1])


async def verify(
    api: RecordingSlackApi, database_url: str, crowd: Crowd, *, reminders_due: bool = True, strict: bool = True
) -> dict[str, int]:
    """Nothing lost, nothing doubled: raises AssertionError naming the first problem; returns the counts.
    `reminders_due`: the debriefs' reminders were made due, so each must have been posted exactly once.
    Not `strict`: notes naming another answer than the company typed are counted ("misplaced"), not raised."""
    connection = await asyncpg.connect(database_url)
    try:
        notes = await connection.fetch("SELECT user_id, position, interviewer, company FROM notes ORDER BY 1, 2")
        conversations = await connection.fetch("SELECT user_id, status, answers::text AS answers FROM conversations")
        reminders = await connection.fetch("SELECT id, status, user_id FROM reminders WHERE sequence = 1")
        later = await connection.fetch(
            "SELECT user_id, status, due_at > now() AS ahead FROM reminders WHERE sequence > 1"
        )
    finally:
        await connection.close()
    users = [crowd.user_id(n) for n in range(crowd.users)]
    assert sorted(crowd.finished) == sorted(users), "a debrief did not finish"
    assert Counter(r["user_id"] for r in conversations) == Counter(users), "not exactly one debrief per user"
    assert {r["status"] for r in conversations} == {"done"}, Counter(r["status"] for r in conversations)
    misplaced = 0
    for n, user in enumerate(users):
        mine = [(r["position"], r["interviewer"], r["company"]) for r in notes if r["user_id"] == user]
        assert [m[:2] for m in mine] == list(enumerate(PEOPLE)), (user, mine)
        right = all(m[2] == COMPANIES[n % len(COMPANIES)] for m in mine)
        assert right or not strict, (user, mine)
        misplaced += not right
        drafts = Counter(m.group(0) for m in (NOTE.match(p.text) for p in api.channel_posts(dm_channel(user))) if m)
        assert drafts == Counter(f"Note {i} of {len(PEOPLE)}" for i in range(1, len(PEOPLE) + 1)), (user, drafts)
    for row in conversations:
        assert "priya@acme.example" in row["answers"] and "Sam Rivera" in row["answers"], row["user_id"]
    if not reminders_due:
        return {"users": len(users), "notes": len(notes), "misplaced": misplaced}
    posted = api.reminder_posts()
    assert len(reminders) == 2 * len(users), f"{len(reminders)} reminders for {len(users)} debriefs"
    assert {r["status"] for r in reminders} == {"sent"}, Counter(r["status"] for r in reminders)
    assert sorted(posted) == sorted(r["id"] for r in reminders), "a reminder was never posted"
    assert max(posted.values()) == 1, f"reminders posted twice: {[k for k, v in posted.items() if v > 1]}"
    # each check-in sent schedules the second, a week later: exactly one per user, not due yet
    second = Counter(r["user_id"] for r in later)
    without = sum(second[u] != 1 for u in users)
    assert not without or not strict, f"{without} users without exactly one second check-in"
    assert {(r["status"], r["ahead"]) for r in later} <= {("pending", True)}
    return {
        "users": len(users),
        "notes": len(notes),
        "misplaced": misplaced,
        "reminders": len(reminders),
        "reminder posts": sum(posted.values()),
        "users without one second check-in": without,
    }


async def held_by(database_url: str, pid: int) -> int:
    """Reminders a worker process holds right now (claimed or mid-send; its claims name its pid)."""
    connection = await asyncpg.connect(database_url)
    try:
        count = await connection.fetchval(
            "SELECT count(*) FROM reminders WHERE status IN ('claimed', 'sending') AND claimed_by LIKE $1",
            f"%-{pid}-%",
        )
    finally:
        await connection.close()
    return int(count)


async def all_delivered(api: RecordingSlackApi, database_url: str, expected: int, bound: float) -> None:
    """Bounded wait until `expected` reminders are posted and every one the debriefs made is `sent`."""
    connection = await asyncpg.connect(database_url)
    try:
        for _ in range(int(bound / 0.1)):
            unsent = await connection.fetchval("SELECT count(*) FROM reminders WHERE status <> 'sent' AND sequence = 1")
            if len(api.reminder_posts()) >= expected and unsent == 0:
                return
            await asyncio.sleep(0.1)
        rows = await connection.fetch("SELECT status, count(*) AS n FROM reminders GROUP BY 1")
        errors = await connection.fetch("SELECT DISTINCT last_error FROM reminders WHERE last_error IS NOT NULL")
    finally:
        await connection.close()
    statuses = {r["status"]: r["n"] for r in rows}
    raise AssertionError(f"reminders not all delivered: {statuses}, {len(api.reminder_posts())} posted, "
                         f"errors {[r['last_error'] for r in errors]}")  # fmt: skip
