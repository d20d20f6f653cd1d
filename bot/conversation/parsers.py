"""Named parsers the flow YAML refers to: turn typed text into a stored value, or reject with a reason.

Each parser also checks an already-stored value, so a hand-edited or corrupted row is detected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from rapidfuzz.distance import DamerauLevenshtein

from bot import messages
from bot.answers import MAX_INTERVIEWERS
from bot.conversation.name_list import capitalise_name, read_people, tidy_title
from bot.text import TextProblem, clean_text
from bot.time.locales import reading_order
from bot.time.past import parse_past
from bot.time.reading import WhenProblem

JSON = Any


class Reject(ValueError):
    """The answer can't be used; `str(self)` is the reason, written for the user."""


@dataclass(frozen=True, slots=True)
class ParseContext:
    """What a parser may know besides the text. `synonyms` pairs a choice value with other ways to say it;
    a parser may append sentences for the user to `notes` (said before the next question). `date_order` is how
    the member writes numeric dates ("MDY" or "DMY", from their locale; see `bot/time/locales.py`)."""

    now: datetime
    tz: ZoneInfo
    choices: tuple[tuple[str, str], ...] = ()
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    notes: list[str] = field(default_factory=list, compare=False, hash=False)
    date_order: str = field(default_factory=reading_order)


@dataclass(frozen=True, slots=True)
class Parser:
    """`skips` says whether typed text means "nothing to give" (see `means_skip`), checked before `parse`."""

    parse: Callable[[str, ParseContext], JSON]
    valid: Callable[[JSON, ParseContext], bool]
    skips: Callable[[str], bool] = lambda text: means_skip(text)


def _clean(text: str, *, max_chars: int = 1000) -> str:
    try:
        value = clean_text(text, max_chars=max_chars)
    except TextProblem as problem:
        raise Reject(str(problem)) from None
    if not value:
        raise Reject(messages.text("answer_empty"))
    return value


def _is_clean(value: JSON, max_chars: int = 1000) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return clean_text(value, max_chars=max_chars) == value and bool(value)
    except TextProblem:
        return False


def parse_text(text: str, ctx: ParseContext) -> JSON:
    return _clean(text)


def parse_name(text: str, ctx: ParseContext) -> JSON:
    value = _clean(text, max_chars=100)
    if not any(ch.isalpha() for ch in value):
        raise Reject(messages.text("name_invalid"))
    return value


def _valid_name(value: JSON, ctx: ParseContext) -> bool:
    return _is_clean(value, 100) and any(ch.isalpha() for ch in value)


#: Replies that greet or acknowledge rather than give a name: the console asks for the name straight away, so
#: the member's first "hi" often lands here.
_NOT_A_NAME = frozenset(
    {"hi", "hello", "hey", "hiya", "heya", "yo", "hi there", "hello there", "hey there", "good morning",
     "good afternoon", "good evening", "ok", "okay", "thanks", "thank you", "yes", "sure", "start", "begin"}
)  # fmt: skip


def parse_own_name(text: str, ctx: ParseContext) -> JSON:
    """The member's own name for the signature: "sam rivera" is signed "Sam Rivera", and they are told."""
    if " ".join(choice_words(text)) in _NOT_A_NAME:
        raise Reject(messages.text("own_name_greeting"))
    typed = parse_name(text, ctx)
    name = capitalise_name(typed)
    if name != typed:
        ctx.notes.append(messages.text("own_name_tidied", name=name))
    return name


#: A job title is a few words and never starts like a sentence ("we went deep on pricing").
_MAX_TITLE_WORDS = 10
_NOT_A_TITLE_START = frozenset({"i", "we", "she", "he", "they", "you", "it", "my", "our", "so", "um", "well"})


def parse_title(text: str, ctx: ParseContext) -> JSON:
    """A job title as typed, without the guess around it: "idk maybe senior researcher?" → "Senior Researcher"."""
    typed = _clean(text, max_chars=200)
    title = tidy_title(typed)
    if not title:
        raise Reject(messages.text("title_unclear"))
    words = choice_words(title)
    if len(words) > _MAX_TITLE_WORDS or (words and words[0] in _NOT_A_TITLE_START):
        raise Reject(messages.text("title_looks_like_topic"))  # "we talked about pricing": the next question's
    if title != typed:
        ctx.notes.append(messages.text("title_tidied", title=title))
    return title


