"""The career-channel post's wording: a plain-text template with a few named variables, checked on save.

Admins write the template, so it is never evaluated as code (no Jinja): `{name}` tokens are replaced by
plain substitution, and only the names in `VARIABLES` are accepted. The default lives in
`templates/channel/post.txt`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot import TEMPLATES_DIR

MAX_CHARS = 1000
VARIABLES = ("command", "button", "stats")
DEFAULT_PATH = TEMPLATES_DIR / "channel" / "post.txt"
_TOKEN = re.compile(r"\{\s*([^{}\s]*)\s*\}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class TemplateError(ValueError):
    """Why a template was refused: `problem` is "empty", "too_long", "control" or "unknown"."""

    def __init__(self, problem: str, *, names: tuple[str, ...] = ()) -> None:
        super().__init__(problem)
        self.problem = problem
        self.names = names


@dataclass(frozen=True, slots=True)
class Filling:
    """What the variables become for one post."""

    command: str
    button: str
    stats: str | None


@cache
def default_template() -> str:
    return DEFAULT_PATH.read_text(encoding="utf-8").strip()


def validate(template: str) -> str:
    """The template as it will be stored (trimmed), or TemplateError saying what is wrong with it."""
    cleaned = template.replace("\r\n", "\n").strip()
    if not cleaned:
        raise TemplateError("empty")
    if len(cleaned) > MAX_CHARS:
        raise TemplateError("too_long")
    if _CONTROL.search(cleaned):
        raise TemplateError("control")
    unknown = tuple(dict.fromkeys(n for n in _TOKEN.findall(cleaned) if n not in VARIABLES))
    if unknown:
        raise TemplateError("unknown", names=unknown)
    return cleaned


def render(template: str | None, filling: Filling) -> str:
    """The post's text: variables replaced, an empty `{stats}` line dropped, no trailing blank lines."""
    values = {"command": filling.command, "button": filling.button, "stats": filling.stats or ""}
    text = _TOKEN.sub(lambda m: values.get(m.group(1), m.group(0)), template or default_template())
    lines = [line.rstrip() for line in text.split("\n")]
    kept = [line for i, line in enumerate(lines) if line or (i > 0 and lines[i - 1])]
    return "\n".join(kept).strip()
