"""Review in the editor: library, reviewer queue, comments beside the field, history and diff.

The store (:mod:`pressdesk.store.api`) decides every workflow question; these widgets
show what it says and call it. :func:`install` hooks everything into a main window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pressdesk.ui.main_window import MainWindow
    from pressdesk.ui.review.controller import ReviewController


def install(
    window: MainWindow, url: str | None = None, user: str | None = None, **options: Any
) -> ReviewController:
    """Give ``window`` the review panels and menus, connected to the store at ``url``
    (else the saved setting) as ``user`` (else the saved name, asked once).

    Without a library to show (no ``url``, no library chosen under Datei › Ablage or in
    ``PRESSDESK_STORE``, no local library file yet) the store is opened on first use
    („In Bibliothek aufnehmen“, F6): the editor starts without SQLAlchemy and Alembic.
    """
    from pressdesk.ui.review import settings
    from pressdesk.ui.review.controller import ReviewController

    controller = ReviewController(window, **options)
    window.review = controller
    if url is not None or settings.library_exists():
        controller.connect_store(url, user)
    else:
        controller.connect_on_first_use(user)
    return controller
