"""Test-wide settings."""

from hypothesis import HealthCheck, settings

# The suite runs on 2 shared cores beside Qt tests; generation speed is not what
# these property tests are about.
settings.register_profile(
    "readout", suppress_health_check=[HealthCheck.too_slow], deadline=None, print_blob=True
)
settings.load_profile("readout")
