"""Names, titles and proper nouns as members type them, and symbols pasted from notes (issue 12,
corpus/answers_i.yaml): each rule with what it must change and what it must leave alone."""

from __future__ import annotations

import pytest

from bot.compose.fields import address_name
from bot.compose.name_field import read_name_field
from bot.compose.names import brands_written, proper_name
from bot.compose.tidy import tidy
from tests.compose.helpers import codes, drafts

# The name field --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "name", "title"),
    [
        ("Sarah (HR)", "Sarah", "HR"),
        ("mike from engineering", "mike", "engineering"),
        ("John Smith - VP Eng", "John Smith", "VP Eng"),
        ("Raj, the CTO", "Raj", "CTO"),
        ("Dana Lee | Eng Manager", "Dana Lee", "Eng Manager"),
        ("Emily Chen, Senior Manager", "Emily Chen", "Senior Manager"),
        ("Big Al (the owner)", "Big Al", "owner"),
        ("Mrs. Alvarez (principal)", "Mrs. Alvarez", "principal"),
        ("Kim Lee, VP of Sales", "Kim Lee", "VP of Sales"),
        ("Recruiter: Jess", "Jess", "Recruiter"),
        ("hiring manager - Tom", "Tom", "hiring manager"),
        ("Mrs. Smith (5th grade teacher)", "Mrs. Smith", "5th grade teacher"),
        ("Deputy Director Harold Finch", "Deputy Director Harold Finch", "Deputy Director"),
    ],
)
def test_a_role_typed_with_the_name_is_taken_as_the_title(typed: str, name: str, title: str) -> None:
    assert (read_name_field(typed).name, read_name_field(typed).title) == (name, title)


@pytest.mark.parametrize(
    "typed",
    [
        "Ana García-López",
        "Juan de la Cruz",
        "Robert (Bob) Smith",
        "Peter Eng",
        "Hunter Price",
        "Lisa Wong, PhD",
        "Omar Haddad Jr.",
        "Mr and Mrs Smith",
        "Dr Patel",
        "Ashley C.",
        "J. Robert Oppenheimer",
        "Chef Marco",
        "Mary-Kate O'Brien",
        "An Nguyen",
        "Tanaka-san",
        "김지은",
    ],
)
def test_a_name_with_nothing_else_in_it_stays_as_typed(typed: str) -> None:
    assert read_name_field(typed) == read_name_field(typed).__class__(typed)


@pytest.mark.parametrize(
    ("typed", "greeted"),
    [
        ("the hiring manager (didn't catch her name)", "Hiring Manager"),
        ("Someone from HR", "Hiring Team"),
        ("recruiter", "Recruiter"),
        ("idk", "Hiring Team"),
        ("idk her name, the branch manager", "Hiring Team"),
        ("An Nguyen's sous chef?", "Hiring Team"),
        ("the CTO", "Hiring Team"),
    ],
)
def test_a_role_without_a_name_is_addressed_as_the_role_or_the_team(typed: str, greeted: str) -> None:
    field = read_name_field(typed)
    assert (field.no_name, field.name) == (True, greeted)


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("priya 🙂", "Priya"),
        ("sarah?", "Sarah"),
        ("Smith, John", "John Smith"),
        ("Nguyen, An", "An Nguyen"),
        ("TANYA O'BRIEN (recruiter)", "Tanya O'Brien"),
        ("Priya (she/her)", "Priya"),
        ("mr and mrs smith", "Mr. and Mrs. Smith"),
        ("Jen @ orbital", "Jen"),
        ("Marco (not sure of spelling)", "Marco"),
    ],
)
def test_the_name_is_written_without_what_came_with_it(typed: str, written: str) -> None:
    assert proper_name(typed) == written


def test_a_doubted_name_is_written_and_flagged() -> None:
    assert read_name_field("sarah?").unsure and read_name_field("Marco (not sure of spelling)").unsure
    assert not read_name_field("Sarah").unsure


# Greetings ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "warm", "formal"),
    [
        ("Deputy Director Harold Finch", "Harold", "Deputy Director Finch"),
        ("Director Finch", "Director Finch", "Director Finch"),
        ("Lisa Wong, PhD", "Lisa", "Dr. Wong"),
        ("Lisa Wong PhD", "Lisa", "Dr. Wong"),
        ("Jane Doe, CPA", "Jane", "Jane Doe"),
        ("Dr. Ingrid Larsen, MD", "Dr. Larsen", "Dr. Larsen"),
        ("Dr. Omar Haddad Jr.", "Dr. Haddad", "Dr. Haddad"),
        ("Omar Haddad Jr.", "Omar", "Omar Haddad Jr."),
        ("Mr and Mrs Smith", "Mr and Mrs Smith", "Mr and Mrs Smith"),
        ("Sam & Alex", "Sam & Alex", "Sam & Alex"),
        ("J. Robert Oppenheimer", "Robert", "J. Robert Oppenheimer"),
        ("Hiring Manager", "Hiring Manager", "Hiring Manager"),
    ],
)
def test_titles_and_letters_after_a_name_are_greeted_as_a_careful_person_would(
    name: str, warm: str, formal: str
) -> None:
    assert (address_name(name, "warm"), address_name(name, "formal")) == (warm, formal)


