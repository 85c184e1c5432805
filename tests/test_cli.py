"""The command line, as a script or a person would use it; every bad input: one line, exit 2."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from journey_editor import __version__
from journey_editor.cli import main
from journey_editor.interop.templates import TEMPLATES
from journey_editor.store.schema import APPLICATION_ID, SCHEMA_VERSION


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main([str(a) for a in arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_installed_command_and_the_module_both_answer() -> None:
    for command in (
        [str(Path(sys.executable).with_name("journey-editor")), "--version"],
        [sys.executable, "-m", "journey_editor", "--version"],
    ):
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        assert (done.returncode, done.stdout.strip()) == (0, f"journey-editor {__version__}")


def test_templates_are_listed_one_line_each(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "templates")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == list(TEMPLATES)


def test_new_then_info_lists_the_stages_in_order(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.journey"
    assert run(capsys, "new", path, "--template", "four-stages")[0] == 0
    code, out, _ = run(capsys, "info", path, "--json")
    info = json.loads(out)
    assert code == 0
    assert [s["name"] for s in info["stages"]] == [
        "Awareness",
        "Consideration",
        "Decision",
        "Retention",
    ]
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    assert connection.execute("PRAGMA user_version").fetchone()[0] >= 1
    connection.close()


def test_info_for_people(tmp_path: Path, capsys) -> None:
    path = tmp_path / "s.journey"
    run(capsys, "new", path, "--template", "sample")
    code, out, _ = run(capsys, "info", path)
    assert code == 0
    assert "Persona:  Maya" in out and "1. Awareness" in out and "Cards:    60" in out


def test_json_round_trip_gives_identical_bytes(tmp_path: Path, capsys) -> None:
    s, a, b, b_json = (tmp_path / n for n in ("s.journey", "a.json", "b.journey", "b.json"))
    for arguments in (
        ("new", s, "--template", "sample"),
        ("export", s, "-o", a),
        ("import", a, "-o", b),
        ("export", b, "-o", b_json),
    ):
        assert run(capsys, *arguments)[0] == 0, arguments
    assert a.read_bytes() == b_json.read_bytes()


def test_check_exits_0_when_sound_and_1_with_findings(tmp_path: Path, capsys) -> None:
    sound, empty = tmp_path / "s.journey", tmp_path / "e.journey"
    run(capsys, "new", sound, "--template", "sample")
    run(capsys, "new", empty, "--template", "four-stages")
    assert run(capsys, "check", sound)[0] == 0
    code, out, _ = run(capsys, "check", empty)
    assert code == 1 and "stage 'Awareness' has no cards" in out


def _not_sqlite(path: Path) -> None:
    path.write_text("just some notes\n")


def _other_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (x)")
    connection.commit()
    connection.close()


def _newer_journey(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    connection.execute("CREATE TABLE future (x)")
    connection.commit()
    connection.close()


BAD_INPUTS: dict[str, tuple[Callable[[Path], object] | None, str]] = {
    "missing": (None, "no such file"),
    "folder": (Path.mkdir, "is a folder, not a file"),
    "not sqlite": (_not_sqlite, "not a .journey file (not a SQLite database)"),
    "other sqlite": (_other_sqlite, "a SQLite database, but not a .journey file"),
    "newer": (
        _newer_journey,
        "written by a newer Journey Editor (file format 2; this version reads up to 1)",
    ),
}


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    return {str(p): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("bad", list(BAD_INPUTS))
@pytest.mark.parametrize(
    "verb", [["info"], ["info", "--json"], ["check"], ["export", "-o", "out.json"], []]
)
def test_bad_files_get_one_line_exit_2_and_nothing_written(
    tmp_path: Path, capsys, monkeypatch, verb: list[str], bad: str
) -> None:
    make, message = BAD_INPUTS[bad]
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "given.journey"
    if make is not None:
        make(path)
    before = _snapshot(tmp_path)
    arguments = [*verb[:1], str(path), *verb[1:]]
    code, out, err = run(capsys, *arguments)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"journey-editor: {path}: {message}")
    assert "Traceback" not in out + err
    assert _snapshot(tmp_path) == before


def test_import_of_bad_json_names_the_line(tmp_path: Path, capsys) -> None:
    source = tmp_path / "in.json"
    source.write_text('{"title": "T",\n  "stages": [}\n')
    code, _, err = run(capsys, "import", source, "-o", tmp_path / "out.journey")
    assert code == 2
    assert err.startswith(f"journey-editor: {source}: not valid JSON (line 2")
    assert not (tmp_path / "out.journey").exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["new", "{tmp}/nowhere/a.journey"], "the folder {tmp}/nowhere does not exist"),
        (["new", "{tmp}/a.txt"], "a map is saved as a .journey file"),
        (["new", "{tmp}/a.journey", "--template", "poster"], "no template named 'poster'"),
        (
            ["export", "{tmp}/s.journey", "-o", "{tmp}/nowhere/a.json"],
            "folder {tmp}/nowhere does not",
        ),
        (["export", "{tmp}/s.journey", "-o", "{tmp}/a.docx"], "cannot export to '.docx'"),
        (["export", "{tmp}/s.journey", "-o", "{tmp}/a.pdf", "--page", "B5"], "got 'B5'"),
        (["export", "{tmp}/s.journey", "-o", "{tmp}/a.png", "--dpi", "5"], "between 24 and 600"),
        (["export", "{tmp}/s.journey", "-o", "{tmp}/a.pdf", "--layout", "cube"], "invalid choice"),
        (["export", "{tmp}/s.journey", "-o", "{tmp}/a.png", "--dpi", "lots"], "invalid float"),
        (["export", "{tmp}/s.journey", "-o", "{tmp}/" + "a" * 300 + ".pdf"], "File name too long"),
        (["import", "{tmp}/in.json", "-o", "{tmp}/nowhere/b.journey"], "folder {tmp}/nowhere does"),
        (["import", "{tmp}/in.txt", "-o", "{tmp}/b.journey"], "cannot import from '.txt'"),
        (["import", "{tmp}/in.json", "-o", "{tmp}/s.journey"], "already exists (add --force"),
        (["info"], "the following arguments are required: FILE"),
        (["frobnicate.journey", "--size", "huge"], "'huge' is not a size such as 1600x1000"),
        (["--colour"], "unrecognized arguments: --colour"),
        (["{tmp}/s.journey", "--screenshot", "{tmp}/nowhere/x.png"], "folder {tmp}/nowhere does"),
    ],
)
def test_bad_command_lines_get_one_line_and_write_nothing(
    tmp_path: Path, capsys, arguments: list[str], message: str
) -> None:
    main(["new", str(tmp_path / "s.journey"), "--template", "sample"])
    main(["export", str(tmp_path / "s.journey"), "-o", str(tmp_path / "in.json")])
    capsys.readouterr()
    before = _snapshot(tmp_path)
    code, _, err = run(capsys, *(a.format(tmp=tmp_path) for a in arguments))
    assert code == 2
    assert err.count("\n") == 1 and message.format(tmp=tmp_path) in err
    assert _snapshot(tmp_path) == before


def test_cards_and_mermaid_go_out_and_come_back(tmp_path: Path, capsys) -> None:
    sample = tmp_path / "s.journey"
    run(capsys, "new", sample, "--template", "sample")
    for suffix in (".csv", ".mmd"):
        text = tmp_path / f"studio{suffix}"
        back = tmp_path / f"back-{suffix[1:]}.journey"
        assert run(capsys, "export", sample, "-o", text)[0] == 0
        assert run(capsys, "import", text, "-o", back)[0] == 0
        code, out, _ = run(capsys, "info", back, "--json")
        info = json.loads(out)
        assert code == 0
        assert [s["name"] for s in info["stages"]] == [
            "Awareness", "Consideration", "Trial", "Purchase", "First VAT return", "Renewal"
        ]
    csv_info = json.loads(run(capsys, "info", tmp_path / "back-csv.journey", "--json")[1])
    assert csv_info["title"] == "studio"  # a spreadsheet has no title: the file's name
    assert csv_info["cards"] == 60


def test_a_mermaid_score_out_of_range_names_its_line(tmp_path: Path, capsys) -> None:
    source = tmp_path / "day.mmd"
    source.write_text("journey\n  title My day\n  section Morning\n    Make tea: 5: Me\n"
                      "    Miss the bus: 7: Me\n")
    code, _, err = run(capsys, "import", source, "-o", tmp_path / "day.journey")
    assert code == 2
    assert err.startswith(f"journey-editor: {source}: line 5")
    assert err.count("\n") == 1
    assert not (tmp_path / "day.journey").exists()


@pytest.mark.parametrize(("name", "title"), [(" ", "Imported map"), ("x" * 210, "x" * 200)])
def test_a_csv_s_name_titles_its_map_within_the_limits(
    tmp_path: Path, capsys, name: str, title: str
) -> None:
    source = tmp_path / f"{name}.csv"
    source.write_text("stage,lane,title\nUse,Actions,Opens the app\n")
    assert run(capsys, "import", source, "-o", tmp_path / "out.journey")[0] == 0
    info = json.loads(run(capsys, "info", tmp_path / "out.journey", "--json")[1])
    assert info["title"] == title


def test_every_export_of_the_done_when_list_works(tmp_path: Path, capsys) -> None:
    sample = tmp_path / "sample.journey"
    run(capsys, "new", sample, "--template", "sample")
    exports = {
        "map.pdf": [], "blueprint.pdf": ["--layout", "blueprint"], "poster.pdf": ["--page", "tile"],
        "map.svg": [], "map.csv": [], "map.mmd": [], "a4.pdf": ["--page", "a4"],
        "blueprint.svg": ["--layout", "blueprint", "--no-emotion-line"],
    }
    for name, options in exports.items():
        code, _, err = run(capsys, "export", sample, "-o", tmp_path / name, *options)
        assert code == 0, name
        if name == "a4.pdf":  # the whole sample on A4 is small print, and the user is told
            assert err.startswith("journey-editor: note: on A4 the map's text is only 3.7 pt")
        else:
            assert err == "", name
    assert (tmp_path / "map.pdf").read_bytes().startswith(b"%PDF-")
    assert b"<svg" in (tmp_path / "map.svg").read_bytes()[:400]
    assert (tmp_path / "map.csv").read_text(encoding="utf-8").startswith("stage,lane,")
    assert (tmp_path / "map.mmd").read_text(encoding="utf-8").startswith("journey")


def test_a_png_is_drawn_by_a_fresh_process_with_no_display(tmp_path: Path, capsys) -> None:
    sample = tmp_path / "sample.journey"
    run(capsys, "new", sample, "--template", "sample")
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    command = [str(Path(sys.executable).with_name("journey-editor")), "export", str(sample),
               "-o", str(tmp_path / "map.png"), "--dpi", "48"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False,
                          env=environment)
    assert (done.returncode, done.stderr) == (0, "")
    header = (tmp_path / "map.png").read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
    assert (width, height) == (935, 1283)  # the sample's 1870 × 2566 map pixels at half size


def test_a_name_near_the_file_system_s_limit_is_written(tmp_path: Path, capsys) -> None:
    sample = tmp_path / "s.journey"
    run(capsys, "new", sample, "--template", "sample")
    long_name = "地図" * 40 + ".csv"  # 244 bytes of the 255 a name may have
    assert run(capsys, "export", sample, "-o", tmp_path / long_name) == (0, "", "")
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([long_name, "s.journey"])


def test_a_file_name_with_a_line_break_still_gets_one_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "client\nnotes  v2.journey"  # the two spaces are the name's own
    _not_sqlite(path)
    for arguments in (["info", path], ["check", path], ["export", path, "-o", "x\ny.pdf"]):
        code, _, err = run(capsys, *arguments)
        assert code == 2 and err.count("\n") == 1, err
        assert "client notes  v2.journey: not a .journey file" in err
