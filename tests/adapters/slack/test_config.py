"""Start-up: clear errors for missing secrets, no network or database work until the app is used."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest

from adapters.slack import build_app, build_bot
from adapters.slack.main import run
from bot.config import Settings, load_settings
from bot.errors import ConfigError
from bot.runtime import build_core
from tests.fakes import slack_requests as sr
from tests.fakes.slack_api import FakeSlackApi


def settings(tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": f"sqlite:///{tmp_path}/bot.db",
        "slack_bot_token": "xoxb-test-token",
        "slack_signing_secret": sr.SECRET,
        "slack_app_token": None,
        "slack_api_url": "http://127.0.0.1:9/api/",
    }
    values.update(overrides)
    return load_settings(**values)


@pytest.mark.parametrize(
    ("missing", "variable"),
    [("slack_bot_token", "SLACK_BOT_TOKEN"), ("slack_signing_secret", "SLACK_SIGNING_SECRET")],
)
@pytest.mark.parametrize("value", [None, "", "changeme", "xoxb-your-token"])
def test_missing_or_placeholder_secret_is_a_clear_config_error(
    tmp_path: Path, missing: str, variable: str, value: str | None
) -> None:
    with pytest.raises(ConfigError, match=variable) as error:
        build_app(settings(tmp_path, **{missing: value}))
    assert ("is not set" if not value else "is still a placeholder") in str(error.value)
    assert "deploy/slack/README.md" in str(error.value)


async def test_socket_mode_needs_the_app_token_not_the_signing_secret(tmp_path: Path) -> None:
    configured = settings(tmp_path, slack_signing_secret=None)
    assert isinstance(build_app(configured, socket_mode=True), AsyncApp)
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN"):
        await run(build_core(configured), http=False, port=0)
    assert not (tmp_path / "bot.db").exists(), "refused before touching the database"


async def test_building_touches_neither_network_nor_database(tmp_path: Path, slack_api: FakeSlackApi) -> None:
    app = build_app(settings(tmp_path, slack_api_url=slack_api.base_url))
    assert isinstance(app, AsyncApp)
    assert slack_api.http.calls == []
    assert not (tmp_path / "bot.db").exists()


async def test_slack_api_url_is_used_with_or_without_trailing_slash(tmp_path: Path, slack_api: FakeSlackApi) -> None:
    bot = build_bot(settings(tmp_path, slack_api_url=slack_api.base_url.rstrip("/")))
    try:
        await bot.ready()
        response = await bot.app.async_dispatch(_signed_command())
        assert response.status == 200
        await bot.drain()
        assert slack_api.calls("conversations.open"), "the Web API calls went to SLACK_API_URL"
        assert str(bot.client.base_url) == slack_api.base_url
    finally:
        await bot.close()


def test_bolt_safety_switches_stay_on(tmp_path: Path) -> None:
    bot = build_bot(settings(tmp_path))
    middleware = {type(m).__name__ for m in bot.app._async_middleware_list}
    assert "AsyncRequestVerification" in middleware
    assert "AsyncIgnoringSelfEvents" in middleware


def _signed_command() -> AsyncBoltRequest:
    request = sr.command("U0CFG")
    headers: dict[str, str | Sequence[str]] = {k.lower(): [v] for k, v in request.signed().items()}
    return AsyncBoltRequest(body=request.body.decode(), headers=headers)
