"""Broken sentences left in notes by answers read the wrong way: a clause with a noun for its subject put after
"about", a strength with its reason forced into a topic slot, a verb of the news taken for a lead-in, an amount
typed after its noun, and pronouns that mean the reader once the words go to them. Each rule has a case it
fixes and a case it must leave alone."""

from __future__ import annotations

import pytest

from bot.compose import grammar, phrases, shapes
from bot.compose.leadins import strip_lead_in
from bot.drafts import Draft
from tests.compose.helpers import PRIYA, codes, drafts
from tests.compose.join_validator import problems


def _body(**overrides: object) -> str:
    return drafts(**overrides).drafts[0].body


# 1. A noun and its finite verb make a clause, never a topic; bad news is never welcomed.


@pytest.mark.parametrize(
    "typed",
    [
        "the tasting went great",
        "the phones never stop ringing",
        "her team ships every friday",
        "their team broke the record",
    ],
)
def test_a_noun_with_its_verb_is_read_as_a_clause(typed: str) -> None:
    assert shapes.read("detail", typed).form == "clause"


@pytest.mark.parametrize("typed", ["the tasting menu", "their onboarding program", "the always on culture"])
def test_a_noun_phrase_stays_a_topic(typed: str) -> None:
    assert shapes.read("detail", typed).form == "topic"


def test_finite_clause_sees_a_gerund_noun_after_its_article() -> None:
    assert grammar.finite_clause(["the", "tasting", "went", "badly"])
    assert not grammar.finite_clause(["the", "tasting", "menu"])


@pytest.mark.parametrize(
    "typed",
    [
        "the tasting went badly",
        "the demo crashed halfway",
        "the wifi kept dropping",
        "the venue fell through",
        "the coffee machine broke",
    ],
)
@pytest.mark.parametrize("field", ["discussed", "detail"])
def test_something_that_went_wrong_is_left_out_with_a_check(typed: str, field: str) -> None:
    person = {"name": "Lena Park", "discussed": "pastry costs", "detail": "her new bakery", field: typed}
    found = drafts(interviewers=[person])
    body = found.drafts[0].body
    assert typed.split()[1] not in body and "answer-left-out" in codes(found)
    assert problems(found.drafts[0]) == []


@pytest.mark.parametrize(
    "typed", ["handling failed payments", "recovering crashed servers", "failed deliveries and returns"]
)
def test_a_word_of_failure_that_describes_a_noun_is_no_mishap(typed: str) -> None:
    assert shapes.read("discussed", typed).reason != "mishap"


def test_a_mishap_takes_what_follows_it_along() -> None:
    assert shapes.read("detail", "the demo crashed but she was super kind about it").reason == "mishap"


def test_pricing_changed_is_still_a_clause() -> None:
    assert shapes.read("discussed", "pricing changed a lot").form == "clause"


def test_good_news_of_the_same_shape_is_kept() -> None:
    body = _body(interviewers=[{**PRIYA, "detail": "the tasting went really well"}])
    assert "the tasting went really well" in body


# 2. A strength with its reason.


def test_a_strength_with_its_reason_keeps_the_strength_and_says_so() -> None:
    found = drafts(strengths="dispatch for a 40 truck fleet, because I know the routes")
    body = found.drafts[0].body
    assert "dispatch for a 40 truck fleet" in body and "because" not in body
    assert "answer-shortened" in codes(found)


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("reliable so i never miss shifts", "I am reliable, so I never miss shifts"),
        ("strong communicator because i was a teacher", "I am a strong communicator because I was a teacher"),
    ],
)
def test_a_description_with_its_reason_becomes_one_clause(typed: str, written: str) -> None:
    assert shapes.read("strengths", typed).text == written


def test_the_members_own_clause_keeps_its_reason() -> None:
    reading = shapes.read("strengths", "I'm calm with angry customers because I worked a call centre for 2 years")
    assert reading.form == "clause" and "because I worked a call centre" in reading.text


def test_since_before_a_year_is_no_reason() -> None:
    assert shapes.read("strengths", "python since 2019").text == "Python since 2019"


def test_an_amount_before_so_i_still_says_what_it_is_of() -> None:
    reading = shapes.read("strengths", "i have 5 yrs icu so i can handle the pace")
    assert reading.text == "I have 5 years of ICU experience so I can handle the pace"


# 3. A verb in the present with its object is the news, not a lead-in.


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("they cover 14 states, mostly refrigerated loads", "they cover 14 states"),
        ("they take 2 interns every summer", "they take 2 interns"),
        ("they walk new hires through the product", "they walk new hires"),
    ],
)
def test_a_present_verb_with_its_object_is_no_lead_in(typed: str, kept: str) -> None:
    assert strip_lead_in(typed) == typed
    assert shapes.read("detail", typed).text.startswith(kept)


