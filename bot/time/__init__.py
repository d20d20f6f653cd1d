"""Time: the clock, time zones, wall-clock arithmetic, business days and reading typed times."""
