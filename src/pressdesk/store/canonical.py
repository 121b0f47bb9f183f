"""A draft's canonical JSON, its SHA-256, its plain text and the text at a field path.

The canonical form is what the store keeps and hashes: sorted keys, no insignificant
white space, UTF-8. Two drafts with the same content always have the same hash, so a
save that changed nothing keeps an approval, and any change of content (a comma, the
embargo time) gives a new hash.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from pressdesk.model import Draft
from pressdesk.model.files import draft_from_dict, migrate


def canonical_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def canonical_json(draft: Draft) -> str:
    return canonical_bytes(draft.to_dict()).decode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_hash(canonical: str) -> str:
    return sha256_hex(canonical.encode("utf-8"))


def draft_from_canonical(canonical: str) -> Draft:
    return draft_from_dict(migrate(json.loads(canonical)))


# Not words of the draft: the format version, and the bold/italic/link marks over a
# block's text or its list items (their words are the text's; search and the word diff
# read it plain).
_NOT_TEXT = ("schemaVersion", "marks", "itemMarks")


def texts(data: Any, path: str = "") -> list[tuple[str, str]]:
    """Every text of a draft's JSON form with its field path, in the order of the form."""
    out: list[tuple[str, str]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in _NOT_TEXT:
                continue
            out.extend(texts(value, f"{path}.{key}" if path else key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out.extend(texts(value, f"{path}[{i}]"))
    elif isinstance(data, bool):
        out.append((path, "ja" if data else "nein"))
    elif isinstance(data, str) and data:
        out.append((path, data))
    return out


def plain_text(draft: Draft) -> str:
    """All words of a draft in form order: what full-text search indexes."""
    return "\n".join(text for _, text in texts(draft.to_dict()))


_PART = re.compile(r"([A-Za-z]+)|\[(\d+)\]")


def text_at(draft: Draft, path: str) -> str | None:
    """The text at a field path like ``body[2].text`` or ``header.date``; None if absent."""
    node: Any = draft.to_dict()
    pos = 0
    for match in _PART.finditer(path):
        if match.start() != pos and path[pos : match.start()] != ".":
            return None
        pos = match.end()
        key, index = match.groups()
        if key is not None:
            if not isinstance(node, dict) or key not in node:
                return None
            node = node[key]
        else:
            if not isinstance(node, list) or int(index) >= len(node):
                return None
            node = node[int(index)]
    if pos != len(path) or not path:
        return None
    if isinstance(node, str):
        return node
    return "\n".join(text for _, text in texts(node))
