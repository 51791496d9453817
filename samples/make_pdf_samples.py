"""Generate the sample corpus of municipal goal-table reports in samples/pdf/.

Every document is invented (municipalities, goals, figures), written in the style of real
Finnish municipal budgets, interim reports and annual reports. Each PDF comes with a truth
file (samples/pdf/truth/<name>.csv) written from the same data that was printed, plus
LINEAGE.md / lineage.csv for the multi-year series and a README.md describing the corpus.

How to run (from the repository root): `make samples-pdf`, which installs LibreOffice and
Chromium with apt-get when they are missing and python-docx, pdfplumber and Pillow (the
`samples` extra) into .venv, then runs this script.

Needs: python-docx, pdfplumber and Pillow in the running interpreter; `soffice`
(LibreOffice Writer) for DOCX -> PDF and `chromium` for HTML -> PDF on PATH. The script
exits with one line naming the missing tool if either is absent.

Output is deterministic except for what LibreOffice and Chromium stamp into the PDFs
(creation dates, document ids).
"""

from __future__ import annotations

import csv
import html
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
OUT = HERE / "pdf"
TRUTH = OUT / "truth"

# ---------------------------------------------------------------------------------------------
# Data model
# ---------------------------------------------------------------------------------------------


@dataclass
class Measure:
    text: str
    no: str = ""
    baseline: str = ""
    target: str = ""
    actual: str = ""
    progress: str = ""
    rating: str = ""  # key into the document's Scale: g / y / r / n (grey), "" = none
    verdict: str = ""  # word(s) printed at the start of `progress` (verdict-word documents)


@dataclass
class Goal:
    no: str
    text: str
    measures: list[Measure] = field(default_factory=list)
    strategy: str = ""
    key: str = ""  # lineage identity inside a series
    prev: tuple[str, ...] = ()  # keys of the goal(s) in the previous document of the series
    progress: str = ""  # goal-level progress text (goal cards); copied to each measure row
    rating: str = ""  # goal-level rating, used when a goal has no measures


@dataclass
class Area:
    name: str
    goals: list[Goal]
    intro: str = ""


@dataclass(frozen=True)
class Level:
    rating: int | None  # value on the document's own scale, None when the scale has no digits
    label: str  # the legend's words
    status: str  # green / yellow / red / grey
    colour: str  # hex without '#'
    shown: str = ""  # what is printed next to a vector circle ("2", "–")


Scale = dict[str, Level]

GREEN, YELLOW, RED, GREY = "00B050", "FFC000", "FF0000", "A6A6A6"


@dataclass
class Doc:
    name: str
    year: int
    phase: str  # plan | interim | outcome
    organisation: str
    sector: str
    areas: list[Area]
    scale: Scale
    rating_style: str  # bullet | digit | shade | word | svg | none
    maker: str  # docx | html
    goal_fmt: str = "{no}. {text}"  # how the goal cell is printed
    measure_fmt: str = "{no}. {text}"  # how the measure cell is printed
    series: str = ""
    # Truth columns the document does not print: the truth says what a reader can see, so
    # these stay empty there (e.g. the company cards never name the city or a sector).
    unprinted: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# Invented content: Järvelän kaupunki, sivistystoimiala 2022-2023 (the multi-year series)
# ---------------------------------------------------------------------------------------------

JARVELA = "Järvelän kaupunki"
SIVISTYS = "Sivistystoimiala"

S_OSAAVA = "Osaava ja hyvinvoiva Järvelä"
S_ELINVOIMA = "Elinvoimainen ja vetovoimainen Järvelä"
S_TALOUS = "Kestävä talous ja uudistuva organisaatio"

LONG_PROGRESS_2022 = (
    "Samanaikaisopetusta lisättiin kaikissa kouluissa lukuvuoden 2022–2023 alusta. Lisäys "
    "toteutettiin kohdentamalla erityisopettajien ja koulunkäynninohjaajien työaikaa uudelleen "
    "sekä hyödyntämällä Opetushallituksen tasa-arvorahoitusta, jolla palkattiin kaksi "
    "määräaikaista laaja-alaista erityisopettajaa Keskustan ja Kirkonkylän kouluille. "
    "Samanaikaisopetuksen tunteja oli syyslukukaudella yhteensä 31 viikossa, kun vuoden 2021 "
    "lähtötaso oli 18. Eniten tunteja kohdennettiin alkuopetukseen ja yläkoulun matematiikkaan, "
    "joissa tuen tarve oli oppimistulosten ja opettajien arvioiden perusteella suurin. "
    "Samanaikaisopetuksen suunnittelua varten opettajille varattiin yhteistä suunnitteluaikaa "
    "kerran viikossa, ja rehtorit seurasivat toteutumista lukukausittain. Opettajilta kerätyn "
    "palautteen mukaan samanaikaisopetus on helpottanut tuen antamista heti tuen tarpeen "
    "ilmetessä ja vähentänyt tarvetta siirtää oppilaita pienryhmiin. Toisaalta palautteessa "
    "tuotiin esiin, että yhteisen suunnitteluajan löytäminen on vaikeaa erityisesti pienissä "
    "kouluissa, joissa sama opettaja opettaa useaa luokka-astetta. Kevään 2022 aikana "
    "järjestettiin koko henkilöstölle kaksi koulutusiltapäivää yhteisopettajuudesta yhteistyössä "
    "Jyväskylän yliopiston kanssa. Koulutusten jatkoksi perustettiin koulujen välinen "
    "yhteisopettajuuden verkosto, joka kokoontui syksyn aikana kolme kertaa. Lukemisen ja "
    "matematiikan seulonnat tehtiin kaikilla 1., 2. ja 7. luokilla, ja niiden tulosten "
    "perusteella kohdennettiin tukiopetusta ja osa-aikaista erityisopetusta. Seulontojen "
    "tulokset raportoitiin sivistyslautakunnalle joulukuussa. Tuen kolmiportaisuuden "
    "toimintamallia päivitettiin, ja uudistettu malli otetaan käyttöön lukuvuoden 2023–2024 "
    "alusta. Mallin päivityksessä kuultiin oppilaskuntia ja vanhempainyhdistyksiä. Tavoitetaso "
    "saavutettiin, mutta lisäresurssin jatkuminen edellyttää tasa-arvorahoituksen jatkumista "
    "tai vastaavaa kohdennusta kaupungin omasta talousarviosta vuodesta 2024 alkaen."
)


def siv_2022() -> list[Area]:
    """Sivistystoimiala 2022 as reported in the outcome (TP 2022); the plan copies the goals."""
    return [
        Area(
            "Sivistystoimen hallinto",
            [
                Goal(
                    "1",
                    "Toimialan talouden, sopimushallinnan ja hankintojen suunnitelmallisuuden "
                    "kehittäminen.",
                    strategy=S_TALOUS,
                    key="talous",
                    measures=[
                        Measure(
                            "Talousarvion toteutumista seurataan tulosalueittain kuukausittain "
                            "ja poikkeamat raportoidaan lautakunnalle.",
                            "1",
                            "4 kertaa vuodessa",
                            "kuukausittain",
                            "kuukausittain",
                            "Kuukausiraportointi otettiin käyttöön maaliskuusta alkaen. "
                            "Lautakunnalle raportoitiin poikkeamista osavuosikatsauksen "
                            "yhteydessä ja lokakuussa.",
                            "g",
                        ),
                        Measure(
                            "Toimialan hankinnat kirjataan hankintajärjestelmään.",
                            "2",
                            "60 %",
                            "100 %",
                            "85 %",
                            "Hankintojen kirjaaminen on edennyt, mutta pienhankintojen "
                            "kirjaamisessa on edelleen puutteita. Koulutusta järjestettiin "
                            "rehtoreille ja päiväkotien johtajille.",
                            "y",
                        ),
                        Measure(
                            "Sopimusvalvonnan vastuut on määritelty kaikille toimialan "
                            "sopimuksille.",
                            "3",
                            "ei määritelty",
                            "määritelty",
                            "osittain",
                            "Sopimusrekisterin päivitys aloitettiin syksyllä. Vastuuhenkilöt on "
                            "nimetty noin puolelle sopimuksista.",
                            "y",
                        ),
                    ],
                ),
                Goal(
                    "2",
                    "Sähköisen asioinnin lisääminen ja palveluprosessien digitalisointi.",
                    strategy=S_TALOUS,
                    key="digi",
                    measures=[
                        Measure(
                            "Varhaiskasvatuksen sähköinen hakemus ja päätös ovat käytössä.",
                            "1",
                            "ei käytössä",
                            "käytössä 1.8.2022",
                            "käytössä 15.8.2022",
                            "Sähköinen hakemus otettiin käyttöön elokuussa. Päätökset lähetetään "
                            "huoltajille sähköisesti, jos huoltaja on antanut siihen "
                            "suostumuksen.",
                            "g",
                        ),
                        Measure(
                            "Sähköisesti jätettyjen hakemusten osuus kaikista hakemuksista.",
                            "2",
                            "35 %",
                            "60 %",
                            "52 %",
                            "Osuus kasvoi selvästi, mutta tavoitetasoa ei saavutettu. Paperisia "
                            "hakemuksia tuli erityisesti kesän lisähaussa.",
                            "y",
                        ),
                    ],
                ),
            ],
        ),
        Area(
            "Varhaiskasvatus",
            [
                Goal(
                    "1",
                    "Laadukas ja lapsen yksilölliset tarpeet huomioiva varhaiskasvatus.",
                    strategy=S_OSAAVA,
                    key="vaka_laatu",
                    measures=[
                        Measure(
                            "Lapsen varhaiskasvatussuunnitelma on laadittu kaikille lapsille "
                            "määräajassa.",
                            "1",
                            "95 %",
                            "100 %",
                            "98 %",
                            "Suunnitelmat laadittiin 98 %:lle lapsista kahden kuukauden kuluessa "
                            "aloituksesta. Viiveet johtuivat henkilöstövajeesta kahdessa "
                            "yksikössä.",
                            "y",
                        ),
                        Measure(
                            "Huoltajakyselyn kokonaisarvosana (asteikko 4–10).",
                            "2",
                            "8,6",
                            "vähintään 8,7",
                            "8,8",
                            "Kyselyyn vastasi 412 huoltajaa (vastausprosentti 54). Parhaat arviot "
                            "saatiin turvallisuudesta ja lapsen kohtaamisesta.",
                            "g",
                        ),
                    ],
                ),
                Goal(
                    "2",
                    "Varhaiskasvatuksen henkilöstön saatavuuden ja pysyvyyden turvaaminen.",
                    strategy=S_TALOUS,
                    key="vaka_henk",
                    measures=[
                        Measure(
                            "Kelpoisten varhaiskasvatuksen opettajien osuus opettajan tehtävissä.",
                            "1",
                            "78 %",
                            "85 %",
                            "76 %",
                            "Kelpoisten opettajien osuus laski. Avoimiin toimiin saatiin vähän "
                            "hakijoita, ja osa tehtävistä jouduttiin täyttämään epäpätevillä "
                            "sijaisilla.",
                            "r",
                        ),
                        Measure(
                            "Vakituisen henkilöstön vaihtuvuus.",
                            "2",
                            "14 %",
                            "alle 10 %",
                            "15,2 %",
                            "Vaihtuvuus pysyi korkeana. Lähtöhaastattelujen mukaan syinä olivat "
                            "erityisesti palkkaus, työmäärä ja pitkät työmatkat.",
                            "r",
                        ),
                        Measure(
                            "Täyttämättä jääneet sijaistarpeet kuukaudessa.",
                            "3",
                            "22",
                            "alle 10",
                            "12",
                            "Varahenkilöjärjestelmää laajennettiin kahdella vakituisella "
                            "varahenkilöllä syyskuusta alkaen, minkä jälkeen täyttämättä "
                            "jääneiden sijaistarpeiden määrä väheni.",
                            "y",
                        ),
                    ],
                ),
                Goal(
                    "3",
                    "Kasvatusyhteistyön vahvistaminen ja huoltajien osallisuuden lisääminen.",
                    strategy=S_OSAAVA,
                    key="vaka_kaste",
                    measures=[
                        Measure(
                            "Huoltajille järjestetään vanhempainilta ja teemailta jokaisessa "
                            "yksikössä vähintään kaksi kertaa vuodessa.",
                            "1",
                            "osassa yksiköistä",
                            "kaikissa yksiköissä",
                            "kaikissa yksiköissä",
                            "Kaikissa yksiköissä järjestettiin vähintään kaksi vanhempainiltaa. "
                            "Kevään teemailta käsitteli lasten mediankäyttöä.",
                            "g",
                        ),
                    ],
                ),
            ],
        ),
        Area(
            "Perusopetus",
            [
                Goal(
                    "1",
                    "Oppimisen tuen vahvistaminen ja oppimiserojen kaventaminen.",
                    strategy=S_OSAAVA,
                    key="po_oppiminen",
                    measures=[
                        Measure(
                            "Tehostettua tai erityistä tukea saavien oppilaiden osuus.",
                            "1",
                            "24,1 %",
                            "seurataan",
                            "25,3 %",
                            "Tuen tarve kasvoi edelleen erityisesti alakouluissa. Osuuden kasvu "
                            "selittyy osittain tuen tarpeiden aiempaa tarkemmalla "
                            "tunnistamisella.",
                            "y",
                        ),
                        Measure(
                            "Samanaikaisopetuksen tunnit viikossa kaikissa kouluissa yhteensä.",
                            "2",
                            "18",
                            "30",
                            "31",
                            LONG_PROGRESS_2022,
                            "g",
                        ),
                    ],
                ),
                Goal(
                    "2",
                    "Oppilaiden hyvinvoinnin ja kouluturvallisuuden edistäminen.",
                    strategy=S_OSAAVA,
                    key="po_hyvinvointi",
                    measures=[
                        Measure(
                            "Koulukiusatuksi kokevien osuus 8. ja 9. luokan oppilaista "
                            "(kouluterveyskysely).",
                            "1",
                            "7,8 %",
                            "alle 6 %",
                            "ei mitattu",
                            "Kouluterveyskysely toteutetaan joka toinen vuosi, seuraavan kerran "
                            "keväällä 2023. KiVa Koulu -ohjelman toteutumista seurattiin koulujen "
                            "omilla kyselyillä.",
                            "y",
                        ),
                        Measure(
                            "Koulupoissaolojen seurantamalli on käytössä kaikissa kouluissa.",
                            "2",
                            "2 koulussa",
                            "kaikissa kouluissa",
                            "kaikissa kouluissa",
                            "Malli otettiin käyttöön kaikissa seitsemässä koulussa "
                            "syyslukukauden alussa.",
                            "g",
                        ),
                    ],
                ),
                Goal(
                    "3",
                    "Harrastamisen Suomen mallin toteuttaminen koulupäivän yhteydessä.",
                    strategy=S_OSAAVA,
                    key="harrastus",
                    measures=[
                        Measure(
                            "Koulupäivän yhteydessä järjestettävien maksuttomien "
                            "harrastusryhmien määrä.",
                            "1",
                            "12",
                            "20",
                            "23",
                            "Harrastusryhmiä toimi 23, joista suosituimpia olivat parkour, "
                            "e-urheilu ja bändikerho.",
                            "g",
                        ),
                        Measure(
                            "Harrastusryhmiin osallistuvien oppilaiden osuus.",
                            "2",
                            "21 %",
                            "30 %",
                            "27 %",
                            "Osallistuminen kasvoi, mutta yläkoululaisten osallistuminen jäi "
                            "alakoululaisia vähäisemmäksi.",
                            "y",
                        ),
                    ],
                ),
                Goal(
                    "4",
                    "Digitaalisten oppimisympäristöjen ja opettajien digiosaamisen kehittäminen.",
                    strategy=S_ELINVOIMA,
                    key="po_digi",
                    measures=[
                        Measure(
                            "Oppilaskohtaiset päätelaitteet ovat käytössä luokilla 3–9.",
                            "1",
                            "luokilla 5–9",
                            "luokilla 3–9",
                            "luokilla 4–9",
                            "Laitehankinta kolmansille luokille siirtyi toimitusviiveiden vuoksi "
                            "vuodelle 2023. Neljännet luokat saivat laitteet syyslukukauden "
                            "alussa.",
                            "y",
                        ),
                    ],
                ),
            ],
        ),
        Area(
            "Lukiokoulutus",
            [
                Goal(
                    "1",
                    "Lukion vetovoiman ja opiskelijoiden opintojen sujuvuuden lisääminen.",
                    strategy=S_ELINVOIMA,
                    key="lukio_veto",
                    measures=[
                        Measure(
                            "Lukioon ensisijaisesti hakeneet.",
                            "1",
                            "74",
                            "80",
                            "83",
                            "Ensisijaisia hakijoita oli 83. Vetovoimaa lisäsivät uusi "
                            "e-urheilulinja ja maksuttomat ajokorttiopinnot.",
                            "g",
                        ),
                        Measure(
                            "Opintonsa keskeyttäneiden osuus.",
                            "2",
                            "4,2 %",
                            "alle 3 %",
                            "2,6 %",
                            "Keskeyttäneitä oli viisi opiskelijaa.",
                            "g",
                        ),
                    ],
                ),
                Goal(
                    "2",
                    "Etä- ja hybridiopetuksen vakiinnuttaminen yhteistyölukioiden kanssa.",
                    strategy=S_ELINVOIMA,
                    key="lukio_eta",
                    measures=[
                        Measure(
                            "Yhteistyölukioiden kanssa toteutetut etäkurssit.",
                            "1",
                            "8",
                            "12",
                            "7",
                            "Yhteistyölukioiden kurssitarjonta supistui, kun kaksi lukiota siirtyi "
                            "toiseen verkostoon. Etäkurssien järjestämisestä luovutaan vuoden "
                            "2023 talousarviossa.",
                            "r",
                        ),
                    ],
                ),
            ],
        ),
        Area(
            "Kulttuuri- ja vapaa-aikapalvelut",
            [
                Goal(
                    "1",
                    "Kirjastopalveluiden saavutettavuuden parantaminen.",
                    strategy=S_OSAAVA,
                    key="kirjasto",
                    measures=[
                        Measure(
                            "Omatoimikirjaston aukiolotunnit viikossa.",
                            "1",
                            "40",
                            "70",
                            "72",
                            "Omatoimiaukiolo laajennettiin Kirkonkylän lähikirjastoon huhtikuussa.",
                            "g",
                        ),
                        Measure(
                            "Kirjastokäynnit asukasta kohden.",
                            "2",
                            "5,1",
                            "5,5",
                            "5,3",
                            "Käyntimäärät palautuivat lähes koronaa edeltävälle tasolle.",
                            "y",
                        ),
                    ],
                ),
                Goal(
                    "2",
                    "Kuntalaisten liikunta-aktiivisuuden lisääminen.",
                    strategy=S_OSAAVA,
                    key="liikunta",
                    measures=[
                        Measure(
                            "Sisäliikuntapaikkojen vuorojen käyttöaste.",
                            "1",
                            "68 %",
                            "75 %",
                            "77 %",
                            "Vuorojen käyttöaste nousi erityisesti iltavuoroissa.",
                            "g",
                        ),
                        Measure(
                            "Ikääntyneiden ohjattujen liikuntaryhmien määrä.",
                            "2",
                            "9",
                            "12",
                            "12",
                            "Uudet ryhmät aloittivat kyläkouluilla syyskuussa.",
                            "g",
                        ),
                    ],
                ),
                Goal(
                    "3",
                    "Tapahtumatarjonnan monipuolistaminen yhteistyössä yhdistysten kanssa.",
                    strategy=S_ELINVOIMA,
                    key="tapahtumat",
                    measures=[
                        Measure(
                            "Kulttuuri- ja yhdistysavustusten hakemukset.",
                            "1",
                            "46",
                            "50",
                            "39",
                            "Hakemusten määrä laski. Avustusten hakuaikaa ei ehditty "
                            "tiedottaa riittävästi.",
                            "r",
                        ),
                    ],
                ),
                Goal(
                    "4",
                    "Nuorten osallisuuden vahvistaminen nuorisovaltuuston toiminnan kautta.",
                    strategy=S_OSAAVA,
                    key="nuva",
                    progress="Nuorisovaltuusto kokoontui yhdeksän kertaa ja antoi lausunnon "
                    "kolmesta asiasta.",
                    rating="g",
                ),
            ],
        ),
    ]


