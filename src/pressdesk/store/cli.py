"""The command line of the review store: ``pressdesk library|submit|approve|return|comment|store``.

Hooked into :mod:`pressdesk.cli` with a few lines; imports SQLAlchemy only when a
command runs. Exit codes: 0 done, 1 refused by the workflow (four eyes, stale
version, stale approval) or a damaged history, 2 could not run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pressdesk.store.api import Store
    from pressdesk.store.records import DraftDetail, VersionInfo

STORE_COMMANDS = ("library", "submit", "approve", "return", "comment", "store")

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_FAILURE = 2


def _err(message: str) -> None:
    print(f"pressdesk: {message}", file=sys.stderr)


def add_store_parsers(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the store's commands to the main parser's sub-commands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--store",
        metavar="URL",
        help="Bibliothek: sqlite:///PFAD oder postgresql://… "
        "(Standard: $PRESSDESK_STORE, sonst eine Datei im Datenordner)",
    )

    lib = sub.add_parser("library", help="die gemeinsame Entwurfsbibliothek")
    lsub = lib.add_subparsers(dest="library_command", metavar="AKTION", required=True)
    p = lsub.add_parser("add", parents=[common], help="Entwurf aufnehmen (druckt die Nummer)")
    p.add_argument("file", metavar="ENTWURF", type=Path)
    p = lsub.add_parser("update", parents=[common], help="neue Version eines Entwurfs speichern")
    p.add_argument("id", type=int, metavar="NR")
    p.add_argument("file", metavar="ENTWURF", type=Path)
    p.add_argument("--base", type=int, metavar="VERSION", help="Version, auf der die Datei beruht")
    p = lsub.add_parser("get", parents=[common], help="aktuelle (oder eine) Version als Datei")
    p.add_argument("id", type=int, metavar="NR")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="ENTWURF")
    p.add_argument("--version", type=int, metavar="VERSION")
    p = lsub.add_parser("list", parents=[common], help="Entwürfe auflisten und suchen")
    p.add_argument("--state", metavar="STATUS", help="z. B. „In Prüfung“ oder in_review")
    p.add_argument("--search", metavar="WÖRTER", help="Volltextsuche (deutsche Wortformen)")
    p.add_argument("--limit", type=int, default=50, help="höchstens so viele (Standard 50)")
    p = lsub.add_parser("show", parents=[common], help="Status, Versionen, Prüfungen, Kommentare")
    p.add_argument("id", type=int, metavar="NR")
    p = lsub.add_parser("history", parents=[common], help="die Historie eines Entwurfs")
    p.add_argument("id", type=int, metavar="NR")
    p = lsub.add_parser("diff", parents=[common], help="Unterschiede zweier Versionen (Wörter)")
    p.add_argument("id", type=int, metavar="NR")
    p.add_argument("old", type=int, nargs="?", metavar="VON")
    p.add_argument("new", type=int, nargs="?", metavar="BIS")
    p = lsub.add_parser("resolve", parents=[common], help="Kommentar als erledigt markieren")
    p.add_argument("id", type=int, metavar="NR")
    p.add_argument("comment", type=int, metavar="KOMMENTAR")
    lsub.add_parser("check", parents=[common], help="Hash-Kette der ganzen Bibliothek prüfen")

    p = sub.add_parser("submit", parents=[common], help="Entwurf zur Prüfung geben")
    p.add_argument("id", type=int, metavar="NR")
    p.add_argument(
        "--cosign",
        action="append",
        metavar="NAME",
        help="Mitzeichnung: diese Person muss ebenfalls freigeben (mehrfach möglich)",
    )
    p.add_argument("--due", metavar="FRIST", help="Freigabe bis, z. B. 14:00 oder 30.11.2026 14:00")
    p = sub.add_parser("approve", parents=[common], help="aktuelle Fassung freigeben")
    p.add_argument("id", type=int, metavar="NR")
    p.add_argument("--version", type=int, metavar="VERSION", help="die geprüfte Version")
    p.add_argument("--comment", default="", metavar="TEXT")
    p = sub.add_parser("return", parents=[common], help="Änderungen erbitten (mit Begründung)")
    p.add_argument("id", type=int, metavar="NR")
    p.add_argument("--comment", required=True, metavar="TEXT")
    p.add_argument("--version", type=int, metavar="VERSION", help="die geprüfte Version")
    p = sub.add_parser("comment", parents=[common], help="Kommentar zum Entwurf oder zu einem Feld")
    p.add_argument("id", type=int, metavar="NR")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--field", metavar="PFAD", help="z. B. headline oder body[2].text")
    p.add_argument("--reply-to", type=int, metavar="KOMMENTAR", help="Antwort auf Kommentar")

    st = sub.add_parser("store", help="die Bibliothek einrichten und verwalten")
    ssub = st.add_subparsers(dest="store_command", metavar="AKTION", required=True)
    ssub.add_parser("upgrade", parents=[common], help="Schema auf den aktuellen Stand bringen")
    p = ssub.add_parser("user", parents=[common], help="Rolle einer Person festlegen")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--role", required=True, choices=("author", "reviewer"))


def run_store_command(args: argparse.Namespace) -> int:
    from pressdesk.model.files import DraftFileError
    from pressdesk.store.errors import StoreError, WorkflowError

    try:
        if args.command == "store" and args.store_command == "upgrade":
            return _upgrade(args)
        from pressdesk.store.api import Store

        with Store(args.store) as store:
            return _dispatch(store, args)
    except WorkflowError as exc:
        _err(str(exc))
        return EXIT_REFUSED
    except (StoreError, DraftFileError) as exc:
        _err(str(exc))
        return EXIT_FAILURE


def _upgrade(args: argparse.Namespace) -> int:
    from pressdesk.store.api import upgrade_store
    from pressdesk.store.backend import describe, resolve_url

    before, after = upgrade_store(args.store)
    where = describe(resolve_url(args.store))
    if before == after:
        print(f"{where}: Schema {after} ist aktuell.")
    else:
        print(f"{where}: Schema {before or '(neu)'} → {after}.")
    return EXIT_OK


def _dispatch(store: Store, args: argparse.Namespace) -> int:
    from pressdesk.model.files import load_draft, save_draft
    from pressdesk.store.workflow import STATE_LABELS

    cmd = args.command
    if cmd == "library":
        action = args.library_command
        if action == "add":
            draft_id = store.add(load_draft(args.file))
            print(f"Aufgenommen als Entwurf {draft_id} (Version 1, Status Entwurf).")
            print(draft_id)
            return EXIT_OK
        if action == "update":
            result = store.update(args.id, load_draft(args.file), base=args.base)
            saved = [v for v in store.show(args.id).versions if v.number == result.version]
            what = _what_changed(store, args.id, saved[0])
            print(
                f"Entwurf {args.id}: Version {result.version} gespeichert ({what}); "
                f"Status: {STATE_LABELS[result.state]}."
            )
            return EXIT_OK
        if action == "get":
            version = args.version or store.current_version(args.id)
            save_draft(store.get(args.id, version), args.output)
            print(f"Entwurf {args.id}, Version {version}: {args.output}")
            return EXIT_OK
        if action == "list":
            for s in store.list_drafts(args.state, args.search, limit=args.limit):
                due = f"  bis {_due(s.due_at)}" if s.due_at else ""
                print(
                    f"{s.id}\t{s.state_label}\tV{s.current_version}\t{s.reference}\t{s.headline}{due}"
                )
            return EXIT_OK
        if action == "show":
            _print_detail(store, store.show(args.id))
            return EXIT_OK
        if action == "history":
            return _history(store, args.id)
        if action == "diff":
            changes = store.diff(args.id, args.old, args.new)
            if not changes:
                print("Keine Unterschiede im Text.")
            for change in changes:
                print(f"{change.path}: {change.marked(context=6)}")
            return EXIT_OK
        if action == "resolve":
            store.resolve(args.id, args.comment)
            print(f"Kommentar {args.comment} erledigt.")
            return EXIT_OK
        if action == "check":
            problems = store.check()
            for problem in problems:
                print(problem)
            if problems:
                _err(f"Die Historie der Bibliothek ist beschädigt ({len(problems)} Befunde).")
                return EXIT_REFUSED
            print(f"Bibliothek in Ordnung: {store.count()} Entwürfe, Hash-Kette geprüft.")
            return EXIT_OK
    if cmd == "submit":
        store.submit(args.id, args.cosign, args.due)
        print(f"Entwurf {args.id} ist jetzt „In Prüfung“.")
        return EXIT_OK
    if cmd in ("approve", "return"):
        if cmd == "approve":
            review = store.approve(args.id, args.version, args.comment)
        else:
            review = store.send_back(args.id, args.comment, args.version)
        print(f"Entwurf {args.id}: {STATE_LABELS[review.state]}.")
        if review.missing and cmd == "approve":
            print(f"Es fehlt noch die Mitzeichnung von: {', '.join(review.missing)}.")
        return EXIT_OK
    if cmd == "comment":
        comment_id = store.comment(args.id, args.text, args.field, args.reply_to)
        print(f"Kommentar {comment_id} zu Entwurf {args.id} gespeichert.")
        return EXIT_OK
    if cmd == "store" and args.store_command == "user":
        store.set_role(args.name, args.role)
        from pressdesk.store.workflow import ROLE_LABELS

        print(f"{args.name}: {ROLE_LABELS[args.role]}.")
        return EXIT_OK
    raise AssertionError(f"unhandled command {cmd}")


def _due(due: str) -> str:
    date, time = due.split(" ")
    y, m, d = date.split("-")
    return f"{d}.{m}.{y} {time}"


def _print_detail(store: Store, detail: DraftDetail) -> None:
    from pressdesk.store.api import local_time

    s = detail.summary
    print(s.state_label)
    print(f"Entwurf {s.id}: {s.headline}")
    if s.reference:
        print(f"Referenz: {s.reference}")
    print(f"Angelegt: {local_time(detail.created_at)} von {detail.created_by}")
    print(f"Aktuell: Version {s.current_version} ({detail.content_hash[:12]})")
    if s.due_at:
        print(f"Freigabe bis {_due(s.due_at)}")
    if detail.cosigners:
        missing = f" – es fehlt: {', '.join(detail.missing)}" if detail.missing else ""
        print(f"Mitzeichnung: {', '.join(detail.cosigners)}{missing}")
    print("Versionen:")
    for v in detail.versions:
        if v.kind == "conflict":
            what = f"Konflikt, beruht auf Version {v.base_number} (nicht übernommen)"
        else:
            what = _what_changed(store, s.id, v)
        print(
            f"  {v.number}\t{local_time(v.created_at)}\t{v.author}\t{what}\t{v.content_hash[:12]}"
        )
    if detail.reviews:
        print("Prüfungen:")
    for r in detail.reviews:
        what = "freigegeben" if r.decision == "approve" else "Änderungen erbeten"
        valid = "gilt" if r.valid else "erloschen"
        note = f"\t„{r.comment}“" if r.comment else ""
        print(
            f"  {r.reviewer}\t{what}\tVersion {r.version_number}\t"
            f"{local_time(r.created_at)}\t{valid}{note}"
        )
    if detail.comments:
        print("Kommentare:")
    for c in detail.comments:
        indent = "    " if c.parent_id else "  "
        where = f" zu {c.field_path} „{c.quote}“" if c.field_path else ""
        done = f" [erledigt von {c.resolved_by}]" if c.resolved_by else ""
        print(
            f"{indent}#{c.id} {c.author}, {local_time(c.created_at)}, Version "
            f"{c.version_number}{where}: {c.text}{done}"
        )


def _what_changed(store: Store, draft_id: int, version: VersionInfo) -> str:
    """„Text unverändert“, „Text geändert“, or for a change of formatting alone what
    `library diff` says („Formatierung geändert: „Serap Güler“ fett“)."""
    from pressdesk.store.diff import formatting_only

    if not version.changes_content:
        return "Text unverändert"
    base = version.base_number
    only = formatting_only(store.diff(draft_id, base, version.number)) if base else ""
    return only or "Text geändert"


def _history(store: Store, draft_id: int) -> int:
    from pressdesk.store.api import local_time
    from pressdesk.store.history import EVENT_LABELS

    for ev in store.history(draft_id):
        version = f" Version {ev.version_number}" if ev.version_number else ""
        extra = ev.data.get("comment")
        note = f" „{extra}“" if isinstance(extra, str) and extra else ""
        print(
            f"{ev.seq}\t{local_time(ev.at)}\t{ev.actor}\t{EVENT_LABELS.get(ev.kind, ev.kind)}"
            f"{version}{note}\t{ev.hash[:12]}"
        )
    return EXIT_OK
