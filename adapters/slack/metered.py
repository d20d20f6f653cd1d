"""Counting Slack Web API calls and 429s by method for /metrics (method names only, never arguments)."""

from __future__ import annotations

from typing import Any

from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.observability import metrics


class MeteredWebClient(AsyncWebClient):
    """slack_sdk's client; every Web API method goes through `api_call`, so each call is counted once."""

    async def api_call(self, api_method: str, **kwargs: Any) -> AsyncSlackResponse:
        metrics.api_call("slack", api_method)
        return await super().api_call(api_method, **kwargs)


def rate_limited(url: str) -> None:
    """Count a 429 for the method at the end of a Web API URL (`…/api/chat.postMessage`)."""
    metrics.rate_limited("slack", url.rstrip("/").rsplit("/", 1)[-1].split("?", 1)[0])
