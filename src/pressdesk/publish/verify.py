"""``pressdesk verify FILE.pdf``: is this the file that was published, and approved by whom?

The PDF's XMP carries the approval proof (:mod:`.proof`); the publishing folder's
manifest (:mod:`.site`) records the SHA-256 of every file it published or archived.
A file is confirmed when its bytes are exactly a published file's and its proof agrees
with the manifest. The review store can add its own check (an approval voided later)
through ``approval_check``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pressdesk.publish.errors import PublishError
from pressdesk.publish.proof import Proof, file_sha256, german_names, german_time, read_proof
from pressdesk.publish.site import ARCHIVE, MANIFEST, Entry, Manifest


@dataclass(frozen=True)
class Verdict:
    ok: bool
    message: str
    proof: Proof | None = None


def _folder_for(path: Path) -> Path | None:
    """The publishing folder of ``path``: its own folder, or the one above ``archiv/``."""
    for folder in (path.parent, path.parent.parent):
        if (folder / MANIFEST).is_file():
            return folder
    return None


def verify_pdf(
    path: str | Path,
    folder: str | Path | None = None,
    approval_check: Callable[[Proof], str | None] | None = None,
) -> Verdict:
    """Check ``path`` against its proof and the manifest; German answer.

    ``approval_check`` (from the store) returns a German reason if the approval is no
    longer valid, else None. Raises :class:`PublishError` if the file cannot be read.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PublishError(f"Die Datei „{path}“ gibt es nicht.") from None
    except OSError as exc:
        raise PublishError(f"„{path}“ kann nicht gelesen werden: {exc.strerror}.") from None
    if not data.startswith(b"%PDF-"):
        raise PublishError(f"„{path}“ ist keine PDF-Datei.")
    proof = read_proof(data)
    if proof is None:
        return Verdict(
            False, f"{path.name}: kein Freigabenachweis – diese Datei wurde nie veröffentlicht."
        )
    who = german_names(proof.approvers) or "niemandem"
    said = (
        f"laut Nachweis veröffentlicht am {german_time(proof.published_at)}, freigegeben von {who}"
    )
    where = Path(folder) if folder is not None else _folder_for(path)
    if where is None:
        return Verdict(
            False,
            f"{path.name}: {said}; kein Veröffentlichungsordner ({MANIFEST}) gefunden, "
            "die Datei kann nicht bestätigt werden.",
            proof,
        )
    manifest = Manifest.load(where)
    entry = manifest.find(proof.release_id)
    if entry is None:
        return Verdict(
            False,
            f"{path.name}: {said}; in „{where}“ ist diese Veröffentlichung nicht verzeichnet.",
            proof,
        )
    digest = file_sha256(data)
    problem = _mismatch(entry, proof, digest)
    if problem is None and approval_check is not None:
        problem = approval_check(proof)
    if problem is not None:
        return Verdict(False, f"{path.name}: {said}; {problem}", proof)
    return Verdict(
        True,
        f"{path.name}: veröffentlicht am {german_time(proof.published_at)}, "
        f"freigegeben von {who}, unverändert.",
        proof,
    )


def _mismatch(entry: Entry, proof: Proof, digest: str) -> str | None:
    """What does not match (German), or None if the file is the published one."""
    current = entry.files.get("pdf")
    if current is not None and current.sha256 == digest and not entry.withdrawn_at:
        if proof.content_hash != entry.content_hash or proof.version_id != entry.version_id:
            return "der Nachweis in der Datei passt nicht zum Verzeichnis."
        return None
    for old in entry.archive:
        if old.sha256 == digest and old.original.endswith(".pdf"):
            when = german_time(old.archived_at)
            if old.reason == "Zurückgezogen":
                return f"die Veröffentlichung wurde am {when} zurückgezogen."
            return f"diese Fassung wurde durch die Korrektur vom {when} ersetzt."
    if entry.withdrawn_at:
        return (
            f"die Veröffentlichung wurde am {german_time(entry.withdrawn_at)} zurückgezogen, "
            "und die Datei ist nicht die veröffentlichte."
        )
    return (
        "die Datei wurde nach der Veröffentlichung verändert "
        "(SHA-256 stimmt mit keiner veröffentlichten Datei überein)."
    )


__all__ = ["ARCHIVE", "Verdict", "verify_pdf"]
