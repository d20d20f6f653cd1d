"""The message catalogue: every text well-formed, every call site naming a real key with the right values, and
no new user-facing sentence hiding in bot/ outside the catalogue."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.messages import CATALOGUE, placeholders, text

ROOT = Path(__file__).resolve().parent.parent

#: The documented placeholders of every template; keys not listed take none.
TEMPLATES: dict[str, frozenset[str]] = {
    key: frozenset(names)
    for key, names in {
        "currently": {"value"},
        "currently_optional": {"value"},
        "understood_time": {"when", "zone"},
        "cannot_skip": {"why"},
        "drafts_intro_many": {"count"},
        "unknown_field": {"question", "fields"},
        "unknown_field_unnamed": {"fields"},
        "which_person": {"examples"},
        "pick_tone": {"tones"},
        "retoned": {"tone"},
        "text_too_long": {"length", "limit"},
        "names_too_many": {"count", "limit"},
        "choice_invalid": {"options"},
        "reminder_not_found": {"n"},
        "follow_up_promise": {"when"},
        "reminders_replied": {"for_company"},
        "reminders_stopped": {"for_company"},
        "for_company": {"company"},
        "snoozed": {"when"},
        "reminder_not_waiting": {"n"},
        "reminder_cancelled": {"n"},
        "reminder_moved": {"n", "when"},
        "reminders_list_intro": {"zone"},
        "reminders_list_item": {"n", "what", "for_company", "when"},
        "reminders_list_paused": {"until"},
        "reminders_list_outro": {"n"},
        "timezone_set": {"zone"},
        "reminders_paused_until": {"until"},
        "quiet_set": {"start", "end"},
        "nudge_send_by": {"to_people", "at_company"},
        "nudge_follow_up": {"at_company", "for_person"},
        "to_people": {"people"},
        "at_company": {"company"},
        "for_person": {"person"},
        "digest_item": {"what", "company", "when"},
        "checkin_role": {"role"},
        "reminder_scheduled_send_by": {"when"},
        "reminder_scheduled_follow_up": {"when"},
        "slack_home_in_progress_with": {"company"},
        "slack_reminder_send_by": {"when"},
        "slack_reminder_follow_up": {"when"},
    }.items()
}

#: Texts the adapters and draft buttons say today, kept here so those modules can switch to the catalogue.
ADAPTER_KEYS = (
    "slack_dm_pointer",
    "slack_mention_pointer",
    "slack_no_dm",
    "slack_sorry",
    "slack_home_title",
    "slack_home_idle",
    "slack_home_in_progress",
    "slack_home_in_progress_with",
    "slack_home_no_notes",
    "discord_sent_to_dm",
    "discord_started_in_dm",
    "discord_closed_dms",
    "discord_not_delivered",
    "discord_text_only",
    "discord_oops",
    "discord_tap_hint",
    "discord_draft_actions",
    "discord_note_as_file",
    "discord_checkin_as_file",
    "console_eof",
    "console_reminder_hint",
    "console_choice_hint",
    "goodbye",
    "before_you_send",
    "reminder_scheduled_send_by",
    "reminder_scheduled_follow_up",
    "slack_reminder_send_by",
    "slack_reminder_follow_up",
    "notes_gone",
    "notes_not_yours",
    "button_not_recognised",
    "other_debrief_open",
    "pick_tone",
    "retoned",
    "reopen_hint",
    "note_already_sent",
    "note_marked_sent",
)


def _sample(key: str) -> dict[str, object]:
    return dict.fromkeys(placeholders(key), 1234)  # a number suits both plain and `{x:,}` placeholders


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_formats_with_its_documented_placeholders(key: str) -> None:
    assert re.fullmatch(r"[a-z][a-z0-9_]*", key)
    assert placeholders(key) == TEMPLATES.get(key, frozenset())
    assert all(name.isidentifier() for name in placeholders(key))
    filled = text(key, **_sample(key))
    assert "{" not in filled and "}" not in filled


def test_documented_placeholders_name_real_keys() -> None:
    assert set(TEMPLATES) <= set(CATALOGUE)
    assert set(ADAPTER_KEYS) <= set(CATALOGUE)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_texts_are_tidy(key: str) -> None:
    value = CATALOGUE[key]
    assert value.strip(), "empty text"
    assert "  " not in value, "doubled space"
    for line in value.split("\n"):
        assert line == line.strip(), f"line with leading or trailing space: {line!r}"


def test_unknown_key_fails() -> None:
    with pytest.raises(KeyError, match="no_such_message"):
        text("no_such_message")


def test_missing_or_unexpected_value_fails() -> None:
    with pytest.raises(ValueError, match="missing values: n"):
        text("reminder_not_found")
    with pytest.raises(ValueError, match="unexpected values: m"):
        text("reminder_not_found", n=3, m=4)
    with pytest.raises(ValueError, match="unexpected values: company"):
        text("welcome_back", company="Acme")


def test_values_are_inserted_verbatim() -> None:
    """User text with braces is a value, never a template: it must come out exactly as typed."""
    assert text("retoned", tone="{warm}") == "Here are your notes again in a {warm} tone."
    assert text("text_too_long", length=1200, limit=1000).startswith("That's 1,200 characters")


def test_goodbye_is_the_warmer_existing_ending() -> None:
    assert text("goodbye") == "All done. Good luck. You've got this! 💪"


# --- call sites -------------------------------------------------------------------------------------------


def _python_files(*folders: str) -> Iterator[Path]:
    for folder in folders:
        yield from sorted((ROOT / folder).rglob("*.py"))


def _literal_keys(node: ast.expr) -> list[str] | None:
    """The key(s) a call names: a string, or `"a" if cond else "b"`; None when computed some other way."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literal_keys(node.body), _literal_keys(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    return None


