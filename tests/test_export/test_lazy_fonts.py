"""The italic styles are read only when a paragraph uses them (issue 12, point 8).

Reading a TrueType file is about a third of a cold export; most releases have no
italics. Which characters all four styles have is kept in the cache folder, so the
italic files wait until used; the PDF is the same either way.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pressdesk.export import ExportError
from pressdesk.export.pdf import rlcompat
from pressdesk.paths import reference_sample
from tests.conftest import REPO

_PROBE = """
import json, sys
from reportlab.pdfbase import pdfmetrics
from pressdesk.export.pdf import render
from pressdesk.export.pdf.fonts import register_fonts
from pressdesk.model import Mark, load_draft
from pressdesk.profile import load_profile

profile = load_profile()
draft = load_draft(sys.argv[1])
if sys.argv[2] == "italic":
    draft.body[0].marks = [Mark(0, 28, "emphasis")]
data = render(draft, profile, final=False).data
fonts = register_fonts(profile)
read = {s: getattr(pdfmetrics.getFont(getattr(fonts, s)), "loaded", True)
        for s in ("regular", "bold", "italic", "bold_italic")}
print(json.dumps({"read": read, "coverage": sorted(fonts.coverage),
                  "embedded": sorted(n.decode() for n in set(
                      __import__("re").findall(rb"/BaseFont /[A-Z]{6}\\+([\\w-]+)", data)))}))
"""


def run_probe(probe: str, cache: Path, *args: str) -> dict[str, object]:
    """What ``probe`` prints (JSON), run in a fresh process with ``cache`` as cache folder."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    result = subprocess.run(
        [sys.executable, "-c", probe, str(reference_sample()), *args],
        capture_output=True, text=True, cwd=REPO, env=env, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    answer: dict[str, object] = json.loads(result.stdout)
    return answer


def _export(kind: str, cache: Path) -> dict[str, object]:
    return run_probe(_PROBE, cache, kind)


def test_an_export_without_italics_reads_no_italic_font(tmp_path: Path) -> None:
    first = _export("plain", tmp_path)  # an empty cache folder: all four are read
    assert first["read"] == dict.fromkeys(("regular", "bold", "italic", "bold_italic"), True)
    again = _export("plain", tmp_path)
    assert again["read"] == {"regular": True, "bold": True, "italic": False, "bold_italic": False}
    assert again["coverage"] == first["coverage"]  # the same characters are drawn
    assert again["embedded"] == first["embedded"] == ["Carlito", "Carlito-Bold"]


def test_an_italic_word_reads_and_embeds_the_italic_font(tmp_path: Path) -> None:
    _export("plain", tmp_path)
    italic = _export("italic", tmp_path)
    assert italic["read"] == {"regular": True, "bold": True, "italic": True, "bold_italic": False}
    assert italic["embedded"] == ["Carlito", "Carlito-Bold", "Carlito-Italic"]


@pytest.mark.parametrize("name", rlcompat.PRIVATE_METRICS_NAMES)
def test_reportlab_still_has_its_font_table(name: str) -> None:
    from reportlab.pdfbase import pdfmetrics

    assert isinstance(getattr(pdfmetrics, name), dict)


def test_a_lazy_font_that_cannot_be_read_is_a_german_export_error(tmp_path: Path) -> None:
    """Only files read whole before (same size and time) are registered lazily; should one
    break after all, its first use says so in German."""
    from reportlab.pdfbase import pdfmetrics

    broken = tmp_path / "kaputt.ttf"
    broken.write_bytes(b"keine Schrift")

    def error(exc: Exception) -> Exception:
        return ExportError(f"Die Schrift „{broken.name}“ kann nicht geladen werden ({exc}).")

    font = rlcompat.LazyTTFont("PdLazyBroken", str(broken), error)
    rlcompat.register_lazy(font)
    assert pdfmetrics.getFont("PdLazyBroken") is font and not font.loaded
    with pytest.raises(ExportError, match=r"„kaputt\.ttf“ kann nicht geladen werden"):
        font.face  # noqa: B018  (the first use reads the file)
