"""A join validator: what a careful reader would stop at in a composed note, as a list of problems.

Used on every note composed from the corpus (tests/compose/corpus/) and in the property tests. It knows
nothing about how the note was made; it reads the text as a reader would.
"""

from __future__ import annotations

import re

from bot.drafts import Draft

_PREPOSITION = r"(?:about|on|of|into|over|through|regarding|around|for|with|hearing about|learning about)"
_PRONOUN_AFTER_PREPOSITION = re.compile(rf"\b{_PREPOSITION}\s+(?:I|we|she|he|they)\b(?!['’/])")
#: Words between the question word and its auxiliary ("how many people are"), never a subject.
_WH_PHRASE = r"(?:(?!(?:I|you|we|they|she|he|it|the|a|an|their|your|our|this|there)\b)[\w'-]+\s+){0,2}?"
_INVERTED_QUESTION = re.compile(
    rf"\b{_PREPOSITION}\s+(?:[\w'-]+\s+){{0,3}}?(?:what|why|how|when|where|who|which)\s+{_WH_PHRASE}"
    r"(?:do|does|did|is|are|was|were|can|could|will|would|should|has|have|don't|doesn't|didn't)\s+"
    r"(?:I|you|we|they|she|he|it|the|a|an|their|your|our|this|there)\b",
    re.IGNORECASE,
)
_FILLER = re.compile(
    r"(?i)\b(?:lol|lmao|idk|tbh|uh|um|umm|kinda|sorta|gonna|wanna|alot|haha|so basically|like,|you know,|"
    r"i guess|ngl|rn|u|ur)\b"
)
_DOUBLE_PUNCTUATION = re.compile(r"[,;:!?]{2,}|(?<!\.)\.\.(?!\.)|[!?]\.|\s[,.;:!?]|,\.|\.,(?!\s*(?:Inc|Ltd|LLC))")
_CAPS_WORD = r"[A-Z][A-Z'’-]{2,}"
_CAPS_RUN = re.compile(rf"\b{_CAPS_WORD}(?:\s+{_CAPS_WORD})+\b")
_PROMISE = re.compile(r"(?i)\b(?:here is|here's|here are|as promised|i have included|attached|below is)\b")
_LINK = re.compile(r"https?://\S+")
_TEMPLATE = re.compile(r"\{\{|\}\}|\{%|%\}")
_DOUBLED = re.compile(r"(?<![\w'’-])([^\W\d_]+)\s+\1(?![\w'’-])", re.IGNORECASE)
_QUESTION_MARK = re.compile(r"\?(?!\S)")
_LIMITS = {"email": 200, "card": 80}
LINKEDIN_CHARACTERS = 300


def problems(draft: Draft) -> list[str]:
    """Every broken join, leftover filler or channel overrun in one draft; [] when it reads cleanly."""
    body = draft.body
    found: list[str] = []
    for name, pattern in (
        ("preposition + subject pronoun", _PRONOUN_AFTER_PREPOSITION),
        ("preposition + inverted question", _INVERTED_QUESTION),
        ("filler word", _FILLER),
        ("doubled punctuation", _DOUBLE_PUNCTUATION),
        ("template syntax", _TEMPLATE),
        ("question mark inside a note", _QUESTION_MARK),
    ):
        found += [f"{name}: {m.group(0)!r}" for m in pattern.finditer(body)]
    found += [f"all caps: {m.group(0)!r}" for m in _CAPS_RUN.finditer(body)]
    doubled = [m.group(0) for m in _DOUBLED.finditer(body) if m.group(1).lower() not in ("that", "had")]
    found += [f"doubled word: {pair!r}" for pair in doubled]
    greeting = body.splitlines()[0] if body else ""
    name = re.sub(r"^(?:Dear|Hi|Hello)\s+", "", greeting).rstrip(",")
    if name[:1].isalpha() and name[:1].islower():
        found.append(f"lowercase greeting name: {greeting!r}")
    if _PROMISE.search(body) and not _LINK.search(body):
        found.append("a promise with no link")
    if draft.channel == "linkedin" and len(body) > LINKEDIN_CHARACTERS:
        found.append(f"LinkedIn note of {len(body)} characters")
    if draft.channel in _LIMITS and draft.words > _LIMITS[draft.channel]:
        found.append(f"{draft.channel} of {draft.words} words")
    return found
