"""The debrief as a form (bot/conversation/form.py, form_handler.py, desk.py) through the real core and database:
the chat and the form fill the same answers document, pages save quietly, a closed form resumes the chat, an
invalid form changes nothing; the first question offers the form; a member's locale decides the date order."""

from __future__ import annotations

import itertools
from typing import Any

from bot.actions import Action, Ask, Say
from bot.conversation.form import build_spec
from bot.conversation.parsers import ParseContext
from bot.events import Address, Event, FormSubmitted, Start, TextAnswer
from bot.forms import PEOPLE, PER_PERSON_PREFIX
from bot.runtime import Core
from bot.storage.store import load_active
from bot.time.locales import date_order, reading_order_for, zone_guesses
from tests.fakes.clock import FakeClock
from tests.fakes.sender import RecordingSender

ZONE = "America/New_York"
_ids = itertools.count(1)

#: What a hurried member types, by question (per person: index → text).
TOP = {
    "occasion": "job interview", "candidate": "sam rivera", "company": "Acme Robotics", "role": "data engineer",
    "interview_at": "yday 3pm", "interviewers": "priya natarajan and raj (didnt catch last name)", "format": "zoom",
    "went": "pretty good actually 🙂", "strengths": "five years of kafka", "add": "idk", "share": "n/a",
    "next_steps": "they'll decide by friday", "tone": "friendly", "channel": "e-mail",
}  # fmt: skip
PEOPLE_LINES = {"title": ["Engineering Manager, priya@acme.example", "skip"],
                "discussed": ["streaming; her on-call redesign", "kafka at scale"]}  # fmt: skip


def _id() -> str:
    return f"form-test-{next(_ids)}"


def where(user: str) -> Address:
    return Address("test", "local", f"D{user}", user)


async def answers_of(core: Core, user: str) -> dict[str, Any]:
    async with core.sessions() as session:
        row = await load_active(session, address=where(user))
        assert row is not None
        return dict(row.answers)


async def turn(core: Core, event: Event) -> list[Action]:
    """One turn delivered (so the core records what the member saw, as every adapter does)."""
    return await core.handle(event, RecordingSender())


def _asked(actions: list[Any]) -> Ask:
    return next(a for a in reversed(actions) if isinstance(a, Ask))


async def chat_until_confirm(core: Core, user: str) -> list[str]:
    """Answer whatever the chat asks; the fields it asked, in order."""
    ask = _asked(await turn(core, Start(where(user), _id(), ZONE)))
    asked: list[str] = []
    for _ in range(60):
        if ask.field == "confirm":
            return asked
        asked.append(ask.field)
        name = ask.field.rsplit(".", 1)[-1]
        text = PEOPLE_LINES[name][int(ask.field.split(".")[1])] if ask.field.count(".") == 2 else TOP[name]
        ask = _asked(await turn(core, TextAnswer(where(user), _id(), text)))
    raise AssertionError("the chat never reached the summary")


def form_values(asked: list[str]) -> tuple[tuple[str, str], ...]:
    """The same answers typed into the form: the people one per line, the per-person fields one line each."""
    values = [(f, TOP[f]) for f in asked if "." not in f and f != PEOPLE]
    values.append((PEOPLE, "priya natarajan, Engineering Manager, priya@acme.example\nraj (didnt catch last name)"))
    values.append((PER_PERSON_PREFIX + "discussed", "\n".join(PEOPLE_LINES["discussed"])))
    return tuple(values)


async def test_the_chat_and_the_form_fill_the_same_answers_document(core: Core) -> None:
    asked = await chat_until_confirm(core, "UCHAT")
    event = FormSubmitted(where("UFORM"), _id(), form_values(asked), "done", timezone=ZONE)
    actions = await turn(core, event)
    assert isinstance(actions[0], Say) and _asked(actions).field == "confirm"
    assert await answers_of(core, "UFORM") == await answers_of(core, "UCHAT")


async def test_a_page_saves_quietly_and_a_closed_form_resumes_at_the_first_gap(core: Core) -> None:
    page = FormSubmitted(where("U1"), _id(), (("candidate", "Sam Rivera"), ("company", "Acme")), "page", timezone=ZONE)
    assert await turn(core, page) == []
    assert (await answers_of(core, "U1"))["company"] == "Acme"
    closed = FormSubmitted(where("U1"), _id(), (("role", "Engineer"), ("share", "not a link")), "closed")
    actions = await turn(core, closed)
    answers = await answers_of(core, "U1")
    assert answers["role"] == "Engineer" and "share" not in answers, "what was valid is kept"
    assert isinstance(actions[0], Say) and _asked(actions).field == "interview_at"
    typed = await turn(core, TextAnswer(where("U1"), _id(), "yesterday 3pm"))
    assert _asked(typed).field != "interview_at", "the chat goes on from there"


