"""One Slack post and the size rules every post obeys (50 blocks, 3000 characters per section)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from slack_sdk.models.blocks import Block, MarkdownTextObject, SectionBlock

from adapters.slack.escape import escape, split_text

SECTION_LIMIT = 3000
MAX_BLOCKS = 50
MAX_TEXT = 11_000  # Slack rejects posts near 13k characters of block text even when each block fits
FALLBACK_LIMIT = 3000


@dataclass(frozen=True, slots=True)
class Message:
    """One `chat.postMessage`: escaped notification `text` plus validated blocks.

    `reminder_id` tags a reminder's post (message metadata) so the scheduler can later ask whether it went out.
    """

    text: str
    blocks: list[Block]
    reminder_id: int | None = None

    def payload_blocks(self) -> list[dict[str, Any]]:
        """Serialised blocks; `to_dict` runs slack_sdk's validation of every size limit."""
        return [block.to_dict() for block in self.blocks]


def sections(text: str) -> list[Block]:
    """Escaped mrkdwn sections; `verbatim` stops Slack auto-linking URLs and channel names in user text."""
    return [
        SectionBlock(text=MarkdownTextObject(text=escape(piece), verbatim=True))
        for piece in split_text(text, SECTION_LIMIT)
        if piece.strip()
    ]


def fallback(text: str) -> str:
    """The notification text: escaped, and short."""
    return escape(split_text(text, FALLBACK_LIMIT)[0]) if text.strip() else "thankyou-bot"


def pack(blocks: Sequence[Block], text: str) -> list[Message]:
    """Split blocks into posts of at most 50 blocks and ~11k characters, keeping their order."""
    posts: list[list[Block]] = [[]]
    size = 0
    for block in blocks:
        length = _text_size(block)
        if posts[-1] and (len(posts[-1]) >= MAX_BLOCKS or size + length > MAX_TEXT):
            posts.append([])
            size = 0
        posts[-1].append(block)
        size += length
    return [Message(fallback(text), post) for post in posts if post]


def _text_size(block: Block) -> int:
    text = getattr(block, "text", None)
    return len(getattr(text, "text", "") or "") if text is not None else 0
