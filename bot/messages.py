"""Every sentence and label a user reads, in one catalogue, so wording is reviewed in one place and can be translated.

Texts are plain strings keyed by stable snake_case names; templates use `{name}` placeholders and are
filled by `text()`, which refuses an unknown key, a missing value or an unexpected one (typos fail loudly
in tests rather than showing "{company}" to a user). Code still builds the computed parts (lists, dates,
summary lines); the fixed words come from here. Labels (button, menu and heading words) are keys starting with
`label_` (shared by the adapters) or `slack_label_` / `discord_label_` (one platform's wording; the Discord slash
command's texts are `discord_command_*` / `discord_choice_*`). The stable values behind labels (action ids,
custom ids, button values) stay in code and in `bot.vocabulary`.

A few placeholders carry an optional fragment with its leading space, or nothing: `{for_company}` is
"" or " for Acme" (built from `for_company`), `{at_company}` " at Acme", `{to_people}` " to Priya",
`{for_person}` " for Priya", `{company}` in `digest_item` " (Acme)".
"""

from __future__ import annotations

import string
from functools import cache
from typing import Final

CATALOGUE: Final[dict[str, str]] = {
    # --- conversation: starting, asking, summarising -----------------------------------------------
    "offer_start": "Hi! I help you write thank-you notes after an interview or a helpful chat. Want to start?",
    "welcome_back": "Welcome back! Let's pick up where you left off.",
    "restarted": "Okay, starting over from the first question.",
    "cancelled": (
        "Okay, I've stopped this debrief. I'll keep your answers for 24 hours in case you change your mind: "
        "type undo to bring them back. Whenever you're ready, start a new one."
    ),
    "cancel_confirm": (
        "Stop this debrief? Your answers so far are kept for 24 hours (type undo to bring them back). "
        'Reply "yes" to stop or "no" to carry on.'
    ),
    "cancel_kept_going": "Good, let's carry on where we were.",
    "undo_restored": "Welcome back! I've brought back the debrief you stopped{for_company}. Let's carry on.",
    "undo_nothing": (
        "There's no stopped debrief to bring back (I keep one for 24 hours after cancel). "
        "Type start to begin a new one."
    ),
    "profile_intro": "Here's what I remember for your next debriefs:",
    "profile_how": (
        "Change one with e.g. profile tone formal, profile send as linkedin, profile name Sam Rivera or "
        "profile time zone Europe/Berlin; profile clear forgets it all."
    ),
    "profile_empty": (
        "I don't remember anything about you yet. After your first notes I'll keep your name, tone and how you "
        "send them, so you aren't asked again. You can also set them now, e.g. profile tone formal."
    ),
    "profile_cleared": "Done: I've forgotten your profile. I'll ask for those answers again next time.",
    "profile_changed": "Saved: {what} is now {value}. This applies from your next debrief.",
    "profile_unknown": (
        "I can remember your name, tone, how you send notes and your time zone. Try e.g. profile tone formal."
    ),
    "profile_needs_value": "What should your {what} be? For example: profile {what} and the new value.",
    "profile_bad_zone": ('I don\'t know the time zone "{zone}". Use a name like Europe/Berlin or America/New_York.'),
    "preview_uncertain": (
        "Here's how that reads in the note: “{line}” Reply ok to keep it, or type it again as a short phrase "
        "instead (e.g. {example})."
    ),
    "preview_unusable": (
        "I can't fit that into a sentence ({reason}), so I'd leave it out of the note. Reply ok to leave it out, "
        "or type it again as a short phrase instead (e.g. {example})."
    ),
    "preview_retype": "No problem. Type it again as a short phrase (e.g. {example}), or type skip to leave it out.",
    "own_name_greeting": "Hi! 👋 First, what name should I sign your notes with? For example: Sam Rivera.",
    "own_name_tidied": "I'll sign your notes as {name}.",
    "profile_used": "From your profile: {details}. I won't ask these again; type profile to see or change them.",
    "community_defaults_used": "Your community's default: {details}. Type {edit} to change it for this debrief.",
    "help": (
        "Here's how this works: I ask a few short questions, then write one thank-you note per person you met.\n"
        "• Type your answer (or tap a button where there is one).\n"
        "• skip: leave out an optional question\n"
        "• back: change your previous answer\n"
        "• edit and the answer: change any answer, e.g. edit date, edit link, edit Priya's email\n"
        "• restart: start this debrief again\n"
        "• cancel: stop this debrief (undo brings it back within 24 hours)\n"
        "• reminders: see and change your reminders (reminders help lists them all)\n"
        "• profile: see or change what I remember for next time (your name, tone, how you send)\n"
        "• export my data: get a copy of everything I keep about you\n"
        "• forget me: delete everything I keep about you\n"
        "Your answers are saved as you go, so you can stop and come back later."
    ),
    "skip_hint": "(Type skip to leave it out.)",
    "skip_hint_choice": "(Or type skip.)",
    "title_tidied": "I've written their title as {title}.",
    "title_looks_like_topic": (
        "That sounds like what you talked about: I'll ask about that next. First, their job title "
        "(e.g. Engineering Manager), or type skip."
    ),
    "title_unclear": "What's their job title? A best guess is fine (e.g. Engineering Manager), or type skip.",
    "given_with_names": "You told me: {value}. Reply ok to keep it, or type it again with their email.",
    "currently": "Right now it's: {value}. Type a new answer.",
    "currently_optional": "Right now it's: {value}. Type a new answer or skip.",
    "currently_several": "Right now: {values}. Type a new answer; anything you leave out stays as it is.",
    "understood_time": "Got it: {when} ({zone}).",
    "cannot_skip": "I need this one: {why}",
    "way_out_skip": "You can also type skip to leave it out.",
    "way_out_cancel": "If you'd like to stop, type cancel.",
    "summary_intro": "Here's what I have:",
    "summary_outro": (
        'Reply "yes" to write your notes, or "edit" and the answer to change something (e.g. edit date, '
        "edit Priya's email)."
    ),
    "confirm_hint": 'Reply "yes" to write your notes, or "edit <question>" to change an answer (e.g. edit role).',
    "drafts_intro_one": "Here is your note. Read it once, make it yours, then send it.",
    "drafts_intro_many": (
        "Here are your {count} notes, one per person. Read each one once, make it yours, then send it."
    ),
    "recovered": "Something in your saved answers needs another look, so I'll ask that question again.",
    "answers_unreadable": "Part of your saved answers couldn't be read, so I'll ask that question again.",
    "answer_still_needed": "I still need this answer before we go on.",
    # --- navigation: back, edit, buttons --------------------------------------------------------------
    "first_question": "This is the first question, so there's nothing to go back to.",
    "not_reached_yet": "We haven't got to that question yet, so let's carry on here. I'll ask it when we get there.",
    "unknown_field": (
        'I\'m not sure which answer "{question}" is. You can edit: {fields}; for a person, e.g. '
        "edit Priya's email or edit title 2."
    ),
    "unknown_field_unnamed": (
        "Which answer would you like to change? You can edit: {fields}; for a person, e.g. edit Priya's email."
    ),
    "which_person": "Which person? For example: {examples}.",
    "stale_button": "That button belongs to an earlier question, so I've kept your answers as they are.",
    "finished_button": "That button belongs to a debrief that's already finished. Type start to begin a new one.",
    "button_not_recognised": "I didn't recognise that button. Please try again.",
    # --- finished notes: tone, reopen, mark as sent ---------------------------------------------------
    "notes_gone": "I can't find those notes any more. They may have been deleted. Start a new debrief any time.",
    "notes_not_yours": "That button belongs to someone else's notes, so I've left them alone.",
    "other_debrief_open": "You have another debrief in progress. Finish or cancel it first, then try again.",
    "pick_tone": "Please pick one of these tones: {tones}.",
    "retoned": "Here are your notes again in a {tone} tone.",
    "reopen_hint": "Sure. Type edit and the question to change, e.g. edit company or edit discussed 1.",
    "note_already_sent": "That note is already marked as sent.",
    "note_marked_sent": "Marked as sent. Well done, that's the part most people skip!",
    # --- errors: answers that can't be used (said instead of storing them) -----------------------------
    "answer_empty": "That answer looks empty. Could you type it again?",
    "text_direction_chars": "That answer contains hidden text-direction characters. Please type it again plainly.",
    "text_control_chars": "That answer contains hidden control characters. Please type it again plainly.",
    "text_too_long": "That's {length:,} characters; please keep each answer under {limit:,}. A short phrase is plenty.",
    "name_invalid": "That doesn't look like a name. Please type it the way it should appear, e.g. Sam Rivera.",
    "names_missing": "Please give at least one name, e.g. Priya Natarajan.",
    "names_too_many": "That's {count} people; I can write notes for up to {limit} at a time.",
    "email_invalid": (
        "That doesn't look like an email address (like priya@acme.example). Type skip if you don't have it."
    ),
    "url_invalid": (
        "I couldn't find a link in that. Paste it (like example.com/my-talk), or type skip if there isn't one."
    ),
    "share_without_link": "I'll offer it in the notes without a link. Paste the link in before you send them.",
    "choice_invalid": "Please pick one of: {options}.",
    "choice_did_you_mean": "Did you mean {label}? Type it, or pick a number.",
    "choice_did_you_mean_either": "Did you mean {first} or {second}? Type one, or pick a number.",
    "names_tidied": "I've written that as {names}. Please check the spelling in the notes before you send them.",
    "when_past_empty": 'Please tell me when it was, for example "yesterday 3pm".',
    "when_past_unreadable": (
        'I couldn\'t read that time. Try "today at 10", "yesterday 3pm", "Friday 9:30" or 2026-11-20 14:00.'
    ),
    "when_past_in_future": "That time is in the future. When did the conversation actually happen?",
    "when_past_sounds_future": "That sounds like the future. When did the conversation happen?",
    "when_past_too_old": "That's more than a year ago. Please check the date, e.g. 2026-11-20 14:00.",
    "when_future_empty": 'Please tell me when, for example "tomorrow 9am" or "in 3 days".',
    "when_future_unreadable": 'I couldn\'t read that time. Try "tomorrow 9am", "in 3 days", "Monday 10:00" or "5pm".',
    "when_future_passed": "That time has already passed. Please pick a time in the future.",
    "when_future_too_far": "That's more than a year away. Please pick a nearer time.",
    # --- reminders: commands and buttons --------------------------------------------------------------
    "reminders_help": (
        "Reminder commands (start each with reminders):\n"
        "• reminders: list what's coming up\n"
        "• reminders move 12 tomorrow 9am (or in 3 days, Monday 10:00)\n"
        "• reminders cancel 12\n"
        "• reminders sent 12 / replied 12 / snooze 12 tomorrow / stop 12\n"
        "• reminders pause until Monday, then reminders resume\n"
        "• reminders timezone Europe/Berlin\n"
        "• reminders quiet 22-7 (no reminders at night), or reminders quiet off\n"
        "• forget me (delete everything I hold about you) / export my data"
    ),
    "reminder_command_unknown": "I didn't catch that reminder command.",
    "reminder_not_yours": "That reminder belongs to someone else, so I've left it alone.",
    "reminder_not_found": "I can't find reminder {n}. Type reminders to see the ones coming up.",
    "reminder_nothing_to_snooze": "There's nothing to snooze: that reminder is already finished or cancelled.",
    "reminder_noted": "Noted. Well done!",
    "reminder_marked_sent": "Marked as sent. Well done!",
    "follow_up_promise": "If you haven't heard back by {when}, I'll send you a short check-in email to copy.",
    "checkin_sent_thanks": "Thanks for sending the check-in. Fingers crossed for good news!",
    "reminders_replied": "That's great news! I've stopped the reminders{for_company}. Good luck with what's next!",
    "reminders_stopped": "Okay, no more reminders{for_company}. You can start a new debrief any time.",
    "for_company": "for {company}",
    "snooze_unknown": "I didn't recognise that snooze. Try 1 hour, tomorrow morning or next week.",
    "snoozed": "Okay, I'll remind you again {when}.",
    "reminder_not_waiting": "Reminder {n} isn't waiting any more, so there's nothing to change.",
    "reminder_cancelled": "Cancelled reminder {n}.",
    "reminder_moved": "Done: reminder {n} moved to {when}.",
    "reminders_none": "You have no reminders coming up. Type reminders help to see what I can do.",
    "reminders_list_intro": "Your reminders (times in {zone}):",
    "reminders_list_item": "• {n}: {what}{for_company}, {when}",
    "reminders_list_paused": "Paused until {until}.",
    "reminders_list_outro": "Change one with e.g. reminders move {n} tomorrow 9am, or reminders cancel {n}.",
    "reminder_what_send_by": "send your thank-you notes",
    "reminder_what_follow_up": "check in if you haven't heard back",
    "reminder_what_other": "reminder",
    # --- reminders: settings --------------------------------------------------------------------------
    "timezone_unknown": "I don't know that time zone. Use a name like Europe/Berlin or America/New_York.",
    "timezone_set": "Got it: your reminders now follow {zone} time.",
    "reminders_resumed": "Reminders are back on. Anything that came due while paused will arrive shortly.",
    "reminders_paused": "Reminders paused. Type reminders resume when you want them back.",
    "reminders_paused_until": "Reminders paused until {until}. Type reminders resume to restart sooner.",
    "quiet_invalid": "Please give quiet hours as two hours of the day, like quiet 22-7 (10pm to 7am), or quiet off.",
    "quiet_off": "Quiet hours are off.",
    "quiet_set": (
        "Quiet hours set: no reminders between {start}:00 and {end}:00 your time; they'll wait until {end}:00."
    ),
    # --- reminders: what a delivered reminder says ----------------------------------------------------
    "nudge_send_by": (
        "A gentle nudge: your thank-you notes{to_people}{at_company} are ready to send. Sending them today keeps "
        "you fresh in their minds. Already sent? Tap Sent and I'll stop reminding you."
    ),
    "nudge_follow_up": (
        "Any news{at_company}? If you haven't heard back, here is a short check-in email{for_person} you can copy "
        "and send. Heard back already? Tap They replied."
    ),
    "nudge_last": "This is my last check-in reminder for this one.",
    "to_people": "to {people}",
    "at_company": "at {company}",
    "for_person": "for {person}",
    "digest_intro": "While I was away, these reminders came due and I didn't want to flood you with them:",
    "digest_item": "• {what}{company}, due {when}",
    "digest_outro": "If any still matter, type reminders to see what's left, or reply to them when you can.",
    "digest_what_follow_up": "check in if you hadn't heard back",
    "digest_when_unknown": "earlier",
    "checkin_day_unknown": "the day we met",
    "checkin_role": "{role} role",
    "checkin_meeting": "conversation",
    # --- privacy --------------------------------------------------------------------------------------
    "forget_confirm": (
        "This deletes your debriefs, notes, reminders and settings, everywhere, for good. "
        "If you're sure, type: forget me now"
    ),
    "forgotten": "Done. I've deleted everything I held about you. You can start fresh any time.",
    "export_intro": "Here is everything I hold about you (JSON):",
    # --- adapters / platform notices (texts exactly as the adapters say them today) -------------------
    "goodbye": "All done. Good luck. You've got this! 💪",
    "before_you_send": "Before you send:",
    "reminder_scheduled_send_by": "⏰ I'll remind you to send your notes: {when}.",
    "reminder_scheduled_follow_up": "⏰ I'll remind you to follow up if you haven't heard back: {when}.",
    # Slack (mrkdwn)
    "slack_dm_pointer": (
        "I've sent you a direct message. Let's continue there, where your interview details stay private."
    ),
    "slack_mention_pointer": (
        "Hi! Interview details are private, so I only talk about them in direct messages. "
        "Type `/thankyou` or open my *Messages* tab to start."
    ),
    "slack_no_dm": (
        "I couldn't open a direct message with you. Open my *Messages* tab (click my name, then Messages) "
        "and type start, and we'll begin there."
    ),
    "slack_sorry": (
        "Sorry, something went wrong on my side. Your answers so far are saved. Please send your last answer again."
    ),
    "slack_edited": (
        "I saw you edited that message. I used your first answer; send it again if you want to change it."
    ),
    "slack_reminder_send_by": ":alarm_clock: I'll nudge you {when} if your notes aren't marked as sent by then.",
    "slack_reminder_follow_up": ":calendar: I'll check in {when} to see whether you've heard back.",
    "slack_home_title": "Your thank-you notes",
    "slack_home_idle": (
        "No debrief in progress. Type `/thankyou` after your next interview and I'll help you write the notes."
    ),
    "slack_home_in_progress": (
        ":speech_balloon: You have a debrief in progress. Type `/thankyou` to pick up where you left off."
    ),
    "slack_home_in_progress_with": (
        ":speech_balloon: You have a debrief in progress with *{company}*. Type `/thankyou` to pick up where you "
        "left off."
    ),
    "slack_home_no_notes": "Your notes will show up here once you've written some.",
    # Discord (markdown)
    "discord_sent_to_dm": "I've sent you a DM. Let's continue there, where your answers stay private.",
    "discord_started_in_dm": "Here we go. Your next question is just below.",
    "discord_closed_dms": (
        "I couldn't send you a direct message, because DMs from this server's members are turned off for you.\n"
        "To allow them: open the server menu (tap or right-click the server name) → **Privacy Settings** → turn on "
        "**Direct Messages**. Then run `/thankyou` again. Your answers will stay private in our DM."
    ),
    "discord_not_delivered": "Sorry, I couldn't reach you just now. Please try `/thankyou` again in a minute.",
    "discord_text_only": "I can only read typed messages. Please type your answer.",
    "discord_oops": "Sorry, something went wrong on my side. Please try that again.",
    "discord_tap_hint": "-# Tap a button or type your answer.",
    "discord_draft_actions": (
        "Want a different feel, or need to fix something? Change the tone of all notes, or edit an answer."
    ),
    "discord_note_as_file": "This note contains triple backticks, so I've attached it as a file to copy exactly.",
    "discord_checkin_as_file": "The check-in email is attached as a file to copy exactly.",
    "discord_reply_lost": (
        "Got it, but I couldn't send my reply just now. Run `/thankyou` in a minute to pick up where you left off."
    ),
    "discord_forwarded": "I can't read forwarded messages. Please type your answer here.",
    "discord_edited": "I saw you edited that; I used your first answer. Send it again if you want to change it.",
    "discord_token_refused": (
        "Discord refused DISCORD_TOKEN (401 Unauthorized). Copy the bot token again from the Developer Portal "
        "(Bot → Reset Token) and restart; see deploy/discord/README.md."
    ),
    # console (plain text)
    "console_eof": "Saved. Run the same command again to pick up where you left off.",
    "console_reminder_hint": (
        "To answer a reminder, type e.g. reminders sent 12, reminders snooze 12 tomorrow or reminders help."
    ),
    "console_choice_hint": "(type a number or the answer)",
    "console_nudge_commands": "Type: {commands}",
    "console_notes_saved": "Saved the notes in {folder}:",
    "console_notes_not_saved": "I couldn't save the notes in {folder}: {reason}",
    # --- labels: buttons, menus and headings (short words, no sentences; the values behind them stay in code) ---
    # conversation buttons (bot/conversation/engine.py)
    "label_start_debrief": "Start a debrief",
    "label_write_notes": "Write my notes",
    "label_cancel_yes": "Yes, stop",
    "label_preview_ok": "Looks good",
    "label_time_zone": "Time zone",
    "label_cancel_no": "No, carry on",
    # navigation buttons (Slack and Discord)
    "label_nav_skip": "Skip",
    "label_nav_back": "Back",
    "label_nav_cancel": "Cancel",
    "label_nav_help": "Help",
    "label_nav_resume": "Resume",
    # reminder buttons, in the order shown (bot/reminders/messages.py OPTIONS)
    "label_reminder_sent": "Sent",
    "label_reminder_replied": "They replied",
    "label_reminder_snooze_hour": "Snooze 1 hour",
    "label_reminder_snooze_tomorrow": "Tomorrow morning",
    "label_reminder_snooze_week": "Next week",
    "label_reminder_stop": "Stop reminders",
    # draft buttons and headings (Slack, Discord and console put them together with their own markup)
    "label_edit_answer": "Edit an answer",
    "label_mark_sent": "Mark as sent",
    "label_note_position": "Note {n} of {total}",
    "label_note_to": "to {recipient}",
    "label_note_words": "{count} words",
    "label_subject": "Subject",
    # --- "Edit note": a delivered note edited by hand in a modal, then proofread (issue 12) ---------------------
    "label_edit_note": "Edit note",
    "label_edit_note_title": "Edit your note",
    "label_edit_note_field": "Your note, as you'll send it",
    "label_edit_note_submit": "Check it",
    "label_edit_note_close": "Cancel",
    "edit_note_hint": "Change anything you like. When you press Check it, I'll proofread it against your answers.",
    "edit_note_gone": (
        "I can't find that note any more; a tone change writes fresh notes. Press Edit note on the newest one."
    ),
    "edit_note_too_long": "This note is too long to edit here. Copy it into your email and edit it there.",
    "edit_note_checked": "Your edited note to {recipient}, proofread. I kept this version for next time.",
    "edit_note_ready": "I read it through and found nothing to fix. It's ready to send.",
    "edit_note_fix": "Worth fixing before you send:",
    # note statuses (Slack App Home)
    "label_status_drafted": "drafted",
    "label_status_sent": "sent",
    "label_status_replied": "replied",
    # Slack draft posts
    "slack_label_message": "Message",
    "slack_label_open_in_email": "Open in email",
    # a mrkdwn link token around the label: Slack's documented form for e-mail links
    "slack_email_link": ":email: <{link}|{label}>",
    "slack_label_change_tone": "Change tone",
    "slack_label_tone_formal": "Formal",
    "slack_label_tone_warm": "Warm",
    "slack_label_tone_concise": "Concise",
    "slack_label_channel_email": "email",
    "slack_label_channel_linkedin": "LinkedIn message",
    "slack_label_channel_card": "card",
    "slack_note_too_long_for_link": "This note is too long for an email link. Copy the subject and message above.",
    # Discord draft buttons
    "discord_label_more_formal": "More formal",
    "discord_label_warmer": "Warmer",
    "discord_label_more_concise": "More concise",
    # Discord /thankyou command (shown in Discord's command picker)
    "discord_command_description": "Turn your interview into thank-you notes, privately in DMs",
    "discord_command_action_description": "What to do (default: start, or pick up where you left off)",
    "discord_choice_start": "Start or pick up my debrief",
    "discord_choice_help": "Help",
    "discord_choice_cancel": "Cancel my debrief",
    "discord_choice_resume": "Resume where I left off",
    # --- community career channel (bot/community/): admin replies, the channel post, member controls ----
    "label_channel_start": "Start",
    "community_stats": "This week: {drafted} notes drafted, {sent} marked sent.",
    "community_stats_drafted": "This week: {drafted} notes drafted.",
    "community_not_admin": (
        "Sorry, only community admins can change these settings. Type /thankyou to start your own debrief."
    ),
    "community_unknown_command": (
        'I don\'t know "{word}". Type {command} to see the settings and everything you can change.'
    ),
    "community_settings": (
        "Career-channel settings:\n"
        "• Channel: {channel}\n"
        "• Schedule: {schedule}\n"
        "• Time zone: {zone}\n"
        "• Stats: {stats}\n"
        "• Post wording: {template}\n"
        "• Next post: {next}\n"
        "• New debriefs' tone: {tone}\n"
        "• New debriefs' notes: {note}\n"
        '• "Have you sent it?" nudge: {nudge}\n'
        '• "Did you hear back?" check-in: {checkin}\n'
        "• Debriefs and notes kept for: {retention} days\n"
        "Change them with {command} and: channel #careers · schedule weekly monday 09:00 · "
        "schedule every 14 days 10:00 · schedule off · timezone Europe/Berlin · stats on|off · "
        "stats minimum 5 · preview · post now · template show|set …|reset · tone warm · note email · "
        "nudge 24h · checkin 7 days · retention 180 (any of tone, note, nudge, checkin or retention with "
        "default goes back to the default)"
    ),
    "community_value_not_set": "not set",
    "community_value_members_choose": "each member's choice",
    "community_value_off": "off",
    "community_value_paused": "paused (I can't post in the channel)",
    "community_stats_value_on": "on (hidden below {minimum})",
    "community_template_custom": "your own",
    "community_template_default": "the default",
    "community_schedule_weekly": "every {day} at {time}",
    "community_schedule_every": "every {days} days at {time}",
    "community_channel_missing": "Tell me which channel, e.g. {command} channel #careers",
    "community_channel_unknown": (
        "I can't see {channel}. Invite me to that channel (or check the name), then try again."
    ),
    "community_channel_set": "Done: career-channel posts go to {channel}. Next post: {next}.",
    "community_channel_set_no_schedule": (
        "Done: career-channel posts go to {channel}. Now pick when: {command} schedule weekly monday 09:00"
    ),
    "community_schedule_bad": (
        "I couldn't read that schedule. Type e.g. {command} schedule weekly monday 09:00, "
        "or every 14 days 10:00, or off."
    ),
    "community_schedule_set": "Done: I'll post {schedule} ({zone}). Next post: {next}.",
    "community_schedule_set_no_channel": (
        "Done: I'll post {schedule} ({zone}). Now pick the channel: {command} channel #careers"
    ),
    "community_schedule_off": "Done: scheduled posts are off.",
    "community_timezone_bad": (
        'I don\'t know the time zone "{zone}". Use a name like Europe/Berlin: {command} timezone Europe/Berlin'
    ),
    "community_timezone_set": "Done: times now follow {zone}. Next post: {next}.",
    "community_stats_bad": "Type {command} stats on, stats off, or stats minimum 5 (at least {floor}).",
    "community_stats_on": "Done: posts show this week's counts, hidden below {minimum}.",
    "community_stats_off": "Done: posts no longer show counts.",
    "community_stats_minimum": "Done: counts below {minimum} stay hidden.",
    "community_preview_intro": "Here's how the next post will look (only you can see this):",
    "community_post_no_channel": "There's no channel to post in yet. Pick one first: {command} channel #careers",
    "community_posted": "Posted in {channel}.",
    "community_post_failed": "I couldn't post in {channel} just now. Please try again in a few minutes.",
    "community_paused_no_access": (
        "I can't post in {channel} any more (I was removed, or I'm missing permission), so I've paused the "
        "career-channel posts. Add me back, then set the channel again to resume."
    ),
    "community_template_current": "The post wording (yours):\n{template}",
    "community_template_default_current": "The post wording (the default):\n{template}",
    "community_template_usage": (
        "Type the new wording after the command, e.g. {command} template set Interviewed this week? "
        "Type /thankyou for your notes."
    ),
    "community_template_too_long": "That wording is too long: keep it under {limit} characters. Nothing changed.",
    "community_template_unknown": "I don't know {names} in that wording. You can use {allowed}. Nothing changed.",
    "community_template_control": "That wording has hidden control characters. Type it as plain text.",
    "community_template_saved": "Saved. Here's how the next post will look:",
    "community_template_reset": "Done: posts use the default wording again.",
    "community_tone_bad": "Type {command} tone formal, tone warm, tone concise or tone default.",
    "community_tone_set": (
        "Done: new debriefs start in a {tone} tone unless the member chose their own; they can change it."
    ),
    "community_tone_reset": "Done: each member picks their own tone again.",
    "community_note_bad": "Type {command} note email, note linkedin, note card or note default.",
    "community_note_set": (
        "Done: new debriefs write {channel} notes unless the member chose their own; they can change it."
    ),
    "community_note_reset": "Done: each member picks how they send their notes again.",
    "community_retention_bad": (
        "Type {command} retention and a number of days from 1 to {most} (the default is {usual}), e.g. retention 90."
    ),
    "community_retention_set": "Done: I keep members' debriefs and notes for {days} days.",
    "community_nudge_bad": (
        "Type {command} nudge and a time from {least} to {most} hours after the interview, e.g. nudge 24h, "
        "or nudge default."
    ),
    "community_checkin_bad": (
        "Type {command} checkin and a number of days from {least} to {most}, e.g. checkin 7 days, or checkin default."
    ),
    "community_reminders_bad": "Type {command} reminders send-by 24h follow-up 7 days (or just one of the two).",
    "community_nudge_default": "the built-in time (2–4 hours after the interview, or the next business morning)",
    "community_nudge_value": (
        "{hours} hours after the interview (or the next 09:00 on a business day, if that falls at night or "
        "on a weekend)"
    ),
    "community_checkin_default": (
        "the built-in time (a week after the interview, or 2 business days after the employer's timeline)"
    ),
    "community_checkin_value": (
        "{days} days after the interview (or 2 business days after the employer's timeline, if they gave one), "
        "and once more {days} days later"
    ),
    "community_nudge_set": 'Done: in new debriefs, the "have you sent it?" nudge comes {nudge}.',
    "community_checkin_set": 'Done: in new debriefs, the "did you hear back?" check-in comes {checkin}.',
    "community_timing_set": "Done: in new debriefs, the nudge comes {nudge}; the check-in comes {checkin}.",
    "community_reminders": (
        "The nudge comes {nudge}; the check-in comes {checkin}. Change them with {command} nudge 24h or "
        "{command} checkin 7 days."
    ),
    "community_quiet_on": (
        "Okay, I'll stay quiet: no reminders or other messages from me unless you write first. "
        "Type /thankyou quiet off to undo."
    ),
    "community_quiet_off": "Okay, reminders are back on.",
    "community_admin_failed": "Sorry, that didn't work. Nothing changed; please try again in a moment.",
    "community_member_in_dm": "I've answered in our DM.",
    # Discord: /thankyou member choices and the /thankyou-admin group (shown in Discord's command picker)
    "discord_choice_forget": "Forget me (asks first)",
    "discord_choice_forget_now": "Forget me now",
    "discord_choice_export": "Export my data",
    "discord_choice_quiet": "Quiet: no reminders from the bot",
    "discord_choice_quiet_off": "Reminders back on",
    "discord_choice_show": "Show",
    "discord_choice_set": "Set",
    "discord_choice_reset": "Reset to the default",
    "discord_choice_formal": "Formal",
    "discord_choice_warm": "Warm",
    "discord_choice_concise": "Concise",
    "discord_choice_email": "Email",
    "discord_choice_linkedin": "LinkedIn message",
    "discord_choice_card": "Handwritten card",
    "discord_choice_default": "Each member's own choice",
    "discord_admin_description": "Career-channel reminders and community settings (admins)",
    "discord_admin_settings": "Show the settings and what you can change",
    "discord_admin_channel": "The channel for career reminders",
    "discord_admin_schedule": "e.g. weekly monday 09:00, every 14 days 10:00, or off",
    "discord_admin_timezone": "e.g. Europe/Berlin",
    "discord_admin_stats": "on, off, or minimum 5",
    "discord_admin_preview": "See the next post (only you)",
    "discord_admin_post_now": "Post the reminder in the channel now",
    "discord_admin_template": "Show, set or reset the post wording",
    "discord_admin_tone": "The tone new members' notes start in",
    "discord_admin_retention": "Days to keep members' debriefs and notes (1 to 365; the default is 180)",
    "discord_admin_note": "How new members' notes are sent by default (each member can change it)",
    "discord_admin_nudge": 'When "have you sent it?" comes after the interview, e.g. 24h, 1 day or default',
    "discord_admin_checkin": 'Days before "did you hear back?" when no timeline was given, e.g. 7 days or default',
    # --- forms and first contact (issue 13: bot/conversation/form.py, App Home, /thankyou help) ---------------
    "label_fill_form": "Fill in a form instead",
    "label_form_continue": "Continue to part {n} of {total}",
    "label_form_fix": "Fix my answers",
    "label_tz_other": "Another zone (I'll type it)",
    "label_tz_use": "Use {zone}",
    "form_hint_example": "e.g. {example}",
    "form_hint_people": "One person per line: name, job title, email",
    "form_hint_per_person": "One line per person, in the same order (or start a line with their name and a colon)",
    "form_line_problem": "Line {n}: {problem}",
    "form_one_person_per_line": "Please put one person per line.",
    "form_more_lines_than_people": (
        "There are more lines here than people in your list ({count}). One line per person, please."
    ),
    "form_not_saved": "I couldn't save the form yet. {problems}",
    "form_received": "Thanks, I have your form! Here's everything in one place. Check it, then I'll write your notes.",
    "form_closed_resume": "No problem, I kept what you filled in. Let's carry on here, one question at a time.",
    "form_title": "Thank-you debrief",
    "form_title_part": "Thank-you debrief ({n} of {total})",
    "form_submit": "Save answers",
    "form_close": "Later",
    "form_intro": (
        "Everything here goes into your notes. Leave out what you don't know: I'll skip it, and you can change any "
        "answer later in our chat."
    ),
    "form_time_label": "Time",
    "form_problems": "A few answers need another look:\n{problems}",
    "form_page_saved": "Saved. Continue when you're ready; nothing is lost if you stop here.",
    "form_done": "Thanks! Your summary is waiting in our DM.",
    "form_not_open": "That form has expired. Tap Fill in a form instead again, or just answer in the chat.",
    "first_contact_welcome": (
        "Hi, I'm the thank-you bot! After an interview or a helpful chat, I ask a few short questions (or you fill "
        "in a form) and write one thank-you note per person you met, ready to copy. Type start or use /thankyou "
        "whenever you're ready. Type help any time."
    ),
    "first_contact_what": (
        "After an interview, tell me about it in a two-minute chat or a form, and I'll write one personal "
        "thank-you note per person you met."
    ),
    "first_contact_reminders": (
        "Reminders: I nudge you if a note isn't marked sent by the best time to send it, and check in once the "
        "employer's timeline has passed (twice at most). Tap Stop on a reminder, or type reminders pause, to stop "
        "them."
    ),
    "first_contact_privacy": (
        "Your privacy: your answers stay in our DM. Type export my data for a copy of everything I keep, or "
        "forget me to delete all of it."
    ),
    "first_contact_sample": "A sample note, from a made-up interview:",
    "console_sample_intro": "Here's the kind of note you'll get (from a made-up interview):",
    "tz_ask": "Which time zone are you in? I use it to read times like yesterday 3pm.",
    "tz_ask_placeholder": "Pick your time zone",
    "tz_type_title": "Your time zone",
    "tz_type_label": "Time zone",
    "tz_type_placeholder": "e.g. Europe/Berlin or America/Chicago",
    # --- faults and bad input at the edge (issue 11: bot/storage/db.py, bot/text.py, adapters/console) -------
    "database_unavailable": (
        "I can't reach the database right now; your earlier answers are saved. Try again in a moment."
    ),
    "database_start_failed": "can't use the database {where}: {reason}",
    "database_reason_refused": "nothing answers at that host and port. Is the database running?",
    "database_reason_missing_db": "that database doesn't exist yet. Create it, or fix the name in DATABASE_URL.",
    "database_reason_login": "the user name or password was refused. Check them in DATABASE_URL.",
    "database_reason_folder": "the folder {folder} doesn't exist. Create it, or point DATABASE_URL elsewhere.",
    "database_reason_file": "the file can't be opened or written. Check the path and its permissions.",
    "database_reason_other": "it didn't answer ({error}). Check DATABASE_URL and that the database is running.",
    "unexpected_failure": "something went wrong ({error}). Nothing you typed before was lost; please try again.",
    "console_line_not_utf8": (
        "I couldn't read that line: it isn't UTF-8 text. Nothing was saved; please type it again."
    ),
    "console_line_too_long": (
        "That line is too long for me (over {limit} characters). Nothing was saved; please send something shorter."
    ),
    "user_name_bad": "--user must be 1 to {limit} characters of plain text (no control characters)",
    "answers_too_deep": "answers: nested more than {limit} levels deep; an answers document is a flat form",
    # --- replies that never arrived (issue 11 item 1: bot/conversation/delivery.py, Slack and Discord fallbacks) ---
    "reply_lost": "Sorry, my last message didn't reach you.",
    "notes_unseen": "Here are the notes you didn't see yet.",
    "slack_reply_lost": (
        "Got it, but I couldn't post my reply in our DM just now. Write anything there in a minute "
        "and I'll pick up where we left off."
    ),
}

_FORMATTER = string.Formatter()


@cache
def placeholders(key: str) -> frozenset[str]:
    """The names a template needs, so callers (and tests) can check them without formatting."""
    return frozenset(name for _, name, _, _ in _FORMATTER.parse(lookup(key)) if name)


def lookup(key: str) -> str:
    """The raw template for `key`; KeyError names the missing key so a typo is obvious."""
    try:
        return CATALOGUE[key]
    except KeyError:
        raise KeyError(f"no message called {key!r} in bot.messages.CATALOGUE") from None


def text(key: str, /, **values: object) -> str:
    """The message `key` filled with `values`; every placeholder must be given and nothing else."""
    template = lookup(key)
    wanted = placeholders(key)
    if values.keys() != wanted:
        missing = ", ".join(sorted(wanted - values.keys())) or "none"
        extra = ", ".join(sorted(values.keys() - wanted)) or "none"
        raise ValueError(f"message {key!r}: missing values: {missing}; unexpected values: {extra}")
    return template.format(**values)
