"""SlackSender: posts rendered actions to a user's DM through the Web API (the `Sender` port)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Mapping, Sequence
from datetime import datetime
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from adapters.slack.background import pause
from adapters.slack.blocks import render
from adapters.slack.metered import MeteredWebClient, rate_limited
from bot.actions import Action
from bot.errors import DeliveryError, DeliveryInDoubt
from bot.events import Address

log = logging.getLogger(__name__)
REMINDER_EVENT = "thankyou_reminder"
MAX_WAIT = 120.0  # seconds: a longer Retry-After is not waited out in place; the caller gets `RateLimited`

# Errors that retrying cannot fix: the DM is gone, the user left, or the app lost access.
PERMANENT = frozenset(
    {
        "channel_not_found",
        "is_archived",
        "not_in_channel",
        "account_inactive",
        "user_disabled",
        "user_not_found",
        "cannot_dm_bot",
        "invalid_auth",
        "not_authed",
        "token_revoked",
        "missing_scope",
        "invalid_blocks",
        "msg_too_long",
        "msg_blocks_too_long",
    }
)


def make_client(token: str, base_url: str, *, rate_limit_retries: int = 3) -> AsyncWebClient:
    """A Web API client that waits out 429s (`Retry-After`) and never blindly re-sends other failures.

    slack_sdk's default connection-error retry is dropped on purpose: a reset after Slack accepted a
    `chat.postMessage` would post the same message twice. A 429 means nothing was posted, so repeating
    that one call is safe (the turn that produced it is already committed and is never run again).
    """
    base_url = base_url if base_url.endswith("/") else base_url + "/"  # slack_sdk joins method names onto it
    client = MeteredWebClient(token=token, base_url=base_url, logger=_quiet_logger())  # counted for /metrics
    client.retry_handlers = [RateLimitWait(max_retry_count=rate_limit_retries)]
    return client


class RateLimitWait(AsyncRetryHandler):
    """On a 429, wait `Retry-After` seconds and let slack_sdk repeat that same call.

    The wait goes through `background.pause`, so a background job waiting for Slack gives its worker slot
    to other users' turns meanwhile (slack_sdk's own handler sleeps inside the call, holding the slot).
    A Retry-After beyond `MAX_WAIT` is not waited out: the 429 surfaces as `RateLimited`.
    """

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is not None and response.status_code == 429:
            rate_limited(request.url)
        return response is not None and response.status_code == 429 and retry_after(response.headers) <= MAX_WAIT

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        state.next_attempt_requested = True
        await pause(retry_after(response.headers) if response is not None else 1.0)
        state.increment_current_attempt()


def retry_after(headers: Mapping[str, Any]) -> float:
    """Seconds from a `Retry-After` header (a list of values or one), 1 when absent or unreadable."""
    for name, value in headers.items():
        if name.lower() == "retry-after":
            first = value[0] if isinstance(value, list) and value else value
            try:
                return max(0.0, float(first))
            except (TypeError, ValueError):
                return 1.0
    return 1.0


def _quiet_logger() -> logging.Logger:
    """slack_sdk logs whole request bodies (user text) at DEBUG; keep its logger at INFO or above."""
    logger = logging.getLogger("adapters.slack.web_api")
    logger.setLevel(logging.INFO)
    return logger


class RateLimited(DeliveryError):
    """Slack still said 429 after our retries; `retry_after` (seconds) tells the scheduler when to try again."""

    def __init__(self, retry_after: float) -> None:
        super().__init__("ratelimited", permanent=False)
        self.retry_after = retry_after


class SlackSender:
    """Delivers actions as posts in the user's DM; returns the posts' timestamps (Slack's message ids).

    `thread` (a message ts) puts every post in that thread: a person who wrote in a thread is answered there.
    """

    def __init__(self, client: AsyncWebClient, *, thread: str | None = None) -> None:
        self.client = client
        self.thread = thread

    def in_thread(self, thread: str | None) -> SlackSender:
        """The same sender posting into `thread` (itself when there is none)."""
        return self if thread is None else SlackSender(self.client, thread=thread)

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        posted: list[str] = []
        for message in render(actions):
            response = await self._call(
                self.client.chat_postMessage(
                    channel=address.channel,
                    text=message.text,
                    blocks=message.payload_blocks(),
                    unfurl_links=False,
                    unfurl_media=False,
                    metadata=_reminder_metadata(message.reminder_id),
                    thread_ts=self.thread,
                )
            )
            posted.append(str(response.get("ts", "")))
        return posted

    async def delivered(self, address: Address, reminder_id: int, since: datetime) -> str | None:
        """The post we made for `reminder_id` since `since`, found by its metadata (reminder reconciliation).

        Asked before any retry of a send whose outcome is unknown (a timeout, a connection dropped after the
        request went out), so a reminder in doubt is looked up, never re-sent blindly. The metadata
        (`event_type` thankyou_reminder, `event_payload.reminder_id`) is our idempotency marker.
        """
        response = await self._call(
            self.client.conversations_history(
                channel=address.channel, oldest=f"{since.timestamp():.6f}", include_all_metadata=True, limit=200
            )
        )
        for message in response.get("messages") or []:
            metadata = message.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") == REMINDER_EVENT and payload.get("reminder_id") == reminder_id:
                return str(message.get("ts"))
        return None

    async def _call(self, request: Awaitable[AsyncSlackResponse]) -> AsyncSlackResponse:
        """Map Slack and network failures to `DeliveryError` at the edge (never with user text)."""
        try:
            return await request
        except SlackApiError as error:
            code = str(error.response.get("error", "unknown_error"))
            log.warning("slack call failed", extra={"platform": "slack", "error": code})
            if error.response.status_code == 429:
                raise RateLimited(retry_after(error.response.headers)) from None
            raise DeliveryError(code, permanent=code in PERMANENT) from None
        except aiohttp.ClientConnectorError as error:  # no connection was made: nothing reached Slack
            log.warning("slack unreachable", extra={"platform": "slack", "error": type(error).__name__})
            raise DeliveryError("slack_unreachable", permanent=False) from None
        except (TimeoutError, aiohttp.ClientError) as error:  # the request went out; no answer came back
            log.warning("slack gave no answer", extra={"platform": "slack", "error": type(error).__name__})
            raise DeliveryInDoubt("slack_no_answer") from None


def _reminder_metadata(reminder_id: int | None) -> dict[str, Any] | None:
    if reminder_id is None:
        return None
    return {"event_type": REMINDER_EVENT, "event_payload": {"reminder_id": reminder_id}}
