"""What publishing one release costs, and where the time goes.

Run by hand: ``python bench/publish.py``. Prints the median time of each step for the
reference release (final PDF, approval proof in the XMP, DOCX, HTML page, PDF preflight,
HTML preflight) and of a whole ``publish_release`` into a fresh folder, as the ratio of
the preflight to the rendering it checks.
"""

from __future__ import annotations

import itertools
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from pressdesk.export.docx import render_docx
from pressdesk.export.pdf import render
from pressdesk.model import load_draft
from pressdesk.paths import reference_sample
from pressdesk.profile import load_profile
from pressdesk.publish import ApprovalFacts, Proof, content_hash
from pressdesk.publish.htmlpage import render_html
from pressdesk.publish.package import publish_release
from pressdesk.publish.preflight import preflight_html, preflight_pdf
from pressdesk.publish.proof import add_proof
from timing import median_ms


def main() -> None:
    profile = load_profile()
    draft = load_draft(reference_sample())
    proof = Proof("r", "v1", ("A", "B"), "2026-11-28T16:30:00+01:00", "sha256:x",
                  "2026-11-29T11:00:00+01:00", "0.1.0")  # fmt: skip
    pdf = render(draft, profile, final=True).data
    html = render_html(draft, profile)
    steps = {
        "final PDF": lambda: render(draft, profile, final=True),
        "proof into XMP": lambda: add_proof(pdf, proof),
        "DOCX": lambda: render_docx(draft, profile, final=True),
        "HTML page": lambda: render_html(draft, profile),
        "PDF preflight": lambda: preflight_pdf(pdf, draft, profile),
        "HTML preflight": lambda: preflight_html(html, draft, profile),
    }
    times = {name: median_ms(fn, 15) for name, fn in steps.items()}
    for name, ms in times.items():
        print(f"{name:16s} {ms:7.1f} ms")
    counter = itertools.count()
    now = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:

        def once() -> None:
            facts = ApprovalFacts("L-Duisburg", "v1", ("A", "B"), now, content_hash(draft))
            publish_release(draft, facts, Path(tmp) / str(next(counter)), now=now)

        whole = median_ms(once, 7)
    print(f"{'publish_release':16s} {whole:7.1f} ms (fresh folder, all files, index, feed)")
    check = times["PDF preflight"] + times["HTML preflight"]
    make = times["final PDF"] + times["DOCX"] + times["HTML page"]
    print(f"preflight / rendering: {check / make:.2f}")


if __name__ == "__main__":
    main()
