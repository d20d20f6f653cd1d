"""Wrong tokens are named at start: missing, placeholder or swapped ones when the bot is built (no network), ones
Slack refuses (`auth.test`, `apps.connections.open`) when `thankyou-bot slack` starts, before the database; the
command exits 2 with one line on stderr. A Slack that cannot be asked does not stop the bot."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
from pathlib import Path

import pytest

from adapters.slack import build_bot
from adapters.slack.app import GUIDE
from adapters.slack.main import run
from bot.config import Settings, load_settings
from bot.errors import ConfigError
from bot.runtime import build_core
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import FakeSlackApi

ROOT = Path(__file__).resolve().parents[3]
BOUND = 30.0
REAL_BOT = "xoxb-1234-5678-AbCdEf"
REAL_APP = "xapp-1-A0APP-1234-abcdef"


def settings(tmp_path: Path, api: FakeSlackApi, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": f"sqlite:///{tmp_path}/bot.db",
        "slack_bot_token": REAL_BOT,
        "slack_app_token": REAL_APP,
        "slack_signing_secret": sr.SECRET,
        "slack_api_url": api.base_url,
        "run_scheduler": False,
    }
    values.update(overrides)
    return load_settings(**values)


def refuse(api: FakeSlackApi, method: str, error: str) -> None:
    """Slack's answer to a bad token: HTTP 200 with ok=false."""
    api.http.script(api.path(method), body={"ok": False, "error": error})


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        (None, "SLACK_BOT_TOKEN is not set"),
        ("", "SLACK_BOT_TOKEN is not set"),
        ("changeme", "SLACK_BOT_TOKEN is still a placeholder"),
        ("xoxb-your-token", "SLACK_BOT_TOKEN is still a placeholder"),
        ("xoxb-...", "SLACK_BOT_TOKEN is still a placeholder"),
        ("xoxb-xxxxxxxxxxxx", "SLACK_BOT_TOKEN is still a placeholder"),
        ("xoxb-your-bot-token-here", "SLACK_BOT_TOKEN is still a placeholder"),
        ("xapp-1-A0APP-1234-abcdef", r"SLACK_BOT_TOKEN holds an app-level token \(xapp-…\) where a bot token"),
        ("xoxp-1234-5678-abcdef", r"SLACK_BOT_TOKEN does not look like a bot token \(xoxb-…\)"),
    ],
)
async def test_a_bad_bot_token_is_named_when_building(
    tmp_path: Path, slack_api: FakeSlackApi, token: str | None, expected: str
) -> None:
    with pytest.raises(ConfigError, match=expected) as error:
        build_bot(settings(tmp_path, slack_api, slack_bot_token=token))
    message = str(error.value)
    assert GUIDE in message and "\n" not in message
    assert "1234" not in message, "never echoes the token"
    assert slack_api.http.calls == []


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        (None, "SLACK_APP_TOKEN is not set"),
        ("xapp-...", "SLACK_APP_TOKEN is still a placeholder"),
        ("xapp-your-app-token", "SLACK_APP_TOKEN is still a placeholder"),
        ("xoxb-1234-5678-AbCdEf", r"SLACK_APP_TOKEN holds a bot token \(xoxb-…\) where an app-level token"),
    ],
)
async def test_a_bad_app_token_is_named_before_any_network_or_database(
    tmp_path: Path, slack_api: FakeSlackApi, token: str | None, expected: str
) -> None:
    with pytest.raises(ConfigError, match=expected) as error:
        await run(build_core(settings(tmp_path, slack_api, slack_app_token=token)), http=False, port=0)
    assert GUIDE in str(error.value)
    assert slack_api.http.calls == []
    assert not (tmp_path / "bot.db").exists()


@pytest.mark.parametrize("code", ["invalid_auth", "token_revoked", "account_inactive", "not_authed"])
@pytest.mark.parametrize("http", [True, False], ids=["http", "socket mode"])
async def test_a_bot_token_slack_refuses_stops_the_start(
    tmp_path: Path, slack_api: FakeSlackApi, code: str, http: bool
) -> None:
    refuse(slack_api, "auth.test", code)
    with pytest.raises(ConfigError, match=rf"Slack refused SLACK_BOT_TOKEN \({code}\)") as error:
        await run(build_core(settings(tmp_path, slack_api)), http=http, port=0)
    assert GUIDE in str(error.value) and "\n" not in str(error.value)
    assert len(slack_api.calls("auth.test")) == 1
    assert not (tmp_path / "bot.db").exists(), "refused before touching the database"


