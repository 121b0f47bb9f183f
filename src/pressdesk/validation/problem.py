"""The one problem type that schema validation and code checks both return."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """A problem with one field of a draft.

    ``path`` addresses the field the way the editor's form does: ``headline``,
    ``header.date``, ``body[2].text``, ``pressOffice.phones[0]``. ``label`` names
    the field in German words ("Datum", "Absatz 3"), ``text`` says what is wrong.
    """

    path: str
    severity: Severity
    label: str
    text: str

    @property
    def message(self) -> str:
        """'Datum: kein gültiges Datum'."""
        return f"{self.label}: {self.text}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"
