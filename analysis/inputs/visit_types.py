"""Visit types derived from the contacts, for a visit-level extract that has none.

Extracts from the national patient register since 2019 (LPR3) carry no "first visit / follow-up"
field. With `derive_visit_type` in the mapping file, the staged visits get one by this rule:

- a visit is a **first visit** (`assessment`) when it is the patient's first contact in the
  specialty (at the same hospital, `within: hospital`, the default; or at any hospital of the
  region, `within: region`), or the first after more than `gap_days` days (default 365) without
  a contact there; where the extract has a referral source, also when the visit is referred from
  outside the department (general practice, another hospital, the emergency department) and the
  contact before it was not referred the same way (`referral: true`); where it has a priority,
  also when the visit is acute (`acute: true`);
- every other visit is a **follow-up** (`follow_up`): treatment, procedures and samples are not
  told apart from controls.

Contacts of the same day are taken in the order of the file. The left edge: a patient whose
course began before the extract would have their first contact in it read as a first visit. So
the first `run_in_months` months of the extract (default 12, from its first visit's month) are a
run-in: their visits are read only to know who is already in a course, and are left out of the
staged visits, so no report counts them (their visit type is unknown). The staging records the
rule, the run-in and the counts (IngestResult.derived), which 00_data_quality shows.

Pure functions: the rule is SQL (DuckDB window functions over the staged Parquet), so it scales
with the staging, not with Python.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.base import labels as L
from analysis.base import schema as s
from analysis.base.problems import InputError, Problem

if TYPE_CHECKING:
    import duckdb

MAPPING_KEY = "derive_visit_type"
FIRST, FOLLOW_UP = "assessment", "follow_up"
WITHIN = {"hospital": (s.HOSPITAL, s.SPECIALTY), "region": (s.SPECIALTY,)}  # scope -> partition besides the patient
EXTERNAL_REFERRALS = ("general_practice", "other_hospital", "emergency_department")
REASONS = ("new", "gap", "referral", "acute")  # why a visit is a first visit, in the order they are tried
# the left-edge check: the share of first visits in the first months after the run-in against the
# share over the rest; above this ratio the run-in was probably too short
EARLY_MONTHS = 6
EARLY_RATIO = 1.25
EARLY_Z = 3.0
DAYS_PER_MONTH = 365.25 / 12
MISSING_HINT = ("; an extract without one (as from LPR3) can have it derived from the contacts: "
                f"write {MAPPING_KEY}: {{}} in the mapping file (README, 'Your own data')")


@dataclass(frozen=True)
class Rule:
    """How visit types are derived (see the module docstring); the mapping file's
    `derive_visit_type:` with these keys, each optional."""

    gap_days: int = 365
    run_in_months: int = 12
    within: str = "hospital"
    referral: bool = True
    acute: bool = True

    def partition(self) -> tuple[str, ...]:
        return (s.PATIENT_ID, *WITHIN[self.within])


def parse_rule(raw: object, file: str) -> tuple[Rule | None, list[Problem]]:
    """The mapping file's `derive_visit_type` value as a Rule: a mapping of Rule's keys (missing
    keys take the defaults), `{}`, `true` or an empty value for the defaults; `false` for none."""
    if raw is False:
        return None, []
    if raw is None or raw is True:
        return Rule(), []
    where = f"{MAPPING_KEY}"
    fix = (f"write e.g. {MAPPING_KEY}: {{gap_days: 365, run_in_months: 12, within: hospital}} "
           "(README, 'Your own data')")
    if not isinstance(raw, dict):
        return None, [Problem(file, where, "must be a set of settings (or true for the defaults)", fix)]
    known = {f for f in Rule.__dataclass_fields__}
    problems = [Problem(file, where, f"unknown setting '{k}'", f"use only {', '.join(sorted(known))}")
                for k in raw if k not in known]
    values = {k: v for k, v in raw.items() if k in known}
    for key, lowest in (("gap_days", 1), ("run_in_months", 0)):
        v = values.get(key, getattr(Rule, key))
        if isinstance(v, bool) or not isinstance(v, int) or v < lowest:
            problems.append(Problem(file, where, f"'{key}' must be a whole number of at least {lowest}, not {v!r}",
                                    fix))
    if values.get("within", Rule.within) not in WITHIN:
        problems.append(Problem(file, where, f"'within' must be one of {', '.join(WITHIN)}, not {values['within']!r}",
                                "hospital: the patient's contacts in the specialty at the same hospital; region: "
                                "in the specialty at any hospital of the extract"))
    for key in ("referral", "acute"):
        if not isinstance(values.get(key, True), bool):
            problems.append(Problem(file, where, f"'{key}' must be true or false, not {values[key]!r}", fix))
    return (None, problems) if problems else (Rule(**values), [])


def plan_problems(problems: list[Problem], rename: dict[str, str], derive: bool, file: str) -> list[Problem]:
    """A visit-level file's column problems (ingest.plan_columns) as a derivation changes them: with
    `derive`, a missing visit type is none, and a visit type column beside it is one; without, the
    missing visit type's fix says that it can be derived."""
    present = s.VISIT_TYPE in rename.values()
    missing = [p for p in problems if p.column == s.VISIT_TYPE and not present]
    out = [p for p in problems if p not in missing]
    if not derive:
        return out + [replace(p, hint=p.hint + MISSING_HINT) for p in missing]
    if present:
        column = next(c for c, t in rename.items() if t == s.VISIT_TYPE)
        out.append(Problem(file, str(column), f"the file has visit types, and the mapping file asks to derive them "
                           f"({MAPPING_KEY})", f"remove {MAPPING_KEY} from the mapping file to use the file's own, or "
                           "list the column under 'ignore' to derive them", contract=s.VISIT_TYPE))
    return out


