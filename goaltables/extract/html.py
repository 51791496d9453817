"""Web pages (.html) with lxml: goal tables as a city's web system or a report tool prints them.

The page is walked in reading order: headings (h1-h6) and paragraphs for titles, areas and the
legend; tables with `rowspan` and `colspan` expanded (the places a span covers are None, as for
merged cells elsewhere), `<br>`, `<p>` and list items inside a cell read as line breaks.
Colour shows as an inline SVG circle (`<circle fill="#00B050">`), a round element with a
background colour (`border-radius` and `background:#00B050`), a coloured ● character, or a
cell's background (`bgcolor`, `background-color`). lxml's HTML parser reads no external
entities and fetches nothing.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any

import lxml.html

from goaltables.errors import DamagedFile
from goaltables.extract.assemble import FlowAssembler
from goaltables.extract.build import extraction_from_grids
from goaltables.extract.metadata import describe
from goaltables.extract.options import ReadOptions
from goaltables.extract.ratings import (
    Legend,
    coloured_entry,
    find_legend,
    merge_legend,
    nearest_status,
)
from goaltables.extract.tables import NO_BOX, Heading, RawTable, TableCell
from goaltables.extract.textio import collapse_spaces, decode_text
from goaltables.records import DocumentInfo, Extraction

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = {"p", "div", "li", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"}
_HEX = re.compile(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*(#[0-9a-fA-F]{3,6})", re.I)
_COLOUR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{3,6})", re.I)
_BALL = "●"


def read_html_report(data: bytes, doc: DocumentInfo, options: ReadOptions) -> Extraction:
    """Records from a web page."""
    try:
        root = lxml.html.document_fromstring(decode_html(data, doc.source))
    except (lxml.etree.ParserError, ValueError) as error:
        raise DamagedFile(f"{doc.source}: not a readable web page ({error})") from None
    reader = _HtmlReader()
    body = root.find("body")
    reader.read(body if body is not None else root)
    reader.close_band()
    title = collapse_spaces(root.findtext(".//title") or "")
    doc = _describe(doc, title, reader)
    legend = reader.legend or find_legend(reader.texts)
    return extraction_from_grids(doc, reader.grids, legend)


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Charsets a web page may declare, by Python's codec name: UTF and the byte charsets of the
# WHATWG list. Any other codec is refused: Python also names codecs that are no text
# encoding, and `punycode` decodes in quadratic time (one page spun for 300 s, issue 17).
_WEB_CHARSETS = frozenset(
    {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "ascii", "koi8-r", "koi8-u", "mac-roman"}
    | {f"cp{n}" for n in (437, 850, 866, 874, *range(1250, 1259))}
    | {f"iso8859-{n}" for n in (*range(1, 11), 13, 14, 15, 16)}
    | {"big5", "gb2312", "gbk", "gb18030", "shift_jis", "euc_jp", "euc_kr", "iso2022_jp"}
)


def _web_charset(declared: str) -> str | None:
    """The codec of a declared charset when it is a text encoding pages use, else None."""
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    return name if name in _WEB_CHARSETS else None


def decode_html(data: bytes, name: str) -> str:
    """The page's text: in the charset it declares, else as detected like any text export
    (lxml alone would take an undeclared page for Latin-1)."""
    declared = _META_CHARSET.search(data[:4096])
    charset = _web_charset(declared.group(1).decode("ascii")) if declared else None
    if charset:
        try:
            return _XML_DECLARATION.sub("", data.decode(charset))
        except UnicodeDecodeError:
            pass  # a wrong declaration: detect instead
    return _XML_DECLARATION.sub("", decode_text(data, name).text)


@dataclass
class _HtmlReader(FlowAssembler):
    texts: list[str] = field(default_factory=list)
    legend: Legend | None = None

    def read(self, element: Any) -> None:
        for child in element.iterchildren():
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "table":
                self.take_table(RawTable(0, NO_BOX, "html", table_rows(child)))
            elif tag in _HEADINGS or tag == "p":
                self._read_text_block(child, _HEADINGS.get(tag))
            elif tag:
                self.read(child)

    def _read_text_block(self, element: Any, level: int | None) -> None:
        text = collapse_spaces(cell_text(element))
        if not text:
            return
        self.texts.append(text)
        if level is not None:
            order = float(len(self.texts))  # its place in reading order among the texts
            self.headings.append(Heading(text, 0, order, (10.0 - level, False, False)))
        entries = [
            e for colour, words in keyed_segments(element) if (e := coloured_entry(words, colour))
        ]
        if len(entries) >= 2 or (entries and self.legend):
            self.legend = merge_legend(self.legend, entries)


def list_html_tables(data: bytes, name: str) -> list[RawTable]:
    """Every table of a web page in document order, nested ones after the table holding them."""
    try:
        root = lxml.html.document_fromstring(decode_html(data, name))
    except (lxml.etree.ParserError, ValueError) as error:
        raise DamagedFile(f"{name}: not a readable web page ({error})") from None
    return [RawTable(0, NO_BOX, "html", table_rows(t)) for t in root.iter("table")]


def table_rows(table: Any) -> list[list[TableCell | None]]:
    """The table's rows with row and column spans expanded; covered places are None."""
    grid: dict[tuple[int, int], TableCell | None] = {}
    rows = [tr for tr in table.iter("tr") if _table_of(tr) is table]
    for r, tr in enumerate(rows):
        c = 0
        for cell in (ch for ch in tr if ch.tag in ("td", "th")):
            while (r, c) in grid:
                c += 1
            rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = _table_cell(cell) if (dr, dc) == (0, 0) else None
            c += colspan
    width = max((c for _, c in grid), default=-1) + 1
    return [[grid.get((r, c)) for c in range(width)] for r in range(len(rows))]


