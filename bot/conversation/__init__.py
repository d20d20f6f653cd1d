"""The conversation: the flow (data), the pure engine, and the service that runs each turn."""