def _month_start(d: dt.date, months: int = 0) -> dt.date:
    m = d.year * 12 + d.month - 1 + months
    return dt.date(m // 12, m % 12 + 1, 1)


def derived_sql(source: str, rule: Rule, columns: list[str]) -> str:
    """The query that gives every visit of `source` (a table expression over canonical visits
    without a visit type) the derived one, with `_reason` (why it is a first visit, NULL for a
    follow-up). Same-day contacts in file order (_row), then by visit id."""
    part = ", ".join(f'"{c}"' for c in rule.partition())
    order = f'"{s.VISIT_DATE}"' + (f', "{s.SOURCE_ROW}"' if s.SOURCE_ROW in columns else "") + f', "{s.VISIT_ID}"'
    use_referral = rule.referral and s.REFERRAL_SOURCE in columns
    use_acute = rule.acute and s.PRIORITY in columns
    ref = f'CAST("{s.REFERRAL_SOURCE}" AS VARCHAR)'
    cases = ["WHEN _prev IS NULL THEN 'new'",
             f"WHEN date_diff('day', _prev, \"{s.VISIT_DATE}\") > {int(rule.gap_days)} THEN 'gap'"]
    if use_referral:
        external = ", ".join(f"'{r}'" for r in EXTERNAL_REFERRALS)
        cases.append(f"WHEN {ref} IN ({external}) AND _prev_ref IS DISTINCT FROM {ref} THEN 'referral'")
    if use_acute:
        cases.append(f"WHEN CAST(\"{s.PRIORITY}\" AS VARCHAR) = 'acute' THEN 'acute'")
    prev_ref = f", lag({ref}) OVER w AS _prev_ref" if use_referral else ""
    keep = ", ".join(f'"{c}"' for c in columns if c != s.VISIT_TYPE)
    return (f"SELECT {keep}, CASE WHEN _reason IS NULL THEN '{FOLLOW_UP}' ELSE '{FIRST}' END AS \"{s.VISIT_TYPE}\", "
            f"_reason FROM (SELECT *, CASE {' '.join(cases)} END AS _reason FROM ("
            f'SELECT *, lag("{s.VISIT_DATE}") OVER w AS _prev{prev_ref} FROM {source} '
            f"WINDOW w AS (PARTITION BY {part} ORDER BY {order})))")


def derive(con: duckdb.DuckDBPyConnection, source: str, rule: Rule, columns: list[str],
           params: list | None = None, file: str = "-") -> tuple[str, dict]:
    """Derive the visit types of the visits in `source` (a table expression, e.g. read_parquet(?)
    with `params`) in `con`: returns the name of a temporary table holding the visits after the
    run-in with their visit type (and `_reason`), and what the staging records (the rule, the
    run-in, the counts; see summary). Raises InputError when no visit is left after the run-in."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE _derived AS {derived_sql(source, rule, columns)}", params or [])
    first_day = con.execute(f'SELECT min("{s.VISIT_DATE}") FROM _derived').fetchone()[0]
    start = _month_start(first_day) if first_day else None
    analysed_from = _month_start(first_day, rule.run_in_months) if first_day else None
    run_in_visits = con.execute(f'SELECT count(*) FROM _derived WHERE "{s.VISIT_DATE}" < ?',
                                [analysed_from]).fetchone()[0] if first_day else 0
    monthly = con.execute(
        f"SELECT strftime(date_trunc('month', \"{s.VISIT_DATE}\"), '%Y-%m') AS m, count(*), "
        f"count(_reason) FROM _derived WHERE \"{s.VISIT_DATE}\" >= ? GROUP BY 1 ORDER BY 1", [analysed_from]).fetchall()
    reasons = dict(con.execute(f'SELECT _reason, count(*) FROM _derived WHERE "{s.VISIT_DATE}" >= ? '
                               "AND _reason IS NOT NULL GROUP BY 1", [analysed_from]).fetchall())
    visits = sum(n for _, n, _ in monthly)
    if not visits:
        last = con.execute(f'SELECT max("{s.VISIT_DATE}") FROM _derived').fetchone()[0]
        raise InputError([Problem(file, s.VISIT_DATE, (
            f"no visits are left after the run-in of {rule.run_in_months} months (the extract runs from "
            f"{first_day} to {last}): the visit types cannot be derived"),
            f"give an extract that covers more than the run-in, or shorten run_in_months under {MAPPING_KEY} "
            "in the mapping file")])
    con.execute(f'DELETE FROM _derived WHERE "{s.VISIT_DATE}" < ?', [analysed_from])
    first = sum(f for _, _, f in monthly)
    used = [c for c, on in ((s.REFERRAL_SOURCE, rule.referral), (s.PRIORITY, rule.acute)) if on and c in columns]
    run_in = [start.isoformat()[:7], _month_start(analysed_from, -1).isoformat()[:7]] if rule.run_in_months else []
    return "_derived", {
        "rule": asdict(rule), "columns_used": used, "run_in": run_in, "run_in_visits": int(run_in_visits),
        "analysed_from": analysed_from.isoformat(), "visits": int(visits), "first_visits": int(first),
        "follow_ups": int(visits - first), "reasons": {r: int(reasons.get(r, 0)) for r in REASONS},
        "monthly": [[m, int(n), int(f)] for m, n, f in monthly]}


def derive_file(staged: Path, rule: Rule, con: duckdb.DuckDBPyConnection, file: str = "-") -> dict:
    """Derive the visit types of a staged canonical visit file (ingest.ingest) in place: the file
    afterwards holds the visits after the run-in, each with its derived visit type, typed as
    the staging types its columns; returns what derive records."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = pq.read_schema(staged).names
    table, found = derive(con, "read_parquet(?)", rule, columns, [str(staged)], file)
    keep = [c for c in columns if c != s.VISIT_TYPE] + [s.VISIT_TYPE]
    schema = s.staged_arrow_schema(keep)
    order = f'"{s.SOURCE_ROW}"' if s.SOURCE_ROW in columns else f'"{s.VISIT_ID}"'
    select = ", ".join(f'"{c}"' for c in keep)
    reader = con.sql(f"SELECT {select} FROM {table} ORDER BY {order}").to_arrow_reader(1_000_000)
    tmp = staged.with_name(staged.name + ".deriving")
    try:
        with pq.ParquetWriter(tmp, schema, use_dictionary=[
                c for c in keep if c not in (s.VISIT_ID, s.PATIENT_ID, s.SOURCE_ROW)]) as writer:
            for batch in reader:
                writer.write_table(pa.Table.from_batches([batch]).cast(schema))
        tmp.replace(staged)
    finally:
        tmp.unlink(missing_ok=True)
        con.execute(f"DROP TABLE IF EXISTS {table}")
    return found


# --- what the reports say -----------------------------------------------------------------------
def warning_texts(derived: dict, lang: str) -> list[str]:
    """The warnings (warnings) as sentences in `lang`."""
    ratio = early_ratio(derived)
    return [L.t(key, lang, ratio=L.number(ratio or 0, lang, 1), months=EARLY_MONTHS) for key in warnings(derived)]


def warnings(derived: dict) -> list[str]:
    """Label keys of what a reader must know about a derivation: the run-in shorter than the gap
    (ongoing patients who paused longer than the run-in read as new), no run-in at all, and
    first visits clearly more frequent just after the run-in than later (courses that began before
    the extract still counted as new: the run-in was too short)."""
    if not derived:
        return []
    rule = derived["rule"]
    out = []
    if not rule["run_in_months"]:
        out.append("vt_warn_no_run_in")
    elif rule["run_in_months"] * DAYS_PER_MONTH < rule["gap_days"]:
        out.append("vt_warn_short_run_in")
    if piling_up(derived.get("monthly", [])):
        out.append("vt_warn_early")
    return out


def early_ratio(derived: dict) -> float | None:
    """The share of first visits in the first EARLY_MONTHS analysed months over the share in the
    months after them; None with fewer than twice EARLY_MONTHS months."""
    return _early(derived.get("monthly", []))[0]


def _early(months: list) -> tuple[float | None, float]:
    """(ratio, z) for [month, visits, first visits] rows in month order: the first visits' share in
    the first EARLY_MONTHS months over their share in the later ones, and the two-proportion
    z-score of the difference (so a small extract's chance swing is no warning)."""
    if len(months) < 2 * EARLY_MONTHS:
        return None, 0.0
    n1, f1 = sum(r[1] for r in months[:EARLY_MONTHS]), sum(r[2] for r in months[:EARLY_MONTHS])
    n2, f2 = sum(r[1] for r in months[EARLY_MONTHS:]), sum(r[2] for r in months[EARLY_MONTHS:])
    if not (n1 and n2 and f2):
        return None, 0.0
    pooled = (f1 + f2) / (n1 + n2)
    sd = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)) ** 0.5
    return (f1 / n1) / (f2 / n2), ((f1 / n1 - f2 / n2) / sd if sd else 0.0)


