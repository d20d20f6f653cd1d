"""`/healthz`, `/readyz` and `/metrics` as aiohttp routes, on their own port or added to an existing app.

`/healthz` answers 200 while the event loop runs (a liveness probe restarts a wedged process, nothing more).
`/readyz` runs the process's checks (database, platform connection) and answers 200 only when all pass,
else 503 with the first short reason, so a load balancer stops sending traffic to a replica that cannot
serve it. `/metrics` is the Prometheus text format of the process's `Metrics`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.observability import metrics

#: a readiness check: None when fine, else a short reason (no secrets, no user data)
Check = Callable[[], Awaitable[str | None]]
CHECK_TIMEOUT = 2.0
log = logging.getLogger(__name__)


async def database_problem(engine: AsyncEngine, *, timeout: float = CHECK_TIMEOUT) -> str | None:
    """A `SELECT 1` within `timeout` seconds; a reason when the database does not answer."""
    try:
        async with asyncio.timeout(timeout):
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
    except TimeoutError:
        return "database timed out"
    except Exception as error:  # any driver or network failure means "not ready", never a crashed probe
        log.info("readiness: database unreachable", extra={"error": type(error).__name__})
        return "database unreachable"
    return None


def add_routes(app: web.Application, checks: Sequence[Check]) -> None:
    """Add the three endpoints to `app` (Slack HTTP mode serves them beside `/slack/events`)."""

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def readyz(_request: web.Request) -> web.Response:
        for check in checks:
            try:
                reason = await check()
            except Exception as error:
                log.info("readiness check failed", extra={"error": type(error).__name__})
                reason = "check failed"
            if reason is not None:
                return web.json_response({"status": "unavailable", "reason": reason}, status=503)
        return web.json_response({"status": "ready"})

    async def metrics_text(_request: web.Request) -> web.Response:
        return web.Response(body=metrics.current().exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics_text)


async def serve(port: int, checks: Sequence[Check], *, host: str = "0.0.0.0") -> web.AppRunner:
    """Serve the endpoints on `port` (all interfaces: probes and Prometheus come from outside the pod);
    port 0 picks a free port. Call `cleanup()` on the runner to stop."""
    app = web.Application()
    add_routes(app, checks)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    log.info("health and metrics listening", extra={"port": port})
    return runner


def bound_port(runner: web.AppRunner) -> int:
    for site in runner.sites:
        server = getattr(site, "_server", None)
        if server is not None and server.sockets:
            return int(server.sockets[0].getsockname()[1])
    raise RuntimeError("the health server is not listening")
