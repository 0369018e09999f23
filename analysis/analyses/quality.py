"""Data quality: what was read, how it was mapped, which checks it passed, coverage, missingness.

Pure functions over the ingest result (ingest.IngestResult) and the aggregates.
"""
from __future__ import annotations

import pandas as pd

from analysis.base import labels as L
from analysis.base import schema as s
from analysis.engine.completeness import Completeness, month_names, sentence, unseen_sentence
from analysis.inputs.ingest import IngestResult

CHECKS = {  # check key -> input kinds it applies to
    "check_columns": ("visits", "aggregated"),
    "check_labels": ("visits", "aggregated"),
    "check_types": ("visits", "aggregated"),
    "check_period": ("visits", "aggregated"),
    "check_cpr": ("visits",),
    "check_unique": ("visits", "aggregated"),
    "check_counts": ("aggregated",),
    "check_names": ("visits", "aggregated"),
}


def _span_text(value: str, lang: str) -> str:
    """A first or last period of the data (ingest's span: a day, a month or a year) as a reader writes it."""
    if len(value) == 10:
        return L.date(value, lang)
    return L.month(value, lang) if len(value) == 7 else value


def _findings(ingest: IngestResult, lang: str) -> dict[str, tuple[str, str]]:
    """Per check: (result, what it found), from what ingest recorded."""
    n = lambda x: L.number(x, lang)  # noqa: E731
    rows = n(ingest.rows)
    label_rows = sum(m["rows"] for m in ingest.mapped_labels)
    missing = {c: k for c, k in ingest.missing.items() if k}
    start, end = (L.date(d, lang) for d in ingest.period)
    if ingest.span:
        period = L.t("finding_period", lang, first=_span_text(ingest.span[0], lang),
                     last=_span_text(ingest.span[-1], lang), start=start, end=end)
    else:
        period = L.t("finding_period_only", lang, start=start, end=end)
    columns = L.t("finding_columns", lang, mapped=len(ingest.columns), ignored=len(ingest.ignored_columns))
    if ingest.unnamed_columns:
        columns += L.t("finding_unnamed", lang, unnamed=ingest.unnamed_columns)
    renamed = [r for r in ingest.renames if r["rows"]]
    if ingest.names:
        names = L.t("finding_names", lang, names=n(sum(ingest.names.values())), renamed=len(renamed))
    else:
        names = L.t("finding_names_unknown", lang)
    noted = {note["key"]: note for note in ingest.notes}
    checks_of = {"check_period": "dates_apart", "check_unique": "same_visits"}  # a note makes the check "flagged"
    found = {
        "check_columns": ("passed", columns),
        "check_labels": ("passed", L.t("finding_labels", lang, labels=len(ingest.mapped_labels), rows=n(label_rows))
                         if ingest.mapped_labels else L.t("finding_labels_none", lang)),
        "check_types": ("passed", L.t("finding_types", lang, rows=rows, missing="; ".join(
            f"{L.t(c, lang)} {n(k)}" for c, k in missing.items())) if missing else L.t("finding_types_complete", lang,
                                                                                      rows=rows)),
        "check_period": ("passed", period),
        "check_cpr": ("passed", L.t("finding_cpr", lang, rows=rows)),
        "check_unique": ("merged", L.t("finding_merged", lang, merged=n(ingest.merged_rows),
                                       cells=n(ingest.merged_cells)))
        if ingest.merged_rows else ("passed", L.t("finding_unique_" + ingest.kind, lang, rows=rows)),
        "check_counts": ("passed", L.t("finding_counts", lang, rows=rows)),
        "check_names": ("passed", names),
    }
    for check, key in checks_of.items():
        if key in noted:
            found[check] = ("flagged", found[check][1] + L.t(f"finding_{key}", lang, n=n(noted[key]["n"])))
    return found


def checks(ingest: IngestResult, lang: str = "da", registration: Completeness | None = None,
           by_month: bool = True) -> pd.DataFrame:
    """The validation checks, their result and what each found (rows read, labels translated,
    values missing, cells merged, names checked and renamed), from the ingest result; with
    `registration` (completeness.assess of the data's months, as 06 and 07 use it) a last row
    says whether the latest months are fully registered (`by_month` False: the data have no
    months, so it does not apply).

    A run only gets this far when no check failed (a failure stops it with a list of the
    problems); a check that changed the data on the way (cells summed) says "merged", and
    months not fully registered say "reg_incomplete": the data are valid, but not complete yet."""
    found = _findings(ingest, lang)
    out = []
    for check, kinds in CHECKS.items():
        result, finding = found[check] if ingest.kind in kinds else ("not_applicable", "")
        out.append({"check": check, "result": result, "finding": finding})
    if registration is not None:
        result, finding = _registration_finding(registration, by_month, lang)
        out.append({"check": "check_registration", "result": result, "finding": finding})
    return pd.DataFrame(out)


