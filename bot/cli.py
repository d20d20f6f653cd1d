"""`thankyou-bot`: builds the core once (bot/runtime.py) and hands it to the adapter or worker it starts.

The only module in bot/ that knows the adapters.

Each command imports what it needs lazily, so `thankyou-bot draft` never loads slack-bolt or discord.py, and
`--help` / `--version` load nothing but argparse. `draft` and `check`, one-shot commands whose start-up time
matters, skip the interpreter's teardown once their output is written.
Exit codes: 0 ok (also `--version`, and the help printed for a bare `thankyou-bot`), 2 bad usage or bad input
(one-line reason), 1 other failure.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from bot import __version__

if TYPE_CHECKING:
    import threading

    from bot.ports import Sender
    from bot.runtime import Core

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thankyou-bot",
        description="Turn a short post-interview debrief into personalised thank-you notes.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")  # none given: print this help, exit 0

    console = sub.add_parser("console", help="hold the guided conversation in this terminal")
    console.add_argument("--db", metavar="URL", help="database URL (default: DATABASE_URL or a local SQLite file)")
    console.add_argument("--user", metavar="NAME", help="whose conversation this is (default: your login name)")
    console.add_argument(
        "--tz",
        metavar="ZONE",
        help="your time zone, e.g. America/New_York (default: DEFAULT_TIMEZONE, else this computer's)",
    )
    console.add_argument("--jsonl", action="store_true", help="speak the JSON-lines protocol (for scripts)")
    console.add_argument(
        "--save", metavar="DIR", help="also write each note as note-N-<name>.txt and .eml into DIR (created if missing)"
    )

    draft = sub.add_parser("draft", help="compose notes from an answers document (JSON)")
    draft.add_argument("--answers", required=True, metavar="FILE", help="answers JSON file, or - for stdin")
    draft.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")

    check = sub.add_parser("check", help="proofread a note you edited, against its answers document")
    check.add_argument("--answers", required=True, metavar="FILE", help="answers JSON file, or - for stdin")
    check.add_argument("--to", type=int, default=1, metavar="N", help="whose note: interviewer N, from 1 (default: 1)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    check.add_argument("note", nargs="?", default="-", metavar="NOTE", help="the note file, or - for stdin (default)")

    slack = sub.add_parser("slack", help="run the Slack bot (Socket Mode unless --http)")
    slack.add_argument("--http", action="store_true", help="serve the Events API over HTTP on /slack/events")
    slack.add_argument("--port", type=int, default=3000, help="HTTP port for --http (default: 3000)")

    sub.add_parser("discord", help="run the Discord bot")
    sub.add_parser("worker", help="run the reminder scheduler on its own")

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_sub.add_parser("upgrade", help="apply schema migrations")
    sub.add_parser("keygen", help="print a new ENCRYPTION_KEY (encrypts Slack tokens when OAuth is on)")
    return parser


def _core(**overrides: object) -> Core:
    """The one place a command builds the core (settings from the environment, plus command-line overrides)."""
    from bot.config import load_settings
    from bot.runtime import build_core

    return build_core(load_settings(**{k: v for k, v in overrides.items() if v is not None}))


def _run_console(args: argparse.Namespace) -> int:
    from adapters.console.main import run
    from bot.errors import ConfigError
    from bot.time import zones

    if args.tz is not None and not zones.is_known(args.tz):
        raise ConfigError(f"unknown time zone {args.tz!r}; use an IANA name like America/New_York")
    if args.user is not None:
        _check_user(args.user)
    core = _core(database_url=args.db, default_timezone=args.tz or _configured_zone() or zones.machine_zone())
    save = Path(args.save).expanduser() if args.save else None
    return run(core, user=args.user, jsonl=args.jsonl, save=save)


def _check_user(user: str) -> None:
    """`--user` is stored as the conversation's owner: refuse what a column or the text rules would not take,
    before anything is opened, with the same exit 2 on every database."""
    from bot import messages
    from bot.errors import ConfigError
    from bot.text import MAX_ID_CHARS, valid_identifier

    if not valid_identifier(user):
        raise ConfigError(messages.text("user_name_bad", limit=MAX_ID_CHARS))


def _configured_zone() -> str | None:
    """DEFAULT_TIMEZONE when the operator set it (environment or .env); the console's zone then follows it."""
    from bot.config import load_settings

    settings = load_settings()
    return settings.default_timezone if "default_timezone" in settings.model_fields_set else None


def _run_draft(args: argparse.Namespace) -> int:
    from bot.compose.command import run

    return run(answers_path=args.answers, output_format=args.format)


def _run_check(args: argparse.Namespace) -> int:
    from bot.compose.check_command import run

    return run(answers_path=args.answers, note_path=args.note, to=args.to, output_format=args.format)


def _run_slack(args: argparse.Namespace) -> int:
    import asyncio

    from adapters.slack.main import run

    asyncio.run(run(_core(), http=args.http, port=args.port))
    return EXIT_OK


def _run_discord(args: argparse.Namespace) -> int:
    import asyncio

    from adapters.discord.main import run

    asyncio.run(run(_core()))
    return EXIT_OK


