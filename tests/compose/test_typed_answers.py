"""Answers typed the way members type them after an interview (issue 12, held-out style): reported speech,
contracted subjects, a question followed by its answer, requests, lists that end in a clause, bare nouns,
lower-case names of companies and places, regrets and "n/a". Each rule is tested on its own, and on a whole
note, where the sentence it would have broken reads cleanly instead."""

from __future__ import annotations

import pytest

from bot.compose.names import about_reader, proper_company, respelled
from bot.compose.phrases import polish
from bot.compose.shapes import read
from bot.compose.spelling import misspelled
from bot.compose.tidy import tidy
from tests.compose.helpers import codes, drafts
from tests.compose.join_validator import problems


@pytest.mark.parametrize(
    ("field", "typed", "form", "text"),
    [
        # contracted subjects and reported speech are clauses, addressed to the reader
        ("detail", "he's been at amazon 8 years", "clause", "you've been at amazon 8 years"),
        ("detail", "she's also from Chicago", "clause", "you're also from Chicago"),
        ("detail", "she mentioned she's from toronto too", "clause", "you're from Toronto"),
        ("detail", "he mentioned they're hiring 3 people", "clause", "they're hiring 3 people"),
        ("detail", "he said the team is mostly remote", "clause", "the team is mostly remote"),
        ("detail", "shes worked there 12 yrs", "clause", "you've worked there 12 years"),
        ("detail", "he's published a lot on interpretability", "clause", "you've published a lot on interpretability"),
        ("detail", "he said he'd refer me for the storage team", "clause", "you'd refer me for the storage team"),
        # a noun phrase followed by a finite verb is a clause too
        ("detail", "Alex's dog kept barking lol", "clause", "Alex's dog kept barking"),
        ("detail", "her dog came to the office", "clause", "your dog came to the office"),
        ("detail", "the team grew from 4 to 20", "clause", "the team grew from 4 to 20"),
        ("detail", "her team's plans for next year", "topic", "your team's plans for next year"),
        ("detail", "his daughter just started college", "clause", "your daughter just started college"),
        ("detail", "her dog named Biscuit", "topic", "your dog named Biscuit"),
        ("detail", "the CEO stopped by to say hi", "clause", "the CEO stopped by to say hi"),
        ("discussed", "the team uses react and they're moving to next.js", "clause", "the team uses react"),
        # "<someone> <verb> about X" and requests yield X; fillers go
        ("discussed", "honestly i think i rambled about my portfolio case study on the onboarding flow", "topic",
         "my portfolio case study on the onboarding flow"),
        ("discussed", "he joked about their legacy billing code", "topic", "their legacy billing code"),
        ("discussed", "can you tell me more about the team structure", "topic", "the team structure"),
        ("discussed", "could you walk me through how planning works?", "topic", "how planning works"),
        ("discussed", "so basically she wanted to know how i'd grow the newsletter", "topic",
         "how I'd grow the newsletter"),
        # questions: contracted, two at once, verbless, and a question followed by its answer
        ("discussed", "she asked me what's my biggest weakness and i kinda blanked", "topic",
         "what my biggest weakness is"),
        ("discussed", "what's it like moving from agency work to a product company and how did she make the switch",
         "topic", "what it is like moving from agency work to a product company"),
        ("discussed", "why consulting? why deloitte?", "topic", "why consulting and why Deloitte"),
        ("discussed", "is the team remote-first? yes mostly", "topic", "whether the team is remote-first"),
        ("discussed", "Did the team work on Alexa? Yes, they own the speech pipeline", "topic",
         "whether the team worked on Alexa"),
        ("discussed", "how's the roadmap looking? eh, mostly fine", "topic", "how the roadmap is looking"),
        ("discussed", "are they hiring? yep", "topic", "whether they are hiring"),
        ("discussed", "how is work life balance? pretty good apparently", "none", ""),
        # lists, "+", bare exercises, behavioural questions, regrets
        ("discussed", "incident response, postmortems", "topic", "incident response and postmortems"),
        ("discussed", "salary expectations + start date", "topic", "salary expectations and start date"),
        ("discussed", "case interview about a retailer's falling profits", "topic",
         "the case interview about a retailer's falling profits"),
        ("discussed", "leetcode style question on graphs", "topic", "the LeetCode-style question on graphs"),
        ("discussed", "tell me about a time you disagreed with your manager", "topic",
         "a time I disagreed with my manager"),
        ("discussed", "i think i messed up the DCF question", "topic", "the DCF question"),
        ("discussed", "i totally blanked lol", "none", ""),
        ("detail", "her dog, Biscuit", "topic", "your dog, Biscuit"),
        ("detail", "the team culture, which seems really collaborative", "topic", "the team culture"),
        # strengths: a list that ends in a clause keeps its topics; the member's own clause stays whole
        ("strengths", "Tableau, SQL, and i'm detail oriented", "clause",
         "I have experience with Tableau and SQL, and I'm detail oriented"),
        ("strengths", "I have 3 yrs as a barista and I'm reliable", "clause",
         "I have 3 years as a barista and I'm reliable"),
        ("strengths", "I've built training pipelines", "clause", "I've built training pipelines"),
        ("strengths", "I have 6 yrs of appsec experience", "topic", "6 years of appsec experience"),
        ("strengths", "patience, empathy, zendesk", "topic", "patience, empathy and Zendesk"),
        # the extra point without the hedge and the regret
        ("add", "i do actually have experience with A/B testing, i just forgot to say it", "clause",
         "I have experience with A/B testing"),
        ("add", "I should've said I've managed managers before", "clause", "I've managed managers before"),
        ("add", "forgot to say i speak french and spanish", "clause", "I speak French and Spanish"),
        ("strengths", "strong writer, good at research", "clause", "I am a strong writer and good at research"),
        ("strengths", "patient with kids + 4 yrs tutoring", "clause",
         "I am patient with kids, and I have 4 years tutoring"),
        ("strengths", "growing a newsletter to 40k subscribers", "topic", "growing a newsletter to 40k subscribers"),
        ("discussed", "the interviewer asked about my gap year", "topic", "my gap year"),
        ("discussed", "they asked me to demo a monitoring setup", "topic", "a monitoring setup"),
        ("detail", "the GPU cluster they just built", "topic", "the GPU cluster they just built"),
        ("discussed", "built a rate limiter together", "topic", "building a rate limiter together"),
        ("discussed", "went well", "none", ""),
        ("discussed", "i was asked to present a case study", "topic", "presenting a case study"),
        ("discussed", "they want someone who can own it all", "clause", "they want someone who can own it all"),
        ("discussed", "uhh the usual. tell me about yourself, why us, etc", "none", ""),
        ("discussed", "Q: how do you prioritize? A: impact vs effort", "topic", "how you prioritize"),
        ("discussed", "whats the biggest challenge right now", "topic", "what the biggest challenge is right now"),
        ("discussed", "he grilled me on legal research, esp westlaw", "topic", "legal research (especially Westlaw)"),
    ],
)  # fmt: skip
def test_typed_answers_are_read_into_a_form_that_fits(field: str, typed: str, form: str, text: str) -> None:
    reading = read(field, typed)
    assert (reading.form, reading.text) == (form, text), reading


