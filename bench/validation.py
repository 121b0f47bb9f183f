"""How long one validation takes: it runs on every keystroke in the editor.

Run by hand: ``python bench/validation.py``. Prints medians; target for the
reference draft: under 1 ms.
"""

from __future__ import annotations

from copy import deepcopy

import timing
from pressdesk.model import Block, load_draft
from pressdesk.paths import reference_sample
from pressdesk.profile import load_profile
from pressdesk.validation import validate


def median_ms(fn, repeat: int = 500) -> float:
    fn()  # warm caches (schema compile, font coverage)
    return timing.median_ms(fn, repeat)


def main() -> None:
    profile = load_profile()
    reference = load_draft(reference_sample())
    long = deepcopy(reference)
    paragraphs = [b for b in reference.body if b.type == "paragraph"]
    long.body = [
        Block(type="paragraph", text=paragraphs[i % len(paragraphs)].text) for i in range(50)
    ]
    broken = deepcopy(reference)
    broken.header.date = "2018-02-30"
    broken.headline = ""
    broken.press_office.email = "presse@"

    ref_ms = median_ms(lambda: validate(reference, profile))
    long_ms = median_ms(lambda: validate(long, profile), repeat=200)
    broken_ms = median_ms(lambda: validate(broken, profile))
    print(f"reference draft ({len(reference.body)} blocks): {ref_ms:.3f} ms  (target < 1 ms)")
    print(
        f"50-paragraph draft:               {long_ms:.3f} ms  ({long_ms / ref_ms:.1f}x reference)"
    )
    print(f"reference with 3 errors:          {broken_ms:.3f} ms")


if __name__ == "__main__":
    main()
