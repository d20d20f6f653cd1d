"""How answers are joined into sentences: strengths typed as a mix of skills and descriptions become one clause of
the member's own, an amount says what it is of, a detail's comma-joined second part is joined (or left out) as a
writer would, a condition's vague "it" names the role, and a strength is tied to the interviewer's topic only in
phrasings that read well with a clause. Each rule has a case it fixes and a case it leaves alone."""

from __future__ import annotations

import pytest

from bot.compose import joins, phrases, strength_parts
from bot.compose.shapes import read
from bot.drafts import Draft
from tests.compose.helpers import drafts
from tests.compose.join_validator import problems


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("calm under pressure, 6 yrs ICU", "I am calm under pressure, and I have 6 years of ICU experience"),
        ("python + sql, and im a fast learner", "I have experience with Python and SQL, and I'm a fast learner"),
        ("good with my hands, reliable, i show up on time",
         "I am good with my hands and reliable, and I show up on time"),
        ("forklift certified and 8 years", "I am forklift certified, and I have 8 years of experience"),
        ("typing 90 wpm, discreet, and 4 years at a family law firm",
         "I type 90 wpm, I am discreet, and I have 4 years at a family law firm"),
        ("3 years at an emergency vet, good with anxious animals and their owners",
         "I have 3 years at an emergency vet, and I am good with anxious animals and their owners"),
        ("i'm a huge reader, retail experience, good at recommending books",
         "I'm a huge reader, I have retail experience, and I am good at recommending books"),
        ("splunk, incident response, CompTIA Security+ certified",
         "I have experience with Splunk and incident response, and I am CompTIA Security+ certified"),
        ("patient with kids + 4 yrs tutoring", "I am patient with kids, and I have 4 years tutoring"),
        ("strong writer, good at research", "I am a strong writer and good at research"),
        ("fast learner", "I am a fast learner"),
        ("hard working and eager to learn", "I am hard working and eager to learn"),
        ("I have 6 yrs ICU and I'm calm under pressure",
         "I have 6 years of ICU experience and I'm calm under pressure"),
    ],
)  # fmt: skip
def test_strengths_typed_as_a_mix_become_one_clause_of_the_members_own(typed: str, written: str) -> None:
    reading = read("strengths", typed)
    assert (reading.form, reading.text) == ("clause", written), reading


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("python, sql, tableau", "Python, SQL and Tableau"),
        ("R, bayesian stats, 3 first author papers", "R, bayesian stats and 3 first author papers"),
        ("GIS, stakeholder engagement, 2 yrs in local govt", "GIS, stakeholder engagement and 2 years in local govt"),
        ("five years running Kafka in production", "five years running Kafka in production"),
    ],
)  # fmt: skip
def test_strengths_of_skills_and_amounts_alone_stay_a_topic(typed: str, written: str) -> None:
    reading = read("strengths", typed)
    assert (reading.form, reading.text) == ("topic", written), reading


def test_two_short_sentences_of_the_members_own_make_one_clause() -> None:
    reading = read("strengths", "I'm organized. I have 5 years in logistics.")
    assert (reading.text, reading.shortened) == ("I'm organized, and I have 5 years in logistics", False)
    other = read("strengths", "I'm a nurse. The ward was short staffed.")
    assert (other.text, other.shortened) == ("I'm a nurse", True)


def test_a_members_own_list_of_objects_is_not_split_into_clauses() -> None:
    assert read("strengths", "I know python, sql and tableau").text == "I know Python, SQL and Tableau"
    assert strength_parts.as_clauses("Tableau, SQL, and the team is small") is None


def test_a_second_clause_of_the_members_own_is_joined_and_a_promise_is_what_they_would_bring() -> None:
    assert read("strengths", "I know the I-95 corridor really well, plus I speak arabic").text == (
        "I know the I-95 corridor really well, and I speak Arabic"
    )
    assert read("strengths", "I am gonna bring alot of energy to the the team").text == (
        "I would bring a lot of energy to the team"
    )
    assert read("strengths", "I am going to school at night").text == "I am going to school at night"


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("6 years ICU", "6 years of ICU experience"),
        ("8 years", "8 years of experience"),
        ("10+ years", "10+ years of experience"),
        ("5 years experience in retail", "5 years of experience in retail"),
        ("2 years customer service at a bank", "2 years of customer service experience at a bank"),
        ("6 years ICU nursing", "6 years of ICU nursing"),
    ],
)
def test_an_amount_says_what_it_is_of(typed: str, written: str) -> None:
    assert phrases.amount(typed) == written


@pytest.mark.parametrize(
    "typed",
    ["5 years teaching", "3 years at an emergency vet", "10 years of experience", "2 years' experience",
     "7 years with toddlers", "5 years as a nurse", "3 first author papers"],
)  # fmt: skip
def test_an_amount_that_already_says_what_it_is_of_stays(typed: str) -> None:
    assert phrases.amount(typed) == typed


@pytest.mark.parametrize(
    ("typed", "written", "shortened"),
    [
        ("he started as an SDR, got promoted twice in 2 years",
         "you started as an SDR and got promoted twice in 2 years", False),
        ("he restores old mustangs, has 3 of them", "you restore old mustangs and have 3 of them", False),
        ("he ran the stats for the study, published it last year",
         "you ran the stats for the study and published it last year", False),
        ("she wrote the style guide herself, took 6 months", "you wrote the style guide yourself, which took 6 months",
         False),
        ("they're hiring 3 more analysts, the team doubled this year", "they're hiring 3 more analysts", True),
        ("he came from the army, very structured", "you came from the army", True),
    ],
)  # fmt: skip
def test_a_detail_with_a_second_part_after_a_comma_is_joined_as_a_writer_would(
    typed: str, written: str, shortened: bool
) -> None:
    reading = read("detail", typed)
    assert (reading.form, reading.text, reading.shortened) == ("clause", written, shortened), reading


