"""Loading and saving draft files.

A draft file is UTF-8 JSON with the extension :data:`DRAFT_SUFFIX` and a
``schemaVersion``. Loading is strict about the *shape* (a field that should be
text must be text; an unknown field is refused rather than dropped on the next
save) and lenient about *content*: an empty or badly formatted value loads, so that
validation can point at it in the editor.

Every problem a user can cause raises :class:`DraftFileError` with a German
message. Reading and writing go through :mod:`pressdesk.model.fileio`, the one
door for user files: the old file stays untouched until the new one is complete.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

from pressdesk.model.draft import (
    BLOCK_TYPES,
    DRAFT_KEYS,
    SCHEMA_VERSION,
    Block,
    Draft,
    Embargo,
    Header,
    Link,
    PressOffice,
    SocialLink,
)
from pressdesk.model.fileio import (
    UserFileError,
    clean_text,
    find_surrogate,
    read_user_bytes,
    replace_file,
    shown,
    write_error_message,
    write_user_file,
    write_user_files,
)
from pressdesk.model.inline import MARK_KINDS, Mark, normalize_marks

__all__ = [
    "DRAFT_SUFFIX",
    "MAX_FILE_BYTES",
    "DraftFileError",
    "UserFileError",
    "atomic_write_bytes",
    "dump_draft",
    "load_draft",
    "parse_draft",
    "save_draft",
    "write_error_message",
    "write_user_file",
    "write_user_files",
]

DRAFT_SUFFIX = ".pressdesk"
MAX_FILE_BYTES = 5 * 1024 * 1024


class DraftFileError(UserFileError):
    """A draft file that cannot be read or written; the message is German."""


class _ShapeError(Exception):
    def __init__(self, where: str, what: str) -> None:
        super().__init__(f"{where}: {what}")


def _to_version_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 only added optional ``marks`` to body blocks: a version-1 draft is a
    version-2 draft without formatting, so nothing changes but the number."""
    return data


