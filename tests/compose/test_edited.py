"""Checks on a note the member edited by hand (`bot/compose/edited.py`): each speaks up on the problem and stays
quiet on the good note, the way members edit (lowercase, fillers, copy-paste from another note)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.answers import parse_answers
from bot.compose.edited import check_edited, company_core, split_subject
from tests.compose.helpers import PRIYA, TOM, document

GOOD = """Subject: Thank you, Senior Data Engineer interview

Dear Priya,

Thank you for meeting with me today about the Senior Data Engineer role at Acme Robotics. I especially enjoyed \
our conversation about moving the nightly batch pipeline to streaming, and hearing how your team redesigned \
its on-call rotation.

Our conversation made me even more interested in the role and in what Acme Robotics is building. I believe five \
years running Kafka in production would let me be useful from my first week, and I would be glad to share the \
talk I mentioned: https://example.com/streaming-talk

Please let me know if any other questions come up. I look forward to hearing from you about next steps.

Best wishes,
Sam Rivera"""


def codes(text: str = GOOD, *, to: int = 0, others: tuple[str, ...] = (), **overrides: Any) -> dict[str, str]:
    answers = parse_answers(document(**{"interviewers": [PRIYA, TOM], **overrides}))
    return {c.code: c.level for c in check_edited(answers, to, text, other_companies=others)}


def messages(text: str, **overrides: Any) -> dict[str, str]:
    answers = parse_answers(document(interviewers=[PRIYA, TOM], **overrides))
    return {c.code: c.message for c in check_edited(answers, 0, text)}


def test_the_good_edited_note_raises_nothing() -> None:
    assert codes() == {}


def test_the_subject_line_is_read_as_the_subject() -> None:
    note = split_subject("subject:  Thanks!\r\n\r\nDear Priya,\nhello")
    assert note.subject == "Thanks!" and note.body == "Dear Priya,\nhello"
    assert split_subject("Dear Priya,\nhello").subject is None


# spelling of the whole note ---------------------------------------------------------------------------------


def test_spelling_covers_the_whole_note_not_only_the_answers() -> None:
    found = messages(GOOD.replace("especially enjoyed", "especialy enjoyed"))
    assert "especialy (→ especially)" in found["spelling"]


def test_spelling_leaves_names_company_and_terms_alone() -> None:
    text = GOOD.replace("streaming,", "streaming with kafka, dbt and webhooks,")
    assert "spelling" not in codes(text, company="Acme Robotix GmbH")


# the interviewer's name as a whole word ------------------------------------------------------------------------


@pytest.mark.parametrize("greeting", ["Dear Pryia,", "Hi priya,", "Dear Priyanka,", "Dear Ms. Natarajans,"])
def test_a_changed_name_is_an_error_naming_what_was_written(greeting: str) -> None:
    found = messages(GOOD.replace("Dear Priya,", greeting))
    assert greeting.split(" ", 1)[1].rstrip(",") in found["name-missing"]


def test_mrs_parks_is_not_park() -> None:
    person = {"name": "Park", "discussed": "moving the nightly batch pipeline to streaming"}
    text = GOOD.replace("Dear Priya,", "Dear Mrs. Parks,")
    answers = parse_answers(document(interviewers=[person]))
    [check] = [c for c in check_edited(answers, 0, text) if c.code == "name-missing"]
    assert check.level == "error" and "“Mrs. Parks”" in check.message
    assert "name-missing" not in {c.code for c in check_edited(answers, 0, GOOD.replace("Priya,", "Mrs. Park,"))}


@pytest.mark.parametrize("greeting", ["Dear Priya Natarajan,", "Dear Ms. Natarajan,", "Hi Priya —"])
def test_any_right_form_of_the_name_is_fine(greeting: str) -> None:
    assert "name-missing" not in codes(GOOD.replace("Dear Priya,", greeting))


def test_a_lowercase_name_in_the_answers_is_written_capitalised() -> None:
    people = [{**PRIYA, "name": "priya natarajan"}]
    assert "name-missing" not in codes(GOOD, interviewers=people)


def test_the_second_interviewer_is_checked_against_their_own_name() -> None:
    assert "name-missing" in codes(GOOD, to=1)
    assert "name-missing" not in codes(GOOD.replace("Dear Priya,", "Dear Tom,"), to=1)


# company present, and no other company ------------------------------------------------------------------------


def test_a_note_without_the_company_is_pointed_out() -> None:
    assert codes(GOOD.replace("Acme Robotics", "your company"))["company-missing"] == "warning"


@pytest.mark.parametrize("company", ["Acme Robotics, Inc.", "Acme Robotics GmbH", "ACME Robotics LLC"])
def test_the_company_counts_without_its_legal_suffix(company: str) -> None:
    assert "company-missing" not in codes(company=company)


def test_company_core_keeps_ampersands() -> None:
    assert company_core("Johnson & Lee Partners, Inc.") == "Johnson & Lee Partners"
    assert company_core("Inc.") == "Inc"


def test_another_debriefs_company_is_an_error() -> None:
    text = GOOD.replace("what Acme Robotics is building", "what Globex Corp is building")
    assert codes(text, others=("Globex Corp",))["other-company"] == "error"
    assert "other-company" not in codes(GOOD, others=("Globex Corp", "Acme Robotics"))


def test_a_stranger_in_the_companys_place_is_a_warning() -> None:
    text = GOOD.replace("role at Acme Robotics", "role at Initech")
    assert codes(text)["other-company"] == "warning"


def test_a_past_employer_from_the_answers_is_no_alarm() -> None:
    text = GOOD.replace("Please let me know", "Joining Stripe taught me a lot. Please let me know")
    assert "other-company" not in codes(text, add="at Stripe I cut cloud spend 30%")
    assert "other-company" not in codes(GOOD.replace("role at", "role with"))
    own_past = "At my last job at Globex I led the data team at Initech. Please let me know"
    assert "other-company" not in codes(GOOD.replace("Please let me know", own_past))


# placeholders, generic address, stock phrases, informal words, promised link, channel length -------------------


@pytest.mark.parametrize("leftover", ["[Name]", "{company}", "XXX", "<insert>", "<insert company>", "(insert link)"])
def test_placeholders_are_errors(leftover: str) -> None:
    assert codes(GOOD.replace("my first week", f"my first week at {leftover}"))["placeholder"] == "error"


@pytest.mark.parametrize("greeting", ["Dear Sir or Madam,", "To whom it may concern,", "Dear Hiring Team,"])
def test_a_generic_address_is_pointed_out(greeting: str) -> None:
    assert codes(GOOD.replace("Dear Priya,", greeting))["generic-address"] == "warning"


def test_stock_phrases_and_informal_words() -> None:
    text = GOOD.replace("Please let me know", "Just checking in, I'm gonna say it was awesome lol. Let me know")
    found = codes(text)
    assert found["stock-phrase"] == "warning" and found["informal"] == "warning"


@pytest.mark.parametrize("promise", ["As promised, here is my portfolio site.", "Here's the link to my talk."])
def test_a_promised_link_needs_a_link(promise: str) -> None:
    text = GOOD.replace(": https://example.com/streaming-talk", ". " + promise)
    assert codes(text)["link-missing"] == "warning"
    assert "link-missing" not in codes(text + " https://sam.example.com")
    assert "link-missing" not in codes(GOOD.replace(": https://example.com/streaming-talk", "."))


def test_a_linkedin_note_over_300_characters() -> None:
    short = "Hi Priya, thank you for the chat about streaming at Acme Robotics today. I'd love to stay in touch. Sam"
    assert "linkedin-limit" not in codes(short, channel="linkedin")
    assert codes(short + " Also" + " more detail" * 20, channel="linkedin")["linkedin-limit"] == "warning"


def test_an_email_outside_80_to_200_words() -> None:
    assert codes("Dear Priya,\n\nThanks for today at Acme Robotics.\n\nSam Rivera")["length"] == "info"
    long = GOOD.replace(
        "Please let me know", "I also enjoyed the lab tour and the robots. " * 20 + "Please let me know"
    )
    assert codes(long)["length"] == "warning"


def test_confusables_are_checked_in_an_edited_note() -> None:
    assert codes(GOOD.replace("how your team", "how there team"))["confusable"] == "warning"


def test_a_slip_at_the_start_of_a_sentence_is_caught_in_an_edited_note() -> None:
    found = messages(GOOD.replace("Thank you for meeting", "Thnak you for meeting"))
    assert "Thnak (→ Thank)" in found["spelling"]
