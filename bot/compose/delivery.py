"""Hand a draft to the user's own mail program: a `mailto:` link or an `.eml` file to open and send.

The bot never sends mail itself; these helpers only package a draft so one click opens it, ready to edit.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email import policy
from email.errors import MessageError
from email.headerregistry import Address, Group
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import quote

from bot.drafts import Draft

#: Used when a draft has no subject line (LinkedIn messages and cards).
DEFAULT_SUBJECT = "Thank you"


def _crlf(text: str) -> str:
    return "\r\n".join(text.splitlines())


def _one_line(text: str) -> str:
    """Header values never carry a line break, so no text can add a header of its own."""
    return " ".join(text.split())


def mailto_link(draft: Draft) -> str:
    """A `mailto:` URI (RFC 6068): the recipient's address when known, then subject and body, each
    percent-encoded as UTF-8 with line breaks as %0D%0A."""
    recipient = quote(draft.to.email, safe="@") if draft.to.email else ""
    fields = [("subject", draft.subject)] if draft.subject else []
    fields.append(("body", _crlf(draft.body)))
    return f"mailto:{recipient}?" + "&".join(f"{name}={quote(value, safe='')}" for name, value in fields)


def _recipient(draft: Draft) -> Address | Group:
    """The interviewer's mailbox, or an empty group with their name when the address is missing or is
    something RFC 5322 cannot carry unchanged (the user then types it in their mail program)."""
    if draft.to.email:
        try:
            address = Address(display_name=_one_line(draft.to.name), addr_spec=draft.to.email)
        except (ValueError, MessageError):
            pass
        else:
            if address.addr_spec == draft.to.email:
                return address
    return Group(display_name=_one_line(draft.to.name))


def _sign_off_name(draft: Draft) -> str:
    """The candidate's name, which every composed note ends with."""
    return draft.body.rstrip().rsplit("\n", 1)[-1].strip() or "Me"


def to_eml(draft: Draft, *, sender_name: str | None = None, date: datetime | None = None) -> bytes:
    """An RFC 5322 message (CRLF line ends, UTF-8 body as quoted-printable, encoded-word headers), marked
    `X-Unsent: 1` so mail programs open it as a draft. Without an address, `To` and `From` use the empty
    group syntax (`Name:;`, RFC 5322 §3.4 and RFC 6854); the mail program fills in the sender."""
    message = EmailMessage(policy=policy.SMTP)
    message["To"] = _recipient(draft)
    message["From"] = Group(display_name=_one_line(sender_name or _sign_off_name(draft)))
    message["Subject"] = _one_line(draft.subject or DEFAULT_SUBJECT)
    message["Date"] = format_datetime(date or datetime.now(UTC))
    message["X-Unsent"] = "1"
    message.set_content(draft.body, subtype="plain", charset="utf-8", cte="quoted-printable")
    return message.as_bytes()
