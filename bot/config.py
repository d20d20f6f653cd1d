"""Settings from the environment (12-factor) and an optional `.env` file; built on demand, never at import."""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator
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
    discord_token: SecretStr | None = None
    discord_dev_guild: int | None = None
    default_timezone: str = "UTC"
    log_level: str = "INFO"
    run_scheduler: bool = Field(default=True, description="run the reminder scheduler inside bot processes")
    reminder_poll_seconds: float = 5.0

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


def load_settings(**overrides: object) -> Settings:
    """Build settings, mapping validation failures to a readable ConfigError."""
    from pydantic import ValidationError

    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        lines = [f"{'.'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in error.errors()]
        raise ConfigError("; ".join(lines)) from None
