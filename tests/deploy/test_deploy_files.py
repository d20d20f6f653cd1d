"""The deployment files agree with the code: commands exist, variables are real settings, placeholders refused."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

from bot.cli import _parser
from bot.config import Settings
from bot.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def env_example() -> dict[str, str]:
    lines = (DEPLOY / ".env.example").read_text(encoding="utf-8").splitlines()
    pairs = (line.lstrip("# ").split("=", 1) for line in lines if re.match(r"^#?\s?[A-Z_]+=", line))
    return {pair[0]: pair[1] for pair in pairs}


def test_every_compose_command_is_a_real_cli_command() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    for name, service in compose["services"].items():
        if "command" in service:
            _parser().parse_args(service["command"])  # exits (SystemExit) on an unknown command
            assert service.get("env_file") == ".env", name


def test_compose_services_share_one_database_url() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    urls = {s["environment"]["DATABASE_URL"] for s in compose["services"].values() if "env_file" in s}
    assert len(urls) == 1 and next(iter(urls)).startswith("postgresql://")


def test_env_example_names_only_real_settings() -> None:
    fields = {name.upper() for name in Settings.model_fields}
    assert set(env_example()) <= fields


@pytest.mark.parametrize("name", ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DISCORD_TOKEN"])
def test_env_example_placeholders_are_refused(name: str) -> None:
    settings = Settings(**{name.lower(): env_example()[name]})  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match=name):
        settings.require_secret(name.lower())


def test_dockerfile_installs_the_console_script_and_copies_what_it_needs() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    script = next(iter(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]))
    assert f'ENTRYPOINT ["{script}"]' in dockerfile
    for folder in ("bot", "adapters", "templates"):
        assert f"COPY {folder} ./{folder}" in dockerfile and (ROOT / folder).is_dir()
    assert "USER " in dockerfile, "the bot does not run as root"
