"""Discord's encoded DM text → the plain text the person meant. Pure; applied once, at the edge.

Discord sends a message's `content` as it was typed, except that what the client picked from a menu is
sent as a `<…>` token. Each token becomes what the reader saw:

- `<@123>`, `<@!123>` (a person) → `@Display Name` when the message's `mentions` name them, else `@user`;
- `<@&123>` (a role) → `@role`; `<#123>` (a channel) → `#channel` (a DM carries no role or channel names);
- `<:name:123>`, `<a:name:123>` (a server's own emoji) → `:name:`;
- `<t:1700000000>`, `<t:1700000000:F>` (a date, shown to each reader in their own zone) → the moment in UTC,
  ISO-like: `2023-11-14 22:13Z` (seconds only when there are some). Whatever the style letter, the whole
  moment is kept: a date alone could fall on another day in UTC. `Z` rather than ` UTC` because the bot's
  own time reader (`bot/time/reading.py`) reads that form, so a date picked as an answer is understood;
- `</thankyou:123>`, `</thankyou start:123>` (a slash command) → `/thankyou`, `/thankyou start`.

Everything else is the person's own text and stays as typed: markdown (`**Acme**`), a `<` that starts no
token (`AT&T <Labs>`), link brackets (`<https://…>`), tokens this table does not know (`<id:customize>`),
malformed ones (`<@abc>`, `<t:1:Z>`), and a token escaped with a backslash (`\\<@123>`, which Discord shows
literally). Outgoing rendering escapes the result again, so nothing here can become a live mention.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime

_TOKEN = re.compile(
    r"(?<!\\)<(?:"
    r"@!?(?P<user>\d+)"
    r"|@&(?P<role>\d+)"
    r"|#(?P<channel>\d+)"
    r"|a?:(?P<emoji>\w+):\d+"
    r"|t:(?P<seconds>-?\d+)(?::[tTdDfFR])?"
    r"|/(?P<command>[-\w]+(?: [-\w]+){0,2}):\d+"
    r")>",
    re.ASCII,
)


def plain_text(content: str, mentions: Mapping[int, str]) -> str:
    """What the person meant, from a DM's `content` and its mentioned users' display names (by user id)."""
    return _TOKEN.sub(lambda match: _plain(match, mentions), content)


def _plain(match: re.Match[str], mentions: Mapping[int, str]) -> str:
    if (user := match["user"]) is not None:
        return "@" + (mentions.get(int(user)) or "user")
    if match["role"] is not None:
        return "@role"
    if match["channel"] is not None:
        return "#channel"
    if (emoji := match["emoji"]) is not None:
        return f":{emoji}:"
    if (seconds := match["seconds"]) is not None:
        return _moment(int(seconds)) or match[0]
    return "/" + match["command"]


def _moment(seconds: int) -> str | None:
    """Seconds since 1970 as `YYYY-MM-DD HH:MM[:SS]Z`; None when outside the calendar datetime can hold."""
    try:
        moment = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.strftime("%Y-%m-%d %H:%M:%SZ" if moment.second else "%Y-%m-%d %H:%MZ")
