"""The line an uncertain answer will become, for the debrief to show before the notes are written.

`preview_line("interviewers.0.discussed", "why did they pick snowflake?")` →
"I especially enjoyed our conversation about why they picked snowflake." A tidy answer (a noun phrase
used as typed) gives None: it adds no step to the debrief. So does an answer that cannot be used at all;
`preview` tells the two apart (`usable`), so the debrief can ask for a topic instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.compose import answer_checks, shapes
from bot.compose.fields import reading_variables

#: One representative sentence per variable a reading can fill (the note itself may word it differently).
_LINES = {
    "discussed": "I especially enjoyed our conversation about {}.",
    "discussed_clause": "It was good to hear that {}.",
    "detail": "I especially appreciated hearing about {}.",
    "detail_clause": "It was good to hear that {}.",
    "strengths": "I believe {} would let me be useful from my first week.",
    "strengths_clause": "I would add that {}.",
    "add": "One thing I did not get to mention: {}.",
    "add_wish": "I would also welcome the chance to {}.",
    "share": "If it would be useful, I would be glad to share {}.",
    "link": "As promised, here is the link I mentioned: {}",
}


@dataclass(frozen=True)
class Preview:
    line: str | None  # the sentence it becomes; None when it cannot be used
    certain: bool  # True: used as typed (after tidying), nothing worth showing
    usable: bool
    reason: str  # when not usable: why, in words for the member
    example: str  # a usable answer to this field, in quotes, to show what to type instead


def preview(field: str, text: str) -> Preview:
    """`field` is an answers path ("strengths", "interviewers.0.detail") or its last part."""
    reading = shapes.read(field, text)
    variables = reading_variables(reading)
    name = next((n for n in _LINES if n in variables and n not in ("link",)), None) or (
        "link" if "link" in variables else None
    )
    if name is None:
        why = answer_checks.reason(reading.reason)
        return Preview(line=None, certain=False, usable=False, reason=why, example=answer_checks.example(field))
    line = _LINES[name].format(variables[name])
    return Preview(line=line, certain=reading.certain, usable=True, reason="", example=answer_checks.example(field))


def preview_line(field: str, text: str) -> str | None:
    """The line an uncertain answer would become; None when its shape is certain (or it cannot be used)."""
    found = preview(field, text)
    return None if found.certain or not found.usable else found.line