def _is_text_call(node: ast.Call) -> bool:
    func = node.func
    return (isinstance(func, ast.Attribute) and func.attr == "text" and isinstance(func.value, ast.Name)
            and func.value.id == "messages")  # fmt: skip


def test_every_call_site_names_a_real_key_with_its_placeholders() -> None:
    """`messages.text(...)` in bot/ and adapters/: a typo'd key or value name fails here, not in front of a user."""
    problems: list[str] = []
    for path in _python_files("bot", "adapters"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not _is_text_call(node) or not node.args:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            keys = _literal_keys(node.args[0])
            if keys is None or any(k.arg is None for k in node.keywords):
                continue  # computed key or **values: checked when it runs
            given = {k.arg for k in node.keywords if k.arg is not None}
            for key in keys:
                if key not in CATALOGUE:
                    problems.append(f"{where}: unknown key {key!r}")
                elif given != placeholders(key):
                    problems.append(f"{where}: {key!r} takes {sorted(placeholders(key))}, given {sorted(given)}")
    assert not problems, "\n".join(problems)


# --- no stray sentences -----------------------------------------------------------------------------------

#: Exceptions whose message is written for the user (so their literals belong in the catalogue).
_USER_EXCEPTIONS = {"Reject", "TextProblem", "WhenProblem"}
_LOGGING = {"debug", "info", "warning", "error", "exception", "critical", "log"}
#: Not chat wording: the catalogue itself, the composer's note templates and checks, migrations, CLI help.
_NOT_SCANNED = ("bot/messages.py", "bot/compose/", "bot/storage/migrations/", "bot/cli.py")
_REGEX = re.compile(r"\\[bdswBDSW]|\(\?")


def _developer_text(tree: ast.AST) -> set[ast.AST]:
    """Nodes whose strings are for developers: docstrings, log lines, asserts, argument help, and exceptions
    other than the user-facing ones (ConfigError, FlowDefinitionError, ValueError ...)."""
    skip: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(node.value)  # docstrings and bare strings
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _LOGGING:
            skip.update(n for arg in node.args for n in ast.walk(arg))
        elif isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc
            name = exc.func.id if isinstance(exc, ast.Call) and isinstance(exc.func, ast.Name) else None
            if name not in _USER_EXCEPTIONS:
                skip.update(ast.walk(exc))
        elif isinstance(node, ast.Assert) and node.msg is not None:
            skip.update(ast.walk(node.msg))
        elif isinstance(node, ast.keyword) and node.arg in ("help", "description"):
            skip.update(ast.walk(node.value))
    return skip


def _sentences(path: Path) -> Iterator[tuple[int, str]]:
    """String literals (f-strings joined, with {} for their values) that read like a sentence for a user."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _developer_text(tree)
    for node in ast.walk(tree):
        if node in skip:
            continue
        if isinstance(node, ast.JoinedStr):
            skip.update(node.values)
            value = "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            value = node.value
        else:
            continue
        stripped = value.strip()
        words = re.findall(r"[A-Za-z']+", stripped)
        if len(words) >= 3 and stripped[-1:] in ".!?:" and not _REGEX.search(value):
            yield node.lineno, value


def test_no_user_sentences_outside_the_catalogue() -> None:
    """New wording goes into bot/messages.py; developer text (logs, errors for operators) is not flagged."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {value!r}"
        for path in _python_files("bot")
        if not path.relative_to(ROOT).as_posix().startswith(_NOT_SCANNED)
        for line, value in _sentences(path)
    ]
    assert not found, "move these into bot/messages.py:\n" + "\n".join(found)


def test_the_scan_notices_a_sentence(tmp_path: Path) -> None:
    """Guard against a scan that silently finds nothing."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Docstring. Not user text."""\n'
        'log.info("conversation conflict, retrying now.")\n'
        'raise ConfigError("DATABASE_URL is not set. Put it in .env.")\n'
        'def f(n):\n    return f"Cancelled reminder {n}. Sorry!"\n'
        'raise Reject("That answer looks empty. Type again.")\n',
        encoding="utf-8",
    )
    assert [line for line, _ in _sentences(sample)] == [5, 6]
