"""Faults on the reply path (issue 11, item 1) and version conflicts (item 4): prints the figures.

1. **Lost replies** through the real Slack app and sender against the loopback Web API (SQLite): for each
   question of a two-person debrief, `chat.postMessage` answers 500 to the reply that would ask the next one;
   the person then either sends the same thing again ("repeat"; a click is clicked again, then "hello?") or
   writes "hello?". The debrief is then finished by answering whatever is asked. Counted: answers that
   differ from the no-fault run (an answer consumed by a question the person never saw).
2. **Lost notes**: a 500 at each post of "Write my notes"; the person writes "hello?". Counted: note sets
   the person still has not seen whole after that message, and sets sent more than once after it.
3. **Version conflicts**: 10 writers on one conversation at once, and 10 simultaneous starts, `--rounds`
   times on SQLite and PostgreSQL (`TEST_DATABASE_URL`); counted: errors surfaced to a user.

Only public pieces that also existed before this change are used, so the same script measures the old code
(run it from a `git archive` of the old commit with this file copied in).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import tempfile
import uuid
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, urlencode

from bot.config import load_settings
from bot.events import Address, Start, TextAnswer
from bot.runtime import running
from tests.adapters.slack.helpers import asked_field, copied_code
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_rig import SlackRig

USER = "U0BENCH"
HOOK = "/hooks/bench"
ANSWERS: dict[str, tuple[str, str]] = {
    "occasion": ("type", "interview"),  # asked first by older flows
    "candidate": ("type", "Sam Rivera"),
    "company": ("type", "Acme Robotics"),
    "role": ("type", "Senior Data Engineer"),
    "interview_at": ("type", "today at 10"),
    "interviewers": ("type", "Priya Natarajan and Tom Li"),
    "format": ("type", "video"),
    "went": ("click", "Well"),
    "interviewers.0.title": ("type", "Engineering Manager, priya@acme.example"),
    "interviewers.0.discussed": ("type", "moving the nightly batch pipeline to streaming"),
    "interviewers.1.title": ("type", "Staff Engineer"),
    "interviewers.1.discussed": ("type", "how they test schema changes"),
    "strengths": ("type", "five years running Kafka in production"),
    "add": ("click", "Skip"),
    "share": ("click", "Skip"),
    "next_steps": ("type", "they will decide by next Friday"),
    "tone": ("type", "warm"),
    "channel": ("click", "Email"),
}
#: questions older flows ask separately, by their last part ("interviewers.0.email" → "email")
BY_NAME: dict[str, tuple[str, str]] = {"email": ("type", "priya@acme.example"), "detail": ("type", "skip")}
REFUSAL = {"ok": False, "error": "internal_error"}


def answer(field: str) -> tuple[str, str]:
    return ANSWERS.get(field) or BY_NAME.get(field.rsplit(".", 1)[-1], ("type", "skip"))


ASKED = [0]


def fail_post(api: FakeSlackApi, nth: int) -> None:
    """The `nth` chat.postMessage from now gets a 500."""
    path = api.path("chat.postMessage")
    if nth == 1:
        api.http.script(path, status=500, body=REFUSAL)
        return
    seen = 0

    def post(_method: str, body: Any) -> Any:
        nonlocal seen
        seen += 1
        if seen == nth - 1:
            api.http.script(path, status=500, body=REFUSAL)
        return api._post(body)

    api.http.respond(path, post)


async def act(rig: SlackRig, api: FakeSlackApi, how: str, what: str) -> None:
    if how == "type":
        await rig.dm(USER, what)
        return
    post = rig.last(USER)
    request = sr.click(post, post.button(what), USER)
    payload = json.loads(parse_qs(request.body.decode())["payload"][0])
    payload["response_url"] = api.http.base_url + HOOK  # stays on loopback
    await rig.send(sr.SlackRequest(urlencode({"payload": json.dumps(payload)}).encode(), request.content_type))


async def debrief(point: int | None, behaviour: str) -> dict[str, Any]:
    """One debrief with the reply after the `point`-th answer refused; the answers stored at the summary."""
    api = await FakeSlackApi().start()
    folder = tempfile.mkdtemp()
    rig = await SlackRig(api, f"sqlite:///{folder}/bench.db").start()
    try:
        await rig.command(USER)
        for number in range(60):
            field = asked_field(rig.last(USER))
            if field == "confirm" or field is None:
                break
            how, what = answer(field)
            if number == point:
                fail_post(api, 1)
                await act(rig, api, how, what)
                if behaviour == "repeat" and how == "type":
                    await act(rig, api, how, what)
                else:
                    if behaviour == "repeat":
                        await act(rig, api, how, what)
                    await rig.dm(USER, "hello?")
                continue
            await act(rig, api, how, what)
        [conversation] = await rig.conversations(USER)
        if point is None:
            ASKED[0] = number  # questions answered before the summary, in the no-fault run
        return dict(conversation.answers)
    finally:
        await rig.close()
        await api.stop()


def differing(expected: dict[str, Any], got: dict[str, Any]) -> int:
    keys = set(expected) | set(got)
    return sum(1 for k in keys if expected.get(k) != got.get(k))


async def lost_notes(point: int) -> tuple[int, int]:
    """(note sets not seen whole after the next message, sets sent more than once after it)."""
    api = await FakeSlackApi().start()
    folder = tempfile.mkdtemp()
    rig = await SlackRig(api, f"sqlite:///{folder}/bench.db").start()
    try:
        await rig.command(USER)
        while (field := asked_field(rig.last(USER))) not in ("confirm", None):
            await act(rig, api, *answer(field))
        before = len(rig.posts(USER))
        fail_post(api, point)
        await act(rig, api, "click", "Write my notes")
        await rig.dm(USER, "hello?")
        await rig.dm(USER, "thanks")
        notes = [p for p in rig.posts(USER)[before:] if copied_code(p)]
        names = [p.text for p in notes]
        whole = any("Note 1 of 2" in t for t in names) and any("Note 2 of 2" in t for t in names)
        twice = max(0, sum("Note 2 of 2" in t for t in names) - 1)
        return (0 if whole else 1), twice
    finally:
        await rig.close()
        await api.stop()


class Quiet:
    async def send(self, address: Address, actions: Any) -> list[str]:
        return []


async def _failed(turns: list[Any]) -> int:
    return sum(isinstance(r, BaseException) for r in await asyncio.gather(*turns, return_exceptions=True))


async def conflicts(url: str, rounds: int) -> tuple[int, int, int, int]:
    """(writer errors, writers, start errors, starts) over `rounds` bursts of 10."""
    writer_errors = start_errors = 0
    async with running(load_settings(database_url=url)) as core:
        for n in range(rounds):
            me = Address("slack", "T0BENCH", "D1", f"U{n}{uuid.uuid4().hex[:6]}")
            await core.handle(Start(me, f"{me.user}-s", "UTC"), Quiet())
            await core.handle(TextAnswer(me, f"{me.user}-n", "Sam Rivera"), Quiet())
            burst = [core.handle(TextAnswer(me, f"{me.user}-{i}", f"acme {i}"), Quiet()) for i in range(10)]
            writer_errors += await _failed(burst)
            other = Address("slack", "T0BENCH", "D2", f"V{n}{uuid.uuid4().hex[:6]}")
            starts = [core.handle(Start(other, f"{other.user}-{i}", "UTC"), Quiet()) for i in range(10)]
            start_errors += await _failed(starts)
    return writer_errors, rounds * 10, start_errors, rounds * 10


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="bursts of 10 per database for version conflicts")
    parser.add_argument("--only", default="1,2,3")
    args = parser.parse_args()
    only = set(args.only.split(","))
    if "1" in only:
        expected = await debrief(None, "none")
        for behaviour in ("repeat", "hello"):
            wrong = [differing(expected, await debrief(p, behaviour)) for p in range(ASKED[0])]
            hit = sum(1 for w in wrong if w)
            print(f"lost replies, {behaviour}: {len(wrong)} points, {sum(wrong)} answers consumed by an unseen "
                  f"question, at {hit} points")  # fmt: skip
    if "2" in only:
        results = [await lost_notes(p) for p in range(1, 5)]
        print(f"lost notes: 4 points, {sum(r[0] for r in results)} sets never seen whole after the next message, "
              f"{sum(r[1] for r in results)} sets sent twice after it")  # fmt: skip
    if "3" in only:
        folder = tempfile.mkdtemp()
        urls = [("sqlite", f"sqlite:///{folder}/conflicts.db")]
        if os.environ.get("TEST_DATABASE_URL"):
            urls.append(("postgresql", os.environ["TEST_DATABASE_URL"]))
        for name, url in urls:
            async with throwaway(url) as fresh:
                we, w, se, s = await conflicts(fresh, args.rounds)
            print(f"version conflicts, {name}: {we}/{w} writers and {se}/{s} starts saw an error")


@contextlib.asynccontextmanager
async def throwaway(url: str) -> AsyncIterator[str]:
    """A fresh PostgreSQL database for the run, dropped afterwards (SQLite URLs pass through)."""
    if url.startswith("sqlite"):
        yield url
        return
    import asyncpg
    from sqlalchemy.engine import make_url

    base = make_url(url).set(drivername="postgresql")
    admin_dsn = base.render_as_string(hide_password=False)
    name = f"bench_delivery_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(admin_dsn)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        admin = await asyncpg.connect(admin_dsn)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


if __name__ == "__main__":
    asyncio.run(main())