def piling_up(months: list) -> bool:
    """First visits clearly more frequent in the first months than later: the left edge's trace."""
    ratio, z = _early(months)
    return ratio is not None and ratio > EARLY_RATIO and z > EARLY_Z


def monthly_first_visits(monthly: pd.DataFrame) -> list:
    """[month, visits, first visits] per month of a monthly aggregate (month x ... x visit type)."""
    if monthly.empty or s.VISIT_TYPE not in monthly.columns:
        return []
    per = monthly.assign(_first=monthly[s.VISITS].where(monthly[s.VISIT_TYPE].astype(str) == FIRST, 0))
    per = per.groupby(s.MONTH)[[s.VISITS, "_first"]].sum().sort_index()
    return [[str(m)[:7], float(v), float(f)] for m, (v, f) in per.iterrows()]


def edge_text(monthly: pd.DataFrame, lang: str) -> str:
    """For visit types the input brought (not derived here): a warning when first visits pile up in
    the data's first months, as they do when a type was derived without a run-in; "" otherwise."""
    months = monthly_first_visits(monthly)
    if not piling_up(months):
        return ""
    return L.t("vt_warn_edge", lang, ratio=L.number(_early(months)[0], lang, 1), months=EARLY_MONTHS)


def rule_text(derived: dict, lang: str) -> str:
    """The rule in a sentence, in `lang`."""
    rule = derived["rule"]
    extra = "".join(L.t(f"vt_rule_{c}", lang) for c in derived.get("columns_used", []))
    return L.t("vt_rule", lang, within=L.t(f"vt_within_{rule['within']}", lang),
               gap=L.number(rule["gap_days"], lang), extra=extra)


