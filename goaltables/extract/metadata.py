"""What a document says about itself: its title, year and phase (plan, interim, outcome)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from goaltables.extract.ratings import verdict_status
from goaltables.extract.vocabulary import vocabulary
from goaltables.records import DocumentInfo, Phase

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
# Later phases win when a title names several: "talousarvion toteutuminen" reports an outcome.
_PHASE_PRECEDENCE: tuple[Phase, ...] = ("interim", "outcome", "plan")
# "1.1.–31.8.2023", "1.1–30.6.2022", "tilanne 31.8.": a cut-off day before 31 December.
_PART_YEAR = re.compile(
    r"(?<![\d.])(?:[12]?\d|3[01])\.(?:[1-9]|1[01])\.(?:\s*(?:19|20)\d\d)?(?![\d])"
)
_TITLE_MAX_WORDS = 12  # a title is a short line
_TITLE_WORDS = re.compile(r"tavoitteet|tavoite|mål|talousarvio|tilinpäätös|bokslut|budget", re.I)


@dataclass(frozen=True, slots=True)
class TitleFacts:
    year: int | None = None
    phase: Phase = ""


def read_title_facts(*texts: str) -> TitleFacts:
    """Year and phase from the first of `texts` (title, then file name) that names them."""
    year = next((y for y in map(find_year, texts) if y is not None), None)
    phase: Phase = next((p for p in map(find_phase, texts) if p), "")
    return TitleFacts(year=year, phase=phase)


def find_year(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def find_phase(text: str) -> Phase:
    """The phase a title names; a period that ends before the year's end ("1.1.–31.8.2023",
    "30.6.2022") is an interim report whatever else the title says."""
    if _PART_YEAR.search(text):
        return "interim"
    # File names use _ and - between words; make them word breaks.
    keys = vocabulary().phases.keys_found(re.sub(r"[_\-./]", " ", text))
    return next((phase for phase in _PHASE_PRECEDENCE if phase in keys), "")


def looks_like_title(line: str) -> bool:
    """A title names a year, a phase or the goals: 'Sivistys- ja ... tavoitteet 2021/toteutuma'."""
    return bool(find_year(line) or find_phase(line) or _TITLE_WORDS.search(line))


# Finnish names stand in the genitive before the noun ("Järvelän kaupunki"), Swedish ones not.
_ORGANISATION = re.compile(
    r"\b([A-ZÅÄÖ][\w-]*n)\s+(kaupunki|kaupungin|kunta|kunnan|kuntayhtymä|kuntayhtymän)\b"
    r"|\b([A-ZÅÄÖ][\w-]+)\s+(kommun|stad|samkommun)\b"
)
_NOMINATIVE = {"kaupungin": "kaupunki", "kunnan": "kunta", "kuntayhtymän": "kuntayhtymä"}


def find_organisation(text: str) -> str:
    """The municipality a text names most often: 'Honkalahden kunnan ...' -> 'Honkalahden kunta'
    (a report names its own city far more often than any other)."""
    names = Counter(_organisation(m) for m in _ORGANISATION.finditer(text))
    return names.most_common(1)[0][0] if names else ""


def _organisation(match: re.Match[str]) -> str:
    if match.group(1):
        name, noun = match.group(1), match.group(2)
    else:
        name, noun = match.group(3), match.group(4)
    return f"{name} {_NOMINATIVE.get(noun, noun)}"


def nominative(phrase: str) -> str:
    """A sector's genitive back to its base form where Finnish makes that regular:
    '...toimialan' -> '...toimiala', '...alueen' -> '...alue'. Others ('lautakunnan', whose
    stem changes) are returned as they are."""
    words = phrase.split()
    if not words:
        return phrase
    last = words[-1]
    if last.endswith(("alan", "älän")):
        last = last[:-1]
    elif last.endswith("alueen"):
        last = last[:-2]
    return " ".join([*words[:-1], last])


def title_subject(title: str) -> str:
    """The part of a title before 'tavoitteet' or the year: who the goals belong to."""
    cut = re.split(
        r"\b(?:tavoitteet|tavoite|mål)\b|(?<!\d)(?:19|20)\d\d", title, maxsplit=1, flags=re.I
    )
    return cut[0].strip(" -–:,/")


# Who the goals belong to, by the word a body's name ends in: "Perusturvalautakunta",
# "Tekninen toimiala", "Barn- och utbildningsnämnden", "Bildningssektorn".
_SECTOR_WORD = re.compile(
    r"(?:lautakunta|lautakunnan|toimiala|toimialan|toimialue|palvelualue|palvelualueen"
    r"|nämnd|nämnden|nämnderna|sektor|sektorn|förvaltning|förvaltningen|styrelse|styrelsen)$",
    re.I,
)
# "Organisation: Kultur- och fritidsnämnden", "Lautakunta: Sivistyslautakunta".
_LABELLED = re.compile(
    r"\b(?:organisation|organisaatio|nämnd|lautakunta|toimiala|förvaltning|sektor)\s*:\s*"
    r"([A-ZÅÄÖ][\w\- ]*?\w)\s*(?=$|\b(?:status|rapportperiod|period|tila)\b)",
    re.I | re.M,
)
_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|\d{4}-\d{2}-\d{2}")
# A finance table's column header: "TP 2022 TA 2023 TP 2023", "Budget 2023 Utfall 2023".
_FINANCE = re.compile(r"\b(?:TP|TA|TAM|TS|KS|LTA|Budget|Utfall|Bokslut)\b\s*\d", re.I)
_SECTOR_MAX_WORDS = 7
# Page numbers in a running header or footer: "SID 1 (36)", "sivu 3", "3 (36)", "3/36", "- 3 -".
_PAGE_NUMBER = re.compile(
    r"\b(?:sid|sida|sivu|s\.|page)\s*\d+(?:\s*\(\d+\)|\s*/\s*\d+)?"
    r"|(?<![\d.-])\d{1,3}\s*(?:\(\d{1,3}\)|/\s*\d{1,3})(?![\d.])"
    r"|^\W*\d{1,3}\W*$|\s+\d{1,3}$",
    re.I,
)
_RUNNING_SHARE = 0.3  # a line opening or closing this share of pages is a running header


def plausible_sector(name: str) -> bool:
    """A sector's name is a short name: not a dated line ("Kaupunginhallitus 21.3.2022", "...
    § 9"), not a finance table's header ("TP 2022 TA 2023 TP 2023"), not a count at a day
    ("Henkilöstö 31.12.2022"), not a numbered label ("Nämndmål 1") or a title with its year,
    not a rating legend's words ("Delvis uppnått: målet är delvis uppnått")."""
    name = name.strip()
    return bool(
        name
        and len(name.split()) <= _SECTOR_MAX_WORDS
        and not names_a_rating(name)
        and not any(ch.isdigit() for ch in name)
        and "§" not in name
        and not _FINANCE.search(name)
        and not _DATE.search(name)
        and name[:1].isupper()
    )


