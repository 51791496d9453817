"""What a generated goal-table document says and how it is laid out, drawn from a seed.

The layout randomiser (`layout_corpus.py`) draws one `DocPlan` per document: the language, the
header words, the column order, the layout, the ruling, the rating encoding, where the legend
sits, the renderer, and the invented content (goals, measures, values, progress texts, a finance
table, filler prose). The renderers print a plan; the gold is written from the same plan, so
the truth is what the page shows, never what goaltables happens to read.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

LAYOUTS = ("band", "cards", "group", "goal_rows")
RULINGS = ("ruled", "unruled", "shaded", "line_shaded")
ENCODINGS = ("glyph", "ball_digit", "digit", "shading", "word", "image")
LEGEND_PLACES = ("before", "earlier", "none")
RENDERERS = ("docx", "html")
LANGUAGES = ("fi", "sv")
VALUE_ROLES = ("baseline", "target", "actual")


def items(text: str) -> list[str]:
    return [s.strip() for s in text.split(";") if s.strip()]


# Header words per role; "{y}" is the report year. Kept apart from goaltables' vocabulary on
# purpose: these are the words real reports print (issue 11), known or not to the extractor.
HEADERS = {
    "fi": {
        "goal": items(
            "Tavoite; Strateginen tavoite; Sitova tavoite; Talousarviotavoite; "
            "Toiminnallinen tavoite"
        ),
        "measure": items("Mittari; Toimenpide; Toimenpide/mittari; Mittari ja toimenpiteet"),
        "baseline": items("Nykyarvo; Lähtötaso; Lähtötaso {p}"),
        "target": items("Tavoitearvo; Tavoitetaso; Tavoitetaso {y}"),
        "actual": items("Toteuma-arvo; Toteuma; Toteuma {y}"),
        "progress": items("Tilannekuvaus; Toteutuminen; Kommentti; Tilanne ja toimenpiteet"),
        "rating": items("Arvio; Arviointi; Arvio toteutumisesta; Tila"),
        "card_progress": items("Tilanne ja riskit; Tilannekuvaus; Toteutuminen"),
    },
    "sv": {
        "goal": items("Mål; Nämndmål; Verksamhetsmål; Kommunfullmäktiges mål"),
        "measure": items("Indikator; Aktivitet; Åtgärd; Uppdrag"),
        "baseline": items("Utgångsläge; Utgångsläge {p}"),
        "target": items("Målvärde; Målvärde {y}"),
        "actual": items("Utfall; Utfall {y}"),
        "progress": items("Kommentar; Analys"),
        "rating": items("Bedömning; Måluppfyllelse; Status"),
        "card_progress": items("Analys; Kommentar; Läge och risker"),
    },
}
COMMENT_LABEL = {"fi": "Kommentti:", "sv": "Kommentar:"}

ORGS = {
    "fi": items(
        "Kivijärven kaupunki; Routalahden kunta; Haapakosken kaupunki; Salmelan kunta; "
        "Vuorilammen kaupunki; Koivurannan kunta; Peltomäen kaupunki; Hirvisalon kunta"
    ),
    "sv": items(
        "Stenfors kommun; Björkvik kommun; Ekeby kommun; Sjöhamn kommun; Lindås kommun; "
        "Granvik kommun; Åsby kommun; Norrstrand kommun"
    ),
}
SECTORS = {
    "fi": {
        "Sivistyslautakunta": items(
            "Varhaiskasvatus; Perusopetus; Lukiokoulutus; Kirjastopalvelut; Kulttuuripalvelut"
        ),
        "Tekninen lautakunta": items("Kuntatekniikka; Tilapalvelut; Ruokapalvelut; Vesihuolto"),
        "Hyvinvointilautakunta": items(
            "Vanhuspalvelut; Vammaispalvelut; Lastensuojelu; Terveyden edistäminen"
        ),
        "Elinvoimalautakunta": items(
            "Elinkeinopalvelut; Matkailupalvelut; Maankäyttö ja kaavoitus; Työllisyyspalvelut"
        ),
    },
    "sv": {
        "Kultur- och fritidsnämnden": items(
            "Bibliotek; Kulturskola; Fritidsgårdar; Idrott och friluftsliv; Museer"
        ),
        "Barn- och utbildningsnämnden": items(
            "Förskola; Grundskola; Gymnasieskola; Elevhälsa; Vuxenutbildning"
        ),
        "Socialnämnden": items("Äldreomsorg; Funktionsstöd; Individ- och familjeomsorg"),
        "Samhällsbyggnadsnämnden": items("Gata och park; Bygglov; Vatten och avlopp; Miljö"),
    },
}
TITLES = {"fi": "Tilinpäätös {y}", "sv": "Årsredovisning {y}"}

GOAL_PARTS = {
    "fi": (
        items(
            "Asiakastyytyväisyys; Palvelujen saatavuus; Henkilöstön työhyvinvointi; "
            "Toiminnan kustannustehokkuus; Sähköinen asiointi; Asukkaiden osallisuus; "
            "Ympäristövastuullisuus; Palveluprosessien sujuvuus; Yhteistyö järjestöjen kanssa; "
            "Henkilöstön osaaminen; Tilojen käyttöaste; Viestinnän avoimuus; "
            "Ennaltaehkäisevä työ; Palvelujen laatu; Lasten ja nuorten hyvinvointi; "
            "Kuntalaisten turvallisuuden tunne"
        ),
        items("paranee; vahvistuu; säilyy hyvällä tasolla; kehittyy suunnitelmallisesti"),
        items(
            "koko toimialalla; talousarvion puitteissa; asiakaslähtöisesti; "
            "yhteistyössä muiden toimialojen kanssa; kaikissa yksiköissä; vuoden aikana"
        ),
    ),
    "sv": (
        items(
            "Invånarnas nöjdhet; Tillgängligheten till verksamheten; Medarbetarnas hälsa; "
            "Kostnadseffektiviteten; Den digitala servicen; Invånarnas delaktighet; "
            "Miljöarbetet; Samverkan med föreningslivet; Kompetensen hos personalen; "
            "Lokalernas nyttjandegrad; Kommunikationen med invånarna; Det förebyggande arbetet; "
            "Kvaliteten i verksamheten; Barns och ungas trygghet; Tryggheten i offentliga miljöer"
        ),
        items("ska öka; ska stärkas; ska bibehållas på en hög nivå; ska utvecklas"),
        items(
            "inom hela förvaltningen; inom given budgetram; utifrån invånarnas behov; "
            "i samverkan med andra förvaltningar; i alla verksamheter; under året"
        ),
    ),
}
MEASURES = {  # measure head: kind of value
    "fi": {
        "Asiakaskyselyn kokonaisarvosana (4–10)": "score",
        "Sähköisten hakemusten osuus": "pct",
        "Kouluttautuneiden osuus henkilöstöstä": "pct",
        "Kävijämäärä": "count",
        "Talousarvion toteutumisaste": "pct",
        "Koulutuspäivät henkilöä kohden": "num",
        "Määräajassa käsitellyt hakemukset": "pct",
        "Asiakaskäynnit vuodessa": "count",
        "Palautteisiin vastattu määräajassa": "pct",
        "Uusiutuvan energian osuus": "pct",
        "Toteutuneet kehittämishankkeet": "num",
        "Tilojen täyttöaste": "pct",
        "Sairauspoissaolot työntekijää kohden": "num",
        "Jonotusaika palveluun (vrk)": "num",
        "Henkilöstökyselyn työtyytyväisyys (1–5)": "score5",
        "Verkkopalvelun käyttäjämäärä": "count",
    },
    "sv": {
        "Nöjd medborgarindex (0–100)": "pct",
        "Andel digitala ansökningar": "pct",
        "Andel medarbetare med kompetensutveckling": "pct",
        "Antal besökare": "count",
        "Budgetföljsamhet": "pct",
        "Utbildningsdagar per medarbetare": "num",
        "Andel ärenden handlagda inom målsatt tid": "pct",
        "Antal utlån per invånare": "num",
        "Andel synpunkter besvarade inom tio dagar": "pct",
        "Andel förnybar energi": "pct",
        "Antal genomförda utvecklingsprojekt": "num",
        "Lokalernas beläggningsgrad": "pct",
        "Sjukfrånvaro i procent av arbetstid": "num",
        "Väntetid till första kontakt (dagar)": "num",
        "Hållbart medarbetarengagemang (HME)": "pct",
        "Antal deltagare i lovaktiviteter": "count",
    },
}
MEASURE_TAILS = {
    "fi": items("koko toimiala; kaikki yksiköt; vuositasolla; seurantajaksolla; keskiarvo"),
    "sv": items("hela förvaltningen; alla enheter; helår; under perioden; medelvärde"),
}
ACTIVITIES = {
    "fi": (
        items(
            "Kehitetään; Uudistetaan; Otetaan käyttöön; Selvitetään; Vahvistetaan; "
            "Laajennetaan; Käynnistetään"
        ),
        items(
            "sähköistä ajanvarausta; asiakaspalautteen käsittelyä; yhteistyötä kolmannen "
            "sektorin kanssa; tilojen yhteiskäyttöä; henkilöstön perehdytysohjelmaa; "
            "kiinteistöjen energiaseurantaa; nuorten osallisuusryhmää; kotiin vietäviä "
            "palveluja; hankintojen vastuullisuuskriteerejä; lähiliikuntapaikkojen kunnostusta; "
            "kirjaston aukioloaikoja; digitaalista opetusmateriaalia"
        ),
        items(
            "yhdessä asukkaiden kanssa; osana strategian toimeenpanoa; kaikissa yksiköissä; "
            "pilottikokeiluna kahdessa yksikössä; naapurikuntien kanssa; hankerahoituksella"
        ),
    ),
    "sv": (
        items("Utveckla; Se över; Införa; Utreda; Stärka; Utöka; Starta"),
        items(
            "den digitala tidsbokningen; hanteringen av synpunkter; samverkan med "
            "civilsamhället; samnyttjandet av lokaler; introduktionen av nyanställda; "
            "energiuppföljningen i fastigheterna; ungdomsrådets arbete; hemnära insatser; "
            "hållbarhetskraven vid upphandling; spontanidrottsplatserna; bibliotekets "
            "öppettider; det digitala läromedlet"
        ),
        items(
            "tillsammans med invånarna; som en del av strategin; i alla verksamheter; "
            "som pilot i två enheter; i samarbete med grannkommunerna; med projektmedel"
        ),
    ),
}
PROSE = {
    "fi": (
        items("Toimialan henkilöstö; Lautakunta; Palveluyksiköt; Hankkeen työryhmä; Johtoryhmä"),
        items("seurasi; arvioi; kehitti; uudisti; raportoi; suunnitteli; vahvisti"),
        items(
            "palvelujen laatua; talouden toteutumista; asiakaspalautetta; yhteistyön muotoja; "
            "toimintamalleja; henkilöstön osaamista; tilojen käyttöä; digitaalisia palveluja"
        ),
        items(
            "vuoden aikana; kevätkaudella; syksyn aikana; suunnitelman mukaisesti; aiempaa "
            "laajemmin; yhdessä naapurikuntien kanssa; osana strategian toimeenpanoa"
        ),
    ),
    "sv": (
        items("Förvaltningen; Nämnden; Verksamheterna; Projektgruppen; Ledningsgruppen"),
        items("följde upp; utvärderade; utvecklade; förnyade; redovisade; planerade; stärkte"),
        items(
            "verksamhetens kvalitet; budgetföljsamheten; invånarnas synpunkter; "
            "samverkansformerna; arbetssätten; personalens kompetens; lokalanvändningen; "
            "de digitala tjänsterna"
        ),
        items(
            "under året; under våren; under hösten; enligt plan; i större omfattning än "
            "tidigare; tillsammans med grannkommunerna; som en del av strategin"
        ),
    ),
}
FINANCE = {
    "fi": (
        items("Käyttötalous (1 000 €); Tuotot; Talous (1 000 €)"),
        ["TA {y}", "TA-muutokset", "TP {y}", "Poikkeama"],
        ["Toimintatuotot", "Toimintakulut", "Toimintakate"],
    ),
    "sv": (
        items("Ekonomi (tkr); Driftredovisning (tkr); Verksamheter (tkr)"),
        ["Budget {y}", "Utfall {y}", "Avvikelse", "Utfall {p}"],
        ["Intäkter", "Kostnader", "Nettokostnad"],
    ),
}
LEGEND_TITLE = {"fi": "Arvion selitteet", "sv": "Teckenförklaring för bedömningen"}
READING_GUIDE = {"fi": "Lukuohje", "sv": "Läsanvisning"}


@dataclass(frozen=True)
class Level:
    """One step of a document's rating scale, as the legend and the cells print it."""

    status: str  # green / yellow / red / grey
    colour: str  # hex without '#'
    digit: int | None  # the digit printed for it; None where the scale shows "–"
    label: str  # the legend's words
    verdict: str  # the verdict word a word-encoded table prints

    @property
    def shown_digit(self) -> str:
        return "–" if self.digit is None else str(self.digit)


