"""Counting Discord REST calls and 429s by route for /metrics.

Every REST call of discord.py goes through `HTTPClient.request`; the label is the route's template
(`POST /channels/{channel_id}/messages`), never its ids or token. discord.py waits out short 429s inside that
call and retries, so the 429 counted here is the one that reached us (a long wait it refused, or retries
used up); its own waits show in its log as "We are being rate limited".
"""

from __future__ import annotations

from typing import Any

import discord
from discord.http import HTTPClient, Route

from bot.observability import metrics

TOO_MANY_REQUESTS = 429


def meter(http: HTTPClient) -> None:
    """Wrap `http.request` (once) so each call is counted."""
    request = http.request
    if getattr(request, "metered", False):
        return

    async def metered(route: Route, **kwargs: Any) -> Any:
        name = f"{route.method} {route.path}"
        metrics.api_call("discord", name)
        try:
            return await request(route, **kwargs)
        except discord.RateLimited:
            metrics.rate_limited("discord", name)
            raise
        except discord.HTTPException as error:
            if error.status == TOO_MANY_REQUESTS:
                metrics.rate_limited("discord", name)
            raise

    metered.metered = True  # type: ignore[attr-defined]
    http.request = metered  # type: ignore[method-assign]
