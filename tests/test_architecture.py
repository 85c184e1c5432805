"""The layer rules of docs/architecture.md, checked by import-linter rather than by memory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from journey_editor.model import Journey
from journey_editor.store import save_journey

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_command_line_verbs_do_not_load_qt() -> None:
    code = (
        "import sys; from journey_editor.cli import main; main(['templates']);"
        "sys.exit(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert done.returncode == 0, "a headless verb imported Qt"


def test_reading_and_saving_a_file_does_not_load_sqlmodel(tmp_path: Path, sample: Journey) -> None:
    # Importing SQLModel (pydantic, SQLAlchemy) costs about 0.45 s of the editor's launch: the
    # store reads the generated store/tables.py, never store/schema.py.
    path = tmp_path / "sample.journey"
    save_journey(sample, path)
    code = """
import sys
from pathlib import Path
from journey_editor.store import read_journey, save_journey
save_journey(read_journey(Path(sys.argv[1])), Path(sys.argv[2]))
print(sorted({name.split(".")[0] for name in sys.modules} & {"sqlmodel", "sqlalchemy", "pydantic"}))
"""
    command = [sys.executable, "-c", code, str(path), str(tmp_path / "copy.journey")]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", "the store's runtime path imported " + done.stdout
