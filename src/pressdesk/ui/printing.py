"""Strg+P: print the real PDF export (the proof with ENTWURF), page by page.

The pages are the exporter's own PDF rendered by QtPdf at print resolution, so the
paper shows exactly what the preview and the export show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter

if TYPE_CHECKING:
    from pressdesk.ui.main_window import MainWindow

PRINT_DPI = 300  # sharp on paper; an A4 page is 2480 × 3508 pixels at a time


def print_draft(window: MainWindow) -> int:
    """Ask for a printer and print; the number of pages printed (0: cancelled)."""
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    from pressdesk.export.pdf import render_pdf

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)  # the PDF has its own margins
    printer.setDocName(window.display_name())
    if not window.dialogs.print_setup(printer):
        return 0
    data = render_pdf(window.doc.snapshot(), profile=window.doc.profile, final=False)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        window.dialogs.error("Drucken nicht möglich", "Der Drucker konnte nicht geöffnet werden.")
        return 0
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(
                round(points.width() * PRINT_DPI / 72), round(points.height() * PRINT_DPI / 72)
            )
            image = document.render(page, size)
            painter.drawImage(printer.pageRect(QPrinter.Unit.DevicePixel), image)
    finally:
        painter.end()
        document.close()
    window.statusBar().showMessage(f"Gedruckt: {pages} {'Seite' if pages == 1 else 'Seiten'}", 5000)
    return pages
