"""The message catalogue: every text well-formed, every call site naming a real key with the right values, and
no new user-facing sentence or button label hiding in bot/ or adapters/ outside the catalogue."""

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
        "currently_several": {"values"},
        # profile and undo (issue 13)
        "profile_bad_zone": {"zone"},
        "profile_changed": {"what", "value"},
        "profile_needs_value": {"what"},
        "profile_used": {"details"},
        "own_name_tidied": {"name"},
        "preview_uncertain": {"line", "example"},
        "preview_unusable": {"reason", "example"},
        "preview_retype": {"example"},
        "given_with_names": {"value"},
        "title_tidied": {"title"},
        "undo_restored": {"for_company"},
        "understood_time": {"when", "zone"},
        "label_form_continue": {"n", "total"},
        "form_hint_example": {"example"},
        "form_line_problem": {"n", "problem"},
        "form_more_lines_than_people": {"count"},
        "form_not_saved": {"problems"},
        "form_title_part": {"n", "total"},
        "form_problems": {"problems"},
        "label_tz_use": {"zone"},
        "cannot_skip": {"why"},
        "console_nudge_commands": {"commands"},
        "console_notes_saved": {"folder"},
        "console_notes_not_saved": {"folder", "reason"},
        # faults and bad input at the edge (issue 11)
        "answers_too_deep": {"limit"},
        "console_line_too_long": {"limit"},
        "database_reason_folder": {"folder"},
        "database_reason_other": {"error"},
        "database_start_failed": {"where", "reason"},
        "unexpected_failure": {"error"},
        "user_name_bad": {"limit"},
        "drafts_intro_many": {"count"},
        "unknown_field": {"question", "fields"},
        "unknown_field_unnamed": {"fields"},
        # community career channel (bot/community/)
        "community_stats": {"drafted", "sent"},
        "community_stats_drafted": {"drafted"},
        "community_unknown_command": {"command", "word"},
        "community_settings": {"channel", "command", "next", "schedule", "stats", "template", "zone", "tone", "note"}
        | {"nudge", "checkin", "retention"},
        "community_stats_value_on": {"minimum"},
        "community_schedule_weekly": {"day", "time"},
        "community_schedule_every": {"days", "time"},
        "community_channel_missing": {"command"},
        "community_channel_unknown": {"channel"},
        "community_channel_set": {"channel", "next"},
        "community_channel_set_no_schedule": {"channel", "command"},
        "community_schedule_bad": {"command"},
        "community_schedule_set": {"next", "schedule", "zone"},
        "community_schedule_set_no_channel": {"command", "schedule", "zone"},
        "community_timezone_bad": {"command", "zone"},
        "community_timezone_set": {"next", "zone"},
        "community_stats_bad": {"command", "floor"},
        "community_stats_on": {"minimum"},
        "community_stats_minimum": {"minimum"},
        "community_post_no_channel": {"command"},
        "community_posted": {"channel"},
        "community_post_failed": {"channel"},
        "community_paused_no_access": {"channel"},
        "community_template_current": {"template"},
        "community_template_default_current": {"template"},
        "community_template_usage": {"command"},
        "community_template_too_long": {"limit"},
        "community_template_unknown": {"allowed", "names"},
        "community_tone_bad": {"command"},
        "community_tone_set": {"tone"},
        "community_note_bad": {"command"},
        "community_note_set": {"channel"},
        "community_retention_bad": {"command", "most", "usual"},
        "community_retention_set": {"days"},
        "community_defaults_used": {"details", "edit"},
        "community_nudge_bad": {"command", "least", "most"},
        "community_checkin_bad": {"command", "least", "most"},
        "community_reminders_bad": {"command"},
        "community_nudge_value": {"hours"},
        "community_checkin_value": {"days"},
        "community_nudge_set": {"nudge"},
        "community_checkin_set": {"checkin"},
        "community_timing_set": {"nudge", "checkin"},
        "community_reminders": {"nudge", "checkin", "command"},
        "which_person": {"examples"},
        "pick_tone": {"tones"},
        "retoned": {"tone"},
        "text_too_long": {"length", "limit"},
        "names_too_many": {"count", "limit"},
        "choice_invalid": {"options"},
        "choice_did_you_mean": {"label"},
        "choice_did_you_mean_either": {"first", "second"},
        "names_tidied": {"names"},
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
        "slack_email_link": {"link", "label"},
        "slack_reminder_follow_up": {"when"},
        "label_note_position": {"n", "total"},
        "label_note_to": {"recipient"},
        "edit_note_checked": {"recipient"},
        "label_note_words": {"count"},
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
    "discord_token_refused",
    "discord_reply_lost",
    "discord_forwarded",
    "discord_edited",
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
    "slack_note_too_long_for_link",
    "discord_command_description",
    "discord_command_action_description",
)

