"""Export speed against its floors. Run: .venv/bin/python bench/bench_export.py

Floors (the issue's): a 2,000-card map exports to PDF within 1 s, and to SVG or PNG within
1 s, on this 2-core machine, from the model to the finished file (layout with the export
fonts, shapes, painting, writing). Prints the median of a few runs and its ratio to the
floor (below 1.0 is within it); lines without a floor are for information.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from bench_canvas import info, wide_map
from bench_store import median_seconds, report
from generated_maps import map_with_cards

from journey_editor.export.files import ExportOptions, MapLayout, PageSize, export_journey
from journey_editor.model import Journey

RUNS = 5
FLOOR = 1.0


def seconds_to_export(journey: Journey, target: Path, options: ExportOptions) -> float:
    return median_seconds(lambda: export_journey(journey, target, options), RUNS)


def main() -> None:
    journey = map_with_cards(2000)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        export_journey(journey, out / "warm.svg")  # fonts registered, Qt started
        export_journey(journey, out / "warm.png")
        for name, options in (
            ("map.pdf", ExportOptions()),
            ("map.svg", ExportOptions()),
            ("map.png", ExportOptions()),
        ):
            seconds = seconds_to_export(journey, out / name, options)
            report(f"2,000 cards to {name}", seconds, FLOOR)
        for name, options in (
            ("poster.pdf", ExportOptions(page=PageSize.TILE)),
            ("blueprint.pdf", ExportOptions(layout=MapLayout.BLUEPRINT)),
            ("map-300dpi.png", ExportOptions(dpi=300)),
        ):
            try:
                info(f"2,000 cards to {name}", seconds_to_export(journey, out / name, options))
            except Exception as error:  # a map too big for the format is worth a line too
                print(f"2,000 cards to {name}: {error}")
        # The same cards over twelve stages: a map about twice as wide and a third as tall,
        # 67 megapixels as a PNG where the six-stage one has 107.
        wide = wide_map(2000, stages=12)
        for name in ("wide.pdf", "wide.svg", "wide.png"):
            info(f"2,000 cards on 12 stages to {name}",
                 seconds_to_export(wide, out / name, ExportOptions()))
        for name in ("map.pdf", "poster.pdf", "map.svg", "map.png"):
            print(f"{name:<48} {(out / name).stat().st_size / 1e6:8.2f} MB")


if __name__ == "__main__":
    main()
