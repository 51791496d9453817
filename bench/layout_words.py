"""The words and colours of generated goal-table documents, in Finnish and Swedish.

Invented content in the style of real municipal reports; layout_content.py draws from these.
"""

from __future__ import annotations


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
