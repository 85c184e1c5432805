"""The SVG painter: a document that always parses, text that stays text, shapes as drawn."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journey_editor.export.drawing import Box, Circle, Cubic, Path, Pen, Sheet, Text
from journey_editor.export.files import ExportCancelled
from journey_editor.export.svg import svg_document
from journey_editor.layout import DEFAULT_FONTS, FontRole, FontSpec, Point, Rect

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = (
    "<script>alert(1)</script>",
    "&amp; &lt; & ;",
    "]]> <![CDATA[ x ]]>",
    "\"double\" and 'single' quotes",
    "bell\x07 escape\x1b null\x00 vertical tab\x0b form feed\x0c",
    '<img src="/etc/hostname">',
    "<?xml-stylesheet href='x'?><!-- comment --><!DOCTYPE x [<!ENTITY e 'boom'>]>&e;",
    "  leading, two  inside, trailing  ",
    "tab\there, carriage return\rhere",
)


def xml_chars(text: str) -> str:
    """``text`` without what XML 1.0's Char production leaves out."""
    return "".join(
        c
        for c in text
        if c in "\t\n\r"
        or "\x20" <= c <= "\ud7ff"
        or "\ue000" <= c <= "\ufffd"
        or c >= "\U00010000"
    )


def parsed(sheet: Sheet) -> ET.Element:
    # Parsed from UTF-8 bytes, as the file is written: a lone surrogate would fail here.
    return ET.fromstring(svg_document(sheet).encode("utf-8"))


def sheet_of(*shapes: Box | Circle | Path | Text) -> Sheet:
    return Sheet(640, 480, "#F5F7FA", list(shapes))


def only(root: ET.Element, tag: str) -> ET.Element:
    (element,) = root.iter(SVG + tag)
    return element


def test_size_viewbox_and_background() -> None:
    root = parsed(Sheet(1870.5, 570, "#FAFBFC"))
    assert root.tag == SVG + "svg"
    assert (root.get("width"), root.get("height")) == ("1870.5px", "570px")
    assert root.get("viewBox") == "0 0 1870.5 570"
    background = only(root, "rect")
    assert (background.get("width"), background.get("height")) == ("1870.5", "570")
    assert background.get("fill") == "#FAFBFC"


def test_hostile_text_is_text_and_nothing_else() -> None:
    sheet = sheet_of(
        *(
            Text(text, FontRole.CARD_BODY, 10, 20 + 15 * n, "#1C2733")
            for n, text in enumerate(HOSTILE)
        )
    )
    root = parsed(sheet)
    assert {element.tag for element in root.iter()} == {
        SVG + t for t in ("svg", "style", "rect", "text")
    }
    texts = list(root.iter(SVG + "text"))
    assert [element.text or "" for element in texts] == [xml_chars(text) for text in HOSTILE]
    assert all(len(element) == 0 for element in texts)
    assert texts[4].text == "bell escape null vertical tab form feed"
    assert texts[8].text == "tab\there, carriage return\rhere"


def test_text_has_its_role_font_and_keeps_spaces() -> None:
    root = parsed(sheet_of(Text("Ünïcode  日本", FontRole.CARD_TITLE, 12.25, 40, "#1C2733")))
    text = only(root, "text")
    assert (text.get("x"), text.get("y"), text.get("fill")) == ("12.25", "40", "#1C2733")
    assert text.get("class") == "card_title"
    style = only(root, "style").text or ""
    rule = next(line for line in style.splitlines() if line.startswith(".card_title{"))
    assert '"DejaVu Sans","Noto Sans CJK JP","IPAGothic",sans-serif' in rule
    assert "font-size:15px" in rule and "font-weight:bold" in rule
    assert root.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert "white-space:pre" in style


