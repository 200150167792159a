"""Benchmarks: scripts that measure quality and speed, runnable by anyone."""
