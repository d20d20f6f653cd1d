"""Cleaning user text before it is stored: the one place that decides what characters are acceptable."""

from __future__ import annotations

import unicodedata

from bot import messages

#: Invisible characters that carry no meaning in a name or answer; removed silently.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"), None)
#: Bidirectional overrides/isolates can make a name display differently from what is stored.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")

MAX_ANSWER_CHARS = 1000


class TextProblem(ValueError):
    """User text that cannot be accepted; the message is written for the user."""


def clean_text(raw: str, *, max_chars: int = MAX_ANSWER_CHARS, multiline: bool = False) -> str:
    """Normalise and validate one piece of user text; raise TextProblem with a friendly reason."""
    text = unicodedata.normalize("NFC", raw).translate(_INVISIBLE)
    if any(ch in _BIDI_CONTROLS for ch in text):
        raise TextProblem(messages.text("text_direction_chars"))
    allowed_controls = "\n\t" if multiline else "\t"
    if any(unicodedata.category(ch) == "Cc" and ch not in allowed_controls for ch in text):
        raise TextProblem(messages.text("text_control_chars"))
    text = " ".join(text.split()) if not multiline else text.replace("\t", " ").strip()
    if len(text) > max_chars:
        raise TextProblem(messages.text("text_too_long", length=len(text), limit=max_chars))
    return text