def test_a_hostile_family_name_stays_inside_its_css_string() -> None:
    fonts = dict(DEFAULT_FONTS)
    fonts[FontRole.CAPTION] = FontSpec('x"}</style><a>\x00', 12)
    root = ET.fromstring(svg_document(Sheet(10, 10), fonts).encode())
    assert {element.tag for element in root.iter()} == {SVG + t for t in ("svg", "style", "rect")}
    style = only(root, "style").text or ""
    assert '.caption{font-family:"x\\22 \\7D \\3C \\2F style\\3E \\3C a\\3E \\0 ",' in style


def test_boxes_dashes_opacity_and_rounded_corners() -> None:
    card = Box(Rect(10, 20, 200, 80.126), "#FFF8E6", Pen("#C77700", 1.2), radius=6)
    dashed = Box(Rect(0, 0, 50, 50), None, Pen("#3F46A880", 2, dash=(6, 3)))
    shade = Box(Rect(5, 5, 5, 5), "#C8372D2E")
    root = parsed(sheet_of(card, dashed, shade))
    _, first, second, third = root.iter(SVG + "rect")
    assert first.attrib == {
        "x": "10",
        "y": "20",
        "width": "200",
        "height": "80.13",
        "rx": "6",
        "fill": "#FFF8E6",
        "stroke": "#C77700",
        "stroke-width": "1.2",
    }
    assert second.get("fill") == "none"
    assert second.get("stroke-dasharray") == "6,3"
    assert second.get("stroke-opacity") == "0.502"
    assert second.get("rx") is None
    assert (third.get("fill"), third.get("fill-opacity")) == ("#C8372D", "0.18")
    assert third.get("stroke") is None


def test_paths_with_curves_round_caps_and_circles() -> None:
    curve = Path(
        Point(0, 100),
        (Cubic(Point(10, 0), Point(20, 200), Point(30, 100)), Point(40, 90.5)),
        pen=Pen("#3F46A8", 3, round_cap=True),
    )
    closed = Path(Point(0, 0), (Point(10, 0), Point(10, 10)), fill="#C8372D", closed=True)
    dot = Circle(Point(50, 60), 7, "#FFFFFF", Pen("#238940", 2))
    root = parsed(sheet_of(curve, closed, dot))
    open_path, closed_path = root.iter(SVG + "path")
    assert open_path.get("d") == "M0 100C10 0 20 200 30 100L40 90.5"
    assert open_path.get("fill") == "none"
    assert (open_path.get("stroke-linecap"), open_path.get("stroke-linejoin")) == ("round", "round")
    assert closed_path.get("d") == "M0 0L10 0L10 10Z"
    assert closed_path.get("fill") == "#C8372D"
    circle = only(root, "circle")
    assert (circle.get("cx"), circle.get("cy"), circle.get("r")) == ("50", "60", "7")
    assert circle.get("stroke") == "#238940"


def test_a_bad_colour_is_refused() -> None:
    with pytest.raises(ValueError, match="colour"):
        svg_document(sheet_of(Box(Rect(0, 0, 1, 1), 'red" onload="x')))


@given(st.text() | st.text(st.characters(exclude_categories=())))
def test_any_text_comes_back_as_itself_less_what_xml_forbids(text: str) -> None:
    root = parsed(sheet_of(Text(text, FontRole.CARD_BODY, 0, 10, "#000000")))
    assert (only(root, "text").text or "") == xml_chars(text)


def test_progress_is_told_and_can_cancel() -> None:
    shapes = [Text(f"card {n}", FontRole.CARD_BODY, 0, n, "#000000") for n in range(9000)]
    shares: list[float] = []
    svg_document(
        Sheet(100, 9000, shapes=shapes), progress=lambda share: shares.append(share) or True
    )
    assert len(shares) >= 4
    assert shares == sorted(shares) and shares[0] >= 0 and shares[-1] < 1

    def stop_at_half(share: float) -> bool:
        return share < 0.5

    with pytest.raises(ExportCancelled):
        svg_document(Sheet(100, 9000, shapes=shapes), progress=stop_at_half)
