"""A small, independent model of how Discord displays message content, for checking our escaping.

It reads content the way Discord's markdown does, left to right: a backslash before a character that is not a
letter, digit or space shows that character; `<scheme:/…>` is an autolink shown as its URL; a bare http(s)
URL is a link shown as written (backslashes included, which is why escaped text must not run into one);
anything else is a plain character. `markup(content)` lists the places where a plain character starts
formatting, a mention or another special token; `shown(content)` is the text a reader sees.

Written from Discord's documented formatting (reference.mdx "Message Formatting") and its markdown's escape
rule, not from our renderer, so a bug in one is not mirrored in the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ESCAPABLE = re.compile(r"[^0-9A-Za-z\s]")
_AUTOLINK = re.compile(r"<([^: >]+:/[^ >]+)>")
_BARE_URL = re.compile(r"https?://[^\s<]+[^<.,:;\"')\]\s]", re.IGNORECASE)

#: inline tokens Discord acts on wherever they stand
_INLINE = [
    ("emphasis", re.compile(r"\*|_")),
    ("strike", re.compile(r"~~")),
    ("spoiler", re.compile(r"\|\|")),
    ("code", re.compile(r"`")),
    ("mention", re.compile(r"<(@[!&]?|#|/|:|a:|t:|id:)")),
    ("autolink", re.compile(r"<[^: >]+:/")),
    ("everyone", re.compile(r"@(everyone|here)")),
    ("masked link", re.compile(r"\[")),
]
#: tokens Discord acts on at the start of a line (after optional spaces)
_LINE_START = [
    ("quote", re.compile(r">")),
    ("heading", re.compile(r"#{1,3}\s")),
    ("subtext", re.compile(r"-#\s")),
    ("list", re.compile(r"[-*+]\s")),
    ("numbered list", re.compile(r"\d+\.\s")),
]


@dataclass(frozen=True)
class Token:
    kind: str  # "escaped", "autolink", "url" or "plain"
    raw: str
    shown: str


def tokens(content: str) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(content):
        char = content[i]
        if char == "\\" and i + 1 < len(content) and _ESCAPABLE.fullmatch(content[i + 1]):
            out.append(Token("escaped", content[i : i + 2], content[i + 1]))
            i += 2
        elif (link := _AUTOLINK.match(content, i)) is not None:
            out.append(Token("autolink", link.group(), link.group(1)))
            i = link.end()
        elif (url := _BARE_URL.match(content, i)) is not None:
            out.append(Token("url", url.group(), url.group()))
            i = url.end()
        else:
            out.append(Token("plain", char, char))
            i += 1
    return out


def shown(content: str) -> str:
    """What a reader sees (formatting aside)."""
    return "".join(t.shown for t in tokens(content))


def markup(content: str) -> list[str]:
    """Every place where the plain characters of `content` would start markup or a special token."""
    parsed = tokens(content)
    found = [f"bare url: {t.raw!r}" for t in parsed if t.kind == "url" and "\\" in t.raw]
    for text, starts_line in _plain_runs(parsed):
        for kind, pattern in _INLINE:
            found += [f"{kind}: {m.group()!r}" for m in pattern.finditer(text)]
        for n, line in enumerate(text.split("\n")):
            if n or starts_line:
                stripped = line.lstrip(" \t")
                found += [f"{kind}: {stripped[:8]!r}" for kind, pattern in _LINE_START if pattern.match(stripped)]
    return found


def _plain_runs(parsed: list[Token]) -> list[tuple[str, bool]]:
    """Runs of consecutive plain characters (only those can form markup), each with whether it starts a line."""
    runs: list[tuple[str, bool]] = []
    run, run_starts_line, line_start = "", True, True
    for token in parsed:
        if token.kind == "plain":
            if not run:
                run_starts_line = line_start
            run += token.raw
        elif run:
            runs.append((run, run_starts_line))
            run = ""
        line_start = token.raw == "\n" or (line_start and token.kind == "plain" and token.raw in " \t")
    if run:
        runs.append((run, run_starts_line))
    return runs
