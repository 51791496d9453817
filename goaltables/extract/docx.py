"""Word documents (.docx) with python-docx: the document's XML walked in reading order.

python-docx's own `paragraph.text` and `table.cell()` are not enough for reports: they leave out
text inside tracked insertions and content controls, repeat a merged cell's text in every
place it covers, and know nothing of Word's automatic numbering. So this reader walks the XML:

- blocks in order: paragraphs, tables (also inside content controls and inside table cells:
  a nested table is a table of its own, and its text is not its parent cell's);
- text as accepted: tracked insertions kept, deletions and moved-away text dropped, comments
  ignored; a symbol-font bullet (Wingdings "l", `w:sym` F06C) read as ●;
- automatic numbering: the number Word prints ("1.", "2.1") computed from the paragraph's list
  and level, counted in reading order, and put before its text, so goal_no and measure_no are
  what the reader sees;
- merged cells: a vertical merge's continuation and the places a horizontal span covers are
  None, as pdfplumber gives them;
- colour: a ● run's colour ("● #00B050") or a cell's shading ("fill #FFC000");
- headings from heading styles (Heading/Otsikko/Rubrik n), the running header from the first
  section's header.

Tables then go through the same assembly as PDF tables (`extract/assemble.py`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from goaltables.errors import DamagedFile
from goaltables.extract.assemble import FlowAssembler
from goaltables.extract.build import extraction_from_grids
from goaltables.extract.metadata import describe
from goaltables.extract.options import ReadOptions
from goaltables.extract.ratings import (
    Legend,
    LegendEntry,
    coloured_entry,
    find_legend,
    merge_legend,
    nearest_status,
    verdict_status,
)
from goaltables.extract.tables import NO_BOX, Heading, RawTable, TableCell
from goaltables.extract.textio import collapse_spaces
from goaltables.extract.zips import check_zip
from goaltables.records import DocumentInfo, Extraction

_BALL = "●"


# Symbol-font characters that print a ball: Wingdings "l" (0x6C), Symbol bullet (0xB7).
_SYMBOL_BALLS = {("wingdings", "l"), ("wingdings", "\uf06c"), ("symbol", "\uf0b7"), ("symbol", "·")}
_SYM_BALLS = {"F06C", "006C", "F0B7", "00B7", "F09F", "F06E"}
_HEADING_STYLE = re.compile(r"^(?:heading|otsikko|rubrik)\s*(\d)$|^(title|otsikko|rubrik)$", re.I)


def read_docx_report(data: bytes, doc: DocumentInfo, options: ReadOptions) -> Extraction:
    """Records from a Word document."""
    document = open_docx(data, doc.source)
    reader = _DocxReader(document=document)
    reader.read()
    doc = _describe(doc, document, reader)
    legend = reader.legend or find_legend(reader.texts)
    return extraction_from_grids(doc, reader.grids, legend)


def open_docx(data: bytes, name: str) -> DocxDocument:
    """The document, after the zip is checked for what it would unpack to."""
    check_zip(data, name, "word/document.xml", "Word document")
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for broken parts
        raise DamagedFile(f"{name}: damaged Word document ({type(error).__name__})") from None


# --- numbering -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    fmt: str  # decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none
    text: str  # "%1." "%1.%2" ...


class Numbering:
    """Word's automatic numbering: the printed label of each numbered paragraph, counted in
    reading order per list, deeper levels restarting when a shallower one counts on."""

    def __init__(self, document: DocxDocument) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.style_numbering = _style_numbering(document)
        try:
            root = document.part.numbering_part.element
        except (KeyError, ValueError, NotImplementedError, AttributeError):
            return  # no numbering part, or a damaged one: paragraphs keep their own text
        abstract = {
            a.get(qn("w:abstractNumId")): _levels(a) for a in root.findall(qn("w:abstractNum"))
        }
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}))
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                if start is not None and ilvl in levels:
                    levels[ilvl] = replace(levels[ilvl], start=int(start.get(qn("w:val"), "1")))
            self.levels[num.get(qn("w:numId"), "")] = levels

    def label(self, paragraph: Any) -> str:
        """The number Word prints before the paragraph, '' when it prints none."""
        num_id, ilvl = self._list_of(paragraph)
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or levels[ilvl].fmt in ("bullet", "none"):
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        return re.sub(
            r"%(\d)",
            lambda m: self._format(levels, counters, int(m.group(1)) - 1),
            levels[ilvl].text,
        )

    def _list_of(self, paragraph: Any) -> tuple[str, int]:
        num_pr = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is None:
            style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            return self.style_numbering.get(
                style.get(qn("w:val")) if style is not None else "", ("", 0)
            )
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        return (
            num_id.get(qn("w:val"), "") if num_id is not None else "",
            int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0,
        )

    @staticmethod
    def _format(levels: dict[int, _Level], counters: dict[int, int], ilvl: int) -> str:
        value = counters.get(ilvl, levels[ilvl].start if ilvl in levels else 1)
        fmt = levels[ilvl].fmt if ilvl in levels else "decimal"
        if fmt == "lowerLetter":
            return chr(ord("a") + value - 1)
        if fmt == "upperLetter":
            return chr(ord("A") + value - 1)
        if fmt in ("lowerRoman", "upperRoman"):
            roman = _roman(value)
            return roman if fmt == "upperRoman" else roman.lower()
        return str(value)


def _levels(abstract: Any) -> dict[int, _Level]:
    levels = {}
    for lvl in abstract.findall(qn("w:lvl")):
        start, fmt, text = (
            lvl.find(qn("w:start")),
            lvl.find(qn("w:numFmt")),
            lvl.find(qn("w:lvlText")),
        )
        levels[int(lvl.get(qn("w:ilvl"), "0"))] = _Level(
            int(start.get(qn("w:val"), "1")) if start is not None else 1,
            fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
            text.get(qn("w:val"), "") if text is not None else "",
        )
    return levels


def _style_numbering(document: DocxDocument) -> dict[str, tuple[str, int]]:
    """Paragraph styles that carry a list (a "List Number" style)."""
    found = {}
    for style in document.styles.element.findall(qn("w:style")):
        num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        num_id = num_pr.find(qn("w:numId")) if num_pr is not None else None
        if num_id is not None:
            ilvl = num_pr.find(qn("w:ilvl")) if num_pr is not None else None
            level = int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
            found[style.get(qn("w:styleId"), "")] = (num_id.get(qn("w:val"), ""), level)
    return found


def _roman(value: int) -> str:
    numerals = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = ""
    for number, letters in numerals:
        while value >= number:
            out, value = out + letters, value - number
    return out


# --- text -----------------------------------------------------------------------------------

_SKIPPED = {qn("w:del"), qn("w:moveFrom")}


@dataclass
class _Text:
    text: str
    ball_colours: tuple[str, ...] = ()  # the colour of each ● in the text, in order
    bold: bool = False  # every run with text is set bold (directly, not through a style)

    @property
    def ball_colour(self) -> str:
        return self.ball_colours[0] if self.ball_colours else ""


def paragraph_text(paragraph: Any) -> _Text:
    """A paragraph's text as accepted (insertions kept, deletions dropped), balls coloured."""
    parts: list[str] = []
    colours: list[str] = []
    weights: list[bool] = []
    for run in paragraph.iter(qn("w:r")):
        if _inside_skipped(run, paragraph):
            continue
        text = _run_text(run)
        if _BALL in text:
            colours += [_run_colour(run)] * text.count(_BALL)
        if text.strip():
            weights.append(_run_bold(run))
        parts.append(text)
    return _Text("".join(parts), tuple(colours), bool(weights) and all(weights))


