"""How fast the PDF exporter is, against bare reportlab and as a whole process.

Run by hand: ``python bench/export_pdf.py``. Prints, in one run:
- the median in-process export time of the reference release (target < 40 ms),
- the same for a draft 100 times as long, and how it scales per page,
- the ratio to ``bench/export_pdf_baseline.py`` (bare reportlab: the same paragraphs
  and font, no profile or header logic; target <= 1.3), and to the same script with
  PressDesk's typography (bold headline, hyphenation, widow/orphan control), which
  isolates what the profile and page furniture cost. The two are run alternately
  and the ratio is the median of the pairwise ratios, so a busy machine skews less,
- the wall time of ``pressdesk export --pdf`` as a process, and whether it imported Qt
  (the whole-process ratio to a bare reportlab script, medians of fresh processes run
  alternately, and the memory: ``bench/export_process.py``).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pressdesk.export.pdf import render
from pressdesk.model import Draft
from pressdesk.paths import reference_sample
from pressdesk.profile import load_profile

sys.path.insert(0, str(Path(__file__).resolve().parent))
from drafts import reference
from export_pdf_baseline import paragraphs, render_baseline, render_typeset
from timing import paired

PROBE = """
import runpy, sys
sys.argv = ["pressdesk", "export", sys.argv[1], "--pdf", sys.argv[2]]
try:
    runpy.run_module("pressdesk", run_name="__main__")
except SystemExit:
    pass
print("QT" if [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))] else "NOQT")
"""


def main() -> None:
    profile = load_profile()
    ref, long = reference(), reference(100)

    def export(draft: Draft, tagged: bool) -> Callable[[], object]:
        return lambda: render(draft, profile, final=True, tagged=tagged)

    ref_pages = render(ref, profile, final=True).pages
    long_pages = render(long, profile, final=True).pages
    texts, long_texts = paragraphs(ref), paragraphs(long)

    one, base_one, r_one = paired(export(ref, False), lambda: render_baseline(texts), 40)
    hundred, base_hundred, r_hundred = paired(
        export(long, False), lambda: render_baseline(long_texts), 5
    )
    _, typ_one, rt_one = paired(export(ref, False), lambda: render_typeset(texts), 40)
    _, typ_hundred, rt_hundred = paired(export(long, False), lambda: render_typeset(long_texts), 5)
    one_t, _, tag_one = paired(export(ref, True), export(ref, False), 40)
    hundred_t, _, tag_hundred = paired(export(long, True), export(long, False), 5)

    print(f"reference ({ref_pages} p.): {one:7.1f} ms untagged, {one_t:.1f} ms tagged")
    print("  target: under 40 ms")
    print(f"100x body ({long_pages} p.): {hundred:7.1f} ms untagged, {hundred_t:.1f} ms tagged")
    print(
        f"  per page {one / ref_pages:.1f} ms (1x) vs {hundred / long_pages:.1f} ms (100x); "
        f"time x{hundred / one:.0f} for pages x{long_pages / ref_pages:.0f}"
    )
    print(f"bare reportlab: {base_one:7.1f} ms (1x), {base_hundred:.1f} ms (100x)")
    print(f"PressDesk/bare reportlab: {r_one:7.2f} (1x), {r_hundred:.2f} (100x)  target <= 1.3")
    print(f"reportlab, same typography: {typ_one:7.1f} ms (1x), {typ_hundred:.1f} ms (100x)")
    print(
        f"PressDesk/same typography: {rt_one:7.2f} (1x), {rt_hundred:.2f} (100x)  "
        "(the cost of profile, page furniture and metadata alone)"
    )
    print(f"tagged/untagged: {tag_one:7.2f} (1x), {tag_hundred:.2f} (100x)  target <= 1.3")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r.pdf"
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", PROBE, str(reference_sample()), str(out)],
            capture_output=True,
            text=True,
        )
        wall = (time.perf_counter() - t0) * 1000
        qt = "no Qt imported" if "NOQT" in proc.stdout else "IMPORTS Qt"
        ok = "ok" if out.is_file() else "failed: " + proc.stderr.strip()[-200:]
        print(f"`pressdesk export --pdf` as a process: {wall:5.0f} ms ({ok}; {qt})")


if __name__ == "__main__":
    main()
