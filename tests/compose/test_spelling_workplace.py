"""Spelling that knows the workplace: each fixed false alarm has a positive and a negative test (the term passes,
a real slip next to it is still caught), and a correction is offered only when it is very probably right."""

from __future__ import annotations

import pytest

from bot.compose.checks import NoteFacts, doubled_words, proofread
from bot.compose.spelling import capitalised_slips, misspelled, suggestion

TERMS = [
    "sharding", "onboarding", "offsite", "rollout", "devrel", "fintech", "idempotency", "webhook", "dbt", "kafka",
    "redis", "kubernetes", "p99", "sre", "okr", "okrs", "webhooks", "rollouts", "backfills", "roastery",
    "shards", "sharded", "failover", "monorepo", "observability", "runbooks", "standups", "postmortems",
]  # fmt: skip


@pytest.mark.parametrize("term", TERMS)
def test_workplace_terms_are_not_slips_but_a_slip_beside_them_is(term: str) -> None:
    assert misspelled([f"we spent an hour on {term} and the pipline"]) == ["pipline"]


def test_the_issues_ramble_raises_only_its_real_slips() -> None:
    typed = (
        "so we talked alot about how there idempotency keys work with the webhook retries, the dbt models on "
        "kafka and redis, sharding on kubernetes, the offsite and the devrel rollout at the fintech, also her "
        "roastery lol, 5 yrs of onboarding sre folks with okrs and p99 targets"
    )
    assert misspelled([typed]) == ["alot", "yrs"]


@pytest.mark.parametrize("word", ["yrs", "lol", "dbt", "roastery", "mgmt", "smth"])
def test_no_probably_wrong_suggestion(word: str) -> None:
    assert suggestion(word) is None


@pytest.mark.parametrize(
    ("slip", "fix"),
    [("recieve", "receive"), ("pipline", "pipeline"), ("alot", "a lot"), ("definately", "definitely"),
     ("intrested", "interested"), ("managment", "management"), ("enviroment", "environment")],
)  # fmt: skip
def test_confident_suggestions_are_still_offered(slip: str, fix: str) -> None:
    assert suggestion(slip) == fix


def test_an_ambiguous_slip_is_flagged_without_a_guess() -> None:
    assert misspelled(["the proces and the bable"]) == ["proces", "bable"]  # "process" or "prices"? no guess
    assert suggestion("proces") is None and suggestion("bable") is None
    assert suggestion("wierd") == "weird"
    assert suggestion("recieves") == "receives"
    assert misspelled(["a qzxwvvy"]) == ["qzxwvvy"] and suggestion("qzxwvvy") is None


def test_informal_words_are_left_to_the_informal_check() -> None:
    facts = NoteFacts("email", "Priya Natarajan", "Priya", user_texts=("her dog lol",), whole_note=False)
    found = {c.code: c.message for c in proofread(None, "Dear Priya,\n\nI enjoyed meeting her dog lol.", facts)}
    assert "spelling" not in found and "“lol”" in found["informal"]
    assert "lot" not in found["informal"]


def test_no_doubled_word_alarm_across_a_hyphen() -> None:
    assert doubled_words("your insight on on-call") == []
    assert doubled_words("well-known known issues") == []
    assert doubled_words("your insight on on the rotation") == ["on on"]
    assert doubled_words("the the team") == ["the the"]


def test_the_note_check_shows_a_suggestion_only_when_confident() -> None:
    facts = NoteFacts("email", "Priya Natarajan", "Priya", user_texts=("5 yrs of the pipline",))
    [check] = [
        c for c in proofread(None, "Dear Priya,\n\nI bring 5 yrs of the pipline.", facts) if c.code == "spelling"
    ]
    assert "“yrs”" in check.message and "pipline (→ pipeline)" in check.message
    assert "yes" not in check.message


def test_a_slip_opening_a_sentence_is_caught_when_its_correction_is_certain() -> None:
    text = "Thnak you for today. Maria mentioned Kafka and Snowflake.\nSincerly,\nSam"
    assert capitalised_slips(text) == [("Thnak", "Thank"), ("Sincerly", "Sincerely")]


def test_a_name_or_product_opening_a_sentence_is_left_alone() -> None:
    text = "Maria mentioned the roadmap. Kafka came up. Snowflake too. Thanks again.\nBest,\nSam"
    assert capitalised_slips(text) == []
    assert capitalised_slips("Priya was kind.", ignore={"priya"}) == []


def test_a_regular_form_needs_the_right_stem() -> None:
    assert misspelled(["sincerly yours"]) == ["sincerly"]  # not "sincere" + "ly"
    assert misspelled(["webhooks, sharded tables and managed rollouts"]) == []
