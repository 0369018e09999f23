"""The data contract: column names, categories, age bands and the Danish aliases that map onto them.

This module is the one place for these facts; every other module imports them from here.
See DESIGN.md section 3 and the README's "Your own data".
"""
from __future__ import annotations

import re
import unicodedata

# --- visit-level contract -------------------------------------------------------------------
VISIT_ID = "visit_id"
PATIENT_ID = "patient_id"
VISIT_DATE = "visit_date"
HOSPITAL = "hospital"
SPECIALTY = "specialty"
SECTOR = "sector"
VISIT_TYPE = "visit_type"
CONTACT_MODE = "contact_mode"
AGE = "age"
AGE_BAND = "age_band"
SEX = "sex"
DIAGNOSIS_GROUP = "diagnosis_group"
COST_DKK = "cost_dkk"
# optional, for the population view and need-based care
MUNICIPALITY = "municipality"  # the patient's municipality of residence (free text)
MUNICIPALITY_CODE = "municipality_code"  # the official 3-digit code (municipalities.csv), where a table gives it
PRIORITY = "priority"
REFERRAL_SOURCE = "referral_source"

# --- pre-aggregated contract ----------------------------------------------------------------
YEAR = "year"
MONTH = "month"
VISITS = "visits"
PATIENTS = "patients"
# distinct patients of a whole unit (year x hospital x specialty x sector), repeated on its rows
UNIT_PATIENTS = "unit_patients"

# Where the input came from: the row number in the source file (1 = first data row).
SOURCE_ROW = "_row"

SECTORS = ("somatic", "psychiatry")
# an extract without a sector column: a specialty or hospital whose name holds one of these
# (case-folded) is psychiatry, the rest somatic (ingest.sector_from_names)
PSYCHIATRY_WORDS = ("psykiatri", "psychiatr")
VISIT_TYPES = ("assessment", "treatment", "minor_procedure", "sampling", "follow_up")
CONTACT_MODES = ("in_person", "video", "phone", "written")
SEXES = ("F", "M")
# A sex or age band the extract says it does not know ("Ukendt", "U"), as a label maps: the visit is
# kept and counted, with the value missing (left out of the case-mix standardisation only)
UNKNOWN = "unknown"
UNKNOWN_ALLOWED = (SEX, AGE, AGE_BAND)  # columns whose value may be missing or unknown
UNKNOWN_LABELS = ("ukendt", "uoplyst", "unknown", "ikke_oplyst", "ikke_angivet", "uspecificeret", "?")  # as norm_key
PRIORITIES = ("acute", "planned")
# levels of specialisation (hovedfunktion, regionsfunktion, højt specialiseret funktion)
LEVELS = ("basic", "regional", "highly_specialised")
REFERRAL_SOURCES = ("general_practice", "other_hospital", "emergency_department", "own_department", "other")

# Age bands used for indirect standardisation: (label, lowest age, highest age).
AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("0-17", 0, 17),
    ("18-39", 18, 39),
    ("40-59", 40, 59),
    ("60-69", 60, 69),
    ("70-79", 70, 79),
    ("80+", 80, 130),
)
AGE_BAND_LABELS = tuple(b[0] for b in AGE_BANDS)
MAX_AGE = 130

CATEGORIES: dict[str, tuple[str, ...]] = {
    SECTOR: SECTORS,
    VISIT_TYPE: VISIT_TYPES,
    CONTACT_MODE: CONTACT_MODES,
    SEX: SEXES,
    AGE_BAND: AGE_BAND_LABELS,
    # optional columns: checked when a file has them
    PRIORITY: PRIORITIES,
    REFERRAL_SOURCE: REFERRAL_SOURCES,
}

VISIT_REQUIRED = (VISIT_ID, PATIENT_ID, VISIT_DATE, HOSPITAL, SPECIALTY, SECTOR, VISIT_TYPE,
                  CONTACT_MODE, SEX)
# Age is required as either an age in years or an age band.
VISIT_OPTIONAL = (AGE, AGE_BAND, DIAGNOSIS_GROUP, COST_DKK, MUNICIPALITY, PRIORITY, REFERRAL_SOURCE)
VISIT_COLUMNS = VISIT_REQUIRED + VISIT_OPTIONAL

