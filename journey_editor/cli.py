"""The command line: the editor when given no verb, and headless verbs for scripts.

Every failure a user can cause (a bad path, a stranger's file, a wrong option) ends in one
line on stderr and exit status 2, with nothing written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TypeVar

from journey_editor import __version__
from journey_editor.model import JourneyError
from journey_editor.model.errors import on_one_line

PROGRAM = "journey-editor"
EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2

T = TypeVar("T")


class UsageError(Exception):
    """A command line that cannot be carried out; the message is one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] in VERBS:
            options = _verb_parser().parse_args(arguments)
            return int(options.run(options))
        return _open_editor(_editor_parser().parse_args(arguments))
    except UsageError as error:
        return _fail(str(error))
    except JourneyError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130


def _fail(message: str) -> int:
    print(f"{PROGRAM}: {on_one_line(message)}", file=sys.stderr)
    return EXIT_UNUSABLE


def _about_file(path: Path, action: Callable[[], T]) -> T:
    """Run ``action``; a JourneyError it raises is reported against ``path``."""
    try:
        return action()
    except JourneyError as error:
        if str(error).startswith(("cannot write", str(path))):
            raise
        raise JourneyError(f"{path}: {error}") from None


# The editor ------------------------------------------------------------------------------


def _editor_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROGRAM,
        description="Journey Editor: customer journey maps and service blueprints, offline.",
        epilog=(
            "verbs (each has --help): templates, new, info, export, import, check. "
            "With no FILE the editor opens a new copy of the sample map."
        ),
    )
    parser.add_argument("file", nargs="?", type=Path, help="the .journey file to open")
    parser.add_argument("--version", action="version", version=f"{PROGRAM} {__version__}")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="OUT.png",
        help="save the window as a person sees it to OUT.png, then exit",
    )
    parser.add_argument(
        "--size", type=_window_size, metavar="WxH", help="window size, such as 1600x1000"
    )
    return parser


def _window_size(text: str) -> tuple[int, int]:
    width, separator, height = text.lower().partition("x")
    if separator and width.isdigit() and height.isdigit():
        size = (int(width), int(height))
        if all(200 <= side <= 10_000 for side in size):
            return size
    raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1600x1000")


def _open_editor(options: argparse.Namespace) -> int:
    from journey_editor.interop.opening import read_map
    from journey_editor.interop.templates import load_template

    source: Path | None = options.file
    if source is None:
        journey, name = load_template("sample"), "Sample map"
    else:
        journey, name = _about_file(source, lambda: read_map(source)), None
    if options.screenshot is not None:
        _check_output_folder(options.screenshot)
    from journey_editor.ui.app import run_editor  # Qt only when a window is wanted

    return run_editor(
        journey, source, screenshot=options.screenshot, size=options.size, name=name
    )


# Verbs -----------------------------------------------------------------------------------


def _verb_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROGRAM)
    verbs = parser.add_subparsers(required=True, metavar="VERB", parser_class=_Parser)

    templates = verbs.add_parser("templates", help="list the built-in templates")
    templates.set_defaults(run=_templates)

    new = verbs.add_parser("new", help="a new map from a template")
    new.add_argument("output", type=Path, metavar="OUT.journey")
    new.add_argument("--template", default="four-stages", metavar="NAME")
    new.add_argument("--force", action="store_true", help="replace OUT.journey if it exists")
    new.set_defaults(run=_new)

    info = verbs.add_parser("info", help="what a map holds")
    info.add_argument("file", type=Path, metavar="FILE")
    info.add_argument("--json", action="store_true", help="as JSON, for scripts")
    info.set_defaults(run=_info)

    export = verbs.add_parser("export", help="write a map in another format")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUT",
        help="OUT.pdf (the map, persona, stages, opportunities, index), OUT.png, OUT.svg "
        "(the map as a picture), OUT.json (the whole map), OUT.csv (its cards), "
        "OUT.mmd (a Mermaid journey)",
    )
    export.add_argument(
        "--layout", choices=("journey", "blueprint"), default="journey",
        help="PDF, PNG and SVG: the journey grid, or the service blueprint's zones",
    )
    export.add_argument(
        "--page", default="fit", metavar="SIZE",
        help="PDF: fit (the smallest page that keeps the map readable), tile (a poster of A4 "
        "pages), or A4, A3, A2, A1, A0, letter, tabloid",
    )
    export.add_argument("--dpi", type=float, default=96.0, help="PNG: pixels per inch (96)")
    export.add_argument(
        "--no-emotion-line", action="store_true",
        help="blueprint: leave out the emotions lanes",
    )
    export.set_defaults(run=_export)

    import_ = verbs.add_parser("import", help="make a map from another format")
    import_.add_argument(
        "input", type=Path, metavar="IN",
        help="IN.json (a whole map), IN.csv (cards by stage and lane), IN.mmd (a Mermaid journey)",
    )
    import_.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.journey")
    import_.add_argument("--force", action="store_true", help="replace OUT.journey if it exists")
    import_.set_defaults(run=_import)

    check = verbs.add_parser("check", help="exit 0 when sound, 1 with findings, 2 if unusable")
    check.add_argument("file", type=Path, metavar="FILE")
    check.set_defaults(run=_check)
    return parser