PALETTES = (
    {"green": "00B050", "yellow": "FFC000", "red": "FF0000", "grey": "A6A6A6"},
    {"green": "92D050", "yellow": "FFD966", "red": "C00000", "grey": "BFBFBF"},
    {"green": "99CC00", "yellow": "F4B183", "red": "E06666", "grey": "999999"},
)
LEVEL_WORDS = {  # status: (legend label, verdict)
    "fi": {
        "green": ("toteutunut", "Toteutui"),
        "yellow": ("osittain toteutunut", "Osittain"),
        "red": ("ei toteutunut", "Ei toteutunut"),
        "grey": ("ei arvioitavissa", "Ei arvioitavissa"),
    },
    "sv": {
        "green": ("målet är uppnått", "Uppnått"),
        "yellow": ("målet är delvis uppnått", "Delvis uppnått"),
        "red": ("målet är inte uppnått", "Ej uppnått"),
        "grey": ("kan inte bedömas", "Kan ej bedömas"),
    },
}
# Two directions real scales take: 1 is best with a digit for "not known" (Kauhava), or the
# highest digit is best with a dash for "not known" (the Honkalahti sample).
SCALE_DIGITS = {
    "one_best": {"green": 1, "yellow": 2, "red": 3, "grey": 4},
    "high_best": {"green": 2, "yellow": 1, "red": 0, "grey": None},
}