def _run_bold(run: Any) -> bool:
    bold = run.find(f"{qn('w:rPr')}/{qn('w:b')}")
    return bold is not None and bold.get(qn("w:val"), "true") not in ("0", "false", "off")


def _inside_skipped(element: Any, stop: Any) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _SKIPPED:
            return True
        parent = parent.getparent()
    return False


def _run_text(run: Any) -> str:
    font = _run_font(run)
    out = []
    for child in run:
        if child.tag == qn("w:t"):
            text = child.text or ""
            out.append("".join(_BALL if (font, ch) in _SYMBOL_BALLS else ch for ch in text))
        elif child.tag == qn("w:tab"):
            out.append(" ")
        elif child.tag in (qn("w:br"), qn("w:cr")):
            out.append("\n")
        elif child.tag == qn("w:sym"):
            out.append(_BALL if child.get(qn("w:char"), "").upper() in _SYM_BALLS else "")
    return "".join(out)


def _run_font(run: Any) -> str:
    fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    if fonts is None:
        return ""
    name = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi")) or ""
    return name.casefold().split()[0] if name else ""


def _run_colour(run: Any) -> str:
    colour = run.find(f"{qn('w:rPr')}/{qn('w:color')}")
    value = colour.get(qn("w:val"), "") if colour is not None else ""
    return f"#{value.upper()}" if re.fullmatch(r"[0-9A-Fa-f]{6}", value) else ""


