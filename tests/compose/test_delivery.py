"""mailto: links (RFC 6068) and .eml files (RFC 5322) for a draft."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.parser import BytesParser
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from bot.compose.delivery import mailto_link, to_eml
from bot.drafts import Draft, Recipient

BODY = "Dear Priya,\n\nThank you — “merci” & see you at 50% = fun? #1\n\nBest,\nSam Rivera"


def draft(email: str | None = "priya+jobs@acme.example", subject: str | None = "Thank you — Data & ML?") -> Draft:
    return Draft(
        to=Recipient(name="Priya Natarajan", email=email),
        channel="email" if subject else "linkedin",
        subject=subject,
        body=BODY,
        words=len(BODY.split()),
    )


def test_mailto_carries_address_subject_and_body_percent_encoded() -> None:
    link = mailto_link(draft())
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "priya+jobs@acme.example"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["subject"] == ["Thank you — Data & ML?"]
    assert query["body"] == [BODY.replace("\n", "\r\n")]
    assert not re.search(r"[\s\"<>\\^`{|}]", link)  # nothing a URI may not carry raw
    assert "%0D%0A" in link and "+" not in link.split("?", 1)[1]  # spaces are %20, never "+"
    assert "%E2%80%94" in link  # UTF-8 percent-encoding of the em dash


def test_mailto_without_address_or_subject() -> None:
    link = mailto_link(draft(email=None, subject=None))
    assert link.startswith("mailto:?body=")
    assert "subject=" not in link


def test_eml_is_a_valid_utf8_rfc5322_message() -> None:
    raw = to_eml(draft(), date=datetime(2026, 11, 20, 18, 0, tzinfo=UTC))
    assert raw.isascii()  # 7-bit clean: encoded-word headers, quoted-printable body
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF line ends only
    assert max(len(line) for line in raw.split(b"\r\n")) <= 78
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert message.defects == [] and all(not h.defects for h in message.values() if hasattr(h, "defects"))
    assert message["Subject"] == "Thank you — Data & ML?"
    (address,) = message["To"].addresses
    assert address == Address("Priya Natarajan", addr_spec="priya+jobs@acme.example")
    assert message["From"] == "Sam Rivera:;"
    assert message["Date"].datetime == datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
    assert message["X-Unsent"] == "1"
    assert message.get_content_type() == "text/plain" and message.get_content_charset() == "utf-8"
    assert message.get_content().replace("\r\n", "\n").rstrip("\n") == BODY


def test_eml_without_an_address_uses_the_empty_group_and_a_default_subject() -> None:
    message = BytesParser(policy=policy.default).parsebytes(to_eml(draft(email=None, subject=None), sender_name="S R"))
    assert message["To"] == "Priya Natarajan:;" and message["To"].addresses == ()
    assert message["From"] == "S R:;"
    assert message["Subject"] == "Thank you"


@pytest.mark.parametrize("email", ["x(comment)@acme.example", "a..b@acme.example"])
def test_eml_never_rewrites_an_address_it_cannot_carry(email: str) -> None:
    message = BytesParser(policy=policy.default).parsebytes(to_eml(draft(email=email)))
    assert message["To"].addresses == () and "Priya Natarajan" in message["To"]


def test_eml_headers_cannot_be_injected() -> None:
    hostile = Draft(
        to=Recipient(name="Priya\r\nBcc: evil@example.com", email=None),
        channel="email",
        subject="Hi\r\nBcc: evil@example.com",
        body="Body",
        words=1,
    )
    message = BytesParser(policy=policy.default).parsebytes(to_eml(hostile))
    assert message["Bcc"] is None
    assert message["Subject"] == "Hi Bcc: evil@example.com"
