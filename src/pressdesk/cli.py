"""The command line: a thin door to the core.

``pressdesk`` alone (or with a draft file) starts the desktop editor; the
sub-commands work without Qt, which is imported only inside the GUI command.
Exit codes: 0 fine, 1 the draft has errors, 2 the command could not run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pressdesk import __version__
from pressdesk.clitext import german_argparse, safe_streams, say
from pressdesk.model.fileio import shown
from pressdesk.model.files import (
    DRAFT_SUFFIX,
    DraftFileError,
    check_export_targets,
    load_draft,
    save_draft,
)

if TYPE_CHECKING:
    from pressdesk.profile import Profile

# The publishing and library commands' own modules (pressdesk.publish.cli.COMMANDS,
# pressdesk.store.cli.STORE_COMMANDS) are imported only when one of them runs or the whole
# help is built; an export does not pay for them. A test keeps these names in step.
PUBLISH_COMMANDS = ("publish", "preflight", "verify", "withdraw")
STORE_COMMANDS = ("library", "submit", "approve", "return", "comment", "store")
COMMANDS = ("validate", "new", "export", *PUBLISH_COMMANDS, *STORE_COMMANDS)

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_FAILURE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_FAILURE, f"pressdesk: Fehler: {message}\n")


def _err(message: str) -> None:
    say(f"pressdesk: {message}", file=sys.stderr)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, just that one of the core commands.

    ``pressdesk export`` parses with the export command alone: building the parsers of
    all library and publishing commands costs more than its whole argument handling.
    """
    parser = _Parser(
        prog="pressdesk",
        description="PressDesk – Pressemitteilungen entwerfen, prüfen und exportieren.",
        epilog="Ohne Befehl startet der Editor (optional mit einer Entwurfsdatei).",
    )
    parser.add_argument("--version", action="version", version=f"PressDesk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="Editor mit dem Beispiel öffnen, auf die Vorschau warten, beenden (Exit-Code 0)",
    )
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL")
    if only in (None, "validate"):
        _add_validate(sub)
    if only in (None, "new"):
        _add_new(sub)
    if only in (None, "export"):
        _add_export(sub)
    if only is None:
        from pressdesk.publish import cli as publish_cli
        from pressdesk.store.cli import add_store_parsers

        publish_cli.add_parsers(sub)
        add_store_parsers(sub)
    return parser


def _add_validate(sub: Any) -> None:
    p_validate = sub.add_parser("validate", help="Entwürfe gegen das Layout-Schema prüfen")
    p_validate.add_argument("files", nargs="+", metavar="DATEI", type=Path)
    p_validate.add_argument(
        "--profile", default="nrw", metavar="PROFIL", help="Hausstil-Profil (Standard: nrw)"
    )
    p_validate.add_argument(
        "--errors-only", action="store_true", help="nur Fehler ausgeben, keine Warnungen"
    )


def _add_new(sub: Any) -> None:
    p_new = sub.add_parser("new", help="neuen Entwurf anlegen")
    p_new.add_argument(
        "--sample", action="store_true", help="aus der Referenz-Presseinformation anlegen"
    )
    p_new.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path(f"entwurf{DRAFT_SUFFIX}"),
        help=f"Zieldatei (Standard: entwurf{DRAFT_SUFFIX})",
    )
    p_new.add_argument("--force", action="store_true", help="vorhandene Datei überschreiben")
    p_new.add_argument(
        "--profile", default="nrw", metavar="PROFIL", help="Hausstil-Profil (Standard: nrw)"
    )


def _add_export(sub: Any) -> None:
    p_export = sub.add_parser("export", help="Entwurf als PDF und/oder DOCX ausgeben")
    p_export.add_argument("draft", metavar="ENTWURF", type=Path)
    p_export.add_argument("--pdf", type=Path, metavar="DATEI.pdf")
    p_export.add_argument("--docx", type=Path, metavar="DATEI.docx")
    p_export.add_argument(
        "--profile", default="nrw", metavar="PROFIL", help="Hausstil-Profil (Standard: nrw)"
    )
    p_export.add_argument(
        "--draft",
        dest="final",
        action="store_false",
        help="mit Markierung ENTWURF auf jeder Seite (Standard, immer)",
    )
    p_export.add_argument(
        "--final",
        dest="final",
        action="store_true",
        help="gibt es nicht mehr: Endgültiges nur mit „pressdesk publish NR --out ORDNER“",
    )
    p_export.add_argument(
        "--untagged",
        action="store_true",
        help="PDF ohne Tags für Barrierefreiheit (nur für schnelle Korrekturabzüge)",
    )
    p_export.set_defaults(final=False)


def _load_profile(name: str) -> Profile | None:
    from pressdesk.profile import ProfileError, load_profile

    try:
        return load_profile(name)
    except ProfileError as exc:
        _err(str(exc))
        return None


def cmd_validate(args: argparse.Namespace) -> int:
    from pressdesk.validation import validate

    profile = _load_profile(args.profile)
    if profile is None:
        return EXIT_FAILURE
    worst = EXIT_OK
    for path in args.files:
        try:
            draft = load_draft(path)
        except DraftFileError as exc:
            say(f"{path}: {exc}")
            worst = EXIT_FAILURE
            continue
        problems = validate(draft, profile)
        for p in problems:
            if p.is_error or not args.errors_only:
                note = "" if p.is_error else " (Warnung)"
                say(f"{path}: {p.path}: {p.message}{note}")
        if any(p.is_error for p in problems):
            worst = max(worst, EXIT_PROBLEMS)
    return worst