def _checked_months(c: Completeness) -> list[pd.Timestamp]:
    ev = c.evidence
    return [pd.Timestamp(m) for m in ev["month"]] if "month" in ev.columns else []


def _registration_finding(c: Completeness, by_month: bool, lang: str) -> tuple[str, str]:
    if not by_month:
        return "not_applicable", L.t("finding_reg_no_months", lang)
    if c.incomplete:
        months = month_names(c.incomplete, lang)
        if c.how == "given":
            return "reg_incomplete", L.t("finding_reg_given", lang, months=months,
                                         last=month_names([c.complete_through], lang))
        return "reg_incomplete", L.t("finding_reg_detected", lang, months=months)
    checked = _checked_months(c)
    if not checked:
        return "not_checked", L.t("finding_reg_short", lang)
    return "passed", L.t("finding_reg_none", lang, n=len(checked), months=month_names(checked, lang))


def checks_text(registration: Completeness | None, lang: str = "da", checks: pd.DataFrame | None = None) -> str:
    """What the report says under the checks (`checks`, as checks() gives them): all passed; or,
    when the latest months are not fully registered, that the data are valid but those months are
    too low; or, when a check is flagged, that the data passed but the notes are worth a look
    (never "all passed" beside "see the note")."""
    if registration is not None and registration.incomplete:
        return L.t("dq_checks_text_incomplete", lang, months=month_names(registration.incomplete, lang))
    flagged = 0 if checks is None else int((checks["result"] == "flagged").sum())
    if flagged:
        return L.t("dq_checks_text_flagged", lang, n=L.number(flagged, lang))
    return L.t("dq_checks_text", lang)


def registration_text(c: Completeness, by_month: bool, lang: str = "da") -> tuple[str, str]:
    """The registration section's text before its evidence table (which months and why, as 06
    and 07 say it, or that none is incomplete, or why it cannot be checked) and after it (what
    the months not fully registered mean for the other reports; "" when none is)."""
    if not by_month:
        return L.t("dq_registration_no_months", lang), ""
    if c.incomplete:
        return sentence(c, lang), L.t("dq_registration_meaning", lang, months=month_names(c.incomplete, lang))
    checked = _checked_months(c)
    if not checked:
        return L.t("dq_registration_short", lang), ""
    return " ".join(x for x in (L.t("dq_registration_none", lang, n=len(checked)), unseen_sentence(c, lang)) if x), ""


EVIDENCE = {"series": "lag_series", "share_below": "share_below", "median_ratio": "median_ratio",
            "total_ratio": "total_ratio"}  # completeness evidence column -> the report's column (a label key)
EVIDENCE_PERCENT = ["share_below", "median_ratio", "total_ratio"]


def registration_evidence(c: Completeness, lang: str = "da") -> pd.DataFrame:
    """The evidence behind the registration check, one row per latest month checked: the month
    (as a name), the large series compared, the share of them below what was expected, the typical
    series' and the total's ratio to what was expected (fractions: show as percent), and the
    verdict. Empty when nothing was checked (too few months, or the last complete month given)."""
    ev = c.evidence
    if ev.empty or "month" not in ev.columns:
        return pd.DataFrame()
    out = pd.DataFrame({"month": [month_names([pd.Timestamp(m)], lang) for m in ev["month"]]})
    for column, shown in EVIDENCE.items():
        if column in ev.columns:
            out[shown] = ev[column].to_numpy()
    if "incomplete" in ev.columns:
        out["registration"] = ["reg_incomplete" if x else "reg_complete" for x in ev["incomplete"]]
    return out


def renames(ingest: IngestResult) -> pd.DataFrame:
    """Units renamed by the mapping file (old name -> new name) and the rows each changed; a
    rename whose old name is not in the file has 0 rows."""
    df = pd.DataFrame(ingest.renames, columns=["column", "old", "new", "rows"])
    return df.rename(columns={"column": "contract_column", "old": "old_name", "new": "new_name"})


