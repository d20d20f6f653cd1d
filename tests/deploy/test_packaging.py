"""The build context and Compose file: only sources go into the image; only asked-for services start."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
_GLOB = {"**/": "(.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}


@cache
def ignore_rules() -> list[tuple[bool, re.Pattern[str]]]:
    """.dockerignore as (excluded?, pattern): Docker's rules, last match wins, `**` crosses directories."""
    rules = []
    for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        negated, glob = line.startswith("!"), line.lstrip("!").strip("/")
        regex = "".join(_GLOB.get(part, re.escape(part)) for part in re.split(r"(\*\*/?|\*|\?)", glob) if part)
        rules.append((not negated, re.compile(regex)))
    return rules


def excluded(path: str) -> bool:
    """Whether Docker leaves `path` out of the build context (a rule on a directory covers what is inside)."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    verdict = False
    for exclude, pattern in ignore_rules():
        if any(pattern.fullmatch(prefix) for prefix in prefixes):
            verdict = exclude
    return verdict


@pytest.mark.parametrize(
    "path", [".venv/lib/python3.11/site-packages/discord/client.py", "thankyou-bot.db", "bot/thankyou.db-wal",
             "deploy/.env", ".env", "bot/__pycache__/runtime.cpython-311.pyc", ".git/HEAD", "tests/conftest.py",
             "benchmarks/README.md", ".mypy_cache/x.json"],
)  # fmt: skip
def test_the_build_context_leaves_out_environments_databases_secrets_and_caches(path: str) -> None:
    assert excluded(path)


def test_everything_the_dockerfile_copies_is_in_the_build_context() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    sources = [src for line in dockerfile.splitlines() if line.startswith("COPY ") for src in line.split()[1:-1]]
    assert sources, "the Dockerfile copies the sources"
    for source in sources:
        assert (ROOT / source).exists() and not excluded(source), source
    for module in ("bot/runtime.py", "adapters/slack/server.py", "templates/flows/thank_you.yaml"):
        assert not excluded(module)


def test_a_regular_install_carries_every_template_file() -> None:
    """The image installs with `pip install .`: templates reach it only through [tool.setuptools.data-files]
    (a folder left out there, as `samples/` once was, breaks the sample note only in the image)."""
    data_files = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["data-files"]
    shipped = {path for globs in data_files.values() for glob in globs for path in ROOT.glob(glob)}
    templates = {path for path in (ROOT / "templates").rglob("*") if path.is_file()}
    assert not templates - shipped, sorted(str(p.relative_to(ROOT)) for p in templates - shipped)
    for target, globs in data_files.items():
        assert all(target == f"share/thankyou-bot/{Path(glob).parent}" for glob in globs), target


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    return loaded


def started(*profiles: str) -> set[str]:
    """What `docker compose --profile … up` starts: services without profiles or in one named, and their needs."""
    services = compose()["services"]
    chosen = {n for n, s in services.items() if not s.get("profiles") or set(s["profiles"]) & set(profiles)}
    pending = list(chosen)
    while pending:
        for needed in services[pending.pop()].get("depends_on", {}):
            if needed not in chosen:
                chosen.add(needed)
                pending.append(needed)
    return chosen


def test_compose_starts_only_the_platforms_an_admin_asks_for() -> None:
    assert started() == {"db", "migrate"}, "no bot and no worker without a profile"
    assert started("slack") == {"db", "migrate", "slack", "worker"}
    assert started("discord") == {"db", "migrate", "discord", "worker"}
    assert started("slack", "discord") == {"db", "migrate", "slack", "discord", "worker"}


def test_compose_bots_leave_reminders_to_the_worker_and_serve_health_on_metrics_port() -> None:
    services = compose()["services"]
    for bot in ("slack", "discord"):
        assert services[bot]["environment"]["RUN_SCHEDULER"] == "false"
    for name in ("slack", "discord", "worker"):
        assert services[name]["environment"]["METRICS_PORT"].isdigit()
