"""The one door for reading and writing the user's files. No Qt.

Reading (:func:`read_user_bytes`) opens regular files only, without blocking on a
FIFO, and reads at most ``limit`` bytes whatever size the file claims (a device
reports 0). Writing (:func:`write_user_files`) writes *through*: it follows a
symbolic link to its target, keeps mode, owner (where allowed) and extended
attributes, writes a hard-linked file in place, refuses read-only and
non-regular targets, and never touches the process umask. Several files of one
command are written all-or-nothing.

A temporary file is unnamed (``O_TMPFILE``) while it is written and gets a short
name (``.~pdXXXXXXXX.tmp``) only for the moment before the rename, so a kill -9
leaves nothing; a name left anyway is locked by its writer (``flock``), and
:func:`clean_stale_temps` removes the ones nobody holds.

Every failure the user can cause raises :class:`UserFileError` (or the caller's
exception type) with a German sentence; names are quoted and cleaned by
:func:`shown`, system errors translated by :func:`os_error_text` (both in
:mod:`pressdesk.model.filetexts`).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass

from pressdesk.model.filetexts import (
    ERRNO_TEXTS,
    StrPath,
    UserFileError,
    clean_text,
    os_error_text,
    shown,
)

__all__ = [
    "ERRNO_TEXTS",
    "UserFileError",
    "clean_stale_temps",
    "clean_text",
    "find_surrogate",
    "is_read_only",
    "os_error_text",
    "read_user_bytes",
    "replace_file",
    "shown",
    "write_error_message",
    "write_user_file",
    "write_user_files",
]

TEMP_RE = re.compile(r"^\.~pd[0-9a-f]{8}\.(tmp|bak)$")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "eine Pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "ein Gerät"
    if stat.S_ISSOCK(mode):
        return "ein Socket"
    return "keine gewöhnliche Datei"


# reading ------------------------------------------------------------------------------


def read_user_bytes(
    path: StrPath,
    limit: int,
    error: type[Exception] = UserFileError,
    too_large: str | None = None,
) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or ``error`` in German.

    A folder, FIFO, socket or device is refused without reading (a FIFO is opened
    non-blocking, so nothing waits for a writer); the size is checked while
    reading, not taken from ``stat``.
    """
    name = shown(path)
    big = too_large or f"{name} ist zu groß (höchstens {max(1, limit // 1024)} KB)."
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise error(f"Die Datei {name} gibt es nicht.") from None
    except IsADirectoryError:
        raise error(f"{name} ist ein Ordner, keine Datei.") from None
    except PermissionError:
        raise error(f"Keine Berechtigung, {name} zu lesen.") from None
    except OSError as exc:
        raise error(f"{name} kann nicht gelesen werden: {os_error_text(exc)}.") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise error(f"{name} ist ein Ordner, keine Datei.")
        if not stat.S_ISREG(st.st_mode):
            raise error(f"{name} ist keine gewöhnliche Datei, sondern {_kind(st.st_mode)}.")
        if st.st_size > limit:
            raise error(big)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 16, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise error(big)
        return b"".join(chunks)
    except OSError as exc:
        raise error(f"{name} kann nicht gelesen werden: {os_error_text(exc)}.") from None
    finally:
        os.close(fd)


