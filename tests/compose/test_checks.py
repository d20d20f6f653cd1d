"""Each proofreading check: it speaks up on the problem and stays quiet on good text."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.compose.checks import NoteFacts, proofread
from tests.compose.helpers import NOW, PRIYA, TOM, codes, drafts

GOOD = """Dear Priya,

Thank you for meeting with me today about the Senior Data Engineer role at Acme Robotics. I especially enjoyed \
our conversation about moving the nightly batch pipeline to streaming.

Our conversation made me even more interested in the role and in what Acme Robotics is building. I believe five \
years running Kafka in production would let me be useful from my first week.

Please let me know if any other questions come up. I look forward to hearing from you about next steps.

Best wishes,
Sam Rivera"""
SUBJECT = "Thank you — Senior Data Engineer interview"
FACTS = NoteFacts(
    channel="email",
    recipient="Priya Natarajan",
    address="Priya",
    proper_nouns=("Sam Rivera", "Acme Robotics", "Senior Data Engineer", "Priya Natarajan", "Engineering Manager"),
    user_texts=("moving the nightly batch pipeline to streaming", "five years running Kafka in production"),
    about_reader=("moving the nightly batch pipeline to streaming",),
)


def found(body: str = GOOD, subject: str | None = SUBJECT, facts: NoteFacts = FACTS) -> dict[str, str]:
    return {check.code: check.level for check in proofread(subject, body, facts)}


def with_user_text(old: str, new: str) -> tuple[str, NoteFacts]:
    """The good note with one of the user's answers replaced, as the composer would have written it."""
    texts = tuple(new if text == old else text for text in FACTS.user_texts)
    about = tuple(new if text == old else text for text in FACTS.about_reader)
    facts = NoteFacts(FACTS.channel, FACTS.recipient, FACTS.address, FACTS.proper_nouns, texts, about)
    return GOOD.replace(old, new), facts


def test_the_good_note_raises_nothing() -> None:
    assert found() == {}


# placeholder ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "leftover",
    [
        "{{ name }}",
        "{% if x %}",
        "{# note #}",
        "[Name]",
        "[Company]",
        "<your name>",
        "TODO",
        "TBD",
        "{company}",
        "${role}",
    ],
)
def test_placeholder_flags_leftover_template_text(leftover: str) -> None:
    assert found(GOOD.replace("Dear Priya,", f"Dear Priya, {leftover}")) == {"placeholder": "error"}


def test_placeholder_looks_at_the_subject_too() -> None:
    assert found(subject="Thank you, [Interviewer]")["placeholder"] == "error"


@pytest.mark.parametrize(
    "text", ["a to-do list", "the tbd column", "an array [1, 2]", "{ and } apart", "Dear Priya: 50%"]
)
def test_placeholder_ignores_ordinary_text(text: str) -> None:
    assert "placeholder" not in found(GOOD.replace("today", text))


# name-missing ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("greeting", ["Dear Pria,", "Dear priya,", "Dear Ms. Natarajn,", "Hello,"])
def test_name_missing_flags_a_changed_or_missing_name(greeting: str) -> None:
    assert found(GOOD.replace("Dear Priya,", greeting)).get("name-missing") == "error"


def test_name_missing_accepts_the_full_name() -> None:
    assert "name-missing" not in found(GOOD.replace("Dear Priya,", "Dear Priya Natarajan,"))


# generic-address --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "greeting", ["To whom it may concern,", "Dear Hiring Manager,", "Hi all,", "Dear Sir or Madam,"]
)
def test_generic_address_flags_a_greeting_to_nobody_in_particular(greeting: str) -> None:
    result = found(GOOD.replace("Dear Priya,", greeting + " Priya"))
    assert result.get("generic-address") == "warning"
    assert "stock-phrase" not in result  # reported once, under the clearer code


