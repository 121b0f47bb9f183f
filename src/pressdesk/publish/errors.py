"""The one exception type of publishing; its reasons are German sentences."""

from __future__ import annotations


class PublishError(Exception):
    """Publishing refused or failed; ``reasons`` holds German sentences, one per problem.

    Raised before anything is written when a gate refuses (not approved, changed since
    approval, embargo not due, preflight failed), or when a file cannot be written.
    """

    def __init__(self, message: str, reasons: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.reasons: list[str] = list(reasons or [])

    def __str__(self) -> str:
        if not self.reasons:
            return self.message
        return self.message + "\n" + "\n".join(f"  – {r}" for r in self.reasons)