def find_surrogate(value: object) -> bool:
    """True when a parsed JSON value holds a lone surrogate (``"\\udfff"``) anywhere."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


# writing ------------------------------------------------------------------------------


def is_read_only(path: StrPath) -> bool:
    """True when ``path`` (through links) exists and may not be written by this user.

    A file without any write bit counts as read-only even for root, so a chmod 444
    is respected by everyone.
    """
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and (st.st_mode & 0o222 == 0 or not os.access(target, os.W_OK))


def _fsync_dir(directory: str) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _copy_metadata(fd: int, source: str, st: os.stat_result) -> None:
    """Owner (where allowed), mode and extended attributes of the old file."""
    with contextlib.suppress(OSError):
        os.fchown(fd, st.st_uid, st.st_gid)
    if hasattr(os, "listxattr"):
        with contextlib.suppress(OSError):
            for attr in os.listxattr(source):
                with contextlib.suppress(OSError):
                    os.setxattr(fd, attr, os.getxattr(source, attr))
    os.fchmod(fd, stat.S_IMODE(st.st_mode))  # after chown, which clears set-id bits


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _temp_name(directory: str, suffix: str = "tmp") -> str:
    return os.path.join(directory, f".~pd{os.urandom(4).hex()}.{suffix}")


def _lock(fd: int) -> None:
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def clean_stale_temps(directory: StrPath) -> int:
    """Remove temporary files of PressDesk writers that died (nobody holds their lock)."""
    removed = 0
    try:
        names = [n for n in os.listdir(directory) if TEMP_RE.match(n)]
    except OSError:
        return 0
    for name in names:
        full = os.path.join(directory, name)
        try:
            fd = os.open(full, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue  # a living writer holds it
        try:
            if stat.S_ISREG(os.fstat(fd).st_mode):
                os.unlink(full)
                removed += 1
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


@dataclass
class _Staged:
    """One file of a write: prepared completely before any target changes."""

    target: str
    data: bytes
    existed: bool
    in_place: bool = False
    fd: int = -1
    tmp: str | None = None
    backup: str | None = None
    backup_fd: int = -1
    old: bytes | None = None
    committed: bool = False


class _Refused(OSError):
    """A target the door will not write (a device, a read-only file); German text."""


def _check_target(user_path: StrPath, target: str) -> os.stat_result | None:
    name = shown(user_path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _Refused(f"{name} kann nicht geschrieben werden: {os_error_text(exc)}.") from None
    if stat.S_ISDIR(st.st_mode):
        raise _Refused(f"{name} ist ein Ordner, keine Datei.")
    if not stat.S_ISREG(st.st_mode):
        raise _Refused(
            f"{name} ist keine gewöhnliche Datei, sondern {_kind(st.st_mode)}; "
            "PressDesk schreibt nur in gewöhnliche Dateien."
        )
    if is_read_only(target):
        raise _Refused(
            f"{name} ist schreibgeschützt und bleibt unverändert. "
            "Bitte unter einem anderen Namen speichern."
        )
    return st


def _fill(fd: int, data: bytes, target: str, st: os.stat_result | None, mode: int | None) -> None:
    _lock(fd)
    _write_all(fd, data)
    if st is not None:
        _copy_metadata(fd, target, st)
    if mode is not None:
        os.fchmod(fd, mode)
    os.fsync(fd)


def _stage(user_path: StrPath, data: bytes, mode: int | None) -> _Staged:
    target = os.path.realpath(user_path)
    st = _check_target(user_path, target)
    item = _Staged(target, data, existed=st is not None)
    directory = os.path.dirname(target) or "."
    clean_stale_temps(directory)
    try:
        if st is not None and st.st_nlink > 1:
            # Hard links share the inode: write in place, after reserving the space.
            item.in_place = True
            item.fd = os.open(target, os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC)
            item.old = read_user_bytes(target, st.st_size + (1 << 20), _Refused)
            if len(data) > len(item.old):
                os.posix_fallocate(item.fd, 0, len(data))  # undone by _discard
            return item
        try:
            item.fd = os.open(directory, os.O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC, 0o666)
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                raise
        else:
            _fill(item.fd, data, target, st, mode)
            name = _temp_name(directory)
            try:
                os.link(f"/proc/self/fd/{item.fd}", name)
                item.tmp = name
                return item
            except OSError:
                os.close(item.fd)  # no /proc: write a named file instead
                item.fd = -1
        item.tmp = _temp_name(directory)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
        item.fd = os.open(item.tmp, flags, 0o666)
        _fill(item.fd, data, target, st, mode)
        return item
    except BaseException:
        _discard(item)
        raise


def _discard(item: _Staged) -> None:
    if item.in_place and not item.committed and item.old is not None and item.fd >= 0:
        with contextlib.suppress(OSError):
            if os.fstat(item.fd).st_size != len(item.old):
                os.ftruncate(item.fd, len(item.old))
    if item.tmp is not None:
        with contextlib.suppress(OSError):
            os.unlink(item.tmp)
        item.tmp = None
    if item.backup is not None:
        with contextlib.suppress(OSError):
            os.unlink(item.backup)
        item.backup = None
    for attr in ("fd", "backup_fd"):
        fd = getattr(item, attr)
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
            setattr(item, attr, -1)


def _write_in_place(fd: int, data: bytes) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    _write_all(fd, data)
    os.ftruncate(fd, len(data))
    os.fsync(fd)


def _commit(item: _Staged) -> None:
    if item.in_place:
        _write_in_place(item.fd, item.data)
        item.committed = True
        return
    assert item.tmp is not None
    directory = os.path.dirname(item.target) or "."
    if item.existed:
        # A second name for the old file, so a later failure can put it back.
        name = _temp_name(directory, "bak")
        with contextlib.suppress(OSError):
            os.link(item.target, name)
            item.backup = name
            item.backup_fd = os.open(name, os.O_RDONLY | os.O_CLOEXEC)
            _lock(item.backup_fd)
    os.replace(item.tmp, item.target)
    item.tmp = None
    item.committed = True
    _fsync_dir(directory)


def _rollback(item: _Staged) -> None:
    if not item.committed:
        return
    with contextlib.suppress(OSError):
        if item.in_place and item.old is not None:
            _write_in_place(item.fd, item.old)
        elif item.backup is not None:
            os.replace(item.backup, item.target)
            item.backup = None
        elif not item.existed:
            os.unlink(item.target)


def write_error_message(exc: OSError, path: StrPath, existed: bool = True) -> str:
    """The German sentence for a failed write of ``path``."""
    name = shown(path)
    if isinstance(exc, PermissionError):
        return f"Keine Berechtigung, {name} zu schreiben."
    if isinstance(exc, FileNotFoundError):
        return f"Den Ordner für {name} gibt es nicht."
    if isinstance(exc, IsADirectoryError):
        return f"{name} ist ein Ordner, keine Datei."
    kept = "; die alte Datei ist unverändert" if existed else ""
    return f"{name} konnte nicht gespeichert werden ({os_error_text(exc)}){kept}."


def _write_files(
    items: Sequence[tuple[StrPath, bytes]], mode: int | None, at: list[int] | None = None
) -> None:
    """All or nothing; raises the OSError (or :class:`_Refused`) that stopped it.

    ``at`` receives the index of the file being worked on, for the message.
    """
    at = at if at is not None else []
    staged: list[_Staged] = []
    try:
        for i, (path, data) in enumerate(items):
            at[:] = [i]
            staged.append(_stage(path, data, mode))
        for i, item in enumerate(staged):
            at[:] = [i]
            _commit(item)
    except BaseException:
        for item in staged:
            _rollback(item)
        raise
    finally:
        for item in staged:
            _discard(item)


def replace_file(path: StrPath, data: bytes, mode: int | None = None) -> None:
    """Write one of the program's own files (cache, settings); raises ``OSError``."""
    _write_files([(path, data)], mode)


def write_user_files(
    items: Sequence[tuple[StrPath, bytes]],
    error: type[Exception] = UserFileError,
    mode: int | None = None,
) -> None:
    """Write every ``(path, data)``, all or nothing; failures raise ``error`` in German.

    Each file is first written completely and flushed beside its target; only then
    are the targets replaced, and a failure while replacing puts back those already
    replaced. ``mode`` forces permissions (0o600 for private files); otherwise a
    new file gets what a plain ``open()`` would give it and an old file keeps its own.
    """
    existed = [os.path.exists(p) for p, _ in items]
    at: list[int] = []
    try:
        _write_files(items, mode, at)
    except _Refused as exc:
        raise error(str(exc)) from None
    except OSError as exc:
        i = at[0] if at else 0
        raise error(write_error_message(exc, items[i][0], existed[i])) from None


def write_user_file(
    path: StrPath, data: bytes, error: type[Exception] = UserFileError, mode: int | None = None
) -> None:
    """Write one file the user asked for through :func:`write_user_files`."""
    write_user_files([(path, data)], error, mode)