# --- walking the document --------------------------------------------------------------------


@dataclass
class _DocxReader(FlowAssembler):
    document: DocxDocument | None = None
    texts: list[str] = field(default_factory=list)  # every paragraph, for the legend and title
    legend: Legend | None = None
    style_names: dict[str, str] = field(default_factory=dict)
    order: int = 0

    def __post_init__(self) -> None:
        assert self.document is not None
        self.numbering = Numbering(self.document)
        self.style_names = {s.style_id: s.name or "" for s in self.document.styles}

    def read(self) -> None:
        assert self.document is not None
        self._read_blocks(self.document.element.body)
        self.close_band()

    def _read_blocks(self, container: Any) -> None:
        for element in _blocks(container):
            if element.tag == qn("w:p"):
                self._read_paragraph(element)
            else:
                self._read_table(element)

    def _read_paragraph(self, element: Any) -> None:
        label = self.numbering.label(element)
        text = paragraph_text(element)
        line = collapse_spaces(f"{label} {text.text}" if label else text.text)
        if not line:
            return
        self.texts.append(line)
        self.order += 1
        level = self._heading_level(element)
        if level is not None:
            self.headings.append(Heading(line, 0, float(self.order), (10.0 - level, False, False)))
        if text.ball_colour:
            self._legend_line(line, text.ball_colours)

    def _heading_level(self, element: Any) -> int | None:
        style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        name = self.style_names.get(style.get(qn("w:val"), ""), "") if style is not None else ""
        match = _HEADING_STYLE.match(name.strip())
        if match:
            return int(match.group(1)) if match.group(1) else 0
        outline = element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        return int(outline.get(qn("w:val"), "9")) + 1 if outline is not None else None

    def _legend_line(self, line: str, colours: tuple[str, ...]) -> None:
        """A legend line's entries, each after its ball: "● 2 = tavoite toteutui", "● Målet
        uppnås", or several on one line ("● toteutunut ● osittain ● ei toteutunut")."""
        words = line.split(_BALL)[1:] if len(colours) > 1 else [line.replace(_BALL, " ")]
        for text, colour in zip(words, colours, strict=False):
            entry = coloured_entry(text.strip(), colour)
            if entry:
                self.legend = merge_legend(self.legend, [entry]) or Legend((entry,))

    def _read_table(self, element: Any) -> None:
        rows, nested = self._table_rows(element)
        self.order += 1
        self._take_rows(rows)
        for inner in nested:
            self._read_table(inner)

    def _take_rows(self, rows: list[list[TableCell | None]]) -> None:
        """A table of colour swatches is the legend; any other table may be a goal table."""
        swatches = _swatch_legend(rows)
        if swatches and self.legend is None:
            self.legend = swatches
        else:
            self.take_table(RawTable(0, NO_BOX, "docx", rows))

    def _table_rows(self, element: Any) -> tuple[list[list[TableCell | None]], list[Any]]:
        rows: list[list[TableCell | None]] = []
        nested: list[Any] = []
        for tr in _children(element, "w:tr"):
            row: list[TableCell | None] = []
            before = tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
            row += [None] * (int(before.get(qn("w:val"), "0")) if before is not None else 0)
            for tc in _children(tr, "w:tc"):
                span = _span(tc)
                row.append(None if _continues_merge(tc) else self._cell(tc, nested))
                row += [None] * (span - 1)
            rows.append(row)
        return rows, nested

    def _cell(self, tc: Any, nested: list[Any]) -> TableCell:
        lines, colour, weights = [], "", []
        for element in _blocks(tc):
            if element.tag == qn("w:tbl"):
                nested.append(element)  # a table of its own, read after this one
                continue
            label = self.numbering.label(element)
            paragraph = paragraph_text(element)
            colour = colour or paragraph.ball_colour
            lines.append(f"{label} {paragraph.text}" if label else paragraph.text)
            if paragraph.text.strip():
                weights.append(paragraph.bold)
        text = "\n".join(lines).strip()
        bold = bool(weights) and all(weights)
        if colour:
            return TableCell(text.replace(_BALL, "").strip(), NO_BOX, f"● {colour}", bold)
        fill = _shading(tc)
        shown = f"fill {fill}" if fill and nearest_status(fill[1:]) else ""
        return TableCell(text, NO_BOX, shown, bold)


