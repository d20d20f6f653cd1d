"""Settings from the environment (12-factor) and an optional `.env` file; built on demand, never at import."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import ConfigError
from bot.time import zones

DEFAULT_DATABASE_URL = "sqlite:///thankyou-bot.db"
_PLACEHOLDERS = ("", "changeme", "change-me", "xoxb-your-token", "xapp-your-token", "your-token", "todo")


class Settings(BaseSettings):
    """Every knob of the bot; names match the environment variables in the README's Configuration table."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = DEFAULT_DATABASE_URL
    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    slack_admin_users: str = Field(default="", description="Slack member ids (comma-separated) allowed admin commands")
    # Slack distribution (adapters/slack/oauth.py): many workspaces through OAuth, tokens encrypted at rest
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None
    slack_scopes: str | None = Field(default=None, description="bot scopes asked at install; default: the manifest's")
    encryption_key: SecretStr | None = Field(default=None, description="Fernet key (`thankyou-bot keygen`)")
    discord_token: SecretStr | None = None
    discord_dev_guild: int | None = None
    default_timezone: str = "UTC"
    log_level: str = "INFO"
    log_level_libraries: str | None = Field(
        default=None, description="DEBUG lets payload-logging libraries below INFO (local debugging only: answers)"
    )
    run_scheduler: bool = Field(default=True, description="run the reminder scheduler inside bot processes")
    reminder_poll_seconds: float = 5.0
    reminder_lease_seconds: float = Field(
        default=60.0,
        ge=1.0,
        le=3600.0,
        description="how long a worker's claim on a reminder lasts before another may take it over (database time)",
    )

    # operations (deploy/README.md): health/metrics port, log lines, Discord shards
    metrics_port: int | None = Field(
        default=None, ge=0, le=65535, description="serve /healthz, /readyz, /metrics here (discord, worker, socket)"
    )
    log_format: Literal["text", "json"] = "text"
    shard_count: int | None = Field(default=None, ge=1, description="Discord shards in total; unset or auto: ask")
    shard_ids: str | None = Field(default=None, description="this process's Discord shards, e.g. 0,1 or 0-3")

    @field_validator("shard_count", mode="before")
    @classmethod
    def _auto_shards(cls, value: object) -> object:
        return None if isinstance(value, str) and value.strip().lower() in ("", "auto") else value

    @field_validator("shard_ids")
    @classmethod
    def _shard_list(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        return ",".join(str(i) for i in _shard_ids(value))

    @model_validator(mode="after")
    def _shards_fit(self) -> Settings:
        ids = self.discord_shard_ids
        if ids is not None and self.shard_count is None:
            raise ValueError("SHARD_IDS needs SHARD_COUNT (the total number of shards across all processes)")
        if ids is not None and self.shard_count is not None and max(ids) >= self.shard_count:
            raise ValueError(f"SHARD_IDS must be below SHARD_COUNT ({self.shard_count}); shards count from 0")
        return self

    @property
    def discord_shard_ids(self) -> list[int] | None:
        return _shard_ids(self.shard_ids) if self.shard_ids else None

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if not zones.is_known(value):
            raise ValueError(f"unknown time zone {value!r}; use an IANA name like Europe/Berlin")
        return value

    def require_secret(self, name: str) -> str:
        """Return a secret's value or raise ConfigError naming the variable, never echoing it."""
        secret: SecretStr | None = getattr(self, name)
        value = secret.get_secret_value().strip() if secret is not None else ""
        if value.lower() in _PLACEHOLDERS or value.lower().startswith(("your-", "<")):
            raise ConfigError(f"{name.upper()} is not set. Put the real value in the environment or .env.")
        return value


def _shard_ids(text: str) -> list[int]:
    """`0,1,5` or `0-3` (or both mixed) as a sorted list without repeats."""
    found: set[int] = set()
    for part in text.replace(" ", "").split(","):
        low, _, high = part.partition("-")
        if not low.isdigit() or (high and not high.isdigit()):
            raise ValueError("SHARD_IDS is a list of shard numbers like 0,1 or a range like 0-3")
        found.update(range(int(low), int(high or low) + 1))
    return sorted(found)


def load_settings(**overrides: object) -> Settings:
    """Build settings, mapping validation failures to a readable ConfigError."""
    from pydantic import ValidationError

    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        lines = [f"{'.'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in error.errors()]
        raise ConfigError("; ".join(lines)) from None
