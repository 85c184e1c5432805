"""The PDF export: every card's text in it, in any script; markup shown as text; pages."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from strategies import journeys

from journey_editor.export import fonts as export_fonts
from journey_editor.export.files import (
    ExportCancelled,
    ExportOptions,
    PageSize,
    export_journey,
)
from journey_editor.layout import FontRole
from journey_editor.model import CardKind, Journey, LaneKind, add_card, add_lane, add_stage

SCRIPTS = {
    "greek": "Η κράτηση απέτυχε στο τελευταίο βήμα",
    "cyrillic": "Клиент не нашёл кнопку оплаты",
    "accented": "Crème brûlée: façade, naïve, Ångström, Øresund, Łódź, İstanbul",
    "japanese": "予約の確認メールが届かない",
}
HOSTILE = [
    '<img src="/etc/hostname"/> after the image',
    "<font color='red' size=40>big red</font>",
    '<a href="https://example.invalid/steal">click here</a>',
    "<b>unbalanced <i>tags</b> & an &amp; entity <para>",
    "]]> %PDF-1.4 endobj (parentheses) \\ backslash",
]


def squeezed(text: str) -> str:
    """Text without whitespace: lines wrap at spaces, and extraction joins them differently."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path, pages: slice = slice(None)) -> str:
    """The text in the order it was drawn, so a card's wrapped lines follow each other."""
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text(use_text_flow=True) or "" for page in pdf.pages[pages])


def with_cards(journey: Journey, titles: list[str], body: str = "") -> Journey:
    stage, lane = journey.stages[0], journey.lanes[0]
    for title in titles:
        add_card(journey, CardKind.NOTE, stage.id, lane.id, title, body=body)
    return journey


def test_every_card_title_of_the_sample_is_in_the_pdf(sample: Journey, tmp_path: Path) -> None:
    target = tmp_path / "map.pdf"
    report = export_journey(sample, target)
    assert report.pages >= 5 and report.notes == []
    everything = squeezed(pdf_text(target))
    first_page = squeezed(pdf_text(target, slice(0, 1)))
    for card in sample.cards.values():
        assert squeezed(card.title) in everything, card.title
        if len(card.title) < 60:  # short titles are never cut on the map itself
            assert squeezed(card.title) in first_page, card.title
    for stage in sample.stages:
        assert squeezed(stage.name) in first_page


def test_titles_in_greek_cyrillic_accented_latin_and_japanese(
    sample: Journey, tmp_path: Path
) -> None:
    target = tmp_path / "scripts.pdf"
    report = export_journey(with_cards(sample, list(SCRIPTS.values())), target)
    text = squeezed(pdf_text(target))
    has_cjk_font = bool(export_fonts._fallback_paths())
    for name, title in SCRIPTS.items():
        if name == "japanese" and not has_cjk_font:
            continue
        assert squeezed(title) in text, name
    assert report.notes == ([] if has_cjk_font else report.notes)
    with pdfplumber.open(target) as pdf:
        fonts = {char["fontname"] for page in pdf.pages for char in page.chars}
    # Every font is an embedded subset of a TrueType file: none of the 14 standard fonts.
    assert fonts and all("+" in font for font in fonts), fonts


def test_without_a_cjk_font_the_report_names_the_characters(
    sample: Journey, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_fonts, "_fallback_paths", lambda: ())
    report = export_journey(with_cards(sample, [SCRIPTS["japanese"]]), tmp_path / "m.pdf")
    japanese = sorted(set(SCRIPTS["japanese"]))
    assert report.notes == [
        f"{len(japanese)} characters are in none of the fonts the export uses (DejaVuSans) "
        f"and may show as boxes: " + " ".join(f"{c} (U+{ord(c):04X})" for c in japanese[:8])
        + "; for Chinese, Japanese or Korean, install fonts-ipafont-gothic or "
        "fonts-droid-fallback"
    ]


def test_markup_in_cards_is_shown_as_text_and_embeds_nothing(
    sample: Journey, tmp_path: Path
) -> None:
    journey = with_cards(sample, HOSTILE, body='<img src="/etc/hostname"/>')
    journey.persona.name = '<img src="/etc/hostname"/>'
    journey.title = "<font size=80>Map</font>"
    target = tmp_path / "hostile.pdf"
    export_journey(journey, target)
    text = squeezed(pdf_text(target))
    for title in HOSTILE:
        assert squeezed(title) in text, title
    assert squeezed('<img src="/etc/hostname"/>') in text
    with pdfplumber.open(target) as pdf:
        assert all(not page.images for page in pdf.pages)
        assert all(not page.hyperlinks for page in pdf.pages)
    raw = target.read_bytes()
    assert b"/XObject" not in raw and b"/Subtype /Image" not in raw and b"/URI" not in raw


def page_sizes(path: Path) -> list[tuple[int, int]]:
    with pdfplumber.open(path) as pdf:
        return [(round(page.width), round(page.height)) for page in pdf.pages]


A4_LANDSCAPE, A4_PORTRAIT = (842, 595), (595, 842)


def test_named_page_size_holds_the_whole_map(sample: Journey, tmp_path: Path) -> None:
    target = tmp_path / "a3.pdf"
    export_journey(sample, target, ExportOptions(page=PageSize.A3))
    first, *details = page_sizes(target)
    assert sorted(first) == [842, 1191]  # A3, turned to the map's shape
    assert all(size == A4_PORTRAIT for size in details)


def test_fit_picks_the_smallest_page_that_keeps_the_map_readable(
    sample: Journey, tmp_path: Path
) -> None:
    small = Journey(title="Small")
    for name in ("One", "Two"):
        add_stage(small, name)
    add_lane(small, "Actions", LaneKind.ACTIONS)
    export_journey(small, tmp_path / "small.pdf")
    assert page_sizes(tmp_path / "small.pdf")[0] == A4_LANDSCAPE
    export_journey(sample, tmp_path / "sample.pdf")
    assert sorted(page_sizes(tmp_path / "sample.pdf")[0]) == [1191, 1684]  # A2


