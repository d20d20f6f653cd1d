"""A worst case for message limits: a 20-person panel with 1,000-character answers, hostile characters included."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.actions import DraftsReady
from bot.answers import parse_answers
from bot.compose import compose

NOW = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)


def long_answer(seed: str) -> str:
    words = f"{seed} R&D <team> `code` **bold** @here ||spoiler|| ".split()
    text = " ".join(words[n % len(words)] + str(n) for n in range(400))
    return text[:1000].rstrip()


def big_panel() -> DraftsReady:
    people = [
        {"name": f"Person {n} Lastname", "title": long_answer(f"title{n}")[:200], "email": f"p{n}@acme.example",
         "discussed": long_answer(f"topic{n}"), "detail": long_answer(f"detail{n}")}
        for n in range(20)
    ]  # fmt: skip
    answers = parse_answers({
        "candidate": "Sam Rivera", "company": long_answer("company")[:300], "role": long_answer("role")[:300],
        "interviewers": people, "strengths": long_answer("strengths"), "add": long_answer("add"),
        "share": "https://example.com/talk?a=1&b=2", "next_steps": long_answer("next"),
    })  # fmt: skip
    return DraftsReady(compose(answers, tz=UTC, now=NOW), conversation_id=7, answers=answers)
