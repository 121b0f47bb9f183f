"""The publishing folder's memory: a small JSON manifest, and the index and feed built from it.

``manifest.json`` lists every release ever published into the folder, with its file
names and SHA-256 sums, approval facts, corrections, archived files and withdrawal.
``index.html`` and ``feed.xml`` (Atom) list the releases that are not withdrawn, newest
first; they are rendered from the manifest and written last.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pressdesk.model.files import write_user_file
from pressdesk.publish.errors import PublishError

MANIFEST = "manifest.json"
INDEX = "index.html"
FEED = "feed.xml"
ARCHIVE = "archiv"
FORMAT = 1


@dataclass
class FileRecord:
    name: str
    sha256: str
    bytes: int


@dataclass
class ArchivedFile:
    """A file that was replaced by a correction or taken down by a withdrawal."""

    name: str  # path relative to the publishing folder, under ARCHIVE
    original: str
    sha256: str
    version_id: str
    content_hash: str
    published_at: str
    archived_at: str
    reason: str  # "Korrektur" or "Zurückgezogen"


@dataclass
class Entry:
    release_id: str
    stem: str
    title: str
    subtitle: str
    kind: str
    reference: str
    date: str
    embargo: str
    version_id: str
    content_hash: str
    approvers: list[str]
    approved_at: str
    published_at: str
    updated_at: str
    corrections: list[str] = field(default_factory=list)
    withdrawn_at: str = ""
    files: dict[str, FileRecord] = field(default_factory=dict)
    archive: list[ArchivedFile] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        data = dict(data)
        data["files"] = {k: FileRecord(**v) for k, v in data.get("files", {}).items()}
        data["archive"] = [ArchivedFile(**a) for a in data.get("archive", [])]
        return cls(**data)


@dataclass
class Manifest:
    folder: Path
    entries: list[Entry] = field(default_factory=list)

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """The folder's manifest (empty if there is none yet)."""
        path = folder / MANIFEST
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(folder)
        except OSError as exc:
            raise PublishError(f"„{path}“ kann nicht gelesen werden: {exc.strerror}.") from None
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError("format")
            return cls(folder, [Entry.from_dict(e) for e in data["releases"]])
        except (ValueError, KeyError, TypeError, AttributeError):
            raise PublishError(
                f"„{path}“ ist kein gültiges PressDesk-Veröffentlichungsverzeichnis; "
                "es wird nicht überschrieben."
            ) from None

    def find(self, release_id: str) -> Entry | None:
        return next((e for e in self.entries if e.release_id == release_id), None)

    def find_name(self, name: str) -> Entry | None:
        """The release by id or file stem."""
        return self.find(name) or next((e for e in self.entries if e.stem == name), None)

    def stems(self) -> set[str]:
        return {e.stem for e in self.entries}

    def listed(self) -> list[Entry]:
        """Releases on the index and in the feed: not withdrawn, newest first."""
        live = [e for e in self.entries if not e.withdrawn_at]
        return sorted(live, key=lambda e: (e.date, e.published_at), reverse=True)

    def to_bytes(self) -> bytes:
        data = {"format": FORMAT, "releases": [asdict(e) for e in self.entries]}
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def save(self) -> None:
        write_user_file(self.folder / MANIFEST, self.to_bytes(), PublishError)


@dataclass(frozen=True)
class SiteInfo:
    """How the index and feed name the site; ``url`` makes feed links absolute."""

    title: str = "Pressemitteilungen"
    url: str = ""
    author: str = ""


def write_index_and_feed(manifest: Manifest, site: SiteInfo, now: str) -> None:
    """Render ``index.html`` and ``feed.xml`` from the manifest and write them (in that order)."""
    from pressdesk.publish.htmlpage import render_template

    listed = manifest.listed()
    updated = max([e.updated_at for e in listed], default=now)
    base = site.url.rstrip("/") + "/" if site.url else ""
    index = render_template("index.html", site=site, releases=listed)
    feed = render_template("feed.xml", site=site, releases=listed, updated=updated, base=base)
    write_user_file(manifest.folder / INDEX, index, PublishError)
    write_user_file(manifest.folder / FEED, feed, PublishError)


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on the publishing folder (or, before it exists, on the nearest
    existing folder above it), so that two publications never interleave their manifests.

    The lock is ``flock`` on the folder itself: nothing is written for it. Where another
    process holds it, :class:`PublishError` says so at once instead of waiting.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX: no second process to guard against here
        yield
        return
    target = folder
    while not target.is_dir() and target.parent != target:
        target = target.parent
    fd = os.open(target, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PublishError(
                f"In „{folder}“ wird gerade veröffentlicht; bitte gleich noch einmal versuchen."
            ) from None
        yield
    finally:
        os.close(fd)
