"""Any free answer, however it is typed, yields a note with no template syntax and no broken join, or a
check that names the answer; and the shape readings behind that, one by one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers import parse_answers
from bot.compose import compose
from bot.compose.grammar import indirect, to_reader
from bot.compose.preview import preview, preview_line
from bot.compose.shapes import no_answer, read
from bot.compose.tidy import tidy
from tests.compose.join_validator import problems

NOW = datetime(2026, 11, 20, 22, 0, tzinfo=UTC)
_PIECES = [
    "so", "basically", "we", "talked", "about", "how", "why", "what", "does", "did", "do", "is", "are", "they",
    "she", "he", "I", "i", "the", "team", "their", "her", "pick", "kafka", "Snowflake", "look", "like", "lol",
    "idk", "uh", "kinda", "like,", "ALOT", "alot", "on-call", "and", "also", "gonna", "the", "the", "?", "!!",
    "...", "…", "🙂", "🚀", "Inc.", "GmbH", "&", "latency", "under", "50ms", "success", "in", "first", "90", "days",
    "explained", "my", "approach", "to", "caching", "still", "codes", "every", "day", "WE", "TALKED", "ABOUT",
    "can", "remote", "work", "there", "a", "take-home", "p99", "haha", "tbh", "um", "you", "know", "it", "was",
    "great", "stuff", "things", "Dr.", "Prof.", "王芳", "Zoë", ",", ".", "-", "—", ";", ":", "(", ")", "'s",
]  # fmt: skip
_TYPED = st.one_of(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map(" ".join),
    st.text(min_size=1, max_size=120).filter(lambda t: t.strip() and "\x00" not in t),
)
_FIELDS = ("discussed", "detail")
_NOTE_CHECKS = {"answer-left-out", "answer-shortened"}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(
    discussed=_TYPED, detail=_TYPED, strengths=_TYPED, add=_TYPED, share=_TYPED,
    channel=st.sampled_from(["email", "linkedin", "card"]), tone=st.sampled_from(["formal", "warm", "concise"]),
    went=st.sampled_from(["well", "mixed", "rough"]),
)  # fmt: skip
def test_any_answer_text_yields_a_clean_note_or_a_check_naming_it(
    discussed: str, detail: str, strengths: str, add: str, share: str, channel: str, tone: str, went: str
) -> None:
    try:
        answers = parse_answers({
            "candidate": "Sam Rivera", "company": "Acme", "role": "Analyst", "channel": channel, "tone": tone,
            "went": went, "strengths": strengths, "add": add, "share": share,
            "interviewers": [{"name": "Priya Natarajan", "discussed": discussed, "detail": detail},
                             {"name": "Tom Li", "title": "Recruiter", "discussed": detail}],
        })  # fmt: skip
    except Exception:
        return
    for draft in compose(answers, tz=UTC, now=NOW).drafts:
        assert "{{" not in draft.body and "{%" not in draft.body
        found = problems(draft)
        if found:
            named = [c for c in draft.checks if c.code in _NOTE_CHECKS]
            assert named, (draft.body, found)


@pytest.mark.parametrize(
    ("typed", "indirect_form"),
    [
        ("why did they pick Snowflake over BigQuery?", "why they picked Snowflake over BigQuery"),
        ("what does success look like in the first 90 days", "what success looks like in the first 90 days"),
        ("how do they keep p99 latency under 50ms", "how they keep p99 latency under 50ms"),
        ("what's the biggest challenge for the team", "what the biggest challenge is for the team"),
        ("how is the team structured", "how the team is structured"),
        ("is there a take-home", "whether there is a take-home"),
        ("who would I report to", "who I would report to"),
        ("why doesnt the team use k8s", "why the team doesn't use k8s"),
        ("how many people are on the team", "how many people are on the team"),
        ("how did the migration go", "how the migration went"),
        ("is the role remote", "whether the role is remote"),
        ("is the team remote-first", "whether the team is remote-first"),
        ("why is the role open", "why the role is open"),
        ("what's my biggest weakness", "what my biggest weakness is"),
    ],
)
def test_direct_questions_become_indirect(typed: str, indirect_form: str) -> None:
    assert indirect(typed) == indirect_form


@pytest.mark.parametrize("typed", ["how is work life balance", "is the team lead"])
def test_a_question_that_cannot_be_turned_with_confidence_is_refused(typed: str) -> None:
    assert indirect(typed) is None


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("she still codes every day", "you still code every day"),
        ("her team's on-call rotation", "your team's on-call rotation"),
        ("she's been there 10 years", "you've been there 10 years"),
        ("he doesn't like meetings", "you don't like meetings"),
    ],
)
def test_a_clause_about_the_reader_is_addressed_to_them(typed: str, written: str) -> None:
    assert to_reader(typed) == written


@pytest.mark.parametrize(
    ("field", "typed", "form", "text"),
    [
        ("discussed", "I explained my approach to caching", "topic", "my approach to caching"),
        ("discussed", "we went deep on how they measure impact", "topic", "how they measure impact"),
        ("discussed", "WE TALKED ABOUT THE KAFKA MIGRATION", "topic", "the Kafka migration"),
        ("discussed", "Talked through a design for a url shortener!!", "topic", "a design for a URL shortener"),
        ("detail", "she still codes every day", "clause", "you still code every day"),
        ("detail", "idk", "none", ""),
        ("discussed", "stuff", "none", ""),
        ("detail", "we both love hiking", "none", ""),
        ("strengths", "I am gonna bring alot of energy to the the team", "clause",
         "I would bring a lot of energy to the team"),
        ("strengths", "I'm really good at explaining technical stuff", "topic", "explaining technical stuff"),
        ("add", "I forgot to mention that I led the migration", "clause", "I led the migration"),
        ("share", "my portfolio", "topic", "my portfolio"),
    ],
)  # fmt: skip
def test_each_shape_is_read_into_the_form_a_sentence_accepts(field: str, typed: str, form: str, text: str) -> None:
    reading = read(field, typed)
    assert (reading.form, reading.text) == (form, text)


@pytest.mark.parametrize(
    "typed",
    ["she explained", "he talked", "they asked", "we chatted for ages lol", "she showed me", "i asked",
     "he walked me through", "she explained it", "he asked me about it", "we talked a lot", "she laughed",
     "Discussed.", "we both just talked", "my manager talked", "the whole panel asked me", "pick kafka talked",
     "pick kafka talked so"],
)  # fmt: skip
@pytest.mark.parametrize("field", ["discussed", "detail"])
def test_an_answer_that_only_says_a_talk_happened_is_left_out_saying_why(field: str, typed: str) -> None:
    reading = read(field, typed)
    assert reading.form == "none" and reading.reason in ("no-topic", "sentence"), reading


@pytest.mark.parametrize(
    ("typed", "text"),
    [("she explained sharding", "sharding"), ("he talked about kafka", "Kafka"),
     ("they asked me about the migration", "the migration"), ("she still codes every day", "you still code every day"),
     ("the team grew", "the team grew"), ("the team talked about kafka", "Kafka"),
     ("the roadmap she presented", "the roadmap you presented")],
)  # fmt: skip
def test_a_lead_in_followed_by_a_topic_keeps_the_topic(typed: str, text: str) -> None:
    assert read("detail", typed).text == text


def test_a_bare_lead_in_never_becomes_a_sentence_in_the_note() -> None:
    answers = parse_answers({
        "candidate": "Sam Rivera", "company": "Acme", "role": "Analyst", "channel": "linkedin", "tone": "formal",
        "went": "well",
        "interviewers": [{"name": "Priya Natarajan", "discussed": "she explained", "detail": "she explained"}],
    })  # fmt: skip
    (draft,) = compose(answers, tz=UTC, now=NOW).drafts
    assert "explained" not in draft.body
    left_out = [c for c in draft.checks if c.code == "answer-left-out"]
    assert left_out and "not what about" in left_out[0].message


def test_a_ramble_keeps_its_first_usable_part_and_says_it_was_shortened() -> None:
    typed = "so we talked alot about how there idempotency keys work … also we talked about her dog lol"
    reading = read("discussed", typed)
    assert reading.text == "how their idempotency keys work" and reading.shortened  # the slip put right


def test_a_link_inside_a_sentence_is_found_and_the_rest_names_it() -> None:
    reading = read("share", "i'll send her my portfolio: sam.dev/work")
    assert (reading.text, reading.link) == ("my portfolio", "https://sam.dev/work")


@pytest.mark.parametrize(
    ("typed", "tidied"),
    [
        ("so basically we talked alot lol", "we talked a lot"),
        ("the the team 🙂 was great!!", "the team was great!"),
        ("Um, like, their roadmap i guess", "their roadmap"),
        ("well-being programs", "well-being programs"),
        ("on on-call", "on on-call"),
        ("KAFKA AND SQL", "Kafka and SQL"),
    ],
)
def test_tidying_removes_fillers_emoji_shouting_and_doubled_words(typed: str, tidied: str) -> None:
    assert tidy(typed) == tidied


def test_the_preview_shows_an_uncertain_answer_and_stays_quiet_for_a_tidy_one() -> None:
    assert preview_line("interviewers.0.discussed", "why did they pick snowflake?") == (
        "I especially enjoyed our conversation about why they picked snowflake."
    )
    assert preview_line("interviewers.0.discussed", "the on-call redesign") is None
    unusable = preview("interviewers.0.detail", "idk")
    assert not unusable.usable and "filler" in unusable.reason


@pytest.mark.parametrize("typed", ["+", "&", "#", "*", "= ="])
def test_an_answer_of_only_symbols_says_nothing(typed: str) -> None:
    assert read("strengths", typed).form == "none" and no_answer(typed)
    assert read("discussed", "+ the roadmap").form != "none"  # a symbol beside words is no such answer