def parse_names(text: str, ctx: ParseContext) -> JSON:
    """The people met, as typed on one line (bot/conversation/name_list.py): names get capitals, remarks are
    taken off, and a remark that is a job title ("dana (recruiter)") becomes that person's title."""
    people: list[dict[str, str]] = []
    tidied = False
    for typed in read_people(_clean(text)):
        name = parse_name(typed.name, ctx)
        tidied = tidied or typed.tidied
        if name.casefold() not in (p["name"].casefold() for p in people):
            people.append({"name": name, **({"title": typed.title} if typed.title else {})})
    if not people:
        raise Reject(messages.text("names_missing"))
    if len(people) > MAX_INTERVIEWERS:
        raise Reject(messages.text("names_too_many", count=len(people), limit=MAX_INTERVIEWERS))
    if tidied:
        shown = (f"{p['name']} ({p['title']})" if "title" in p else p["name"] for p in people)
        ctx.notes.append(messages.text("names_tidied", names=", ".join(shown)))
    return people


def _valid_names(value: JSON, ctx: ParseContext) -> bool:
    return (
        isinstance(value, list)
        and 0 < len(value) <= MAX_INTERVIEWERS
        and all(isinstance(p, dict) and _valid_name(p.get("name"), ctx) for p in value)
    )


_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


def parse_email(text: str, ctx: ParseContext) -> JSON:
    value = _clean(text, max_chars=254).removeprefix("mailto:")
    if not _EMAIL.match(value):
        raise Reject(messages.text("email_invalid"))
    return value


_URL = re.compile(r"^(https?://)?[\w-]+(\.[\w-]+)+(/\S*)?$", re.IGNORECASE)


#: A link inside a longer answer ("my portfolio jess.design", "github: github.com/jess (the kafka one)").
_LINK_INSIDE = re.compile(r"(?<![@\w.-])(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/[^\s()<>]*)?(?![\w@])", re.IGNORECASE)
#: Things people promise to send before they have the link: offered in the note without one.
_SENDABLE = frozenset(
    {"portfolio", "deck", "slides", "case", "references", "reference", "resume", "cv", "sample", "samples",
     "paper", "papers", "thesis", "dissertation", "github", "repo", "code", "talk", "article", "blog", "post",
     "website", "site", "demo", "video", "recording", "notebook", "report", "writeup", "doc", "document"}
)  # fmt: skip


def parse_url(text: str, ctx: ParseContext) -> JSON:
    """A link, alone or inside a few words about it (kept: the note names what it is). Words about something
    to send with no link yet ("my portfolio, will send tomorrow") are kept too, and the note offers it."""
    value = _clean(text, max_chars=500)
    if _URL.match(value):
        return value if value.lower().startswith(("http://", "https://")) else f"https://{value}"
    found = _LINK_INSIDE.search(value)
    if found and not found.group(0).lower().startswith(("http://", "https://")):
        return f"{value[: found.start()]}https://{found.group(0)}{value[found.end() :]}"
    if found:
        return value
    if _SENDABLE.intersection(choice_words(value)):
        ctx.notes.append(messages.text("share_without_link"))
        return value
    raise Reject(messages.text("url_invalid"))


# --- forgiving answers: skip words and choices typed loosely ---------------------------------------------

