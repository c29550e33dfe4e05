"""Property-based fuzzing with hypothesis, on a fixed budget.

The "ci" profile (the default) runs a fixed, small number of examples per test with
derandomize=True: the same examples on every run, so CI is reproducible, and the whole
of tests/fuzz stays under a minute. HYPOTHESIS_PROFILE=deep runs many more, randomly, for
a fuzzing session on a developer's machine.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "deep",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