def siv_2023() -> list[Area]:
    """Sivistystoimiala 2023 (TA 2023 and TP 2023): what changed since 2022 is in `prev`.

    Changes against 2022: hallinto goal 1 reworded and goal 3 new; varhaiskasvatus goal 2
    split into goals 2 and 3 (old 3 -> 4); perusopetus goal 1 reworded, goal 3 (harrastus)
    moved to the renamed vapaa-aika area, goal 4 -> 3; lukio goal 2 ended; the area
    "Kulttuuri- ja vapaa-aikapalvelut" renamed "Vapaa-aika- ja hyvinvointipalvelut".
    """
    M = Measure
    return [
        Area(
            "Sivistystoimen hallinto",
            [
                Goal(
                    "1",
                    "Toimialan talouden ja hankintojen suunnitelmallisuuden kehittäminen.",
                    strategy=S_TALOUS,
                    key="talous",
                    prev=("talous",),
                    progress="Talouden kuukausiseuranta vakiintui, ja lautakunta sai "
                    "talousraportin kuukausittain. Hankintojen kirjaaminen parani, mutta "
                    "pienhankinnoissa on yhä puutteita.",
                    measures=[
                        M(
                            "Talousarvion toteutumista seurataan tulosalueittain kuukausittain.",
                            "1.1",
                            "kuukausittain",
                            "kuukausittain",
                            "kuukausittain",
                            rating="g",
                        ),
                        M(
                            "Hankinnat kirjataan hankintajärjestelmään.",
                            "1.2",
                            "85 %",
                            "100 %",
                            "96 %",
                            rating="y",
                        ),
                    ],
                ),
                Goal(
                    "2",
                    "Sähköisen asioinnin lisääminen ja palveluprosessien digitalisointi.",
                    strategy=S_TALOUS,
                    key="digi",
                    prev=("digi",),
                    progress="Sähköinen asiointi lisääntyi selvästi. Perusopetuksen sähköinen "
                    "ilmoittautuminen otettiin käyttöön tammikuussa.",
                    measures=[
                        M(
                            "Sähköisesti jätettyjen hakemusten osuus kaikista hakemuksista.",
                            "2.1",
                            "52 %",
                            "70 %",
                            "74 %",
                            rating="g",
                        ),
                        M(
                            "Perusopetuksen sähköinen ilmoittautuminen on käytössä.",
                            "2.2",
                            "ei käytössä",
                            "käytössä",
                            "käytössä",
                            rating="g",
                        ),
                    ],
                ),
                Goal(
                    "3",
                    "Tietosuoja- ja tietoturvaosaamisen vahvistaminen.",
                    strategy=S_TALOUS,
                    key="tietosuoja",
                    progress="Verkkokoulutus avattiin maaliskuussa. Suoritusaste jäi tavoitteesta "
                    "erityisesti sijaisten ja tuntiopettajien osalta.",
                    measures=[
                        M(
                            "Tietosuojakoulutuksen suorittaneiden osuus henkilöstöstä.",
                            "3.1",
                            "ei mitattu",
                            "90 %",
                            "71 %",
                            rating="r",
                        ),
                    ],
                ),
            ],
        ),
        Area(
            "Varhaiskasvatus",
            [
                Goal(
                    "1",
                    "Laadukas ja lapsen yksilölliset tarpeet huomioiva varhaiskasvatus.",
                    strategy=S_OSAAVA,
                    key="vaka_laatu",
                    prev=("vaka_laatu",),
                    progress="Varhaiskasvatussuunnitelmat laadittiin kaikille lapsille. "
                    "Huoltajakysely toteutetaan joka toinen vuosi, seuraavan kerran 2024.",
                    measures=[
                        M(
                            "Lapsen varhaiskasvatussuunnitelma on laadittu kaikille lapsille "
                            "määräajassa.",
                            "1.1",
                            "98 %",
                            "100 %",
                            "100 %",
                            rating="g",
                        ),
                        M(
                            "Huoltajakyselyn kokonaisarvosana (asteikko 4–10).",
                            "1.2",
                            "8,8",
                            "vähintään 8,8",
                            "kysely 2024",
                            rating="n",
                        ),
                    ],
                ),
                Goal(
                    "2",
                    "Kelpoisen henkilöstön saatavuuden turvaaminen.",
                    strategy=S_TALOUS,
                    key="vaka_saatavuus",
                    prev=("vaka_henk",),
                    progress="Kelpoisten opettajien osuus kasvoi oppisopimus- ja "
                    "monimuotokoulutuksen ansiosta. Varahenkilöjärjestelmä vähensi "
                    "täyttämättä jääneitä sijaistarpeita.",
                    measures=[
                        M(
                            "Kelpoisten varhaiskasvatuksen opettajien osuus opettajan tehtävissä.",
                            "2.1",
                            "76 %",
                            "82 %",
                            "80 %",
                            rating="y",
                        ),
                        M(
                            "Täyttämättä jääneet sijaistarpeet kuukaudessa.",
                            "2.2",
                            "12",
                            "alle 10",
                            "8",
                            rating="g",
                        ),
                    ],
                ),
                Goal(
                    "3",
                    "Henkilöstön pysyvyyden ja työhyvinvoinnin parantaminen.",
                    strategy=S_TALOUS,
                    key="vaka_pysyvyys",
                    prev=("vaka_henk",),
                    progress="Vaihtuvuus pieneni. Työhyvinvointikyselyn tulos parani hieman, "
                    "mutta kiire koetaan edelleen suurimmaksi kuormitustekijäksi.",
                    measures=[
                        M(
                            "Vakituisen henkilöstön vaihtuvuus.",
                            "3.1",
                            "15,2 %",
                            "alle 12 %",
                            "11,4 %",
                            rating="g",
                        ),
                        M(
                            "Työhyvinvointikyselyn keskiarvo (asteikko 1–5).",
                            "3.2",
                            "3,6",
                            "3,8",
                            "3,7",
                            rating="y",
                        ),
                    ],
                ),
                Goal(
                    "4",
                    "Kasvatusyhteistyön vahvistaminen ja huoltajien osallisuuden lisääminen.",
                    strategy=S_OSAAVA,
                    key="vaka_kaste",
                    prev=("vaka_kaste",),
                    progress="Vanhempainillat ja teemaillat järjestettiin kaikissa yksiköissä.",
                    measures=[
                        M(
                            "Huoltajille järjestetään vanhempainilta ja teemailta jokaisessa "
                            "yksikössä vähintään kaksi kertaa vuodessa.",
                            "4.1",
                            "kaikissa yksiköissä",
                            "kaikissa yksiköissä",
                            "kaikissa yksiköissä",
                            rating="g",
                        ),
                    ],
                ),
            ],
        ),
        Area(
            "Perusopetus",
            [
                Goal(
                    "1",
                    "Kolmiportaisen tuen vahvistaminen ja oppimiserojen kaventaminen.",
                    strategy=S_OSAAVA,
                    key="po_oppiminen",
                    prev=("po_oppiminen",),
                    progress="Uudistettu tuen toimintamalli otettiin käyttöön elokuussa. "
                    "Samanaikaisopetusta lisättiin, mutta lukemisen seulonnan tulokset "
                    "heikkenivät edellisvuodesta.",
                    measures=[
                        M(
                            "Samanaikaisopetuksen tunnit viikossa kaikissa kouluissa yhteensä.",
                            "1.1",
                            "31",
                            "35",
                            "36",
                            rating="g",
                        ),
                        M(
                            "Tehostettua tai erityistä tukea saavien oppilaiden osuus.",
                            "1.2",
                            "25,3 %",
                            "seurataan",
                            "26,0 %",
                            rating="n",
                        ),
                        M(
                            "Lukemisen seulonnassa tavoitetasolla olevien osuus 2. luokalla.",
                            "1.3",
                            "81 %",
                            "85 %",
                            "79 %",
                            rating="r",
                        ),
                    ],
                ),
                Goal(
                    "2",
                    "Oppilaiden hyvinvoinnin ja kouluturvallisuuden edistäminen.",
                    strategy=S_OSAAVA,
                    key="po_hyvinvointi",
                    prev=("po_hyvinvointi",),
                    progress="Kiusaamista kokevien osuus pieneni, mutta tavoitetasoa ei "
                    "saavutettu. Poissaolojen seurantamalli on vakiintunut.",
                    measures=[
                        M(
                            "Koulukiusatuksi kokevien osuus 8. ja 9. luokan oppilaista "
                            "(kouluterveyskysely).",
                            "2.1",
                            "7,8 % (2021)",
                            "alle 6 %",
                            "6,9 %",
                            rating="y",
                        ),
                        M(
                            "Koulupoissaolojen seurantamalli on käytössä kaikissa kouluissa.",
                            "2.2",
                            "kaikissa kouluissa",
                            "kaikissa kouluissa",
                            "kaikissa kouluissa",
                            rating="g",
                        ),
                    ],
                ),
                Goal(
                    "3",
                    "Digitaalisten oppimisympäristöjen ja opettajien digiosaamisen kehittäminen.",
                    strategy=S_ELINVOIMA,
                    key="po_digi",
                    prev=("po_digi",),
                    progress="Kaikilla 3.–9. luokkien oppilailla on oma päätelaite. "
                    "Digitutor-opettajat kouluttivat kollegoitaan kouluilla.",
                    measures=[
                        M(
                            "Oppilaskohtaiset päätelaitteet ovat käytössä luokilla 3–9.",
                            "3.1",
                            "luokilla 4–9",
                            "luokilla 3–9",
                            "luokilla 3–9",
                            rating="g",
                        ),
                        M(
                            "Digitaitojen koulutukseen osallistuneiden opettajien osuus.",
                            "3.2",
                            "ei mitattu",
                            "80 %",
                            "84 %",
                            rating="g",
                        ),
                    ],
                ),
            ],
        ),
        Area(
            "Lukiokoulutus",
            [
                Goal(
                    "1",
                    "Lukion vetovoiman ja opiskelijoiden opintojen sujuvuuden lisääminen.",
                    strategy=S_ELINVOIMA,
                    key="lukio_veto",
                    prev=("lukio_veto",),
                    progress="Ensisijaisten hakijoiden määrä laski ikäluokan pienentyessä. "
                    "Keskeyttäneiden osuus pysyi tavoitetasolla.",
                    measures=[
                        M("Lukioon ensisijaisesti hakeneet.", "1.1", "83", "85", "78", rating="r"),
                        M(
                            "Opintonsa keskeyttäneiden osuus.",
                            "1.2",
                            "2,6 %",
                            "alle 3 %",
                            "2,9 %",
                            rating="g",
                        ),
                    ],
                ),
            ],
        ),
        Area(
            "Vapaa-aika- ja hyvinvointipalvelut",
            [
                Goal(
                    "1",
                    "Kirjastopalveluiden saavutettavuuden parantaminen.",
                    strategy=S_OSAAVA,
                    key="kirjasto",
                    prev=("kirjasto",),
                    progress="Kirjastokäyntien määrä ylitti koronaa edeltävän tason.",
                    measures=[
                        M(
                            "Omatoimikirjaston aukiolotunnit viikossa.",
                            "1.1",
                            "72",
                            "72",
                            "72",
                            rating="g",
                        ),
                        M(
                            "Kirjastokäynnit asukasta kohden.",
                            "1.2",
                            "5,3",
                            "5,5",
                            "5,6",
                            rating="g",
                        ),
                    ],
                ),
                Goal(
                    "2",
                    "Kuntalaisten liikunta-aktiivisuuden lisääminen.",
                    strategy=S_OSAAVA,
                    key="liikunta",
                    prev=("liikunta",),
                    progress="Uimahallin peruskorjaus siirsi vuoroja muihin tiloihin, mikä "
                    "laski käyttöastetta. Ikääntyneiden ryhmiä perustettiin lisää.",
                    measures=[
                        M(
                            "Sisäliikuntapaikkojen vuorojen käyttöaste.",
                            "2.1",
                            "77 %",
                            "78 %",
                            "74 %",
                            rating="y",
                        ),
                        M(
                            "Ikääntyneiden ohjattujen liikuntaryhmien määrä.",
                            "2.2",
                            "12",
                            "14",
                            "15",
                            rating="g",
                        ),
                    ],
                ),
                Goal(
                    "3",
                    "Harrastamisen Suomen mallin toteuttaminen koulupäivän yhteydessä.",
                    strategy=S_OSAAVA,
                    key="harrastus",
                    prev=("harrastus",),
                    progress="Harrastustoiminnan koordinointi siirtyi vapaa-aikapalveluihin "
                    "1.1.2023. Ryhmiä ja osallistujia oli enemmän kuin koskaan.",
                    measures=[
                        M(
                            "Koulupäivän yhteydessä järjestettävien maksuttomien harrastusryhmien "
                            "määrä.",
                            "3.1",
                            "23",
                            "25",
                            "26",
                            rating="g",
                        ),
                        M(
                            "Harrastusryhmiin osallistuvien oppilaiden osuus.",
                            "3.2",
                            "27 %",
                            "30 %",
                            "31 %",
                            rating="g",
                        ),
                    ],
                ),
                Goal(
                    "4",
                    "Tapahtumatarjonnan monipuolistaminen yhteistyössä yhdistysten kanssa.",
                    strategy=S_ELINVOIMA,
                    key="tapahtumat",
                    prev=("tapahtumat",),
                    progress="Avustushausta tiedotettiin laajemmin, ja hakemusten määrä kasvoi.",
                    measures=[
                        M(
                            "Kulttuuri- ja yhdistysavustusten hakemukset.",
                            "4.1",
                            "39",
                            "50",
                            "44",
                            rating="y",
                        ),
                    ],
                ),
                Goal(
                    "5",
                    "Nuorten osallisuuden vahvistaminen nuorisovaltuuston toiminnan kautta.",
                    strategy=S_OSAAVA,
                    key="nuva",
                    prev=("nuva",),
                    progress="Nuorisovaltuusto kokoontui kahdeksan kertaa ja järjesti "
                    "nuorten vaikuttamispäivän.",
                ),
            ],
        ),
    ]


