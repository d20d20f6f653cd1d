"""The bot's vocabulary: every stored status, reminder kind and button action name, typed and in one place.

Why `StrEnum`: a member *is* its string (`ReminderStatus.PENDING == "pending"`, same hash, and `json.dumps`,
f-strings and `str()` give the bare value), so the rows already stored, the plain VARCHAR columns (no CHECK
constraint, no database enum type) and the buttons adapters already render need no migration. Rows read back
from the database hold plain `str`: compare them with `==` / `in`, never with `is`.

Each enum's docstring lists the transitions the code actually makes (who makes them in brackets), so a
new status or transition is added here first and reviewed against its neighbours.
"""

from __future__ import annotations

from enum import StrEnum


class ConversationStatus(StrEnum):
    """A debrief (`conversations.status`).

    (new) → active              the user starts one (at most one `active` row per user: the partial unique
                                index `uq_conversations_active_user` names 'active' literally)
    active → done               the last answer is in: drafts and reminders are created (engine)
    active → cancelled          the user cancels (engine)
    done | cancelled → active   "Edit an answer" on delivered drafts reopens it (draft_actions)
    any → deleted               retention purge: untouched for the retention period and no live reminder
                                due or touched within it points at it (storage/privacy.py)
    """

    ACTIVE = "active"
    DONE = "done"
    CANCELLED = "cancelled"


class NoteStatus(StrEnum):
    """One composed thank-you note (`notes.status`).

    (new) → drafted                   the debrief finishes (store.save_notes)
    drafted → sent                    "Mark as sent" on the draft, or Sent on a send-by nudge (lifecycle.notes_sent)
    drafted | sent → no_reply         the first check-in went out (lifecycle.after_checkin)
    drafted | sent | no_reply → closed   the last check-in went out, or Stop (lifecycle, reminders.handler)
    drafted | sent | no_reply → replied  "They replied" (reminders.handler)
    """

    DRAFTED = "drafted"
    SENT = "sent"
    REPLIED = "replied"
    NO_REPLY = "no_reply"
    CLOSED = "closed"


# A note still waiting for an answer: check-ins are about these, and Stop/They replied close them.
OPEN_NOTES: frozenset[NoteStatus] = frozenset({NoteStatus.DRAFTED, NoteStatus.SENT, NoteStatus.NO_REPLY})
# The conversation with the interviewer is over: no reminder about this note makes sense any more.
ANSWERED_NOTES: frozenset[NoteStatus] = frozenset({NoteStatus.REPLIED, NoteStatus.CLOSED})


class ReminderStatus(StrEnum):
    """A scheduled nudge (`reminders.status`); bot/reminders/queue.py and scheduler.py say why.

    (new) → pending                       a debrief finishes (store), a check-in schedules the next one
                                          (lifecycle.after_checkin), missed ones fold into a digest (planning)
    pending → claimed                     due and not held back: a worker leases it (queue.claim_due)
    claimed → claimed                     the lease ran out before `sending`: nothing was posted, claim again
    claimed → pending                     quiet hours or a pause defer it (scheduler._prepare)
    claimed → failed                      the user's DM is known to be closed (scheduler._prepare)
    claimed → skipped                     the note's life cycle made the nudge pointless (scheduler._prepare)
    claimed → missed                      overdue past the grace window, folded into a digest (planning)
    claimed → sending                     committed *before* the platform call (queue.mark_sending)
    claimed | sending → pending           rate-limited: not a failed try (queue.hold_back)
    sending → sent                        delivered (queue.mark_sent)
    sending → pending | failed            temporary error, retried with backoff | permanent or out of tries
    sending → unknown                     the call's outcome is unknown: never re-sent (scheduler._record)
    sending | checking → checking         the lease ran out mid-send (a worker died): reconcile (claim_stuck)
    checking → sent | pending | unknown   the platform has the post | it has not (send again) | it cannot
                                          tell, so never re-sent (scheduler._reconcile)
    pending | claimed → cancelled         Stop, They replied, `reminders cancel`, or every note sent for a
                                          send-by nudge (lifecycle.cancel_rest, reminders.handler)
    pending | claimed | sent → pending    snooze or `reminders move` re-arms it (lifecycle.rearm)
    """

    PENDING = "pending"
    CLAIMED = "claimed"
    SENDING = "sending"
    CHECKING = "checking"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"
    MISSED = "missed"
    UNKNOWN = "unknown"
    CANCELLED = "cancelled"


