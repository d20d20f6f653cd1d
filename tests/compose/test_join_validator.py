"""The join validator itself: each defect class it looks for is caught in a sentence the composer once
wrote, and a sentence that reads well next to it is not flagged (so a clean corpus run means something)."""

from __future__ import annotations

import pytest

from bot.drafts import Draft
from tests.compose.join_validator import problems


def _draft(sentence: str, channel: str = "email") -> Draft:
    body = f"Dear Priya,\n\n{sentence}\n\nBest,\nSam"
    return Draft(to={"name": "Priya"}, channel=channel, subject=None, body=body, words=len(body.split()))


@pytest.mark.parametrize(
    ("broken", "clean"),
    [
        ("Hearing about you've been at Amazon 8 years gave me a clearer picture.",
         "It was good to hear that you've been at Amazon 8 years."),
        ("I also appreciated what you shared about you're.", "I also appreciated what you shared about your dog."),
        ("I was glad to hear about they're hiring 3 people.", "I was glad to hear that they're hiring 3 people."),
        ("Hearing about shes worked there 12 years stood out.", "Hearing that you've worked there 12 years stood out."),
        ("Hearing about Alex's dog kept barking also told me a great deal.",
         "Hearing about the new espresso machine also told me a great deal."),
        ("I was glad to hear about your daughter just started college as well.",
         "I was glad to hear that your daughter just started college."),
        ("What you shared about the team grew from 4 to 20 gave me a sense of it.",
         "What you shared about the team's growth gave me a sense of it."),
        ("I keep thinking about our conversation about rambling about my case study.",
         "I keep thinking about our conversation about my case study."),
        ("Our discussion of yes mostly was a highlight for me.",
         "Our discussion of whether the team is remote-first was a highlight for me."),
        ("I learned a lot from our discussion of salary expectations + start date.",
         "I learned a lot from our discussion of salary expectations and start date, and of my 100+ A/B tests."),
        ("I think Tableau, SQL, and I'm detail oriented would carry over well.",
         "I think Tableau and SQL would carry over well, and I'm still very excited about it."),
        ("I think 3 years as a barista and I'm reliable would carry over well.",
         "I would add that I have 3 years as a barista and I'm reliable, which I believe would help."),
        ("I especially enjoyed our conversation about case interview about a retailer's profits.",
         "I especially enjoyed our conversation about the case interview about a retailer's profits."),
        ("I especially enjoyed our conversation about whether you can tell me more about the team.",
         "I especially enjoyed our conversation about the team structure."),
        ("I have reflected on what's my biggest weakness since our conversation.",
         "I have reflected on what my biggest weakness is since our conversation."),
        ("It was a pleasure to talk through a time you disagreed with your manager.",
         "It was a pleasure to talk through a time I disagreed with my manager."),
        ("It was good to hear that you said the team is remote.", "It was good to hear that the team is remote."),
        ("I believe fast learner would let me contribute quickly.",
         "I am confident that I am a fast learner, and I believe SQL would help."),
        ("My background, especially Python developer with 5 years, fits closely with what we discussed.",
         "My background, especially five years of Python, fits closely with what we discussed."),
        ("I believe patient with struggling students would let me contribute quickly.",
         "I believe strong problem solving would let me contribute quickly."),
        ("I was struck that the GPU cluster they just built.", "I was struck that they just built a GPU cluster."),
        ("One thing I did not get to mention: i've managed managers before.",
         "One thing I did not get to mention: I've managed managers before."),
        ("I was glad to hear about THE KAFKA MIGRATION.", "I was glad to hear about the NASA JPL rover team."),
        ("I was glad to hear about the KAFKA MIGRATION.", "I was glad to hear about the AWS EKS migration."),
    ],
)  # fmt: skip
def test_each_defect_class_is_caught_and_its_clean_neighbour_is_not(broken: str, clean: str) -> None:
    assert problems(_draft(broken)), broken
    assert problems(_draft(clean)) == [], clean


def test_a_lower_case_company_is_caught_only_when_the_company_is_capitalised() -> None:
    sentence = "It was good to hear that you've been at amazon 8 years."
    assert problems(_draft(sentence), company="Amazon") == ["company in lower case: 'amazon'"]
    assert problems(_draft(sentence.replace("amazon", "Amazon")), company="Amazon") == []
    assert problems(_draft(sentence), company="amazon") == []
    assert problems(_draft("We discussed the notion of ownership."), company="Notion") == []


def test_the_phrasing_verbs_after_a_slot_are_not_taken_for_a_clause() -> None:
    for sentence in (
        "Hearing about the new espresso machine stood out for me.",
        "What you shared about the office dog stayed with me.",
        "Our conversation about the roadmap gave me a real head start.",
        "Thanks as well for walking me through the process.",
        "I was glad to learn about the team based in Austin.",
        "I enjoyed hearing about your dog named Biscuit and the renewed contract.",
    ):
        assert problems(_draft(sentence)) == [], sentence
