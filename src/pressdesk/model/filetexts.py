"""German words for what goes wrong with files, and names that are safe to print. No Qt.

:class:`UserFileError` is the base of every user-caused file error; system errors
get a German description from :data:`ERRNO_TEXTS` (never the English
``strerror``), and untrusted names and values are cleaned by :func:`clean_text`
and :func:`shown` before they reach a message, a terminal or a dialog.
"""

from __future__ import annotations

import errno
import os
import unicodedata

StrPath = str | os.PathLike[str]

SHOWN_MAX = 80


class UserFileError(Exception):
    """A user file that cannot be read or written; the message is German."""


ERRNO_TEXTS: dict[int, str] = {
    errno.ENOSPC: "auf dem Datenträger ist kein Platz mehr",
    errno.EDQUOT: "das Speicherkontingent ist aufgebraucht",
    errno.EROFS: "das Dateisystem ist schreibgeschützt",
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "der Vorgang ist nicht erlaubt",
    errno.ENOENT: "die Datei oder der Ordner existiert nicht",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Ordner",
    errno.EISDIR: "das ist ein Ordner",
    errno.ENAMETOOLONG: "der Dateiname ist zu lang",
    errno.ELOOP: "zu viele symbolische Verknüpfungen",
    errno.EIO: "Ein-/Ausgabefehler des Datenträgers",
    errno.EFBIG: "die Datei ist zu groß für das Dateisystem",
    errno.EMFILE: "zu viele offene Dateien",
    errno.ENFILE: "zu viele offene Dateien im System",
    errno.EBUSY: "die Datei wird gerade benutzt",
    errno.ETXTBSY: "die Datei wird gerade ausgeführt",
    errno.EXDEV: "Verschieben zwischen Dateisystemen ist nicht möglich",
    errno.ENXIO: "das Gerät ist nicht vorhanden",
    errno.ENODEV: "das Gerät ist nicht vorhanden",
    errno.EAGAIN: "die Datei ist vorübergehend nicht verfügbar",
    errno.EINVAL: "ungültiger Vorgang für diese Datei",
    errno.EEXIST: "die Datei existiert bereits",
    errno.EMLINK: "zu viele Verknüpfungen",
    errno.ESTALE: "die Netzwerkdatei ist nicht mehr gültig",
    errno.ETIMEDOUT: "Zeitüberschreitung",
    errno.ENOTSUP: "vom Dateisystem nicht unterstützt",
    errno.ENOMEM: "nicht genug Arbeitsspeicher",
}


def os_error_text(exc: OSError) -> str:
    """The German description of a system error (never the English ``strerror``)."""
    if exc.errno is not None and exc.errno in ERRNO_TEXTS:
        return ERRNO_TEXTS[exc.errno]
    return f"Systemfehler Nr. {exc.errno}" if exc.errno is not None else "Systemfehler"


def clean_text(text: str, limit: int = SHOWN_MAX) -> str:
    """Untrusted text made safe to print: control characters escaped, shortened.

    Lone surrogates (from undecodable file names) and format characters such as
    bidi overrides are shown as escapes too; a long text keeps its start and end.
    """
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Cf", "Zl", "Zp") and ch not in "\u00ad\u200d":
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    result = "".join(out)
    if len(result) > limit:
        keep = limit - 1
        result = result[: keep - keep // 3] + "…" + result[len(result) - keep // 3 :]
    return result


def shown(path: StrPath | str, limit: int = SHOWN_MAX) -> str:
    """A file name for a German message: „quoted“, cleaned and shortened."""
    return f"„{clean_text(os.fspath(path), limit)}“"
