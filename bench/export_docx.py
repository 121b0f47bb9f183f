"""How fast the DOCX exporter is, in process.

Run by hand: ``python bench/export_docx.py``. Prints the median export time of the
reference release and of a draft whose body is 100 times as long, with the ratio
(it should grow linearly with the text, not faster), and the fixed cost of an
export (reopening the profile's prepared empty document, headers, saving).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from drafts import reference
from pressdesk.export.docx import export_docx, render_docx
from pressdesk.model import Block, Draft
from pressdesk.profile import load_profile
from timing import median_ms


def main() -> None:
    profile = load_profile()
    ref, long = reference(), reference(100)
    empty = Draft(header=ref.header, headline=ref.headline, body=[Block(text="x")])
    render_docx(ref, profile)  # warm: imports, template

    one = median_ms(lambda: render_docx(ref, profile, final=True), 60)
    hundred = median_ms(lambda: render_docx(long, profile, final=True), 5)
    fixed = median_ms(lambda: render_docx(empty, profile, final=True), 60)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "r.docx"
        to_file = median_ms(lambda: export_docx(ref, target, profile=profile, final=True), 30)
        size = target.stat().st_size
    words = ref.body_word_count()
    print(f"reference release ({words} words), in memory: {one:7.1f} ms")
    print(f"reference release, written to a file:      {to_file:7.1f} ms  ({size / 1024:.0f} KiB)")
    print(f"100x body ({100 * words} words):              {hundred:7.1f} ms")
    print(f"  ratio 100x/1x: {hundred / one:.1f} for 100x the text")
    print(f"  fixed cost (template, styles, headers): {fixed:.1f} ms")
    print(f"  per 1x of body text in the 100x draft: {(hundred - fixed) / 100:.2f} ms")


if __name__ == "__main__":
    main()
