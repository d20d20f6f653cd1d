"""Secrets at rest: Fernet (AES-128-CBC + HMAC-SHA256) with the key from ENCRYPTION_KEY.

Slack installation tokens are stored encrypted so a copied database file or dump alone grants nothing;
the key lives only in the environment (a Kubernetes Secret, .env). `thankyou-bot keygen` makes a new one.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken

from bot.config import Settings
from bot.errors import ConfigError

VARIABLE = "ENCRYPTION_KEY"


def new_key() -> str:
    """A fresh random key, in the url-safe base64 form ENCRYPTION_KEY takes."""
    return Fernet.generate_key().decode("ascii")


class Cipher:
    """Encrypts and decrypts short texts (tokens, JSON) with one Fernet key."""

    def __init__(self, key: str) -> None:
        try:
            self._fernet = Fernet(key.strip().encode("ascii"))
        except (ValueError, UnicodeEncodeError):
            raise ConfigError(
                f"{VARIABLE} is not a valid key (32 url-safe base64 bytes). Make one with `thankyou-bot keygen`."
            ) from None

    def encrypt(self, text: str) -> str:
        return self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, stored: str) -> str:
        """The plain text; `ConfigError` when it was encrypted with another key (ENCRYPTION_KEY changed)."""
        try:
            return self._fernet.decrypt(stored.encode("ascii")).decode("utf-8")
        except InvalidToken:
            raise ConfigError(
                f"{VARIABLE} cannot read the stored Slack installations: it is not the key they were saved with."
            ) from None


def cipher_from(settings: Settings) -> Cipher:
    """The cipher for ENCRYPTION_KEY; `ConfigError` naming the variable when it is missing or malformed."""
    secret = settings.encryption_key
    key = secret.get_secret_value().strip() if secret is not None else ""
    if not key:
        raise ConfigError(
            f"{VARIABLE} is not set; Slack OAuth stores tokens encrypted with it. "
            "Make one with `thankyou-bot keygen` and put it in the environment or .env."
        )
    return Cipher(key)
