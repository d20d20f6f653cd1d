"""HTTP mode: an aiohttp server with Slack's request URL `/slack/events` (and `/healthz` for load balancers)."""

from __future__ import annotations

import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp

EVENTS_PATH = "/slack/events"
log = logging.getLogger(__name__)


def make_web_app(app: AsyncApp) -> web.Application:
    """Requests go to bolt as received: the signature is checked over the raw body before anything else."""

    async def events(request: web.Request) -> web.Response:
        try:
            bolt_request = await to_bolt_request(request)
        except ValueError:  # not UTF-8, or not the JSON it claims to be: refuse quietly, log nothing of it
            log.info("unreadable slack request refused", extra={"platform": "slack"})
            return web.json_response({"error": "invalid request"}, status=400)
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    async def health(_request: web.Request) -> web.Response:
        return web.Response(text="ok")

    web_app = web.Application(client_max_size=1024 * 1024)
    web_app.router.add_post(EVENTS_PATH, events)
    web_app.router.add_get("/healthz", health)
    return web_app


async def serve(app: AsyncApp, *, host: str, port: int) -> web.AppRunner:
    """Start listening and return the runner (call `cleanup()` on it to stop); port 0 picks a free port."""
    runner = web.AppRunner(make_web_app(app), access_log=None)
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
