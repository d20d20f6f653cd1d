"""Finishing touches on a topic before it goes after "about": the small things a careful writer fixes.

- a list typed with commas only ("incident response, postmortems") gets its "and";
- an interview exercise named without an article ("case interview about a retailer", "sql question on
  graphs") gets "the", since both people know which one is meant;
- "leetcode style question" is written "leetcode-style question";
- a behavioural question kept in the interviewer's words ("a time you disagreed with your manager") is
  put in the member's ("a time I disagreed with my manager").

A list that mixes topics with a clause ("Tableau, SQL, and I'm detail oriented") is split here too, so the
caller can keep the topics and say what it left out.
"""

from __future__ import annotations

import itertools
import re

from bot.compose import grammar, inflect

#: Interview exercises and artefacts: countable, so never bare after "about".
COUNT_HEADS = frozenset(
    {"question", "exercise", "test", "scenario", "interview", "problem", "brainteaser", "puzzle", "assignment",
     "presentation", "demo", "walkthrough", "take-home", "simulation", "quiz", "exam", "lesson", "prompt",
     "role-play", "roleplay", "case", "challenge", "task", "study", "screen", "session", "deep-dive", "review"}
)  # fmt: skip
_PREPOSITIONS = frozenset({"on", "about", "of", "for", "with", "from", "in", "at", "to", "around", "involving"})
_NOT_BARE = grammar.DETERMINERS | grammar.POSSESSIVES | grammar.WH | grammar.SUBJECT_PRONOUNS | {"whether", "how"}
_STYLE = re.compile(
    r"\b(?!(?:my|your|our|their|his|her|its|the|a|an|this|that|in|of|on|for)\b)([\w-]+) (style|driven) (?=[a-z])",
    re.IGNORECASE,
)
_BEHAVIOURAL = re.compile(
    r"^((?:a|an|the|one) (?:time|situation|example|moment|project)(?: (?:when|where|that))?) you\b"
)
#: "the team culture, which seems really collaborative": a comment on the topic, not part of it.
_ASIDE_CLAUSE = re.compile(r"(?<=\w),\s+(?:which|who)\b.*$", re.IGNORECASE)
#: "legal research, especially Westlaw": an aside at the end of a topic, put in brackets so the sentence can go on.
_ASIDE_TAIL = re.compile(
    r",\s+((?:especially|mostly|mainly|including|particularly|like|esp\.?)\s+[^,()]+)$", re.IGNORECASE
)
_SECOND_PERSON = {"you": "I", "your": "my", "yours": "mine", "yourself": "myself"}
_ITEM_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+and\s+(?=(?:I|i|we|she|he|they)\b|I['’])")
_LIST_ITEM_WORDS = 4
_AMOUNT_ITEM_WORDS = 8
#: "good at research", "great with customers", "detail oriented": how a member describes themselves.
DESCRIBED_BY = re.compile(
    r"^(?:(?:really|very|pretty|super)\s+)?(?:good|great|strong|excellent|comfortable|patient|calm|organi[sz]ed|"
    r"reliable|adaptable|curious|creative|proactive|resourceful|detail[ -]oriented|hard[ -]working|self[ -]motivated|"
    r"gentle|kind|friendly|flexible|dependable|punctual|empathetic|bilingual|trilingual|fluent|handy|quick|fast|"
    r"eager|keen|willing|motivated|passionate)"
    r"(?:\s+\([^)]*\))?(?:\s+(?:at|with|in|under|to|about|on)\s+.+)?$|^(?:[\w&+-]+\s+){0,2}certified(?:\s+\([^)]*\))?(?:\s+in\s+.+)?$",
    re.IGNORECASE,
)
_NOT_DESCRIBING = _NOT_BARE | {"growing", "building", "leading", "running", "managing", "doing", "making"}
#: "4 yrs tutoring", "10 years of experience": an amount the member has.
_HAD = re.compile(
    r"^(?:\d+\+?|a few|several|many|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)\s+(?:years?|months?)"
    r"(?![\w'’-])",
    re.IGNORECASE,
)
#: After an amount, words that already say what it is of ("5 years as a nurse", "3 years there").
_OF_ALREADY = frozenset({"as", "across", "under", "there", "here", "now", "total", "experience's", "old", "ago"})
_PEOPLE = frozenset(
    {"player", "person", "learner", "listener", "communicator", "writer", "leader", "thinker", "engineer", "analyst",
     "scientist", "strategist", "specialist", "generalist", "self-starter", "problem-solver", "storyteller",
     "wizard", "pro", "expert", "nerd", "geek", "whiz", "ninja", "natural", "perfectionist", "optimist", "go-getter",
     "multitasker", "organizer", "organiser", "planner", "fixer", "hustler", "historian", "artist", "mentor",
     "candidate", "student", "graduate", "grad", "speaker", "native"}
)  # fmt: skip
#: Words that open an aside rather than a list item ("…, super cool", "…, really interesting").
_ASIDE = frozenset(
    {"super", "really", "very", "so", "pretty", "quite", "totally", "kind", "sort", "which", "who", "especially",
     "including", "like", "mainly", "mostly", "not", "but", "though", "plus"}
)  # fmt: skip


def is_clause(item: str) -> bool:
    """A list item with its own subject: "I'm detail oriented", "she said yes", "the team is small"."""
    words = item.split()
    if not words:
        return False
    first = words[0].lower().rstrip(",")
    return (
        first in grammar.SUBJECT_PRONOUNS - {"this", "that"}
        or first in grammar.CONTRACTED
        or first in grammar.FIRST_PERSON
        or any(w.lower() in grammar.AUXILIARIES for w in words[1:3])
    )


def list_items(text: str) -> list[str]:
    """ "Tableau, SQL, and I'm detail oriented" → ["Tableau", "SQL", "I'm detail oriented"]."""
    return [item.strip() for item in _ITEM_SPLIT.split(text) if item.strip()]


def join(items: list[str]) -> str:
    """["A"] → "A"; ["A", "B"] → "A and B"; ["A", "B", "C"] → "A, B and C". In a list of skills a lone "go" is
    the language ("Go, Kafka")."""
    items = ["Go" if item == "go" else item for item in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _with_and(text: str) -> str:
    """ "incident response, postmortems" → "incident response and postmortems" (short items, no clause)."""
    if "," not in text or re.search(r"\b(?:and|or|but)\b", text, re.IGNORECASE):
        return text
    items = [item.strip() for item in text.split(",") if item.strip()]
    if not 2 <= len(items) <= 5 or any(_too_long(i) or is_clause(i) for i in items):
        return text
    if any(item.split()[0].lower() in _ASIDE for item in items):
        return text  # "the new sequencing core, super cool": an aside, not a list
    if len(items) == 2 and (
        _determined(items[0]) != _determined(items[1]) or (items[1][:1].isupper() and _determined(items[0]))
    ):
        return text  # "your dog, Biscuit", "the CTO, Maria": a name for the same thing
    return join(items)


def _too_long(item: str) -> bool:
    """Longer than a list item, unless an amount ("2 years of experience in local government")."""
    return len(item.split()) > (_AMOUNT_ITEM_WORDS if _HAD.match(item) else _LIST_ITEM_WORDS)


def _determined(item: str) -> bool:
    return item.split()[0].lower() in grammar.DETERMINERS | grammar.POSSESSIVES


def _with_article(text: str) -> str:
    """ "case interview about a retailer's falling profits" → "the case interview about …"."""
    words = text.split()
    if not words or words[0].lower() in _NOT_BARE or words[0][:1].isdigit():
        return text
    head = []
    for word in words[:4]:
        bare = word.rstrip(",;:")
        if bare.lower() in _PREPOSITIONS or bare.lower() in ("and", "or"):
            break
        head.append(bare)
        if bare != word:
            break
    counted = head and (head[-1].lower() in COUNT_HEADS or (head[-1].lower() == "call" and len(head) > 1))
    if counted and not head[0].endswith(("'s", "’s")) and head[0].lower() != "code":
        return "the " + text
    return text


def _in_my_words(text: str) -> str:
    """ "a time you disagreed with your manager" → "a time I disagreed with my manager"."""
    found = _BEHAVIOURAL.match(text)
    if not found:
        return text
    rest = text[found.end(1) :].split()
    return " ".join([found.group(1), *(_SECOND_PERSON.get(w.lower(), w) for w in rest)])


def described_person(item: str) -> bool:
    """ "strong writer", "fast learner": a person noun with up to two words before it, which describes the
    member (not "growing a newsletter", "customer", "my team")."""
    words = re.sub(r"\s*\([^()]*\)", "", item).split()  # "CPA candidate (passed 2 sections)"
    if len(words) > 1 and words[0].lower() in ("a", "an"):  # "a team player"
        words = words[1:]
    head = list(itertools.takewhile(lambda w: w.lower() not in _PREPOSITIONS, words))
    return bool(head) and len(head) <= 3 and _person_noun(head[-1]) and not _NOT_DESCRIBING & {w.lower() for w in head}


#: "cashier 3 years", "ICU 6 years": the amount typed after what it is of.
_HAD_AFTER = re.compile(
    r"^(?P<what>[^\d,()]+?)\s+(?P<had>(?:\d+\+?|a few|several|many|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:years?|months?))(?P<tail>\s+(?:at|in|with|for|on)\s+[^,]+)?$",
    re.IGNORECASE,
)
#: People named by their job, though no verb is inside the word ("cashier", "nurse", "barista").
_ROLES = frozenset({"nurse", "barista", "chef", "cook", "clerk", "nanny", "medic", "paramedic", "guard", "tutor",
                    "carer", "caregiver", "teller", "courier", "porter", "janitor", "mechanic", "waitress",
                    "hostess"})  # fmt: skip
_ROLE_ENDINGS = ("ier", "ist", "ician", "ant")


def _role(words: list[str]) -> bool:
    """ "cashier", "night nurse", "line cook": the last word names a person by their job."""
    last = words[-1].lower()
    return last in _ROLES or _person_noun(last) or (last.endswith(_ROLE_ENDINGS) and "NOUN" in inflect.lemmas(last))


def _fronted(item: str) -> str | None:
    """ "cashier 3 years" → "3 years as a cashier"; "ICU 6 years" → "6 years of ICU experience"."""
    found = _HAD_AFTER.match(item)
    if found is None or found.group("what").split()[0].lower() in _NOT_BARE | grammar.FUNCTION:
        return None
    what, had, tail = found.group("what"), found.group("had"), found.group("tail") or ""
    if len(what.split()) > _LIST_ITEM_WORDS:
        return None
    if _role(what.split()):
        return f"{had} as {'an' if what[:1].lower() in 'aeiou' else 'a'} {what}{tail}"
    return amount(f"{had} {what}{tail}")


def amount_unsure(item: str) -> bool:
    """ "10 years nursing home": an "-ing" word that names a kind of thing ("nursing home", "shipping dock"), so
    no preposition can be guessed; the amount stays as typed and the member is asked to check it."""
    found = _HAD.match(item.strip())
    rest = item.strip()[found.end() :].split() if found else []
    if len(rest) != 2 or not rest[0].lower().endswith("ing"):  # "4 years tutoring", "5 years teaching kids"
        return False
    second = rest[1].lower().strip(",.")
    return inflect.lemmas(second).get("NOUN", ("",))[0] == second


def amount(item: str) -> str:
    """ "6 years ICU" → "6 years of ICU experience", "8 years" → "8 years of experience", "5 years experience
    in retail" → "5 years of experience in retail": an amount names what it is of. "3 years at a vet", "5
    years teaching" and "2 years' experience" already do, and stay."""
    found = _HAD.match(item)
    if found is None:
        return _fronted(item) or item
    rest = item[found.end() :].split()
    if not rest:
        return item + " of experience"
    first = rest[0].lower()
    if first in _PREPOSITIONS | _OF_ALREADY or first.startswith(("'", "’")) or first.endswith("ing"):
        return item
    noun = list(itertools.takewhile(lambda w: w.lower() not in _PREPOSITIONS and not w.endswith(","), rest))
    if not noun or len(noun) > _LIST_ITEM_WORDS or noun[0].lower() in _NOT_BARE | grammar.FUNCTION:
        return item
    after = rest[len(noun) :]
    if noun[-1].lower() not in ("experience", "background") and not noun[-1].lower().endswith("ing"):
        noun = [*noun, "experience"]
    return " ".join([item[: found.end()], "of", *noun, *after])


def _person_noun(word: str) -> bool:
    """ "writer", "developer", "communicator": someone who does something (not "newsletter", "customer")."""
    lower = word.lower()
    if lower in _PEOPLE:
        return True
    if not lower.endswith(("er", "or")) or "NOUN" not in inflect.lemmas(lower):
        return False
    return any(inflect.verb_lemma(stem) == stem for stem in (lower[:-2], lower[:-1], lower[:-2] + "e") if len(stem) > 2)


def polish_list(text: str) -> str:
    """A list of strengths with its "and" ("SQL, Python, Tableau" → "SQL, Python and Tableau")."""
    text = ", ".join(amount(item.strip()) for item in text.split(","))  # "SQL, 6 years ICU"
    return _with_and(_STYLE.sub(lambda m: f"{m.group(1)}-{m.group(2)} ", text))


def in_first_person(text: str) -> str:
    """ "your biggest weakness" → "my biggest weakness": the interviewer's "you" is the member."""
    return " ".join(_SECOND_PERSON.get(word.lower(), word) for word in text.split())


def polish(text: str) -> str:
    """A topic as a careful writer would put it after "about" (see the module docstring)."""
    text = _STYLE.sub(lambda m: f"{m.group(1)}-{m.group(2)} ", _ASIDE_CLAUSE.sub("", text))
    text = _ASIDE_TAIL.sub(lambda m: f" ({m.group(1)})", text)
    return _in_my_words(_with_article(_with_and(text)))
