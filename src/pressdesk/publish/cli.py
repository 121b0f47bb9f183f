"""The publishing commands of ``pressdesk``: publish, preflight, verify, withdraw. No Qt.

:mod:`pressdesk.cli` hooks them in with :func:`add_parsers` and :data:`HANDLERS`. This
module imports nothing heavy: the store (SQLAlchemy) and the publishing core (pikepdf,
pdfminer, Jinja2, html5lib) are imported inside the command that needs them.
Exit codes as everywhere: 0 fine, 1 refused or the check found problems, 2 the command
could not run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pressdesk.publish.errors import PublishError

if TYPE_CHECKING:
    from pressdesk.publish.proof import Proof

COMMANDS = ("publish", "preflight", "verify", "withdraw")

EXIT_OK, EXIT_PROBLEMS, EXIT_FAILURE = 0, 1, 2


def _store_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--store", metavar="URL", help=help_text)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    pub = sub.add_parser(
        "publish",
        help="freigegebene Fassung aus der Bibliothek auf die Website bringen",
        description="Veröffentlicht nur die freigegebene, unveränderte Fassung eines Entwurfs "
        "der Bibliothek (Hash-Kette geprüft, Sperrfrist abgelaufen, Vorabprüfung bestanden).",
    )
    pub.add_argument("id", type=int, nargs="?", metavar="NR", help="Nummer des Entwurfs")
    pub.add_argument(
        "--due",
        action="store_true",
        help="alle freigegebenen Entwürfe veröffentlichen, deren Sperrfrist abgelaufen ist",
    )
    pub.add_argument("--out", type=Path, required=True, metavar="ORDNER", help="Ordner der Website")
    pub.add_argument(
        "--speech-started",
        action="store_true",
        help="bei „Sperrfrist: Redebeginn“: die Rede hat begonnen (ausdrücklich bestätigen)",
    )
    _store_option(
        pub,
        "Bibliothek: sqlite:///PFAD oder postgresql://… "
        "(Standard: $PRESSDESK_STORE, sonst eine Datei im Datenordner)",
    )

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
    _store_option(
        v,
        "auch die Bibliothek fragen (Standard: $PRESSDESK_STORE, sonst die Datei im "
        "Datenordner, wenn es sie gibt)",
    )

    w = sub.add_parser("withdraw", help="Veröffentlichung zurückziehen (aus Index und Feed)")
    w.add_argument(
        "name", metavar="NAME", help="Dateiname ohne Endung, Kennung oder Nummer des Entwurfs"
    )
    w.add_argument("--out", type=Path, required=True, metavar="ORDNER")
    _store_option(
        w,
        "Bibliothek, die den Rückzug verzeichnet (Standard: $PRESSDESK_STORE, sonst die Datei "
        "im Datenordner)",
    )


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


def cmd_publish(args: argparse.Namespace) -> int:
    if (args.id is None) == (not args.due):
        _err("Bitte entweder die Nummer eines Entwurfs oder --due angeben.")
        return EXIT_FAILURE
    from pressdesk.store.errors import StoreError, WorkflowError

    try:
        from pressdesk.store import publishing
        from pressdesk.store.api import Store

        with Store(args.store) as store:
            if args.due:
                return _publish_due(publishing.publish_due(store, args.out))
            result = publishing.publish(
                store, args.id, args.out, speech_started=args.speech_started
            )
    except (WorkflowError, PublishError) as exc:
        _err(str(exc))
        return EXIT_PROBLEMS
    except StoreError as exc:
        _err(str(exc))
        return EXIT_FAILURE
    names = f"{result.stem}.{{{','.join(sorted(p.suffix[1:] for p in result.files.values()))}}}"
    if result.unchanged:
        print(
            f"Entwurf {args.id} ist in „{result.folder}“ bereits veröffentlicht; "
            "nichts geschrieben."
        )
    elif result.correction:
        print(f"Korrektur von Entwurf {args.id} veröffentlicht in „{result.folder}“: {names}")
    else:
        print(f"Entwurf {args.id} veröffentlicht in „{result.folder}“: {names}")
    return EXIT_OK


def _publish_due(report: Any) -> int:
    for draft_id, title, result in report.published:
        what = "Korrektur veröffentlicht" if result.correction else "veröffentlicht"
        if result.unchanged:
            what = "war schon veröffentlicht, nichts geschrieben"
        print(f"Entwurf {draft_id} „{title}“: {what} ({result.stem})")
    for draft_id, title, when in report.not_due:
        print(f"Entwurf {draft_id} „{title}“: noch nicht fällig, {when}")
    for draft_id, title, reason in report.refused:
        print(f"pressdesk: Entwurf {draft_id} „{title}“ abgelehnt: {reason}", file=sys.stderr)
    if not (report.published or report.not_due or report.refused):
        print("Keine freigegebenen Entwürfe zu veröffentlichen.")
    return EXIT_PROBLEMS if report.refused else EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from pressdesk.publish.verify import verify_pdf
    from pressdesk.store.errors import StoreError

    try:
        from pressdesk.store.publishing import open_for_verify

        store = open_for_verify(args.store)
    except StoreError as exc:
        _err(f"Die Bibliothek kann nicht befragt werden: {exc}")
        return EXIT_FAILURE
    try:
        check = None
        if store is not None:
            from pressdesk.publish.proof import file_sha256
            from pressdesk.store.publishing import approval_check

            def check(proof: Proof) -> str | None:
                return approval_check(store, file_sha256(args.file.read_bytes()))(proof)

        verdict = verify_pdf(args.file, args.folder, approval_check=check)
    except PublishError as exc:
        _err(str(exc))
        return EXIT_FAILURE
    finally:
        if store is not None:
            store.close()
    print(verdict.message)
    if verdict.ok:
        if store is not None:
            print("Die Bibliothek bestätigt die Veröffentlichung; die Freigabe gilt.")
        else:
            print("(Keine Bibliothek befragt: nur der Veröffentlichungsordner ist geprüft.)")
    return EXIT_OK if verdict.ok else EXIT_PROBLEMS


def cmd_withdraw(args: argparse.Namespace) -> int:
    from pressdesk.publish.package import withdraw_release
    from pressdesk.publish.site import Manifest
    from pressdesk.store.errors import StoreError, WorkflowError

    try:
        draft_id: int | None = int(args.name) if args.name.isdigit() else None
        if draft_id is None:
            entry = Manifest.load(args.out).find_name(args.name)
            if entry is not None:
                from pressdesk.store.publishing import draft_id_of

                draft_id = draft_id_of(entry.release_id)
        if draft_id is None:
            entry = withdraw_release(args.out, args.name)
        else:
            from pressdesk.store import publishing
            from pressdesk.store.api import Store

            with Store(args.store) as store:
                entry = publishing.withdraw(store, draft_id, args.out)
    except (PublishError, WorkflowError) as exc:
        _err(str(exc))
        return EXIT_PROBLEMS if isinstance(exc, WorkflowError) else EXIT_FAILURE
    except StoreError as exc:
        _err(str(exc))
        return EXIT_FAILURE
    print(f"Zurückgezogen: {entry.title} (aus Index und Feed entfernt, Dateien im Archiv)")
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "publish": cmd_publish,
    "preflight": cmd_preflight,
    "verify": cmd_verify,
    "withdraw": cmd_withdraw,
}
