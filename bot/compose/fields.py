"""Turn answers into the variables a phrasing may use, shaped so they read naturally mid-sentence.

The changes are deliberately small and predictable: trailing punctuation is dropped (the phrasing ends
the sentence), a leading article or "about" that would double up is removed, and a possessive at the start
of a detail ("her team's redesign") becomes "your", because the note is written to that person.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, tzinfo
from functools import lru_cache

from bot.answers import Answers, Interviewer, InterviewFormat, Tone
from bot.compose.name_field import CREDENTIALS, DOCTORAL, GENERATIONAL, OFFICE
from bot.compose.names import about_reader, respelled
from bot.compose.proper_words import ACRONYMS, PRODUCTS
from bot.compose.reading import Reading
from bot.compose.wordlists import GENERIC_RECIPIENTS

_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame", "rev", "herr",
                         "frau", "coach", "chef", "judge", "pastor", "rabbi", "imam", "father", "sister",
                         "brother"})  # fmt: skip
#: A religious name is said whole ("Sister Mary Clare", never "Sister Clare").
_WHOLE_NAME = frozenset({"father", "sister", "brother"})
#: A nickname's first word that is no first name ("Big Mike" is greeted as "Big Mike", never "Big").
_NICKNAME_WORDS = frozenset({"big", "little", "lil", "old", "young", "uncle", "auntie"})
_MEETING: dict[InterviewFormat | None, str] = {
    "phone": "call",
    "video": "video call",
    "onsite": "meeting",
    "panel": "panel interview",
    "other": "conversation",
    None: "conversation",
}
_LEADING_DETERMINER = re.compile(r"^(The|A|An|Our|My|Your|This|That|These|Those)\b(?=\s+[a-z])")
_LEADING_ABOUT = re.compile(r"^(?:about|discussing|talking about|we discussed|we talked about)\s+", re.IGNORECASE)
_LEADING_POSSESSIVE = re.compile(r"^((?:\w+ing\s+)?)(?:her|his|their)\b(?=\s)", re.IGNORECASE)
#: "their PLG motion and how they think about …": "their" is the company here, so it stays.
_THEY_LATER = re.compile(r"\s.*\b(?:they|them|their|theirs)\b", re.IGNORECASE)
_ROLE_NOUN = re.compile(r"\s+(?:role|position|job|opening|opportunity)$", re.IGNORECASE)
_ROLE_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_LINK = re.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+/\S*$", re.IGNORECASE)
_TRAILING = ".,;:!? "


def _is_latin(text: str) -> bool:
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


#: Letters after a name that are never a surname, so they go even without a comma ("Lisa Wong PhD"); others
#: only after one ("Jane Doe, MA", but "Jack Ma").
_SURELY_LETTERS = frozenset({"phd", "ph.d", "dphil", "edd", "psyd", "dds", "dmd", "dvm", "mba", "cpa", "esq", "jr",
                             "sr", "ii", "iii", "iv"})  # fmt: skip


def _bare_name(name: str) -> tuple[list[str], bool] | None:
    """The words of a name without the credentials after it ("Lisa Wong, PhD"; "Jr." is part of the name), and
    whether they make the person a doctor. None when a comma holds anything else ("Smith, John")."""
    head, *after = name.split(",")
    parts, letters = head.split(), [a.strip() for a in after]
    if not all(a.lower().rstrip(".") in CREDENTIALS | GENERATIONAL for a in letters):
        return None
    parts += [a for a in letters if a.lower().rstrip(".") in GENERATIONAL]
    letters = [a for a in letters if a.lower().rstrip(".") not in GENERATIONAL]
    while len(parts) > 2 and parts[-1].lower().rstrip(".") in _SURELY_LETTERS - GENERATIONAL:
        letters.append(parts.pop())
    doctor = any(a.lower().rstrip(".") in DOCTORAL or f"{a.lower().rstrip('.')}." in DOCTORAL for a in letters)
    return parts, doctor


def _surname(parts: list[str]) -> str:
    """The last word that is not "Jr." or "III"."""
    named = [p for p in parts if p.lower().rstrip(".") not in GENERATIONAL] or parts
    return named[-1]


@lru_cache(maxsize=256)
def address_name(name: str, tone: Tone = "warm") -> str:
    """How the note greets someone. With an honorific: "Dr. García" ("Mr and Mrs Smith" whole). With an
    office ("Deputy Director Harold Finch"): formal "Deputy Director Finch", else the first name. Formal: the
    name as given, without letters after it ("Lisa Wong, PhD" is "Dr. Wong"). Warm and concise: the first name
    when it is safe to pick out ("J. Robert Oppenheimer" goes by Robert), else the name as given (initials,
    single names, non-Latin scripts, whose name order varies)."""
    bare = _bare_name(name)
    if bare is None or name.lower() in GENERIC_RECIPIENTS:  # "Hiring Manager" is greeted whole
        return name
    parts, doctor = bare
    first = parts[0].rstrip(".") if parts else name
    if any(part.lower() in ("and", "&") for part in parts):
        return " ".join(parts)  # "Mr and Mrs Smith", "Sam & Alex": both of them
    if first.lower() in _HONORIFICS:
        whole = len(parts) <= 2 or first.lower() in _WHOLE_NAME
        return " ".join(parts) if whole else f"{parts[0]} {_surname(parts)}"  # "Dr. Ana García" → "Dr. García"
    office = OFFICE.match(" ".join(parts))
    if office and len(parts) > len(office.group(1).split()):
        titled = f"{office.group(1)} {_surname(parts)}"  # as typed: "Deputy Director Finch"
        named = parts[len(office.group(1).split()) :]
        return titled if tone == "formal" or len(named) < 2 else address_name(" ".join(named), tone)
    if tone == "formal" or first.lower() in _NICKNAME_WORDS or len(parts) < 2:
        return f"Dr. {_surname(parts)}" if doctor and tone == "formal" and len(parts) > 1 else " ".join(parts)
    if len(first) < 2 and len(parts) > 2 and len(parts[1].rstrip(".")) > 1 and _is_latin(name):
        return parts[1]  # "J. Robert Oppenheimer"
    if len(first) < 2 or not any(map(str.isalpha, first)) or not _is_latin(name):
        return " ".join(parts)
    return parts[0]


def noun_phrase(text: str, *, to_reader: bool = False) -> str:
    """Shape a free answer to follow "about …" or "hearing about …" inside a sentence. With `to_reader`,
    a leading "her/his/their" (the interviewer, as the candidate described them) becomes "your"."""
    text = _LEADING_ABOUT.sub("", text.strip().rstrip(_TRAILING))
    if to_reader:
        text = _LEADING_POSSESSIVE.sub(lambda m: f"{m.group(1)}your", text, count=1)
    return _LEADING_DETERMINER.sub(lambda m: m.group(1).lower(), text, count=1)


def clause(text: str) -> str:
    """A free answer placed after a colon: kept as typed, minus trailing punctuation."""
    return text.strip().rstrip(_TRAILING)


def role_name(role: str) -> str:
    """Turn "the Senior Engineer position" into "Senior Engineer", to sit inside "the … role"."""
    return _ROLE_ARTICLE.sub("", _ROLE_NOUN.sub("", clause(role))) or role


#: Letters a job title writes in capitals beyond the acronyms of proper_words.py ("IT Support", "RN", "Level II").
_ROLE_CAPITALS = ACRONYMS | frozenset({"it", "rn", "rns", "er", "lpn", "cna", "emt", "bi", "cx", "svp", "evp",
                                       "avp", "gm", "ar", "ap", "dei", "esl", "ell", "gis", "cnc", "ehs", "ii", "iii",
                                       "iv", "vi", "vii", "viii", "k-12", "hci", "sdet", "bdr", "sdr", "csm", "a&e",
                                       "r&d", "np", "pa", "slp", "bcba", "rbt", "lcsw", "lmft", "crna", "ae", "ta",
                                       "l&d", "fp&a", "hris", "pmo", "bdm", "hse"})  # fmt: skip
#: Small words a title keeps in lower case after its first word ("VP of Sales", "Head of Customer Success").
_ROLE_SMALL = frozenset({"of", "and", "for", "the", "in", "at", "to", "on", "with", "a", "an", "&", "or", "per"})
#: Prefixes whose hyphenated word is one word, so only its start is a capital.
_PREFIXES = frozenset({"co", "e", "re", "pre", "non", "multi", "sub", "semi", "anti", "mid", "self", "post"})
#: Units after a number in a role ("contract, 6 mo", "20 hrs/week"), kept as typed.
_UNITS = frozenset({"mo", "mos", "month", "months", "wk", "wks", "week", "weeks", "yr", "yrs", "year", "years",
                    "hr", "hrs", "hour", "hours", "day", "days"})  # fmt: skip
_ROLE_SHORTENED = {"sr": "Sr.", "jr": "Jr.", "asst": "Asst.", "assoc": "Assoc.", "mgr": "Mgr.", "dir": "Dir."}
_ROLE_WORD = re.compile(r"[^\W_][\w'’&]*(?:-[^\W_][\w'’&]*)*\.?")
#: A role that is a link, an address, a product's own styling ("monday.com") or a doubt ("idk", "not sure?") is
#: left as typed: it is no title to write with capitals.
_NOT_A_TITLE = re.compile(r"@|://|www\.|\.\w|\?|^(?:idk|tbd|tbc|n/?a|not sure|unsure|unknown|dunno|no idea)\b")


def _role_word(match: re.Match[str]) -> str:
    """One word of a job title as titles are written: known acronyms in capitals ("UX", "RN", "II"), products as
    they spell themselves ("Salesforce Admin"), "sr" as "Sr.", small words lower after the first, ordinals as
    typed ("3rd"), and each hyphenated part capitalised ("Full-Stack")."""
    word = match.group(0)
    bare, dot = word.rstrip("."), "." if word.endswith(".") else ""
    if bare in _ROLE_SHORTENED:
        return _ROLE_SHORTENED[bare]
    if bare in _ROLE_CAPITALS or (bare == "or" and match.start() == 0):  # "OR Nurse", "Cook or Server"
        return bare.upper() + dot
    if bare in PRODUCTS:
        return PRODUCTS[bare] + dot
    if bare in _ROLE_SMALL and match.start() > 0:
        return word
    if bare[0].isdigit() or (bare in _UNITS and match.string[: match.start()].rstrip()[-1:].isdigit()):
        return word  # "3rd", "6 months"
    head, *tail = bare.split("-")
    if head in _PREFIXES:  # "Co-op Student", "Pre-sales Engineer"
        return head.capitalize() + "".join(f"-{part}" for part in tail) + dot
    return "-".join(_role_part(part) for part in bare.split("-")) + dot


def _role_part(part: str) -> str:
    if part in _ROLE_CAPITALS:
        return part.upper()  # "PA-C"
    return part if part in _ROLE_SMALL else part[:1].upper() + part[1:]


@lru_cache(maxsize=128)
def proper_role(role: str) -> str:
    """A role typed all in lower case, written as a job title ("ux researcher ii" → "UX Researcher II", "vp of
    sales" → "VP of Sales"). A role typed with any capital is the member's own styling and stays as typed."""
    if role != role.lower() or role == role.upper() or _NOT_A_TITLE.search(role):
        return role
    return _ROLE_WORD.sub(_role_word, role)


def is_link(text: str) -> bool:
    return bool(_LINK.match(text.strip()))


def relative_day(moment: datetime, *, now: datetime, tz: tzinfo) -> str | None:
    """The day as "today", "yesterday" or "on Tuesday" within the last week, else None."""
    days = (now.astimezone(tz).date() - moment.astimezone(tz).date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if 2 <= days <= 6:
        return "on " + moment.astimezone(tz).strftime("%A")
    return None


#: Variables that hold the member's own words (a link is never re-spelled).
_ANSWERED = frozenset({"strengths", "strengths_clause", "add", "add_wish", "share", "share_label"})
#: "my approach to caching", "why I'm leaving my job": the member's own answer, which a strength is not tied
#: back to ("Having heard more about why I'm leaving my job, …" only says again what the member said).
_OWN_TOPIC = re.compile(r"(?i)^(?:my|our)\s|(?<![\w'’])(?:I|I['’]m|I['’]ve|I['’]d|me|my)(?![\w'’])")
#: "if I'd help with the club" as a topic: the question whether, never a condition without its result.
_IF_QUESTION = re.compile(r"(?i)^if\s+(?:I|I['’]d|I['’]m|we|they|she|he|you|the|there|it)\b(?!.*,)")
#: A topic this short may be named a second time, to tie the strength to it.
TOPIC_WORDS = 8


def reading_variables(reading: Reading | None) -> dict[str, str]:
    """The variables one read answer supplies: its form decides the name (see bot/compose/bank.py)."""
    if reading is None:
        return {}
    field, text = reading.field, reading.text
    if field == "share":
        if reading.link:
            return {"link": reading.link} | ({"share_label": text} if text else {})
        return {"share": text} if text else {}
    if reading.form == "none" or not text:
        return {}
    if field in ("discussed", "detail") and reading.form == "topic" and not _THEY_LATER.search(text):
        text = _LEADING_POSSESSIVE.sub(lambda m: f"{m.group(1)}your", text, count=1)
    if field == "add" and reading.shape == "wish":  # "I'd love to meet the team" → "meet the team"
        return {"add_wish": text}
    if reading.form == "clause" and field != "add":
        return {f"{field}_clause": text}
    if reading.form == "topic" and _IF_QUESTION.match(text):  # "if I'd help with the club": a yes/no question
        text = "whether" + text[2:]
    found = {field: text}
    tie = len(text.split()) <= TOPIC_WORDS and not any(mark in text for mark in ",:;()")
    if field == "discussed" and tie and not _OWN_TOPIC.search(text):
        found["topic"] = text
    return found


def shared_variables(answers: Answers, readings: dict[str, Reading], *, when: str | None) -> dict[str, str]:
    """The variables every note of a panel may share (bot/compose/panel.py decides who gets `add`, `share`
    and `strengths`). Missing optional answers are absent, except `when`, which phrasings place between
    two words so that it can be empty."""
    found: dict[str, str | None] = {
        "candidate": answers.candidate,
        "company": answers.company,
        "meeting": _MEETING[answers.format],
        "role": role_name(answers.role) if answers.role else None,
    }
    for field in ("strengths", "add", "share"):
        found |= reading_variables(readings.get(field))
    written = {key: value for key, value in found.items() if value}
    return {key: respelled(value, answers.company) if key in _ANSWERED else value for key, value in written.items()} | {
        "when": when or ""
    }


def person_variables(
    person: Interviewer, tone: Tone, readings: dict[str, Reading], *, company: str = ""
) -> dict[str, str]:
    """The variables of one interviewer's note: their answers name the company as it is spelled, and the
    reader by "your" ("Alex's dog" in a note to Alex)."""
    found = {"name": person.name, "address": address_name(person.name, tone)}
    for field in ("discussed", "detail"):
        answered = reading_variables(readings.get(field))
        found |= {key: respelled(about_reader(value, person.name), company) for key, value in answered.items()}
    return found