# `year` may instead be derived from a `month` column (first day of the month, a date).
AGGREGATED_REQUIRED = (YEAR, HOSPITAL, SPECIALTY, SECTOR, VISIT_TYPE, CONTACT_MODE, VISITS)
AGGREGATED_OPTIONAL = (PATIENTS, UNIT_PATIENTS, AGE_BAND, SEX, COST_DKK, MONTH)
AGGREGATED_COLUMNS = AGGREGATED_REQUIRED + AGGREGATED_OPTIONAL

# The grain of the main aggregate: everything a report slices activity by.
ACTIVITY_KEYS = (YEAR, HOSPITAL, SPECIALTY, SECTOR, VISIT_TYPE, CONTACT_MODE)
# A cell of an aggregated extract: the activity keys plus these where the extract has them.
# Rows that share all of them are one cell split in two (summed when staged).
AGGREGATED_CELL_EXTRA = (MONTH, AGE_BAND, SEX)

# Unit names (free text in the extract) that are checked for near-duplicates and can be renamed.
NAME_COLUMNS = (HOSPITAL, SPECIALTY)
# Names checked for slips of a common name (names.near_duplicates) before anything runs.
SLIP_COLUMNS = (*NAME_COLUMNS, MUNICIPALITY)
# Free-text columns whose labels are trimmed, blanks collapsed and mapped through `values:`.
TEXT_COLUMNS = (HOSPITAL, SPECIALTY, DIAGNOSIS_GROUP, MUNICIPALITY)

# A Danish CPR number, recognised by its form: ddmmyy-xxxx (with or without the hyphen), ten digits
# whose first six are a valid date (a day the month has; 29 February in any year). A counter or
# pseudonym of other digits (1..N, 10000, 12 digits) is no CPR number.
CPR_PATTERN = re.compile(r"^(?:(?:0[1-9]|1\d|2[0-8])(?:0[1-9]|1[0-2])|(?:29|30)(?:0[13-9]|1[0-2])|2902"
                         r"|31(?:0[13578]|1[02]))\d{2}-?\d{4}$")


def norm_key(text: object) -> str:
    """Key used to match a column name or label: trimmed, case-folded, NFC, brackets and a final
    full stop dropped, '_' for spaces/hyphens/dots/slashes ("Værdi (kr.)" -> "værdi_kr")."""
    s = unicodedata.normalize("NFC", str(text)).replace("\ufeff", "").strip().casefold()
    s = re.sub(r"[()\[\]]", "", s).strip().rstrip(".")
    return re.sub(r"[\s\-./]+", "_", s)


# Built-in column aliases (Danish and English names seen in extracts) -> contract column.
# Users extend these with a mapping file (see ingest.load_mapping).
# Columns dropped without being named in a mapping file: the national generator's region (a
# hospital's region comes from data/reference/hospital_regions.csv). Listed as ignored columns.
IGNORED_COLUMNS = ("region",)

