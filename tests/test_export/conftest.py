"""Every PDF this package's tests make is checked for glyphs outside their frame."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .frames import check_pdf


@pytest.fixture(scope="session", autouse=True)
def every_pdf_keeps_its_glyphs_in_their_frames() -> Iterator[None]:
    from pressdesk.export.pdf import document

    build = document.build_pdf

    def checked(
        draft: Any, profile: Any, final: bool, tagged: bool = True, notice: str = ""
    ) -> Any:
        result = build(draft, profile, final, tagged, notice)
        bad = check_pdf(result[0], profile)
        assert bad == [], f"{len(bad)} glyphs outside their frame, e.g. {bad[:5]}"
        return result

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(document, "build_pdf", checked)
        yield