def run_in_text(derived: dict, lang: str) -> str:
    """Which months were run-in and what became of them, in `lang`."""
    if not derived.get("run_in"):
        return L.t("vt_no_run_in", lang)
    first, last = derived["run_in"]
    return L.t("vt_run_in", lang, months=derived["rule"]["run_in_months"], first=L.month(first, lang),
               last=L.month(last, lang), visits=L.number(derived["run_in_visits"], lang),
               start=L.month(derived["analysed_from"], lang))


def section_text(derived: dict, lang: str) -> str:
    """00_data_quality's account of a derivation: that it happened and with which settings, the
    rule, the run-in, and how many visits became first visits."""
    intro = L.t("vt_intro", lang)  # the settings as in the file: in the footer (footer)
    result = L.t("vt_result", lang, first=L.number(derived["first_visits"], lang),
                 visits=L.number(derived["visits"], lang),
                 share=L.percent(derived["first_visits"] / max(derived["visits"], 1), lang),
                 follow_ups=L.number(derived["follow_ups"], lang))
    return "\n\n".join([intro, rule_text(derived, lang), run_in_text(derived, lang), result])


def footer(ingest, lang: str) -> tuple[str, str] | None:
    """The provenance footer's row on a derivation (label, text); None when the file had its own types."""
    derived = getattr(ingest, "derived", None) or {}
    if not derived:
        return None
    written = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in derived["rule"].items()}
    settings = "derive_visit_type: " + ", ".join(f"{k}: {v}" for k, v in written.items())  # as in the mapping file
    if not derived.get("run_in"):
        return L.t("vt_footer", lang), L.t("vt_footer_none", lang, settings=settings)
    return L.t("vt_footer", lang), L.t("vt_footer_text", lang, settings=settings, run_in=" – ".join(derived["run_in"]))


