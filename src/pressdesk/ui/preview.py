"""Live preview: the real PDF export, rendered off the UI thread, shown with QtPdf.

Typing restarts a short timer; when it fires, a snapshot of the draft is rendered
by a worker thread. Only the newest result is shown, and while a
render runs, further changes wait for it, so at most one render is in flight.
QtPdf and the exporter are imported on first use, after the window is shown.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget

from pressdesk.ui import workers
from pressdesk.ui.document import EditorDocument

DEBOUNCE_MS = 400
ZOOM_STEP = 1.25
UNAVAILABLE = "Vorschau nicht verfügbar"


def pages_label(pages: int) -> str:
    return "1 Seite" if pages == 1 else f"{pages} Seiten"


class _Signals(QObject):
    done = Signal(int, object, str, float)
    failed = Signal(object)  # a program error: raised again on the UI thread


class _RenderJob:
    """Runs in a daemon thread: quitting never waits for a render in flight."""

    def __init__(self, generation: int, draft: Any, profile: Any, signals: _Signals) -> None:
        self.generation, self.draft, self.profile = generation, draft, profile
        self.signals = signals

    def start(self) -> None:
        workers.start(self.run, name="preview")

    def run(self) -> None:
        start = time.perf_counter()
        data, error = None, ""
        from pressdesk.export import ExportError

        try:
            from pressdesk.export.pdf import render_pdf

            data = render_pdf(self.draft, profile=self.profile, final=False)
        except ExportError as exc:  # the user can fix this (a missing font, a profile)
            error = f"Vorschau nicht möglich: {exc}"
        except Exception as exc:  # a bug: not dressed up as a hint in the status bar
            with contextlib.suppress(RuntimeError):
                self.signals.failed.emit(exc)
            return
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self.signals.done.emit(self.generation, data, error, time.perf_counter() - start)


class PreviewPane(QWidget):
    rendered = Signal(int)  # page count

    def __init__(self, doc: EditorDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.pages = 0
        self.last_render_seconds = 0.0
        self._generation = 0
        self._busy = False
        self._pending = False
        self._pdf_doc: Any = None
        self._view: Any = None
        self._buffer: QBuffer | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel("Vorschau")
        self.status.setObjectName("previewStatus")
        self.status.setStyleSheet("color: #444; padding: 2px 4px;")
        layout.addWidget(self.status)
        # The stack joins the pane's layout before it gets a page: a page added to a
        # layout without a widget would show as a window of its own for a moment.
        self.stack = QStackedLayout()
        layout.addLayout(self.stack, 1)
        self.placeholder = QLabel("Vorschau wird erstellt …", self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)
        self._signals = _Signals(self)  # owned by the pane, gone with it
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh_now)
        self._active = False
        self._stopped = False
        self._rendered_once = False
        self._stale = False
        self._zoom: float | None = None  # None: the page fits the pane's width

    # zoom: at 1280 px the fitted page is small; Strg+Plus reads the text ---------------
    def zoom_in(self) -> None:
        self._set_zoom((self._zoom or self._fit_factor()) * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom((self._zoom or self._fit_factor()) / ZOOM_STEP)

    def fit_width(self) -> None:
        self._set_zoom(None)

    @property
    def zoom(self) -> float | None:
        """The zoom factor the user chose; None: the page fits the pane's width."""
        return self._zoom

    def set_zoom(self, factor: float | None) -> None:
        self._set_zoom(factor)

    def _fit_factor(self) -> float:
        if self._view is None or self._pdf_doc is None or self.pages == 0:
            return 1.0
        page_points = self._pdf_doc.pagePointSize(0).width() or 595.0
        pixels_per_point = self.logicalDpiX() / 72.0
        return max(0.1, (self._view.viewport().width() - 24) / (page_points * pixels_per_point))

    def _set_zoom(self, factor: float | None) -> None:
        self._zoom = None if factor is None else min(4.0, max(0.25, factor))
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        if self._view is None:
            return
        from PySide6.QtPdfWidgets import QPdfView

        if self._zoom is None:
            self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self._view.setZoomMode(QPdfView.ZoomMode.Custom)
            self._view.setZoomFactor(self._zoom)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if event.type() == QEvent.Type.Wheel and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            (self.zoom_in if event.angleDelta().y() > 0 else self.zoom_out)()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale and self._active:
            self._stale = False
            self.schedule()

    def activate(self) -> None:
        """Start previewing (called once the window is on screen)."""
        if self._active:
            return
        self._active = True
        self.doc.changed.connect(self.schedule)
        self.refresh_now()

    def schedule(self) -> None:
        self.timer.start()

    def refresh_now(self) -> None:
        self.timer.stop()
        if not self.isVisible():
            self._stale = True  # hidden (F9): render when shown again
            return
        if self._busy:
            self._pending = True
            return
        if self._stopped:
            return
        self._busy = True
        self._pending = False
        self._generation += 1
        job = _RenderJob(self._generation, self.doc.snapshot(), self.doc.profile, self._signals)
        if self._rendered_once:
            self._prepare_logo()
            job.start()
        else:
            # The first render imports the exporter (reportlab, fontTools …): here, in
            # the UI thread, never in a worker (see pressdesk.ui.workers).
            self._rendered_once = True
            workers.load_codecs()
            job.run()

    def _prepare_logo(self) -> None:
        """A profile chosen since the first render may bring an SVG logo: its converter is
        imported here, in the UI thread, never first in the worker (pressdesk.ui.workers)."""
        from pressdesk.export import ExportError
        from pressdesk.export.pdf.logo import prepare_logo

        with contextlib.suppress(ExportError):  # the render says so, in the status line
            prepare_logo(self.doc.profile.logo)

    def stop(self) -> None:
        """No more renders (the window closes); one in flight finishes on its own."""
        self._stopped = True
        self.timer.stop()

    def _ensure_view(self) -> bool:
        if self._view is not None:
            return True
        try:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView
        except ImportError:
            return False
        self._pdf_doc = QPdfDocument(self)
        self._view = QPdfView(self)
        self._view.setDocument(self._pdf_doc)
        self._view.setPageMode(QPdfView.PageMode.MultiPage)
        self._view.setPageSpacing(12)
        self._view.viewport().installEventFilter(self)
        self._apply_zoom()
        self.stack.addWidget(self._view)
        return True

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.status.setText("Vorschau: Programmfehler – bitte melden")
        raise exc

    def _on_done(self, generation: int, data: bytes | None, error: str, seconds: float) -> None:
        self._busy = False
        self.last_render_seconds = seconds
        if self._pending:
            self.refresh_now()
            if data is None:
                return
        if data is None or not self._ensure_view():
            self.status.setText(error or UNAVAILABLE)
            if self.stack.currentWidget() is self.placeholder:
                self.placeholder.setText(error or UNAVAILABLE)
            return
        bar = self._view.verticalScrollBar()
        position = bar.value()
        old = self._buffer
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        self._pdf_doc.load(self._buffer)
        if old is not None:
            old.deleteLater()  # QPdfDocument has let go of it
        self.pages = self._pdf_doc.pageCount()
        self.stack.setCurrentWidget(self._view)
        QTimer.singleShot(0, bar, lambda: bar.setValue(position))
        self.status.setText(f"Vorschau (Entwurf) · {pages_label(self.pages)}")
        self.rendered.emit(self.pages)
