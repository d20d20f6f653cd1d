"""The people a member met, read from one typed line: "dana (recruiter), marcus lee - design director, and priya".

Names are split on commas, "and" and "&"; what is said about a person rather than naming them is taken off the
name: a remark in brackets, after a dash or a colon, after "from"/"at"/"who", or a part that only names a role
("Raj, the CTO"). A remark made only of job words ("recruiter", "VP Eng", "the hiring manager") becomes that
person's job title, so a recruiter's note is written for a recruiter; any other remark is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.compose.name_field import ROLE_WORDS

_SPLIT = re.compile(r"\s*(?:,|;|\n|\s&\s|\band\b)\s*", re.IGNORECASE)
_BRACKETED = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_TRAILING = re.compile(r"\s+(?:from|in|at|on|who)\s+\S.*$|\s+[-–—]\s*(?P<dash>\S.*)$|\s*:\s+(?P<colon>\S.*)$", re.I)
_NAME_START = re.compile(r"(^|[\s'’-])(\w)")
_WORD = re.compile(r"[\w'’]+")
_ROLE_LEAD = frozenset({"the", "our", "their", "his", "her", "my", "a", "an"})
#: Words a job title is made of: the composer's job words (bot/compose/name_field.py) and the joiners of a title
#: ("Head of Sales and Marketing", "co-founder"); a remark made only of these (after an article) is a title.
_ROLE_WORDS = ROLE_WORDS | {"of", "and", "co"}
#: Written in capitals in a title typed in lower case ("vp eng" → "VP Eng").
_CAPITALS = frozenset(
    {"ceo", "cto", "cfo", "coo", "cio", "cmo", "cpo", "vp", "svp", "evp", "hr", "pm", "em", "ux", "ui", "qa", "it",
     "ml", "ai", "sre"}
)  # fmt: skip
_SMALL = frozenset({"of", "and", "for", "the", "in", "at", "to", "on"})
#: "idk maybe senior researcher?", "something like head of design i think": the guess around the title.
_HEDGE_HEAD = re.compile(
    r"^(?:(?:i\s+)?(?:think|guess|believe)|idk|i\s+don['’]?t\s+know|dunno|not\s+sure|unsure|maybe|probably|prob|"
    r"perhaps|possibly|something\s+like|sth\s+like|like|she['’]?s|he['’]?s|they['’]?re|(?:s)?he\s+is|they\s+are|"
    r"her\s+title\s+is|his\s+title\s+is|title\s+is|an?|the)(?:[\s,:.-]+|$)",
    re.IGNORECASE,
)
_HEDGE_TAIL = re.compile(
    r"[\s,]*(?:\(\s*(?:i\s+think|i\s+guess|maybe|not\s+sure|probably|idk|\?+)\s*\)|"
    r"\bi\s+think|\bi\s+guess|\bi\s+believe|\bmaybe|\bprobably|\blol|\bidk|\bnot\s+sure|\bor\s+something|"
    r"\?+|!+|\.+)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TypedPerson:
    """One person as read: the name, a job title if a remark gave one, and whether anything was changed."""

    name: str
    title: str | None
    tidied: bool


def capitalise_name(name: str) -> str:
    """`raj` -> `Raj`, `o'neil` -> `O'Neil`; a name typed with any capital letters is kept as typed."""
    if name != name.lower():
        return name
    return _NAME_START.sub(lambda m: m.group(1) + m.group(2).upper(), name)


def role_title(remark: str) -> str | None:
    """ "the hiring manager" → "Hiring Manager", "vp eng" → "VP Eng"; None unless the remark is only job words."""
    words = _WORD.findall(remark)
    if words and words[0].lower() in _ROLE_LEAD:
        words = words[1:]
    if not words or not all(word.lower() in _ROLE_WORDS for word in words) or words[0].lower() in _SMALL:
        return None
    if " ".join(words) != " ".join(words).lower():  # typed with capitals: kept as typed
        return " ".join(words)
    return " ".join(_title_word(word, first=i == 0) for i, word in enumerate(words))


def _title_word(word: str, *, first: bool) -> str:
    if word in _CAPITALS:
        return word.upper()
    return word if word in _SMALL and not first else word.capitalize()


def read_people(text: str) -> list[TypedPerson]:
    """Each person named in `text`, in order; a part that only names a role describes the person before it."""
    titles: list[str] = []

    def bracketed(match: re.Match[str]) -> str:  # the remark is not a name; a job title in it is kept
        titles.append(match.group(1) if match.group(1) is not None else match.group(2))
        return f" \x00{len(titles) - 1} "

    marked = _BRACKETED.sub(bracketed, text)
    people: list[TypedPerson] = []
    for whole in (part.strip() for part in _SPLIT.split(marked)):
        if not whole:
            continue
        remarks = [titles[int(n)] for n in re.findall(r"\x00(\d+)", whole)]
        part = " ".join(re.sub(r"\x00\d+", " ", whole).split())
        trailing = _TRAILING.search(part)
        if trailing:
            remarks.append(trailing.group("dash") or trailing.group("colon") or "")
            part = part[: trailing.start()].strip()
        title = next((t for t in map(role_title, remarks) if t), None)
        if not part:
            if title and people and people[-1].title is None:
                people[-1] = TypedPerson(people[-1].name, title, True)
            continue
        if people and (role := _role_only(part)) is not None:
            if people[-1].title is None and role:
                people[-1] = TypedPerson(people[-1].name, role, True)
            else:
                people[-1] = TypedPerson(people[-1].name, people[-1].title, True)
            continue
        name = capitalise_name(part)
        people.append(TypedPerson(name, title, name != part or part != whole))
    return people


def _role_only(part: str) -> str | None:
    """The title when `part` only names a role ("the CTO", "VP Engineering"); "" for a role phrase that is not a
    title ("my future boss"); None when it is a name."""
    words = _WORD.findall(part)
    if not words:
        return None
    if words[0].lower() in _ROLE_LEAD:
        return role_title(part) or ""
    return role_title(part)


def tidy_title(typed: str) -> str:
    """A job title without the guessing around it ("idk maybe senior researcher?" → "Senior Researcher"),
    capitalised when typed all in lower case; "" when nothing but the guessing was typed."""
    title, before = typed.strip(), None
    while title != before:
        before = title
        title = _HEDGE_TAIL.sub("", _HEDGE_HEAD.sub("", title)).strip()
    if title != title.lower():
        return title
    return " ".join(_title_word(word, first=i == 0) for i, word in enumerate(title.split()))