#: Short texts on buttons, menus and headings: every catalogue key with a label prefix, listed so a new one is a
#: deliberate change (and checked below against the platforms' size limits).
LABEL_PREFIXES = ("label_", "slack_label_", "discord_label_", "discord_choice_")
LABEL_KEYS = (
    # conversation
    "label_start_debrief",
    "label_write_notes",
    "label_cancel_yes",
    "label_preview_ok",
    "label_cancel_no",
    "label_time_zone",
    # forms (issue 13)
    "label_fill_form",
    "label_form_continue",
    "label_form_fix",
    "label_tz_other",
    "label_tz_use",
    # navigation
    "label_nav_skip",
    "label_nav_back",
    "label_nav_cancel",
    "label_nav_help",
    "label_nav_resume",
    # reminders
    "label_reminder_sent",
    "label_reminder_replied",
    "label_reminder_snooze_hour",
    "label_reminder_snooze_tomorrow",
    "label_reminder_snooze_week",
    "label_reminder_stop",
    # drafts
    "label_edit_answer",
    "label_mark_sent",
    "label_edit_note",
    "label_edit_note_title",
    "label_edit_note_field",
    "label_edit_note_submit",
    "label_edit_note_close",
    "label_note_position",
    "label_note_to",
    "label_note_words",
    "label_subject",
    "label_status_drafted",
    "label_status_sent",
    "label_status_replied",
    # Slack
    "slack_label_message",
    "slack_label_open_in_email",
    "slack_label_change_tone",
    "slack_label_tone_formal",
    "slack_label_tone_warm",
    "slack_label_tone_concise",
    "slack_label_channel_email",
    "slack_label_channel_linkedin",
    "slack_label_channel_card",
    # Discord
    "discord_label_more_formal",
    "discord_label_warmer",
    "discord_label_more_concise",
    "discord_choice_start",
    "discord_choice_help",
    "discord_choice_cancel",
    "discord_choice_resume",
    # community career channel
    "label_channel_start",
    "discord_choice_forget",
    "discord_choice_forget_now",
    "discord_choice_export",
    "discord_choice_quiet",
    "discord_choice_quiet_off",
    "discord_choice_show",
    "discord_choice_set",
    "discord_choice_reset",
    "discord_choice_formal",
    "discord_choice_warm",
    "discord_choice_concise",
    "discord_choice_email",
    "discord_choice_linkedin",
    "discord_choice_card",
    "discord_choice_default",
)
#: Slack cuts button texts and select placeholders at 75 characters, Discord button labels at 80; Discord's
#: command and option descriptions and choice names at 100.
LABEL_LIMIT = 75
DISCORD_COMMAND_LIMIT = 100


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


def test_label_keys_are_listed_and_short() -> None:
    labels = {key for key in CATALOGUE if key.startswith(LABEL_PREFIXES)}
    assert len(LABEL_KEYS) == len(set(LABEL_KEYS))
    assert set(LABEL_KEYS) == labels, "list new labels in LABEL_KEYS (and remove old ones)"
    for key in LABEL_KEYS:
        value = text(key, **_sample(key))
        assert len(value) <= LABEL_LIMIT, f"{key}: longer than a button allows"
        assert "\n" not in value and value[-1:] not in ".!?:", f"{key}: a label, not a sentence"
    for key in ("discord_command_description", "discord_command_action_description"):
        assert len(text(key)) <= DISCORD_COMMAND_LIMIT


