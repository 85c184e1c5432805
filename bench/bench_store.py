"""Store speed against its floors. Run: .venv/bin/python bench/bench_store.py

Floors (issue: foundation): a map of 2,000 cards opens from its file into the model within
0.25 s; one edit is committed to disk within 10 ms on a map of 100 or of 20,000 cards.
Prints the median of several runs and its ratio to the floor (below 1.0 is within it).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generated_maps import map_with_cards

from journey_editor.model import move_cards, update_card
from journey_editor.store import read_journey, save_journey
from journey_editor.store.sessions import WorkingFolder

OPEN_FLOOR_S = 0.25
COMMIT_FLOOR_S = 0.010


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(what: str, seconds: float, floor: float) -> None:
    verdict = "within" if seconds <= floor else "OVER"
    print(
        f"{what:<48} {seconds * 1000:8.2f} ms  floor {floor * 1000:6.1f} ms  "
        f"ratio {seconds / floor:5.2f}  {verdict}"
    )


def bench_commits(folder: Path, count: int) -> None:
    """What the editor does after each edit: commit it to the working copy, note it."""
    journey = map_with_cards(count)
    session = WorkingFolder(folder / f"data-{count}").start(journey, None, "Untitled")
    card_ids = list(journey.cards)
    numbers = iter(range(10_000))

    def one_edit() -> None:
        number = next(numbers)
        update_card(journey, card_ids[number % len(card_ids)], title=f"Edited {number}")
        session.record_edit(journey, number, True)

    def one_move() -> None:
        number = next(numbers)
        card = journey.cards[card_ids[number % len(card_ids)]]
        move_cards(journey, [card.id], journey.stages[number % 3].id, card.lane_id, 0)
        session.record_edit(journey, number, True)

    per_cell = count / (len(journey.stages) * len(journey.lanes))
    report(f"commit a title edit, {count:,}-card map", median_seconds(one_edit, 50), COMMIT_FLOOR_S)
    report(
        f"move a card and commit, {count:,} cards (~{per_cell:.0f}/cell)",
        median_seconds(one_move, 50),
        COMMIT_FLOOR_S,
    )
    target = folder / f"saved-{count}.journey"
    seconds = median_seconds(lambda: session.save(journey, target), 5)
    print(f"{f'save it (VACUUM INTO, backup of the last), {count:,} cards':<48} "
          f"{seconds * 1000:8.2f} ms")
    session.end()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "2000.journey"
        save_journey(map_with_cards(2_000), path)
        size = path.stat().st_size
        seconds = median_seconds(lambda: read_journey(path), runs=7)
        report(
            f"open a 2,000-card map ({size / 1024:.0f} KiB) into the model", seconds, OPEN_FLOOR_S
        )

        for count in (100, 20_000):
            bench_commits(Path(folder), count)

        command = [sys.executable, "-m", "journey_editor", "info", str(path)]
        seconds = median_seconds(
            lambda: subprocess.run(command, check=True, capture_output=True), 5
        )
        print(f"{'whole `journey-editor info` on it, with imports':<48} {seconds * 1000:8.2f} ms")


if __name__ == "__main__":
    main()
