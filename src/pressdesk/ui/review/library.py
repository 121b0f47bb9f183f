"""The library: every release in the store, newest first, loaded page by page.

:class:`LibraryModel` is a table model with ``canFetchMore``/``fetchMore``: the view
asks for the next page only when the user scrolls near the end, so a library of
20,000 releases shows its first page as fast as one of twenty.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pressdesk.store.workflow import STATE_LABELS

PAGE = 100
KEEP_ON_REFRESH = 5 * PAGE  # rows reloaded when somebody changed something
COLUMNS = ("Status", "Referenz", "Überschrift", "Autor", "Datum", "Sperrfrist")
HEADLINE = COLUMNS.index("Überschrift")
HEADLINE_CHARS = 28  # of a headline, before "…", in the dock's first width
HEADLINE_MIN = 200  # px the headline keeps at least before the short columns give way
# Given up first when the dock is narrow (Status, Referenz and the headline always stay);
# their values are then in the row's tooltip.
GIVE_WAY = ("Sperrfrist", "Autor", "Datum")
SEARCH_DELAY_MS = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def german_date(iso: str) -> str:
    return f"{iso[8:10]}.{iso[5:7]}.{iso[0:4]}" if len(iso) >= 10 and iso[4] == "-" else iso


class LibraryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.store: Any = None
        self.rows: list[Any] = []
        self.filters: dict[str, str | None] = {"state": None, "author": None, "search": None}
        self._more = False
        self.pages_loaded = 0
        self.hidden: set[int] = set()  # columns the view hides: their text goes to the tooltip

    def set_store(self, store: Any) -> None:
        self.store = store
        self.reload()

    def set_filter(self, **filters: str | None) -> None:
        self.filters.update({k: (v or None) for k, v in filters.items()})
        self.reload()

    def reload(self, keep: int = 0) -> None:
        """Start again from the first page (after a filter or a change by somebody): the
        first page (or as many rows as were loaded) at once, the rest as the view asks."""
        self.beginResetModel()
        self.rows = []
        self.pages_loaded = 0
        self._more = self.store is not None
        self.endResetModel()
        while self._more and (len(self.rows) < keep or not self.pages_loaded):
            self.fetchMore(QModelIndex())

    # lazy loading ---------------------------------------------------------------
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self.store is None:
            return
        page = self.store.library(
            state=self.filters["state"],
            author=self.filters["author"],
            search_words=self.filters["search"],
            limit=PAGE,
            offset=len(self.rows),
        )
        self._more = len(page) == PAGE
        self.pages_loaded += 1
        if page:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    # table ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        s = entry.summary
        if role == ID_ROLE:
            return s.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                STATE_LABELS.get(s.state, s.state),
                s.reference,
                s.headline,
                entry.created_by,
                german_date(entry.date),
                entry.embargo,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [s.headline]
            for column in sorted(self.hidden):
                value = self.data(self.index(index.row(), column), Qt.ItemDataRole.DisplayRole)
                if value:
                    lines.append(f"{COLUMNS[column]}: {value}")
            return "\n".join(lines)
        return None


class LibraryPanel(QWidget):
    """Filters, search as you type, and the list; Enter or a double click opens."""

    openRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(self)
        self._header_hints: dict[int, int] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        search_label = QLabel("&Suche:")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Wörter im Text, z. B. Förderprogramm")
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        row.addWidget(search_label)
        row.addWidget(self.search, 1)
        layout.addLayout(row)
        row = QHBoxLayout()
        state_label = QLabel("S&tatus:")
        self.state = QComboBox()
        self.state.addItem("alle", "")
        for key, label in STATE_LABELS.items():
            self.state.addItem(label, key)
        state_label.setBuddy(self.state)
        author_label = QLabel("A&utor:")
        self.author = QComboBox()
        self.author.addItem("alle", "")
        author_label.setBuddy(self.author)
        for w in (state_label, self.state, author_label, self.author):
            row.addWidget(w)
        row.addStretch(1)
        layout.addLayout(row)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Bibliothek")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setWordWrap(False)
        # The short columns as wide as what they show, the headline the rest of the
        # dock: elided with "…" (the whole headline in its tooltip), never a sideways
        # scroll bar at the dock's width.
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        # The less important columns give way when the dock is narrow (see
        # fit_columns), so the table never scrolls sideways.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.viewport().installEventFilter(self)
        self.model.modelReset.connect(self.fit_columns)
        self.model.rowsInserted.connect(self.fit_columns)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(PAGE)  # the rows of the first page decide
        for column in range(len(COLUMNS)):
            mode = QHeaderView.ResizeMode.ResizeToContents
            if column == HEADLINE:
                mode = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(column, mode)
        layout.addWidget(self.view, 1)
        self.open_button = QPushButton("Ö&ffnen")
        layout.addWidget(self.open_button)
        self.view.doubleClicked.connect(lambda index: self._open(index))
        self.view.activated.connect(lambda index: self._open(index))
        self.open_button.clicked.connect(lambda: self._open(self.view.currentIndex()))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.state.currentIndexChanged.connect(lambda _i: self._apply_filters())
        self.author.currentIndexChanged.connect(lambda _i: self._apply_filters())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def column_width(self, column: int) -> int:
        """What a short column needs to show its header and its rows' text whole."""
        view = self.view
        header = view.horizontalHeader()
        if not header.isSectionHidden(column):  # a hidden section's hint is 0
            self._header_hints[column] = header.sectionSizeHint(column)
        return max(view.sizeHintForColumn(column), self._header_hints.get(column, 0))

    def headline_min(self) -> int:
        """The headline's least width: HEADLINE_MIN or HEADLINE_CHARS characters."""
        chars = self.view.fontMetrics().averageCharWidth() * HEADLINE_CHARS
        return max(HEADLINE_MIN, chars)

    def fit_columns(self) -> None:
        """Hide the columns of GIVE_WAY, first to last, until the others show their text
        whole and the headline has its least width; show them again when there is room."""
        width = self.view.viewport().width()
        hidden = set()
        used = sum(self.column_width(c) for c in range(len(COLUMNS)) if c != HEADLINE)
        for name in GIVE_WAY:
            if used + self.headline_min() <= width:
                break
            column = COLUMNS.index(name)
            hidden.add(column)
            used -= self.column_width(column)
        self.model.hidden = hidden
        for column in range(len(COLUMNS)):
            if self.view.isColumnHidden(column) != (column in hidden):
                self.view.setColumnHidden(column, column in hidden)

    def wanted_width(self) -> int:
        """As wide as all short columns show their text and the headline its least
        width, with the list's frame and a vertical scroll bar."""
        view = self.view
        columns = sum(self.column_width(c) for c in range(len(COLUMNS)) if c != HEADLINE)
        headline = self.headline_min()
        bar = view.verticalScrollBar().sizeHint().width()  # as the form's column asks
        layout = self.layout()
        frame = 2 * view.frameWidth()
        if layout is not None:
            frame += layout.contentsMargins().left() + layout.contentsMargins().right()
        return columns + headline + bar + frame

    def refresh(self) -> None:
        """Somebody changed something: reload, keeping the selected row and the scroll
        position (at most a few pages deep, so a refresh stays quick)."""
        current = self.view.currentIndex()
        keep_id = self.model.data(current, ID_ROLE) if current.isValid() else None
        bar = self.view.verticalScrollBar()
        position = bar.value()
        self.model.reload(keep=min(len(self.model.rows), KEEP_ON_REFRESH))
        for row, entry in enumerate(self.model.rows):
            if entry.summary.id == keep_id:
                self.view.setCurrentIndex(self.model.index(row, current.column()))
                break
        bar.setValue(position)

    def set_authors(self, names: list[str]) -> None:
        current = self.author.currentData()
        self.author.blockSignals(True)
        self.author.clear()
        self.author.addItem("alle", "")
        for name in names:
            self.author.addItem(name, name)
        index = self.author.findData(current)
        self.author.setCurrentIndex(max(index, 0))
        self.author.blockSignals(False)

    def _apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(
            state=self.state.currentData(),
            author=self.author.currentData(),
            search=self.search.text().strip(),
        )

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openRequested.emit(int(self.model.data(index, ID_ROLE)))