def test_shared_labels_read_as_before() -> None:
    """The adapters build their draft headings from shared pieces; the result must read exactly as it did."""
    note = text("label_note_position", n=1, total=2)
    to = text("label_note_to", recipient="Priya")
    words = text("label_note_words", count=120)
    assert f"{note} · {to} · email · {words}" == "Note 1 of 2 · to Priya · email · 120 words"
    assert f"{note}: {to} ({text('slack_label_channel_linkedin')})" == "Note 1 of 2: to Priya (LinkedIn message)"


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


def _catalogue_names(tree: ast.AST) -> set[str]:
    """The names a module gave `bot.messages`: `messages`, or an alias such as `wording` where a local variable
    is already called `messages`."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "bot":
            names.update(a.asname or a.name for a in node.names if a.name == "messages")
        elif isinstance(node, ast.Import):
            names.update(a.asname for a in node.names if a.name == "bot.messages" and a.asname)
    return names


def _text_calls(tree: ast.AST) -> Iterator[ast.Call]:
    """Every `messages.text(...)` (under whichever name the module imported the catalogue)."""
    names = _catalogue_names(tree)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "text"
                and isinstance(node.func.value, ast.Name) and node.func.value.id in names and node.args):  # fmt: skip
            yield node


def test_the_call_site_check_follows_an_alias() -> None:
    tree = ast.parse(
        "from bot import messages as wording\nmessages = []\nwording.text('goodbye')\nmessages.append(1)\n"
    )
    assert [call.lineno for call in _text_calls(tree)] == [3]


def test_every_call_site_names_a_real_key_with_its_placeholders() -> None:
    """`messages.text(...)` in bot/ and adapters/: a typo'd key or value name fails here, not in front of a user."""
    problems: list[str] = []
    for path in _python_files("bot", "adapters"):
        for node in _text_calls(ast.parse(path.read_text(encoding="utf-8"))):
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
#: Slack emoji such as `:white_check_mark:` are icons, not words (and would end like a sentence).
_EMOJI = re.compile(r":[a-z0-9_+-]+:")


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
        stripped = _EMOJI.sub("", value).strip()
        words = re.findall(r"[A-Za-z']+", stripped)
        if len(words) >= 3 and stripped[-1:] in ".!?:" and not _REGEX.search(value):
            yield node.lineno, value


def _scanned() -> Iterator[Path]:
    for path in _python_files("bot", "adapters"):
        if not path.relative_to(ROOT).as_posix().startswith(_NOT_SCANNED):
            yield path


def test_no_user_sentences_outside_the_catalogue() -> None:
    """New wording goes into bot/messages.py; developer text (logs, errors for operators) is not flagged."""
    found = [f"{path.relative_to(ROOT)}:{line}: {value!r}" for path in _scanned() for line, value in _sentences(path)]
    assert not found, "move these into bot/messages.py:\n" + "\n".join(found)


#: Keyword arguments that are shown as a label: Slack `ButtonElement(text=)`, `Option(text=)`, select
#: `placeholder=`, Discord `Button(label=)`, `app_commands.Choice(name=)`, and in adapters/ a Discord command's
#: `description=` (in bot/ that keyword is developer text: pydantic fields, argparse).
_LABEL_KEYWORDS = frozenset({"text", "label", "placeholder", "name"})
#: Calls whose second positional argument is a label: `bot.actions.Choice(value, label)`, Discord `Button(id, label)`.
_LABEL_SECOND_ARG = frozenset({"Choice", "Button"})
#: Calls whose every keyword is user text: Discord's `app_commands.describe(option="...")`.
_ALL_KEYWORDS_SHOWN = frozenset({"describe"})
#: A value rather than words: ids, action values, command names ("thankyou", "tone:formal", "ok").
_VALUE_LIKE = re.compile(r"[a-z0-9_.:|/-]*")


