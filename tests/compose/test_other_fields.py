"""The other free answers typed as members type them: the point they did not get to make (`add`), what they
promised to send (`share`), the employer's timeline (`next_steps`), and notes that still fit their channel
when every answer is long. Each rule has a case it fixes and a case it must leave alone."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from bot.answers import parse_answers
from bot.compose import compose, shapes
from bot.compose.fit import LINKEDIN_CHARACTERS, WORDS
from bot.compose.preview import preview, preview_line
from bot.compose.text_format import format_drafts
from bot.compose.timing import follow_up_at, stated_timeline
from bot.drafts import DraftsDocument
from bot.reminders.messages import checkin_draft
from bot.storage.models import Note
from bot.time.deadline import parse_deadline
from tests.compose.helpers import NEW_YORK, NOW, codes, drafts

FRIDAY = date(2026, 11, 20)
INTERVIEW = datetime(2026, 11, 20, 14, 0, tzinfo=NEW_YORK)
CORPUS = Path(__file__).parent / "corpus" / "answers_k.yaml"


def _add(text: str) -> str:
    return shapes.read("add", text).text


def _body(document: DraftsDocument) -> str:
    return document.drafts[0].body


def _messages(document: DraftsDocument) -> str:
    return " ".join(check.message for check in document.drafts[0].checks)


# --- add: what only frames the point goes, the point stays -------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("idk if this matters but I volunteered at a food bank", "I volunteered at a food bank"),
        ("not sure if it's relevant, but i ran a 5k for charity", "I ran a 5k for charity"),
        ("probably doesn't matter but I hold a CDL", "I hold a CDL"),
        ("random but I speak Portuguese", "I speak Portuguese"),
    ],
)
def test_a_hedge_before_the_point_is_left_out(typed: str, expected: str) -> None:
    assert _add(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "it is important to me that patients come first",
        "the project that matters most to me is the hospital ETL",
        "I think small teams ship faster",
    ],
)
def test_words_like_matters_or_important_inside_the_point_stay(typed: str) -> None:
    assert "matters" in _add(typed) or "important" in _add(typed) or "small teams" in _add(typed)


def test_nerves_before_the_point_go_and_the_member_is_told() -> None:
    reading = shapes.read("add", "i was nervous about the salary question, my expectations are flexible")
    assert reading.text == "my expectations are flexible" and reading.shortened
    document = drafts(add="i was nervous about the salary question, my expectations are flexible")
    assert "nervous" not in _body(document) and "answer-shortened" in codes(document)
    assert "my expectations are flexible" in _messages(document)


@pytest.mark.parametrize("typed", ["i messed up the SQL question", "sorry i rambled so much", "I bombed the case lol"])
def test_a_slip_in_the_interview_is_never_the_point_added(typed: str) -> None:
    document = drafts(add=typed)
    assert "messed" not in _body(document) and "rambled" not in _body(document) and "bombed" not in _body(document)
    assert "answer-left-out" in codes(document) and "slip in the interview" in _messages(document)


def test_the_point_after_a_slip_is_kept() -> None:
    assert _add("I froze on the case study, my answer would be to cut the low-margin SKUs") == (
        "my answer would be to cut the low-margin SKUs"
    )


@pytest.mark.parametrize(
    "typed",
    [
        "I failed fast and learned from it at my startup",
        "I struggled with dyslexia and still graduated top of my class",
        "I blew past my sales target three years running",
    ],
)
def test_hard_times_outside_the_interview_are_points_of_their_own(typed: str) -> None:
    assert _add(typed) == typed


def test_a_point_that_only_starts_with_i_was_stays_whole() -> None:
    assert _add("I was a nurse for six years before moving into health tech") == (
        "I was a nurse for six years before moving into health tech"
    )


def test_the_member_undercutting_what_they_offer_is_left_out() -> None:
    assert _add("i have a portfolio but its not updated lol") == "I have a portfolio"
    assert _add("I wrote a style guide, but it's a bit rough") == "I wrote a style guide"


def test_a_limit_on_a_claim_is_kept() -> None:
    """ "but not fluently" limits the claim itself: cutting it would overstate what the member said."""
    assert _add("I speak Spanish but not fluently") == "I speak Spanish but not fluently"


def test_a_question_to_the_bot_is_left_out_with_a_check_saying_so() -> None:
    document = drafts(add="should i mention i was laid off?")
    assert "laid off" not in _body(document)
    assert "answer-left-out" in codes(document) and "asks me whether to mention" in _messages(document)


def test_a_plain_point_about_availability_is_no_question_to_the_bot() -> None:
    assert _add("I can start in January") == "I can start in January"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Managed a $2M budget at Deloitte.", "I managed a $2M budget at Deloitte"),
        ("built an ETL for three hospitals", "I built an ETL for three hospitals"),
    ],
)
def test_a_point_typed_without_its_subject_gets_its_i(typed: str, expected: str) -> None:
    assert _add(typed) == expected


@pytest.mark.parametrize("typed", ["certified forklift operator", "fluent Mandarin", "Excel modelling"])
def test_a_noun_phrase_point_gets_no_i(typed: str) -> None:
    assert not _add(typed).startswith("I ")


def test_a_label_before_a_dash_goes_and_a_second_colon_becomes_a_dash() -> None:
    assert _add("my availability - i can start in january") == "I can start in January"
    assert _add("I did a similar project: I built an ETL for 3 hospitals") == (
        "I did a similar project — I built an ETL for 3 hospitals"
    )
    body = _body(drafts(add="I did a similar project: I built an ETL for 3 hospitals, cut reporting time by 40%"))
    sentence = next(part for part in body.split(". ") if "ETL" in part)
    assert sentence.count(":") == 1 and "hospitals and cut reporting time" in sentence, sentence


def test_a_noun_phrase_label_before_a_comma_goes_but_a_time_or_place_stays() -> None:
    assert _add("my renewal numbers, i raised renewals from 81% to 93%") == "I raised renewals from 81% to 93%"
    assert _add("In 2020, I led a team of 5") == "in 2020, I led a team of 5"
    assert _add("After the layoff, I freelanced for a year") == "after the layoff, I freelanced for a year"


def test_two_clauses_of_the_members_are_joined_and_a_past_verb_list_takes_its_and() -> None:
    assert _add("i have 2 yrs at starbucks, i know the POS system") == (
        "I have 2 years at Starbucks, and I know the POS system"
    )
    assert _add("I worked at Google, led a team of 5") == "I worked at Google and led a team of 5"
    assert _add("I managed the budget, saved 10%, hired two people") == (
        "I managed the budget, saved 10%, and hired two people"
    )


@pytest.mark.parametrize(
    "typed", ["I speak Spanish, French", "I led the migration, which cut costs", "I have 2 projects, cost savings"]
)
def test_lists_and_relative_clauses_are_not_rejoined(typed: str) -> None:
    assert _add(typed) == typed


def test_a_wish_is_said_as_a_wish_not_as_a_point_not_made() -> None:
    for went in ("well", "mixed", "rough"):
        body = _body(drafts(add="i'd love to talk more about the data team!!", went=went))
        assert "talk more about the data team." in body
        assert "I'd love to" not in body and "more clearly than I did" not in body


def test_the_debrief_previews_a_wish_and_a_cut_point_but_not_a_plain_one() -> None:
    assert preview_line("add", "i'd love to talk more about the data team!!") is None  # read with confidence
    assert preview("add", "i'd love to talk more about the data team!!").usable
    assert preview_line("add", "i have a portfolio but its not updated lol") == (
        "One thing I did not get to mention: I have a portfolio."
    )
    assert preview_line("add", "I speak Spanish") is None


def test_a_point_that_is_no_wish_keeps_its_sentence() -> None:
    assert "I cut cloud spend 30% at my last job." in _body(drafts())


@pytest.mark.parametrize("occasion", ["informational", "referral", "recommendation"])
def test_outside_an_interview_the_point_is_never_more_to_an_answer(occasion: str) -> None:
    for went in ("mixed", "rough"):
        for index in range(4):
            document = drafts(
                occasion=occasion, went=went, role=None, interviewers=[{"name": f"Ana{'x' * index} García"}]
            )
            assert "answer" not in _body(document).split("cloud spend")[0].rsplit(".", 1)[-1]


def test_in_an_interview_that_went_rough_the_point_may_add_to_an_answer() -> None:
    bodies = [_body(drafts(went="rough", interviewers=[{"name": f"Tom{'x' * n} Li"}])) for n in range(4)]
    assert any("answer" in body.split("cloud spend")[0].rsplit(".", 1)[-1] for body in bodies)


# --- share: a link is a link, a promise without one is only offered ----------------------------------------


def test_an_email_address_is_never_made_into_a_link() -> None:
    document = drafts(share="sam.rivera@gmail.com")
    assert "https://gmail.com" not in _body(document) and "gmail" not in _body(document)
    assert "answer-left-out" in codes(document) and "email address" in _messages(document)


def test_a_link_typed_without_its_scheme_gets_one() -> None:
    assert "https://github.com/someone" in _body(drafts(share="github.com/someone"))
    assert shapes.read("share", "linkedin.com/in/x").link == "https://linkedin.com/in/x"


def test_two_links_the_first_goes_in_and_the_member_is_told() -> None:
    document = drafts(share="https://github.com/sam/etl and https://sam.dev/blog")
    body = _body(document)
    assert "https://github.com/sam/etl" in body and "sam.dev" not in body and " and\n" not in body
    assert "more than one link" in _messages(document)


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("my portfolio (will send tomorrow)", "my portfolio"),
        ("my dissertation (pdf)", "my dissertation"),
        ("my writing samples, will email them", "my writing samples"),
        ("will send my portfolio once i update it lol", "my portfolio"),
        ("I told him I'd send over my transcript", "my transcript"),
        ("i promised to send references", "my references"),
    ],
)
def test_when_and_how_it_will_be_sent_is_no_part_of_what_is_sent(typed: str, label: str) -> None:
    reading = shapes.read("share", typed)
    assert reading.text == label and not reading.link
    body = _body(drafts(share=typed))
    assert f"{label}." in body and "here is" not in body.lower() and "(" not in body


@pytest.mark.parametrize(
    ("typed", "label", "link"),
    [
        ("portfolio - sam.dev/work", "my portfolio", "https://sam.dev/work"),
        ("my deck; https://x.example/deck", "my deck", "https://x.example/deck"),
        ("here it is: https://x.example/deck. its the one from the meetup", "", "https://x.example/deck"),
    ],
)
def test_a_link_anywhere_in_the_answer_is_the_link(typed: str, label: str, link: str) -> None:
    reading = shapes.read("share", typed)
    assert (reading.text, reading.link) == (label, link)
    assert link in _body(drafts(share=typed))


def test_an_unsure_offer_is_not_made_and_the_member_is_told() -> None:
    document = drafts(share="nothing yet, maybe my portfolio?")
    assert "portfolio" not in _body(document) and "answer-left-out" in codes(document)


@pytest.mark.parametrize(
    "typed",
    [
        "the article by Martin Fowler",
        "the deck about when to shard",
        "my notes on the Q3 launch",
        "my deck on later-stage funding",
        "my notes on what happens when it fails",
    ],
)
def test_words_that_belong_to_the_thing_sent_stay(typed: str) -> None:
    assert shapes.read("share", typed).text == typed


def test_without_a_link_the_link_to_something_is_what_is_offered() -> None:
    assert shapes.read("share", "the link to my talk").text == "the link to my talk"


def test_a_link_with_a_label_and_an_aside_keeps_the_label_only() -> None:
    reading = shapes.read("share", "link to my case study: https://example.com/case-study")
    assert (reading.text, reading.link) == ("my case study", "https://example.com/case-study")
    aside = shapes.read("share", "https://medium.com/@sam/kafka-lessons (the one about kafka)")
    assert (aside.text, aside.link) == ("", "https://medium.com/@sam/kafka-lessons")
    assert shapes.read("share", "My github: github.com/samr").text == "my GitHub"


# --- next_steps: what the check-in reads, and when it comes ------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12/15", date(2026, 12, 15)),
        ("15/12", date(2026, 12, 15)),
        ("by the 4th", date(2026, 12, 4)),
        ("2-3 wks", date(2026, 12, 11)),
        ("1wk", date(2026, 11, 27)),
        ("in a fortnight", date(2026, 12, 4)),
        ("a decision in ~3 wks", date(2026, 12, 11)),
        ("mid december", date(2026, 12, 20)),
        ("sometime in january", date(2027, 1, 31)),
        ("early jan", date(2027, 1, 10)),
    ],
)
def test_timelines_typed_short_are_read(typed: str, expected: date) -> None:
    assert parse_deadline(typed, today=FRIDAY) == expected


@pytest.mark.parametrize("typed", ["24/7 support", "50/50 chance", "they may decide soon", "the march madness thing"])
def test_things_that_only_look_like_dates_are_not_read_as_one(typed: str) -> None:
    assert parse_deadline(typed, today=FRIDAY) is None


def test_another_round_is_no_decision_so_the_check_in_waits_a_week_after_it() -> None:
    later = follow_up_at(INTERVIEW, "final round w/ the CEO next tues", tz=NEW_YORK)
    assert later.date() == date(2026, 12, 1)
    decided = follow_up_at(INTERVIEW, "they will decide by next tues", tz=NEW_YORK)
    assert decided.date() == date(2026, 11, 26)  # two business days after the decision


@pytest.mark.parametrize(
    "typed",
    [
        "they said 2 weeks ish??",
        "idk maybe friday",
        "offer by end of month hopefully 🤞",
        "no clue",
        "will they decide by friday?",
        "final round w/ the CEO next tues",
        "they're interviewing 5 other people",
    ],
)
def test_a_guess_a_hope_or_a_question_is_no_timeline_they_gave(typed: str) -> None:
    assert not stated_timeline(typed, today=FRIDAY)


@pytest.mark.parametrize("typed", ["they will decide by next Friday", "2 weeks", "decision by dec 4", "12/15"])
def test_a_timeline_they_gave_is_one(typed: str) -> None:
    assert stated_timeline(typed, today=FRIDAY)


def _checkin(next_steps: str, discussed: str = "the streaming migration") -> str:
    answers = parse_answers(
        {
            "candidate": "Sam Rivera", "company": "Acme Robotics", "role": "Data Engineer",
            "interview_at": "2026-11-20T14:00:00-05:00", "next_steps": next_steps,
            "interviewers": [{"name": "Priya Natarajan", "email": "priya@acme.example", "discussed": discussed}],
        }
    )  # fmt: skip
    when = datetime(2026, 12, 8, 15, 0, tzinfo=ZoneInfo("UTC"))
    note = Note(
        conversation_id=1, platform="console", workspace="local", user_id="sam", position=0,
        interviewer="Priya Natarajan", company="Acme Robotics", channel="email", body="…", created_at=when,
        updated_at=when,
    )  # fmt: skip
    return checkin_draft(answers, note, 1, NEW_YORK).body


def test_the_check_in_never_quotes_a_hope_back_as_their_timeline() -> None:
    body = _checkin("offer by end of month hopefully 🤞")
    assert "hopefully" not in body and "you mentioned" not in body and "🤞" not in body
    assert "any update on the timeline." in body


def test_the_check_in_refers_to_a_timeline_they_gave_without_quoting_what_was_typed() -> None:
    body = _checkin("they said theyd decide by next friday lol")
    assert "the timeline you mentioned." in body and "lol" not in body and "theyd" not in body


def test_the_check_in_names_what_was_discussed_only_as_a_topic() -> None:
    assert "what you said on the streaming migration." in _checkin("by Friday")
    rambled = _checkin("by Friday", discussed="so we talked alot about how there idempotency keys work lol")
    assert "lol" not in rambled and "so we talked" not in rambled


# --- fitting the channel, whatever was typed ---------------------------------------------------------------


def _corpus() -> list[dict[str, Any]]:
    documents = []
    for raw in yaml.safe_load(CORPUS.read_text(encoding="utf-8")):
        people = raw.pop("people")
        doc: dict[str, Any] = {"candidate": "Sam Rivera", "interview_at": "2026-11-20T14:00:00-05:00"}
        documents.append(doc | {k: v for k, v in raw.items() if v is not None} | {"interviewers": people})
    return documents


@pytest.mark.parametrize("tone", ["warm", "formal", "concise"])
@pytest.mark.parametrize("channel", ["linkedin", "card", "email"])
def test_every_note_of_these_answers_fits_its_channel(channel: str, tone: str) -> None:
    low, high = WORDS[channel]
    for doc in _corpus():
        document = compose(parse_answers(doc | {"channel": channel, "tone": tone}), tz=NEW_YORK, now=NOW)
        for draft in document.drafts:
            lines = draft.body.splitlines()
            assert lines[0].endswith(",") and lines[-1] == "Sam Rivera", draft.body  # greeting … name: whole
            assert doc["company"] in draft.body, draft.body
            if channel == "linkedin":
                assert len(draft.body) <= LINKEDIN_CHARACTERS, draft.body
            else:
                assert draft.words <= high, draft.body
            if channel == "email":
                assert draft.words >= low, draft.body


def test_a_linkedin_note_with_long_names_still_fits_and_says_so_in_its_header() -> None:
    document = drafts(
        channel="linkedin", tone="formal", company="Northwestern Mutual Financial Network Services",
        role="Principal Machine Learning Platform Engineer",
        interviewers=[{"name": "Dr. Maximiliana Oyelaran-Fitzgerald", "discussed": "how the clinical data "
                       "platform team balances regulatory audits with shipping new features"}],
    )  # fmt: skip
    body = _body(document)
    assert len(body) <= LINKEDIN_CHARACTERS and "Northwestern Mutual Financial Network Services" in body
    assert "linkedin-limit" not in codes(document) and "left-out-to-fit" in codes(document)
    assert f"{len(body)} of LinkedIn's {LINKEDIN_CHARACTERS} characters" in format_drafts(document)


def test_a_linkedin_note_that_fits_keeps_what_was_discussed() -> None:
    document = drafts(channel="linkedin", tone="formal")
    assert "streaming" in _body(document) and "left-out-to-fit" not in codes(document)
