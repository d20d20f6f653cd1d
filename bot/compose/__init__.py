"""The note composer: answers document in, drafts document out (pure, offline, deterministic).

`compose` writes one note per interviewer from the sentence bank in templates/notes/ and proofreads it;
`send_by` and `follow_up_at` are the timing rules, shared with the reminders scheduler.

They are imported on first use: a module of this package (the spelling check, `thankyou-bot check`) can be
loaded without the composer, its sentence bank and Jinja2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.compose.composer import compose
    from bot.compose.timing import Offsets, follow_up_at, send_by

__all__ = ["Offsets", "compose", "follow_up_at", "send_by"]


def __getattr__(name: str) -> object:
    if name == "compose":
        from bot.compose.composer import compose

        return compose
    if name in ("Offsets", "follow_up_at", "send_by"):
        from bot.compose import timing

        return getattr(timing, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
