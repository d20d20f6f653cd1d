"""What the proofreading checks read: the facts beside a note's text, the note with its proper nouns masked,
and the small helpers every check's message uses. Shared by `checks.py` and `reader_checks.py`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.answers import Channel

#: A greeting word at the start of the first line ("Dear", "Hi", "Good morning").
GREETING_WORD = re.compile(r"^(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening))\b[\s,]*", re.IGNORECASE)


@dataclass(frozen=True)
class NoteFacts:
    """What the checks know beyond the text of the note."""

    channel: Channel
    recipient: str  # the name as the user gave it
    address: str  # how the note greets them ("Priya" for "Priya Natarajan")
    proper_nouns: tuple[str, ...] = ()  # names, company, role, titles: never flagged
    user_texts: tuple[str, ...] = ()  # the user's own words that went into the note
    about_reader: tuple[str, ...] = ()  # of those, what the user wrote about this interviewer
    whole_note: bool = False  # spell-check every word (a note edited by hand), not only `user_texts`


@dataclass(frozen=True)
class ReadNote:
    """A note as the checks read it: the text as written, and with proper nouns masked."""

    body: str
    masked_subject: str  # proper nouns masked
    masked_body: str
    facts: NoteFacts

    @property
    def masked(self) -> str:
        return f"{self.masked_subject}\n{self.masked_body}"


#: At most this many items are named in one message.
SHOWN = 4


def quote(items: Sequence[str], limit: int = SHOWN) -> str:
    shown = ", ".join(f"“{item}”" for item in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def verb(items: Sequence[str], one: str, many: str) -> str:
    return one if len(items) == 1 else many
