"""Words a careful person writes with capitals or an apostrophe, typed in lower case in a hurry: the role,
degrees and credentials, languages, universities named for a place, short months, place codes and ranks.
Each rule has a case it puts right and a case of correct (or ambiguous) text it must leave alone."""

from __future__ import annotations

import pytest

from bot.compose import compose
from bot.compose.fields import address_name, proper_role
from bot.compose.tidy import tidy
from tests.compose.helpers import NEW_YORK, NOW, answers


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("ux researcher ii", "UX Researcher II"),
        ("sr. data analyst", "Sr. Data Analyst"),
        ("sr data analyst", "Sr. Data Analyst"),
        ("rn - icu", "RN - ICU"),
        ("vp of sales", "VP of Sales"),
        ("3rd grade teacher", "3rd Grade Teacher"),
        ("head of it", "Head of IT"),
        ("full-stack engineer", "Full-Stack Engineer"),
        ("salesforce admin", "Salesforce Admin"),
        ("ios developer", "iOS Developer"),
        ("ux/ui designer", "UX/UI Designer"),
        ("k-12 esl teacher", "K-12 ESL Teacher"),
        ("or nurse", "OR Nurse"),
        ("cook or server", "Cook or Server"),
        ("a&e nurse", "A&E Nurse"),
        ("co-op student", "Co-op Student"),
        ("pre-sales engineer", "Pre-sales Engineer"),
        ("nurse practitioner (np), pa-c", "Nurse Practitioner (NP), PA-C"),
        ("grade 3 teacher", "Grade 3 Teacher"),
        ("data analyst (contract, 6 mo)", "Data Analyst (Contract, 6 mo)"),
    ],
)
def test_a_role_typed_in_lower_case_is_written_as_a_title(typed: str, written: str) -> None:
    assert proper_role(typed) == written


@pytest.mark.parametrize(
    "typed",
    [
        "Data Analyst",
        "barista at Blue Bottle",
        "iOS engineer",
        "monday.com admin",
        "SRE",
        "UX researcher",
        "idk",
        "tbd?",
    ],
)
def test_a_role_typed_with_any_capital_stays_as_typed(typed: str) -> None:
    assert proper_role(typed) == typed


def test_the_note_and_subject_write_the_role_as_a_title_and_say_so() -> None:
    draft = compose(answers(role="the ux researcher ii position"), tz=NEW_YORK, now=NOW).drafts[0]
    assert "ux researcher" not in f"{draft.subject} {draft.body}"
    assert "UX Researcher II" in draft.subject
    assert "UX Researcher II" in draft.body
    check = next(c for c in draft.checks if c.code == "role-capitalised")
    assert "“ux researcher ii”" in check.message
    assert "“UX Researcher II”" in check.message


def test_a_role_typed_with_capitals_raises_no_check() -> None:
    draft = compose(answers(role="Senior Data Engineer"), tz=NEW_YORK, now=NOW).drafts[0]
    assert not [c for c in draft.checks if c.code == "role-capitalised"]


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("phd in hci", "PhD in HCI"),
        ("an mba and a cpa", "an MBA and a CPA"),
        ("msc in economics, bsc in maths", "MSc in economics, BSc in maths"),
        ("5 yrs as an rn in the icu", "5 years as an RN in the ICU"),
        ("got my rn license last year", "got my RN license last year"),
        ("we had 20 rns on the unit", "we had 20 RNs on the unit"),
        ("a masters in education", "a master's in education"),
        ("my bachelors degree in nursing", "my bachelor's degree in nursing"),
        ("comptia and a tesol cert", "CompTIA and a TESOL cert"),
        ("comptia a+ certified", "CompTIA A+ certified"),
    ],
)
def test_degrees_and_credentials_are_written_as_they_are_spelled(typed: str, written: str) -> None:
    assert tidy(typed) == written


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("I'm swamped rn", "I'm swamped right now"),
        ("I am an RN", "I am an RN"),
        ("masters of their craft", "masters of their craft"),
        ("she ms-teams me", "she ms-teams me"),
        ("the Masters golf", "the Masters golf"),
        ("talked with meng about pricing", "talked with meng about pricing"),
    ],
)
def test_words_that_only_look_like_degrees_stay(typed: str, written: str) -> None:
    assert tidy(typed) == written


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("bilingual (spanish/english)", "bilingual (Spanish/English)"),
        ("fluent in tagalog and some korean", "fluent in Tagalog and some Korean"),
        ("worked for a nigerian bank", "worked for a Nigerian bank"),
        ("we served latino and south asian families", "we served Latino and South Asian families"),
        ("2 yrs at kpmg, now in the nhs", "2 years at KPMG, now in the NHS"),
        ("spanish-speaking patients", "Spanish-speaking patients"),
        ("nigerian-british and sf-based", "Nigerian-British and SF-based"),
    ],
)
def test_languages_are_written_with_capitals(typed: str, written: str) -> None:
    assert tidy(typed) == written


