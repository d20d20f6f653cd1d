"""One answer line for a question that fills several fields ("Engineering Manager, priya@acme.example").

People separate the parts however they like; `;` always splits (the `--jsonl` contract), and without it an
e-mail address is found wherever it is, the rest being the main answer. A part that is missing is not
given (so editing a title never clears the e-mail); a part that says "skip" or "none" is given as empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot import messages
from bot.conversation.cursor import set_value
from bot.conversation.flow import Step
from bot.conversation.parsers import Reject, means_skip

#: Reads one part with its step's parser; raises `Reject` with the reason for the member.
Reader = Callable[[Step, str], object]

#: Anything with an @ is meant as an e-mail address, so a malformed one is refused rather than kept as a title.
_EMAIL = re.compile(r"[^\s,;<>()]*@[^\s,;<>()]*")
_NO_EMAIL = re.compile(
    r"[\s,;]*(?:and\s+|but\s+)?(?:i\s+)?(?:no|not sure of|don'?t (?:have|know)|"
    r"dont (?:have|know)|no idea (?:of|about)|didn'?t get)"
    r"\s+(?:an?\s+|the(?:ir)?\s+|his\s+|her\s+)?e-?mail\b.*$",
    re.I,
)
_JOINERS = re.compile(r"^(?:[\s,;:/|–—-]|and\b|email\b|e-mail\b)+|(?:[\s,;:/|–—-]|\band|\bemail|\be-mail)+$", re.I)


@dataclass(frozen=True, slots=True)
class Part:
    """`text` None: this field was not mentioned; "" : the member said there is nothing for it."""

    step: Step
    text: str | None


def split_answer(text: str, steps: list[Step]) -> list[Part]:
    """Parts in the order of `steps` (the question's own step first, then its folded ones)."""
    if ";" in text:
        pieces = [p.strip() for p in text.split(";", len(steps) - 1)]
        pieces += [""] * (len(steps) - len(pieces))
        return [Part(step, "" if _nothing(piece) else piece) for step, piece in zip(steps, pieces, strict=True)]
    rest = text
    found: dict[str, str | None] = {}
    for step in steps[1:]:
        match = _EMAIL.search(rest) if step.parser == "email" else None
        found[step.field] = match.group(0) if match else None
        if match:
            rest = rest[: match.start()] + " " + rest[match.end() :]
    main = _JOINERS.sub("", _NO_EMAIL.sub("", " ".join(rest.split()))).strip()
    head = Part(steps[0], None if not main and any(found.values()) else ("" if _nothing(main) else main))
    return [head, *(Part(step, found[step.field]) for step in steps[1:])]


def _nothing(piece: str) -> bool:
    """An empty part, "skip", or any way of saying there is nothing ("none", "n/a", "-")."""
    return not piece or piece.strip().casefold() == "skip" or means_skip(piece)


def fill_together(answers: dict[str, Any], text: str, fields: list[tuple[str, Step]], read: Reader) -> dict[str, Any]:
    """New answers with every part the member gave set (an empty part clears its field); nothing is changed
    when one part is refused (`Reject` propagates)."""
    if not text.strip():
        raise Reject(messages.text("answer_empty"))
    filled = answers
    for (path, _), part in zip(fields, split_answer(text, [step for _, step in fields]), strict=True):
        if part.text is not None:
            filled = set_value(filled, path, read(part.step, part.text) if part.text else None)
    return filled
