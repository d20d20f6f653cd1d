"""Slack OAuth's start-up rules and key handling: keygen, a missing or bad ENCRYPTION_KEY, Socket Mode refused,
token rotation through bolt with our store, and the manifest's scopes and events."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml
from cryptography.fernet import Fernet

from adapters.slack import oauth
from adapters.slack.app import build_bot
from bot import cli
from bot.errors import ConfigError
from tests.adapters.slack.oauth_rig import OAuthRig, oauth_settings
from tests.fakes.clock import FakeClock
from tests.fakes.slack_api import FakeSlackApi, dm_channel

MANIFEST = Path(__file__).resolve().parents[3] / "deploy" / "slack" / "manifest.yml"
T2 = "T0SECOND"


def test_keygen_prints_a_working_fernet_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["keygen"]) == 0
    key = capsys.readouterr().out.strip()
    assert Fernet(key.encode()).decrypt(Fernet(key.encode()).encrypt(b"xoxb-secret")) == b"xoxb-secret"
    assert cli.main(["keygen"]) == 0
    assert capsys.readouterr().out.strip() != key  # a new one each time


def test_oauth_without_encryption_key_refuses_to_build(slack_api: FakeSlackApi, sqlite_url: str) -> None:
    with pytest.raises(ConfigError, match="ENCRYPTION_KEY is not set"):
        build_bot(oauth_settings(slack_api, sqlite_url, encryption_key=None))


def test_oauth_with_a_malformed_key_names_the_variable(slack_api: FakeSlackApi, sqlite_url: str) -> None:
    with pytest.raises(ConfigError, match="ENCRYPTION_KEY is not a valid key"):
        build_bot(oauth_settings(slack_api, sqlite_url, encryption_key="my-super-secret-password"))


def test_oauth_is_refused_in_socket_mode(slack_api: FakeSlackApi, sqlite_url: str) -> None:
    with pytest.raises(ConfigError, match="need HTTP mode"):
        build_bot(oauth_settings(slack_api, sqlite_url), socket_mode=True)


def test_a_bot_token_beside_oauth_credentials_is_refused(slack_api: FakeSlackApi, sqlite_url: str) -> None:
    with pytest.raises(ConfigError, match="not both"):
        build_bot(oauth_settings(slack_api, sqlite_url, slack_bot_token="xoxb-1-2-abcdef"))


def test_cli_start_without_key_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], sqlite_url: str, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the checkout
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "ENCRYPTION_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    monkeypatch.setenv("SLACK_CLIENT_ID", "111.222")
    monkeypatch.setenv("SLACK_CLIENT_SECRET", "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "8f742231b10e8888abcd99yyyzzz85a5")
    assert cli.main(["slack", "--http", "--port", "0"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "ENCRYPTION_KEY" in error and "keygen" in error


@pytest.fixture
async def rig(slack_api: FakeSlackApi, sqlite_url: str, clock: FakeClock) -> AsyncIterator[OAuthRig]:
    started = await OAuthRig(slack_api, sqlite_url, clock).start()
    yield started
    await started.close()


async def test_a_rotating_token_is_refreshed_by_bolt_and_saved_encrypted(
    rig: OAuthRig, slack_api: FakeSlackApi
) -> None:
    slack_api.install(f"code-{T2}", T2, "xoxe.xoxb-first-expiring", rotating=True)
    _, _, state = await rig.install_page()
    assert (await rig.redirect(f"code-{T2}", state))[0] == 200
    await rig.send_command(T2, "U2")
    used = slack_api.tokens("chat.postMessage", channel=dm_channel("U2"))
    assert used and set(used) == {"xoxe.xoxb-rotated-T0SECOND-1"}  # refreshed before it expired
    rows = await rig.rows("SELECT secrets, bot_token_expires_at FROM slack_installations")
    assert "rotated" not in rows[0].secrets and "refresh" not in rows[0].secrets
    assert rows[0].bot_token_expires_at is not None
    assert rig.bot is not None
    bot = await rig.bot.app.installation_store.async_find_bot(enterprise_id=None, team_id=T2)  # type: ignore[union-attr]
    assert bot is not None and bot.bot_refresh_token == "xoxe-1-refresh-T0SECOND-1"
    await rig.send_command(T2, "U2")
    assert slack_api.rotated == 1  # the new token has hours left: no second refresh


def test_manifest_asks_for_the_scopes_oauth_asks_for_and_hears_uninstalls() -> None:
    data = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert sorted(data["oauth_config"]["scopes"]["bot"]) == sorted(oauth.DEFAULT_SCOPES)
    events = data["settings"]["event_subscriptions"]["bot_events"]
    assert "app_uninstalled" in events and "tokens_revoked" in events
