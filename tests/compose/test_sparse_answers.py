"""The sparsest valid answers (names only, one- and two-letter words) still make notes of a usual length.

Every occasion × tone × channel × went is composed for one or two interviewers; each draft must fall within
LENGTH_BOUNDS and carry no `length` check. The phrasing depends on a hash of the candidate and company, so a
few of them are tried; the worst case over the whole sentence bank is checked separately, so a new short
phrasing cannot slip through on a hash that happens to avoid it.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from bot.answers import CHANNELS, OCCASIONS, TONES, Channel, parse_answers
from bot.compose import compose
from bot.compose.bank import NOTES_DIR, load_bank
from bot.compose.checks import LENGTH_BOUNDS
from bot.compose.fit import CONCISE_EMAIL_FLOOR
from tests.compose.helpers import NEW_YORK, NOW

EVERYTHING = list(itertools.product(OCCASIONS, TONES, CHANNELS, ("well", "mixed", "rough")))
#: (candidate, company): each pair seeds a different choice of phrasings.
PEOPLE = [
    ("Aa", "Aa"),
    ("A", "B"),
    ("Al", "Bo"),
    ("Jo", "Ed"),
    ("Ty", "Ng"),
    ("Li", "Xu"),
    ("Mo", "Oz"),
    ("Q", "Yu"),
    ("Aa", "Ch"),
    ("Ab", "Cg"),
]
PANELS = [[{"name": "Aa"}], [{"name": "Aa"}, {"name": "Aa Aa"}], [{"name": "Al Bo"}, {"name": "K"}]]
#: The slot a layout says only when the note would otherwise be too short (see bot/compose/render.py).
ROUND_OUT = "round_out"
#: The shortest an email can come out in theory (every slot at its shortest phrasing, one-letter answers).
WORST_EMAIL = 64


def _floor(channel: str, tone: str) -> tuple[int, set[str]]:
    """The least length, and the checks a note at it may carry: a concise email from names only may stay
    under 80 words (three `round_out` sentences at most) and then carries the length tip."""
    if channel == "email" and tone == "concise":
        return CONCISE_EMAIL_FLOOR, {"length"}
    return LENGTH_BOUNDS[channel][0], set()  # type: ignore[index]


def _sparse(occasion: str, tone: str, channel: str, went: str, *, role: bool, **fields: Any) -> dict[str, Any]:
    data = {"occasion": occasion, "tone": tone, "channel": channel, "went": went, **fields}
    return data | ({"role": "Qa"} if role else {})


@pytest.mark.parametrize(("occasion", "tone", "channel", "went"), EVERYTHING)
def test_names_only_and_tiny_words_still_make_a_note_of_usual_length(
    occasion: str, tone: str, channel: Channel, went: str
) -> None:
    short = []
    for (candidate, company), people, role in itertools.product(PEOPLE, PANELS, (True, False)):
        if occasion == "interview" and not role:
            continue  # an interview requires its role
        data = _sparse(occasion, tone, channel, went, role=role, candidate=candidate, company=company)
        document = compose(parse_answers({**data, "interviewers": people}), tz=NEW_YORK, now=NOW)
        high = LENGTH_BOUNDS[channel][1]
        low, allowed = _floor(channel, tone)
        for draft in document.drafts:
            if not low <= draft.words <= high or {c.code for c in draft.checks} - allowed >= {"length"}:
                short.append((candidate, company, draft.to.name, draft.words, draft.body))
    assert short == []


#: One tiny word about the person. A specific answer can pick a shorter sentence than none at all ("I appreciated
#: hearing about ai."), and "on" or "of" meets phrasings that end in the same word ("our conversation on").
SPECIFICS = [{"discussed": word} for word in ("ux", "on", "of")] + [{"detail": word} for word in ("ai", "on", "of")]


@pytest.mark.parametrize(("occasion", "tone"), list(itertools.product(OCCASIONS, TONES)))
def test_one_tiny_word_about_the_person_still_makes_a_clean_note_of_usual_length(occasion: str, tone: str) -> None:
    found = []
    for channel, went, specific, (candidate, company) in itertools.product(
        CHANNELS, ("well", "rough"), SPECIFICS, PEOPLE
    ):
        people = [{"name": "Aa", **specific}, {"name": "Bo Al", **specific}]
        data = _sparse(
            occasion, tone, channel, went, role=occasion == "interview", candidate=candidate, company=company
        )
        high = LENGTH_BOUNDS[channel][1]
        low, allowed = _floor(channel, tone)
        for draft in compose(parse_answers({**data, "interviewers": people}), tz=NEW_YORK, now=NOW).drafts:
            codes = {check.code for check in draft.checks} & {"length", "doubled-word"} - allowed
            if codes or not low <= draft.words <= high:
                found.append((channel, went, specific, candidate, company, sorted(codes), draft.words, draft.body))
    assert found == []


def _layout_slots(channel: str) -> list[str]:
    text = (NOTES_DIR / f"{channel}.j2").read_text(encoding="utf-8")
    calls = re.findall(r"say\(([^)]*)\)", text)
    return list(dict.fromkeys(slot for call in calls for slot in re.findall(r'"(\w+)"', call)))


@pytest.mark.parametrize(("occasion", "tone", "channel"), list(itertools.product(OCCASIONS, TONES, CHANNELS)))
def test_the_shortest_possible_note_is_brought_up_to_length(occasion: str, tone: str, channel: Channel) -> None:
    """Whatever the hash picks: the shortest phrasing of every slot, from one-word answers, plus the shortest
    `round_out` when that is still below the channel's length, reaches the channel's lower bound."""
    bank = load_bank()
    low, _ = LENGTH_BOUNDS[channel]
    base = {"name": "A", "address": "A", "candidate": "A", "company": "A", "meeting": "call", "when": ""}
    tiers = ((), ("discussed",), ("detail",), ("discussed", "detail"))
    slots = _layout_slots(channel)
    for rough, role, tier in itertools.product((False, True), (False, True), tiers):
        if occasion == "interview" and not role:
            continue  # an interview requires its role
        variables = base | ({"role": "A"} if role else {}) | dict.fromkeys(tier, "A")

        def shortest(slot: str, rough: bool = rough, variables: dict[str, str] = variables) -> int:
            options = bank.options(occasion=occasion, slot=slot, tone=tone, rough=rough)
            usable = [p for p in options if p.needs <= variables.keys()]
            if not usable:
                return 0
            top = max(p.score for p in usable)  # only the most personal phrasings are ever chosen
            return min(len(p.render(variables).split()) for p in usable if p.score == top)

        words = 1 + sum(shortest(slot) for slot in slots if slot != ROUND_OUT)  # 1: the candidate's name
        if words < low:
            assert ROUND_OUT in slots, (rough, role, tier, words)
            # Up to three different `round_out` sentences are added (bot/compose/render.py). With one-letter
            # answers and the shortest phrasing of every slot at once, a concise email can stay a little
            # under the 80-word target; it never falls below WORST_EMAIL (real sparse answers reach 80, above).
            options = bank.options(occasion=occasion, slot=ROUND_OUT, tone=tone, rough=rough)
            added = sum(sorted(len(p.render(variables).split()) for p in options)[:3])
            floor = min(WORST_EMAIL, low)
            assert words + added >= floor, (rough, role, tier, words)
