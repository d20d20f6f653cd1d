"""Confusable words in context, each pair in both directions: the wrong word is flagged with the right one, and
correct uses of both words (including the tricky ones) raise nothing."""

from __future__ import annotations

import pytest

from bot.compose.checks import NoteFacts, proofread
from bot.compose.confusables import find_all

WRONG = [
    # their / there / they're
    ("so we talked alot about how there team moved to streaming", "there", "their"),
    ("i loved hearing about there own roadmap", "there", "their"),
    ("they're team is growing fast", "they're", "their"),
    ("their is a lot of overlap with my work", "their", "there"),
    ("it sounds like their hiring more engineers next year", "their", "they're"),
    ("their not afraid of hard problems", "their", "they're"),
    # "there" starting a noun phrase, read by word class: a noun, or a modifier and a noun
    ("so basically we talked alot about how there idempotency keys work", "there", "their"),
    ("we talked about there new office", "there", "their"),
    ("there hiring process and how it has changed", "there", "their"),
    ("there ML platform and how they validate models", "there", "their"),
    ("how they playtest there levels with kids", "there", "their"),
    ("how rate changes affect there loan book", "there", "their"),
    ("there on-call rotation", "there", "their"),
    ("they're team is growing fast", "they're", "their"),
    ("they're editorial calendar and how they pick authors", "they're", "their"),
    ("she taught math their for 10 years", "their", "there"),
    ("she asked if I was open to working their full-time", "their", "there"),
    ("I'd love to work their.", "their", "there"),
    ("we talked thru there incident process", "there", "their"),
    ("we went over there roadmap for next year", "there", "their"),
    ("I liked that there team is small", "there", "their"),
    ("I loved there team", "there", "their"),
    ("they said there hiring for 2 more roles", "there", "they're"),
    ("there going to decide next week", "there", "they're"),
    # your / you're
    ("your welcome to reach out any time", "your", "you're"),
    ("I think your right.", "your", "you're"),
    ("your going to love the demo", "your", "you're"),
    ("thank you for you're time today", "you're", "your"),
    ("your so kind to offer", "your", "you're"),
    ("she liked you're portfolio", "you're", "your"),
    ("ur team seems great", "ur", "your"),
    ("ur welcome to call my references", "ur", "you're"),
    # its / it's
    ("its a great team", "its", "it's"),
    ("its been a while since I enjoyed an interview this much", "its", "it's"),
    ("its great to hear the team is growing", "its", "it's"),
    ("the platform has it's own scheduler", "it's", "its"),
    ("she's opening a second clinic, its in the suburbs", "its", "it's"),
    ("the robotics club, its amazing", "its", "it's"),
    ("how its changed since the series B", "its", "it's"),
    ("running a line of 6 cooks, its what i love", "its", "it's"),
    ("there are lab meetings and their held on fridays", "their", "they're"),
    # then / than
    ("the batch jobs took longer then expected", "then", "than"),
    ("the new stack is better then the old one", "then", "than"),
    ("other then the commute it sounds ideal", "then", "than"),
    ("we looked at the dashboards and than we talked about on-call", "than", "then"),
    ("The call ran long. Than we toured the office.", "Than", "Then"),
    ("level design that is more fun then it is hard", "then", "than"),
    ("I make algebra feel less scary then it is", "then", "than"),
    ("it was more relaxed then i expected", "then", "than"),
    ("she was nicer then i thought she would be", "then", "than"),
    # affect / effect
    ("how the migration will effect the team", "effect", "affect"),
    ("it had a big affect on my thinking", "affect", "effect"),
    ("the new policy takes affect in january", "affect", "effect"),
    ("the affects of the reorg", "affects", "effects"),
    # lose / loose
    ("we don't want to loose customers during the rollout", "loose", "lose"),
    ("a launch where you loose sleep", "loose", "lose"),
    ("they loose a lot of customers in q1", "loose", "lose"),
    ("he looses focus when the pager goes off", "looses", "loses"),
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
    # existential and locative "there", whatever follows
    "I worked there for 5 years",
    "is there anything else I should prep",
    "I've been there twice",
    "she was there too",
    "the team over there",
    "he works there full-time",
    "there's a lot of overlap",
    "there being two teams made it easier",
    "she has been there since 2009",
    "he was there last month for commissioning",
    "we got there early",
    "I loved it there, great team",
    "she lived there years ago",
    "is there feedback I could act on?",
    "will there be a second round",
    "there seems to be a lot of overlap",
    "there needs to be an owner",
    "there remains one open question",
    "hi there",
    "we met there again in May",
    "and there the similarity ends",
    "I was there looking for my badge",
    "we walked through there",
    "we went over there together",
    "she sat over there people-watching",
    "the desks over there have standing mats",
    # a place, then the verb of the sentence
    "the people there work hard",
    "everyone there uses kafka",
    "the engineers there use kafka",
    "the functions defined there show up in the listing",
    "from there links it to the original",
    "in its compiled and in its escaped form",
    "updating their shared cached archive",
    "she showed me there",
    "a note wrapped at their\nteam's name, or at its amazing\nnew office",
    # "they're" before a noun that is said of them, and "their" where it belongs
    "they're engineers at heart",
    "they're team players",
    "they're family",
    "they're open source",
    "they're new grads",
    "their for-profit arm",
    "theirs.",
    # "ur", "its", "your": left alone when unsure
    "ur amazing",
    "you're welcome to call",
    "you're family now",
    "you're correct",
    "you're hired",
    "its changed priorities",
    "their used cars",
    "its run by volunteers",
    "its own.",
    "its in-house tooling",
    "your very own team",
    "your so-called legacy stack",
    # "then" after "more" or "less" that is no comparison
    "we did more testing then shipped",
    "more time, then a break",
    "we met later then walked to the lab",
    "more tested then shipped",
    "the manager then asked about my gap year",
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
    [slip] = find_all(text)
    assert (slip.wrong, slip.right) == (wrong, right)
    assert wrong in slip.context


@pytest.mark.parametrize("text", RIGHT)
def test_correct_uses_raise_no_alarm(text: str) -> None:
    assert find_all(text) == []


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
