"""Running `thankyou-bot` as a real process whose discord.py talks to the loopback fake.

A test-only `sitecustomize` on PYTHONPATH points discord.py's REST base at the fake (the same patch
`point_discord_at` makes in-process), so the production code needs no knob for it.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.fakes.discord_gateway import API
from tests.fakes.http_api import FakeHttpApi

ROOT = Path(__file__).resolve().parents[3]
SHIM = '''"""Test-only: send discord.py's REST calls to the loopback fake named by THANKYOU_TEST_DISCORD_API."""
import os

if os.environ.get("THANKYOU_TEST_DISCORD_API"):
    from discord.http import Route

    Route.BASE = os.environ["THANKYOU_TEST_DISCORD_API"]
'''


def discord_env(tmp_path: Path, api: FakeHttpApi, **values: str) -> dict[str, str]:
    """The environment for a child process: the shim first on PYTHONPATH, no Slack, and `values`."""
    shim = tmp_path / "shim"
    shim.mkdir(exist_ok=True)
    (shim / "sitecustomize.py").write_text(SHIM, encoding="utf-8")
    env = {
        **os.environ,
        "THANKYOU_TEST_DISCORD_API": api.base_url + API,
        "PYTHONPATH": os.pathsep.join([str(shim), str(ROOT)]),
        "PYTHONWARNINGS": "default::ResourceWarning",  # an unclosed session or connector would show
        **values,
    }
    for slack in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"):
        env.pop(slack, None)
    return env