# Before this change there were three lists: `lifecycle.UPCOMING` and `queue.LIVE` (unused) were
# {pending, claimed}; `privacy._UPCOMING` was {pending, claimed, sending, checking}. Both answers were right
# for their question, so they are now two named sets, the second built from the first so they cannot drift:
#
# UPCOMING_REMINDERS: not posted yet and nobody is posting it, so the user may still see it in `reminders`,
# move, snooze or cancel it. A `sending`/`checking` row must stay out: cancelling it mid-send would leave
# the message posted but unrecorded (`mark_sent` only records a row still `sending`), and a dead worker's
# row must be reconciled, not silently rewritten.
UPCOMING_REMINDERS: frozenset[ReminderStatus] = frozenset({ReminderStatus.PENDING, ReminderStatus.CLAIMED})
# Maybe posted already; a worker owns it until its lease runs out, then it is reconciled (never re-sent blindly).
IN_FLIGHT_REMINDERS: frozenset[ReminderStatus] = frozenset({ReminderStatus.SENDING, ReminderStatus.CHECKING})
# LIVE_REMINDERS: a worker will still write to this row. Retention purge keeps these and their conversation
# while they are due or touched within the retention period (one left pending longer keeps nothing):
# deleting an in-flight row would lose the record of a post (and its follow-up check-in) that may exist.
LIVE_REMINDERS: frozenset[ReminderStatus] = UPCOMING_REMINDERS | IN_FLIGHT_REMINDERS
# Done for good: nothing re-arms these. `sent` is not among them: Snooze on a delivered nudge re-arms it.
FINISHED_REMINDERS: frozenset[ReminderStatus] = frozenset(
    {
        ReminderStatus.CANCELLED,
        ReminderStatus.SKIPPED,
        ReminderStatus.FAILED,
        ReminderStatus.MISSED,
        ReminderStatus.UNKNOWN,
    }
)
# Snooze / move may set these back to `pending` at a new time (lifecycle.rearm).
REARMABLE_REMINDERS: frozenset[ReminderStatus] = UPCOMING_REMINDERS | {ReminderStatus.SENT}


class ReminderKind(StrEnum):
    """What a reminder is for (`reminders.kind`; also the `kind` of `actions.ReminderScheduled` and `Nudge`).

    `send_by` and `follow_up` come from a finished debrief (follow-ups re-created by each check-in, up to
    `lifecycle.MAX_CHECKINS`); a `digest` is the one "while I was away" message that replaces reminders
    missed by more than the grace window, and has no conversation.
    """

    SEND_BY = "send_by"
    FOLLOW_UP = "follow_up"
    DIGEST = "digest"


TONE_PREFIX = "tone:"


class DraftActionName(StrEnum):
    """`bot.events.DraftAction.action`: the buttons under delivered drafts (one `tone:<tone>` per tone in
    `bot.answers.TONES`)."""

    TONE_FORMAL = "tone:formal"
    TONE_WARM = "tone:warm"
    TONE_CONCISE = "tone:concise"
    EDIT = "edit"
    SENT = "sent"


SNOOZE_PREFIX = "snooze:"


class ReminderActionName(StrEnum):
    """`bot.events.ReminderAction.action`: the buttons on a delivered nudge (and `reminders sent 12` etc.).

    The order is the order the buttons are shown in.
    """

    SENT = "sent"
    REPLIED = "replied"
    SNOOZE_HOUR = "snooze:1h"
    SNOOZE_TOMORROW = "snooze:tomorrow"
    SNOOZE_WEEK = "snooze:week"
    STOP = "stop"
