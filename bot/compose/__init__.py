"""The note composer: answers document in, drafts document out (pure, offline, deterministic).

`compose` writes one note per interviewer from the sentence bank in templates/notes/ and proofreads it;
`send_by` and `follow_up_at` are the timing rules, shared with the reminders scheduler.
"""

from __future__ import annotations

from bot.compose.composer import compose
from bot.compose.timing import follow_up_at, send_by

__all__ = ["compose", "follow_up_at", "send_by"]