@pytest.mark.parametrize(
    "typed",
    ["we talked about polish on the final build", "a turkey sandwich", "fine china", "an in-person follow-up"],
)
def test_languages_and_places_that_are_common_words_stay(typed: str) -> None:
    assert tidy(typed) == typed


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("she studied at the university of ghana", "she studied at the University of Ghana"),
        ("a nurse at the university of michigan hospital", "a nurse at the University of Michigan hospital"),
        ("he went to ohio state university", "he went to Ohio State University"),
        ("an mba from state university of new york", "an MBA from State University of New York"),
    ],
)
def test_universities_named_for_a_place_are_names(typed: str, written: str) -> None:
    assert tidy(typed) == written


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("an mba from nyu, then mit", "an MBA from NYU, then MIT"),
        ("worked at mcgill university", "worked at McGill University"),
        ("a u of t grad", "a U of T grad"),
    ],
)
def test_universities_known_by_one_name_or_letters(typed: str, written: str) -> None:
    assert tidy(typed) == written


@pytest.mark.parametrize(
    ("typed", "written"), [("a toronto university", "a Toronto university"), ("did u see it", "did you see it")]
)
def test_a_place_before_university_and_a_lone_u_are_not_names(typed: str, written: str) -> None:
    assert tidy(typed) == written


@pytest.mark.parametrize(
    "typed",
    ["a university of 20k students", "the university of my dreams", "we state university policy in the handbook"],
)
def test_a_university_that_is_not_a_name_stays(typed: str) -> None:
    assert tidy(typed) == typed


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("can start early jan", "can start early January"),
        ("they decide by mid-feb", "they decide by mid-February"),
        ("by sept hopefully", "by September hopefully"),
        ("hr will call by oct 15", "HR will call by October 15"),
        ("the 3rd of nov", "the 3rd of November"),
        ("until end of dec", "until end of December"),
        ("final round next tues", "final round next Tuesday"),
        ("they said by fri or weds", "they said by Friday or Wednesday"),
        ("back after christmas, or over thanksgiving", "back after Christmas, or over Thanksgiving"),
    ],
)
def test_short_months_next_to_a_word_of_time_are_written_out(typed: str, written: str) -> None:
    assert tidy(typed) == written


@pytest.mark.parametrize(
    "typed",
    [
        "a call from jan about it",
        "jan said the team is growing",
        "I worked in jan's team",
        "they may call",
        "mon or sun works",
        "the easter egg in the app",
    ],
)
def test_short_months_that_may_be_a_name_or_a_verb_stay(typed: str) -> None:
    assert tidy(typed) == typed


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("weekends and/or evenings", "weekends and/or evenings"),
        ("and/or the deck", "the deck"),
        ("and/or", ""),
        ("moving to bc in the spring", "moving to BC in the spring"),
        ("relocating from la", "relocating from LA"),
        ("clients in the us and the uk", "clients in the US and the UK"),
    ],
)
def test_and_or_and_place_codes(typed: str, written: str) -> None:
    assert tidy(typed) == written


@pytest.mark.parametrize(
    ("typed", "written"),
    [("bc I like the team", "because I like the team"), ("send it to us", "send it to us"), ("la la", "la")],
)
def test_place_codes_elsewhere_are_not_places(typed: str, written: str) -> None:
    assert tidy(typed) == written


@pytest.mark.parametrize(
    ("name", "warm", "formal"),
    [
        ("Captain Ana Ruiz", "Ana", "Captain Ruiz"),
        ("Sgt. Mike Brown", "Mike", "Sgt. Brown"),
        ("Lt Dan Taylor", "Dan", "Lt Taylor"),
        ("Det. Ana Ruiz", "Ana", "Det. Ruiz"),
    ],
)
def test_ranks_in_the_name_field_greet_by_rank_or_first_name(name: str, warm: str, formal: str) -> None:
    assert address_name(name, "warm") == warm
    assert address_name(name, "formal") == formal


@pytest.mark.parametrize("name", ["Gen Z", "Col Mustard", "Major"])
def test_names_that_only_start_like_a_rank_stay_whole(name: str) -> None:
    assert address_name(name, "formal") == name


def test_workplace_words_are_not_spelling_slips() -> None:
    draft = compose(
        answers(add="I was longlisted for a retail award and we both love a cortado"), tz=NEW_YORK, now=NOW
    ).drafts[0]
    assert not [c for c in draft.checks if "spelling" in c.message.lower()]