async def test_an_invalid_form_changes_nothing(core: Core, clock: FakeClock) -> None:
    values = (("candidate", "Sam"), ("company", ""), (PEOPLE, "priya, pm, priya@acme"), ("interview_at", "tomorrow"))
    errors = core.desk.check(values, timezone=ZONE)
    assert set(errors) == {"company", "role", PEOPLE, "interview_at"}  # a job interview needs its role
    assert errors[PEOPLE].startswith("Line 1:")
    actions = await turn(core, FormSubmitted(where("U2"), _id(), values, "done", timezone=ZONE))
    assert len(actions) == 1 and isinstance(actions[0], Say)
    async with core.sessions() as session:
        assert await load_active(session, address=where("U2")) is None


async def test_the_form_opens_filled_with_what_the_chat_already_has(core: Core) -> None:
    await turn(core, Start(where("U3"), _id(), ZONE))
    await turn(core, TextAnswer(where("U3"), _id(), "Sam Rivera"))
    spec = await core.desk.form(where("U3"))
    candidate = spec.field("candidate")
    assert candidate is not None and candidate.value == "Sam Rivera" and spec.timezone == ZONE
    assert all(len(f.label) <= 45 and len(f.hint) <= 100 for f in spec.fields)
    assert [len(page) for page in spec.pages(5)] == [5] * (len(spec.fields) // 5) + (
        [len(spec.fields) % 5] if len(spec.fields) % 5 else []
    )


async def test_only_a_debriefs_first_message_offers_the_form(core: Core) -> None:
    first = _asked(await turn(core, Start(where("U4"), _id(), ZONE)))
    assert "form" in first.navigation
    second = _asked(await turn(core, TextAnswer(where("U4"), _id(), "Sam Rivera")))
    assert "form" not in second.navigation
    resumed = _asked(await turn(core, Start(where("U4"), _id(), ZONE)))
    assert "form" in resumed.navigation


def test_people_lines_take_title_and_email_in_any_order(clock: FakeClock) -> None:
    from bot.conversation.flow import default_flow
    from bot.conversation.form import read_form
    from bot.time.zones import zone

    flow = default_flow()
    text = "Priya Natarajan, priya@acme.example, VP, Engineering\n  \ntom lee"
    answers, errors = read_form(
        flow, ((PEOPLE, text),), answers={}, now=clock.now(), tz=zone(ZONE), date_order="MDY", complete=False
    )
    assert errors == {}
    assert answers[PEOPLE] == [
        {"name": "Priya Natarajan", "title": "VP, Engineering", "email": "priya@acme.example"},
        {"name": "Tom Lee"},
    ]
    spec = build_spec(flow, answers, ZONE)
    people = spec.field(PEOPLE)
    assert people is not None and people.value.splitlines()[0] == "Priya Natarajan, VP, Engineering, priya@acme.example"


def test_locales_decide_date_order_and_zone_guesses(clock: FakeClock) -> None:
    assert [date_order(x) for x in ("en-US", "en-GB", "de", "fr", None, "ja")] == [
        "MDY",
        "DMY",
        "DMY",
        "DMY",
        "MDY",
        "MDY",
    ]
    assert zone_guesses("en-US")[0] == "America/New_York" and zone_guesses("en-GB")[0] == "Europe/London"
    assert zone_guesses("xx")[0] == "America/New_York" and "UTC" in zone_guesses(None)
    with reading_order_for("DMY"):
        assert ParseContext(clock.now(), clock.now().tzinfo).date_order == "DMY"  # type: ignore[arg-type]
    assert ParseContext(clock.now(), clock.now().tzinfo).date_order == "MDY"  # type: ignore[arg-type]


async def test_the_welcome_is_for_new_members_only_and_only_once(core: Core) -> None:
    assert await core.desk.welcome_once(where("UNEW")) is True
    assert await core.desk.welcome_once(where("UNEW")) is False
    await turn(core, Start(where("UOLD"), _id(), ZONE))  # debriefed before this feature: knows the bot already
    assert await core.desk.welcome_once(where("UOLD")) is False
