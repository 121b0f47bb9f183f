"""Fixtures shared by all test packages: samples, the default profile, output folder."""

from __future__ import annotations

import os
import stat
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
DATA = REPO / "tests" / "data"
SEED = DATA / "presseinformation-2018-07-18.txt"
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


@pytest.fixture(params=[(1, 3, "null"), (1, 7, "full")], ids=["null", "full"])
def device(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A character device like /dev/null or /dev/full, made in tmp_path when root.

    As root, a buggy writer would replace the real /dev/null for the whole
    machine; a copy of the node in tmp_path is what such a test may destroy.
    Other users cannot replace /dev entries, so they test the real ones.
    """
    major, minor, name = request.param
    if os.geteuid() != 0:
        return Path("/dev") / name
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(major, minor))
    except OSError:
        pytest.skip("cannot create a device node here")
    return node
