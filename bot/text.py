"""Cleaning user text before it is stored: the one place that decides what characters are acceptable.

Invisible format characters (Unicode category Cf) are refused as a class, not by a list: bidi marks such as
U+061C, tag characters U+E0000–E007F and whatever Unicode adds later can hide or disguise text. Two
exceptions keep real writing working: the joiners U+200C/U+200D between two visible characters (emoji
sequences like 👩‍💻, Persian and Indic scripts), and the few harmless invisibles pasted from web pages
(zero-width space, word joiner, BOM, soft hyphen), which are dropped silently.
"""

from __future__ import annotations

import unicodedata

from bot import messages

#: Invisible characters that carry no meaning in a name or answer; removed silently.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"), None)
#: Bidirectional marks, overrides and isolates can make a name display differently from what is stored.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_JOINERS = frozenset("\u200c\u200d")

MAX_ANSWER_CHARS = 1000


class TextProblem(ValueError):
    """User text that cannot be accepted; the message is written for the user."""


def _joins(text: str, index: int) -> bool:
    """A joiner is writing, not smuggling, when it sits between two visible characters."""
    if index == 0 or index == len(text) - 1:
        return False
    before, after = text[index - 1], text[index + 1]
    return not (before.isspace() or after.isspace() or before in _JOINERS or after in _JOINERS)


def _hidden(text: str, allowed_controls: str) -> bool:
    """True when `text` holds a control, surrogate or format character that is not plain writing."""
    for index, ch in enumerate(text):
        category = unicodedata.category(ch)
        if category == "Cc" and ch not in allowed_controls:
            return True
        if category == "Cs":  # a lone surrogate: undecodable input that slipped through as text
            return True
        if category == "Cf" and not (ch in _JOINERS and _joins(text, index)):
            return True
    return False


def clean_text(raw: str, *, max_chars: int = MAX_ANSWER_CHARS, multiline: bool = False) -> str:
    """Normalise and validate one piece of user text; raise TextProblem with a friendly reason."""
    if len(raw) > max_chars * 4:  # far too long: say so before spending time on normalising it
        raise TextProblem(messages.text("text_too_long", length=len(raw), limit=max_chars))
    text = unicodedata.normalize("NFC", raw).translate(_INVISIBLE)
    if any(ch in _BIDI_CONTROLS for ch in text):
        raise TextProblem(messages.text("text_direction_chars"))
    if _hidden(text, "\n\t" if multiline else "\t"):
        raise TextProblem(messages.text("text_control_chars"))
    text = " ".join(text.split()) if not multiline else text.replace("\t", " ").strip()
    if len(text) > max_chars:
        raise TextProblem(messages.text("text_too_long", length=len(text), limit=max_chars))
    return text


#: the longest identifier any column takes (platform user, workspace and channel ids are 64 characters)
MAX_ID_CHARS = 64


def valid_identifier(value: str) -> bool:
    """A platform id (Slack `U…`/`T…`/`D…`, a Discord snowflake, a console `--user` name): 1–64 characters,
    no control, format or surrogate character and no whitespace but inner spaces, so it fits every database's
    columns and displays as stored."""
    return (
        0 < len(value) <= MAX_ID_CHARS
        and value.strip() == value
        and not any((ch.isspace() and ch != " ") or unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in value)
    )
