"""The review store: a shared library of drafts with versions, history and four-eyes approval.

No Qt here. :mod:`pressdesk.store.api` is the one interface the command line and the
editor use; importing this package itself stays cheap (SQLAlchemy is loaded by ``api``).
"""

from pressdesk.store.errors import (
    FourEyesError,
    StaleApprovalError,
    StaleVersionError,
    StoreError,
    WorkflowError,
)

__all__ = [
    "FourEyesError",
    "StaleApprovalError",
    "StaleVersionError",
    "StoreError",
    "WorkflowError",
]