@pytest.mark.parametrize(
    "typed",
    ["the firm is moving offices in March, to the docklands",
     "the clinic does a lot of exotics, mostly rabbits and birds",
     "they're moving to a new SIEM, rolling it out next quarter", "the team is 4 people, all remote",
     "the office has a dog, named Pixel"],
)  # fmt: skip
def test_a_second_part_that_reads_well_after_a_comma_is_kept(typed: str) -> None:
    assert joins.join_tail(typed).text == typed


@pytest.mark.parametrize(
    "typed", ["she was jetlagged, just got back from a conference", "he seemed tired, had back to back interviews"]
)
def test_a_detail_that_opens_with_an_impression_is_left_out(typed: str) -> None:
    reading = read("detail", typed)
    assert (reading.form, reading.reason) == ("none", "impression")


def test_after_a_lead_in_the_first_object_is_the_topic_when_a_second_verb_follows() -> None:
    reading = read("discussed", "she explained the roadmap, showed me the dashboards")
    assert (reading.form, reading.text, reading.shortened) == ("topic", "the roadmap", True)
    assert read("discussed", "we talked about her dog, named Pixel").text == "your dog, named Pixel"


def test_a_subject_named_twice_around_a_name_is_a_clause_not_a_list() -> None:
    assert read("detail", "her dog, Biscuit, came to the call").text == "your dog, Biscuit, came to the call"
    assert read("detail", "the oak staircase, finished last spring").form == "topic"


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("if i get it i'd love to start a reading buddies program",
         "if I get the role, I'd love to start a reading buddies program"),
        ("if I get the job I could start in January", "if I get the job, I could start in January"),
        ("when i get an offer i can give two weeks notice", "when I get an offer, I can give two weeks notice"),
    ],
)  # fmt: skip
def test_a_condition_names_the_role_and_ends_with_its_comma(typed: str, written: str) -> None:
    assert read("add", typed).text == written


def test_a_condition_about_something_else_is_left_as_typed() -> None:
    assert read("add", "if it helps I can share references").text == "if it helps I can share references"
    assert read("detail", "he'll be my mentor if i get it").text == "you'll be my mentor if I get the role"


def test_a_strength_is_not_tied_back_to_the_members_own_topic() -> None:
    people = [{"name": "Freya Holm", "discussed": "my approach to caching"}]
    body = drafts(interviewers=people, strengths="I am gonna bring alot of energy to the the team").drafts[0].body
    assert "I would bring a lot of energy to the team" in body
    assert body.count("my approach to caching") == 1, body


@pytest.mark.parametrize("tone", ["warm", "formal", "concise"])
@pytest.mark.parametrize("person", range(4))
def test_a_clause_strength_tied_to_a_topic_reads_as_one_clean_sentence(tone: str, person: int) -> None:
    topics = ["the netcode rewrite", "why they picked Snowflake", "staffing ratios", "author events"]
    people = [{"name": f"Person{n} Example", "discussed": topic} for n, topic in enumerate(topics)]
    document = drafts(interviewers=people, strengths="calm under pressure, 6 yrs ICU", tone=tone)
    body = document.drafts[person].body
    assert "I am calm under pressure, and I have 6 years of ICU experience" in body
    for awkward in ("it is worth saying", "I am confident that I", "our talk about my"):
        assert awkward not in body
    assert problems(document.drafts[person]) == []


def _draft(sentence: str) -> Draft:
    body = f"Dear Priya,\n\n{sentence}\n\nBest,\nSam"
    return Draft(to={"name": "Priya"}, channel="email", subject=None, body=body, words=len(body.split()))


@pytest.mark.parametrize(
    ("broken", "clean"),
    [
        ("I was glad to learn that you were jetlagged, just got back from a conference.",
         "I was glad to learn that you started as an SDR and got promoted twice."),
        ("I would add that I am calm under pressure, and I have 6 years ICU.",
         "I would add that I am calm under pressure, and I have 6 years of ICU experience."),
        ("I would add that I am forklift certified, and I have 8 years.",
         "I would add that I have 5 years teaching, and I am patient."),
        ("One thing I did not get to mention: if I get it I'd love to start a program.",
         "One thing I did not get to mention: if I get the role, I'd love to start a program."),
        ("Our conversation about your dog kept barking stayed with me.",
         "Your explanation of the next stages made the process easy to follow."),
        ("I know python + sql well.", "I have experience with Splunk, and I am CompTIA Security+ certified."),
        ("I was struck that you were tired, had back to back interviews.",
         "I was struck that the office has a dog, named Pixel."),
    ],
)  # fmt: skip
def test_the_join_validator_catches_each_join_and_leaves_the_clean_sentence(broken: str, clean: str) -> None:
    assert problems(_draft(broken)) != []
    assert problems(_draft(clean)) == []


def test_a_share_that_names_no_thing_is_left_out_and_a_named_one_kept() -> None:
    assert read("share", "about remote talked").form == "none"
    assert read("share", "the deck we talked about").text == "the deck we talked about"
