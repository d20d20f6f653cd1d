"""Database engine creation, schema upgrades and telling database trouble apart; nothing here runs at import.

Every engine hides SQL parameters from errors and logs (they hold answers), pings pooled PostgreSQL
connections before use (a restarted server leaves stale ones behind), and SQLite overwrites deleted text
(`secure_delete`), so `forget me` leaves nothing readable in the file.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from bot import messages
from bot.errors import ConfigError, DatabaseUnavailable

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
}
#: SQLSTATE classes and codes meaning "the database can't serve us now": connection lost or refused (08),
#: shutting down or starting (57P01–57P03), read-only (25006), out of disk or memory (53), I/O failure (58)
_PG_UNAVAILABLE_CLASSES = ("08", "53", "58")
_PG_UNAVAILABLE_CODES = ("57P01", "57P02", "57P03", "25006", "55000")
#: SQLite primary result codes with the same meaning: busy, locked, read-only, I/O error, full, can't open
_SQLITE_UNAVAILABLE = {5, 6, 8, 10, 13, 14}
T = TypeVar("T")


def async_url(url: str) -> str:
    """Map plain `sqlite:///` and `postgresql://` URLs to their async drivers; keep explicit ones."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise ConfigError(f"DATABASE_URL must look like sqlite:///file.db or postgresql://host/db, not {url!r}")
    if "+" in scheme:
        return url
    if scheme not in _DRIVERS:
        raise ConfigError(f"DATABASE_URL uses an unsupported database {scheme!r}; use sqlite or postgresql")
    return f"{_DRIVERS[scheme]}://{rest}"


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets readers and one writer work together; the busy timeout waits instead of failing; deleted
    rows are overwritten with zeros rather than left readable in free pages."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def make_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """Create the async engine for `url` (plain or driver-qualified); parameters never reach logs or errors."""
    full = async_url(url)
    kwargs["hide_parameters"] = True
    if not full.startswith("sqlite"):
        kwargs.setdefault("pool_pre_ping", True)  # a PostgreSQL restart leaves stale pooled connections
    engine = create_async_engine(full, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _tune_sqlite)
    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


def where(url: str) -> str:
    """The URL with its password masked, plus host and port spelled out (for one-line start-up errors)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "(unreadable DATABASE_URL)"
    shown = parsed.set(drivername=parsed.get_backend_name()).render_as_string(hide_password=True)
    if parsed.get_backend_name() == "sqlite":
        return shown
    port = parsed.port or 5432
    return f"{shown} (host {parsed.host or 'localhost'}, port {port})"


def sqlstate(error: BaseException) -> str | None:
    """The PostgreSQL SQLSTATE behind a wrapped driver error, if there is one."""
    orig = getattr(error, "orig", None)
    return getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)


def unavailable(error: BaseException) -> bool:
    """The database can't serve us now (gone, restarting, read-only, full), as opposed to a bug in a query."""
    if isinstance(error, OSError | TimeoutError | ConnectionError):
        return True
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    code = sqlstate(error)
    if code is not None:
        return code.startswith(_PG_UNAVAILABLE_CLASSES) or code in _PG_UNAVAILABLE_CODES
    sqlite_code = getattr(error.orig, "sqlite_errorcode", None)
    if isinstance(sqlite_code, int):
        return sqlite_code & 0xFF in _SQLITE_UNAVAILABLE
    return type(error.orig).__name__ in ("InterfaceError", "ConnectionDoesNotExistError")


def _dropped(error: BaseException) -> bool:
    """The connection itself went away (a restart, a terminated backend): a fresh one may well work."""
    code = sqlstate(error) or ""
    return bool(getattr(error, "connection_invalidated", False)) or code.startswith("08") or code in ("57P01", "57P02")


async def guarded(work: Callable[[], Awaitable[T]]) -> T:
    """Run one unit of database work; after a dropped connection, run it once more (the transaction rolled
    back, and event ids dedupe), and turn lasting trouble into `DatabaseUnavailable`."""
    for attempt in (1, 2):
        try:
            return await work()
        except Exception as error:
            if not unavailable(error):
                raise
            if attempt == 1 and _dropped(error):
                continue
            raise DatabaseUnavailable(messages.text("database_unavailable")) from error
    raise AssertionError("unreachable")  # pragma: no cover


def alembic_config(connection: Connection | None = None) -> Any:
    """Alembic's configuration for our migrations, optionally bound to a connection (env.py runs on it)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade_to(connection: Connection, target: str = "heads") -> None:
    """Upgrade on a sync connection (inside `run_sync`) to `target`: every head by default."""
    from alembic import command

    command.upgrade(alembic_config(connection), target)


def _start_reason(url: str, error: BaseException) -> str:
    code = sqlstate(error)
    if code == "3D000":
        return messages.text("database_reason_missing_db")
    if code is not None and code.startswith("28"):
        return messages.text("database_reason_login")
    if isinstance(error, ConnectionRefusedError) or (isinstance(error, OSError) and not isinstance(error, DBAPIError)):
        return messages.text("database_reason_refused")
    if getattr(getattr(error, "orig", None), "sqlite_errorcode", None) is not None:
        return messages.text("database_reason_file")
    return messages.text("database_reason_other", error=type(error).__name__)


async def check_reachable(engine: AsyncEngine) -> None:
    """Fail fast, in one line, when the database can't be used at all: a missing SQLite folder, a server that
    doesn't answer, a database that doesn't exist, a refused login. Names the URL (password masked)."""
    url = engine.url.render_as_string(hide_password=False)
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        folder = Path(engine.url.database or "").expanduser().resolve().parent
        if not folder.is_dir():
            reason = messages.text("database_reason_folder", folder=str(folder))
            raise DatabaseUnavailable(messages.text("database_start_failed", where=where(url), reason=reason))
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as error:
        if not (unavailable(error) or sqlstate(error) is not None):
            raise
        reason = _start_reason(url, error)
        raise DatabaseUnavailable(messages.text("database_start_failed", where=where(url), reason=reason)) from None


async def upgrade_engine(engine: AsyncEngine) -> None:
    """Apply every pending Alembic migration through an existing engine (after checking it can be reached)."""
    await check_reachable(engine)
    async with engine.begin() as connection:
        await connection.run_sync(upgrade_to)