def as_plan(areas: list[Area], keep_progress: bool = False) -> list[Area]:
    """The plan (talousarvio) prints the same goals without outcome fields."""

    def strip(m: Measure) -> Measure:
        return replace(m, actual="", progress="", rating="", verdict="")

    return [
        replace(
            a,
            goals=[
                replace(
                    g,
                    measures=[strip(m) for m in g.measures],
                    progress=g.progress if keep_progress else "",
                    rating="",
                )
                for g in a.goals
            ],
        )
        for a in areas
    ]


def without(areas: list[Area], *fields: str) -> list[Area]:
    """Blank measure fields a document's table has no column for (the truth is what is
    printed)."""
    blank = dict.fromkeys(fields, "")
    return [
        replace(
            a,
            goals=[replace(g, measures=[replace(m, **blank) for m in g.measures]) for g in a.goals],
        )
        for a in areas
    ]


def with_prev(areas: list[Area]) -> list[Area]:
    """Same goals as the previous document of the series: each goal continues itself."""
    return [replace(a, goals=[replace(g, prev=(g.key,)) for g in a.goals]) for a in areas]


# ---------------------------------------------------------------------------------------------
# Invented content: the other documents
# ---------------------------------------------------------------------------------------------

SCALE_012: Scale = {
    "g": Level(2, "tavoite toteutui", "green", GREEN),
    "y": Level(1, "tavoite toteutui osittain", "yellow", YELLOW),
    "r": Level(0, "tavoite ei toteutunut", "red", RED),
}
SCALE_COLOUR: Scale = {
    "g": Level(None, "Tavoite toteutui", "green", GREEN),
    "y": Level(None, "Tavoite toteutui osittain", "yellow", YELLOW),
    "r": Level(None, "Tavoite ei toteutunut", "red", RED),
    "n": Level(None, "Ei arvioitavissa", "grey", "BFBFBF"),
}
SCALE_SV: Scale = {
    "g": Level(None, "Målet kommer att uppnås", "green", GREEN),
    "y": Level(None, "Målet uppnås delvis eller utfallet är osäkert", "yellow", YELLOW),
    "r": Level(None, "Målet kommer inte att uppnås", "red", RED),
}
SCALE_WORDS: Scale = {
    "g": Level(None, "Toteutui", "green", ""),
    "y": Level(None, "Osittain toteutunut", "yellow", ""),
    "r": Level(None, "Ei toteutunut", "red", ""),
}
SCALE_123: Scale = {  # 1 is best
    "g": Level(1, "toteutunut", "green", ""),
    "y": Level(2, "osittain", "yellow", ""),
    "r": Level(3, "ei toteutunut", "red", ""),
}
SCALE_SVG: Scale = {
    "g": Level(2, "tavoite toteutuu", "green", GREEN, "2"),
    "y": Level(1, "toteutuminen epävarma", "yellow", YELLOW, "1"),
    "r": Level(0, "tavoite ei toteudu", "red", RED, "0"),
    "n": Level(None, "ei vielä arvioitavissa", "grey", GREY, "–"),
}
NO_SCALE: Scale = {}


def kvarnby_2022() -> list[Area]:
    """Swedish interim report (delårsrapport) of an invented bilingual municipality."""
    M = Measure
    return [
        Area(
            "Småbarnspedagogik",
            [
                Goal(
                    "1",
                    "Alla barn får småbarnspedagogik av hög kvalitet på sitt eget modersmål.",
                    measures=[
                        M(
                            "Andel behöriga lärare inom småbarnspedagogiken.",
                            "",
                            "",
                            "minst 80 %",
                            "",
                            "Andelen var 77 % i juni. Två tjänster är fortfarande obesatta.",
                            "y",
                        ),
                        M(
                            "Vårdnadshavarnas helhetsvitsord i kundenkäten.",
                            "",
                            "",
                            "minst 8,5",
                            "",
                            "Enkäten genomförs i november.",
                            "g",
                        ),
                    ],
                ),
                Goal(
                    "2",
                    "Ansökningar om plats behandlas inom lagstadgad tid.",
                    measures=[
                        M(
                            "Andel beslut som fattats inom fyra månader.",
                            "",
                            "",
                            "100 %",
                            "",
                            "Alla beslut har fattats inom tidsfristen under perioden.",
                            "g",
                        ),
                    ],
                ),
            ],
        ),
        Area(
            "Grundläggande utbildning",
            [
                Goal(
                    "1",
                    "Stödet för lärande stärks och skillnaderna i lärande minskar.",
                    measures=[
                        M(
                            "Antal timmar kompanjonundervisning per vecka.",
                            "",
                            "",
                            "24",
                            "",
                            "Kompanjonundervisningen har utökats till 19 timmar per vecka. "
                            "Rekryteringen av en speciallärare pågår.",
                            "y",
                        ),
                    ],
                ),
                Goal(
                    "2",
                    "Eleverna upplever att skolan är trygg.",
                    measures=[
                        M(
                            "Andel elever i årskurs 8–9 som blivit mobbade (Hälsa i skolan).",
                            "",
                            "",
                            "under 6 %",
                            "",
                            "Resultaten publiceras hösten 2022. Skolorna har "
                            "infört KiVa-lektioner i alla årskurser.",
                            "y",
                        ),
                        M(
                            "Antal elever med långvarig frånvaro.",
                            "",
                            "",
                            "under 10",
                            "",
                            "Antalet har ökat till 17. Ett nytt samarbete med "
                            "elevhälsan har inletts.",
                            "r",
                        ),
                    ],
                ),
            ],
        ),
        Area(
            "Fritid och kultur",
            [
                Goal(
                    "1",
                    "Invånarna rör sig mer och deltar i kulturlivet.",
                    measures=[
                        M(
                            "Antal besök i simhallen.",
                            "",
                            "",
                            "40 000 / år",
                            "",
                            "Under första halvåret 21 300 besök.",
                            "g",
                        ),
                        M(
                            "Antal kulturevenemang i samarbete med föreningar.",
                            "",
                            "",
                            "30 / år",
                            "",
                            "Elva evenemang under perioden. Sommarens evenemang "
                            "inställdes delvis på "
                            "grund av vädret.",
                            "r",
                        ),
                    ],
                ),
            ],
        ),
    ]


def companies_2023() -> list[Area]:
    """Goals set for the city's companies: one card per goal, verdict word first."""

    def card(goal: str, measure: str, progress: str, verdict: str, rating: str) -> Goal:
        return Goal("", goal, [Measure(measure, progress=progress, rating=rating, verdict=verdict)])

    return [
        Area(
            "Järvelän Vesi Oy",
            [
                card(
                    "Taloudellinen tulos",
                    "Vähintään nollatulos.",
                    "Toteutui, tilikauden voitto 48 210 €.",
                    "Toteutui",
                    "g",
                ),
                card(
                    "Yhtiön vakavaraisuus säilyy",
                    "Omavaraisuusaste vähintään 30 %.",
                    "Totetui, omavaraisuusaste 31,2 %.",
                    "Totetui",
                    "g",
                ),
                card(
                    "Verkoston saneeraus etenee suunnitellusti",
                    "Vesijohtoverkostoa saneerataan vähintään 4 km vuodessa.",
                    "Osittain toteutunut: saneerattiin 2,8 km. Kirkonkylän siirtoviemärin "
                    "urakka siirtyi keväälle 2024.",
                    "Osittain toteutunut",
                    "y",
                ),
                card(
                    "Vedenjakelun toimintavarmuus",
                    "Suunnittelemattomia yli 12 tunnin katkoja enintään 2 kpl vuodessa.",
                    "Toteutui. Yli 12 tunnin katkoja ei ollut.",
                    "Toteutui",
                    "g",
                ),
            ],
        ),
        Area(
            "Kiinteistö Oy Järvelän Yritystalo",
            [
                card(
                    "Taloudellinen tulos",
                    "Vähintään nollatulos.",
                    "Ei toteutunut, tappio 12 430 €. Tappio johtui energiakustannusten "
                    "noususta ja kahden liiketilan vuokralaisen vaihtumisesta.",
                    "Ei toteutunut",
                    "r",
                ),
                card(
                    "Toimitilojen käyttöaste",
                    "Vuokrausaste vähintään 90 %.",
                    "Osittain totetunut: vuokrausaste oli vuoden lopussa 86 %.",
                    "Osittain totetunut",
                    "y",
                ),
            ],
        ),
        Area(
            "Järvelän Liikuntahalli Oy",
            [
                card(
                    "Taloudellinen tulos",
                    "Vähintään nollatulos.",
                    "Toteutui, voitto 1 120 €.",
                    "Toteutui",
                    "g",
                ),
                card(
                    "Käyttötunnit",
                    "Vähintään 2 400 käyttötuntia vuodessa.",
                    "Ei toteutunut, käyttötunteja kertyi 2 190. Lattian uusiminen sulki hallin "
                    "kolmeksi viikoksi.",
                    "Ei toteutunut",
                    "r",
                ),
                card(
                    "Energiatehokkuus",
                    "Sähkönkulutus laskee 5 % vuoden 2022 tasosta.",
                    "Toteutui, kulutus laski 8 %.",
                    "Toteutui",
                    "g",
                ),
            ],
        ),
    ]


def tekninen_2024() -> list[Area]:
    """Tekninen toimiala, interim report 1-8/2024: digits where 1 is best."""
    M = Measure
    return [
        Area(
            "Kuntatekniikka",
            [
                Goal(
                    "1",
                    "Katu- ja tieverkon kunto paranee.",
                    [
                        M(
                            "Päällystettävät katuosuudet, km/vuosi.",
                            target="vähintään 3 km",
                            progress="Päällystystyöt tehtiin kesä–elokuussa, yhteensä 3,4 km.",
                            rating="g",
                        ),
                        M(
                            "Katuvalojen vaihto led-valaisimiksi.",
                            target="400 kpl",
                            progress="Urakka on käynnissä. Elokuun loppuun mennessä on vaihdettu "
                            "260 valaisinta.",
                            rating="y",
                        ),
                    ],
                ),
                Goal(
                    "2",
                    "Talvikunnossapito hoidetaan laatuvaatimusten mukaisesti.",
                    [
                        M(
                            "Aurauksen aloitusaika lumisateen jälkeen I-luokan kaduilla.",
                            target="alle 4 h",
                            progress="Tammikuun lumimyräköissä aloitusaika ylittyi kahdesti "
                            "kalustorikkojen vuoksi.",
                            rating="y",
                        ),
                    ],
                ),
                Goal(
                    "3",
                    "Hulevesien hallinta parantuu keskustan alueella.",
                    [
                        M(
                            "Hulevesiohjelma on hyväksytty.",
                            target="hyväksytty 6/2024",
                            progress="Ohjelman valmistelu viivästyi. Ohjelma viedään "
                            "kaupunginhallitukseen joulukuussa.",
                            rating="r",
                        ),
                    ],
                ),
            ],
        ),
        Area(
            "Tilapalvelut",
            [
                Goal(
                    "4",
                    "Kiinteistöjen energiankulutus vähenee.",
                    [
                        M(
                            "Lämmön ominaiskulutus, kWh/m³.",
                            target="-3 % vuodesta 2023",
                            progress="Kulutus laski tammi–elokuussa 4,1 % "
                            "edellisvuoden vastaavasta "
                            "jaksosta.",
                            rating="g",
                        ),
                        M(
                            "Aurinkovoimalat kaupungin kiinteistöissä, kpl.",
                            target="3",
                            progress="Kaksi voimalaa valmistui keväällä, kolmas kilpailutetaan "
                            "syksyllä.",
                            rating="y",
                        ),
                    ],
                ),
                Goal(
                    "5",
                    "Sisäilmaongelmiin reagoidaan viipymättä.",
                    [
                        M(
                            "Sisäilmailmoitusten käsittelyaika.",
                            target="alle 2 viikkoa",
                            progress="Kaikki 14 ilmoitusta käsiteltiin sisäilmatyöryhmässä kahden "
                            "viikon kuluessa.",
                            rating="g",
                        ),
                    ],
                ),
                Goal(
                    "6",
                    "Kiinteistöomaisuutta sopeutetaan palvelutarpeeseen.",
                    [
                        M(
                            "Myytävät tai purettavat tarpeettomat kiinteistöt, kpl.",
                            target="4",
                            progress="Vanha kunnantalo ja Rantalan koulu myytiin. Kahden kohteen "
                            "myynti on käynnissä.",
                            rating="y",
                        ),
                        M(
                            "Tilojen käyttöaste koulukiinteistöissä.",
                            target="vähintään 85 %",
                            progress="Käyttöaste on 88 %.",
                            rating="g",
                        ),
                    ],
                ),
            ],
        ),
        Area(
            "Ympäristö- ja rakennusvalvonta",
            [
                Goal(
                    "7",
                    "Lupapalvelut ovat sujuvia ja ennakoitavia.",
                    [
                        M(
                            "Rakennuslupien keskimääräinen käsittelyaika.",
                            target="alle 4 viikkoa",
                            progress="Käsittelyaika oli keskimäärin 5,5 viikkoa. Lupatarkastajan "
                            "virka oli täyttämättä maaliskuusta kesäkuuhun.",
                            rating="r",
                        ),
                        M(
                            "Sähköisesti jätettyjen lupahakemusten osuus.",
                            target="100 %",
                            progress="Kaikki hakemukset jätettiin Lupapiste-palvelun kautta.",
                            rating="g",
                        ),
                    ],
                ),
                Goal(
                    "8",
                    "Ympäristön tilaa seurataan suunnitelmallisesti.",
                    [
                        M(
                            "Valvontasuunnitelman mukaiset tarkastukset.",
                            target="100 %",
                            progress="Tarkastuksista on tehty 61 %. Loput tehdään syys–lokakuussa.",
                            rating="g",
                        ),
                    ],
                ),
            ],
        ),
    ]