@pytest.mark.parametrize(
    ("typed", "topic"),
    [
        ("they covered the benefits package", "the benefits package"),
        ("they walk you through the pos", "the pos"),
        ("we talk about pricing a lot", "pricing a lot"),
        ("Maria explained the roadmap", "the roadmap"),
    ],
)
def test_talk_verbs_that_are_lead_ins_still_go(typed: str, topic: str) -> None:
    assert strip_lead_in(typed) == topic


# 4. Amounts typed after their noun, and "-ing" words that name a kind of thing.


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("cashier 3 years", "3 years as a cashier"),
        ("line cook 3 years", "3 years as a line cook"),
        ("teller 2 years at a credit union", "2 years as a teller at a credit union"),
        ("retail 2 years", "2 years of retail experience"),
    ],
)
def test_an_amount_after_its_noun_comes_first(typed: str, written: str) -> None:
    assert phrases.amount(typed) == written


@pytest.mark.parametrize("typed", ["3 years at a vet", "5 years teaching kids", "2 years' experience", "the team"])
def test_amounts_already_written_well_stay(typed: str) -> None:
    assert phrases.amount(typed) == typed


def test_an_amount_after_its_noun_among_other_parts() -> None:
    reading = shapes.read("strengths", "line cook 3 yrs, fast on the grill")
    assert reading.text == "I have 3 years as a line cook, and I am fast on the grill"


def test_an_amount_with_a_noun_made_of_ing_among_other_parts_is_checked() -> None:
    reading = shapes.read("strengths", "3 yrs cleaning company, reliable")
    assert reading.shortened and reading.reason == "as-typed"


def test_an_amount_with_a_noun_made_of_ing_stays_as_typed_with_a_check() -> None:
    found = drafts(strengths="10 yrs nursing home")
    assert "10 years nursing home" in found.drafts[0].body
    assert any("as you typed it" in check.message for check in found.drafts[0].checks)
    assert not phrases.amount_unsure("5 years teaching kids") and not phrases.amount_unsure("4 years tutoring")


# 5. Pronouns that mean the reader.


def test_a_promise_naming_the_reader_by_pronoun_is_re_addressed() -> None:
    person = {"name": "Ana Silva", "discussed": "latte art", "detail": "she recommended a podcast"}
    body = _body(interviewers=[person], share="the podcast ep she recommended")
    assert "the podcast ep you recommended" in body


def test_a_pronoun_is_left_as_typed_when_it_may_mean_someone_else() -> None:
    panel = [{"name": "Ana Silva", "detail": "she recommended a podcast"}, {"name": "Tom Li", "discussed": "roasting"}]
    assert "she recommended" in _body(interviewers=panel, share="the podcast ep she recommended")
    alone = {"name": "Ana Silva", "discussed": "latte art", "detail": "the team grew"}
    assert "she recommended" in _body(interviewers=[alone], share="the podcast ep she recommended")


@pytest.mark.parametrize(
    "typed", ["I want them to know I'm serious about this", "I'd like them to know that I'm serious about this"]
)
def test_wanting_them_to_know_goes_and_the_point_stays(typed: str) -> None:
    body = _body(add=typed)
    assert "I'm serious about this" in body and "them to know" not in body


def test_a_point_about_wanting_stays() -> None:
    assert "I want to learn Rust" in _body(add="I want to learn Rust")


# The join validator sees each of these broken joins (so the corpus run guards them) and passes the clean ones.


def _validated(sentence: str) -> list[str]:
    body = f"Dear Priya,\n\n{sentence}\n\nBest,\nSam"
    return problems(Draft(to={"name": "Priya"}, channel="email", subject=None, body=body, words=len(body.split())))


@pytest.mark.parametrize(
    ("broken", "clean"),
    [
        ("My background, especially dispatch for a fleet, because I know the routes, fits closely.",
         "My background, especially dispatch for a 40-truck fleet, fits closely."),
        ("It was good to hear that the demo crashed.", "It was good to hear how you recovered when the demo crashed."),
        ("I believe cashier 3 years would help.", "I believe 3 years as a cashier would help."),
        ("I especially appreciated hearing about the tasting went badly.",
         "I especially appreciated hearing about the tasting menu."),
    ],
)  # fmt: skip
def test_the_validator_sees_these_broken_joins(broken: str, clean: str) -> None:
    assert _validated(broken) and not _validated(clean)
