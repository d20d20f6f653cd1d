"""Packing text and code blocks into Discord messages of at most 2,000 characters.

Blocks are kept whole when they fit. A long text block breaks at a line end or a space, never inside a word
(unless a single word is longer than a message) nor between a backslash and the character it escapes.

A long code block (a note) becomes several complete code blocks, each closed in the message that opened it:
broken between lines where it can, otherwise between words (a line longer than a block), and inside a word
only when one word is longer than a block. Each block shows its piece exactly: a piece never starts or ends
with a line break (Discord would hide those), the line breaks at a cut are what lies between two blocks, and
at a cut between words the space stays at the end of the first block. `Piece.then` records what lies between,
so the note is `"".join(p.text + p.then for p in pieces)`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from adapters.discord.markdown import guard_line_start

LIMIT = 2000
FENCE = "```"
_AUTOLINK = re.compile(r"<https?://[^\s<>]*>", re.IGNORECASE)  # how markdown.escape wraps a link
_JOINERS = frozenset("\u200c\u200d\ufe0e\ufe0f")  # zero-width (non-)joiners and variation selectors


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph of already-escaped markdown, or (code=True) raw text shown verbatim in a code block."""

    text: str
    code: bool = False


@dataclass(frozen=True, slots=True)
class Piece:
    """One code block's text, and the note's text between it and the next block ("" after a word cut)."""

    text: str
    then: str = ""


def fenced(body: str) -> str:
    """A code block whose inner text is exactly `body` (the empty first line means no language tag)."""
    return f"{FENCE}\n{body}\n{FENCE}"


def pack(blocks: list[Block], limit: int = LIMIT) -> list[str]:
    """Join blocks with newlines into as few messages as possible, each at most `limit` characters."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        for piece in _pieces(block, limit):
            candidate = f"{current}\n{piece}" if current else piece
            if len(candidate) <= limit:
                current = candidate
                continue
            if current:
                messages.append(current)
            current = piece
    if current:
        messages.append(current)
    return messages


def _pieces(block: Block, limit: int) -> list[str]:
    if block.code:
        return [fenced(piece.text) for piece in split_code(block.text, limit - len(fenced("")))]
    return split_text(block.text, limit)


def split_code(body: str, limit: int) -> list[Piece]:
    """A note in pieces of at most `limit` characters (see the module docstring for where it is cut)."""
    pieces: list[Piece] = []
    rest = body
    while len(rest) > limit:
        piece = _at_line_end(rest, limit) or _after_space(rest, limit)
        if piece is None:
            cut = _hard_cut(rest, limit)
            piece = Piece(rest[:cut])
        pieces.append(piece)
        rest = rest[len(piece.text) + len(piece.then) :]
    if rest or not pieces:
        pieces.append(Piece(rest))
    return pieces


def _at_line_end(rest: str, limit: int) -> Piece | None:
    """The longest run of whole lines that fits; the line breaks after it become the gap between blocks."""
    start = rest.rfind("\n", 0, limit + 1)
    while start > 0 and rest[start - 1] == "\n":
        start -= 1
    if start <= 0:
        return None
    end = start
    while end < len(rest) and rest[end] == "\n":
        end += 1
    return Piece(rest[:start], rest[start:end])


def _after_space(rest: str, limit: int) -> Piece | None:
    """The longest run of whole words that fits (a line longer than a block), keeping the space it ends with."""
    line = rest[:limit]
    cut = max(line.rfind(" "), line.rfind("\t"))
    if cut < 0 or not line[:cut].strip():
        return None
    return Piece(rest[: cut + 1])


def split_text(text: str, limit: int) -> list[str]:
    """Prose (already escaped) in parts of at most `limit` characters, broken at line ends, then spaces.

    Each part starts a line, so what now starts one is escaped again (a "- " that was mid-line)."""
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit + 1)
        if cut <= 0:
            cut = rest.rfind(" ", 0, limit + 1)
        if cut <= 0:  # one unbreakable run longer than a message: cut it, nothing else can work
            cut = _hard_cut(rest, limit, escaped=True)
            parts.append(rest[:cut])
            rest = _starts_a_line(rest[cut:])
            continue
        parts.append(rest[:cut])
        rest = _starts_a_line(rest[cut + 1 :])
    parts.append(rest)
    return parts


def _starts_a_line(rest: str) -> str:
    """After a cut, the first line of the rest starts a line (the lines after it already did)."""
    first, newline, after = rest.partition("\n")
    return guard_line_start(first) + newline + after


def _hard_cut(rest: str, limit: int, *, escaped: bool = False) -> int:
    """Where to cut a word longer than a message: not inside a character sequence that shows as one (an
    accent, an emoji joined or varied), and in escaped prose not between a backslash and what it escapes."""
    cut = limit
    while cut > 1 and _joined(rest, cut):
        cut -= 1
    if escaped:
        backslashes = len(rest[:cut]) - len(rest[:cut].rstrip("\\"))
        if backslashes % 2 and cut > 1:
            cut -= 1
        link = next((m for m in _AUTOLINK.finditer(rest) if m.start() < cut < m.end()), None)
        if link is not None and link.start() > 0:
            cut = link.start()  # a link is never cut (one longer than a message is, as nothing else can work)
    return cut if cut > 1 else limit


def _joined(text: str, at: int) -> bool:
    nxt, prev = text[at], text[at - 1]
    return bool(unicodedata.combining(nxt)) or nxt in _JOINERS or prev == "\u200d" or _is_modifier(nxt)


def _is_modifier(char: str) -> bool:
    return "\U0001f3fb" <= char <= "\U0001f3ff" or "\U000e0020" <= char <= "\U000e007f"  # skin tones, tag chars
