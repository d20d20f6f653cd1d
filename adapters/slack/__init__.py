"""Slack adapter: the debrief in the app's DM, on slack-bolt's AsyncApp (Socket Mode or HTTP)."""

from __future__ import annotations

from adapters.slack.app import build_app, build_bot
from adapters.slack.bot import SlackBot

__all__ = ["SlackBot", "build_app", "build_bot"]