def _swatch_legend(rows: list[list[TableCell | None]]) -> Legend | None:
    """A legend printed as a table: a shaded empty cell beside the words it stands for
    (the long report's reading guide)."""
    entries = []
    for row in rows:
        cells = [c for c in row if c is not None]
        swatch = next((c for c in cells if c.colour.startswith("fill") and not c.text), None)
        words = " ".join(c.text for c in cells if c.text)
        status = verdict_status(words)
        if swatch is None or not status:
            return None
        entries.append(LegendEntry("", collapse_spaces(words), status, swatch.colour.split()[1]))
    return Legend(tuple(entries)) if len(entries) >= 2 else None


def _blocks(container: Any) -> Iterator[Any]:
    """Paragraphs and tables in reading order, looking into content controls and custom XML."""
    for child in container:
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)
        elif child.tag == qn("w:customXml"):
            yield from _blocks(child)


def _children(element: Any, tag: str) -> Iterator[Any]:
    """Direct children with the tag, also those wrapped in content controls."""
    for child in element:
        if child.tag == qn(tag):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _children(content, tag)


def _span(tc: Any) -> int:
    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"), "1")) if span is not None else 1


def _continues_merge(tc: Any) -> bool:
    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and merge.get(qn("w:val"), "continue") != "restart"


def _shading(tc: Any) -> str:
    shading = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    fill = shading.get(qn("w:fill"), "") if shading is not None else ""
    return f"#{fill.upper()}" if re.fullmatch(r"[0-9A-Fa-f]{6}", fill) else ""


def _describe(doc: DocumentInfo, document: DocxDocument, reader: _DocxReader) -> DocumentInfo:
    """From the running header and the first lines; the file's core properties only when the
    text says nothing (they are often left from a template)."""
    header = _running_header(document)
    core = document.core_properties
    properties = [core.title or "", core.subject or ""]
    lines = [*header, *reader.texts[:15], *properties]
    text = "\n".join([*header, *reader.texts])
    return describe(doc, "docx", lines, text, header or None, properties[0], [core.author or ""])


def _running_header(document: DocxDocument) -> list[str]:
    lines = []
    for section in document.sections[:1]:
        for paragraph in section.header.paragraphs:
            text = collapse_spaces(paragraph_text(paragraph._p).text)
            if text:
                lines.append(text)
    return lines


@dataclass
class _TableLister(_DocxReader):
    """Every table of the document in reading order, goal table or not (`goaltables tables`)."""

    found: list[RawTable] = field(default_factory=list)

    def _take_rows(self, rows: list[list[TableCell | None]]) -> None:
        self.found.append(RawTable(0, NO_BOX, "docx", rows))


def list_docx_tables(data: bytes, name: str) -> list[RawTable]:
    """Every table of a Word document, nested ones after the table holding them."""
    lister = _TableLister(document=open_docx(data, name))
    lister.read()
    return lister.found