def unit_changes(table: pd.DataFrame, keys: tuple[str, ...] = (s.HOSPITAL,), time: str = s.YEAR,
                 lang: str = "da") -> pd.DataFrame:
    """Units (e.g. hospital, or hospital x specialty) with visits in some periods of the data but
    not in others: ones that appear, disappear or have a gap, e.g. a unit renamed or merged
    during the period. Works on any aggregate with `keys`, `time` and visits (the activity
    table by year, for visit-level and aggregated input alike, or the monthly table by month).

    Returns the keys, first and last period with visits, the periods without, visits, and the
    change: appears, disappears, appears_disappears or gap.
    """
    cols = [*keys, "first", "last", "absent", s.VISITS, "change"]
    if table.empty:
        return pd.DataFrame(columns=cols)
    periods = sorted(table[time].unique())
    label = (lambda p: str(int(p))) if time == s.YEAR else (lambda p: L.month(pd.Timestamp(p), lang))
    per = table.groupby([*keys, time], observed=True)[s.VISITS].sum()
    out = []
    for unit, grp in per[per > 0].groupby(level=list(range(len(keys))), observed=True):
        seen = set(grp.index.get_level_values(time))
        if len(seen) == len(periods):
            continue
        first, last = min(seen), max(seen)
        late, early = first > periods[0], last < periods[-1]
        change = "appears_disappears" if late and early else "appears" if late else "disappears" if early else "gap"
        unit = unit if isinstance(unit, tuple) else (unit,)
        out.append({**dict(zip(keys, unit)), "first": label(first), "last": label(last),
                    "absent": ", ".join(label(p) for p in periods if p not in seen),
                    s.VISITS: int(grp.sum()), "change": change})
    return pd.DataFrame(out, columns=cols).sort_values([*keys]).reset_index(drop=True)


def _note_rows(note: dict, lang: str) -> str:
    rows = ", ".join(L.number(r, lang) for r in note.get("rows", []))
    more = note["n"] - len(note.get("rows", []))
    if more > 0:
        return L.t("note_rows_more", lang, rows=rows, more=L.number(more, lang))
    return L.t("note_rows_many" if len(note.get("rows", [])) > 1 else "note_rows", lang, rows=rows)


def input_notes(ingest: IngestResult, lang: str = "da") -> list[str]:
    """What the reading found that did not stop it but is worth a look (IngestResult.notes), one
    sentence each with the rows (1 = first data row) and what to do; names from the file are
    written as code, as given."""
    out = []
    for note in ingest.notes:
        values = {k: L.number(v, lang) if isinstance(v, int) else v for k, v in note.items()
                  if k not in ("key", "rows")}
        for names in ("columns", "specialties"):
            if names in note:
                values[names] = ", ".join(f"`{c}`" for c in note[names])
        key = f"note_{note['key']}" + ("_none" if note["key"] == "sector_from_names" and not note["n"] else "")
        out.append(L.t(key, lang, **values, rows=_note_rows(note, lang)))
    return out


def column_mapping(ingest: IngestResult) -> pd.DataFrame:
    """Columns of the file and the contract column each became."""
    rows = [(src, dst) for src, dst in ingest.columns.items()]
    rows += [(src, "ignored") for src in ingest.ignored_columns]
    return pd.DataFrame(rows, columns=["source_column", "contract_column"])


def label_mapping(ingest: IngestResult) -> pd.DataFrame:
    """Labels that were translated to contract values (e.g. 'Kontrol' -> follow_up), with rows."""
    df = pd.DataFrame(ingest.mapped_labels, columns=["column", "source", "value", "rows"])
    return df.rename(columns={"column": "contract_column", "source": "source_label",
                              "value": "contract_value", "rows": s.VISITS if ingest.kind == "visits" else "rows"})


def missing(ingest: IngestResult) -> pd.DataFrame:
    """Missing or unknown values in the optional columns, sex and age, with their share of rows."""
    df = pd.DataFrame([(c, n) for c, n in ingest.missing.items()], columns=["contract_column", "missing"])
    df["missing_share"] = df["missing"] / ingest.rows if ingest.rows else float("nan")
    return df


def coverage(monthly: pd.DataFrame, period: tuple[str, str]) -> pd.DataFrame:
    """Per hospital: first and last month with visits, and months in the period with none."""
    months = pd.period_range(period[0], period[1], freq="M")
    per = monthly.assign(m=pd.to_datetime(monthly[s.MONTH]).dt.to_period("M"))
    rows = []
    for hosp, grp in per.groupby(s.HOSPITAL, observed=True):
        seen = set(grp.loc[grp[s.VISITS] > 0, "m"])
        rows.append({s.HOSPITAL: hosp, "first_month": min(seen).to_timestamp() if seen else None,
                     "last_month": max(seen).to_timestamp() if seen else None,
                     "months_without_visits": sum(m not in seen for m in months),
                     s.VISITS: int(grp[s.VISITS].sum())})
    return pd.DataFrame(rows).sort_values(s.VISITS, ascending=False).reset_index(drop=True)


def monthly_by_hospital(monthly: pd.DataFrame) -> pd.DataFrame:
    """Visits per month (rows) by hospital (columns)."""
    out = monthly.pivot_table(index=s.MONTH, columns=s.HOSPITAL, values=s.VISITS, aggfunc="sum", fill_value=0)
    out.columns.name = None
    return out


def monthly_how(registration: Completeness, lang: str = "da") -> str:
    """How to read the chart of visits per month; it names the grey band of months not fully
    registered when there is one."""
    text = L.t("dq_monthly_how", lang)
    if registration.incomplete:
        text += " " + L.t("dq_monthly_how_shaded", lang, months=month_names(registration.incomplete, lang))
    return text