def note(ingest, lang: str, monthly: pd.DataFrame | None = None) -> str:
    """One paragraph for a report whose figures rest on visit types: that they were derived, how,
    and which months were run-in; for the input's own visit types, the warning of edge_text on
    `monthly` (the monthly aggregate), if any; else ""."""
    derived = getattr(ingest, "derived", None) or {}
    if not derived:
        return edge_text(monthly, lang) if monthly is not None else ""
    text = L.t("vt_note", lang, rule=rule_text(derived, lang), run_in=run_in_text(derived, lang))
    if warnings(derived):
        text += " " + L.t("vt_note_warn", lang)
    return text


def summary_table(derived: dict) -> pd.DataFrame:
    """The first visits by why they are first visits, and the follow-ups: reason, visits, share."""
    rows = [(f"vt_reason_{r}", derived["reasons"].get(r, 0)) for r in REASONS
            if r in ("new", "gap") or derived["reasons"].get(r, 0)]
    rows.append(("follow_up", derived["follow_ups"]))
    df = pd.DataFrame(rows, columns=["vt_what", s.VISITS])
    df["share"] = df[s.VISITS] / max(derived["visits"], 1)
    return df


def by_year(derived: dict) -> pd.DataFrame:
    """Analysed visits and first visits per year, with the first visits' share (from the months
    the staging recorded): a share that falls year by year after the run-in is the left edge's
    trace."""
    df = pd.DataFrame(derived.get("monthly", []), columns=["month", s.VISITS, "first_visits"])
    if df.empty:
        return pd.DataFrame(columns=[s.YEAR, "months", s.VISITS, "first_visits", "first_share"])
    df[s.YEAR] = df["month"].str[:4].astype(int)
    out = df.groupby(s.YEAR).agg(months=("month", "size"), visits=(s.VISITS, "sum"),
                                 first_visits=("first_visits", "sum")).reset_index()
    out["first_share"] = out["first_visits"] / out[s.VISITS]
    return out


def analysed_period(ingest) -> tuple[str, str]:
    """The period the reports analyse: the run's period, from the first month after the run-in
    when visit types were derived."""
    derived = getattr(ingest, "derived", None) or {}
    start, end = ingest.period
    return (max(start, derived["analysed_from"]), end) if derived else (start, end)
