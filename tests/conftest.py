"""Fixtures shared by all test packages: samples, the default profile, output folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from pressdesk.model import Draft, load_draft
from pressdesk.paths import reference_sample, samples_dir
from pressdesk.profile import Profile, load_profile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Timing varies on a shared machine: no per-example deadlines. In CI the examples
# are derived from the test names, so a run is repeatable; locally they are random
# and keep finding new cases.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# The throw-away PostgreSQL server and the library fixtures (pg_cluster, library,
# pg_library), for the store tests and the editor's review tests alike.
pytest_plugins = ["tests.pg_server"]

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seed" / "presseinformation-2018-07-18.txt"
SAMPLES = sorted(samples_dir().glob("*.pressdesk"))


@pytest.fixture(scope="session")
def profile() -> Profile:
    return load_profile("nrw")


@pytest.fixture
def reference_draft() -> Draft:
    return load_draft(reference_sample())


@pytest.fixture(params=SAMPLES, ids=[p.stem for p in SAMPLES])
def sample_path(request: pytest.FixtureRequest) -> Path:
    return Path(request.param)


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """test-output/ at the repository top: rendered pages and screenshots to look at."""
    out = REPO / "test-output"
    out.mkdir(exist_ok=True)
    return out