def _table_of(tr: Any) -> Any:
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _span(cell: Any, attribute: str) -> int:
    value = cell.get(attribute, "1")
    return max(1, min(int(value), 1000)) if value.strip().isdigit() else 1


def cell_text(element: Any) -> str:
    """An element's text with line breaks where blocks and <br> break it."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style", "svg"):
            if node.tail:
                parts.append(node.tail)
            return
        if tag in _BLOCKS:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if tag in _BLOCKS and tag != "br":
            parts.append("\n")
        if node.tail and node is not element:
            parts.append(node.tail)

    walk(element)
    return "\n".join(line.strip() for line in "".join(parts).split("\n") if line.strip())


def _table_cell(cell: Any) -> TableCell:
    text = cell_text(cell)
    bold = bool(text) and _is_bold(cell)
    ball = _ball_colour(cell)
    if ball:
        return TableCell(text.replace(_BALL, "").strip(), NO_BOX, f"● {ball}", bold)
    fill = _fill(cell)
    shown = f"fill {fill}" if fill and nearest_status(fill[1:]) else ""
    return TableCell(text, NO_BOX, shown, bold)


_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)


def _is_bold(cell: Any) -> bool:
    """A header cell, or one whose every text is inside <b>, <strong> or a bold style."""
    if cell.tag == "th" or _BOLD_STYLE.search(cell.get("style", "")):
        return True
    bold_text = "".join(cell_text(e) for e in cell.iter("b", "strong"))
    styled = "".join(
        cell_text(e) for e in cell.iter() if _BOLD_STYLE.search(e.get("style", "") or "")
    )
    plain = re.sub(r"\s+", "", cell_text(cell))
    return bool(plain) and plain in (re.sub(r"\s+", "", bold_text), re.sub(r"\s+", "", styled))


def _ball_colour(element: Any) -> str:
    """The colour of the first ball in the element: an SVG circle, a round coloured element,
    or a coloured ● character."""
    for node in element.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        local = tag.rsplit("}", 1)[-1]
        style = node.get("style", "") if tag else ""
        if local in ("circle", "ellipse"):
            colour = node.get("fill", "") or _css(style, "fill")
            if colour:
                return _normal_hex(colour)
        if _is_marker(node, style) and (match := _BACKGROUND.search(style)):
            return _normal_hex(match.group(1))
        if _BALL in (node.text or "") and (colour := _text_colour(node, style)):
            return colour
    return ""


def _text_colour(node: Any, style: str) -> str:
    """A text colour from CSS or from the `<font color>` that office programs still write."""
    match = _COLOUR.search(style)
    return (
        _normal_hex(match.group(1) if match else node.get("color", ""))
        if match or node.get("color")
        else ""
    )


def _is_marker(node: Any, style: str) -> bool:
    """A drawn dot: rounded inline, or an empty element whose only content is its background
    (the round shape may come from a CSS class: `.dot { border-radius: 50% }`)."""
    return "border-radius" in style or not "".join(node.itertext()).strip()


def keyed_segments(element: Any) -> list[tuple[str, str]]:
    """A legend line cut at its colour keys: [(colour, the words after it), ...]."""
    segments: list[tuple[str, list[str]]] = []

    def add(text: str | None) -> None:
        if text and segments:
            segments[-1][1].append(text)

    def walk(node: Any, top: bool) -> None:
        key = _key_colour(node)
        if key:
            segments.append((key, []))  # a key's own content (a circle, a "●") is not words
        else:
            add(node.text)
            for child in node:
                walk(child, False)
        if not top:
            add(node.tail)

    walk(element, True)
    return [
        (colour, words) for colour, parts in segments if (words := collapse_spaces("".join(parts)))
    ]


def _key_colour(node: Any) -> str:
    """The colour when the node itself is a colour key: an SVG, a round coloured element, or a
    coloured ●."""
    tag = node.tag.rsplit("}", 1)[-1] if isinstance(node.tag, str) else ""
    style = node.get("style", "") if tag else ""
    if tag == "svg":
        return _ball_colour(node)
    if _is_marker(node, style) and (match := _BACKGROUND.search(style)):
        return _normal_hex(match.group(1))
    if (node.text or "").strip() == _BALL:
        return _text_colour(node, style)
    return ""


def _fill(cell: Any) -> str:
    colour = cell.get("bgcolor", "")
    match = _BACKGROUND.search(cell.get("style", ""))
    return _normal_hex(match.group(1) if match else colour) if (match or colour) else ""


def _css(style: str, name: str) -> str:
    match = re.search(rf"(?<![-\w]){name}\s*:\s*(#[0-9a-fA-F]{{3,6}})", style, re.I)
    return match.group(1) if match else ""


def _normal_hex(colour: str) -> str:
    match = _HEX.search(colour)
    if not match:
        return ""
    value = match.group(1)
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    return f"#{value.upper()}"


def _describe(doc: DocumentInfo, title: str, reader: _HtmlReader) -> DocumentInfo:
    first_heading = [h.text for h in reader.headings[:1]]
    lines = [title, *reader.texts[:15]]
    return describe(
        doc, "html", lines, "\n".join(lines + reader.texts), first_heading or None, title
    )