def _run_worker(args: argparse.Namespace) -> int:
    """Build a sender for each configured platform (adapters imported lazily, only when configured)."""
    import asyncio

    from bot.reminders.worker import run

    core = _core()
    settings = core.settings

    async def work() -> None:
        senders: dict[str, Sender] = {}
        closers = []
        if settings.slack_bot_token is not None:
            from adapters.slack.app import bot_token
            from adapters.slack.channel_posts import SlackChannelPoster
            from adapters.slack.sender import SlackSender, make_client

            # the same checks as the bot's start: missing, placeholder or swapped tokens are named
            slack = make_client(bot_token(settings), settings.slack_api_url)
            senders["slack"] = SlackSender(slack)
            core.community.register("slack", SlackChannelPoster(slack))  # career-channel posts too
        elif settings.slack_client_id is not None and settings.slack_client_secret is not None:
            from adapters.slack.oauth import channel_poster, installed_sender

            slack_sender = installed_sender(settings, core)  # many workspaces: each one's own token
            senders["slack"] = slack_sender
            core.community.register("slack", channel_poster(slack_sender))
        if settings.discord_token is not None:
            from adapters.discord.sender import rest_sender

            # closed DMs are remembered, as in the bot process, so reminders stop trying them
            sender, close = await rest_sender(settings.require_secret("discord_token"), on_dm_closed=core.dm_closed)
            senders["discord"] = sender
            from adapters.discord.channel_posts import DiscordChannelPoster

            core.community.register("discord", DiscordChannelPoster(sender.client))  # career-channel posts too
            closers.append(close)
        try:
            await run(core, senders)
        finally:
            for close in closers:
                await close()
            await core.close()

    asyncio.run(work())
    return EXIT_OK


def _run_db(args: argparse.Namespace) -> int:
    import asyncio

    async def upgrade() -> None:
        core = _core()
        try:
            await core.ready()
        finally:
            await core.close()

    asyncio.run(upgrade())
    print("Database is up to date.")
    return EXIT_OK


def _run_keygen(args: argparse.Namespace) -> int:
    from bot.storage.crypto import new_key

    print(new_key())
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "console": _run_console,
    "draft": _run_draft,
    "check": _run_check,
    "slack": _run_slack,
    "discord": _run_discord,
    "worker": _run_worker,
    "db": _run_db,
    "keygen": _run_keygen,
}


def _configure_logging(command: str) -> None:
    """LOG_LEVEL and LOG_FORMAT from the environment; the terminal commands stay quiet unless asked."""
    default = "WARNING" if command in ("console", "draft", "check") else "INFO"
    level = os.environ.get("LOG_LEVEL", default).upper()
    import logging
    import threading

    from bot.observability.logs import formatter

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter(os.environ.get("LOG_FORMAT", "text")))  # json: one object per line
    logging.basicConfig(level=level if level in logging.getLevelNamesMapping() else default, handlers=[handler])
    cap_library_loggers(os.environ.get("LOG_LEVEL_LIBRARIES"))
    threading.excepthook = _thread_failed


def _thread_failed(failure: threading.ExceptHookArgs) -> None:
    """A library's thread failing (aiosqlite's, finishing after the event loop closed on a database that could
    not be opened) goes to the debug log: the user has had their one-line message, never a traceback."""
    if failure.exc_value is not None and failure.exc_type is not SystemExit:
        import logging

        logging.getLogger(__name__).debug("a background thread failed", exc_info=failure.exc_value)


#: third-party loggers whose DEBUG lines carry payloads or SQL parameters, i.e. people's answers
PAYLOAD_LOGGERS = (
    "aiosqlite", "sqlalchemy.engine", "asyncpg", "discord.http", "discord.gateway",
    "discord.client", "discord.state", "discord.webhook", "slack_sdk", "slack_bolt",
)  # fmt: skip


def cap_library_loggers(libraries_level: str | None = None) -> None:
    """Keep payload-logging libraries at INFO or above whatever LOG_LEVEL says, so LOG_LEVEL=DEBUG never
    writes an answer to a log; only an explicit LOG_LEVEL_LIBRARIES=DEBUG lets them speak (local debugging)."""
    import logging

    wanted = (libraries_level or "").strip().upper()
    floor = logging.getLevelNamesMapping().get(wanted) if wanted else None
    for name in PAYLOAD_LOGGERS:
        logger = logging.getLogger(name)
        # never below INFO; SQLAlchemy's engine stays at its own WARNING (at INFO it echoes every statement)
        quietest = logging.WARNING if name.startswith("sqlalchemy") else logging.INFO
        logger.setLevel(floor if floor is not None else max(quietest, logging.getLogger().level))


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:  # bare `thankyou-bot`: the help, as a friendly answer rather than a usage error
        parser.print_help()
        return EXIT_OK
    _configure_logging(args.command)
    code = _run(args)
    if argv is None and args.command in ("draft", "check"):  # run as a program, not called by a test or script
        _exit_without_teardown(code)
    return code


def _run(args: argparse.Namespace) -> int:
    import logging

    from bot import messages
    from bot.errors import BotError, ConfigError

    try:
        return _COMMANDS[args.command](args)
    except ConfigError as error:
        print(f"thankyou-bot: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_OK
    except BotError as error:
        print(f"thankyou-bot: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as error:  # the last line of defence: a short message, details only in the debug log
        logging.getLogger(__name__).debug("unexpected failure", exc_info=True)
        print(f"thankyou-bot: {messages.text('unexpected_failure', error=type(error).__name__)}", file=sys.stderr)
        return EXIT_FAILURE


def _exit_without_teardown(code: int) -> NoReturn:
    """`draft` and `check` have written all they will write: exit without the interpreter's teardown, which
    frees the objects of some 300 modules one by one (about a sixth of the command's CPU time; see
    benchmarks/README.md). Output and log handlers are flushed first, as a normal exit would."""
    import logging

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # the reader went away (`| head`): nothing more can be said to it
        pass
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