def _callee(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _literal_words(node: ast.expr) -> str | None:
    """A string literal (an f-string with {} for its values) that reads as words, or None."""
    if isinstance(node, ast.JoinedStr):
        value = "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        value = node.value
    else:
        return None
    return value if re.search(r"[A-Za-z]", value) and not _VALUE_LIKE.fullmatch(value) else None


def _table_labels(node: ast.Assign | ast.AnnAssign) -> list[ast.expr]:
    """The values of a table named like `_NAV_LABELS = {"skip": "Skip"}` (or a tuple of (value, label) pairs)."""
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    if node.value is None or not any(isinstance(t, ast.Name) and "LABEL" in t.id.upper() for t in targets):
        return []
    if isinstance(node.value, ast.Dict):
        return list(node.value.values)
    if isinstance(node.value, ast.Tuple | ast.List):
        pairs = [e for e in node.value.elts if isinstance(e, ast.Tuple) and len(e.elts) == 2]
        return [pair.elts[1] for pair in pairs]
    return []


def _labels(path: Path, *, adapter: bool) -> Iterator[tuple[int, str]]:
    """Literal words in the places a platform shows as a button, menu or command label. Headings built in
    f-strings are not found here unless they read as a sentence (see `_sentences`): review those by eye."""
    keywords = _LABEL_KEYWORDS | {"description"} if adapter else _LABEL_KEYWORDS
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            for value in _table_labels(node):
                words = _literal_words(value)
                if words is not None:
                    yield value.lineno, words
        if not isinstance(node, ast.Call):
            continue
        callee = _callee(node)
        shown = [k.value for k in node.keywords if k.arg in keywords or callee in _ALL_KEYWORDS_SHOWN]
        if callee in _LABEL_SECOND_ARG and len(node.args) >= 2:
            shown.append(node.args[1])
        if "label" in callee.casefold() and node.args:  # helpers such as Slack's `_label("Subject")`
            shown.append(node.args[0])
        for value in shown:
            words = _literal_words(value)
            if words is not None:
                yield value.lineno, words


def test_no_user_labels_outside_the_catalogue() -> None:
    """Button, menu and command labels come from the catalogue too (their values stay in code)."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {value!r}"
        for path in _scanned()
        for line, value in _labels(path, adapter=path.relative_to(ROOT).parts[0] == "adapters")
    ]
    assert not found, "move these labels into bot/messages.py:\n" + "\n".join(found)


def test_the_label_scan_notices_a_label(tmp_path: Path) -> None:
    """Guard against a label scan that silently finds nothing."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        'ButtonElement(text=messages.text("label_mark_sent"), action_id="ty-draft", value="sent")\n'
        'ButtonElement(text="Open in email", url=link)\n'
        'Choice(ReminderActionName.SENT, "Sent")\n'
        'app_commands.Choice(name="Help", value="help")\n'
        '@app_commands.command(name="thankyou", description="Turn your interview into notes")\n'
        '@app_commands.describe(action="What to do")\n'
        "def f(): pass\n"
        'asyncio.create_task(run(), name="thankyou-scheduler")\n'
        'web.Response(text="ok")\n'
        'blocks.append(_label(f"Note {n}"))\n'
        '_NAV_LABELS = {"skip": "Skip", "back": messages.text("label_nav_back")}\n'
        '_LEVELS = {"error": ":red_circle:"}\n',
        encoding="utf-8",
    )
    assert sorted(line for line, _ in _labels(sample, adapter=True)) == [2, 3, 4, 5, 6, 10, 11]
    assert sorted(line for line, _ in _labels(sample, adapter=False)) == [2, 3, 4, 6, 10, 11]


def test_the_scan_notices_a_sentence(tmp_path: Path) -> None:
    """Guard against a scan that silently finds nothing."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Docstring. Not user text."""\n'
        'log.info("conversation conflict, retrying now.")\n'
        'raise ConfigError("DATABASE_URL is not set. Put it in .env.")\n'
        'def f(n):\n    return f"Cancelled reminder {n}. Sorry!"\n'
        'raise Reject("That answer looks empty. Type again.")\n'
        'ICON = ":white_check_mark: "\n',
        encoding="utf-8",
    )
    assert [line for line, _ in _sentences(sample)] == [5, 6]
