"""Slack's encoded message text → the plain text the person typed. Pure; applied once, at the edge.

Slack sends `&`, `<` and `>` as `&amp;`, `&lt;`, `&gt;`, so every real `<` in a message starts a token
`<target>` or `<target|label>`. Each token becomes the text a reader saw:

- `<mailto:a@b.example|a@b.example>` → `a@b.example` (the label; the address when there is none);
- `<https://x.example/talk>` → `https://x.example/talk`;
- `<https://x.example/talk|the talk>` → `the talk (https://x.example/talk)`, but just the label when it is
  part of the link itself (Slack's auto-links: typing `x.example` sends `<http://x.example|x.example>`);
- `<@U024BE7LH|priya>` → `@priya`; without a label (what Slack sends today) the display name the listener
  looked up (`names`), else the id, `@U024BE7LH`;
- `<#C024BE7LR|careers>` → `#careers`; `<#C024BE7LR>` → `#C024BE7LR`;
- `<!subteam^S0123|@eng>` → `@eng`; `<!subteam^S0123>` → `@S0123`;
- `<!here>`, `<!channel>`, `<!everyone>` → `@here`, `@channel`, `@everyone`;
- `<!date^1392734382^{date}|Feb 18>` → `Feb 18` (the fallback; the timestamp when there is none).

An emoji typed in a message arrives in `text` as its `:shortcode:`; `emoji` (shortcode → character, read
from the message's rich-text blocks, which carry each emoji's code points) turns it back into the emoji.

A label is split at the first `|`, so a label may itself contain `|`. A `<` without a closing `>` is kept
as typed. The result is plain text: when it is echoed back, our outgoing escaping turns `<`, `>` and `&`
into entities again, so `@priya` or `<!here>` never becomes a live mention.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}
_ENTITY = re.compile("|".join(_ENTITIES))
_TOKEN = re.compile(r"<([^<>]*)>")
_SPECIAL = {"here", "channel", "everyone"}
_SHORTCODE = re.compile(r":([a-z0-9_+'-]+(?:::skin-tone-\d)?):")
_NONE: Mapping[str, str] = {}


def unescape(text: str) -> str:
    """Slack's three entities back to characters, in one pass (so `&amp;lt;` stays `&lt;`)."""
    return _ENTITY.sub(lambda match: _ENTITIES[match.group(0)], text)


def plain_text(text: str, *, names: Mapping[str, str] = _NONE, emoji: Mapping[str, str] = _NONE) -> str:
    """What the person typed, from Slack's encoded `text` (see the module's table)."""
    pieces: list[str] = []
    at = 0
    for match in _TOKEN.finditer(text):
        pieces.append(_plain(text[at : match.start()], emoji))
        pieces.append(_token(match.group(1), names))
        at = match.end()
    pieces.append(_plain(text[at:], emoji))
    return "".join(pieces)


def unnamed_mentions(text: str) -> list[str]:
    """User ids mentioned without a label: the listener looks their display names up before decoding."""
    return sorted({m.group(1) for m in re.finditer(r"<@([UW][A-Z0-9]+)>", text)})


def _plain(text: str, emoji: Mapping[str, str]) -> str:
    plain = unescape(text)
    if not emoji:
        return plain
    return _SHORTCODE.sub(lambda m: emoji.get(m.group(1), m.group(0)), plain)


def _token(inner: str, names: Mapping[str, str] = _NONE) -> str:
    raw_target, bar, raw_label = inner.partition("|")
    target, label = unescape(raw_target), unescape(raw_label) if bar else None
    if target.startswith("@"):
        return "@" + (label.removeprefix("@") if label else names.get(target[1:], target[1:]))
    if target.startswith("#"):
        return "#" + (label.removeprefix("#") if label else target[1:])
    if target.startswith("!"):
        return _special(target[1:], label)
    if target.startswith("mailto:"):
        return label if label else target.removeprefix("mailto:")
    if label is None or label == target:
        return target
    if not label or label in target:  # an auto-link shows (part of) its own address
        return label or target
    return f"{label} ({target})"


def _special(target: str, label: str | None) -> str:
    """`<!here>`, `<!subteam^S…|@eng>`, `<!date^…|fallback>` and any future `<!…>` command."""
    name, _, detail = target.partition("^")
    if label:
        return label
    if name in _SPECIAL or name == "subteam":
        return "@" + (detail or name)
    return detail.partition("^")[0] if name == "date" else "@" + name
