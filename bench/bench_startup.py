"""Launch to first complete frame, against its floor. Run: .venv/bin/python bench/bench_startup.py

Floor (issue: canvas): with a 2,000-card map, the window shows its first complete frame
within 1.2 s of launch. Measured from outside: the whole `journey-editor MAP --screenshot`
run, which starts Python, imports, opens the file, lays out, waits for the first paint,
then also saves the PNG and exits; so the figure is an upper bound of launch-to-frame.
Also prints what the GUI path imports, heaviest first, to show where the time goes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_store import median_seconds, report
from generated_maps import map_with_cards

from journey_editor.store import save_journey

FIRST_FRAME_FLOOR_S = 1.2


def heaviest_imports(path: Path, shot: Path, environment: dict[str, str]) -> list[str]:
    command = [sys.executable, "-X", "importtime", "-m", "journey_editor", str(path),
               "--screenshot", str(shot)]
    finished = subprocess.run(command, env=environment, capture_output=True, text=True,
                              check=True)
    timed = []
    for line in finished.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|(\s*)(\S+)", line)
        if match and len(match.group(2)) <= 2:  # top-level imports only
            timed.append((int(match.group(1)), match.group(3)))
    return [f"{micros / 1000:7.1f} ms  {name}" for micros, name in sorted(timed)[-8:][::-1]]


def main() -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM",
                                                                   "offscreen")}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "2000.journey"
        shot = Path(folder) / "shot.png"
        save_journey(map_with_cards(2_000), path)
        command = [sys.executable, "-m", "journey_editor", str(path), "--screenshot", str(shot)]
        subprocess.run(command, env=environment, check=True, capture_output=True)  # warm caches
        seconds = median_seconds(
            lambda: subprocess.run(command, env=environment, check=True, capture_output=True), 5
        )
        report(f"launch to first frame, 2,000 cards ({environment['QT_QPA_PLATFORM']})",
               seconds, FIRST_FRAME_FLOOR_S)
        print("heaviest top-level imports on the way:")
        for line in heaviest_imports(path, shot, environment):
            print("  " + line)


if __name__ == "__main__":
    main()
