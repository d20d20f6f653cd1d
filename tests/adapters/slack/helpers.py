"""Reading what the Slack bot posted: the question asked, the copyable note text."""

from __future__ import annotations

import re
from typing import Any

from adapters.slack import ids
from adapters.slack.escape import unescape
from tests.fakes.slack_api import Post

FENCE = "```"


def asked_field(post: Post) -> str | None:
    """The question a post asks, read from its navigation or choice buttons (they carry the field)."""
    for element in post.buttons():
        kind, parts = ids.parse(element.get("action_id", ""))
        if kind == ids.NAV:
            return parts[1]
        if kind == ids.CHOICE:
            return parts[0]
    return None


def copied_code(post: Post) -> list[str]:
    """What a user copies from each code block of a post, in order (Slack shows entities as characters)."""
    pieces = []
    for block in post.blocks:
        text = (block.get("text") or {}).get("text", "")
        if block.get("type") == "section" and text.startswith(FENCE) and text.endswith(FENCE):
            pieces.append(unescape(text[len(FENCE) : -len(FENCE)]))
    return pieces


def raw_controls(escaped: str) -> list[str]:
    """Slack control sequences left in posted text: `<...>` links/mentions other than our own date tokens."""
    return [m for m in re.findall(r"<[^>]*>", escaped) if not m.startswith("<!date^")]


def block_texts(blocks: list[dict[str, Any]]) -> list[str]:
    return [b["text"]["text"] for b in blocks if isinstance(b.get("text"), dict)]
