"""The compiled layout schema, the format checks it uses, and its errors.

Two engines read the same schema file. The live one is ``jsonschema-rs``
(compiled, about 0.1 ms for the reference draft, so it can run on every keystroke);
the reference one is the pure-Python ``jsonschema``, which checks the schema itself
against the Draft 2020-12 meta-schema and which the tests hold the live engine to.
Both report :class:`SchemaError` records, so messages never depend on the engine.
Before either, :mod:`.quickcheck` answers in plain Python whether there is anything to
report at all; a valid draft (every export's) never loads an engine.

jsonschema's built-in ``email`` check only looks for an "@", and ``uri`` is not
checked at all without an extra package. PressDesk registers its own checks:
e-mail syntax through ``email-validator`` (no DNS look-up), URIs through
``rfc3986-validator``, and dates through :meth:`datetime.date.fromisoformat` on the
strict ``YYYY-MM-DD`` form.

Both validator packages compile large Unicode regular expressions when imported (more
than the whole validation takes), so they are imported only for an address that is not
plainly valid: :func:`plain_email` and :func:`plain_web_url` accept the everyday forms
(ASCII, no quoting, no percent escapes) that the packages accept as well (the tests hold
them to it); anything else is decided by the packages, so the result is the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any

from pressdesk.paths import schemas_dir

SCHEMA_FILE = "press-release.schema.json"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.I)


def is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


# An http(s) URI of unreserved and sub-delimiter characters only: always RFC 3986.
_URL_CHARS = r"[A-Za-z0-9._~!$&'()*+,;=:@/?-]*"
_PLAIN_URL = re.compile(
    rf"https?://[A-Za-z0-9.-]+(?::[0-9]{{1,5}})?(?:[/?]{_URL_CHARS})?(?:#{_URL_CHARS})?\Z"
)
# A dot-atom address with a host name of ASCII letters, digits and single hyphens.
_PLAIN_EMAIL = re.compile(
    r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?!-))*(?<!-)\.)+[A-Za-z]{2,63}\Z"
)
_SPECIAL_USE = ("arpa", "invalid", "local", "localhost", "onion", "test")


def plain_web_url(value: str) -> bool:
    """True for URLs RFC 3986 accepts without a doubt (False: ask the validator)."""
    return _PLAIN_URL.match(value) is not None


def plain_email(value: str) -> bool:
    """True for addresses email-validator accepts without a doubt (False: ask it)."""
    if len(value) > 200 or not _PLAIN_EMAIL.match(value):
        return False
    local, _, domain = value.partition("@")
    labels = domain.lower().split(".")
    return (
        len(local) <= 64
        and all(len(label) <= 63 for label in labels)
        and labels[-1] not in _SPECIAL_USE
    )


def is_web_url(value: object) -> bool:
    """An absolute http(s) URL with a real host name, as a reader can open it."""
    if not isinstance(value, str):
        return True
    if not plain_web_url(value):
        from rfc3986_validator import validate_rfc3986

        if not validate_rfc3986(value, rule="URI"):
            return False
    scheme, _, rest = value.partition("://")
    if scheme.lower() not in ("http", "https") or not rest:
        return False
    host = re.split(r"[/?#]", rest, maxsplit=1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
    return bool(_HOST.match(host))


@cache
def _email_validator() -> Any:
    # Imported on first use: email-validator pulls in idna and dnspython.
    from email_validator import EmailNotValidError, validate_email

    def check(value: str) -> bool:
        try:
            validate_email(value, check_deliverability=False)
        except EmailNotValidError:
            return False
        return True

    return check


@lru_cache(maxsize=512)
def _email_result(value: str) -> bool:
    return plain_email(value) or bool(_email_validator()(value))


def is_email(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return _email_result(value)


@cache
def load_schema() -> dict[str, Any]:
    text = (schemas_dir() / SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


FORMATS = {"date": is_date, "email": is_email, "uri": is_web_url}


@dataclass(frozen=True)
class SchemaError:
    """One violated keyword: where in the draft, which keyword, in which subschema."""

    path: tuple[str | int, ...]
    keyword: str
    schema: dict[str, Any]
    instance: Any

    @property
    def limit(self) -> Any:
        return self.schema.get(self.keyword)


def ecma_regex(pattern: str) -> str:
    """ECMA-262's ``$`` matches only at the very end; Python's also before a final newline."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        return pattern[:-1] + r"\Z"
    return pattern


@cache
def reference_validator() -> Any:
    from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators

    def pattern(validator: Any, patrn: str, instance: Any, schema: Any) -> Iterator[Any]:
        if validator.is_type(instance, "string") and not re.search(ecma_regex(patrn), instance):
            yield ValidationError(f"{instance!r} does not match {patrn!r}")

    checker = FormatChecker(formats=())
    for name, check in FORMATS.items():
        checker.checks(name)(check)
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    strict = validators.extend(Draft202012Validator, {"pattern": pattern})
    return strict(schema, format_checker=checker)


@cache
def live_validator() -> Any:
    import jsonschema_rs  # only for a draft the quick check does not pass (see below)

    return jsonschema_rs.Draft202012Validator(load_schema(), formats=FORMATS, validate_formats=True)


def _subschema(path: list[Any]) -> dict[str, Any]:
    node: Any = load_schema()
    for part in path:
        node = node[part]
    return node if isinstance(node, dict) else {}


def schema_errors(data: dict[str, Any]) -> Iterator[SchemaError]:
    """Every schema violation of ``data`` (live engine).

    A draft that passes :func:`pressdesk.validation.quickcheck.is_valid` has none; only
    for one that does not is the engine loaded to find and name each violation.
    """
    from pressdesk.validation.quickcheck import is_valid

    if is_valid(data):
        return
    for e in live_validator().iter_errors(data):
        schema_path = list(e.schema_path)
        keyword = str(schema_path[-1]) if schema_path else ""
        yield SchemaError(tuple(e.instance_path), keyword, _subschema(schema_path[:-1]), e.instance)


def reference_schema_errors(data: dict[str, Any]) -> Iterator[SchemaError]:
    """Every schema violation of ``data`` (reference engine)."""
    for e in reference_validator().iter_errors(data):
        schema = e.schema if isinstance(e.schema, dict) else {}
        yield SchemaError(tuple(e.absolute_path), str(e.validator), schema, e.instance)