@dataclass
class Measure:
    text: str
    values: dict[str, str]  # role -> printed value (only the value roles the table prints)
    progress: str
    level: Level


@dataclass
class Goal:
    text: str
    progress: str  # goal-level progress (cards, goal rows)
    measures: list[Measure]
    level: Level | None = None  # the goal's own assessment (goal rows, which have no measures)


@dataclass
class Area:
    name: str
    goals: list[Goal]
    prose: list[str]
    finance_first: bool  # the finance table comes before the goal table (else after)


@dataclass
class Finance:
    title: str
    header: list[str]
    rows: list[list[str]]


@dataclass
class DocPlan:
    """Everything one generated document prints, and the random choices behind it."""

    name: str
    lang: str
    layout: str
    ruling: str
    encoding: str
    legend_at: str
    renderer: str
    org: str
    sector: str
    year: int
    scale: dict[str, Level]
    legend_digits: bool  # the legend prints the scale's digits
    headers: dict[str, str]  # role -> header word
    columns: list[str]  # roles in printed order (band and group layouts)
    repeat_header: bool
    intro: list[str]
    preamble: list[str]  # prose between a legend printed pages earlier and the goal tables
    areas: list[Area] = field(default_factory=list)
    finance: Finance | None = None

    @property
    def title(self) -> str:
        return f"{self.org} – {TITLES[self.lang].format(y=self.year)}"

    def draws(self) -> dict[str, str]:
        """The drawn features by which the scores are broken down."""
        return {
            "layout": self.layout,
            "encoding": self.encoding,
            "renderer": self.renderer,
            "ruling": self.ruling,
            "legend": self.legend_at,
            "language": self.lang,
        }


