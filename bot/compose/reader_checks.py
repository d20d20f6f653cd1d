"""Checks of how a note reads to its reader: their name written exactly as given, words that are easy to mix
up ("there team"), and a link promised but never pasted. Part of `checks.proofread`."""

from __future__ import annotations

import re

from bot.compose import confusables
from bot.compose.lazy_re import LazyPattern
from bot.compose.note_facts import GREETING_WORD, ReadNote, quote
from bot.compose.scan import case_blind_safe, has_whole_word
from bot.compose.wordlists import GENERIC_RECIPIENTS
from bot.drafts import Check

#: "Here is my portfolio", "as promised, the slides": a resource the sentence says is in the note.
_PROMISE = LazyPattern(
    r"\b(?:here\s+(?:is|are)|here['’]s|as\s+promised|below\s+is|you\s+can\s+find|i['’]ve\s+linked|i\s+have\s+linked|"
    r"linked\s+(?:below|above|here))\b[^.!?\n]*?\b(?P<what>link|portfolio|site|website|talk|article|post|blog|repo|"
    r"repository|slides|deck|paper|write-?up|case\s+study|demo|video|recording|notebook|samples?)\b",
    re.IGNORECASE,
)
#: One of these, as a whole word, starts every promise `_PROMISE` finds.
_PROMISE_WORDS = ("here", "promised", "below", "find", "linked")
_LINKISH = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|io|dev|app|co|me|ai|edu|gov|uk|de|page|site)\b", re.I)
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame", "rev", "herr",
                         "frau", "coach", "chef", "judge", "pastor", "rabbi", "imam", "father", "sister",
                         "brother"})  # fmt: skip


def _may_promise(text: str) -> bool:
    """Whether `_PROMISE` could match: far cheaper than the pattern, and usually "no"."""
    if not case_blind_safe(text):
        return True
    lower = text.lower()
    return any(has_whole_word(word, lower) for word in _PROMISE_WORDS)


def name_forms(recipient: str, address: str) -> tuple[str, ...]:
    """Ways a note may rightly call someone: as greeted, in full, first name, or surname ("Ms. Natarajan")."""
    parts = [p for p in recipient.split() if len(p.rstrip(".")) > 1 and p.rstrip(".").lower() not in _HONORIFICS]
    return tuple(dict.fromkeys(f for f in (address, recipient, *parts[:1], *parts[-1:]) if f.strip()))


def _whole_word(word: str, text: str, flags: int = 0) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags) is not None


def _greeted(body: str) -> str:
    """Who the first line greets ("Mrs. Parks" in "Dear Mrs. Parks,"), or "" when it is no greeting."""
    line = next((line for line in body.splitlines() if line.strip()), "")
    if not GREETING_WORD.match(line):
        return ""
    return GREETING_WORD.sub("", line).split(",")[0].strip(" .:;!—-")


def name_missing(note: ReadNote) -> Check | None:
    """The name as a whole word and as given: "Mrs. Parks" is not "Park", and "sarah" is not "Sarah"."""
    facts = note.facts
    forms = name_forms(facts.recipient, facts.address)
    if any(_whole_word(form, note.body) for form in forms):
        return None
    written = _greeted(note.body)
    if written and written.lower() not in GENERIC_RECIPIENTS:
        return Check(
            code="name-missing",
            level="error",
            message=f"The note calls them “{written}”, but the name you gave is “{facts.recipient}”. Write it "
            f"exactly as “{facts.address}”; a misspelled name is the one slip people always notice.",
        )
    return Check(
        code="name-missing",
        level="error",
        message=f"The note doesn't greet {facts.recipient} by the name you gave. Check the greeting matches "
        f"“{facts.address}” exactly; a misspelled name is the one slip people always notice.",
    )


def confusable(note: ReadNote) -> Check | None:
    slips = confusables.find_all(note.masked)
    if not slips:
        return None
    shown = [f"{slip.context} (→ {slip.right})" for slip in slips]
    return Check(
        code="confusable",
        level="warning",
        message=f"Easy to mix up: {quote(shown)}. Both spellings are real words, so a spell checker "
        "won't catch it; check the one that fits.",
    )


def link_missing(note: ReadNote) -> Check | None:
    text = note.masked
    if not _may_promise(text):
        return None
    promise = _PROMISE.search(text)
    if promise is None or _LINKISH.search(note.body):
        return None
    what = promise.group("what").lower()
    return Check(
        code="link-missing",
        level="warning",
        message=f"The note promises a {what} but has no link in it. Paste the link in, or offer it instead: "
        f"“I'd be glad to share my {what}.”",
    )