COLUMN_ALIASES: dict[str, str] = {
    # visit id
    "visit_id": VISIT_ID, "besøg_id": VISIT_ID, "besoeg_id": VISIT_ID, "besøgsid": VISIT_ID,
    "kontakt_id": VISIT_ID, "kontaktid": VISIT_ID, "id": VISIT_ID,
    # patient
    "patient_id": PATIENT_ID, "patientid": PATIENT_ID, "patient": PATIENT_ID,
    "pseudo_id": PATIENT_ID, "pseudonym": PATIENT_ID, "løbenummer": PATIENT_ID,
    # date
    "visit_date": VISIT_DATE, "dato": VISIT_DATE, "besøgsdato": VISIT_DATE,
    "besoegsdato": VISIT_DATE, "kontaktdato": VISIT_DATE, "date": VISIT_DATE,
    # hospital
    "hospital": HOSPITAL, "sygehus": HOSPITAL, "hospitalsenhed": HOSPITAL,
    "enhed": HOSPITAL, "sygehusenhed": HOSPITAL, "hospital_unit": HOSPITAL,
    # specialty
    "specialty": SPECIALTY, "speciale": SPECIALTY, "lægefagligt_speciale": SPECIALTY,
    # sector
    "sector": SECTOR, "sektor": SECTOR, "område": SECTOR,
    # visit type
    "visit_type": VISIT_TYPE, "besøgstype": VISIT_TYPE, "besoegstype": VISIT_TYPE,
    "kontaktårsag": VISIT_TYPE, "ydelsestype": VISIT_TYPE,
    # contact mode
    "contact_mode": CONTACT_MODE, "kontakttype": CONTACT_MODE, "kontaktform": CONTACT_MODE,
    "kontaktmåde": CONTACT_MODE,
    # age and sex
    "age": AGE, "alder": AGE,
    "age_band": AGE_BAND, "aldersgruppe": AGE_BAND, "aldersinterval": AGE_BAND,
    "sex": SEX, "køn": SEX, "koen": SEX, "gender": SEX,
    # optional
    "diagnosis_group": DIAGNOSIS_GROUP, "diagnosegruppe": DIAGNOSIS_GROUP,
    "icd10_kapitel": DIAGNOSIS_GROUP, "diagnosekapitel": DIAGNOSIS_GROUP,
    "municipality": MUNICIPALITY, "bopælskommune": MUNICIPALITY, "kommune": MUNICIPALITY,
    "bopælskommunenavn": MUNICIPALITY, "bopaelskommune": MUNICIPALITY, "kommunenavn": MUNICIPALITY,
    "priority": PRIORITY, "prioritet": PRIORITY, "prioritering": PRIORITY,
    "referral_source": REFERRAL_SOURCE, "henvisningsårsag": REFERRAL_SOURCE, "henviser": REFERRAL_SOURCE,
    "henvisningsinstans": REFERRAL_SOURCE, "henvisningsaarsag": REFERRAL_SOURCE,
    # a value column: a visit's price, or a cell's total in an aggregated extract
    "cost_dkk": COST_DKK, "pris": COST_DKK, "takst": COST_DKK, "omkostning": COST_DKK,
    "værdi_dkk": COST_DKK, "kr": COST_DKK, "værdi": COST_DKK, "værdi_kr": COST_DKK,
    "værdi_i_kr": COST_DKK, "vaerdi": COST_DKK, "vaerdi_kr": COST_DKK, "beløb": COST_DKK,
    "beløb_kr": COST_DKK, "beloeb": COST_DKK, "drg_værdi": COST_DKK, "dags_værdi": COST_DKK,
    "drg_takst": COST_DKK, "dags_takst": COST_DKK, "takst_kr": COST_DKK, "pris_kr": COST_DKK,
    "value": COST_DKK, "value_dkk": COST_DKK, "cost": COST_DKK,
    # pre-aggregated
    "year": YEAR, "år": YEAR, "aar": YEAR,
    "month": MONTH, "måned": MONTH, "maaned": MONTH, "år_måned": MONTH, "årmåned": MONTH,
    "year_month": MONTH, "periode_måned": MONTH,
    "visits": VISITS, "antal": VISITS, "antal_besøg": VISITS, "besøg": VISITS,
    "antal_kontakter": VISITS, "kontakter": VISITS,
    "patients": PATIENTS, "antal_patienter": PATIENTS, "patienter": PATIENTS,
    "unit_patients": UNIT_PATIENTS, "patienter_i_specialet": UNIT_PATIENTS,
    "antal_patienter_i_specialet": UNIT_PATIENTS, "patienter_pr_speciale": UNIT_PATIENTS,
    "antal_patienter_pr_speciale": UNIT_PATIENTS,
}

# Time columns a BI portal may export that the contract cannot use (it counts by month and year):
# named in their own message, with what to do (ingest.plan_columns).
WEEK, QUARTER = "week", "quarter"
UNUSABLE_TIME_COLUMNS: dict[str, str] = {
    "uge": WEEK, "ugenummer": WEEK, "uge_nr": WEEK, "ugenr": WEEK, "week": WEEK, "år_uge": WEEK, "åruge": WEEK,
    "kvartal": QUARTER, "quarter": QUARTER, "år_kvartal": QUARTER, "årkvartal": QUARTER,
}