def honkalahti_2023() -> list[Area]:
    """Elinvoimapalvelut of an invented small municipality, interim report 1-8/2023."""
    M = Measure
    return [
        Area(
            "Elinkeinopalvelut",
            [
                Goal(
                    "1",
                    "Yritysten määrä kasvaa ja yritysilmasto paranee.",
                    [
                        M(
                            "Uudet yritykset, kpl/vuosi.",
                            target="vähintään 40",
                            actual="29",
                            progress="Uusia yrityksiä perustettiin elokuun loppuun mennessä 29. "
                            "Kehitys vastaa edellisvuotta.",
                            rating="g",
                        ),
                        M(
                            "Yritysilmapiirikyselyn kokonaisarvosana.",
                            target="vähintään 3,5",
                            actual="–",
                            progress="Kysely toteutetaan lokakuussa.",
                            rating="n",
                        ),
                    ],
                ),
                Goal(
                    "2",
                    "Matkailun vetovoima kasvaa.",
                    [
                        M(
                            "Rekisteröidyt yöpymiset.",
                            target="+5 %",
                            actual="-2 %",
                            progress="Kesän yöpymiset jäivät edellisvuodesta sateisen heinäkuun "
                            "vuoksi.",
                            rating="y",
                        ),
                    ],
                ),
            ],
        ),
        Area(
            "Kaavoitus ja maankäyttö",
            [
                Goal(
                    "3",
                    "Tonttitarjonta vastaa kysyntää.",
                    [
                        M(
                            "Vapaat omakotitontit, kpl.",
                            target="vähintään 30",
                            actual="34",
                            progress="Rantakylän asemakaava tuli voimaan toukokuussa.",
                            rating="g",
                        ),
                        M(
                            "Yritystonttien luovutukset, kpl.",
                            target="5",
                            actual="1",
                            progress="Kysyntä on hiljentynyt korkojen nousun myötä.",
                            rating="r",
                        ),
                    ],
                ),
                Goal(
                    "4",
                    "Keskustan osayleiskaava etenee.",
                    [
                        M(
                            "Kaavaluonnos nähtävillä.",
                            target="syksy 2023",
                            actual="valmisteilla",
                            progress="Luonnos asetetaan nähtäville marraskuussa.",
                            rating="y",
                        ),
                    ],
                ),
            ],
        ),
        Area(
            "Työllisyyspalvelut",
            [
                Goal(
                    "5",
                    "Pitkäaikaistyöttömyys vähenee.",
                    [
                        M(
                            "Pitkäaikaistyöttömät, henkilöä.",
                            target="alle 120",
                            actual="131",
                            progress="Pitkäaikaistyöttömien määrä laski alkuvuodesta "
                            "143:sta, mutta "
                            "tavoitetaso on vielä saavuttamatta.",
                            rating="y",
                        ),
                        M(
                            "Työmarkkinatuen kuntaosuus, €.",
                            target="alle 450 000",
                            actual="312 400",
                            progress="Vuoden ennuste on 470 000 €.",
                            rating="r",
                        ),
                    ],
                ),
                Goal(
                    "6",
                    "Nuorten työllistymistä tuetaan.",
                    [
                        M(
                            "Kesätyösetelin käyttäneet nuoret, henkilöä.",
                            target="80",
                            actual="92",
                            progress="Seteleitä käytettiin ennätysmäärä.",
                            rating="g",
                        ),
                    ],
                ),
            ],
        ),
    ]


# ---------------------------------------------------------------------------------------------
# The documents
# ---------------------------------------------------------------------------------------------

SERIES = "jarvela-sivistys"


def documents() -> list[Doc]:
    d22 = siv_2022()
    d23 = siv_2023()
    return [
        Doc(
            "2022-plan-ruled-merged-cells",
            2022,
            "plan",
            JARVELA,
            SIVISTYS,
            as_plan(d22),
            NO_SCALE,
            "none",
            "docx",
            series=SERIES,
        ),
        Doc(
            "2022-outcome-landscape-merged-traffic-lights",
            2022,
            "outcome",
            JARVELA,
            SIVISTYS,
            with_prev(without(d22, "baseline")),
            SCALE_012,
            "bullet",
            "docx",
            series=SERIES,
            unprinted=("strategy",),
        ),
        Doc(
            "2023-plan-goal-cards",
            2023,
            "plan",
            JARVELA,
            SIVISTYS,
            as_plan(d23),
            NO_SCALE,
            "none",
            "docx",
            goal_fmt="{text}",
            measure_fmt="{no} {text}",
            series=SERIES,
        ),
        Doc(
            "2023-outcome-long-report-shaded-cards",
            2023,
            "outcome",
            JARVELA,
            SIVISTYS,
            with_prev(d23),
            SCALE_COLOUR,
            "shade",
            "docx",
            goal_fmt="{text}",
            measure_fmt="{no} {text}",
            series=SERIES,
        ),
        Doc(
            "2022-interim-sv-delarsrapport",
            2022,
            "interim",
            "Kvarnby kommun",
            "Bildningssektorn",
            kvarnby_2022(),
            SCALE_SV,
            "bullet",
            "docx",
            measure_fmt="{text}",
        ),
        Doc(
            "2023-outcome-company-cards-unruled-verdict-words",
            2023,
            "outcome",
            JARVELA,
            "Tytäryhteisöt",
            companies_2023(),
            SCALE_WORDS,
            "word",
            "docx",
            goal_fmt="{text}",
            measure_fmt="{text}",
            # no legend: the verdict words have no legend label
            unprinted=("organisation", "sector", "rating_label"),
        ),
        Doc(
            "2024-interim-landscape-scale-1-best",
            2024,
            "interim",
            JARVELA,
            "Tekninen toimiala",
            tekninen_2024(),
            SCALE_123,
            "digit",
            "docx",
            goal_fmt="{text}",
            measure_fmt="{text}",
        ),
        Doc(
            "2023-interim-html-borderless-svg-circles",
            2023,
            "interim",
            "Honkalahden kunta",
            "Elinvoimapalvelut",
            honkalahti_2023(),
            SCALE_SVG,
            "svg",
            "html",
            measure_fmt="{text}",
        ),
    ]


# ---------------------------------------------------------------------------------------------
# DOCX helpers
# ---------------------------------------------------------------------------------------------


FIXED_DATE = "2024-01-01T00:00:00"


def new_document(
    font: str = "Liberation Sans", size: float = 10, landscape: bool = False
) -> Document:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    # East-Asian font attribute too, otherwise LibreOffice may fall back for some glyphs.
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    normal.paragraph_format.space_after = Pt(4)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        st = doc.styles[name]
        st.font.name = font
        st.font.color.rgb = RGBColor(0x1F, 0x3B, 0x5C)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(2.0))
    if landscape:
        set_orientation(sec, True)
    cp = doc.core_properties
    cp.author = cp.last_modified_by = "Järvelän kaupunki"
    cp.created = cp.modified = datetime.fromisoformat(FIXED_DATE)
    cp.revision = 1
    return doc


def set_orientation(section, landscape: bool) -> None:
    w, h = Cm(21.0), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (h, w) if landscape else (w, h)


def add_section(doc: Document, landscape: bool):
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    set_orientation(sec, landscape)
    return sec


def add_header_footer(doc: Document, text: str) -> None:
    """Running header text and a centred page number in the footer (as real reports do)."""
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = text
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    hp.runs[0].font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    fp._p.append(fld)


def para(
    doc_or_cell,
    text: str = "",
    bold: bool = False,
    size: float | None = None,
    style: str | None = None,
    align=None,
    space_after: float | None = None,
):
    p = doc_or_cell.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def page_break(doc: Document) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def set_cell(
    cell,
    text: str = "",
    bold: bool = False,
    size: float = 9,
    colour: str | None = None,
    fill: str | None = None,
    align=None,
) -> None:
    """Replace the cell content with one paragraph of text."""
    for p in cell.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    p = cell.paragraphs[0]
    for r in list(p.runs):
        r._r.getparent().remove(r._r)
    p.paragraph_format.space_after = Pt(0)
    if align is not None:
        p.alignment = align
    if text:
        run = p.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)
        if colour:
            run.font.color.rgb = RGBColor.from_string(colour)
    if fill:
        shade(cell, fill)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP


def shade(cell, fill: str) -> None:
    """Cell background via w:shd, which is how Word stores 'Shading' of a cell."""
    tcPr = cell._tc.get_or_add_tcPr()
    for old in tcPr.findall(qn("w:shd")):
        tcPr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def repeat_as_header(row) -> None:
    """Mark a row as header row: Word/LibreOffice repeat it on every page the table spans."""
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def set_borders(table, ruled: bool) -> None:
    """All borders single (ruled) or explicitly none (unruled: no lines at all)."""
    tblPr = table._tbl.tblPr
    for old in tblPr.findall(qn("w:tblBorders")):
        tblPr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        if ruled:
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        else:
            el.set(qn("w:val"), "nil")
        borders.append(el)
    tblPr.append(borders)


def set_cell_margins(table, cm: float) -> None:
    """Left/right cell padding; the default 0.19 cm makes narrow columns break words."""
    tblPr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(cm * 567)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblPr.append(mar)


