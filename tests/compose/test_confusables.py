"""Confusable words in context, each pair in both directions: the wrong word is flagged with the right one, and
correct uses of both words (including the tricky ones) raise nothing."""

from __future__ import annotations

import pytest

from bot.compose.checks import NoteFacts, proofread
from bot.compose.confusables import find

WRONG = [
    # their / there / they're
    ("so we talked alot about how there team moved to streaming", "there", "their"),
    ("i loved hearing about there own roadmap", "there", "their"),
    ("they're team is growing fast", "they're", "their"),
    ("their is a lot of overlap with my work", "their", "there"),
    ("it sounds like their hiring more engineers next year", "their", "they're"),
    ("their not afraid of hard problems", "their", "they're"),
    # your / you're
    ("your welcome to reach out any time", "your", "you're"),
    ("I think your right.", "your", "you're"),
    ("your going to love the demo", "your", "you're"),
    ("thank you for you're time today", "you're", "your"),
    # its / it's
    ("its a great team", "its", "it's"),
    ("its been a while since I enjoyed an interview this much", "its", "it's"),
    ("its great to hear the team is growing", "its", "it's"),
    ("the platform has it's own scheduler", "it's", "its"),
    # then / than
    ("the batch jobs took longer then expected", "then", "than"),
    ("the new stack is better then the old one", "then", "than"),
    ("other then the commute it sounds ideal", "then", "than"),
    ("we looked at the dashboards and than we talked about on-call", "than", "then"),
    ("The call ran long. Than we toured the office.", "Than", "Then"),
    # affect / effect
    ("how the migration will effect the team", "effect", "affect"),
    ("it had a big affect on my thinking", "affect", "effect"),
    ("the new policy takes affect in january", "affect", "effect"),
    ("the affects of the reorg", "affects", "effects"),
    # lose / loose
    ("we don't want to loose customers during the rollout", "loose", "lose"),
    ("easy to loose track of time", "loose", "lose"),
    ("the services are too lose in places", "lose", "loose"),
    ("tying up lose ends before the launch", "lose", "loose"),
    ("lose coupling between the teams", "lose", "loose"),
]

RIGHT = [
    # their / there / they're: each word where it belongs
    "their team moved to streaming last year",
    "their hiring process was thoughtful",  # a gerund as a noun: correct
    "there are three teams and there is one on-call rotation",
    "I met them there.",
    "is there feedback I could act on?",  # a question about there + noun
    "they're hiring more engineers",
    "their very own scheduler",
    # your / you're
    "your team's approach to testing",
    "your right to ask about the process",
    "you're right about the trade-off",
    "you're welcome to share it",
    # its / it's
    "its own roadmap",
    "its great culture came up again and again",
    "it's a great team",
    "it's been a pleasure",
    # then / than
    "rather than rewriting everything",
    "more than five years",
    "we talked and then toured the office",
    "back then the stack was different",
    # affect / effect
    "how the migration will affect the team",
    "the effect of the reorg",
    "an effect on hiring",
    "hoping to effect change in the onboarding process",
    "it affects our roadmap",
    # lose / loose
    "we might lose connection on the train",
    "not to lose momentum",
    "a loose fit for the platform team",
    "a lose-lose trade-off",
    "loose coupling between the teams",
]


@pytest.mark.parametrize(("text", "wrong", "right"), WRONG)
def test_a_confused_word_is_flagged_with_the_one_that_fits(text: str, wrong: str, right: str) -> None:
    [slip] = find(text)
    assert (slip.wrong, slip.right) == (wrong, right)
    assert wrong in slip.context


@pytest.mark.parametrize("text", RIGHT)
def test_correct_uses_raise_no_alarm(text: str) -> None:
    assert find(text) == []


def test_every_pair_is_covered_in_both_directions() -> None:
    pairs = {frozenset((w.lower(), r.lower())) for _, w, r in WRONG}
    for one, other in (("their", "there"), ("their", "they're"), ("your", "you're"), ("its", "it's")):
        assert frozenset((one, other)) in pairs
    for one, other in (("then", "than"), ("affect", "effect"), ("lose", "loose")):
        directions = {(w.lower().rstrip("s"), r.lower().rstrip("s")) for _, w, r in WRONG}
        assert (one, other) in directions and (other, one) in directions


def test_the_note_check_names_each_slip_once_and_masks_names() -> None:
    facts = NoteFacts("email", "Priya Natarajan", "Priya", proper_nouns=("Then Corp",))
    body = "Dear Priya,\n\nI loved hearing how there team moved, and how there team tests. Then Corp is lucky."
    [check] = [c for c in proofread(None, body, facts) if c.code == "confusable"]
    assert check.level == "warning"
    assert check.message.count("there team (→ their)") == 2  # two places, each named
    assert "Then Corp" not in check.message
