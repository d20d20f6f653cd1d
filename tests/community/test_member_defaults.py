"""A community's default tone and note channel through the real service (SQLite and PostgreSQL): a new member's
debrief starts with them, says so, and lets the member change them; the member's own profile wins; and the
community's choice is not written into the member's profile as if it were theirs."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from bot.actions import Action, DraftsReady, Say
from bot.community.ports import AdminRequest
from bot.compose import compose
from bot.events import Address, FormSubmitted, Start, TextAnswer
from bot.forms import PEOPLE, PER_PERSON_PREFIX
from bot.runtime import Core
from bot.storage.profile import load_profile
from bot.time.zones import zone
from tests.community.fakes import FakeDirectory
from tests.fakes.answering import MAX_TURNS, PANEL, answer_for, last_ask
from tests.fakes.clock import FakeClock
from tests.fakes.sender import RecordingSender

TEAM, GUILD = "T0FORMAL", "910000000000000001"
_ids = itertools.count()
#: typed the way people type; tone and channel typed only if asked (a community default means they are not)
TYPED = {**PANEL, "candidate": "sam rivera", "company": "acme robotics", "tone": "friendly pls", "channel": "e-mail"}


async def admin(core: Core, text: str, *, platform: str = "slack", workspace: str = TEAM) -> None:
    request = AdminRequest(platform, workspace, "UADMIN", True, text, "/thankyou admin", FakeDirectory())
    assert (await core.community.admin(request)).changed


async def say(core: Core, address: Address, text: str | None) -> list[Action]:
    event = Start(address, f"s{next(_ids)}") if text is None else TextAnswer(address, f"t{next(_ids)}", text)
    return await core.service.handle(event, RecordingSender())


async def debrief(core: Core, address: Address, answers: Mapping[str, str] = TYPED) -> tuple[list[str], list[Action]]:
    """A whole debrief answered by field: the fields asked and everything the bot said."""
    actions = await say(core, address, None)
    everything, asked = list(actions), []
    for _ in range(MAX_TURNS):
        ask = last_ask(actions)
        if ask is None:
            return asked, everything
        asked.append(ask.field)
        actions = await say(core, address, answer_for(ask.field, answers))
        everything += actions
    raise AssertionError(f"the debrief did not finish: {asked}")


def ready(actions: Sequence[Action]) -> DraftsReady:
    return next(a for a in actions if isinstance(a, DraftsReady))


def said(actions: Sequence[Action]) -> str:
    return " ".join(a.text for a in actions if isinstance(a, Say))


async def profile(core: Core, address: Address) -> dict[str, object]:
    async with core.sessions() as session:
        return await load_profile(session, address=address)


async def test_a_new_member_of_a_formal_community_gets_a_formal_note(core: Core, clock: FakeClock) -> None:
    await admin(core, "tone formal")
    await admin(core, "note linkedin")
    mia = Address("slack", TEAM, "D0MIA", "U0MIA")
    asked, actions = await debrief(core, mia)
    assert "tone" not in asked and "channel" not in asked, "pre-answered, so the debrief is no longer"
    assert "Your community's default: tone (Formal), send as (LinkedIn message)" in said(actions)
    notes = ready(actions)
    assert notes.answers is not None and (notes.answers.tone, notes.answers.channel) == ("formal", "linkedin")
    formal = compose(notes.answers, tz=zone("America/New_York"), now=clock.now())
    warm = compose(notes.answers.model_copy(update={"tone": "warm"}), tz=zone("America/New_York"), now=clock.now())
    assert [d.body for d in notes.drafts.drafts] == [d.body for d in formal.drafts]
    assert [d.body for d in notes.drafts.drafts] != [d.body for d in warm.drafts]
    assert "tone" not in await profile(core, mia), "the community's choice is not the member's own"
    other = Address("slack", "T0ELSEWHERE", "D0ALEX", "U0ALEX")
    asked, actions = await debrief(core, other)
    assert "tone" in asked and "community" not in said(actions)
    assert ready(actions).answers.tone == "warm"  # type: ignore[union-attr]


async def test_a_members_own_profile_beats_the_communitys_default(core: Core) -> None:
    await admin(core, "tone formal")
    sam = Address("slack", TEAM, "D0SAM", "U0SAM")
    assert "Concise" in said(await say(core, sam, "profile tone short n sweet"))
    asked, actions = await debrief(core, sam)
    assert "tone" not in asked and "community" not in said(actions)
    assert ready(actions).answers.tone == "concise"  # type: ignore[union-attr]
    assert (await profile(core, sam))["tone"] == "concise"
    _, actions = await debrief(core, Address("slack", TEAM, "D0NEW", "U0NEW"))  # no profile of their own
    assert ready(actions).answers.tone == "formal"  # type: ignore[union-attr]


async def test_the_member_can_change_the_default_in_the_debrief_and_that_is_remembered(core: Core) -> None:
    await admin(core, "tone formal")
    ana = Address("slack", TEAM, "D0ANA", "U0ANA")
    answers = {**TYPED, "confirm": "edit tone"}
    actions = await say(core, ana, None)
    for _ in range(MAX_TURNS):
        ask = last_ask(actions)
        assert ask is not None
        if ask.field == "tone":
            break
        actions = await say(core, ana, answer_for(ask.field, answers))
    actions = await say(core, ana, "warmer, its a startup")
    assert last_ask(actions).field == "confirm"  # type: ignore[union-attr]
    actions = await say(core, ana, "yes")
    assert ready(actions).answers.tone == "warm"  # type: ignore[union-attr]
    assert (await profile(core, ana))["tone"] == "warm", "a choice the member made is theirs to keep"


async def test_a_discord_member_gets_the_defaults_of_the_server_they_came_from(core: Core) -> None:
    await admin(core, "note card", platform="discord", workspace=GUILD)
    await admin(core, "tone concise", platform="discord", workspace="910000000000000002")
    lee = Address("discord", "@dm", "920000000000000001", "930000000000000001")
    await core.community.remember_member(lee, "910000000000000002")
    await core.community.remember_member(lee, GUILD)  # the server they came from last
    asked, actions = await debrief(core, lee)
    notes = ready(actions)
    assert notes.answers is not None and notes.answers.channel == "card" and notes.answers.tone == "warm"
    assert "channel" not in asked and "tone" in asked


async def test_an_admin_can_hand_the_choice_back_to_members(core: Core) -> None:
    await admin(core, "tone formal")
    await admin(core, "tone default")
    asked, _ = await debrief(core, Address("slack", TEAM, "D0JO", "U0JO"))
    assert "tone" in asked


async def test_the_form_starts_with_the_default_and_a_form_debrief_keeps_the_communitys_timing(
    core: Core, clock: FakeClock
) -> None:
    await admin(core, "tone formal")
    await admin(core, "nudge 1 day")
    jo = Address("slack", TEAM, "D0JO", "U0JO")
    spec = await core.desk.form(jo)
    tone = spec.field("tone")
    assert tone is not None and tone.value.casefold() == "formal"
    values = (
        ("candidate", "jo park"), ("company", "acme robotics"), ("role", "data engineer"),
        ("interview_at", "today 10am"), (PEOPLE, "priya natarajan"), (PER_PERSON_PREFIX + "discussed", "streaming"),
        ("format", "video"), ("went", "well"), ("strengths", "five years of kafka"), ("tone", tone.value),
    )  # fmt: skip
    form = FormSubmitted(jo, f"f{next(_ids)}", values, "done", timezone="America/New_York")
    assert last_ask(await core.service.handle(form, RecordingSender())).field == "confirm"  # type: ignore[union-attr]
    notes = ready(await say(core, jo, "yes"))
    assert notes.answers is not None and notes.answers.tone == "formal"
    assert notes.drafts.send_by == datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # Tuesday 10:00 New York
    assert "tone" not in await profile(core, jo)
