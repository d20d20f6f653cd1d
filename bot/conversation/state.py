"""The resumable state of one conversation: everything the engine needs, nothing platform-specific."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from bot.compose.timing import Offsets
from bot.vocabulary import ConversationStatus

CONFIRM = "confirm"


@dataclass(frozen=True, slots=True)
class ConversationState:
    """`cursor` is the field being asked (`company`, `interviewers.1.title`, or `confirm`).

    `return_to` and `queue` remember where to go after an `edit`; `failures` counts invalid answers
    in a row so the engine can offer a way out. `remembered` lists answers filled from the member's profile
    (not asked); `confirming_cancel` is set while "cancel" waits for a yes; `previewing` while the member
    looks at how their answer reads in a note (stored already; "ok" moves on, anything else replaces it).
    `community` holds the answers pre-filled from the member's community's defaults (tone, note channel; not
    asked, editable, and not kept in the member's profile unless changed); `offsets` is that community's
    reminder timing, captured when the debrief started.
    """

    flow_id: str
    flow_version: int
    cursor: str
    timezone: str
    answers: dict[str, Any] = field(default_factory=dict)
    status: ConversationStatus = ConversationStatus.ACTIVE
    return_to: str | None = None
    queue: tuple[str, ...] = ()
    failures: int = 0
    remembered: tuple[str, ...] = ()
    confirming_cancel: bool = False
    previewing: bool = False
    community: dict[str, Any] = field(default_factory=dict)
    offsets: Offsets | None = None

    def with_(self, **changes: Any) -> ConversationState:
        return replace(self, **changes)

    def progress(self) -> dict[str, Any]:
        """The navigation part, stored beside the answers (a community's defaults only when it set any)."""
        stored: dict[str, Any] = {
            "return_to": self.return_to,
            "queue": list(self.queue),
            "failures": self.failures,
            "remembered": list(self.remembered),
            "confirming_cancel": self.confirming_cancel,
            "previewing": self.previewing,
        }
        if self.community:
            stored["community"] = dict(self.community)
        if self.offsets is not None:
            stored["offsets"] = self.offsets.to_json()
        return stored
