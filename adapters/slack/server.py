"""HTTP mode: an aiohttp server with Slack's request URL `/slack/events` (and `/healthz`, `/readyz`, `/metrics`).

Every request is checked here before bolt sees it, in this order, and refused quietly (a status, one log
line without the body, never a traceback):

1. the signature, over the raw bytes, with the app's signing secret and clock: 401 when the headers are
   missing, malformed (a timestamp that is not a plain number, a signature that is not `v0=` + hex),
   stale (more than 5 minutes away) or simply wrong;
2. the body, only once it is known to come from Slack: 400 when it is not UTF-8, names another charset,
   is not the JSON or form it claims to be, or is not shaped like a Slack payload (bolt's own parsing and
   listener matching assume e.g. that `event` is an object and `team` an id or an object).

bolt checks the signature again in its own middleware; that stays on.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from collections.abc import Mapping, Sequence

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.middleware.request_verification.async_request_verification import AsyncRequestVerification
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

from adapters.slack import oauth
from bot.observability import health
from bot.observability.health import Check

EVENTS_PATH = "/slack/events"
MAX_SKEW = 60 * 5  # seconds between Slack's timestamp and our clock, as Slack's docs and slack_sdk allow
log = logging.getLogger(__name__)

_TIMESTAMP = re.compile(r"[0-9]{1,12}", re.ASCII)
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}", re.ASCII)
_UTF8 = frozenset({"utf-8", "utf8"})

# What a Slack payload's well-known fields are, as bolt's parsing and matching take them for granted.
_STRINGS = frozenset(
    {"type", "subtype", "command", "callback_id", "action_id", "block_id", "team_id", "user_id",
     "channel_id", "enterprise_id", "response_url", "trigger_id", "event_id", "ts", "thread_ts", "event_ts",
     "channel_type", "bot_id", "tab", "user_team", "api_app_id"}
)  # fmt: skip
_IDS = frozenset({"team", "user", "channel", "enterprise"})  # an id, or an object carrying one
_OBJECTS = frozenset(
    {"event", "view", "message", "previous_message", "item", "assistant_thread", "function_data", "container",
     "workflow_step", "selected_option"}
)  # fmt: skip
_NEVER_NULL = frozenset({"event", "view"})  # bolt looks inside these whenever the key is there
_LISTS = frozenset({"authorizations", "actions", "response_urls"})  # of objects
_WITH_ACTIONS = frozenset({"block_actions", "interactive_message"})  # bolt reads `actions[0]` unguarded
_MAX_DEPTH = 8


class Refused(Exception):
    """A request refused before bolt sees it: `status` for the client, `reason` for one log line."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def make_web_app(app: AsyncApp, checks: Sequence[Check] = ()) -> web.Application:
    """The aiohttp application around `app`, which must verify requests (HTTP mode always does), with
    `/healthz`, `/readyz` (running `checks`) and `/metrics` beside it."""
    verifier = _verifier(app)

    async def events(request: web.Request) -> web.Response:
        try:
            raw = await request.read()
            _check_signature(verifier, request.headers, raw)
            bolt_request = _bolt_request(request, raw)
        except Refused as refused:
            status, reason = refused.status, refused.reason
            log.info("slack request refused (%d, %s)", status, reason, extra={"platform": "slack", "status": status})
            error = "invalid request" if refused.status == 401 else "malformed request"
            return web.json_response({"error": error}, status=refused.status)
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    web_app = web.Application(client_max_size=1024 * 1024)
    web_app.router.add_post(EVENTS_PATH, events)
    oauth.add_routes(web_app, app)  # `/slack/install` and `/slack/oauth_redirect` when OAuth is on
    health.add_routes(web_app, checks)
    return web_app


def _verifier(app: AsyncApp) -> SignatureVerifier:
    """bolt's own verifier (its signing secret and clock); serving without one would accept anything."""
    for middleware in app._async_middleware_list:
        if isinstance(middleware, AsyncRequestVerification):
            return middleware.verifier
    raise RuntimeError("HTTP mode needs bolt's request verification (request_verification_enabled=True)")


def _check_signature(verifier: SignatureVerifier, headers: Mapping[str, str], raw: bytes) -> None:
    """Raise `Refused(401)` unless `raw` carries Slack's signature from the last five minutes."""
    timestamp = headers.get("X-Slack-Request-Timestamp", "")
    signature = headers.get("X-Slack-Signature", "")
    if not timestamp or not signature:
        raise Refused(401, "unsigned")
    if not _TIMESTAMP.fullmatch(timestamp) or not _SIGNATURE.fullmatch(signature):
        raise Refused(401, "malformed signature headers")
    if abs(verifier.clock.now() - int(timestamp)) > MAX_SKEW:
        raise Refused(401, "stale timestamp")
    expected = hmac.new(
        verifier.signing_secret.encode(), b"v0:" + timestamp.encode() + b":" + raw, hashlib.sha256
    ).hexdigest()
    if not hmac.compare_digest("v0=" + expected, signature):
        raise Refused(401, "bad signature")


def _bolt_request(request: web.Request, raw: bytes) -> AsyncBoltRequest:
    """The signed body as bolt's request; `Refused(400)` when it is not a readable Slack payload."""
    charset = request.charset
    if charset is not None and charset.lower() not in _UTF8:
        raise Refused(400, "not utf-8")
    try:
        body = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(400, "not utf-8") from None
    try:
        bolt_request = AsyncBoltRequest(body=body, query=request.query_string, headers=dict(request.headers))
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError):
        raise Refused(400, "unreadable body") from None
    if not _well_formed(bolt_request.body):
        raise Refused(400, "not a slack payload")
    return bolt_request


def _well_formed(node: object, depth: int = 0) -> bool:
    """`node` is an object whose well-known fields have the types Slack sends (absent or null is fine)."""
    if not isinstance(node, dict) or depth > _MAX_DEPTH:
        return False
    for key, value in node.items():
        if value is None:
            if key in _NEVER_NULL:
                return False
            continue
        if key in _STRINGS and not isinstance(value, str):
            return False
        if key in _IDS and not (isinstance(value, str) or _well_formed_id(value, depth + 1)):
            return False
        if key in _OBJECTS and not _well_formed(value, depth + 1):
            return False
        if key in _LISTS and not (isinstance(value, list) and all(_well_formed(v, depth + 1) for v in value)):
            return False
    if node.get("type") in _WITH_ACTIONS:
        actions = node.get("actions")
        return isinstance(actions, list) and bool(actions) and isinstance(actions[0].get("action_id"), str)
    return True


def _well_formed_id(node: object, depth: int) -> bool:
    return _well_formed(node, depth) and isinstance(node, dict) and isinstance(node.get("id", ""), str)


async def serve(app: AsyncApp, *, host: str, port: int, checks: Sequence[Check] = ()) -> web.AppRunner:
    """Start listening and return the runner (call `cleanup()` on it to stop); port 0 picks a free port."""
    runner = web.AppRunner(make_web_app(app, checks), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner


def bound_port(runner: web.AppRunner) -> int:
    """The port a runner listens on (useful after binding port 0)."""
    for site in runner.sites:
        server = getattr(site, "_server", None)
        if server is not None and server.sockets:
            return int(server.sockets[0].getsockname()[1])
    raise RuntimeError("the server is not listening")
