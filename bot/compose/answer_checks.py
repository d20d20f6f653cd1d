"""Checks the composer raises about the answers themselves: one that could not be used and why, one that was
shortened, a name it capitalised, something left out to fit LinkedIn. Each names the answer, so the member
knows exactly what to retype (the proofreading of the note's text is bot/compose/checks.py)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.compose.fit import LINKEDIN_CHARACTERS
from bot.compose.name_field import read_name_field
from bot.compose.reading import Reading
from bot.drafts import Check

_EXCERPT_WORDS = 8
_WHY = {
    "empty": "it has only filler words, nothing a note can use",
    "no-answer": "it says there is nothing to add (filler words such as “n/a” or “idk”), so the note leaves it out",
    "reply": "it answers a question rather than naming a topic",
    "sentence": "it reads as part of a sentence rather than a topic",
    "vague": "it is too general to say anything specific",
    "question": "it is a question I could not turn into a sentence with confidence",
    "no-topic": "it says you talked but not what about",
    "first-person": "it reads as a sentence about you rather than a topic",
    "not-about-you": "it describes someone else rather than what you bring",
    "too-long": "it is long, and no part of it could stand alone in a sentence",
    "not-covered": "it says what the conversation did not cover, which is no point a note can make",
    "impression": "it is your impression of them, which reads oddly when told back to them as news",
    "mishap": "it is about something that went wrong, which reads oddly in a thank-you note",
    "regret": "it is about a slip in the interview, and a thank-you note reads better looking forward (type the "
    "point you would have made instead)",
    "asks-me": "it asks me whether to mention something; if you'd like it in the note, type the point itself",
    "email-address": "it is an email address rather than something to send, and they can reach you by replying",
    "about-you": "it is about you, and this part of the note is about them (put it under what you discussed)",
}
_EXAMPLE = {
    "discussed": "“your approach to caching”",
    "detail": "“your team's on-call redesign”",
    "strengths": "“five years of running Kafka”",
    "add": "“I cut cloud costs by 30% at my last job”",
    "share": "“my portfolio: https://…”",
}


def example(field: str) -> str:
    """How a usable answer to `field` ("strengths", "interviewers.0.detail") could look, in quotes."""
    return _EXAMPLE.get(field.rsplit(".", 1)[-1], _EXAMPLE["discussed"])


_DROPPED = {
    "detail": "the detail about them",
    "detail_clause": "the detail about them",
    "discussed": "what you discussed",
    "discussed_clause": "what you discussed",
    "link": "the link",
    "share": "what you offered to send",
    "add": "the point you wanted to add",
    "add_wish": "the point you wanted to add",
    "strengths": "your strength",
    "strengths_clause": "your strength",
    "role": "the role's name",
}


def reason(code: str) -> str:
    """Why an answer could not be used, in words for the member (`Reading.reason` → sentence fragment)."""
    return _WHY.get(code, _WHY["vague"])


def what(field: str, name: str) -> str:
    """How the member knows the answer: "what you discussed with Priya"."""
    return {
        "discussed": f"what you discussed with {name}",
        "detail": f"the detail you remembered about {name}",
        "strengths": "your strengths",
        "add": "the point you wanted to add",
        "share": "what you promised to send",
    }[field]


def excerpt(text: str) -> str:
    words = " ".join(text.split()).split(" ")
    return " ".join(words[:_EXCERPT_WORDS]) + ("…" if len(words) > _EXCERPT_WORDS else "")


def left_out(reading: Reading, typed: str, name: str) -> Check:
    why = _WHY.get(reading.reason, _WHY["vague"])
    return Check(
        code="answer-left-out",
        level="warning",
        message=f"Your answer for {what(reading.field, name)} (“{excerpt(typed)}”) is not in this note: {why}. "
        f"Retype it as a short phrase, for example {_EXAMPLE[reading.field]}, and it will be used.",
    )


def shortened(reading: Reading, name: str) -> Check:
    """A long answer cut to its first usable part, or a short one without what only framed it ("not sure if
    this matters but …"); a promise with two links keeps the first."""
    used, long = reading.text, reading.shape in ("ramble", "sentences")
    how = "was long, so the note uses only part of it" if long else "is in the note without the words around it"
    if reading.reason == "as-typed":  # "10 years nursing home": no word could be added with confidence
        how = "is in the note as you typed it, since I could not tell how to join its words"
    if reading.field == "share" and reading.link:
        used, how = reading.link, "has more than one link, and the note carries the first"
    return Check(
        code="answer-shortened",
        level="info",
        message=f"Your answer for {what(reading.field, name)} {how}: “{used}”. Check it still says what you meant.",
    )


def name_capitalised(typed: str, written: str, *, name_field: bool = True) -> Check:
    """A name written with capitals; or, when more than its case changed, what the note made of the name field
    (`name_field`: the interviewer's name as typed, not a company, a brand or the member's own name)."""
    field = read_name_field(typed if name_field else "")
    if field.no_name and name_field:
        return Check(
            code="name-tidied",
            level="info",
            message=f"You typed “{excerpt(typed)}” where their name goes, so the note greets them as “{written}”.",
        )
    if field.unsure and name_field:
        return Check(
            code="name-tidied",
            level="warning",
            message=f"You weren't sure of “{excerpt(typed)}”; the note writes “{written}”. Check the spelling "
            "(the calendar invite or their email signature will have it) before sending.",
        )
    if field.title and name_field:
        return Check(
            code="name-tidied",
            level="info",
            message=f"You typed “{excerpt(typed)}”; the note uses “{written}” as their name and “{field.title}” as "
            "their title. If that's not right, change the name before sending.",
        )
    return Check(
        code="name-capitalised" if typed.lower() == written.lower() else "name-tidied",
        level="info",
        message=f"You typed “{typed}”; the note writes “{written}”. If they spell it another way, change it "
        "before sending.",
    )


def role_capitalised(typed: str, written: str) -> Check:
    """The role typed in lower case, written as a job title."""
    return Check(
        code="role-capitalised",
        level="info",
        message=f"You typed the role as “{excerpt(typed)}”; the note writes “{written}”. If the job posting "
        "writes it another way, change it before sending.",
    )


def slips_corrected(field: str, name: str, changes: Sequence[tuple[str, str]]) -> Check:
    """Slips put right in one answer (`slips.py`): what was typed and what the note writes, pair by pair."""
    typed = ", ".join(f"“{was}”" for was, _ in changes)
    written = ", ".join(f"“{now}”" for _, now in changes)
    return Check(
        code="slip-corrected",
        level="info",
        message=f"In {what(field, name)}, you typed {typed}; the note writes {written}. If you meant it as "
        "typed, change it back before sending.",
    )


def dropped_to_fit(variables: tuple[str, ...], channel: str) -> Check:
    parts = list(dict.fromkeys(_DROPPED[name] for name in variables if name in _DROPPED))
    limit = (
        f"LinkedIn's {LINKEDIN_CHARACTERS}-character limit for a connection note"
        if channel == "linkedin"
        else "the length that reads best"
    )
    shown = " and ".join(parts) if len(parts) <= 2 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return Check(
        code="left-out-to-fit",
        level="info",
        message=f"To fit {limit}, this note leaves out {shown}. You could add it in a follow-up message.",
    )


def linkedin_too_long(characters: int) -> Check:
    return Check(
        code="linkedin-limit",
        level="warning",
        message=f"This note is {characters} characters; LinkedIn allows {LINKEDIN_CHARACTERS} in a connection "
        "note. Shorten it, or send it as a message once you are connected.",
    )