@pytest.mark.parametrize("code", ["invalid_auth", "token_revoked", "missing_scope"])
async def test_an_app_token_slack_refuses_stops_the_start(tmp_path: Path, slack_api: FakeSlackApi, code: str) -> None:
    refuse(slack_api, "apps.connections.open", code)
    with pytest.raises(ConfigError, match=rf"Slack refused SLACK_APP_TOKEN \({code}\)"):
        await run(build_core(settings(tmp_path, slack_api)), http=False, port=0)
    [call] = slack_api.http.calls_to(slack_api.path("apps.connections.open"))
    assert call.headers["Authorization"] == f"Bearer {REAL_APP}", "asked with the app-level token"
    assert not (tmp_path / "bot.db").exists()


async def test_a_slack_that_cannot_answer_does_not_stop_the_start(
    tmp_path: Path, slack_api: FakeSlackApi, caplog: pytest.LogCaptureFixture
) -> None:
    """A 5xx is not a verdict on the token: the bot starts (and bolt asks again on the first request)."""
    slack_api.http.script(slack_api.path("auth.test"), status=500, body={"ok": False, "error": "internal_error"})
    caplog.set_level(logging.INFO)
    task = asyncio.create_task(run(build_core(settings(tmp_path, slack_api)), http=True, port=0))
    try:
        async with asyncio.timeout(BOUND):
            while not any(r.getMessage() == "slack http mode listening" for r in caplog.records):
                assert not task.done(), task.result()
                await asyncio.sleep(0.02)
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    assert any("could not check SLACK_BOT_TOKEN" in r.getMessage() for r in caplog.records)


def _environment(tmp_path: Path, **variables: str) -> dict[str, str]:
    """A clean environment: nothing Slack-, Discord- or database-related leaks in from the caller's."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_", "DATABASE_", "LOG_"))}
    return {**keep, "PYTHONPATH": str(ROOT), "DATABASE_URL": f"sqlite:///{tmp_path}/cli.db", **variables}


async def _cli(tmp_path: Path, env: dict[str, str], *args: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "slack", *args, cwd=tmp_path, env=env,  # cwd: no .env file is read
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        async with asyncio.timeout(BOUND):
            _out, err = await process.communicate()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode is not None
    return process.returncode, err.decode()


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize("http", [True, False], ids=["http", "socket mode"])
async def test_the_command_exits_2_with_one_line_for_a_revoked_token(
    tmp_path: Path, slack_api: FakeSlackApi, http: bool
) -> None:
    refuse(slack_api, "auth.test", "token_revoked")
    env = _environment(
        tmp_path, SLACK_BOT_TOKEN=REAL_BOT, SLACK_APP_TOKEN=REAL_APP, SLACK_SIGNING_SECRET=sr.SECRET,
        SLACK_API_URL=slack_api.base_url,
    )  # fmt: skip
    code, stderr = await _cli(tmp_path, env, *(["--http", "--port", "0"] if http else []))
    assert code == 2
    line = _one_line(stderr)
    assert line.startswith("thankyou-bot: Slack refused SLACK_BOT_TOKEN (token_revoked)")
    assert GUIDE in line and REAL_BOT not in line
    assert not (tmp_path / "cli.db").exists()


async def test_the_command_exits_2_with_one_line_for_a_revoked_app_token(
    tmp_path: Path, slack_api: FakeSlackApi
) -> None:
    refuse(slack_api, "apps.connections.open", "invalid_auth")
    env = _environment(tmp_path, SLACK_BOT_TOKEN=REAL_BOT, SLACK_APP_TOKEN=REAL_APP, SLACK_API_URL=slack_api.base_url)
    code, stderr = await _cli(tmp_path, env)
    assert code == 2
    assert _one_line(stderr).startswith("thankyou-bot: Slack refused SLACK_APP_TOKEN (invalid_auth)")


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"SLACK_BOT_TOKEN": REAL_APP, "SLACK_APP_TOKEN": REAL_BOT}, "SLACK_BOT_TOKEN holds an app-level token"),
        ({"SLACK_BOT_TOKEN": REAL_BOT, "SLACK_APP_TOKEN": REAL_BOT}, "SLACK_APP_TOKEN holds a bot token"),
        ({"SLACK_BOT_TOKEN": "xoxb-...", "SLACK_APP_TOKEN": REAL_APP}, "SLACK_BOT_TOKEN is still a placeholder"),
    ],
    ids=["swapped", "bot token twice", "placeholder"],
)
async def test_the_command_names_a_swapped_or_placeholder_token(
    tmp_path: Path, slack_api: FakeSlackApi, variables: dict[str, str], expected: str
) -> None:
    code, stderr = await _cli(tmp_path, _environment(tmp_path, SLACK_API_URL=slack_api.base_url, **variables))
    assert code == 2
    line = _one_line(stderr)
    assert line.startswith(f"thankyou-bot: {expected}") and GUIDE in line
    assert slack_api.http.calls == [], "decided without asking Slack"