def test_generic_address_flags_a_recipient_who_is_a_role() -> None:
    facts = NoteFacts("email", "Hiring Team", "Hiring Team", ())
    assert found(GOOD.replace("Dear Priya,", "Dear Hiring Team,"), facts=facts)["generic-address"] == "warning"


def test_generic_address_accepts_a_person() -> None:
    assert "generic-address" not in found(GOOD.replace("Dear Priya,", "Hello Priya,"))


# doubled-word ----------------------------------------------------------------------------------------------


def test_doubled_word_flags_a_repeated_word() -> None:
    body, facts = with_user_text("moving the nightly", "moving the the nightly")
    assert found(body, facts=facts) == {"doubled-word": "warning"}
    assert found(GOOD.replace("Thank you", "Thank Thank you"))["doubled-word"] == "warning"


def test_doubled_word_allows_correct_repeats_and_names() -> None:
    assert found(GOOD.replace("I believe", "I believe that that")) == {}
    facts = NoteFacts("email", "Priya Natarajan", "Priya", ("Duran Duran", "Sam Rivera"))
    assert "doubled-word" not in found(GOOD.replace("Acme Robotics", "Duran Duran"), facts=facts)


# spelling --------------------------------------------------------------------------------------------------


def test_spelling_flags_a_slip_in_the_users_words_with_a_suggestion() -> None:
    body, facts = with_user_text("moving the nightly batch pipeline to streaming", "moving the nightly batch pipline")
    result = proofread(SUBJECT, body, facts)
    assert [c.code for c in result] == ["spelling"]
    assert "pipline (→ pipeline)" in result[0].message


def test_spelling_ignores_names_terms_addresses_and_british_spelling() -> None:
    text = "Kafka, PostgreSQL and GraphQL at colour-coded organisation of devops work, see www.example.com or a@b.io"
    body, facts = with_user_text("five years running Kafka in production", text)
    assert found(body, facts=facts) == {}


def test_spelling_never_checks_the_templates_own_words() -> None:
    assert "spelling" not in found(GOOD.replace("especially enjoyed", "especialy enjoyed"))


def test_spelling_leaves_the_users_proper_nouns_alone_even_in_lower_case() -> None:
    facts = NoteFacts(
        "email", "Priya Natarajan", "Priya", ("Sam Rivera", "natarajan labs"), ("working with natarajan",)
    )
    assert "spelling" not in found(GOOD.replace("today", "today working with natarajan"), facts=facts)


# informal --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["gonna be great", "super excited", "thx", "great!!", "what?!", "so happy 😀", "fun :)"]
)
def test_informal_flags_slang_emoji_and_shouting(text: str) -> None:
    body, facts = with_user_text("five years running Kafka in production", text)
    assert found(body, facts=facts).get("informal") == "warning"


def test_informal_ignores_a_company_name_with_punctuation() -> None:
    facts = NoteFacts("email", "Priya Natarajan", "Priya", ("Yahoo!!", "Sam Rivera"))
    assert "informal" not in found(GOOD.replace("Acme Robotics", "Yahoo!!"), facts=facts)


def test_informal_ignores_single_exclamation_and_ordinary_words() -> None:
    text = "first week! I enjoyed the superb coolness of super-resolution and the cool storage tier."
    assert "informal" not in found(GOOD.replace("first week.", text))


# stock-phrase ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase", ["Just checking in.", "I wanted to touch base.", "I am a team player.", "Circling back"]
)
def test_stock_phrase_flags_empty_phrases(phrase: str) -> None:
    assert found(GOOD.replace("Best wishes,", f"{phrase}\n\nBest wishes,")) == {"stock-phrase": "warning"}


def test_stock_phrase_ignores_the_same_words_apart() -> None:
    assert found(GOOD.replace("today", "today, just after checking in at reception,")) == {}


# length ----------------------------------------------------------------------------------------------------


def test_length_warns_when_a_note_runs_long() -> None:
    body, facts = with_user_text("five years running Kafka in production", "years of work " * 60)
    check = next(c for c in proofread(SUBJECT, body, facts) if c.code == "length")
    assert check.level == "warning" and "80–200" in check.message