# ---------------------------------------------------------------------------------------------
# Drawing
# ---------------------------------------------------------------------------------------------


def sentence(rng: random.Random, parts: tuple[list[str], ...]) -> str:
    text = " ".join(rng.choice(p) for p in parts)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, lang: str, sentences: int) -> str:
    return " ".join(sentence(rng, PROSE[lang]) for _ in range(sentences))


def number(rng: random.Random, kind: str) -> str:
    value = {
        "pct": f"{rng.randint(40, 98)} %",
        "score": f"{rng.randint(70, 95) / 10:.1f}",
        "score5": f"{rng.randint(30, 46) / 10:.1f}",
        "count": f"{rng.randint(1200, 98000):,}".replace(",", " "),
        "num": f"{rng.randint(10, 140) / 10:.1f}",
    }[kind]
    return value.replace(".", ",")


def draw_scale(rng: random.Random, lang: str) -> dict[str, Level]:
    palette = rng.choice(PALETTES)
    digits = SCALE_DIGITS[rng.choice(sorted(SCALE_DIGITS))]
    return {
        status: Level(status, palette[status], digits[status], *LEVEL_WORDS[lang][status])
        for status in ("green", "yellow", "red", "grey")
    }


def draw_level(rng: random.Random, scale: dict[str, Level]) -> Level:
    status = rng.choices(("green", "yellow", "red", "grey"), (5, 3, 2, 1))[0]
    return scale[status]


