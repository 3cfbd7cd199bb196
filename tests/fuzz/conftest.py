"""Fuzzing profiles: a fixed seed and few examples in the suite, many more with `make fuzz`.

``READOUT_FUZZ=long`` (what ``make fuzz`` sets) runs each target with fresh random
examples; otherwise every run tries the same examples (``derandomize``), so CI
is repeatable and a failure there reproduces on any machine.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

SUPPRESSED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "fuzz-ci", max_examples=25, derandomize=True, deadline=None, suppress_health_check=SUPPRESSED
)
settings.register_profile(
    "fuzz-long", max_examples=1500, deadline=None, suppress_health_check=SUPPRESSED
)
FUZZ = settings.get_profile("fuzz-long" if os.environ.get("READOUT_FUZZ") == "long" else "fuzz-ci")