def names_a_rating(text: str) -> bool:
    """Whether a text holds a verdict ("Delvis uppnått", "Ei arvioitavissa") or a legend's
    title ("Arvion selitteet"): a rating's words, never whom goals belong to."""
    return bool(verdict_status(text) or vocabulary().legend_titles.earliest(text))


def sole_sector_line(text: str) -> str:
    """The body a document names on a line of its own ("Kultur- och fritidsnämnden", the
    heading over its goals), when it names just one that way: a report of several sectors
    (a whole city's) has no one sector, and a guess is worse than a gap."""
    names = {s for line in text.split("\n") if (s := sector_by_name(line))}
    return names.pop() if len(names) == 1 else ""


def sector_by_name(line: str) -> str:
    """The line when it is a body's name by its last word ("Perusturvalautakunta")."""
    line = line.strip(" -–:,.")
    if not plausible_sector(line) or not _SECTOR_WORD.search(line.split()[-1] if line else ""):
        return ""
    return line


def labelled_facts(lines: Sequence[str]) -> tuple[str, str]:
    """Organisation and sector from labelled lines: 'Organisation: Kultur- och fritidsnämnden'
    (a planning system's cover page) names the sector when the value is a committee's name."""
    organisation = sector = ""
    for line in lines:
        for match in _LABELLED.finditer(line):
            value = match.group(1).strip()
            if not sector and sector_by_name(value):
                sector = sector_by_name(value)
            elif not organisation and _ORGANISATION.fullmatch(value):
                organisation = find_organisation(value)
    return organisation, sector


def running_lines(texts: Sequence[str]) -> list[str]:
    """Lines that open or close many pages, page numbers taken out: the running header and
    footer ("2025 ÅRSBOKSLUT 2026-01-29 SID 1 (36)" on page 2 -> '2025 ÅRSBOKSLUT 2026-01-29')."""
    counts: Counter[str] = Counter()
    for text in texts:
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        ends = {_PAGE_NUMBER.sub("", ln).strip(" -–|") for ln in (lines[:1] + lines[-1:])}
        counts.update(e for e in ends if e)
    needed = max(2, len(texts) * _RUNNING_SHARE)
    return [line for line, count in counts.most_common() if count >= needed]


def _title(titles: list[str], properties: Sequence[str]) -> str:
    """The first title-like line; the file's title property when a line says it word for word
    (a running header may carry the file name: '2025 ÅRSBOKSLUT 2026-02-01.DOCX')."""
    said = {t.casefold() for t in titles}
    return next((p for p in properties if p and p.casefold() in said), titles[0] if titles else "")


def missing_notes(organisation: str, facts: TitleFacts) -> list[str]:
    """A note naming what the document did not say: a gap, not a guess."""
    missing = [
        name
        for name, value in (
            ("organisation", organisation),
            ("year", facts.year),
            ("phase", facts.phase),
        )
        if not value
    ]
    return [f"metadata: no {' or '.join(missing)} found: left empty"] if missing else []


def describe(
    doc: DocumentInfo,
    fmt: str,
    lines: list[str],
    text: str,
    sector_lines: list[str] | None = None,
    fallback_title: str = "",
    properties: Sequence[str] = (),
) -> DocumentInfo:
    """A document's title, organisation, sector, year and phase from its title-like `lines`
    (running header, title, first lines), its whole `text` (the city it names most) and the
    file's `properties` (author, title: a committee's name there is its sector). Never from a
    table's header or a signature line: a sector must look like a name (`plausible_sector`).
    What is not found is left empty, with a note saying so."""
    from goaltables.extract.assemble import heading_name  # assemble imports this module

    titles = [t for t in lines if t and len(t.split()) <= _TITLE_MAX_WORDS and looks_like_title(t)]
    labelled_organisation, labelled_sector = labelled_facts(lines)
    organisation = find_organisation(text) or labelled_organisation
    facts = read_title_facts(*titles, doc.source)
    by_heading = (
        s for t in (sector_lines or titles) if plausible_sector(s := heading_name(t, organisation))
    )
    sector = (
        labelled_sector
        or next((s for t in lines if (s := sector_by_name(t))), "")
        or next(by_heading, "")
        or next((s for p in properties if (s := sector_by_name(p))), "")
        or sole_sector_line(text)
    )
    notes = missing_notes(organisation, facts)
    return replace(
        doc,
        format=fmt,
        title=_title(titles, properties) or fallback_title,
        organisation=organisation,
        sector=sector,
        year=facts.year,
        phase=facts.phase,
        problems=(*doc.problems, *notes),
    )