#: Typed to an optional question, these mean the same as `skip`; to a required one they get its `why`.
#: Compared as words (see `choice_words`), so "N/A", "n.a." and "nope!" count too.
SKIP_WORDS = frozenset(
    {
        "no", "none", "n a", "na", "nothing", "nope", "nah", "idk", "dunno", "not sure", "no idea",
        "dont know", "i dont know", "not applicable", "no link", "no links", "nothing to add", "nothing else",
        "not really", "no thanks", "no one", "nobody",
    }
)  # fmt: skip
_DASHES = frozenset({"-", "--", "—", "–"})  # no words at all, so matched as typed
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")  # Slack sends typed emoji as :slightly_smiling_face:
#: Words that carry no answer: "pretty good actually lol" is "good".
_FILLERS = frozenset(
    {
        "a", "an", "the", "lol", "lmao", "haha", "hehe", "actually", "pretty", "really", "very", "quite", "just",
        "honestly", "tbh", "kinda", "sorta", "um", "umm", "uh", "hmm", "maybe", "probably", "please", "thanks",
    }
)  # fmt: skip
_FILLER_PHRASES = (("i", "think"), ("i", "guess"), ("kind", "of"), ("sort", "of"), ("it", "was"), ("id", "say"))
#: A choice named next to one of these ("it wasn't good") is not read as that choice.
_NEGATIONS = frozenset({"not", "no", "never", "nor", "wasnt", "isnt", "didnt", "dont", "doesnt", "hardly"})
_NUMBERED = re.compile(r"(?:option |number )?(\d{1,3})")  # "option 2", "#2" (the # is not a word)
#: Fuzzy scores (Damerau-Levenshtein similarity, 0-1): at or above CONFIDENT the typo is read as that choice;
#: from UNSURE up the user is asked "did you mean"; below is not an answer. Words inside a longer answer
#: need a margin more than the whole answer does.
CONFIDENT = 0.8
UNSURE = 0.67
_INSIDE_MARGIN = 0.05
_TIE = 0.05
_MIN_FUZZY_CHARS = 4
_MAX_FUZZY_CHARS = 200


def choice_words(text: str) -> tuple[str, ...]:
    """The lowercase words of an answer: emoji, punctuation and hyphens gone, apostrophes closed up."""
    lowered = _SHORTCODE.sub(" ", text.casefold()).replace("'", "").replace("’", "")
    return tuple("".join(ch if ch.isalnum() else " " for ch in lowered).split())


def _content(words: tuple[str, ...]) -> tuple[str, ...]:
    kept: list[str] = []
    index = 0
    while index < len(words):
        phrase = next((p for p in _FILLER_PHRASES if words[index : index + len(p)] == p), None)
        if phrase is not None:
            index += len(phrase)
            continue
        if words[index] not in _FILLERS:
            kept.append(words[index])
        index += 1
    return tuple(kept) if kept else words  # an answer made only of fillers ("pretty") is kept as typed


def means_skip(text: str) -> bool:
    """True for "no", "n/a", "idk lol", "-": the person has nothing to give for this question."""
    raw = " ".join(text.casefold().split()).strip(" .!")
    words = choice_words(text)
    return raw in _DASHES or " ".join(words) in SKIP_WORDS or " ".join(_content(words)) in SKIP_WORDS


def _phrases(ctx: ParseContext) -> list[tuple[str, tuple[str, ...]]]:
    """(value, words) for every way of naming each choice: its value, its label and its synonyms."""
    synonyms = dict(ctx.synonyms)
    found = []
    for value, label in ctx.choices:
        for phrase in (value, label, *synonyms.get(value, ())):
            words = _content(choice_words(phrase))
            if words:
                found.append((value, words))
    return found


def _spans(needle: tuple[str, ...], hay: tuple[str, ...]) -> Iterable[tuple[int, int]]:
    for start in range(len(hay) - len(needle) + 1):
        if hay[start : start + len(needle)] == needle:
            yield start, start + len(needle)


class _Unsure(Exception):
    def __init__(self, values: list[str]) -> None:
        super().__init__(values)
        self.values = values


def _whole_words(words: tuple[str, ...], phrases: list[tuple[str, tuple[str, ...]]]) -> str | None:
    """A choice named as whole words inside the answer ("interview lol", "we used zoom"); None when none is.
    A longer phrase wins over one inside it ("not good" over "good", "video call" over "call")."""
    matches = [(start, end, value) for value, needle in phrases for start, end in _spans(needle, words)]
    kept = [
        (start, end, value)
        for start, end, value in matches
        if not any(s <= start and end <= e and e - s > end - start for s, e, _ in matches)
    ]
    if not kept:
        return None
    covered = {i for start, end, _ in kept for i in range(start, end)}
    if any(word in _NEGATIONS for i, word in enumerate(words) if i not in covered):
        raise _Unsure([])  # "it wasn't good": too easy to read backwards, so ask again plainly
    values = list(dict.fromkeys(value for _, _, value in kept))
    if len(values) > 1:
        raise _Unsure(values[:2])
    return values[0]


