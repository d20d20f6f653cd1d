"""Reminders: the note's life cycle, reminder buttons and commands, and the messages the scheduler sends."""
