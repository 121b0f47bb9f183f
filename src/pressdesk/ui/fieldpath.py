"""Read and write a draft's fields by path, the way validation names them.

A path is ``header.embargo.date``, ``pressOffice.address`` or ``body[2].items``;
JSON names (camelCase) map to the dataclass attributes. Plain Python, no Qt, so the
undo commands and the tests can use it alike.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from pressdesk.model.inline import Mark

_TOKEN = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")
_ATTR = {
    "pressOffice": "press_office",
    "furtherInformation": "further_information",
    "socialMedia": "social_media",
    "photoCredits": "photo_credits",
    "atSpeechStart": "at_speech_start",
    "itemMarks": "item_marks",
}


def split(path: str) -> list[str | int]:
    """'body[2].text' -> ['body', 2, 'text']."""
    out: list[str | int] = []
    for name, index in _TOKEN.findall(path):
        out.append(_ATTR.get(name, name) if name else int(index))
    return out


def parent(path: str) -> str | None:
    """'body[2].text' -> 'body[2]' -> 'body' -> None."""
    m = re.match(r"^(.*?)(\[\d+\]|\.[A-Za-z_]+)$", path)
    return m.group(1) if m else None


def _step(obj: Any, token: str | int) -> Any:
    return obj[token] if isinstance(token, int) else getattr(obj, token)


def get(draft: Any, path: str) -> Any:
    obj = draft
    for token in split(path):
        obj = _step(obj, token)
    return obj


def private_copy(value: Any) -> Any:
    """A copy no one else can change. Marks are frozen: a list of them is copied as a
    list (deep-copying a hundred marks on every keystroke cost milliseconds)."""
    if isinstance(value, list) and value and all(type(v) is Mark for v in value):
        return list(value)
    return copy.deepcopy(value)


def set(draft: Any, path: str, value: Any) -> None:
    tokens = split(path)
    obj = draft
    for token in tokens[:-1]:
        obj = _step(obj, token)
    last = tokens[-1]
    if isinstance(last, int):
        obj[last] = private_copy(value)
    else:
        setattr(obj, last, private_copy(value))