def draw_goal_texts(rng: random.Random, lang: str, count: int) -> list[str]:
    subjects, verbs, tails = GOAL_PARTS[lang]
    return [
        f"{subject} {rng.choice(verbs)} {rng.choice(tails)}."
        for subject in rng.sample(subjects, count)
    ]


def draw_measure_texts(rng: random.Random, plan: DocPlan) -> list[tuple[str, str]]:
    """The document's pool of (text, kind) pairs, each unique in its first words, so that a
    measure is found once on its page."""
    if plan.layout == "group":
        verbs, objects, tails = ACTIVITIES[plan.lang]
        return [
            (f"{rng.choice(verbs)} {obj} {rng.choice(tails)}.", "num")
            for obj in rng.sample(objects, len(objects))
        ]
    heads = rng.sample(sorted(MEASURES[plan.lang]), len(MEASURES[plan.lang]))
    tails = MEASURE_TAILS[plan.lang]
    return [(f"{h} ({rng.choice(tails)})", MEASURES[plan.lang][h]) for h in heads]


def draw_measure(rng: random.Random, plan: DocPlan, text: str, kind: str) -> Measure:
    values = {role: number(rng, kind) for role in VALUE_ROLES if role in plan.columns}
    progress = paragraph(rng, plan.lang, rng.randint(1, 3))
    return Measure(text, values, progress, draw_level(rng, plan.scale))


def draw_goal_rows(rng: random.Random, plan: DocPlan) -> list[Goal]:
    """Goals assessed on their own row, without measures (Simrishamn's `Nämndmål | Bedömning`)."""
    texts = draw_goal_texts(rng, plan.lang, rng.randint(3, 6))
    return [
        Goal(t, paragraph(rng, plan.lang, rng.randint(1, 4)), [], draw_level(rng, plan.scale))
        for t in texts
    ]


