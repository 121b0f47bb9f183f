"""'Seite X von Y' in one layout pass.

The total page count is known only when the last page is done, but each page's
furniture is drawn when the page starts. Each page therefore draws a *form
XObject* named for its page (:func:`place_page_label`); the forms are defined when
the canvas is saved (:class:`PageLabelCanvas`), when the total is known. The label
is real text (searchable, extractable) and N is the true page count on every page,
without laying the document out twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas

# Generous box around the label's anchor (its right end on the baseline).
_FORM_BOX = (-2000.0, -100.0, 10.0, 100.0)


def _ignore(*args: Any) -> None:
    pass


def _form_name(page: int) -> str:
    return f"pdPageLabel{page}"


def place_page_label(canv: Canvas, x_right: float, y: float) -> None:
    """Draw this page's 'Seite i von N' right-aligned to ``x_right`` on baseline ``y``."""
    canv.saveState()
    canv.translate(x_right, y)
    canv.doForm(_form_name(canv.getPageNumber()))
    canv.restoreState()


class PageLabelCanvas(Canvas):
    """A canvas that defines the page-label forms on :meth:`save`.

    ``label(page, total)`` gives the text, set in ``font``/``size``/``color``.
    ``on_total(canvas, total)`` runs before saving, e.g. to open the outline
    pane for long documents.
    """

    def __init__(
        self,
        *args: Any,
        label: Callable[[int, int], str],
        font: str,
        size: float,
        color: Any,
        on_total: Callable[[Canvas, int], None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._pd_label = label
        self._pd_font = (font, size, color)
        self._pd_on_total = on_total
        for name in ("pdLinkStart", "pdLinkEnd"):  # link markers; only a tagging canvas uses them
            self.setNamedCB(name, _ignore)

    def save(self) -> None:
        total = self.getPageNumber() - 1
        font, size, color = self._pd_font
        for page in range(1, total + 1):
            self.beginForm(_form_name(page), *_FORM_BOX)
            self.setFont(font, size)
            self.setFillColor(color)
            self.drawRightString(0, 0, self._pd_label(page, total))
            self.endForm()
        if self._pd_on_total is not None:
            self._pd_on_total(self, total)
        super().save()
