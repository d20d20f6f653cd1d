"""Operations: Prometheus metrics, health/readiness/metrics endpoints and structured (JSON) logs.

Nothing here knows a platform SDK; adapters and the scheduler call the small functions in `metrics.py`, and
`health.py` serves what an operator's probes and Prometheus read. Labels never carry user data.
"""
