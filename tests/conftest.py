"""Hypothesis draws the same examples on every run unless asked not to.

CI must pass or fail on the code, not on the draw: by default every
property test is derandomized. ``HYPOTHESIS_PROFILE=explore`` draws fresh
examples (and the ``slow`` tests draw thousands) to look for new failures.
"""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.register_profile("fuzz", deadline=None)  # tests/test_fuzz.py: 100,000+ fresh examples
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
