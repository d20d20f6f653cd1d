"""Slips members type, carried into the note (bot/compose/slips.py): a clear one is written corrected and
named in an info check; correct text, names and workplace words are left exactly as typed; an uncertain
slip keeps its warning; and a note the member edited is only warned about, never changed."""

from __future__ import annotations

from typing import Any

import pytest

from bot.answers import parse_answers
from bot.compose import slips
from bot.compose.edited import check_edited
from bot.compose.grammar import expand_contractions
from bot.compose.tidy import surface, tidy
from bot.drafts import Draft
from tests.compose.helpers import PRIYA, document, drafts


def _note(**person: Any) -> Draft:
    """The one note to Priya, with her answers replaced."""
    return drafts(interviewers=[{**PRIYA, **person}]).drafts[0]


def _checks(draft: Draft, code: str) -> list[str]:
    return [check.message for check in draft.checks if check.code == code]


def test_a_confused_possessive_is_written_right_and_named_in_an_info_check() -> None:
    draft = _note(discussed="so basically we talked alot about how there idempotency keys work")
    assert "their idempotency keys" in draft.body and "there idempotency" not in draft.body
    [message] = _checks(draft, "slip-corrected")
    assert "what you discussed with Priya Natarajan" in message
    assert "“there idempotency keys”" in message and "“their idempotency keys”" in message
    assert [c.level for c in draft.checks if c.code == "slip-corrected"] == ["info"]
    assert not _checks(draft, "confusable")  # the finished note holds no slip to complain about


def test_a_noun_phrase_after_the_slip_is_read_as_a_topic_not_as_there_is() -> None:
    body = _note(discussed="there hiring process and how it has changed since the series B").body
    assert "that there hiring" not in body and "hiring process" in body


def test_well_known_misspellings_and_shorthand_are_written_right() -> None:
    doc = drafts(strengths="i have definately built payment systems that recieve millions of webhooks a day",
                 add="pls let me know if u need references")  # fmt: skip
    draft = doc.drafts[0]
    assert "definitely" in draft.body and "receive" in draft.body and "please let me know" in draft.body
    assert not _checks(draft, "spelling") and not _checks(draft, "informal")
    found = " ".join(_checks(draft, "slip-corrected"))
    assert "your strengths" in found and "“recieve”" in found and "“receive”" in found
    assert "the point you wanted to add" in found and "“pls”" in found


@pytest.mark.parametrize(
    "typed",
    [
        "the team I worked there with for 5 years",
        "whether there is anything else I should prep",
        "how long she has been there",
        "the office over there by the river",
        "her team's on-call rotation redesign",
        "how they're hiring more engineers next year",
        "their hiring process",
        "the Wich Group merger",  # a name: capitalised, never corrected
        "idempotency keys, dbt models and the webhook retries",  # workplace words
    ],
)
def test_correct_answers_go_into_the_note_as_typed_with_no_check(typed: str) -> None:
    assert slips.changes(surface(typed)) == () and tidy(typed) == surface(typed)
    draft = _note(detail=typed)
    assert not _checks(draft, "slip-corrected") and not _checks(draft, "confusable")


def test_an_uncertain_slip_is_left_as_typed_and_keeps_its_warning() -> None:
    draft = drafts(add="i could start in 2 weeks, prob sooner").drafts[0]
    assert "prob sooner" in draft.body
    assert "prob" in " ".join(_checks(draft, "spelling"))
    assert not _checks(draft, "slip-corrected")


def test_no_check_names_a_correction_the_note_does_not_show() -> None:
    """An answer left out of the note, or re-addressed to the reader ("their" → "your"), shows no slip."""
    draft = drafts(channel="linkedin", add="i recieved the firm's pro bono award last year").drafts[0]
    assert "received" not in draft.body and not _checks(draft, "slip-corrected")
    draft = _note(discussed="we talked alot about there roadmap")
    assert "your roadmap" in draft.body and not _checks(draft, "slip-corrected")


def test_an_edited_note_is_only_warned_about() -> None:
    answers = parse_answers(document())
    note = (
        "Dear Priya,\n\nThank you for telling me how there idempotency keys work. I definately recieve a lot "
        "from our talk.\n\nBest wishes,\nSam Rivera"
    )
    found = {check.code: check for check in check_edited(answers, 0, note)}
    assert found["confusable"].level == "warning" and "there idempotency keys (→ their)" in found["confusable"].message
    assert found["spelling"].level == "warning" and "recieve (→ receive)" in found["spelling"].message
    assert "slip-corrected" not in found


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("how there idempotency keys work", "how their idempotency keys work"),
        ("she taught math their for 10 years", "she taught math there for 10 years"),
        ("the robotics club, its amazing", "the robotics club, it's amazing"),
        ("how the new regs will effect there clients", "how the new regs will affect their clients"),
        ("teh regulatory side", "the regulatory side"),
        ("thx for the convo tho", "thanks for the conversation though"),
    ],
)
def test_each_kind_of_slip_is_corrected_and_listed(typed: str, written: str) -> None:
    assert slips.correct(typed) == written
    assert slips.changes(typed) and all(c.typed != c.written for c in slips.changes(typed))


def test_capitalised_words_and_unknown_shorthand_stay() -> None:
    for typed in ("Teh and Wich are names", "prob sooner", "ur amazing", "ur amazing people"):
        assert slips.correct(typed) == typed


def test_a_long_known_slip_opening_an_answer_is_corrected_though_capitalised() -> None:
    assert slips.correct("Definately sql. Becuase of the reorg") == "Definitely sql. Because of the reorg"
    assert slips.correct("Teh Group and Wich Labs") == "Teh Group and Wich Labs"  # short: maybe a name


def test_an_answers_capitalised_first_word_is_spell_checked_like_a_sentences() -> None:
    draft = _note(discussed="Pipline rewrite and kafka")
    assert "Pipline" in draft.body
    assert "Pipline (→ Pipeline)" in " ".join(_checks(draft, "spelling"))
    assert not _checks(_note(discussed="Marisol showed me the roadmap"), "spelling")  # a name: no correction


def test_a_corrected_filler_opening_an_answer_goes_like_any_filler() -> None:
    assert tidy("Definately revit and hand sketching") == "Revit and hand sketching"


def test_nothing_inside_a_web_or_email_address_is_corrected() -> None:
    typed = "pls see https://github.com/teh/wich-repo or sam.dev/pls, or mail teh@wich.io"
    assert slips.correct(typed) == "please see https://github.com/teh/wich-repo or sam.dev/pls, or mail teh@wich.io"


def test_its_been_becomes_it_has_been_not_it_is_been() -> None:
    assert expand_contractions("it's been a wild year") == "it has been a wild year"
    assert expand_contractions("there's got to be a way") == "there has got to be a way"
    assert expand_contractions("it's a wild year") == "it is a wild year"
    assert "it is been" not in _note(detail="he said its been a wild year lol").body