@pytest.mark.parametrize(
    ("name", "warm", "formal"),
    [
        ("Jack Ma", "Jack", "Jack Ma"),
        ("Sarah Chen", "Sarah", "Sarah Chen"),
        ("J. R. R. Tolkien", "J. R. R. Tolkien", "J. R. R. Tolkien"),
        ("Dr Patel", "Dr Patel", "Dr Patel"),
        ("Dr. Ana García", "Dr. García", "Dr. García"),
        ("Kim", "Kim", "Kim"),
    ],
)
def test_plain_names_are_greeted_as_before(name: str, warm: str, formal: str) -> None:
    assert (address_name(name, "warm"), address_name(name, "formal")) == (warm, formal)


def test_a_title_in_the_name_field_makes_the_note_a_recruiters_note_and_is_reported() -> None:
    typed = {"name": "TANYA O'BRIEN (recruiter)", "discussed": "comp and timeline"}
    document = drafts(interviewers=[typed], tone="formal")
    draft = document.drafts[0]
    assert draft.body.startswith("Dear Tanya O'Brien,") and draft.to.name == "Tanya O'Brien"
    assert "name-tidied" in codes(document)
    assert "“recruiter” as their title" in next(c.message for c in draft.checks if c.code == "name-tidied")


def test_no_name_is_greeted_by_role_and_warned_about() -> None:
    document = drafts(interviewers=[{"name": "the hiring manager (didn't catch her name)", "discussed": "the roadmap"}])
    assert document.drafts[0].body.startswith("Dear Hiring Manager,")
    assert {"name-tidied", "generic-address"} <= set(codes(document))


def test_a_doubted_name_raises_a_warning() -> None:
    document = drafts(interviewers=[{"name": "sarah?", "discussed": "the roadmap"}])
    assert document.drafts[0].body.startswith("Dear Sarah,")
    assert any(c.code == "name-tidied" and c.level == "warning" for c in document.drafts[0].checks)


def test_a_name_typed_properly_raises_no_name_check() -> None:
    document = drafts(interviewers=[{"name": "Lisa Wong, PhD", "discussed": "the roadmap"}], tone="formal")
    assert document.drafts[0].body.startswith("Dear Dr. Wong,")
    assert not {"name-tidied", "name-capitalised"} & set(codes(document))


# Places and companies ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "tidied"),
    [
        ("the lab's fieldwork in belize", "the lab's fieldwork in Belize"),
        ("she used to work at nike", "she used to work at Nike"),
        ("she's from manitoba", "she's from Manitoba"),
        ("jobs in arizona & new mexico", "jobs in Arizona and New Mexico"),
        ("she grew up in dar es salaam", "she grew up in Dar es Salaam"),
        ("he was at buzzfeed", "he was at BuzzFeed"),
        ("ran the nyc marathon", "ran the NYC marathon"),
        ("bilingual english/spanish", "bilingual English/Spanish"),
    ],
)
def test_places_and_companies_typed_in_lower_case_get_their_capitals(typed: str, tidied: str) -> None:
    assert tidy(typed) == tidied


@pytest.mark.parametrize(
    "typed",
    [
        "a target for the quarter",
        "got some intel on the team",
        "we met at the subway station",
        "uber excited",
        "an apple a day",
        "the oxford comma",
        "see github.com/python/cpython",
        "portfolio: hana.example/python",
    ],
)
def test_common_words_and_addresses_keep_their_case(typed: str) -> None:
    assert tidy(typed) == typed


def test_a_company_typed_in_lower_case_is_reported_once() -> None:
    assert brands_written(["she used to work at nike", "nike again", "Nike"], "…at Nike…") == [("nike", "Nike")]
    assert brands_written(["she used to work at nike"], "a note without it") == []
    assert brands_written(["why ubisoft?"], "…why Ubisoft…", company="Ubisoft") == []  # see `respelled`
    document = drafts(interviewers=[{"name": "Priya Natarajan", "detail": "she used to work at deloitte"}])
    assert any("“deloitte”" in c.message for c in document.drafts[0].checks if c.code == "name-capitalised")


# Symbols -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "tidied"),
    [
        ("our move from batch -> streaming", "our move from batch to streaming"),
        ("CBT => DBT for teens", "CBT to DBT for teens"),
        ("after effects → blender", "after effects to blender"),
        ("batch ➡️ streaming", "batch to streaming"),
        ("-> then kafka", "then Kafka"),
        ("storyboards → review → build", "storyboards, then review, then build"),
        ("a->b, c->d", "a to b, c to d"),
        ("food cost ~28%", "food cost around 28%"),
        ("like ~20 people", "around 20 people"),
        ("roughly ~$5M", "roughly $5M"),
        ("drop-off @ 7am", "drop-off at 7am"),
        ("see you @ the offsite", "see you at the offsite"),
        ("i left bc the commute", "I left because the commute"),
    ],
)
def test_arrows_and_symbols_read_as_prose(typed: str, tidied: str) -> None:
    assert tidy(typed) == tidied


@pytest.mark.parametrize(
    "typed",
    [
        "R&D and AT&T",
        "CI/CD pipelines",
        "C++ and Go",
        "ML/AI",
        "him/her",
        "ping @sam on slack",
        "email a@b.com",
        "~/projects folder",
        "moving to BC next year",
    ],
)
def test_symbols_that_are_normal_writing_stay(typed: str) -> None:
    assert tidy(typed) == typed
