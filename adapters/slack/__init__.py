"""Slack adapter: the debrief in the app's DM, on slack-bolt's AsyncApp (Socket Mode or HTTP)."""

from __future__ import annotations

from adapters.slack.app import SlackBot, build_app, build_bot

__all__ = ["SlackBot", "build_app", "build_bot"]
