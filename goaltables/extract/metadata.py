"""What a document says about itself: its title, year and phase (plan, interim, outcome)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

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


def describe(
    doc: DocumentInfo,
    fmt: str,
    lines: list[str],
    text: str,
    sector_lines: list[str] | None = None,
    fallback_title: str = "",
) -> DocumentInfo:
    """A document's title, organisation, sector, year and phase from its title-like `lines`
    (running header, title, first lines) and its whole `text` (the city it names most)."""
    from goaltables.extract.assemble import heading_name  # assemble imports this module

    titles = [t for t in lines if t and len(t.split()) <= _TITLE_MAX_WORDS and looks_like_title(t)]
    organisation = find_organisation(text)
    facts = read_title_facts(*titles, doc.source)
    sector = next((s for t in (sector_lines or titles) if (s := heading_name(t, organisation))), "")
    return replace(
        doc,
        format=fmt,
        title=titles[0] if titles else fallback_title,
        organisation=organisation,
        sector=sector,
        year=facts.year,
        phase=facts.phase,
    )
