"""Fuzzing the command line with raw bytes and random JSON shapes (issue 13).

Whatever the file holds: validate and export end with exit code 0, 1 or 2 and a
printable message, never a traceback or a hang; an export happens only for a
draft without errors, and then both files are written, else neither.
"""

from __future__ import annotations

import copy
import json
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pressdesk.cli import main
from pressdesk.model import load_draft
from pressdesk.paths import reference_sample
from pressdesk.profile import load_profile
from pressdesk.validation import validate

REFERENCE: dict[str, Any] = json.loads(reference_sample().read_text(encoding="utf-8"))
SETTINGS = settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    deadline=None,
)

LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(["", "\x00", "\x1b[2J", "\udfff", "2018-07-18", "12:00", "paragraph"])
)
TEXT = st.text(max_size=60) | st.sampled_from(
    ["„Zitat“", "<b>&amp;", "x" * 300, "\u00ad\u200b", "2026-02-30", "https://", "a@b"]
)
JSON = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=12,
)


@st.composite
def mutated_drafts(draw: st.DrawFn) -> Any:
    """The reference draft with a few values replaced, removed or added."""
    data: Any = copy.deepcopy(REFERENCE)
    for _ in range(draw(st.integers(1, 3))):
        node = data
        for _depth in range(draw(st.integers(0, 3))):
            if isinstance(node, dict) and node:
                child = node[draw(st.sampled_from(sorted(node)))]
            elif isinstance(node, list) and node:
                child = node[draw(st.integers(0, len(node) - 1))]
            else:
                break
            if not isinstance(child, (dict, list)):
                break
            node = child
        action = draw(st.sampled_from(["text", "text", "replace", "remove", "add"]))
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
            if action == "text":
                if isinstance(node[key], str):
                    node[key] = draw(TEXT)  # the shape stays: validation and export run
            elif action == "remove":
                del node[key]
            elif action == "add":
                node[draw(st.text(max_size=8))] = draw(JSON)
            else:
                node[key] = draw(JSON)
        elif isinstance(node, list) and node and action != "text":
            node[draw(st.integers(0, len(node) - 1))] = draw(JSON)
    return data


def encode(value: Any) -> bytes:
    """ASCII JSON: lone surrogates reach the parser as ``\\udfff`` escapes."""
    return json.dumps(value).encode("ascii")


@contextmanager
def no_hang(seconds: int = 120) -> Iterator[None]:
    """A hang fails the example instead of stopping the whole run."""

    def stop(signum: int, frame: Any) -> None:
        raise TimeoutError("hängt")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def check_output(text: str) -> None:
    assert "Traceback" not in text
    assert "\x1b" not in text and "\x00" not in text


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> int:
    with no_hang():
        code = main(list(args))
    out, err = capsys.readouterr()
    check_output(out + err)
    assert code in (0, 1, 2)
    return code


@SETTINGS
@given(raw=st.binary(max_size=300) | mutated_drafts().map(encode))
def test_validate_never_crashes(
    raw: bytes, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "f.pressdesk"
    path.write_bytes(raw)
    run_cli(capsys, "validate", str(path))


@settings(SETTINGS, max_examples=40)
@given(value=st.one_of(mutated_drafts(), mutated_drafts(), JSON))
def test_export_only_valid_drafts_and_both_files_or_neither(
    value: Any, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "f.pressdesk"
    path.write_bytes(encode(value))
    pdf, docx = folder / "f.pdf", folder / "f.docx"
    code = run_cli(capsys, "export", str(path), "--pdf", str(pdf), "--docx", str(docx))
    event(f"Exit-Code {code}")
    if code == 0:
        draft = load_draft(path)
        assert not [p for p in validate(draft, load_profile("nrw")) if p.is_error]
        assert pdf.read_bytes().startswith(b"%PDF")
        assert docx.read_bytes().startswith(b"PK")
    else:
        assert not pdf.exists() and not docx.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["f.pressdesk"] + (["f.pdf", "f.docx"] if code == 0 else [])
    )