def cmd_new(args: argparse.Namespace) -> int:
    from pressdesk.paths import reference_sample

    if args.output.exists() and not args.force:
        _err(f"{shown(args.output)} gibt es schon; mit --force überschreiben.")
        return EXIT_FAILURE
    if args.sample:
        draft = load_draft(reference_sample())
    else:
        profile = _load_profile(args.profile)
        if profile is None:
            return EXIT_FAILURE
        draft = profile.new_draft()
    try:
        save_draft(draft, args.output)
    except DraftFileError as exc:
        _err(str(exc))
        return EXIT_FAILURE
    say(f"Neuer Entwurf: {args.output}")
    return EXIT_OK


def _settle_heap() -> None:
    """Exempt what is loaded so far (modules, classes) from the cyclic garbage collector.

    A short command allocates on top of a large heap of imported modules; every full
    collection walks all of it again (30-50 ms of CPU in one export on the busy test
    machine, most of it while the hyphenation patterns are decoded). ``gc.freeze`` keeps
    those objects out of later collections; what the command itself allocates is
    still collected as usual. Only for the command line's own process.
    """
    import gc

    gc.freeze()


def cmd_export(args: argparse.Namespace) -> int:
    from pressdesk.export import ExportError
    from pressdesk.model.fileio import write_user_files
    from pressdesk.validation import validate

    _settle_heap()

    if args.final:
        _err(
            "„export --final“ gibt es nicht mehr: eine Datei ohne ENTWURF entsteht nur aus "
            "einer freigegebenen Fassung der Bibliothek, mit „pressdesk publish NR --out "
            "ORDNER“. „pressdesk export“ gibt immer einen Entwurf aus."
        )
        return EXIT_FAILURE
    if args.pdf is None and args.docx is None:
        _err("Bitte --pdf DATEI und/oder --docx DATEI angeben.")
        return EXIT_FAILURE
    outputs = [p for p in (args.pdf, args.docx) if p is not None]
    refused = check_export_targets(args.draft, outputs)
    if refused is not None:
        _err(refused)
        return EXIT_FAILURE
    try:
        draft = load_draft(args.draft)
    except DraftFileError as exc:
        _err(str(exc))
        return EXIT_FAILURE
    profile = _load_profile(args.profile)
    if profile is None:
        return EXIT_FAILURE
    errors = [p for p in validate(draft, profile) if p.is_error]
    if errors:
        _err(f"{shown(args.draft)} hat Fehler und wird nicht exportiert:")
        for p in errors:
            say(f"{args.draft}: {p.path}: {p.message}", file=sys.stderr)
        return EXIT_PROBLEMS
    files: list[tuple[Path, bytes]] = []
    lines: list[str] = []
    try:
        if args.pdf is not None:
            import importlib

            from pressdesk.export.pdf import render

            importlib.import_module("pressdesk.export.pdf.document")  # reportlab and the rest
            _settle_heap()
            rendered = render(draft, profile, final=False, tagged=not args.untagged)
            files.append((args.pdf, rendered.data))
            pages = f"{rendered.pages} Seite{'n' if rendered.pages != 1 else ''}"
            lines.append(f"PDF: {args.pdf} ({pages})")
        if args.docx is not None:
            from pressdesk.export.docx import render_docx

            files.append((args.docx, render_docx(draft, profile, final=False)))
            lines.append(f"DOCX: {args.docx}")
        write_user_files(files, ExportError)  # both files or neither
    except ExportError as exc:
        _err(str(exc))
        return EXIT_FAILURE
    for line in lines:
        say(line)
    return EXIT_OK


def cmd_gui(path: str | None, profile: str = "nrw", self_test: bool = False) -> int:
    try:
        from pressdesk.ui.app import run
    except ImportError as exc:
        _err(
            f"Der Editor braucht Qt (PySide6), das nicht installiert ist ({exc}). "
            "Installieren Sie PressDesk mit: pip install 'pressdesk[gui]'"
        )
        return EXIT_FAILURE
    return int(run(path, profile, self_test=self_test))


def main(argv: Sequence[str] | None = None) -> int:
    safe_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--self-test"]:  # the editor with the sample, until the preview shows
        return cmd_gui(None, self_test=True)
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        if len(argv) > 1:
            with german_argparse():
                build_parser().parse_args(argv)  # explains the unknown command
        return cmd_gui(argv[0] if argv else None)
    with german_argparse():
        core = argv[0] if argv[0] in ("validate", "new", "export") else None
        args = build_parser(core).parse_args(argv)
    if args.command in STORE_COMMANDS:
        from pressdesk.store.cli import run_store_command

        return run_store_command(args)
    handlers = {"validate": cmd_validate, "new": cmd_new, "export": cmd_export}
    if args.command in PUBLISH_COMMANDS:
        from pressdesk.publish import cli as publish_cli

        handlers.update(publish_cli.HANDLERS)
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
