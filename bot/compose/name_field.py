"""What members type where a name goes, split into the name and whatever came with it.

A stressed member types the name field as a note to self: "Sarah (HR)", "John Smith - VP Eng", "Raj, the CTO",
"mike from engineering", "sarah?", "priya 🙂", or no name at all ("the hiring manager (didn't catch her name)",
"Someone from HR"). The note greets the person by the name alone; a role typed beside it is their title (as if
typed in the title field), and a field holding only a role is addressed to that role, which the checks then
point out. Anything not recognised stays exactly as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.compose.tidy import strip_emoji

#: Words that make a phrase a job or a team rather than a name ("VP Eng", "the CTO", "engineering"); the
#: debrief reads the names line with them too (bot/conversation/name_list.py).
ROLE_WORDS = frozenset({
    "manager", "director", "head", "lead", "vp", "svp", "evp", "president", "chief", "ceo", "cto", "cfo", "coo",
    "cpo", "cmo", "ciso", "founder", "cofounder", "co-founder", "owner", "partner", "principal", "engineer",
    "engineering", "eng", "recruiter", "recruiting", "recruitment", "talent", "hr", "hrbp", "people", "analyst",
    "designer", "design", "product", "marketing", "sales", "finance", "ops", "operations", "scientist",
    "researcher", "architect", "consultant", "associate", "supervisor", "coordinator", "administrator", "admin",
    "officer", "specialist", "team", "teacher", "professor", "dean", "chair", "nurse", "physician", "attorney",
    "counsel", "editor", "producer", "interviewer", "panel", "panelist", "board", "staff", "senior", "sr",
    "junior", "jr", "intern", "superintendent", "secretary", "assistant", "executive", "member", "hiring",
    "human", "resources", "legal", "it", "data", "qa", "sre", "devops", "support", "customer", "success",
    "tech", "technical", "program", "project", "department", "dept", "committee", "office", "owner's", "cio",
    "pm", "developer", "generalist", "research", "acquisition", "software", "infrastructure", "platform",
    "security", "growth", "strategy", "account", "accounts", "business", "ux", "ui",
})  # fmt: skip
#: A first word that says "no name here" ("someone from HR", "the hiring manager").
#: ("An Nguyen" is a name: "a"/"an" only before a role, "an HR person").
_NO_NAME_START = frozenset({"the", "some", "someone", "somebody", "their", "our"})
#: A single word that is a role rather than a name ("recruiter"); other single words are names ("Lead").
_LONE_ROLES = frozenset({"recruiter", "interviewer", "hr", "someone", "somebody", "manager", "panel"})
#: Typed instead of a name ("idk", "not sure"): the note is addressed to the team.
_UNKNOWN = frozenset({"idk", "not sure", "unsure", "unknown", "forgot", "don't know", "dont know", "no idea", "?"})
#: Letters after a name: credentials, dropped from a greeting; doctoral ones make the greeting "Dr.".
DOCTORAL = frozenset({"phd", "ph.d", "ph.d.", "dphil", "md", "m.d", "m.d.", "edd", "psyd", "dds", "dmd", "dvm"})
CREDENTIALS = DOCTORAL | frozenset({"mba", "cpa", "pe", "rn", "bsn", "msn", "np", "pmp", "cfa", "esq", "esq.",
                                     "jd", "j.d.", "lcsw", "shrm-cp", "sphr", "phr", "frcs", "mrcp", "ma", "ms",
                                     "msc", "bsc", "ba"})  # fmt: skip
#: Written after a surname and part of the name ("Omar Haddad Jr."): never a title, never the surname.
GENERATIONAL = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_SEPARATOR = re.compile(r"\s+[-–—|/]\s+|\s*[|–—]\s*|[,:]\s*")
_PARENTHESIS = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]\s*")
#: "mike from engineering", "Jo at Acme": names never hold "from" or "at"; "in"/"on" only before a team.
_TEAM_AFTER = re.compile(r"(?i)^(.+?)\s+(from|at|@|in|on|with)\s+(?:the\s+)?(.+)$")
#: "An Nguyen's sous chef": someone known only through another person; the rest is their role.
_SOMEONES = re.compile(r"^\S.*?['’]s\s+(?P<role>\S.*)$")
_NOT_THE_NAME = re.compile(r"(?i)\b(?:name|not sure|unsure|forgot|idk|don'?t know|didn'?t catch|spell\w*)\b|\?")
_PRONOUNS = re.compile(r"(?i)^(?:she|he|they|ze|xe)/\w+(?:/\w+)?$")
_LEADING_ARTICLE = re.compile(r"(?i)^(?:the|a|an|our|their|his|her)\s+")
_QUESTION = re.compile(r"\s*\?+$")
_SPACES = re.compile(r"\s+")
_NOT_TYPED_BY_HAND = re.compile(r"[{}<>%$#*_=\\]")
#: Offices said before a name ("Deputy Director Harold Finch"): the title of a formal greeting.
OFFICES = ("deputy director", "associate director", "assistant director", "executive director", "director",
           "vice president", "president", "senator", "governor", "mayor", "ambassador", "commissioner",
           "chancellor", "superintendent", "principal", "councillor", "councilmember", "congressman",
           "congresswoman", "representative", "secretary", "captain", "lieutenant", "sergeant", "colonel",
           "general", "admiral", "commander", "officer", "detective", "inspector", "chief", "major", "corporal",
           "constable", "trooper", "sgt.", "sgt", "capt.", "capt", "lt.", "lt", "col.", "col", "cmdr.", "cmdr",
           "det.", "det", "insp.", "insp", "cpl.", "cpl", "maj.", "maj", "gen.", "gen")  # fmt: skip
OFFICE = re.compile(r"(?i)^(" + "|".join(map(re.escape, OFFICES)) + r")\s+(?=\S)")
_SURNAME_FIRST = re.compile(r"([^\W\d_][\w'’-]+),\s*([^\W\d_][\w'’-]+(?:\s[^\W\d_][\w'’.-]*)?)")
_JOINERS = frozenset({"of", "and", "&", "for", "at"})


@dataclass(frozen=True)
class NameField:
    """The name field read: the name to greet, the role typed with it, and whether the member doubted it."""

    name: str
    title: str | None = None
    no_name: bool = False  # only a role or "idk" was typed: `name` is how the note addresses them
    unsure: bool = False  # "sarah?", "(not sure of the spelling)"


def _words(text: str) -> list[str]:
    return [w.strip(".,&:;") for w in text.lower().split()]


def _is_role(text: str) -> bool:
    """Some word of it names a job or a team ("VP Eng", "engineering")."""
    return any(w in ROLE_WORDS for w in _words(text))


def _only_role(text: str) -> bool:
    """Every word is a job word ("hiring manager", "vp of sales"): no name is left in it."""
    words = [w for w in _words(text) if w]
    return bool(words) and all(w in ROLE_WORDS or w in _JOINERS for w in words)


def _addressed_as(role: str) -> str:
    """A role with no name: "Dear Hiring Manager," or "Dear Recruiter,"; any other role, the hiring team."""
    lower = role.lower()
    if "hiring manager" in lower:
        return "Hiring Manager"
    if re.search(r"\brecruit", lower):
        return "Recruiter"
    return "Hiring Team"


def _role(text: str) -> str:
    return _LEADING_ARTICLE.sub("", text.strip(" .,;:-")).strip()


def _split_tail(name: str) -> tuple[str, list[str], str] | None:
    """ "John Smith - VP Eng" → ("John Smith", ["VP Eng"], ""); "Lisa Wong, PhD" → ("Lisa Wong", [], ", PhD");
    None when a part is neither a role nor letters after a name ("Smith, John")."""
    parts = [p.strip() for p in _SEPARATOR.split(name) if p.strip()]
    if len(parts) < 2:
        return name, [], ""
    head, rest = parts[0], parts[1:]
    if len(parts) == 2 and _only_role(head) and not _is_role(rest[0]):
        return rest[0], [head], ""  # "Recruiter: Jess", "hiring manager - Tom"
    letters = [p for p in rest if p.lower().strip(".") in CREDENTIALS | GENERATIONAL]
    roles = [p for p in rest if p not in letters]
    if not all(_is_role(p) or _LEADING_ARTICLE.match(p) for p in roles):
        return None
    return head, [_role(p) for p in roles], "".join(f", {p}" for p in letters)


def _asides(text: str) -> tuple[list[str], bool] | None:
    """The roles in brackets ("Sarah (HR)"), and whether one doubts the name; None for a nickname ("(Bob)")."""
    roles, unsure = [], False
    for aside in (a.strip() for a in _PARENTHESIS.findall(text)):
        if _NOT_THE_NAME.search(aside):
            unsure = True
        elif _is_role(aside) or _LEADING_ARTICLE.match(aside):
            roles.append(_role(aside))
        elif aside and not _PRONOUNS.match(aside):
            return None
    return roles, unsure


def _team(text: str) -> tuple[str, str | None]:
    """ "mike from engineering" → ("mike", "engineering"); "Jo at Acme" → ("Jo", None)."""
    found = _TEAM_AFTER.match(text)
    if found is None:
        return text, None
    head, word, tail = found.groups()
    if word.lower() in ("from", "at", "@") or _is_role(tail):
        return head, _role(tail) if _is_role(tail) or word.lower() == "from" else None
    return text, None


@lru_cache(maxsize=256)
def read_name_field(typed: str) -> NameField:
    """Split what was typed into the name and the role typed with it (see the module docstring)."""
    if _NOT_TYPED_BY_HAND.search(typed):
        return NameField(typed)  # "{{ name }}", "<@U123>": not a name to take apart
    text = _SPACES.sub(" ", strip_emoji(typed)).strip()
    unsure = bool(_QUESTION.search(text))
    text = _QUESTION.sub("", text).strip(" ,;:!")
    asides = _asides(text)
    if asides is None:
        return NameField(text or typed)
    titles, doubted = asides
    text = _PARENTHESIS.sub(" ", text).strip(" ,;:-")
    split = _split_tail(text)
    if split is None:
        surname_first = _SURNAME_FIRST.fullmatch(text)  # "Smith, John", as calendars list people
        return NameField(f"{surname_first[2]} {surname_first[1]}" if surname_first else text, unsure=unsure)
    text, roles, letters = split
    text, team = _team(text)
    titles += [*roles, *([team] if team else [])]
    office = OFFICE.match(text)
    if office and len(text.split()) > len(office.group(1).split()):
        titles.append(office.group(1))
    title = ", ".join(dict.fromkeys(t for t in titles if t)) or None
    return _named(text, letters, title, unsure=unsure or doubted)


def _named(text: str, letters: str, title: str | None, *, unsure: bool) -> NameField:
    words = text.split()
    if not words or text.lower() in _UNKNOWN or _NOT_THE_NAME.search(text):  # "idk her name"
        return NameField(_addressed_as(title or ""), title, no_name=True)
    if someones := _SOMEONES.match(text):
        role = _role(someones["role"])
        return NameField(_addressed_as(role), title or role, no_name=True)
    first, rest = words[0].lower(), " ".join(words[1:])
    if len(words) == 1 and first not in _LONE_ROLES:
        return NameField(text + letters, title, unsure=unsure)  # "Lead", "Dean", "Their": a name as typed
    if first in _NO_NAME_START or (first in ("a", "an") and _only_role(rest)) or _only_role(text):
        role = _role(text)
        if not _is_role(role):  # "someone", "the tall guy"
            role = title or ""
        return NameField(_addressed_as(role), title or role or None, no_name=True)
    return NameField(text + letters, title, unsure=unsure)
