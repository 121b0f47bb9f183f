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
    (else the saved setting) as ``user`` (else the saved name, asked once)."""
    from pressdesk.ui.review.controller import ReviewController

    controller = ReviewController(window, **options)
    window.review = controller
    controller.connect_store(url, user)
    return controller