# Built-in label aliases per categorical column: normalised source label -> contract value.
VALUE_ALIASES: dict[str, dict[str, str]] = {
    SECTOR: {
        "somatic": "somatic", "somatik": "somatic", "somatisk": "somatic",
        "psychiatry": "psychiatry", "psykiatri": "psychiatry", "psykiatrisk": "psychiatry",
    },
    VISIT_TYPE: {
        "assessment": "assessment", "udredning": "assessment", "forundersøgelse": "assessment",
        "første_besøg": "assessment", "first_visit": "assessment",
        "treatment": "treatment", "behandling": "treatment",
        "minor_procedure": "minor_procedure", "mindre_indgreb": "minor_procedure",
        "mindre_kirurgisk_indgreb": "minor_procedure", "procedure": "minor_procedure",
        "sampling": "sampling", "prøvetagning": "sampling", "proevetagning": "sampling",
        "blodprøve": "sampling",
        "follow_up": "follow_up", "followup": "follow_up", "kontrol": "follow_up",
        "opfølgning": "follow_up", "control": "follow_up",
    },
    CONTACT_MODE: {
        "in_person": "in_person", "fremmøde": "in_person", "fysisk_fremmøde": "in_person",
        "fremmoede": "in_person", "ambulant_besøg": "in_person", "physical": "in_person",
        "video": "video", "videokonsultation": "video", "videokontakt": "video",
        "phone": "phone", "telefon": "phone", "telefonkonsultation": "phone",
        "telefonisk": "phone", "telephone": "phone",
        "written": "written", "skriftlig": "written", "pro": "written",
        "spørgeskema": "written", "ambuflex": "written", "e_mail": "written",
        "mail": "written",
    },
    SEX: {
        "f": "F", "female": "F", "k": "F", "kvinde": "F", "kvinder": "F", "pige": "F",
        "m": "M", "male": "M", "mand": "M", "mænd": "M", "dreng": "M",
        **dict.fromkeys((*UNKNOWN_LABELS, "u", "ukendt_køn", "køn_ukendt"), UNKNOWN),
    },
    PRIORITY: {
        "acute": "acute", "akut": "acute", "planned": "planned", "planlagt": "planned",
        "elektiv": "planned", "elective": "planned",
    },
    REFERRAL_SOURCE: {
        "general_practice": "general_practice", "almen_praksis": "general_practice",
        "egen_læge": "general_practice", "praktiserende_læge": "general_practice",
        "alment_praktiserende_læge": "general_practice", "gp": "general_practice",
        "other_hospital": "other_hospital", "andet_sygehus": "other_hospital",
        "andet_hospital": "other_hospital", "andet_sygehus_hospital": "other_hospital",
        "emergency_department": "emergency_department", "skadestue": "emergency_department",
        "akutmodtagelse": "emergency_department", "akutafdeling": "emergency_department",
        "fælles_akutmodtagelse": "emergency_department",
        "own_department": "own_department", "egen_afdeling": "own_department",
        "other": "other", "andet": "other",
    },
    AGE_BAND: {norm_key(label): label for label in AGE_BAND_LABELS}
    | {"80_": "80+", "80plus": "80+", "80_år_og_derover": "80+"}
    | dict.fromkeys((*UNKNOWN_LABELS, "ukendt_alder", "alder_ukendt"), UNKNOWN),
}


# Month names as extracts write them (Danish and English, full and abbreviated) -> month number.
MONTH_NAMES: dict[str, int] = {
    name: i + 1
    for i, names in enumerate((
        ("januar", "january", "jan"), ("februar", "february", "feb"), ("marts", "march", "mar"),
        ("april", "apr"), ("maj", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"),
        ("august", "aug"), ("september", "sep", "sept"), ("oktober", "october", "okt", "oct"),
        ("november", "nov"), ("december", "dec"),
    ))
    for name in names
}


def age_band_of(age: int) -> str:
    """The age band label of an age in whole years (AGE_BANDS)."""
    for label, lo, hi in AGE_BANDS:
        if lo <= age <= hi:
            return label
    raise ValueError(f"age {age} outside 0..{MAX_AGE}")


def staged_arrow_schema(columns: list[str]):
    """The Arrow types of the staged copy of an input (ingest writes it; visit_types rewrites it):
    identifiers as text, dates as dates, numbers as float (so an invalid file can still be staged
    for the file-wide checks; aggregation casts them), every other column a label (dictionary)."""
    import pyarrow  # only where a file is staged: a report on the cached aggregates needs no Arrow types

    types = {VISIT_ID: pyarrow.string(), PATIENT_ID: pyarrow.string(), VISIT_DATE: pyarrow.date32(),
             MONTH: pyarrow.date32(), AGE: pyarrow.float64(), COST_DKK: pyarrow.float64(), YEAR: pyarrow.float64(),
             VISITS: pyarrow.float64(), PATIENTS: pyarrow.float64(), UNIT_PATIENTS: pyarrow.float64(),
             SOURCE_ROW: pyarrow.int64()}
    label = pyarrow.dictionary(pyarrow.int32(), pyarrow.string())
    return pyarrow.schema([(c, types.get(c, label)) for c in columns])
