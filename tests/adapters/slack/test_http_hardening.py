"""HTTP mode in front of strangers: every unsigned, badly signed or malformed request gets a 4xx, one log line at
most, no traceback and none of its body in the logs; the signature is checked over the raw bytes first."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from pathlib import Path

import pytest

from adapters.slack import build_app
from adapters.slack.server import make_web_app
from bot.config import load_settings
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_rig import SlackRig

MARK = "MARK7Q"  # in every hostile body, so a log line that repeats the body is easy to find
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


def _json(payload: object) -> bytes:
    return json.dumps(payload).encode()


def _form(payload: object) -> bytes:
    return b"payload=" + (payload if isinstance(payload, bytes) else json.dumps(payload).encode())


HOSTILE: dict[str, tuple[bytes, str]] = {
    "form payload is a list": (_form(["x", MARK]), FORM),
    "form payload is a number": (b"payload=1&text=" + MARK.encode(), FORM),
    "form payload is not json": (b"payload=%7B" + MARK.encode(), FORM),
    "json list": (_json([MARK]), JSON),
    "json string": (json.dumps(MARK).encode(), JSON),
    "json null": (b"null", JSON),
    "not json at all": (b"{" + MARK.encode(), JSON),
    "authorizations is a number": (_json({"authorizations": 5, "text": MARK}), JSON),
    "authorizations hold numbers": (_json({"authorizations": [5], "text": MARK}), JSON),
    "event is a number": (_json({"type": "event_callback", "event": 5, "text": MARK}), JSON),
    "event is null": (_json({"type": "event_callback", "event": None, "text": MARK}), JSON),
    "event type is a number": (_json({"type": "event_callback", "event": {"type": 5, "text": MARK}}), JSON),
    "team is a number": (_json({"type": "event_callback", "team_id": 5, "event": {"text": MARK}}), JSON),
    "actions is a number": (_form({"type": "block_actions", "actions": 5, "text": MARK}), FORM),
    "actions is empty": (_form({"type": "block_actions", "actions": [], "text": MARK}), FORM),
    "action without id": (_form({"type": "block_actions", "actions": [{"value": MARK}]}), FORM),
    "user and team are numbers": (_form({"type": "block_actions", "user": 5, "team": 5, "text": MARK}), FORM),
    "view is a number": (_form({"type": "view_submission", "view": 5, "text": MARK}), FORM),
    "bogus charset": (_json({"text": MARK}), JSON + "; charset=bogus"),
    "form in a bogus charset": (b"text=" + MARK.encode(), FORM + "; charset=bogus"),
    "utf-16 charset": (_json({"text": MARK}), JSON + "; charset=utf-16"),
    "not utf-8": (b'{"text": "' + MARK.encode() + b'\xff\xfe"}', JSON),
    "deeply nested": (b"[" * 100_000 + MARK.encode(), JSON),
}  # fmt: skip


def _signed(body: bytes, content_type: str, *, secret: str = sr.SECRET, at: float | None = None) -> dict[str, str]:
    """Slack's headers over the raw bytes (slack_sdk's helper wants UTF-8, these bodies may not be)."""
    timestamp = str(int(time.time() if at is None else at))
    digest = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": timestamp, "X-Slack-Signature": "v0=" + digest}


def _quiet(caplog: pytest.LogCaptureFixture) -> None:
    """At most one log line for the request, no traceback, nothing of the body."""
    ours = ("adapters", "slack", "aiohttp")  # the server, bolt, slack_sdk, aiohttp (others may log meanwhile)
    records = [r for r in caplog.records if r.levelno >= logging.INFO or r.name.startswith(ours)]
    records = [r for r in records if not r.name.startswith(("alembic", "aiosqlite"))]
    assert len(records) <= 1, [r.getMessage() for r in records]
    assert not [r for r in records if r.exc_info or r.levelno >= logging.ERROR]
    assert "Traceback" not in caplog.text
    assert MARK not in caplog.text
    for record in records:
        assert MARK not in str(record.__dict__)


async def _send(rig: SlackRig, caplog: pytest.LogCaptureFixture, body: bytes, headers: dict[str, str]) -> int:
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        reply = await rig.send(sr.SlackRequest(body, headers.get("Content-Type", JSON)), headers=headers)
    return reply.status


@pytest.mark.parametrize("case", list(HOSTILE))
async def test_hostile_bodies_without_a_signature_get_401(
    rig: SlackRig, slack_api: FakeSlackApi, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    body, content_type = HOSTILE[case]
    for headers in (
        {"Content-Type": content_type},
        _signed(body, content_type, secret="not-the-secret"),
        _signed(body, content_type, at=time.time() - 301),
    ):
        assert await _send(rig, caplog, body, headers) == 401
        _quiet(caplog)
    assert slack_api.http.calls == []


@pytest.mark.parametrize("case", list(HOSTILE))
async def test_hostile_bodies_with_a_valid_signature_get_400(
    rig: SlackRig, slack_api: FakeSlackApi, caplog: pytest.LogCaptureFixture, case: str
) -> None:
    body, content_type = HOSTILE[case]
    assert await _send(rig, caplog, body, _signed(body, content_type)) == 400
    _quiet(caplog)
    assert slack_api.http.calls == []


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("X-Slack-Request-Timestamp", "abc"),
        ("X-Slack-Request-Timestamp", "9" * 5000),
        ("X-Slack-Request-Timestamp", "1e5"),
        ("X-Slack-Request-Timestamp", "-1"),
        ("X-Slack-Request-Timestamp", ""),
        ("X-Slack-Signature", "v0=\u00e9"),
        ("X-Slack-Signature", "v1=" + "0" * 64),
        ("X-Slack-Signature", ""),
    ],
    ids=["letters", "5000 digits", "exponent", "negative", "empty", "non-ascii", "other version", "empty signature"],
)
async def test_malformed_signature_headers_get_401(
    rig: SlackRig, slack_api: FakeSlackApi, caplog: pytest.LogCaptureFixture, header: str, value: str
) -> None:
    request = sr.command("U0HOSTILE", MARK)
    headers = request.signed()
    headers[header] = value
    assert await _send(rig, caplog, request.body, headers) == 401
    _quiet(caplog)
    assert slack_api.http.calls == []
    assert await rig.conversations("U0HOSTILE") == []


async def test_the_signature_covers_the_raw_bytes(rig: SlackRig, caplog: pytest.LogCaptureFixture) -> None:
    """The same JSON written differently (re-serialised) is not what Slack signed."""
    request = sr.event(sr.dm("U0HOSTILE", MARK))
    headers = request.signed()
    reserialised = json.dumps(json.loads(request.body), indent=1).encode()
    assert await _send(rig, caplog, reserialised, headers) == 401
    _quiet(caplog)


async def test_a_signed_request_from_slack_still_works(rig: SlackRig) -> None:
    assert (await rig.command("U0HOSTILE")).status == 200
    assert len(await rig.conversations("U0HOSTILE")) == 1


def test_http_mode_refuses_an_app_that_does_not_verify_requests(tmp_path: Path) -> None:
    settings = load_settings(
        database_url=f"sqlite:///{tmp_path}/bot.db", slack_bot_token="xoxb-test-token", slack_signing_secret=None,
        slack_api_url="http://127.0.0.1:9/api/",
    )  # fmt: skip
    with pytest.raises(RuntimeError, match="request verification"):
        make_web_app(build_app(settings, socket_mode=True))


async def test_an_oversized_body_is_refused_quietly(rig: SlackRig, caplog: pytest.LogCaptureFixture) -> None:
    body = b"text=" + MARK.encode() * (1024 * 1024 // len(MARK) + 1)
    assert await _send(rig, caplog, body, _signed(body, FORM)) == 413
    _quiet(caplog)
