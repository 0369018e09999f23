"""The one table of report labels, Danish and English, and number formatting per language.

Reports are Danish by default ("da"); "en" is the alternative. Every text a reader sees
(titles, column headers, category values, sentences) is looked up here.
"""
from __future__ import annotations

import math

LANGUAGES = ("da", "en")

# key -> (Danish, English)
LABELS: dict[str, tuple[str, str]] = {
    # contract columns
    "year": ("År", "Year"),
    "month": ("Måned", "Month"),
    "hospital": ("Hospital", "Hospital"),
    "specialty": ("Speciale", "Specialty"),
    "sector": ("Sektor", "Sector"),
    "visit_type": ("Besøgstype", "Visit type"),
    "contact_mode": ("Kontaktform", "Contact mode"),
    "age": ("Alder", "Age"),
    "age_band": ("Aldersgruppe", "Age band"),
    "sex": ("Køn", "Sex"),
    "diagnosis_group": ("Diagnosegruppe", "Diagnosis group"),
    "cost_dkk": ("Værdi (kr.)", "Value (DKK)"),
    "visits": ("Besøg", "Visits"),
    "patients": ("Patienter", "Patients"),
    "visit_id": ("Besøgs-id", "Visit id"),
    "patient_id": ("Patient-id", "Patient id"),
    "visit_date": ("Besøgsdato", "Visit date"),
    # categories
    "somatic": ("Somatik", "Somatic"),
    "psychiatry": ("Psykiatri", "Psychiatry"),
    "all": ("I alt", "All"),
    "assessment": ("Udredning", "Assessment"),
    "treatment": ("Behandling", "Treatment"),
    "minor_procedure": ("Mindre indgreb", "Minor procedure"),
    "sampling": ("Prøvetagning", "Sampling"),
    "follow_up": ("Kontrol", "Follow-up"),
    "in_person": ("Fremmøde", "In person"),
    "video": ("Video", "Video"),
    "phone": ("Telefon", "Phone"),
    "written": ("Skriftlig (PRO)", "Written (PRO)"),
    "F": ("Kvinder", "Women"),
    "M": ("Mænd", "Men"),
    # derived measures
    "share": ("Andel", "Share"),
    "share_of_visits": ("Andel af besøg", "Share of visits"),
    "visits_per_patient": ("Besøg pr. patient", "Visits per patient"),
    "change": ("Ændring", "Change"),
    "change_pct": ("Ændring i %", "Change, %"),
    "total": ("I alt", "Total"),
    "rows": ("Rækker", "Rows"),
    "missing": ("Manglende værdier", "Missing values"),
    "missing_share": ("Andel manglende", "Share missing"),
    "source_column": ("Kolonne i filen", "Column in the file"),
    "contract_column": ("Standardkolonne", "Standard column"),
    "source_label": ("Værdi i filen", "Value in the file"),
    "contract_value": ("Standardværdi", "Standard value"),
    "check": ("Kontrol af data", "Check"),
    "result": ("Resultat", "Result"),
    "passed": ("bestået", "passed"),
    "not_applicable": ("ikke relevant", "not applicable"),
    "months_without_visits": ("Måneder uden besøg", "Months without visits"),
    "first_month": ("Første måned", "First month"),
    "last_month": ("Sidste måned", "Last month"),
    "top_share": ("Patienter med flest besøg", "Patients with most visits"),
    "their_share": ("Deres andel af besøgene", "Their share of visits"),
    "value": ("Værdi", "Value"),
    "item": ("Emne", "Item"),
    "equal_use": ("Lige fordeling", "Equal use"),
    "patients_most_first": ("Andel af patienter (flest besøg først)", "Share of patients (most visits first)"),
    "ignored": ("(ignoreret)", "(ignored)"),
    # data-quality checks
    "check_columns": ("Alle nødvendige kolonner findes, ingen ukendte", "All required columns present, none unknown"),
    "check_labels": ("Alle kategorier er kendte (efter oversættelse)", "All categories known (after mapping)"),
    "check_types": ("Datoer og tal kan læses", "Dates and numbers readable"),
    "check_period": ("Alle datoer/år ligger i perioden", "All dates/years inside the period"),
    "check_cpr": ("Ingen patient-id ligner et CPR-nummer", "No patient id looks like a CPR number"),
    "check_unique": ("Ingen dubletter", "No duplicates"),
    "check_counts": ("Antal er hele, ikke-negative tal", "Counts are whole, non-negative numbers"),
    # report furniture
    "synthetic_banner": ("SYNTETISKE DATA – opdigtede tal til afprøvning, ikke virkelige besøg",
                         "SYNTHETIC DATA – invented numbers for testing, not real visits"),
    "synthetic": ("syntetiske data", "synthetic data"),
    "how_to_read": ("Sådan læses figuren", "How to read this"),
    "provenance": ("Om kørslen", "About this run"),
    "parameters": ("Parametre", "Parameters"),
    "input_file": ("Inddata", "Input"),
    "input_hash": ("Filens SHA-256", "File SHA-256"),
    "rows_in": ("Rækker læst", "Rows read"),
    "rows_out": ("Rækker i analysen", "Rows analysed"),
    "run_time": ("Kørt", "Run at"),
    "versions": ("Programversioner", "Package versions"),
    "suppression_note": ("Antal under 5 vises som \u201c<5\u201d.", "Counts below 5 are shown as \u201c<5\u201d."),
    "not_available": ("Ikke tilgængelig for aggregerede data", "Not available for aggregated data"),
}


def t(key: str, lang: str = "da", **values: object) -> str:
    """The label for `key` in `lang`, with {placeholders} filled in. Unknown keys are returned as
    they are (names of hospitals and specialties are not translated)."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    pair = LABELS.get(key)
    text = key if pair is None else pair[LANGUAGES.index(lang)]
    return text.format(**values) if values else text


def number(x: float, lang: str = "da", digits: int = 0) -> str:
    """A number with the language's separators: da 1.234.567,8; en 1,234,567.8."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    text = f"{x:,.{digits}f}"
    if lang == "da":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def percent(x: float, lang: str = "da", digits: int = 1) -> str:
    """A fraction (0.123) as a percentage: da '12,3 %', en '12.3%'."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return number(100 * x, lang, digits) + (" %" if lang == "da" else "%")


def dkk(x: float, lang: str = "da", millions: bool = False) -> str:
    """An amount in kroner: da '1.234 kr.' / '12,3 mio. kr.'; en 'DKK 1,234' / 'DKK 12.3m'."""
    if millions:
        v = number(x / 1e6, lang, 1)
        return f"{v} mio. kr." if lang == "da" else f"DKK {v}m"
    return f"{number(x, lang)} kr." if lang == "da" else f"DKK {number(x, lang)}"
