"""Slack distribution end to end: install through OAuth over HTTP, per-workspace tokens, uninstall purge.

Everything runs through the real bolt AsyncApp on loopback, against the fake Slack Web API; installations
live in the real database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.actions import Say
from bot.errors import DeliveryError
from bot.events import Address
from tests.adapters.slack.oauth_rig import OAuthRig
from tests.fakes import slack_requests as sr
from tests.fakes.clock import FakeClock
from tests.fakes.slack_api import TEAM, FakeSlackApi, dm_channel

T1_TOKEN, T2_TOKEN = "xoxb-1111-team-one-secret", "xoxb-2222-team-two-secret"
T2 = "T0SECOND"


@pytest.fixture
async def oauth(slack_api: FakeSlackApi, db_url: str, clock: FakeClock) -> AsyncIterator[OAuthRig]:
    rig = await OAuthRig(slack_api, db_url, clock).start()
    yield rig
    await rig.close()


async def test_install_page_offers_add_to_slack_with_a_fresh_state(oauth: OAuthRig) -> None:
    status, page, state = await oauth.install_page()
    assert status == 200
    assert "Add to Slack" in page
    assert "https://slack.com/oauth/v2/authorize?" in page and "client_id=111.222" in page
    assert "chat:write" in page and "im:history" in page
    assert len(state) >= 32
    assert await oauth.rows(f"SELECT state FROM slack_oauth_states WHERE state = '{state}'")


async def test_a_forged_state_is_refused_and_nothing_is_exchanged(oauth: OAuthRig, slack_api: FakeSlackApi) -> None:
    slack_api.install("code-forged", T2, T2_TOKEN)
    status, _ = await oauth.redirect("code-forged", "i-made-this-state-up-myself-honest")
    assert status == 401  # bolt's answer for a state our store did not issue
    assert slack_api.calls("oauth.v2.access") == []
    assert await oauth.rows("SELECT id FROM slack_installations") == []


async def test_an_expired_state_is_refused(oauth: OAuthRig, slack_api: FakeSlackApi, clock: FakeClock) -> None:
    slack_api.install("code-late", T2, T2_TOKEN)
    _, _, state = await oauth.install_page()
    clock.advance(minutes=11)  # the person wandered off before approving
    status, _ = await oauth.redirect("code-late", state)
    assert status == 401
    assert slack_api.calls("oauth.v2.access") == []


async def test_a_state_works_once(oauth: OAuthRig, slack_api: FakeSlackApi) -> None:
    slack_api.install("code-once", T2, T2_TOKEN)
    _, _, state = await oauth.install_page()
    assert (await oauth.redirect("code-once", state))[0] == 200
    slack_api.install("code-again", T2, "xoxb-3333-replayed")
    assert (await oauth.redirect("code-again", state))[0] == 401
    assert slack_api.calls("oauth.v2.access") == [{"code": "code-once"} | slack_api.calls("oauth.v2.access")[0]]


async def test_install_exchanges_the_code_and_stores_the_token_encrypted(
    oauth: OAuthRig, slack_api: FakeSlackApi
) -> None:
    await oauth.install(T2, T2_TOKEN)
    exchanged = slack_api.calls("oauth.v2.access")
    assert [call["code"] for call in exchanged] == [f"code-{T2}"]
    rows = await oauth.rows("SELECT * FROM slack_installations")
    assert len(rows) == 1
    assert rows[0].team_id == T2 and rows[0].installer == "UINSTALLER"
    raw = " ".join(str(value) for value in rows[0])
    assert T2_TOKEN not in raw and "2222" not in raw
    assert oauth.bot is not None
    bot = await oauth.bot.app.installation_store.async_find_bot(enterprise_id=None, team_id=T2)  # type: ignore[union-attr]
    assert bot is not None and bot.bot_token == T2_TOKEN


async def test_each_workspace_is_answered_with_its_own_token(oauth: OAuthRig, slack_api: FakeSlackApi) -> None:
    await oauth.install(TEAM, T1_TOKEN)
    await oauth.install(T2, T2_TOKEN)
    assert await oauth.dm(T2, "U2SECOND", "hi um i just had an interview?? 😅") == 200
    assert await oauth.dm(TEAM, "U1FIRST", "hello, can u help w thank you notes") == 200
    second = slack_api.tokens("chat.postMessage", channel=dm_channel("U2SECOND"))
    first = slack_api.tokens("chat.postMessage", channel=dm_channel("U1FIRST"))
    assert second and set(second) == {T2_TOKEN}
    assert first and set(first) == {T1_TOKEN}


async def test_an_event_from_a_workspace_that_never_installed_posts_nothing(
    oauth: OAuthRig, slack_api: FakeSlackApi
) -> None:
    await oauth.install(T2, T2_TOKEN)
    await oauth.dm("T0STRANGER", "U3", "hey")
    assert slack_api.tokens("chat.postMessage", channel=dm_channel("U3")) == []


async def test_reminders_go_out_with_the_workspace_token_and_stop_after_uninstall(
    oauth: OAuthRig, slack_api: FakeSlackApi
) -> None:
    await oauth.install(TEAM, T1_TOKEN)
    await oauth.install(T2, T2_TOKEN)
    assert oauth.bot is not None
    sender = oauth.bot.sender  # what the scheduler delivers reminders through (no request in hand)
    await sender.send(Address("slack", T2, dm_channel("U2"), "U2"), [Say("time to send your notes")])
    await sender.send(Address("slack", TEAM, dm_channel("U1"), "U1"), [Say("time to send your notes")])
    assert slack_api.tokens("chat.postMessage", channel=dm_channel("U2")) == [T2_TOKEN]
    assert slack_api.tokens("chat.postMessage", channel=dm_channel("U1")) == [T1_TOKEN]
    await oauth.send(sr.event(sr.uninstalled(), team=T2))
    with pytest.raises(DeliveryError) as failed:
        await sender.send(Address("slack", T2, dm_channel("U2"), "U2"), [Say("again")])
    assert failed.value.permanent


@pytest.mark.parametrize("goodbye", ["app_uninstalled", "tokens_revoked"])
async def test_uninstall_deletes_that_workspace_and_only_that_one(oauth: OAuthRig, goodbye: str) -> None:
    await oauth.install(TEAM, T1_TOKEN)
    await oauth.install(T2, T2_TOKEN)
    for team, user, typed in ((T2, "U2SECOND", "acme corp i think"), (TEAM, "U1FIRST", "globex!! 🙏")):
        await oauth.send_command(team, user)
        await oauth.dm(team, user, typed)
    before = await oauth.rows("SELECT workspace FROM conversations")
    assert {row.workspace for row in before} == {TEAM, T2}
    inner = sr.uninstalled() if goodbye == "app_uninstalled" else sr.tokens_revoked()
    assert await oauth.send(sr.event(inner, team=T2)) == 200
    for table in ("conversations", "notes", "reminders", "user_prefs"):
        left = await oauth.rows(f"SELECT workspace FROM {table}")
        assert T2 not in {row.workspace for row in left}, table
    assert {row.workspace for row in await oauth.rows("SELECT workspace FROM conversations")} == {TEAM}
    assert [row.team_id for row in await oauth.rows("SELECT team_id FROM slack_installations")] == [TEAM]
