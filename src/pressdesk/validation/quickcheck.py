"""A quick yes or no against the layout schema, without loading a schema engine.

Every export validates the draft first. Loading jsonschema-rs, the live engine, takes
longer than the whole check of a valid draft (its extension imports ``email.utils``,
``socket``, ``decimal`` and ``calendar``), and a draft that is exported is nearly always
valid. :func:`is_valid` walks the schema file itself, in plain Python, and answers only
valid or not; :func:`pressdesk.validation.schema.schema_errors` asks the engine (and
the German messages) only when the answer is no. Formats are checked by the same
functions the engines use (:data:`pressdesk.validation.schema.FORMATS`), patterns the
ECMA way (``$`` only at the very end), as the reference engine does.

It knows exactly the keywords the layout schema uses. A keyword it does not know (a
later schema may use one) makes it answer no, so the engine decides: never a wrong
yes. The tests hold its answer to the engine's on generated drafts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from pressdesk.validation.schema import FORMATS, ecma_regex, load_schema

Node = dict[str, Any]
Check = Callable[[Any, Any, Node, Node], bool]

# Keywords that only describe (or are read through another keyword).
_NOTES = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "x-messages", "then", "else"}
)


def is_valid(data: Any) -> bool:
    """True if ``data`` is valid against the layout schema (False: ask the engine)."""
    schema = load_schema()
    return _valid(data, schema, schema)


def _valid(value: Any, node: Any, root: Node) -> bool:
    if node is True:
        return True
    if not isinstance(node, dict):
        return False
    for key, limit in node.items():
        check = _CHECKS.get(key)
        if check is None:
            if key in _NOTES:
                continue
            return False  # not a keyword this walk knows: not sure
        if not check(value, limit, node, root):
            return False
    return True


def _is_integer(v: Any) -> bool:
    return (type(v) is int) or (type(v) is float and v.is_integer())


_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "integer": _is_integer,
    "number": lambda v: type(v) in (int, float),
}


def _type(value: Any, limit: Any, node: Node, root: Node) -> bool:
    names = limit if isinstance(limit, list) else [limit]
    return any(_TYPES.get(n, lambda v: False)(value) for n in names)


def _equal(a: Any, b: Any) -> bool:
    """JSON equality: a boolean is no number, 1 equals 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if type(a) in (int, float) and type(b) in (int, float):
        return bool(a == b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    return type(a) is type(b) and bool(a == b)


def _enum(value: Any, limit: Any, node: Node, root: Node) -> bool:
    return any(_equal(value, option) for option in limit)


def _const(value: Any, limit: Any, node: Node, root: Node) -> bool:
    return _equal(value, limit)


def _min_length(value: Any, limit: Any, node: Node, root: Node) -> bool:
    return not isinstance(value, str) or len(value) >= limit


def _max_length(value: Any, limit: Any, node: Node, root: Node) -> bool:
    return not isinstance(value, str) or len(value) <= limit


@cache
def _pattern_of(pattern: str) -> re.Pattern[str]:
    return re.compile(ecma_regex(pattern))


def _pattern(value: Any, limit: Any, node: Node, root: Node) -> bool:
    return not isinstance(value, str) or _pattern_of(limit).search(value) is not None


def _format(value: Any, limit: Any, node: Node, root: Node) -> bool:
    check = FORMATS.get(limit)
    return check is not None and bool(check(value))


def _minimum(value: Any, limit: Any, node: Node, root: Node) -> bool:
    return type(value) not in (int, float) or value >= limit


def _min_items(value: Any, limit: Any, node: Node, root: Node) -> bool:
    return not isinstance(value, list) or len(value) >= limit


def _max_items(value: Any, limit: Any, node: Node, root: Node) -> bool:
    return not isinstance(value, list) or len(value) <= limit


def _items(value: Any, limit: Any, node: Node, root: Node) -> bool:
    return not isinstance(value, list) or all(_valid(v, limit, root) for v in value)


def _properties(value: Any, limit: Any, node: Node, root: Node) -> bool:
    if not isinstance(value, dict):
        return True
    return all(_valid(value[k], sub, root) for k, sub in limit.items() if k in value)


def _required(value: Any, limit: Any, node: Node, root: Node) -> bool:
    return not isinstance(value, dict) or all(k in value for k in limit)


def _additional(value: Any, limit: Any, node: Node, root: Node) -> bool:
    if not isinstance(value, dict):
        return True
    named = node.get("properties", {})
    return all(_valid(v, limit, root) for k, v in value.items() if k not in named)


def _ref(value: Any, limit: Any, node: Node, root: Node) -> bool:
    if not isinstance(limit, str) or not limit.startswith("#/"):
        return False  # only references inside the schema file
    target: Any = root
    for part in limit[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(target, dict) or part not in target:
            return False
        target = target[part]
    return _valid(value, target, root)


def _all_of(value: Any, limit: Any, node: Node, root: Node) -> bool:
    return all(_valid(value, sub, root) for sub in limit)


def _any_of(value: Any, limit: Any, node: Node, root: Node) -> bool:
    return any(_valid(value, sub, root) for sub in limit)


def _not(value: Any, limit: Any, node: Node, root: Node) -> bool:
    return not _valid(value, limit, root)


def _if(value: Any, limit: Any, node: Node, root: Node) -> bool:
    branch = node.get("then", True) if _valid(value, limit, root) else node.get("else", True)
    return _valid(value, branch, root)


_CHECKS: dict[str, Check] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "minLength": _min_length,
    "maxLength": _max_length,
    "pattern": _pattern,
    "format": _format,
    "minimum": _minimum,
    "minItems": _min_items,
    "maxItems": _max_items,
    "items": _items,
    "properties": _properties,
    "required": _required,
    "additionalProperties": _additional,
    "$ref": _ref,
    "allOf": _all_of,
    "anyOf": _any_of,
    "not": _not,
    "if": _if,
}
