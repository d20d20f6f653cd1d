"""Slack's three control characters, and splitting long text without breaking words.

Every piece of neutral text we post goes through `escape`, so user answers such as `<!channel>`,
`<@U123>` or `<http://evil|click>` are shown literally and never ping or link anyone.
"""

from __future__ import annotations

_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_BREAKS = ("\n\n", "\n", " ")


def escape(text: str) -> str:
    """Escape `&`, `<`, `>` and nothing else (Slack's formatting rules)."""
    for raw, entity in _ESCAPES:
        text = text.replace(raw, entity)
    return text


def unescape(text: str) -> str:
    """What a reader sees (and copies) from escaped text."""
    for raw, entity in reversed(_ESCAPES):
        text = text.replace(entity, raw)
    return text


def escaped_length(text: str) -> int:
    return len(text) + 4 * text.count("&") + 3 * (text.count("<") + text.count(">"))


def split_text(text: str, limit: int) -> list[str]:
    """Cut `text` into pieces whose *escaped* length is at most `limit`; joining them gives `text` back.

    Cuts go after a paragraph break, else a line break, else a space, so words stay whole; only a single
    word longer than the limit is cut inside.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces: list[str] = []
    rest = text
    while escaped_length(rest) > limit:
        fit = _longest_prefix(rest, limit)
        cut = _last_break(rest[:fit]) or fit
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def _longest_prefix(text: str, limit: int) -> int:
    """How many characters fit in `limit` once escaped."""
    used = 0
    for index, char in enumerate(text):
        used += escaped_length(char)
        if used > limit:
            return max(index, 1)
    return len(text)


def _last_break(prefix: str) -> int:
    """Position just after the best break in `prefix`, or 0 if it has none."""
    for mark in _BREAKS:
        at = prefix.rfind(mark)
        if at > 0:
            return at + len(mark)
    return 0