def test_length_notes_a_curt_note_as_a_tip() -> None:
    check = proofread(None, "Dear Priya,\n\nThanks.\n\nSam Rivera", FACTS)
    assert [(c.code, c.level) for c in check] == [("length", "info")]


@pytest.mark.parametrize(
    ("channel", "words", "expected"),
    # a LinkedIn note is measured in characters instead (`linkedin-limit`, tests/compose/test_edited.py)
    [
        ("linkedin", 101, None),
        ("linkedin", 10, "info"),
        ("card", 81, "warning"),
        ("card", 80, None),
        ("card", 24, "info"),
    ],
)
def test_length_bounds_follow_the_channel(channel: str, words: int, expected: str | None) -> None:
    facts = NoteFacts(channel, "Priya Natarajan", "Priya", ())  # type: ignore[arg-type]
    body = "Dear Priya, " + "word " * (words - 2)
    assert found(body, None, facts).get("length") == expected


# third-person ----------------------------------------------------------------------------------------------


def test_third_person_points_out_writing_about_the_reader() -> None:
    body, facts = with_user_text(
        "moving the nightly batch pipeline to streaming", "how she moved her team to streaming"
    )
    result = proofread(SUBJECT, body, facts)
    assert [(c.code, c.level) for c in result] == [("third-person", "info")]
    assert "“she”, “her”" in result[0].message


def test_third_person_ignores_the_users_other_answers() -> None:
    body, facts = with_user_text("five years running Kafka in production", "what he taught me as my mentor")
    assert "third-person" not in found(body, facts=facts)


# composer-level checks ---------------------------------------------------------------------------------------


def test_no_specific_detail_when_nothing_was_said_about_the_person() -> None:
    document = drafts(interviewers=[{"name": "Priya Natarajan"}, TOM])
    assert "no-specific-detail" in codes(document, 0)
    assert "no-specific-detail" not in codes(document, 1)
    assert "Priya Natarajan" in document.drafts[0].checks[0].message


def test_timing_speaks_up_after_24_hours_only() -> None:
    assert "timing" not in codes(drafts(now=NOW + timedelta(hours=20)))
    late = drafts(now=NOW + timedelta(days=3))
    check = next(c for c in late.drafts[0].checks if c.code == "timing")
    assert check.level == "warning" and "3 days ago" in check.message and "today" in check.message
    assert "timing" not in codes(drafts(now=NOW + timedelta(days=3), interview_at=None))


def test_similar_to_other_draft_when_a_panel_cannot_be_told_apart() -> None:
    same = {"discussed": "the roadmap"}
    people = [{"name": f"Person {n}", **same} for n in "ABCDEFGHIJKLMNO"]
    # Formal LinkedIn notes have the fewest phrasings to turn through (concise ones now stay just apart).
    document = drafts(interviewers=people, tone="formal", channel="linkedin", share=None)
    flagged = [d for d in document.drafts if any(c.code == "similar-to-other-draft" for c in d.checks)]
    assert flagged, "fifteen near-identical answers must produce at least one similarity warning"
    assert all(c.level == "warning" for d in flagged for c in d.checks if c.code == "similar-to-other-draft")


def test_no_similarity_warning_for_a_panel_with_distinct_details() -> None:
    document = drafts(interviewers=[PRIYA, TOM, {"name": "Ana García", "detail": "the warehouse robots"}])
    assert all("similar-to-other-draft" not in codes(document, i) for i in range(3))


def test_names_are_masked_as_whole_words_only() -> None:
    facts = NoteFacts("email", "Su Park", "Su", ("Ty Burrell", "Ty"), ("super excited",))
    body = GOOD.replace("Dear Priya,", "Dear Su,").replace("today", "today with Ty; I'm super excited")
    assert found(body, facts=facts) == {"informal": "warning"}  # "Ty" is a name, "super" is still slang
