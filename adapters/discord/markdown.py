"""User text → Discord markdown that always displays literally and pings nobody. Pure.

Discord's markdown shows the character after a backslash literally when it is neither a letter, a digit nor
white space, so `escape` puts a backslash before everything that could start markup; un-escaping (dropping
those backslashes and the `<…>` around links) gives the original text back. Checked against an independent
model of Discord's markdown in tests/adapters/discord/markdown_model.py.
"""

from __future__ import annotations

import re

#: Discord's markdown shows the character after a backslash literally when it is neither a letter, a digit nor
#: white space. These characters are escaped wherever they stand: emphasis, underline, strike, spoiler and code
#: (`* _ ~ | ``), masked links (`[`), and `<`, which starts mentions, channel links, dates (`<t:…>`), commands,
#: custom emoji and autolinks. `@` is escaped before "everyone" and "here".
INLINE_MARKUP = frozenset("\\*_~|`<[")
_EVERYONE = re.compile(r"@(?=everyone|here)", re.IGNORECASE)
#: quotes, headings, subtext and lists only count at the start of a line (after spaces)
LINE_START = re.compile(r"^([ \t]*)(?=[>#+-])", re.MULTILINE)
_NUMBERED = re.compile(r"^([ \t]*\d+)\.", re.MULTILINE)
#: the URLs Discord links by itself; greedy, like Discord's own rule, without trailing punctuation
URL = re.compile(r"https?://[^\s<>]*[^\s<>.,:;\"')\]]", re.IGNORECASE)


def escape(text: str) -> str:
    """Neutral text → Discord markdown that displays exactly `text` and pings nobody.

    URLs are wrapped in `<…>` instead of escaped: Discord shows them as they are (a backslash inside a link
    would show), they end exactly where they should, and no preview is embedded for a user's link.
    """
    parts: list[str] = []
    start = 0
    for url in URL.finditer(text):
        parts.append(_escape_plain(text[start : url.start()]))
        parts.append(f"<{url.group()}>")
        start = url.end()
    parts.append(_escape_plain(text[start:]))
    return guard_line_start("".join(parts))


def _escape_plain(text: str) -> str:
    escaped = "".join("\\" + c if c in INLINE_MARKUP else c for c in text)
    return _EVERYONE.sub(r"\\@", escaped)


def guard_line_start(text: str) -> str:
    """Escape what would start a quote, heading, subtext or list at the start of any line of `text`."""
    return LINE_START.sub(r"\1\\", _NUMBERED.sub(r"\1\\.", text))