def draw_area(rng: random.Random, plan: DocPlan, name: str, pool: list[tuple[str, str]]) -> Area:
    """An area of 2-5 goals with 1-4 measures each, taken from the pool while it lasts."""
    prose = [paragraph(rng, plan.lang, rng.randint(3, 7)) for _ in range(rng.randint(0, 2))]
    if plan.layout == "goal_rows":
        return Area(name, draw_goal_rows(rng, plan), prose, finance_first=rng.random() < 0.5)
    goals = []
    for text in draw_goal_texts(rng, plan.lang, rng.randint(2, 5)):
        size = min(rng.choice((1, 2, 2, 3, 3, 4)), len(pool))
        if size == 0:
            break
        measures = [draw_measure(rng, plan, *pool.pop()) for _ in range(size)]
        goals.append(Goal(text, paragraph(rng, plan.lang, rng.randint(1, 3)), measures))
    return Area(name, goals, prose, finance_first=rng.random() < 0.5)


def draw_finance(rng: random.Random, lang: str, year: int) -> Finance:
    titles, heads, rows = FINANCE[lang]
    header = [rng.choice(titles), *(h.format(y=year, p=year - 1) for h in heads[:3])]
    income, cost = rng.randint(800, 9000), -rng.randint(9000, 60000)
    body = []
    for label, value in zip(rows, (income, cost, income + cost), strict=True):
        budget = value + rng.randint(-400, 400)
        cells = [budget, value, value - budget]
        body.append([label, *(f"{v:,}".replace(",", " ").replace("-", "−") for v in cells)])
    return Finance(f"{header[0]}", header, body)


def draw_columns(rng: random.Random, layout: str) -> list[str]:
    """Roles in printed order. Cards have a fixed label grid; band and group vary."""
    values = [r for r in VALUE_ROLES if rng.random() < 0.6]
    rng.shuffle(values)
    if layout == "cards":
        return ["goal", "measure", *sorted(values or ["target"], key=VALUE_ROLES.index)]
    if layout == "group":
        return ["measure", *[v for v in values if v != "baseline"], "rating"]
    if layout == "goal_rows":
        return ["goal", "rating"]
    tail = ["rating", *(["progress"] if rng.random() < 0.8 else [])]
    rng.shuffle(tail)
    return ["goal", "measure", *values, *tail]


def draw_headers(rng: random.Random, lang: str, year: int) -> dict[str, str]:
    return {
        role: rng.choice(words).format(y=year, p=year - 1) for role, words in HEADERS[lang].items()
    }


def draw_plan(seed: int, index: int) -> DocPlan:
    """One document's plan; the same seed and index always give the same plan."""
    rng = random.Random(f"{seed}/{index}")
    lang, layout = rng.choice(LANGUAGES), LAYOUTS[index % len(LAYOUTS)]
    encoding, renderer = rng.choice(ENCODINGS), rng.choice(RENDERERS)
    year = rng.randint(2019, 2025)
    sector = rng.choice(sorted(SECTORS[lang]))
    plan = DocPlan(
        name=f"lc{index:03d}-{lang}-{layout}-{encoding}-{renderer}",
        lang=lang,
        layout=layout,
        ruling=rng.choice(RULINGS),
        encoding=encoding,
        legend_at=rng.choice(LEGEND_PLACES),
        renderer=renderer,
        org=rng.choice(ORGS[lang]),
        sector=sector,
        year=year,
        scale=draw_scale(rng, lang),
        legend_digits=encoding in ("digit", "ball_digit") or rng.random() < 0.5,
        headers=draw_headers(rng, lang, year),
        columns=draw_columns(rng, layout),
        repeat_header=rng.random() < 0.5,
        intro=[paragraph(rng, lang, rng.randint(4, 8)) for _ in range(rng.randint(1, 3))],
        preamble=[paragraph(rng, lang, rng.randint(6, 10)) for _ in range(rng.randint(4, 8))],
    )
    pool = draw_measure_texts(rng, plan)
    for name in rng.sample(SECTORS[lang][sector], rng.randint(1, 3)):
        area = draw_area(rng, plan, name, pool)
        if area.goals:
            plan.areas.append(area)
    plan.finance = draw_finance(rng, lang, year)
    return plan