def test_a_poster_is_an_assembly_page_then_overlapping_a4_tiles(
    sample: Journey, tmp_path: Path
) -> None:
    target = tmp_path / "poster.pdf"
    report = export_journey(sample, target, ExportOptions(page=PageSize.TILE))
    sizes = page_sizes(target)
    with pdfplumber.open(target) as pdf:
        labels = [page.extract_text(use_text_flow=True) or "" for page in pdf.pages]
    tiles = [index for index, text in enumerate(labels) if "Trim along the marks" in text]
    assert tiles and tiles == list(range(1, 1 + len(tiles)))
    assert all(sizes[index] == A4_LANDSCAPE for index in tiles)
    assert "Tile A1: row 1 of" in labels[1]
    assert report.pages == len(sizes)
    # Each card's title is on some tile (tiles overlap, so some are on two).
    on_tiles = squeezed("".join(labels[index] for index in tiles))
    for card in sample.cards.values():
        words = card.title.split()
        assert squeezed(" ".join(words[:2])) in on_tiles, card.title


def test_a_cancelled_export_leaves_the_target_as_it_was(
    sample: Journey, tmp_path: Path
) -> None:
    target = tmp_path / "map.pdf"
    target.write_bytes(b"the old file")
    calls: list[float] = []

    def stop_half_way(share: float) -> bool:
        calls.append(share)
        return share < 0.5

    with pytest.raises(ExportCancelled):
        export_journey(sample, target, ExportOptions(page=PageSize.TILE), stop_half_way)
    assert target.read_bytes() == b"the old file"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["map.pdf"]
    assert calls == sorted(calls)


def test_every_character_of_every_card_is_in_the_pdf_even_past_the_map_s_four_lines(
    sample: Journey, tmp_path: Path
) -> None:
    """The map shows four lines of a body; the index of cards holds all of every card."""
    body = " ".join(f"word{number}" for number in range(121))
    journey = with_cards(sample, ["A card with a long body"], body=body)
    card = next(card for card in journey.cards.values() if card.title.startswith("A card with"))
    card.owner, card.actors = "Research team", ["Maya", "Accountant"]
    target = tmp_path / "long.pdf"
    export_journey(journey, target)
    text = squeezed(pdf_text(target))
    assert squeezed(body) in text
    assert squeezed("owner: Research team") in text and squeezed("actors: Maya, Accountant") in text
    for sample_card in sample.cards.values():
        assert squeezed(sample_card.body) in text, sample_card.title
        for evidence in sample_card.evidence:
            assert squeezed(evidence.summary) in text


def test_characters_that_show_nothing_are_left_out_as_on_screen(
    sample: Journey, tmp_path: Path
) -> None:
    """A soft hyphen, direction isolates from a chat app, a bell: nothing to draw, no note."""
    title = "Kunden\u00adzufriedenheit \u2066sinkt\u2069 \x07heute"
    target = tmp_path / "invisible.pdf"
    report = export_journey(with_cards(sample, [title]), target)
    assert report.notes == []
    assert "Kundenzufriedenheitsinktheute" in squeezed(pdf_text(target))


def test_hebrew_and_arabic_read_right_to_left_and_arabic_letters_join(
    sample: Journey, tmp_path: Path
) -> None:
    """A PDF draws glyphs left to right: the first letter typed must be the rightmost."""
    hebrew, arabic = "שלום עולם", "مرحبا بالعالم"
    target = tmp_path / "rtl.pdf"
    export_journey(with_cards(sample, [hebrew, arabic]), target)
    with pdfplumber.open(target) as pdf:
        chars = [char for char in pdf.pages[0].chars]
    first, last = ([c for c in chars if c["text"] == letter] for letter in ("ש", "ם"))
    assert first and last and first[0]["x0"] > last[0]["x0"]
    joined = {c["text"] for c in chars}
    # Joined Arabic letters are drawn from their contextual forms (Arabic Presentation Forms-B).
    assert any(0xFE70 <= ord(text) <= 0xFEFF for text in joined)


@settings(max_examples=12, deadline=None)
@given(journey=journeys())
def test_any_map_exports_and_its_pdf_holds_every_card_title(
    journey: Journey, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Every character some font here has; right-to-left titles are left to their own test
    (a PDF holds them in visual order)."""
    target = tmp_path_factory.mktemp("any") / "map.pdf"
    report = export_journey(journey, target)
    fonts = export_fonts.ExportFonts()
    drawable = set().union(*(face.characters for face in (
        fonts.main_face(FontRole.CARD_TITLE), *fonts.fallbacks)))
    # A character no font has is drawn as the missing-glyph box, which reads back as NUL.
    # Readers of PDF text turn ligatures and the like into plain letters ("ﬀ" into "ff").
    text = squeezed(unicodedata.normalize("NFKC", pdf_text(target).replace("\x00", "")))
    for card in journey.cards.values():
        if any(unicodedata.bidirectional(c) in ("R", "AL") for c in card.title):
            continue
        if any(ord(c) > 0xFFFF for c in card.title):
            continue  # reportlab's text map misreads these (docs/exports.md): drawn, not copied
        visible = "".join(c for c in card.title if c.isprintable() and ord(c) in drawable)
        assert squeezed(unicodedata.normalize("NFKC", visible)) in text, card.title
        missing = {c for c in card.title if c.isprintable() and not c.isspace()} - {
            chr(code) for code in drawable}
        assert not missing or report.notes, missing
