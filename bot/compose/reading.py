"""One answer, read: the `Reading` every reader returns (bot/compose/shapes.py, own_answers.py), and the small
helpers they share (first word in lower case, a verb early in the answer, words that say nothing specific)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.compose import grammar, inflect

Form = Literal["topic", "clause", "none"]
#: Answer fields the composer reads; the first two are about the interviewer.
FIELDS = ("discussed", "detail", "strengths", "add", "share")
#: Longer than this (words) is a ramble: only its first usable part goes into the note.
RAMBLE = 25
#: The most words a topic or clause may bring into one sentence.
MAX_WORDS = {"discussed": 18, "detail": 18, "strengths": 18, "add": 30, "share": 12}

#: A lone word or phrase that says nothing specific.
VAGUE = frozenset(
    {"stuff", "things", "everything", "anything", "nothing", "general", "the job", "the role", "the company",
     "work", "a lot", "lots", "misc", "various", "n/a", "na", "none", "no", "nope", "not sure", "unsure",
     "dunno", "whatever", "same", "same as above", "see above", "the usual", "usual stuff", "good", "great",
     "fine", "ok", "okay", "nice", "fun", "cool", "interesting", "it", "that", "this", "yes", "skip", "-",
     "nothing really", "nothing much", "not much", "idk", "the interview", "the position", "questions"}
)  # fmt: skip
_LEADING_WORD_LOWER = re.compile(
    r"^(?:(The|A|An|Our|My|Your|Their|This|That|These|Those|Some|Any|All|Each|Every|Her|His)\b(?=\s+[a-z0-9])|"
    r"(What|Why|How|When|Where|Who|Which|Whether)\b(?=\s))"
)
_CAPITAL_GERUND = re.compile(r"^([A-Z][a-z]+ing)\b")
GERUND = re.compile(r"^[a-z]+ing\b", re.IGNORECASE)
TRAILING = ".,;:!? -–—"


@dataclass(frozen=True)
class Reading:
    """One answer, read: its shape as typed, and the words that go into the note in the form named."""

    field: str
    shape: str  # as typed: "noun phrase", "question", "clause", "sentences", "ramble", …
    form: Form
    text: str  # "" when form is "none"
    certain: bool = True
    shortened: bool = False
    reason: str = ""  # why it was left out, in words for the member (form "none")
    link: str = ""  # share: the web address found in it


def lower_first(text: str) -> str:
    """ "The roadmap" → "the roadmap", "Moving to Kafka" → "moving to Kafka"; "The Hague", "Beijing" stay."""
    text = _LEADING_WORD_LOWER.sub(lambda m: (m.group(1) or m.group(2)).lower(), text, count=1)
    gerund = _CAPITAL_GERUND.match(text)
    if gerund and inflect.verb_lemma(gerund.group(1).lower()) not in (None, gerund.group(1).lower()):
        return text[0].lower() + text[1:]
    return text


def aux_early(words: list[str]) -> bool:
    """A noun phrase followed by a verb ("the team is growing fast"): a clause, not a topic."""
    for index in range(1, min(len(words), 5)):
        lower = words[index].lower()
        if lower in grammar.AUXILIARIES or lower.endswith("n't") or lower in ("won't", "can't"):
            before = words[:index]
            return all(w.lower() not in grammar.AUXILIARIES and not w.endswith(",") for w in before)
    return False
