"""Loading and saving draft files.

A draft file is UTF-8 JSON with the extension :data:`DRAFT_SUFFIX` and a
``schemaVersion``. Loading is strict about the *shape* (a field that should be
text must be text; an unknown field is refused rather than dropped on the next
save) and lenient about *content*: an empty or badly formatted value loads, so that
validation can point at it in the editor.

Every problem a user can cause raises :class:`DraftFileError` with a German
message. Saving goes through :func:`atomic_write_bytes`: the old file stays
untouched until the new one is complete on disk.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
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

DRAFT_SUFFIX = ".pressdesk"
MAX_FILE_BYTES = 5 * 1024 * 1024


class DraftFileError(Exception):
    """A draft file that cannot be read or written; the message is German."""


class _ShapeError(Exception):
    def __init__(self, where: str, what: str) -> None:
        super().__init__(f"{where}: {what}")


# Migrations from version n to n + 1 work on the raw dict. Version 1 is the first.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def _obj(value: Any, where: str, keys: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _ShapeError(where, "muss ein Objekt sein")
    unknown = sorted(set(value) - keys)
    if unknown:
        raise _ShapeError(where, f"unbekanntes Feld „{unknown[0]}“")
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


def _block(value: Any, where: str) -> Block:
    obj = _obj(value, where, {"type", "text", "speaker", "items"})
    kind = obj.get("type", "paragraph")
    if kind not in BLOCK_TYPES:
        raise _ShapeError(f"{where}.type", f"unbekannte Blockart „{kind}“")
    return Block(
        type=kind,
        text=_str(obj, "text", where),
        speaker=_str(obj, "speaker", where),
        items=_str_list(obj, "items", where),
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
        raise DraftFileError(
            f"Der Entwurf stammt aus einer neueren PressDesk-Version (Formatversion {version}; "
            f"diese Version kennt bis {SCHEMA_VERSION}). Bitte aktualisieren Sie PressDesk; "
            "die Datei bleibt unverändert."
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schemaVersion"] = version
    return data


def _check_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise DraftFileError(
            f"Die Datei ist zu groß für einen Entwurf ({size // 1024} KB; höchstens "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB)."
        )


def parse_draft(raw: bytes) -> Draft:
    """Parse the bytes of a draft file."""
    _check_size(len(raw))
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
    except RecursionError:
        raise DraftFileError("Die Datei ist zu tief verschachtelt für einen Entwurf.") from None
    if not isinstance(data, dict):
        raise DraftFileError("Die Datei ist kein PressDesk-Entwurf.")
    return draft_from_dict(migrate(data))


def load_draft(path: str | os.PathLike[str]) -> Draft:
    """Read a draft file. Raises :class:`DraftFileError` with a German message."""
    p = Path(path)
    try:
        _check_size(p.stat().st_size)
        raw = p.read_bytes()
    except FileNotFoundError:
        raise DraftFileError(f"Die Datei „{p}“ gibt es nicht.") from None
    except IsADirectoryError:
        raise DraftFileError(f"„{p}“ ist ein Ordner, keine Datei.") from None
    except PermissionError:
        raise DraftFileError(f"Keine Berechtigung, „{p}“ zu lesen.") from None
    except OSError as exc:
        raise DraftFileError(f"„{p}“ kann nicht gelesen werden: {exc.strerror}.") from None
    return parse_draft(raw)


def dump_draft(draft: Draft) -> bytes:
    """The bytes of a draft file: stable key order, readable, UTF-8."""
    text = json.dumps(draft.to_dict(), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def _mode_for(target: Path) -> int:
    """The old file's permissions, or what a plain ``open()`` would give a new file.

    ``mkstemp`` creates files readable by the owner only; an exported PDF must stay
    readable for the web server and colleagues, like any file the user saves.
    """
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that the file is either old or new, never half.

    The data goes to a temporary file in the same folder, is flushed to disk and
    then renamed over the target. On any failure the target is untouched and the
    temporary file is removed.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, _mode_for(target))
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    if hasattr(os, "O_DIRECTORY"):
        with contextlib.suppress(OSError):
            dir_fd = os.open(directory, os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def write_error_message(exc: OSError, path: str | os.PathLike[str]) -> str:
    """The German sentence for a failed write of ``path``; the old file is untouched."""
    if isinstance(exc, PermissionError):
        return f"Keine Berechtigung, „{path}“ zu schreiben."
    if isinstance(exc, FileNotFoundError):
        return f"Den Ordner für „{path}“ gibt es nicht."
    if isinstance(exc, IsADirectoryError):
        return f"„{path}“ ist ein Ordner, keine Datei."
    return (
        f"„{path}“ konnte nicht gespeichert werden ({exc.strerror}); "
        "die alte Datei ist unverändert."
    )


def write_user_file(
    path: str | os.PathLike[str], data: bytes, error: type[Exception] = DraftFileError
) -> None:
    """Write a file the user asked for, atomically; failures raise ``error`` in German."""
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise error(write_error_message(exc, path)) from None


def save_draft(draft: Draft, path: str | os.PathLike[str]) -> None:
    """Save a draft atomically. Raises :class:`DraftFileError` with a German message."""
    write_user_file(path, dump_draft(draft))
