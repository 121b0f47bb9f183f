"""The store's own exceptions; every message is German and meant for the user.

:class:`StoreError` means the command could not run (exit code 2): no store, a
store from a newer PressDesk, an unknown draft. :class:`WorkflowError` means the
workflow refused (exit code 1): four eyes, a stale version, a stale approval, a
step that the draft's state does not allow.
"""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot do what was asked; the message is German."""


class WorkflowError(StoreError):
    """The review workflow refuses the step; the message is German."""


class FourEyesError(WorkflowError):
    """Somebody tried to approve text they wrote or changed themselves."""


class StaleApprovalError(WorkflowError):
    """An approval named a version whose text is no longer the current one."""


class StaleVersionError(WorkflowError):
    """A save was based on an old version; the losing text is kept as a conflict version.

    ``conflict_version`` is the number under which the refused text was kept,
    ``saved_by`` who saved the versions in between.
    """

    def __init__(self, message: str, conflict_version: int, saved_by: list[str]) -> None:
        super().__init__(message)
        self.conflict_version = conflict_version
        self.saved_by = saved_by
