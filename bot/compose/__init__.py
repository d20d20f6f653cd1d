"""The composer: answers document in, drafts document out (pure, offline, deterministic).

Minimal placeholder implementation kept honest until the full composer lands: one plain note per
interviewer, a same-day/next-morning send-by time and a one-week follow-up.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo

from bot.answers import Answers
from bot.drafts import Draft, DraftsDocument, Recipient


def compose(answers: Answers, *, tz: tzinfo, now: datetime) -> DraftsDocument:
    """Compose one draft per interviewer, in the order given. `tz` is the user's zone; `now` is aware."""
    drafts = []
    for person in answers.interviewers:
        lines = [f"Dear {person.name},", "", f"Thank you for your time today at {answers.company}."]
        if person.discussed:
            lines.append(f"I enjoyed our conversation about {person.discussed}.")
        lines += ["", "Best regards,", answers.candidate]
        body = "\n".join(lines)
        subject = f"Thank you — {answers.role or answers.company}" if answers.channel == "email" else None
        drafts.append(
            Draft(
                to=Recipient(name=person.name, email=person.email),
                channel=answers.channel,
                subject=subject,
                body=body,
                words=len(body.split()),
            )
        )
    met = (answers.interview_at or now).astimezone(tz)
    send_by = met + timedelta(hours=4)
    if send_by.date() != met.date():
        send_by = datetime.combine(met.date() + timedelta(days=1), time(10), tzinfo=tz)
    return DraftsDocument(drafts=drafts, send_by=send_by, follow_up_at=met + timedelta(days=7))