def _similarity(a: str, b: str) -> float:
    if len(a) < _MIN_FUZZY_CHARS or len(b) < _MIN_FUZZY_CHARS:
        return 0.0
    return float(DamerauLevenshtein.normalized_similarity(a, b))


def _fuzzy(words: tuple[str, ...], phrases: list[tuple[str, tuple[str, ...]]]) -> str | None:
    """The choice a typo most likely meant ("vidoe", "in persn"); raises _Unsure in the middle band or on a tie."""
    whole = " ".join(words)
    if not whole or len(whole) > _MAX_FUZZY_CHARS:
        return None
    best: dict[str, float] = {}
    for value, needle in phrases:
        phrase = " ".join(needle)
        score = _similarity(whole, phrase)
        for start in range(len(words) - len(needle) + 1 if len(words) > len(needle) else 0):
            inside = _similarity(" ".join(words[start : start + len(needle)]), phrase) - _INSIDE_MARGIN
            score = max(score, inside)
        best[value] = max(best.get(value, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < UNSURE:
        return None
    (top, score), rest = ranked[0], ranked[1:]
    if rest and rest[0][1] >= UNSURE and score - rest[0][1] < _TIE:
        raise _Unsure([top, rest[0][0]])
    if score < CONFIDENT:
        raise _Unsure([top])
    return top


def parse_choice(text: str, ctx: ParseContext) -> JSON:
    """Exact value, label or number first; then a choice named inside the answer (its synonyms from the flow);
    then a confident fuzzy match for typos. Unsure answers are refused with a suggestion, never guessed."""
    wanted = " ".join(text.split()).casefold()
    for number, (value, label) in enumerate(ctx.choices, start=1):
        if wanted in (value.casefold(), label.casefold(), str(number)):
            return value
    words = _content(choice_words(text))
    numbered = _NUMBERED.fullmatch(" ".join(words))
    if numbered and 1 <= int(numbered.group(1)) <= len(ctx.choices):
        return ctx.choices[int(numbered.group(1)) - 1][0]
    phrases = _phrases(ctx)
    try:
        found = _whole_words(words, phrases) or _fuzzy(words, phrases)
    except _Unsure as unsure:
        labels = dict(ctx.choices)
        if len(unsure.values) == 1:
            raise Reject(messages.text("choice_did_you_mean", label=labels[unsure.values[0]])) from None
        if len(unsure.values) == 2:
            first, second = (labels[v] for v in unsure.values)
            raise Reject(messages.text("choice_did_you_mean_either", first=first, second=second)) from None
        found = None
    if found is not None:
        return found
    options = ", ".join(label for _, label in ctx.choices)
    raise Reject(messages.text("choice_invalid", options=options))


def parse_past_datetime(text: str, ctx: ParseContext) -> JSON:
    try:
        return parse_past(_clean(text, max_chars=100), now=ctx.now, tz=ctx.tz, date_order=ctx.date_order).isoformat()
    except WhenProblem as problem:
        raise Reject(str(problem)) from None


def _valid_datetime(value: JSON, ctx: ParseContext) -> bool:
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return moment.tzinfo is not None and moment <= ctx.now + timedelta(minutes=1)


def _valid_by_reparse(parse: Callable[[str, ParseContext], JSON]) -> Callable[[JSON, ParseContext], bool]:
    def valid(value: JSON, ctx: ParseContext) -> bool:
        if not isinstance(value, str):
            return False
        try:
            return bool(parse(value, ctx) == value)
        except Reject:
            return False

    return valid


PARSERS: dict[str, Parser] = {
    "text": Parser(parse_text, _valid_by_reparse(parse_text)),
    "title": Parser(parse_title, lambda value, ctx: _is_clean(value, 200)),
    "name": Parser(parse_name, _valid_name),
    "own_name": Parser(parse_own_name, _valid_name),
    "names": Parser(parse_names, _valid_names),
    "email": Parser(parse_email, _valid_by_reparse(parse_email)),
    "url": Parser(parse_url, _valid_by_reparse(parse_url)),
    "choice": Parser(parse_choice, lambda value, ctx: isinstance(value, str) and value in {v for v, _ in ctx.choices}),
    "past_datetime": Parser(parse_past_datetime, _valid_datetime),
}
