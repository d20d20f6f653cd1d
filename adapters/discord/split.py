"""Packing text and code blocks into Discord messages of at most 2,000 characters.

Blocks are kept whole when they fit; a long text block breaks at a line end or a space (never inside a
word unless a single word is longer than a message); a long code block becomes several complete code
blocks broken at line ends, so every fence is closed in the message that opened it.
"""

from __future__ import annotations

from dataclasses import dataclass

LIMIT = 2000
FENCE = "```"


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph of already-escaped markdown, or (code=True) raw text shown verbatim in a code block."""

    text: str
    code: bool = False


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
        inner = limit - len(fenced(""))
        return [fenced(part) for part in split_text(block.text, inner, code=True)]
    return split_text(block.text, limit, code=False)


def split_text(text: str, limit: int, *, code: bool) -> list[str]:
    """Split at line ends (and, for prose, spaces) so that "\\n".join(parts) == text for code."""
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit + 1)
        if cut <= 0 and not code:
            cut = rest.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit  # one unbreakable run longer than a message: cut it, nothing else can work
            parts.append(rest[:cut])
            rest = rest[cut:] if code else rest[cut:].lstrip(" ")
            continue
        parts.append(rest[:cut])
        rest = rest[cut + 1 :]
    parts.append(rest)
    return parts
