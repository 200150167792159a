"""Test-wide settings.

Property tests run a fixed set of examples (derandomized), so a green run stays green
and a red one reproduces; `pytest --hypothesis-profile=explore` draws new examples.
"""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("repeatable")