def new_table(doc: Document, rows: int, widths_cm: list[float], ruled: bool = True):
    table = doc.add_table(rows=rows, cols=len(widths_cm))
    table.autofit = False
    set_borders(table, ruled)
    set_cell_margins(table, 0.1)
    # Fixed grid widths: LibreOffice reads w:gridCol, Word reads the cell widths.
    for gc, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
        gc.set(qn("w:w"), str(int(w * 567)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(w)
    return table


def header_row(table, labels: list[str], fill: str = "DCE6F1", size: float = 9) -> None:
    for cell, label in zip(table.rows[0].cells, labels, strict=True):
        set_cell(cell, label, bold=True, fill=fill, size=size)


def bullet_cell(cell, level: Level | None) -> None:
    """Rating as a ● character whose font colour carries the value."""
    if level is None:
        set_cell(cell, "")
        return
    set_cell(cell, "●", size=14, colour=level.colour, align=WD_ALIGN_PARAGRAPH.CENTER)


def normalise_zip(path: Path) -> None:
    """python-docx stamps the current time on every zip member; fix it for determinism."""
    with zipfile.ZipFile(path) as zin:
        items = [(i, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in sorted(items, key=lambda x: x[0].filename != "[Content_Types].xml"):
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)


def save_docx(doc: Document, name: str) -> Path:
    path = OUT / f"{name}.docx"
    doc.save(path)
    normalise_zip(path)
    return path


def fmt(template: str, no: str, text: str) -> str:
    return template.format(no=no, text=text).strip()


def legend_line(doc: Document, title: str, scale: Scale, with_digits: bool) -> None:
    """A legend paragraph: coloured ● then the digit and words, one entry per line."""
    para(doc, title, bold=True, space_after=2)
    for key in ("g", "y", "r", "n"):
        if key not in scale:
            continue
        lv = scale[key]
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        r = p.add_run("● ")
        r.font.color.rgb = RGBColor.from_string(lv.colour)
        label = f"{lv.rating} = {lv.label}" if with_digits else lv.label
        p.add_run(label)
    para(doc, "", space_after=4)


# ---------------------------------------------------------------------------------------------
# Document builders (DOCX)
# ---------------------------------------------------------------------------------------------


def build_plan_merged(d: Doc) -> Document:
    """Talousarvio 2022: one big ruled portrait table, area/strategy/goal cells merged
    vertically over their measures, header row repeated on every page."""
    doc = new_document(size=10)
    add_header_footer(doc, "Järvelän kaupunki – Talousarvio 2022 ja taloussuunnitelma 2022–2024")
    para(doc, "5.3 Sivistystoimiala", style="Heading 1")
    para(
        doc,
        "Sivistystoimialan toiminta-ajatuksena on tarjota laadukkaat ja "
        "saavutettavat varhaiskasvatus-, opetus-, kulttuuri- ja vapaa-aikapalvelut "
        "kaikille järveläläisille. Toimialan tavoitteet johdetaan Järvelä-strategiasta "
        "2021–2025. Sivistyslautakunta raportoi tavoitteiden toteutumisesta "
        "osavuosikatsauksessa ja tilinpäätöksessä.",
    )
    para(doc, "Sivistystoimialan sitovat toiminnalliset tavoitteet 2022", style="Heading 2")
    widths = [2.8, 2.3, 3.4, 4.2, 2.15, 2.15]
    rows = sum(max(1, len(g.measures)) for a in d.areas for g in a.goals)
    t = new_table(doc, rows + 1, widths)
    header_row(
        t,
        [
            "Tulosalue",
            "Strateginen tavoite",
            "Toiminnallinen tavoite",
            "Mittari / toimenpide",
            "Lähtötaso TP 2021",
            "Tavoitetaso TA 2022",
        ],
    )
    repeat_as_header(t.rows[0])
    r = 1
    for area in d.areas:
        a0 = r
        for g in area.goals:
            g0 = r
            for m in g.measures or [None]:
                cells = t.rows[r].cells
                if m is not None:
                    set_cell(cells[3], fmt(d.measure_fmt, m.no, m.text), size=8.5)
                    set_cell(cells[4], m.baseline, size=8.5)
                    set_cell(cells[5], m.target, size=8.5)
                r += 1
            merge_down(t, 2, g0, r - 1, fmt(d.goal_fmt, g.no, g.text), size=8.5)
            merge_down(t, 1, g0, r - 1, g.strategy, size=8.5)
        merge_down(t, 0, a0, r - 1, area.name, bold=True, size=8.5)
    para(doc, "")
    para(
        doc,
        "Lähtötaso on vuoden 2021 tilinpäätöksen toteuma. Tavoitteiden toteutumista "
        "arvioidaan osavuosikatsauksessa 30.6. ja tilinpäätöksessä.",
        size=9,
    )
    return doc


def merge_down(
    table, col: int, r0: int, r1: int, text: str, bold: bool = False, size: float = 9
) -> None:
    """Merge a column's cells r0..r1 vertically and write the text into the merged cell."""
    cell = table.cell(r0, col)
    if r1 > r0:
        cell = cell.merge(table.cell(r1, col))
    set_cell(cell, text, bold=bold, size=size)


def build_outcome_merged(d: Doc) -> Document:
    """Tilinpäätös 2022: landscape, ruled, merged area/goal cells, ● ratings with a 0/1/2
    legend; the table runs over pages WITHOUT a repeated header, and one long progress cell
    must break mid-cell across a page."""
    doc = new_document(size=10, landscape=True)
    add_header_footer(doc, "Järvelän kaupunki – Tilinpäätös 2022")
    para(doc, "Sivistystoimialan tavoitteet 2022 / toteuma", style="Heading 1")
    legend_line(doc, "Arvio toteumasta", d.scale, with_digits=True)
    widths = [2.9, 3.8, 4.4, 2.6, 2.6, 7.7, 1.7]
    rows = sum(max(1, len(g.measures)) for a in d.areas for g in a.goals)
    t = new_table(doc, rows + 1, widths)
    header_row(
        t,
        [
            "Tulosalue",
            "Tavoite",
            "Mittari, seuranta ja toimenpiteet",
            "Tavoitetaso 2022",
            "Toteuma 2022",
            "Tavoitteen edistyminen",
            "Arvio toteumasta",
        ],
    )
    r = 1
    for area in d.areas:
        a0 = r
        for g in area.goals:
            g0 = r
            items = g.measures or [None]
            for m in items:
                cells = t.rows[r].cells
                if m is not None:
                    set_cell(cells[2], fmt(d.measure_fmt, m.no, m.text))
                    set_cell(cells[3], m.target)
                    set_cell(cells[4], m.actual)
                    set_cell(cells[5], m.progress)
                    bullet_cell(cells[6], d.scale.get(m.rating))
                else:
                    set_cell(cells[5], g.progress)
                    bullet_cell(cells[6], d.scale.get(g.rating))
                r += 1
            merge_down(t, 1, g0, r - 1, fmt(d.goal_fmt, g.no, g.text))
        merge_down(t, 0, a0, r - 1, area.name, bold=True)
    return doc


def goal_card_plan(doc: Document, d: Doc, g: Goal) -> None:
    """Plan goal card: goal and strategy rows over a measure grid (horizontal merges)."""
    widths = [4.2, 6.8, 3.0, 3.0]
    rows = 3 + max(1, len(g.measures))
    t = new_table(doc, rows, widths)
    set_cell(t.cell(0, 0), f"Tavoite {g.no}", bold=True, fill="DCE6F1")
    set_cell(t.cell(0, 1).merge(t.cell(0, 3)), fmt(d.goal_fmt, g.no, g.text), bold=True)
    set_cell(t.cell(1, 0), "Strateginen tavoite", fill="F2F2F2")
    set_cell(t.cell(1, 1).merge(t.cell(1, 3)), g.strategy)
    set_cell(t.cell(2, 0).merge(t.cell(2, 1)), "Mittari", bold=True, fill="F2F2F2")
    set_cell(t.cell(2, 2), "Lähtötaso TP 2022", bold=True, fill="F2F2F2")
    set_cell(t.cell(2, 3), "Tavoitetaso 2023", bold=True, fill="F2F2F2")
    for i, m in enumerate(g.measures):
        set_cell(t.cell(3 + i, 0).merge(t.cell(3 + i, 1)), fmt(d.measure_fmt, m.no, m.text))
        set_cell(t.cell(3 + i, 2), m.baseline)
        set_cell(t.cell(3 + i, 3), m.target)
    if not g.measures:
        set_cell(t.cell(3, 0).merge(t.cell(3, 1)), "–")
    para(doc, "", space_after=6)


def build_plan_cards(d: Doc) -> Document:
    """Talousarvio 2023: areas as headings, one ruled 'goal card' table per goal."""
    doc = new_document(size=10)
    add_header_footer(doc, "Järvelän kaupunki – Talousarvio 2023")
    para(doc, "5.3 Sivistystoimiala", style="Heading 1")
    para(
        doc,
        "Sivistystoimialan tavoitteet vuodelle 2023 on laadittu Järvelä-strategian "
        "2021–2025 pohjalta. Tavoitteita on tarkistettu vuoden 2022 toteuman perusteella: "
        "varhaiskasvatuksen henkilöstötavoite on jaettu kahteen osaan, harrastamisen "
        "Suomen malli siirtyy vapaa-aikapalveluihin ja kulttuuri- ja "
        "vapaa-aikapalveluiden tulosalue on nimetty uudelleen.",
    )
    for area in d.areas:
        para(doc, area.name, style="Heading 2")
        for g in area.goals:
            goal_card_plan(doc, d, g)
    return doc


def build_company_cards(d: Doc) -> Document:
    """Tilinpäätös 2023, goals of the city's companies: unruled cards
    'Tavoite | Toimenpide/mittari' over 'Arviointi | Tila'; the verdict is the first word(s)
    of Arviointi, and Tila is always 'Valmis' on a green cell (not a rating)."""
    doc = new_document(font="DejaVu Sans", size=9.5)
    add_header_footer(doc, "Tilinpäätös 2023")
    para(doc, "2.1 Kaupunkikonsernille asetettujen tavoitteiden toteutuminen", style="Heading 1")
    para(
        doc,
        "Kaupunginvaltuusto on asettanut vuoden 2023 talousarviossa tavoitteet "
        "kullekin tytäryhtiölle. Tytäryhtiöiden hallitukset ovat raportoineet "
        "tavoitteiden toteutumisesta konsernijaostolle.",
    )
    prose = {
        "Järvelän Vesi Oy": "Tilikausi oli yhtiön toiminnan kannalta kiireinen. Yhtiö "
        "osallistui kaupungin kanssa Rantakylän asuntoalueen kunnallistekniikan "
        "rakentamiseen ja jatkoi vesijohtoverkoston saneerausta. Liikevaihto kasvoi 4,6 % "
        "ja oli 3,12 milj. €. Vesimaksuja korotettiin 1.3.2023 alkaen 6 %.",
        "Kiinteistö Oy Järvelän Yritystalo": "Yhtiö omistaa ja vuokraa Järvelän "
        "Yritystalon toimitiloja. Energian hinnan nousu kasvatti kiinteistön hoitokuluja "
        "merkittävästi, eikä nousua voitu kokonaan siirtää vuokriin kesken "
        "vuokrasopimuskausien.",
        "Järvelän Liikuntahalli Oy": "Liikuntahallin käyttö pysyi vilkkaana. Kesällä uusittiin "
        "pääsalin lattia, minkä vuoksi halli oli suljettuna kolme viikkoa.",
    }
    for area in d.areas:
        para(doc, area.name, style="Heading 2")
        para(doc, prose[area.name])
        for i, g in enumerate(area.goals):
            if i == 0:
                para(doc, "Taloudelliset tavoitteet", bold=True)
            if i == 2:
                para(doc, "Toiminnalliset tavoitteet", bold=True)
            company_card(doc, g)
    return doc


def company_card(doc: Document, g: Goal) -> None:
    m = g.measures[0]
    t = new_table(doc, 4, [5.0, 9.0, 3.0], ruled=False)
    set_cell(t.cell(0, 0), "Tavoite", bold=True)
    set_cell(t.cell(0, 1).merge(t.cell(0, 2)), "Toimenpide/mittari", bold=True)
    set_cell(t.cell(1, 0), g.text)
    set_cell(t.cell(1, 1).merge(t.cell(1, 2)), m.text)
    set_cell(t.cell(2, 0).merge(t.cell(2, 1)), "Arviointi", bold=True)
    set_cell(t.cell(2, 2), "Tila", bold=True)
    set_cell(t.cell(3, 0).merge(t.cell(3, 1)), m.progress)
    set_cell(t.cell(3, 2), "Valmis", fill="92D050")
    para(doc, "", space_after=4)


def build_swedish(d: Doc) -> Document:
    """Delårsrapport 2022 in Swedish: areas as headings, one ruled table per area,
    Mål | Mätare | Utfall | Bedömning with coloured ● and a Swedish legend."""
    doc = new_document(size=10)
    add_header_footer(doc, "Kvarnby kommun – Delårsrapport 1.1–30.6.2022")
    para(doc, "Bildningssektorn", style="Heading 1")
    para(
        doc,
        "Bildningssektorn har under det första halvåret fortsatt arbetet med att "
        "utveckla småbarnspedagogiken och den grundläggande utbildningen. "
        "Nedan redovisas läget för de bindande verksamhetsmålen per 30.6.2022.",
    )
    legend_line(doc, "Bedömning av måluppfyllelsen", d.scale, with_digits=False)
    widths = [4.4, 4.4, 6.2, 2.0]
    for area in d.areas:
        para(doc, area.name, style="Heading 2")
        rows = sum(max(1, len(g.measures)) for g in area.goals)
        t = new_table(doc, rows + 1, widths)
        header_row(t, ["Mål", "Mätare", "Utfall 30.6.2022", "Bedömning"])
        r = 1
        for g in area.goals:
            g0 = r
            for m in g.measures:
                cells = t.rows[r].cells
                set_cell(cells[1], f"{m.text} Målnivå: {m.target}")
                set_cell(cells[2], m.progress)
                bullet_cell(cells[3], d.scale.get(m.rating))
                r += 1
            merge_down(t, 0, g0, r - 1, fmt(d.goal_fmt, g.no, g.text))
        para(doc, "")
    return doc


def build_tekninen(d: Doc) -> Document:
    """Osavuosikatsaus 1-8/2024: landscape, areas as headings over one ruled table per area,
    digits 1-3 where 1 is best; continuation rows leave goal cells blank (not merged)."""
    doc = new_document(size=10, landscape=True)
    add_header_footer(doc, "Järvelän kaupunki – Osavuosikatsaus 1.1.–31.8.2024")
    para(doc, "Tekninen toimiala", style="Heading 1")
    para(
        doc,
        "Teknisen toimialan tavoitteiden toteutumista arvioidaan asteikolla "
        "1 = toteutunut, 2 = osittain, 3 = ei toteutunut. Arvio kuvaa tilannetta "
        "31.8.2024 ja ennustetta koko vuodelle.",
    )
    widths = [1.2, 5.4, 5.4, 3.2, 9.0, 1.5]
    for area in d.areas:
        para(doc, area.name, style="Heading 2")
        rows = sum(max(1, len(g.measures)) for g in area.goals)
        t = new_table(doc, rows + 1, widths)
        header_row(
            t, ["Nro", "Tavoite", "Mittari", "Tavoitetaso 2024", "Tilanne 31.8.2024", "Arvio"]
        )
        repeat_as_header(t.rows[0])
        r = 1
        for g in area.goals:
            for i, m in enumerate(g.measures):
                cells = t.rows[r].cells
                if i == 0:
                    set_cell(cells[0], g.no)
                    set_cell(cells[1], fmt(d.goal_fmt, g.no, g.text))
                set_cell(cells[2], m.text)
                set_cell(cells[3], m.target)
                set_cell(cells[4], m.progress)
                lv = d.scale.get(m.rating)
                set_cell(
                    cells[5],
                    str(lv.rating) if lv else "",
                    bold=True,
                    align=WD_ALIGN_PARAGRAPH.CENTER,
                )
                r += 1
        para(doc, "")
    return doc


# --- the long report -------------------------------------------------------------------------

AREA_FINANCE = {  # TA 2023, TA muutokset, TP 2023 for toimintatuotot and toimintakulut (1 000 €)
    "Sivistystoimen hallinto": ((45, 0, 52), (-1210, 0, -1188)),
    "Varhaiskasvatus": ((980, 0, 1034), (-9870, -150, -10112)),
    "Perusopetus": ((640, 120, 811), (-16450, -300, -16702)),
    "Lukiokoulutus": ((210, 0, 198), (-2980, 0, -2911)),
    "Vapaa-aika- ja hyvinvointipalvelut": ((720, 0, 768), (-3940, 0, -3877)),
}

AREA_KEYFIGURES = {
    "Sivistystoimen hallinto": [
        ("Henkilötyövuodet", "11,5", "12,0", "11,8"),
        ("Lautakunnan kokoukset, kpl", "11", "10", "10"),
        ("Käsitellyt asiat, kpl", "142", "130", "137"),
    ],
    "Varhaiskasvatus": [
        ("Lapsia varhaiskasvatuksessa 31.12.", "812", "790", "798"),
        ("Päiväkodit / perhepäivähoitajat, kpl", "9 / 14", "9 / 12", "9 / 12"),
        ("Nettokustannus €/lapsi", "10 920", "11 300", "11 377"),
    ],
    "Perusopetus": [
        ("Oppilaita 20.9.", "1 806", "1 790", "1 784"),
        ("Kouluja, kpl", "7", "7", "7"),
        ("Nettokustannus €/oppilas", "8 880", "9 010", "8 907"),
    ],
    "Lukiokoulutus": [
        ("Opiskelijoita 20.9.", "268", "270", "261"),
        ("Ylioppilaat, kpl", "81", "85", "79"),
        ("Nettokustannus €/opiskelija", "10 200", "10 260", "10 395"),
    ],
    "Vapaa-aika- ja hyvinvointipalvelut": [
        ("Kirjastokäynnit / asukas", "5,3", "5,5", "5,6"),
        ("Lainat / asukas", "13,8", "14,0", "14,3"),
        ("Uimahallikäynnit", "61 200", "45 000", "47 900"),
    ],
}

AREA_PROSE = {
    "Sivistystoimen hallinto": [
        "Sivistystoimen hallinto vastaa toimialan talous- ja henkilöstöhallinnosta, "
        "lautakunnan valmistelusta ja toimeenpanosta sekä toimialan kehittämisestä. "
        "Vuoden aikana hallinnon painopisteinä olivat talouden kuukausiseurannan "
        "vakiinnuttaminen, sähköisen asioinnin laajentaminen ja tietosuojakoulutus.",
        "Hallinnon henkilöstössä ei tapahtunut muutoksia. Toimistosihteerin tehtäviä "
        "järjestettiin uudelleen niin, että varhaiskasvatuksen asiakasmaksujen käsittely "
        "siirtyi hallinnon tiimiin. Sivistyslautakunta kokoontui vuoden aikana kymmenen "
        "kertaa ja käsitteli 137 asiaa.",
    ],
    "Varhaiskasvatus": [
        "Varhaiskasvatuksessa oli vuoden lopussa 798 lasta. Lasten määrä laski edellisestä "
        "vuodesta, mutta alle kolmivuotiaiden osuus kasvoi. Palveluverkko säilyi ennallaan: "
        "yhdeksän päiväkotia ja kaksitoista perhepäivähoitajaa.",
        "Henkilöstön saatavuus oli edelleen toiminnan suurin riski. Kelpoisten "
        "varhaiskasvatuksen opettajien osuutta kasvatettiin monimuotokoulutuksen ja "
        "oppisopimuskoulutuksen avulla. Varahenkilöjärjestelmää laajennettiin, mikä vähensi "
        "täyttämättä jääneitä sijaistarpeita selvästi.",
        "Toimintakulut ylittyivät 92 000 eurolla, mikä johtui pääosin palkkaratkaisuista ja "
        "ostopalveluiden hintojen noususta. Asiakasmaksutuotot ylittivät arvion.",
    ],
    "Perusopetus": [
        "Perusopetuksessa oli 20.9.2023 yhteensä 1 784 oppilasta seitsemässä koulussa. "
        "Uudistettu kolmiportaisen tuen toimintamalli otettiin käyttöön elokuussa. "
        "Samanaikaisopetusta lisättiin tasa-arvorahoituksen turvin.",
        "Oppilaiden hyvinvointia tuettiin KiVa Koulu -ohjelmalla ja koulupoissaolojen "
        "seurantamallilla. Kouluterveyskyselyn tulokset paranivat kiusaamisen osalta, mutta "
        "ahdistuneisuutta kokevien osuus kasvoi erityisesti yläkoulun tytöillä.",
        "Kaikilla 3.–9. luokkien oppilailla on käytössään oma päätelaite. Laitteiden "
        "elinkaarikustannukset on otettu huomioon taloussuunnitelmassa.",
    ],
    "Lukiokoulutus": [
        "Järvelän lukiossa opiskeli 261 opiskelijaa. Ylioppilaaksi kirjoitti 79 "
        "opiskelijaa. Lukion vetovoima heikkeni hieman ikäluokan pienentyessä, mutta "
        "e-urheilulinja houkutteli hakijoita myös naapurikunnista.",
        "Etäkurssiyhteistyöstä muiden lukioiden kanssa luovuttiin vuoden alusta. "
        "Opiskelijoiden valinnaisuus turvattiin omalla kurssitarjonnalla ja "
        "korkeakouluopinnoilla.",
    ],
    "Vapaa-aika- ja hyvinvointipalvelut": [
        "Kulttuuri- ja vapaa-aikapalveluiden tulosalue nimettiin vuoden alusta "
        "Vapaa-aika- ja hyvinvointipalveluiksi. Samalla Harrastamisen Suomen mallin "
        "koordinointi siirtyi perusopetuksesta tulosalueelle.",
        "Uimahallin peruskorjaus valmistui syyskuussa, ja uimahallikäyntien määrä jäi "
        "tämän vuoksi tavanomaista pienemmäksi. Kirjastokäynnit ylittivät koronaa "
        "edeltävän tason.",
    ],
}

GENERAL_PROSE = {
    "Toimialajohtajan katsaus": [
        "Vuosi 2023 oli sivistystoimialalla muutosten vuosi. Sosiaali- ja terveyspalvelujen "
        "siirtyminen hyvinvointialueelle muutti kaupungin organisaatiota ja talouden "
        "rakennetta, ja sivistystoimialan osuus kaupungin toimintamenoista kasvoi noin "
        "kahteen kolmasosaan. Samalla toimialan merkitys kuntalaisten hyvinvoinnin "
        "edistäjänä korostui.",
        "Toimialan talousarvio toteutui kokonaisuutena lähes suunnitellusti. Toimintakate "
        "ylittyi 0,3 prosenttia, mikä johtui pääosin palkkaratkaisuista ja "
        "energiakustannusten noususta. Ylitystä kompensoivat valtionavustukset ja "
        "asiakasmaksutuottojen kasvu.",
        "Henkilöstön saatavuus oli edelleen keskeinen haaste erityisesti "
        "varhaiskasvatuksessa ja erityisopetuksessa. Rekrytointia tehostettiin, ja "
        "työhyvinvointiin panostettiin esihenkilövalmennuksella.",
        "Lämmin kiitos koko henkilöstölle, luottamushenkilöille ja yhteistyökumppaneille "
        "kuluneesta vuodesta.",
    ],
    "Toimintaympäristö": [
        "Järvelän väkiluku oli vuoden lopussa 18 412, mikä on 96 asukasta vähemmän kuin "
        "vuotta aiemmin. Syntyneiden määrä pysyi alhaisena (142), ja ikäluokat pienenevät "
        "edelleen. Väestöennusteen mukaan perusopetusikäisten määrä vähenee vuoteen 2030 "
        "mennessä noin 12 prosenttia.",
        "Maahanmuutto kasvatti vieraskielisten lasten ja oppilaiden määrää. Suomi toisena "
        "kielenä -opetusta annettiin 94 oppilaalle, ja valmistavan opetuksen ryhmä toimi "
        "Keskustan koulussa.",
        "Kustannustason nousu näkyi erityisesti energia-, elintarvike- ja "
        "kuljetuskustannuksissa. Koulukuljetusten kilpailutus tehtiin syksyllä, ja uudet "
        "sopimukset nostivat kustannuksia noin 14 prosenttia.",
    ],
    "Henkilöstö": [
        "Sivistystoimialalla oli vuoden lopussa 612 vakituista ja 148 määräaikaista "
        "työntekijää. Henkilötyövuosia kertyi 701, mikä on 9 enemmän kuin edellisenä vuonna. "
        "Sairauspoissaoloja oli keskimäärin 13,4 päivää henkilötyövuotta kohden.",
        "Työhyvinvointikyselyn vastausprosentti oli 71. Tulokset paranivat johtamisen ja "
        "työyhteisön toimivuuden osalta, mutta työn kuormittavuus arvioitiin edelleen "
        "korkeaksi.",
    ],
    "Investoinnit": [
        "Sivistystoimialan investointimenot olivat 4,9 milj. euroa, kun muutettu "
        "talousarvio oli 6,2 milj. euroa. Suurin hanke oli uimahallin peruskorjaus, joka "
        "valmistui syyskuussa kustannusarviossaan. Keskustan koulun piha-alueen uusiminen "
        "siirtyi osittain vuodelle 2024 urakoitsijan aikataulun vuoksi.",
        "Kalusto- ja laitehankinnoista merkittävimmät olivat oppilaiden päätelaitteet ja "
        "Kirkonkylän lähikirjaston omatoimijärjestelmä. Päätelaitteet hankittiin "
        "leasing-rahoituksella, joten ne eivät näy investointiosan menoissa.",
    ],
    "Sisäinen valvonta ja riskienhallinta": [
        "Sivistystoimialan sisäistä valvontaa ja riskienhallintaa toteutettiin "
        "kaupunginhallituksen hyväksymän ohjeen mukaisesti. Toimialan merkittävimmät riskit "
        "liittyvät henkilöstön saatavuuteen, kiinteistöjen kuntoon ja talouden "
        "tasapainoon.",
        "Tietosuojapoikkeamia ilmoitettiin vuoden aikana 11. Yksikään ei edellyttänyt "
        "ilmoitusta tietosuojavaltuutetulle. Poikkeamien perusteella ohjeistusta "
        "tarkennettiin sähköpostin ja pilvipalveluiden käytön osalta.",
        "Hankintojen osalta sisäinen tarkastus havaitsi puutteita pienhankintojen "
        "dokumentoinnissa. Havaintojen perusteella hankintaohjetta päivitettiin ja "
        "henkilöstölle järjestettiin koulutusta.",
    ],
}


def make_chart_png(path: Path) -> None:
    """A small bar chart of net costs per area (TA vs TP), like the charts in real reports."""
    from PIL import Image, ImageDraw, ImageFont

    font_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    font = ImageFont.truetype(font_path, 13)
    small = ImageFont.truetype(font_path, 11)
    w, h = 760, 340
    img = Image.new("RGB", (w, h), "white")
    dr = ImageDraw.Draw(img)
    dr.text((20, 10), "Toimintakate tulosalueittain 2023 (1 000 €)", fill="black", font=font)
    names = ["Hallinto", "Varhaiskasv.", "Perusopetus", "Lukio", "Vapaa-aika"]
    vals = []
    for tuotot, kulut in AREA_FINANCE.values():
        vals.append((-(tuotot[0] + tuotot[1] + kulut[0] + kulut[1]), -(tuotot[2] + kulut[2])))
    top, base, left = 45, 290, 70
    vmax = 16000
    for i in range(0, vmax + 1, 4000):
        y = base - (base - top) * i / vmax
        dr.line((left, y, w - 20, y), fill="#DDDDDD")
        dr.text((10, y - 7), f"{i:,}".replace(",", " "), fill="black", font=small)
    slot = (w - left - 20) / len(names)
    for i, (name, (ta, tp)) in enumerate(zip(names, vals, strict=True)):
        x = left + i * slot + slot * 0.2
        for j, (v, col) in enumerate(((ta, "#1F3B5C"), (tp, "#6FA8DC"))):
            y = base - (base - top) * v / vmax
            dr.rectangle((x + j * 40, y, x + j * 40 + 36, base), fill=col)
        dr.text((x, base + 8), name, fill="black", font=small)
    dr.rectangle((w - 200, 12, w - 188, 24), fill="#1F3B5C")
    dr.text((w - 182, 10), "TA", fill="black", font=small)
    dr.rectangle((w - 140, 12, w - 128, 24), fill="#6FA8DC")
    dr.text((w - 122, 10), "TP", fill="black", font=small)
    img.save(path, optimize=True)


def finance_table(doc: Document, title: str, tuotot: tuple, kulut: tuple) -> None:
    """Käyttötalous (1 000 €) with TA / TA-muutokset / TP / poikkeama columns."""
    para(doc, title, bold=True, space_after=2)
    t = new_table(doc, 4, [5.0, 2.4, 2.4, 2.4, 2.4, 2.4])
    header_row(
        t,
        [
            "Käyttötalous (1 000 €)",
            "TA 2023",
            "TA-muutokset",
            "TA muutosten jälkeen",
            "TP 2023",
            "Poikkeama",
        ],
        fill="F2F2F2",
        size=8.5,
    )
    kate = tuple(a + b for a, b in zip(tuotot, kulut, strict=True))
    for r, (label, v) in enumerate(
        (("Toimintatuotot", tuotot), ("Toimintakulut", kulut), ("Toimintakate", kate)), start=1
    ):
        ta, muut, tp = v
        vals = [ta, muut, ta + muut, tp, tp - (ta + muut)]
        set_cell(t.cell(r, 0), label, bold=(label == "Toimintakate"), size=8.5)
        for c, x in enumerate(vals, start=1):
            set_cell(
                t.cell(r, c),
                f"{x:,}".replace(",", " ").replace("-", "−"),
                size=8.5,
                align=WD_ALIGN_PARAGRAPH.RIGHT,
            )
    para(doc, "")


def keyfigure_table(
    doc: Document,
    title: str,
    rows: list[tuple[str, ...]],
    heads: tuple[str, ...] = ("TP 2022", "TA 2023", "TP 2023"),
) -> None:
    para(doc, title, bold=True, space_after=2)
    widths = [8.0] + [2.6] * len(heads)
    t = new_table(doc, len(rows) + 1, widths, ruled=False)
    header_row(t, ["Tunnusluvut", *heads], fill="F2F2F2", size=8.5)
    for r, row in enumerate(rows, start=1):
        for c, x in enumerate(row):
            set_cell(t.cell(r, c), x, size=8.5, align=WD_ALIGN_PARAGRAPH.RIGHT if c else None)
    para(doc, "")


def investment_table(doc: Document) -> None:
    para(doc, "Investointiosa (1 000 €)", bold=True, space_after=2)
    rows = [
        ("Uimahallin peruskorjaus", "3 800", "3 760", "40"),
        ("Keskustan koulun piha-alue", "1 100", "540", "560"),
        ("Päiväkoti Tuulenpesän pihakalusteet", "180", "171", "9"),
        ("Kirjaston omatoimijärjestelmä", "120", "118", "2"),
        ("Irtain omaisuus", "1 000", "311", "689"),
        ("Yhteensä", "6 200", "4 900", "1 300"),
    ]
    t = new_table(doc, len(rows) + 1, [8.0, 2.8, 2.8, 2.8])
    header_row(t, ["Hanke", "TA 2023", "TP 2023", "Poikkeama"], fill="F2F2F2", size=8.5)
    for r, row in enumerate(rows, start=1):
        for c, x in enumerate(row):
            set_cell(
                t.cell(r, c),
                x,
                size=8.5,
                bold=(row[0] == "Yhteensä"),
                align=WD_ALIGN_PARAGRAPH.RIGHT if c else None,
            )
    para(doc, "")


def goal_card_outcome(doc: Document, d: Doc, g: Goal) -> None:
    """Outcome goal card: goal, strategy, progress text, then measure rows with
    baseline/target/actual and a rating shown only by the cell's background colour."""
    widths = [6.0, 2.6, 2.6, 2.6, 1.7]
    rows = 4 + len(g.measures)
    t = new_table(doc, rows, widths)
    set_cell(t.cell(0, 0), f"Tavoite {g.no}", bold=True, fill="DCE6F1")
    set_cell(t.cell(0, 1).merge(t.cell(0, 4)), fmt(d.goal_fmt, g.no, g.text), bold=True)
    set_cell(t.cell(1, 0), "Strateginen tavoite", fill="F2F2F2")
    set_cell(t.cell(1, 1).merge(t.cell(1, 4)), g.strategy)
    set_cell(t.cell(2, 0), "Toteutuminen", fill="F2F2F2")
    set_cell(t.cell(2, 1).merge(t.cell(2, 4)), g.progress)
    for c, label in enumerate(
        ["Mittari", "Lähtötaso TP 2022", "Tavoite 2023", "Toteuma 2023", "Arvio"]
    ):
        set_cell(t.cell(3, c), label, bold=True, fill="F2F2F2")
    for i, m in enumerate(g.measures):
        r = 4 + i
        set_cell(t.cell(r, 0), fmt(d.measure_fmt, m.no, m.text))
        set_cell(t.cell(r, 1), m.baseline)
        set_cell(t.cell(r, 2), m.target)
        set_cell(t.cell(r, 3), m.actual)
        lv = d.scale.get(m.rating)
        set_cell(t.cell(r, 4), "", fill=lv.colour if lv else None)
    para(doc, "", space_after=6)


def build_long_report(d: Doc, chart: Path) -> Document:
    """Sivistystoimialan toimintakertomus 2023 (20+ pages): prose, financial and key-figure
    tables, a chart, a landscape page, and shaded-cell goal cards; the legend is on page 2,
    the goal tables start several pages later."""
    doc = new_document(font="Liberation Serif", size=11)
    add_header_footer(doc, "Järvelän kaupunki – Sivistystoimialan toimintakertomus 2023")
    # page 1: cover
    for _ in range(6):
        para(doc, "")
    para(doc, "Järvelän kaupunki", size=20, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(
        doc,
        "Sivistystoimialan toimintakertomus 2023",
        size=24,
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    para(doc, "Sivistyslautakunta 20.2.2024 § 14", size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
    page_break(doc)
    # page 2: reading guide and the legend (far away from the tables on purpose)
    para(doc, "Lukuohje", style="Heading 1")
    para(
        doc,
        "Toimintakertomus kuvaa sivistystoimialan toimintaa, taloutta ja "
        "tavoitteiden toteutumista vuonna 2023. Luvussa 5 esitetään tulosalueittain "
        "talousarvion toteutuminen, keskeiset tunnusluvut ja sitovien toiminnallisten "
        "tavoitteiden toteutuminen. Tavoitteiden toteutumista kuvataan tavoitekorteilla, "
        "joissa kunkin mittarin arvio esitetään värikoodilla alla olevan selitteen "
        "mukaisesti.",
    )
    para(doc, "Tavoitteiden toteutumisen arviointi", bold=True)
    t = new_table(doc, len(d.scale), [1.2, 9.0])
    for r, key in enumerate(("g", "y", "r", "n")):
        set_cell(t.cell(r, 0), "", fill=d.scale[key].colour)
        set_cell(t.cell(r, 1), d.scale[key].label, size=10)
    para(doc, "")
    para(doc, "Sisällys", bold=True)
    for line in (
        "1 Toimialajohtajan katsaus",
        "2 Toimintaympäristö",
        "3 Talous",
        "4 Henkilöstö",
        "5 Tulosalueet",
        "6 Investoinnit",
        "7 Sisäinen valvonta ja riskienhallinta",
    ):
        para(doc, line, space_after=0)
    page_break(doc)
    # pages 3-5: general chapters
    for i, title in enumerate(("Toimialajohtajan katsaus", "Toimintaympäristö"), start=1):
        if i > 1:
            page_break(doc)
        para(doc, f"{i} {title}", style="Heading 1")
        for text in GENERAL_PROSE[title]:
            para(doc, text)
    keyfigure_table(
        doc,
        "Väestö ja palvelutarve",
        [
            ("Väkiluku 31.12.", "18 508", "18 450", "18 412"),
            ("0–6-vuotiaat", "1 131", "1 110", "1 094"),
            ("7–15-vuotiaat", "1 842", "1 820", "1 803"),
            ("16–18-vuotiaat", "612", "605", "598"),
            ("Vieraskielisten osuus, %", "3,1", "3,3", "3,8"),
        ],
    )
    page_break(doc)
    para(doc, "3 Talous", style="Heading 1")
    para(
        doc,
        "Sivistystoimialan toimintakate oli 32,7 milj. euroa, ja se ylittyi muutetusta "
        "talousarviosta 0,1 milj. euroa. Tuotot ylittivät arvion erityisesti "
        "valtionavustusten ansiosta. Kulut ylittyivät varhaiskasvatuksessa ja "
        "perusopetuksessa.",
    )
    tuotot = tuple(sum(v[0][i] for v in AREA_FINANCE.values()) for i in range(3))
    kulut = tuple(sum(v[1][i] for v in AREA_FINANCE.values()) for i in range(3))
    finance_table(doc, "Sivistystoimiala yhteensä", tuotot, kulut)
    doc.add_picture(str(chart), width=Cm(16))
    para(doc, "Kuva 1. Toimintakate tulosalueittain, talousarvio ja toteuma.", size=9)
    # a landscape page with a wide key-figure table, as real reports do for 5-year series
    add_section(doc, landscape=True)
    para(doc, "Sivistystoimialan tunnusluvut 2019–2023", style="Heading 2")
    keyfigure_table(
        doc,
        "Tunnusluvut viideltä vuodelta",
        [
            ("Toimintakate, 1 000 €", "−29 410", "−30 102", "−31 244", "−32 198", "−32 727"),
            ("Henkilötyövuodet", "668", "672", "684", "692", "701"),
            ("Lapsia varhaiskasvatuksessa", "846", "831", "822", "812", "798"),
            ("Perusopetuksen oppilaat", "1 851", "1 839", "1 822", "1 806", "1 784"),
            ("Lukion opiskelijat", "281", "276", "272", "268", "261"),
            ("Kirjastokäynnit / asukas", "5,6", "3,9", "4,2", "5,3", "5,6"),
        ],
        heads=("TP 2019", "TP 2020", "TP 2021", "TP 2022", "TP 2023"),
    )
    add_section(doc, landscape=False)
    para(doc, "4 Henkilöstö", style="Heading 1")
    for text in GENERAL_PROSE["Henkilöstö"]:
        para(doc, text)
    keyfigure_table(
        doc,
        "Henkilöstö",
        [
            ("Vakituiset 31.12.", "598", "605", "612"),
            ("Määräaikaiset 31.12.", "161", "150", "148"),
            ("Sairauspoissaolot pv/htv", "14,1", "12,0", "13,4"),
        ],
    )
    # chapter 5: one part per area, each starting on a new page
    para(doc, "5 Tulosalueet", style="Heading 1")
    para(
        doc,
        "Tulosalueiden osalta esitetään käyttötalouden toteutuminen, keskeiset "
        "tunnusluvut ja sitovien toiminnallisten tavoitteiden toteutuminen "
        "tavoitekortteina.",
    )
    for n, area in enumerate(d.areas, start=1):
        page_break(doc)
        para(doc, f"5.{n} {area.name}", style="Heading 2")
        for text in AREA_PROSE[area.name]:
            para(doc, text)
        tuotot_a, kulut_a = AREA_FINANCE[area.name]
        finance_table(doc, area.name, tuotot_a, kulut_a)
        keyfigure_table(doc, "Keskeiset tunnusluvut", AREA_KEYFIGURES[area.name])
        page_break(doc)
        para(doc, f"{area.name}: tavoitteiden toteutuminen", style="Heading 3")
        for g in area.goals:
            goal_card_outcome(doc, d, g)
    page_break(doc)
    para(doc, "6 Investoinnit", style="Heading 1")
    for text in GENERAL_PROSE["Investoinnit"]:
        para(doc, text)
    investment_table(doc)
    page_break(doc)
    para(doc, "7 Sisäinen valvonta ja riskienhallinta", style="Heading 1")
    for text in GENERAL_PROSE["Sisäinen valvonta ja riskienhallinta"]:
        para(doc, text)
    appendices(doc)
    return doc


def appendices(doc: Document) -> None:
    """Statistical appendices at the end, as in real reports (no goals in them)."""
    page_break(doc)
    para(doc, "Liite 1. Koulukohtaiset tunnusluvut 2023", style="Heading 1")
    schools = [
        ("Keskustan koulu", "1–9", "612", "41", "9 120"),
        ("Kirkonkylän koulu", "1–6", "288", "19", "8 640"),
        ("Rantalan koulu", "1–6", "174", "12", "9 310"),
        ("Mäkelän koulu", "1–6", "203", "14", "8 850"),
        ("Ahonperän koulu", "1–6", "96", "7", "10 420"),
        ("Järvelän yläkoulu", "7–9", "371", "33", "8 470"),
        ("Sairaalakoulu", "1–9", "40", "6", "24 900"),
    ]
    t = new_table(doc, len(schools) + 1, [5.6, 2.2, 2.6, 3.0, 3.6])
    header_row(
        t,
        ["Koulu", "Luokat", "Oppilaat 20.9.", "Opettajat (htv)", "Nettokustannus €/oppilas"],
        fill="F2F2F2",
        size=8.5,
    )
    for r, row in enumerate(schools, start=1):
        for c, x in enumerate(row):
            set_cell(t.cell(r, c), x, size=8.5, align=WD_ALIGN_PARAGRAPH.RIGHT if c else None)
    para(doc, "")
    para(
        doc, "Nettokustannukset sisältävät sisäiset vuokrat ja hallinnon kustannusten jaon.", size=9
    )
    page_break(doc)
    para(doc, "Liite 2. Varhaiskasvatuksen yksiköt 2023", style="Heading 1")
    units = [
        ("Päiväkoti Tuulenpesä", "112", "21", "96 %"),
        ("Päiväkoti Satakieli", "98", "18", "94 %"),
        ("Päiväkoti Pikkukarhu", "84", "16", "91 %"),
        ("Päiväkoti Metsätähti", "76", "14", "97 %"),
        ("Kirkonkylän päiväkoti", "121", "23", "93 %"),
        ("Rantalan päiväkoti", "58", "11", "88 %"),
        ("Mäkelän päiväkoti", "64", "12", "95 %"),
        ("Ahonperän ryhmäperhepäiväkoti", "24", "5", "90 %"),
        ("Vuorohoitopäiväkoti Kuunsirppi", "45", "12", "85 %"),
        ("Perhepäivähoito (12 hoitajaa)", "116", "12", "92 %"),
    ]
    t = new_table(doc, len(units) + 1, [7.0, 3.0, 3.0, 3.0])
    header_row(t, ["Yksikkö", "Lapsia 31.12.", "Henkilöstö", "Käyttöaste"], fill="F2F2F2", size=8.5)
    for r, row in enumerate(units, start=1):
        for c, x in enumerate(row):
            set_cell(t.cell(r, c), x, size=8.5, align=WD_ALIGN_PARAGRAPH.RIGHT if c else None)


# ---------------------------------------------------------------------------------------------
# HTML builder (Chromium)
# ---------------------------------------------------------------------------------------------

HTML_CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #222; }
h1 { font-size: 15pt; color: #1F3B5C; margin: 0 0 6pt 0; }
p { margin: 0 0 6pt 0; }
table { border-collapse: collapse; border: none; width: 100%; margin-top: 8pt; }
th, td { border: none; text-align: left; vertical-align: top; padding: 3pt 5pt; }
th { font-weight: bold; }
td.rating { white-space: nowrap; }
.dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%;
       vertical-align: -1px; }
.legend span.item { margin-right: 14pt; white-space: nowrap; }
"""


def svg_circle(colour: str) -> str:
    return (
        f'<svg width="11" height="11" viewBox="0 0 11 11" style="vertical-align:-1px">'
        f'<circle cx="5.5" cy="5.5" r="5" fill="#{colour}"/></svg>'
    )


def css_circle(colour: str) -> str:
    return f'<span class="dot" style="background:#{colour}"></span>'


def build_html(d: Doc) -> str:
    """Borderless HTML table; rating = vector circle (SVG for the first areas, CSS
    border-radius span for the last, to exercise both) followed by the digit."""
    e = html.escape
    legend = " ".join(
        f'<span class="item">{svg_circle(lv.colour)} {e(lv.shown)} = {e(lv.label)}</span>'
        for lv in d.scale.values()
    )
    rows = []
    for ai, area in enumerate(d.areas):
        circle = css_circle if ai == len(d.areas) - 1 else svg_circle
        n_area = sum(max(1, len(g.measures)) for g in area.goals)
        first_in_area = True
        for g in area.goals:
            for mi, m in enumerate(g.measures):
                lv = d.scale[m.rating]
                cells = []
                if first_in_area:
                    cells.append(f'<td rowspan="{n_area}"><b>{e(area.name)}</b></td>')
                    first_in_area = False
                if mi == 0:
                    cells.append(
                        f'<td rowspan="{len(g.measures)}">{e(fmt(d.goal_fmt, g.no, g.text))}</td>'
                    )
                cells += [
                    f"<td>{e(fmt(d.measure_fmt, m.no, m.text))}</td>",
                    f"<td>{e(m.target)}</td>",
                    f"<td>{e(m.actual)}</td>",
                    f"<td>{e(m.progress)}</td>",
                    f'<td class="rating">{circle(lv.colour)} {e(lv.shown)}</td>',
                ]
                rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"""<!DOCTYPE html>
<html lang="fi"><head><meta charset="utf-8"><title>{e(d.organisation)} – osavuosikatsaus</title>
<style>{HTML_CSS}</style></head><body>
<h1>Elinvoimapalvelut – tavoitteiden toteutuminen 1.1.–31.8.2023</h1>
<p>Honkalahden kunnan elinvoimapalveluiden toiminta on edennyt pääosin suunnitellusti.
Yritystonttien kysyntä on hiljentynyt, ja työmarkkinatuen kuntaosuus ylittää ennusteen mukaan
talousarvion. Arvio kuvaa ennustetta tavoitteen toteutumisesta vuoden lopussa.</p>
<p class="legend"><b>Arvio:</b> {legend}</p>
<table>
<colgroup><col style="width:13%"><col style="width:17%"><col style="width:18%">
<col style="width:10%"><col style="width:9%"><col style="width:27%"><col style="width:6%">
</colgroup>
<thead><tr><th>Tulosalue</th><th>Tavoite</th><th>Mittari</th><th>Tavoitetaso 2023</th>
<th>Toteuma 31.8.</th><th>Tilanne ja toimenpiteet</th><th>Arvio</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
</body></html>
"""


# ---------------------------------------------------------------------------------------------
# Conversion
# ---------------------------------------------------------------------------------------------


def require_tools() -> tuple[str, str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("missing tool: soffice (apt-get install libreoffice-writer-nogui)")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("missing tool: chromium (apt-get install chromium)")
    return soffice, chromium


def docx_to_pdf(soffice: str, paths: list[Path]) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(OUT),
                *map(str, paths),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def html_to_pdf(chromium: str, src: Path, dst: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        # The network is closed: these flags stop Chromium from trying to phone home.
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={dst}",
                src.as_uri(),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
        )


# ---------------------------------------------------------------------------------------------
# Truth files
# ---------------------------------------------------------------------------------------------

COLUMNS = [
    "page",
    "year",
    "phase",
    "organisation",
    "sector",
    "area",
    "strategy",
    "goal_no",
    "goal",
    "measure_no",
    "measure",
    "baseline",
    "target",
    "actual",
    "progress",
    "rating_raw",
    "rating",
    "rating_label",
    "status",
]


def clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def rating_raw(d: Doc, lv: Level, m: Measure | None) -> str:
    """What the document shows for the rating (see README for the conventions)."""
    if d.rating_style == "bullet":
        return f"● #{lv.colour}"
    if d.rating_style == "digit":
        return str(lv.rating)
    if d.rating_style == "shade":
        return f"fill #{lv.colour}"
    if d.rating_style == "svg":
        return f"● #{lv.colour} {lv.shown}"
    if d.rating_style == "word":
        return m.verdict if m else ""
    return ""


def truth_rows(d: Doc) -> list[tuple[dict[str, str], str]]:
    """One row per measure (or per goal without measures) plus the printed text whose start
    locates the row in the PDF."""
    out = []
    for area in d.areas:
        for g in area.goals:
            for m in g.measures or [None]:
                key = (m.rating if m else "") or g.rating
                lv = d.scale.get(key) if key else None
                row = {
                    "year": str(d.year),
                    "phase": d.phase,
                    "organisation": d.organisation,
                    "sector": d.sector,
                    "area": area.name,
                    "strategy": g.strategy,
                    "goal_no": g.no,
                    "goal": g.text,
                    "measure_no": m.no if m else "",
                    "measure": m.text if m else "",
                    "baseline": m.baseline if m else "",
                    "target": m.target if m else "",
                    "actual": m.actual if m else "",
                    "progress": (m.progress if m and m.progress else g.progress),
                    "rating_raw": rating_raw(d, lv, m) if lv else "",
                    "rating": "" if lv is None or lv.rating is None else str(lv.rating),
                    "rating_label": lv.label if lv else "",
                    "status": lv.status if lv else "",
                }
                if d.name.startswith("2022-interim-sv"):
                    # the Swedish table prints target inside the measure cell
                    needle = f"{m.text} Målnivå: {m.target}"
                elif m is not None:
                    needle = fmt(d.measure_fmt, m.no, m.text)
                else:
                    needle = fmt(d.goal_fmt, g.no, g.text)
                row.update(dict.fromkeys(d.unprinted, ""))
                out.append(({k: clean(v) for k, v in row.items()}, needle))
    return out


def load_pages(pdf_path: Path) -> list[list[dict]]:
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        return [p.extract_words(keep_blank_chars=False, use_text_flow=False) for p in pdf.pages]


def _next_word(words: list[dict], cur: dict, col_left: float) -> dict | None:
    """The word that continues the text after `cur` in the same table cell: the neighbour on
    the same line, else the first word of the next line starting at the cell's left edge."""
    same = [w for w in words if abs(w["top"] - cur["top"]) < 2 and 0 <= w["x0"] - cur["x1"] < 6]
    if same:
        return min(same, key=lambda w: w["x0"])
    height = cur["bottom"] - cur["top"]
    below = [
        w for w in words if 1 < w["top"] - cur["top"] < 2.6 * height and abs(w["x0"] - col_left) < 3
    ]
    return min(below, key=lambda w: w["top"]) if below else None


def text_starts_on(words: list[dict], needle: str, chars: int = 40) -> int:
    """How many times the page shows the first `chars` non-blank characters of `needle` as one
    run of text (following line wraps inside its cell)."""
    want = re.sub(r"\s+", "", needle)[:chars]
    found = 0
    for w in words:
        if not want.startswith(w["text"]) and not w["text"].startswith(want):
            continue
        got, cur = w["text"], w
        while len(got) < len(want):
            cur = _next_word(words, cur, w["x0"])
            if cur is None:
                break
            got += cur["text"]
        # A row may break across pages right after its first line(s): accept a prefix of
        # reasonable length when the cell's text simply stops on this page.
        cut_short = cur is None and len(got) >= 12 and want.startswith(got)
        if got.startswith(want) or cut_short:
            found += 1
    return found


def locate(
    pages: list[list[dict]], needle: str, start: int, used: dict[tuple[int, str], int]
) -> int:
    """First page (1-based) from `start` on that shows `needle` once more than rows already
    placed there: rows come in reading order, and two companies' cards may print the same
    goal ("Taloudellinen tulos"), so an occurrence another row took does not count again."""
    for i in range(start - 1, len(pages)):
        if text_starts_on(pages[i], needle) > used.get((i + 1, needle), 0):
            used[(i + 1, needle)] = used.get((i + 1, needle), 0) + 1
            return i + 1
    raise RuntimeError(f"text not found in PDF from page {start}: {needle[:60]!r}")


def write_truth(d: Doc, pdf_path: Path) -> tuple[int, int]:
    """Write truth/<name>.csv; return the row count and the page of the first row."""
    pages = load_pages(pdf_path)
    TRUTH.mkdir(parents=True, exist_ok=True)
    page = first = 1
    with open(TRUTH / f"{d.name}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        n = 0
        used: dict[tuple[int, str], int] = {}
        for row, needle in truth_rows(d):
            page = locate(pages, needle, page, used)
            first = page if n == 0 else first
            w.writerow({"page": str(page), **row})
            n += 1
    return n, first


# ---------------------------------------------------------------------------------------------
# Lineage
# ---------------------------------------------------------------------------------------------

AREA_RENAMES = {"Kulttuuri- ja vapaa-aikapalvelut": "Vapaa-aika- ja hyvinvointipalvelut"}


def lineage_links(docs: list[Doc]) -> list[dict[str, str]]:
    """Every true link between consecutive documents of a series, derived from `prev`."""
    links = []
    series = [d for d in docs if d.series]
    for a, b in itertools.pairwise(series):
        where = {g.key: (g, ar.name) for ar in a.areas for g in ar.goals}
        children: dict[str, int] = {}
        for ar in b.areas:
            for g in ar.goals:
                for p in g.prev:
                    children[p] = children.get(p, 0) + 1
        for ar in b.areas:
            for g in ar.goals:
                for p in g.prev:
                    pg, parea = where[p]
                    if children[p] > 1:
                        kind = "split"
                    elif len(g.prev) > 1:
                        kind = "merged"
                    elif AREA_RENAMES.get(parea, parea) != ar.name:
                        kind = "moved"
                    else:
                        kind = "continues"
                    links.append(
                        {
                            "series": a.series,
                            "from_doc": a.name,
                            "from_goal_no": pg.no,
                            "from_area": parea,
                            "to_doc": b.name,
                            "to_goal_no": g.no,
                            "to_area": ar.name,
                            "kind": kind,
                        }
                    )
    return links


def write_lineage(docs: list[Doc]) -> None:
    links = lineage_links(docs)
    with open(OUT / "lineage.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(
            f,
            fieldnames=[
                "series",
                "from_doc",
                "from_goal_no",
                "from_area",
                "to_doc",
                "to_goal_no",
                "to_area",
                "kind",
            ],
        )
        w.writeheader()
        w.writerows(links)
    series = [d for d in docs if d.series]
    lines = [
        "# Lineage of the Järvelä sivistystoimiala series",
        "",
        "Invented data. Four documents of one sector (Järvelän kaupunki, Sivistystoimiala):",
        "",
    ]
    for d in series:
        lines.append(f"- `{d.name}.pdf` ({d.year} {d.phase})")
    lines += [
        "",
        "`lineage.csv` lists every true link between consecutive documents (plan 2022 -> "
        "outcome 2022 -> plan 2023 -> outcome 2023), goal by goal, by goal number and area as "
        "printed. A goal with no incoming link is new; a goal with no outgoing link ended.",
        "Links are only between neighbours; a link across two steps (e.g. plan 2022 -> "
        "outcome 2023) is the chain of the neighbour links.",
        "",
        "## plan 2022 -> outcome 2022, plan 2023 -> outcome 2023",
        "",
        "The outcome reports exactly the goals of the plan of the same year: every goal "
        "`continues` with the same number, area and wording.",
        "",
        "## outcome 2022 -> plan 2023 (the real changes)",
        "",
        "| 2022 (area, no) | 2023 (area, no) | kind | what changed |",
        "|---|---|---|---|",
    ]
    notes = {
        "talous": 'reworded ("sopimushallinnan" dropped), measure 3 dropped',
        "digi": "same wording, new measures",
        "vaka_laatu": "same",
        "vaka_saatavuus": "split: the staffing goal became 2 (saatavuus) and 3 (pysyvyys)",
        "vaka_pysyvyys": "split: the staffing goal became 2 (saatavuus) and 3 (pysyvyys)",
        "vaka_kaste": "renumbered 3 -> 4 (because of the split)",
        "po_oppiminen": 'reworded ("Kolmiportaisen tuen vahvistaminen ..."), new measure 1.3',
        "po_hyvinvointi": "same",
        "po_digi": "renumbered 4 -> 3 (because goal 3 moved out)",
        "lukio_veto": "same",
        "kirjasto": "area renamed (Kulttuuri- ja vapaa-aikapalvelut -> Vapaa-aika- ja "
        "hyvinvointipalvelut)",
        "liikunta": "area renamed",
        "harrastus": "moved from Perusopetus (goal 3) to the renamed vapaa-aika area (goal 3)",
        "tapahtumat": "area renamed, renumbered 3 -> 4",
        "nuva": "area renamed, renumbered 4 -> 5; goal without measures",
    }
    a, b = series[1], series[2]
    where = {g.key: (g, ar.name) for ar in a.areas for g in ar.goals}
    for link_area in b.areas:
        for g in link_area.goals:
            for p in g.prev:
                pg, parea = where[p]
                kind = next(
                    x["kind"]
                    for x in links
                    if x["from_doc"] == a.name
                    and x["to_doc"] == b.name
                    and x["from_goal_no"] == pg.no
                    and x["from_area"] == parea
                    and x["to_goal_no"] == g.no
                    and x["to_area"] == link_area.name
                )
                lines.append(
                    f"| {parea} {pg.no} | {link_area.name} {g.no} | {kind} | "
                    f"{notes.get(g.key, '')} |"
                )
    lines += [
        "",
        "New in 2023: Sivistystoimen hallinto 3 (Tietosuoja- ja tietoturvaosaamisen "
        "vahvistaminen).",
        "",
        "Ended after 2022: Lukiokoulutus 2 (Etä- ja hybridiopetuksen vakiinnuttaminen "
        "yhteistyölukioiden kanssa).",
        "",
        'Area renamed in 2023: "Kulttuuri- ja vapaa-aikapalvelut" -> "Vapaa-aika- ja '
        'hyvinvointipalvelut" (its goals are `continues`, not `moved`).',
        "",
        "Measure numbering differs by design: 2022 documents number measures 1, 2, 3 within "
        "each goal; 2023 documents number them 1.1, 1.2 (goal.measure).",
        "",
    ]
    (OUT / "LINEAGE.md").write_text("\n".join(lines), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------------------------

README_DOCS = {
    "2022-plan-ruled-merged-cells": (
        "Talousarvio 2022 of Järvelän kaupunki, sivistystoimiala. Made with python-docx, "
        "converted by LibreOffice. One big ruled (all borders) portrait table: Tulosalue | "
        "Strateginen tavoite | Toiminnallinen tavoite | Mittari / toimenpide | Lähtötaso | "
        "Tavoitetaso. Area, strategy and goal cells are merged vertically over their measures "
        "(`cell.merge`); the table runs over pages with a repeated header row (`w:tblHeader`). "
        "Plan phase: no ratings. One goal has no measure. First document of the series."
    ),
    "2022-outcome-landscape-merged-traffic-lights": (
        "Tilinpäätös 2022 of the same sector (python-docx + LibreOffice). Landscape, ruled, "
        "area and goal cells merged vertically; ratings are coloured ● characters (font colour "
        "00B050 / FFC000 / FF0000) with a 0/1/2 legend above the table (the seed style). The "
        "table runs over pages WITHOUT a repeated header, and one very long progress cell "
        "(perusopetus 1, measure 2) is split mid-cell by a page break. One goal without "
        "measures carries its progress and rating on the goal row."
    ),
    "2023-plan-goal-cards": (
        "Talousarvio 2023 of the same sector (python-docx + LibreOffice). Portrait; areas "
        'are headings above the tables; one ruled "goal card" per goal (Tavoite n / '
        "Strateginen tavoite / Mittari | Lähtötaso | Tavoitetaso, with horizontally merged "
        "cells); measures numbered 1.1, 1.2. Contains the year-on-year changes (reworded, "
        "renumbered, moved, area renamed, split, ended, new), see LINEAGE.md."
    ),
    "2023-outcome-long-report-shaded-cards": (
        "Sivistystoimialan toimintakertomus 2023, a long report (python-docx + LibreOffice): "
        "cover, reading guide with the rating legend on page 2, prose chapters, "
        '"Käyttötalous (1 000 €)" tables with TA / TA-muutokset / TP / Poikkeama columns, '
        "unruled key-figure tables (tunnusluvut), a PNG bar chart (Pillow), one landscape "
        "page in the middle, then per area goal cards (the first on page {first_page}): goal, "
        "strategy, "
        "progress text, and measure rows with baseline/target/actual whose rating is only "
        "the background colour of an empty cell (`w:shd`), including grey = not assessable. "
        "The truth file lists only the goal-table rows. Last document of the series."
    ),
    "2022-interim-sv-delarsrapport": (
        "Delårsrapport 1.1–30.6.2022 of the invented bilingual Kvarnby kommun, in Swedish "
        "(python-docx + LibreOffice). Areas as headings, one ruled table per area: Mål | "
        "Mätare | Utfall | Bedömning; goal cells merged vertically; the target is printed "
        'inside the Mätare cell ("Målnivå: …"), so `target` is filled while `measure` holds '
        "only the measure text; coloured ● with a Swedish colour-only legend (no digits, so "
        "`rating` is empty)."
    ),
    "2023-outcome-company-cards-unruled-verdict-words": (
        "Tilinpäätös 2023, goals of the city's companies (python-docx + LibreOffice), "
        'modelled on the Kauhava cards: unruled tables (no lines at all) "Tavoite | '
        'Toimenpide/mittari" over "Arviointi | Tila". The verdict is the free text\'s first '
        'words ("Toteutui, …", "Osittain toteutunut: …", "Ei toteutunut, …") with two '
        'realistic misspellings ("Totetui", "Osittain totetunut"); Tila is "Valmis" on a '
        "green cell on every card, also where the goal failed — it is NOT a rating. Goals "
        "are unnumbered (goal_no empty); DejaVu Sans font."
    ),
    "2024-interim-landscape-scale-1-best": (
        "Osavuosikatsaus 1–8/2024, tekninen toimiala (python-docx + LibreOffice). Landscape; "
        "areas as headings over one big ruled table per area (Nro | Tavoite | Mittari | "
        "Tavoitetaso | Tilanne | Arvio), goal number in its own column, continuation rows "
        "leave the goal cells blank (not merged), repeated header rows. Ratings are digits "
        'on a scale where 1 is best ("1 = toteutunut, 2 = osittain, 3 = ei toteutunut", '
        "given in the intro text)."
    ),
    "2023-interim-html-borderless-svg-circles": (
        "Osavuosikatsaus 1–8/2023 of the invented Honkalahden kunta, elinvoimapalvelut: an "
        "HTML page printed to PDF by headless Chromium. One borderless table (no borders at "
        "all), area and goal cells spanning rows (`rowspan`); ratings are vector circles "
        "next to a digit (inline SVG circles in the first two areas, CSS border-radius spans "
        'in the last), legend 2/1/0 plus a grey circle with "–" = not yet assessable.'
    ),
}


def write_readme(docs: list[Doc], counts: dict[str, int], first: dict[str, int]) -> None:
    lines = [
        "# PDF samples",
        "",
        "All content is invented (municipalities, goals, figures, people) in the style of "
        "real Finnish and Swedish municipal reports. Everything here is generated by "
        "`samples/make_pdf_samples.py` (see its docstring for how to run it); do not edit by "
        "hand.",
        "",
        "For each `<name>.pdf` there is the source it was made from (`<name>.docx`, converted "
        "by LibreOffice, or `<name>.html`, printed by headless Chromium) and a truth file "
        "`truth/<name>.csv`: one row per measure (a goal without measures gives one row with "
        "empty measure fields). `page` is the 1-based PDF page where the measure (or goal) "
        "text starts, found by searching the converted PDF's text. Text cells have whitespace "
        "collapsed. `rating_raw` conventions: `● #RRGGBB` = a coloured ● character; "
        "`● #RRGGBB 2` = a vector circle drawn before the digit; `fill #RRGGBB` = an empty "
        "cell whose background colour is the rating; a digit = the printed digit; a word = "
        "the verdict printed at the start of the progress text (as printed, misspellings "
        "kept; `rating_label` then gives the correct verdict). `rating` is the value on the "
        "document's own scale and is empty where the scale has no digits. `status`: green / "
        "yellow / red / grey.",
        "",
        "`LINEAGE.md` and `lineage.csv` give the true goal lineage of the four-document "
        "Järvelä sivistystoimiala series.",
        "",
        "## Documents",
        "",
    ]
    for d in docs:
        src = "html" if d.maker == "html" else "docx"
        lines.append(
            f"**{d.name}.pdf** (from `{d.name}.{src}`; {counts[d.name]} truth rows). "
            + README_DOCS[d.name].replace("{first_page}", str(first[d.name]))
        )
        lines.append("")
    (OUT / "README.md").write_text("\n".join(lines), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

BUILDERS = {
    "2022-plan-ruled-merged-cells": build_plan_merged,
    "2022-outcome-landscape-merged-traffic-lights": build_outcome_merged,
    "2023-plan-goal-cards": build_plan_cards,
    "2022-interim-sv-delarsrapport": build_swedish,
    "2023-outcome-company-cards-unruled-verdict-words": build_company_cards,
    "2024-interim-landscape-scale-1-best": build_tekninen,
}


def main() -> None:
    soffice, chromium = require_tools()
    OUT.mkdir(parents=True, exist_ok=True)
    TRUTH.mkdir(parents=True, exist_ok=True)
    docs = documents()
    docx_paths = []
    with tempfile.TemporaryDirectory() as tmp:
        chart = Path(tmp) / "chart.png"
        make_chart_png(chart)
        for d in docs:
            if d.maker == "html":
                src = OUT / f"{d.name}.html"
                src.write_text(build_html(d), encoding="utf-8")
                html_to_pdf(chromium, src, OUT / f"{d.name}.pdf")
            elif d.name in BUILDERS:
                docx_paths.append(save_docx(BUILDERS[d.name](d), d.name))
            else:
                docx_paths.append(save_docx(build_long_report(d, chart), d.name))
    docx_to_pdf(soffice, docx_paths)
    counts, first = {}, {}
    for d in docs:
        counts[d.name], first[d.name] = write_truth(d, OUT / f"{d.name}.pdf")
        print(f"{d.name}.pdf: {counts[d.name]} truth rows")
    write_lineage(docs)
    write_readme(docs, counts, first)


if __name__ == "__main__":
    os.environ.setdefault("LC_ALL", "C.UTF-8")
    main()