def _to_version_3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 only added optional ``itemMarks`` to list blocks: a version-2 draft is
    a version-3 draft without formatted list items."""
    return data


# Migrations from version n to n + 1 work on the raw dict. Version 1 is the first.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _to_version_2,
    2: _to_version_3,
}


def _obj(value: Any, where: str, keys: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _ShapeError(where, "muss ein Objekt sein")
    unknown = sorted(set(value) - keys)
    if unknown:
        raise _ShapeError(where, f"unbekanntes Feld „{clean_text(str(unknown[0]), 40)}“")
    return value


def _str(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _ShapeError(f"{where}.{key}", "muss Text sein")
    _check_encodable(value, f"{where}.{key}")
    return value


def _check_encodable(value: str, where: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _ShapeError(where, "enthält ungültige Zeichen (einzelne Ersatzzeichen)") from None


def _bool(obj: dict[str, Any], key: str, where: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        raise _ShapeError(f"{where}.{key}", "muss wahr oder falsch sein")
    return value


def _list(obj: dict[str, Any], key: str, where: str) -> list[Any]:
    value = obj.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise _ShapeError(f"{where}.{key}", "muss eine Liste sein")
    return value


def _str_list(obj: dict[str, Any], key: str, where: str) -> list[str]:
    items = _list(obj, key, where)
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise _ShapeError(f"{where}.{key}[{i}]", "muss Text sein")
        _check_encodable(item, f"{where}.{key}[{i}]")
    return list(items)


def _link(value: Any, where: str) -> Link:
    obj = _obj(value, where, {"text", "url"})
    return Link(text=_str(obj, "text", where), url=_str(obj, "url", where))


def _marks(obj: dict[str, Any], where: str) -> list[Mark]:
    """The marks of a block: shape only (offsets against the text are validation's job)."""
    return _mark_list(_list(obj, "marks", where), f"{where}.marks")


def _mark_list(values: list[Any], where: str) -> list[Mark]:
    marks = []
    for i, value in enumerate(values):
        at = f"{where}[{i}]"
        m = _obj(value, at, {"start", "end", "type", "url"})
        for key in ("start", "end"):
            number = m.get(key)
            if isinstance(number, bool) or not isinstance(number, int):
                raise _ShapeError(f"{at}.{key}", "muss eine ganze Zahl sein")
        if m.get("type") not in MARK_KINDS:
            raise _ShapeError(f"{at}.type", "muss strong, emphasis oder link sein")
        marks.append(Mark(m["start"], m["end"], m["type"], _str(m, "url", at)))
    return normalize_marks(marks)


def _item_marks(obj: dict[str, Any], where: str) -> list[list[Mark]]:
    """The marks of each list item (``itemMarks``: one list of marks per item)."""
    out = []
    for i, value in enumerate(_list(obj, "itemMarks", where)):
        if not isinstance(value, list):
            raise _ShapeError(f"{where}.itemMarks[{i}]", "muss eine Liste sein")
        out.append(_mark_list(value, f"{where}.itemMarks[{i}]"))
    return out


def _block(value: Any, where: str) -> Block:
    obj = _obj(value, where, {"type", "text", "speaker", "items", "marks", "itemMarks"})
    kind = obj.get("type", "paragraph")
    if kind not in BLOCK_TYPES:
        raise _ShapeError(f"{where}.type", f"unbekannte Blockart „{clean_text(str(kind), 40)}“")
    return Block(
        type=kind,
        text=_str(obj, "text", where),
        speaker=_str(obj, "speaker", where),
        items=_str_list(obj, "items", where),
        marks=_marks(obj, where),
        item_marks=_item_marks(obj, where),
    )


def draft_from_dict(data: Any) -> Draft:
    """Build a :class:`Draft` from the current-version JSON form.

    Raises :class:`DraftFileError` for anything that is not a draft's shape.
    """
    try:
        return _draft_from_dict(data)
    except _ShapeError as exc:
        raise DraftFileError(f"Die Datei ist kein gültiger PressDesk-Entwurf ({exc}).") from None


def _draft_from_dict(data: Any) -> Draft:
    root = _obj(data, "Entwurf", set(DRAFT_KEYS))

    h = _obj(root.get("header") or {}, "header", {"kind", "reference", "date", "embargo"})
    embargo = None
    if h.get("embargo") is not None:
        e = _obj(h["embargo"], "header.embargo", {"date", "time", "atSpeechStart"})
        w = "header.embargo"
        embargo = Embargo(
            date=_str(e, "date", w),
            time=_str(e, "time", w),
            at_speech_start=_bool(e, "atSpeechStart", w),
        )
    header = Header(
        kind=_str(h, "kind", "header") if "kind" in h else "Presseinformation",
        reference=_str(h, "reference", "header"),
        date=_str(h, "date", "header"),
        embargo=embargo,
    )

    po_keys = {"organisation", "unit", "address", "phones", "fax", "email", "website"}
    p = _obj(root.get("pressOffice") or {}, "pressOffice", po_keys)
    press_office = PressOffice(
        organisation=_str(p, "organisation", "pressOffice"),
        unit=_str(p, "unit", "pressOffice"),
        address=_str_list(p, "address", "pressOffice"),
        phones=_str_list(p, "phones", "pressOffice"),
        fax=_str(p, "fax", "pressOffice"),
        email=_str(p, "email", "pressOffice"),
        website=_link(p.get("website") or {}, "pressOffice.website"),
    )

    body = [_block(b, f"body[{i}]") for i, b in enumerate(_list(root, "body", "Entwurf"))]
    further = [
        _link(v, f"furtherInformation[{i}]")
        for i, v in enumerate(_list(root, "furtherInformation", "Entwurf"))
    ]
    social = []
    for i, v in enumerate(_list(root, "socialMedia", "Entwurf")):
        where = f"socialMedia[{i}]"
        s = _obj(v, where, {"network", "text", "url"})
        social.append(
            SocialLink(
                network=_str(s, "network", where),
                text=_str(s, "text", where),
                url=_str(s, "url", where),
            )
        )
    return Draft(
        header=header,
        press_office=press_office,
        announcement=_str(root, "announcement", "Entwurf"),
        headline=_str(root, "headline", "Entwurf"),
        subheadline=_str(root, "subheadline", "Entwurf"),
        body=body,
        further_information=further,
        social_media=social,
        contact=_str(root, "contact", "Entwurf"),
        photo_credits=_str(root, "photoCredits", "Entwurf"),
    )


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a raw draft dict to :data:`SCHEMA_VERSION`, refusing newer files."""
    version = data.get("schemaVersion")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DraftFileError(
            "Die Datei ist kein PressDesk-Entwurf: die Angabe „schemaVersion“ fehlt "
            "oder ist ungültig."
        )
    if version > SCHEMA_VERSION:
        number = clean_text(str(version), 12)
        raise DraftFileError(
            f"Der Entwurf stammt aus einer neueren PressDesk-Version (Formatversion {number}; "
            f"diese Version kennt bis {SCHEMA_VERSION}). Bitte aktualisieren Sie PressDesk; "
            "die Datei bleibt unverändert."
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schemaVersion"] = version
    return data


def _too_large() -> str:
    return (
        f"Die Datei ist zu groß für einen Entwurf (höchstens {MAX_FILE_BYTES // (1024 * 1024)} MB)."
    )


def parse_draft(raw: bytes) -> Draft:
    """Parse the bytes of a draft file."""
    if len(raw) > MAX_FILE_BYTES:
        raise DraftFileError(_too_large())
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DraftFileError(
            "Die Datei ist keine UTF-8-Textdatei und damit kein Entwurf."
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DraftFileError(
            "Die Datei ist beschädigt und kein lesbarer PressDesk-Entwurf "
            f"(Fehler in Zeile {exc.lineno}, Spalte {exc.colno})."
        ) from None
    except ValueError:  # an integer of thousands of digits
        raise DraftFileError("Die Datei enthält eine Zahl, die zu lang ist.") from None
    except RecursionError:
        raise DraftFileError("Die Datei ist zu tief verschachtelt für einen Entwurf.") from None
    if not isinstance(data, dict):
        raise DraftFileError("Die Datei ist kein PressDesk-Entwurf (kein JSON-Objekt).")
    if find_surrogate(data):
        raise DraftFileError(
            "Die Datei ist kein gültiger PressDesk-Entwurf: sie enthält ungültige Zeichen "
            "(einzelne Ersatzzeichen wie \\udfff)."
        )
    return draft_from_dict(migrate(data))


def read_draft_bytes(path: str | os.PathLike[str]) -> bytes:
    """The raw bytes of a draft file through the read door (regular file, bounded)."""
    return read_user_bytes(path, MAX_FILE_BYTES, DraftFileError, _too_large())


def load_draft(path: str | os.PathLike[str]) -> Draft:
    """Read a draft file. Raises :class:`DraftFileError` with a German message."""
    return parse_draft(read_draft_bytes(path))


def _same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_export_targets(
    draft_path: str | os.PathLike[str] | None, outputs: list[str | os.PathLike[str]]
) -> str | None:
    """Why these export targets would destroy work (German), or None when safe.

    An export never replaces its own draft, any other PressDesk draft, or one of
    its own outputs (``--pdf X --docx X``).
    """
    for i, out in enumerate(outputs):
        if draft_path is not None and _same_file(out, draft_path):
            return f"{shown(out)} ist der Entwurf selbst; ein Export überschreibt ihn nicht."
        if looks_like_draft(out):
            return (
                f"{shown(out)} ist ein PressDesk-Entwurf; ein Export überschreibt keinen "
                "Entwurf. Bitte eine andere Zieldatei (.pdf, .docx) angeben."
            )
        if any(_same_file(out, other) for other in outputs[:i]):
            return f"{shown(out)} ist zweimal als Ziel angegeben; bitte zwei Dateien nennen."
    return None


def looks_like_draft(path: str | os.PathLike[str]) -> bool:
    """True for a ``.pressdesk`` name or an existing file that parses as a draft."""
    if os.fspath(path).endswith(DRAFT_SUFFIX):
        return True
    try:
        parse_draft(read_draft_bytes(path))
    except DraftFileError as exc:
        return "neueren PressDesk-Version" in str(exc)
    return True


def dump_draft(draft: Draft) -> bytes:
    """The bytes of a draft file: stable key order, readable, UTF-8."""
    text = json.dumps(draft.to_dict(), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` so that the file is either old or new, never half.

    For the program's own files (cache, settings, recovery); raises ``OSError``.
    """
    replace_file(path, data, mode)


def save_draft(draft: Draft, path: str | os.PathLike[str]) -> None:
    """Save a draft atomically. Raises :class:`DraftFileError` with a German message."""
    write_user_file(path, dump_draft(draft), DraftFileError)
