"""The publishing commands of ``pressdesk``: preflight, verify, withdraw. No Qt.

:mod:`pressdesk.cli` hooks them in with :func:`add_parsers` and :data:`HANDLERS`.
Exit codes as everywhere: 0 fine, 1 the check found problems, 2 the command could not run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from pressdesk.publish.errors import PublishError

COMMANDS = ("preflight", "verify", "withdraw")

EXIT_OK, EXIT_PROBLEMS, EXIT_FAILURE = 0, 1, 2


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "preflight", help="PDF oder HTML vor dem Veröffentlichen prüfen (PDF/UA, Metadaten, Text)"
    )
    p.add_argument("files", nargs="+", metavar="DATEI", type=Path, help="DATEI.pdf oder .html")
    p.add_argument(
        "--draft",
        type=Path,
        metavar="ENTWURF",
        help="auch prüfen, ob jedes Wort dieses Entwurfs in der Reihenfolge vorkommt",
    )
    p.add_argument("--profile", default="nrw", help="Hausstil-Profil (Standard: nrw)")

    v = sub.add_parser("verify", help="Freigabenachweis eines veröffentlichten PDFs prüfen")
    v.add_argument("file", metavar="DATEI.pdf", type=Path)
    v.add_argument(
        "--folder",
        type=Path,
        metavar="ORDNER",
        help="Veröffentlichungsordner (Standard: der Ordner der Datei)",
    )

    w = sub.add_parser("withdraw", help="Veröffentlichung zurückziehen (aus Index und Feed)")
    w.add_argument("name", metavar="NAME", help="Dateiname ohne Endung oder Kennung")
    w.add_argument("--out", type=Path, required=True, metavar="ORDNER")


def _err(message: str) -> None:
    print(f"pressdesk: {message}", file=sys.stderr)


def cmd_preflight(args: argparse.Namespace) -> int:
    from pressdesk.model.files import DraftFileError, load_draft
    from pressdesk.profile import ProfileError, load_profile
    from pressdesk.publish.preflight import preflight_html, preflight_pdf

    try:
        profile = load_profile(args.profile)
        draft = load_draft(args.draft) if args.draft is not None else None
    except (DraftFileError, ProfileError) as exc:
        _err(str(exc))
        return EXIT_FAILURE
    worst = EXIT_OK
    for path in args.files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            print(f"{path}: kann nicht gelesen werden ({exc.strerror}).")
            worst = EXIT_FAILURE
            continue
        try:
            if path.suffix.lower() in (".html", ".htm"):
                reasons = preflight_html(data, draft, profile)
            else:
                reasons = preflight_pdf(data, draft, profile)
        except PublishError as exc:
            print(f"{path}: {exc}")
            worst = EXIT_FAILURE
            continue
        for reason in reasons:
            print(f"{path}: {reason}")
        if reasons:
            worst = max(worst, EXIT_PROBLEMS)
        else:
            print(f"{path}: Vorabprüfung bestanden.")
    return worst


def cmd_verify(args: argparse.Namespace) -> int:
    from pressdesk.publish.verify import verify_pdf

    try:
        verdict = verify_pdf(args.file, args.folder)
    except PublishError as exc:
        _err(str(exc))
        return EXIT_FAILURE
    print(verdict.message)
    return EXIT_OK if verdict.ok else EXIT_PROBLEMS


def cmd_withdraw(args: argparse.Namespace) -> int:
    from pressdesk.publish.package import withdraw_release

    try:
        entry = withdraw_release(args.out, args.name)
    except PublishError as exc:
        _err(str(exc))
        return EXIT_FAILURE
    print(f"Zurückgezogen: {entry.title} (aus Index und Feed entfernt, Dateien im Archiv)")
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "preflight": cmd_preflight,
    "verify": cmd_verify,
    "withdraw": cmd_withdraw,
}
