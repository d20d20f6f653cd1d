"""Community career-channel features: admin settings, the scheduled channel post, anonymous weekly counts.

Adapters reach this only through `Core.community` (bot/runtime.py) and the neutral types in
`bot.community.ports`; storage and the post job stay inside.
"""