@pytest.mark.parametrize(
    "typed",
    [
        "n/a",
        "none",
        "nothing",
        "-",
        "no",
        "idk",
        "N/A",
        "nothing really",
        "nope!",
        "null",
        "honestly nothing, it was short",
    ],
)
def test_nothing_typed_as_a_detail_is_no_answer_and_raises_no_warning(typed: str) -> None:
    person = {"name": "Priya Natarajan", "discussed": "the on-call redesign", "detail": typed}
    document = drafts(interviewers=[person])
    assert "answer-left-out" not in codes(document)
    assert read("detail", typed).reason == "no-answer"


def test_a_vague_detail_still_gets_its_warning() -> None:
    person = {"name": "Priya Natarajan", "discussed": "the on-call redesign", "detail": "stuff"}
    assert "answer-left-out" in codes(drafts(interviewers=[person]))


def test_when_nothing_specific_was_typed_for_a_person_the_note_says_so() -> None:
    person = {"name": "Priya Natarajan", "discussed": "n/a", "detail": "-"}
    assert "no-specific-detail" in codes(drafts(interviewers=[person]))


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("bluefin health", "Bluefin Health"),
        ("figma", "Figma"),
        ("acme inc", "Acme Inc."),
        ("bank of america", "Bank of America"),
        ("eBay", "eBay"),
        ("monday.com", "monday.com"),
        ("23andme", "23andme"),
    ],
)
def test_a_company_typed_in_lower_case_is_capitalised(typed: str, written: str) -> None:
    assert proper_company(typed) == written