VERBS = ("templates", "new", "info", "export", "import", "check")


def _templates(options: argparse.Namespace) -> int:
    from journey_editor.interop.templates import TEMPLATES

    width = max(map(len, TEMPLATES))
    for name, summary in TEMPLATES.items():
        print(f"{name:<{width}}  {summary}")
    return EXIT_OK


def _new(options: argparse.Namespace) -> int:
    from journey_editor.interop.templates import load_template
    from journey_editor.store import save_journey

    journey = load_template(options.template)
    _check_journey_output(options.output, options.force)
    save_journey(journey, options.output)
    return EXIT_OK


def _info(options: argparse.Namespace) -> int:
    from journey_editor.interop.summary import summary_lines, summary_of
    from journey_editor.store import read_journey

    journey = _about_file(options.file, lambda: read_journey(options.file))
    if options.json:
        print(json.dumps(summary_of(journey), indent=2, ensure_ascii=False))
    else:
        print("\n".join(summary_lines(journey)))
    return EXIT_OK


def _export(options: argparse.Namespace) -> int:
    from journey_editor.export.files import (
        ExportOptions,
        MapLayout,
        PageSize,
        export_journey,
        export_suffixes,
    )
    from journey_editor.store import read_journey

    _check_suffix(options.output, set(export_suffixes()), "export to")
    _check_output_folder(options.output)
    export_options = ExportOptions(
        layout=MapLayout(options.layout),
        page=PageSize.parse(options.page),
        dpi=options.dpi,
        emotion_line=not options.no_emotion_line,
    )
    journey = _about_file(options.file, lambda: read_journey(options.file))
    report = export_journey(journey, options.output, export_options)
    for note in report.notes:
        print(f"{PROGRAM}: note: {note}", file=sys.stderr)
    return EXIT_OK


def _import(options: argparse.Namespace) -> int:
    from journey_editor.interop.text_forms import READERS, reader_for
    from journey_editor.store import save_journey
    from journey_editor.store.journey_file import read_text_file

    _check_suffix(options.input, set(READERS), "import from")
    _check_journey_output(options.output, options.force)
    read = reader_for(options.input)
    journey = _about_file(
        options.input, lambda: read(read_text_file(options.input), options.input.stem)
    )
    save_journey(journey, options.output)
    return EXIT_OK


def _check(options: argparse.Namespace) -> int:
    from journey_editor.model.health import health_findings
    from journey_editor.store import read_journey

    journey = _about_file(options.file, lambda: read_journey(options.file))
    findings = health_findings(journey)
    for finding in findings:
        print(f"{options.file}: {finding}")
    if not findings:
        print(f"{options.file}: sound, no findings")
    return EXIT_FINDINGS if findings else EXIT_OK


# Checks made before any work, so a refused command writes nothing -------------------------


def _check_suffix(path: Path, allowed: set[str], action: str) -> None:
    if path.suffix.lower() not in allowed:
        known = ", ".join(sorted(allowed))
        raise UsageError(f"{path}: cannot {action} '{path.suffix or path.name}' (known: {known})")


def _check_output_folder(path: Path) -> None:
    from journey_editor.store.atomic import check_writable_target

    check_writable_target(path)


def _check_journey_output(path: Path, force: bool) -> None:
    from journey_editor.store import SUFFIX

    if path.suffix.lower() != SUFFIX:
        raise UsageError(f"{path}: a map is saved as a {SUFFIX} file")
    _check_output_folder(path)
    if path.exists() and not force:
        raise UsageError(f"{path} already exists (add --force to replace it)")