def test_a_lower_case_company_inside_an_answer_follows_the_company_field() -> None:
    assert respelled("8 years at amazon", "Amazon") == "8 years at Amazon"
    assert respelled("the notion of ownership", "Notion") == "the notion of ownership"
    assert respelled("a stripe on the logo", "Stripe") == "a stripe on the logo"
    assert respelled("stripe.com/jobs", "Stripe") == "stripe.com/jobs"


def test_the_company_typed_in_lower_case_is_capitalised_in_the_note_with_a_tip() -> None:
    person = {"name": "Brian", "discussed": "the graph question", "detail": "he's been at amazon 8 years"}
    document = drafts(company="amazon", interviewers=[person])
    body = document.drafts[0].body
    assert "at Amazon" in body and "amazon" not in body
    assert problems(document.drafts[0], company="Amazon") == []
    assert any("“amazon”" in c.message for c in document.drafts[0].checks if c.code == "name-capitalised")


def test_the_reader_named_in_an_answer_becomes_you() -> None:
    assert about_reader("Alex's dog kept barking", "Alex Kim") == "your dog kept barking"
    assert about_reader("Alexa's team", "Alex Kim") == "Alexa's team"
    person = {"name": "Alex", "discussed": "a monitoring demo", "detail": "Alex's dog kept barking lol"}
    body = drafts(interviewers=[person]).drafts[0].body
    assert "your dog kept barking" in body and "Alex's" not in body


@pytest.mark.parametrize(
    ("typed", "tidied"),
    [
        ("she mentioned she's from toronto", "she mentioned she's from Toronto"),
        ("a trip to nice", "a trip to nice"),  # a common word is never taken for a place
        ("github.com/sam/kafka-tools", "github.com/sam/kafka-tools"),  # never inside a web address
        ("our sql and url conventions at 3 pm with the pm", "our SQL and URL conventions at 3 pm with the PM"),
        ("shes great, theyre hiring, i didnt know", "she's great, they're hiring, I didn't know"),
        ("non technical people", "non-technical people"),
    ],
)
def test_tidy_writes_places_products_acronyms_and_apostrophes(typed: str, tidied: str) -> None:
    assert tidy(typed) == tidied


def test_workplace_and_everyday_words_are_not_spelling_slips_but_a_slip_beside_them_is() -> None:
    typed = "3 yrs as a barista, a leetcode question, evals and a tokenizer, playtesting, the pipline"
    assert misspelled([typed]) == ["yrs", "pipline"]


def test_polish_leaves_a_topic_that_needs_nothing_alone() -> None:
    for topic in ("system design", "the warehouse robots", "how they measure impact", "code review", "my portfolio"):
        assert polish(topic) == topic


def test_the_held_out_style_panel_reads_cleanly() -> None:
    """The examples of the brief, as one panel: every note passes the validator, the company is spelled as
    its field spells it, and nothing typed as a clause sits in a noun slot."""
    people = [
        {"name": "Brian", "discussed": "leetcode style question on graphs, i got the optimal solution after a hint",
         "detail": "he's been at amazon 8 years"},
        {"name": "Keisha", "discussed": "leadership principles - tell me about a time you disagreed with your manager",
         "detail": "she's also from Chicago"},
        {"name": "Sven", "discussed": "Did the team work on Alexa? Yes, they own the speech pipeline",
         "detail": "he mentioned they're hiring 3 people"},
        {"name": "Ola", "discussed": "is the team remote-first? yes mostly", "detail": "n/a"},
    ]  # fmt: skip
    document = drafts(
        company="Amazon", interviewers=people, strengths="Tableau, SQL, and i'm detail oriented",
        add="i do actually have experience with A/B testing, i just forgot to say it",
    )  # fmt: skip
    for draft in document.drafts:
        assert problems(draft, company="Amazon") == [], draft.body
    text = " ".join(d.body for d in document.drafts)
    for broken in ("about you", "about they're", "yes mostly", "I'm detail oriented would", "actually", "forgot"):
        assert broken not in text
