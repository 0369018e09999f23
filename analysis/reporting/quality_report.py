"""Report 00, data quality: what was read and how (file, format, sheet, header, merged cells), the
checks the input passed, how complete the latest months' registration is, how the columns and
labels were mapped, visit types derived from the contacts, units that appear or vanish, missing
values of the optional columns, the prices found in the input, and the coverage month by month.
`build` yields the page's blocks and figures in order (page.show displays them)."""
from __future__ import annotations

from collections.abc import Iterator

from analysis.analyses import quality
from analysis.base import labels as L
from analysis.engine import completeness
from analysis.inputs import tariffs
from analysis.inputs import visit_types as derivation
from analysis.reporting import plots, report
from analysis.reporting.page import Page


def build(page: Page, *, complete_through: str, decision_date: str) -> Iterator[object]:
    """The data quality page (notebook 00's parameters)."""
    prep, language = page.prep, page.language
    T, N, P, M = page.formatters  # label, number, percent and money in the report's language
    monthly = prep.aggregates.monthly
    by_month = not monthly.empty
    # the latest months not fully registered, as 06 and 07 find them
    lag = completeness.assess(monthly, complete_through, decision_date=decision_date)
    yield report.start(T("dq_title"), language, prep.synthetic,
                       T("dq_subtitle", start=L.date(page.parameters["period_start"], language),
                         end=L.date(page.parameters["period_end"], language)))
    yield from _read(page, lag, by_month)
    yield from _registration(page, lag, by_month)
    yield from _mapping(page)
    yield from _derived(page)
    yield from _units(page)
    yield from _missing(page)
    yield from _prices(page)
    yield from _coverage(page, lag)


def _read(page: Page, lag: completeness.Completeness, by_month: bool) -> Iterator[object]:
    """What was read and how, the checks it passed, and notes on rows worth a look."""
    language, T, ing = page.language, page.formatters.T, page.prep.ingest
    yield report.heading(T("dq_read"))
    d = ing.dialect
    mapping_name = T("builtin_mapping") if ing.mapping_source == "built-in" else ing.mapping_source.split("/")[-1]
    if d["format"] == "table":  # a database table or a folder of Parquet, read in place
        yield report.text(T("dq_read_table", source=ing.file, engine=d["engine"], rows=L.number(ing.rows, language),
                            outside=L.number(d["outside_period"], language), mapping=mapping_name))
    else:
        fmt = d["format"].capitalize() if d["format"] != "csv" else T(
            "csv_format", encoding=L.encoding(d["encoding"]),
            separator={"\t": "tab"}.get(d["separator"], d["separator"]), decimal=d["decimal"])
        yield report.text(T("dq_read_text", file=ing.file.split("/")[-1], format=fmt,
                            rows=L.number(ing.rows, language), kind=T("kind_" + ing.kind), mapping=mapping_name))
    if d.get("sheet"):
        yield report.text(T("dq_read_sheet", sheet=d["sheet"]))
    if d.get("header_row", 1) > 1:
        yield report.text(T("dq_read_header", row=d["header_row"]))
    if ing.merged_rows:
        yield report.text(T("dq_merged_text", merged=L.number(ing.merged_rows, language),
                            cells=L.number(ing.merged_cells, language)))
    checks = quality.checks(ing, language, lag, by_month)
    yield report.table(checks, language, verbatim=["finding"], caption=T("dq_checks_caption"))
    yield report.text(quality.checks_text(lag, language, checks))  # never "all passed" beside a finding
    notes = quality.input_notes(ing, language)  # read and valid, but worth a look in the extract: the rows named
    if notes:
        yield report.heading(T("dq_notes"))
        yield report.text(T("dq_notes_text") + "\n\n" + "\n".join(f"- {note}" for note in notes))


def _registration(page: Page, lag: completeness.Completeness, by_month: bool) -> Iterator[object]:
    """How complete the registration of the latest months is, and the evidence for it."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("dq_registration"))
    lead, meaning = quality.registration_text(lag, by_month, language)
    yield report.text(lead)
    evidence = quality.registration_evidence(lag, language)
    if not evidence.empty:
        yield report.table(evidence, language, percent=quality.EVIDENCE_PERCENT,
                           digits=dict.fromkeys(quality.EVIDENCE_PERCENT, 0), caption=T("dq_registration_caption"))
        yield report.text(T("dq_registration_how"))
    if meaning:
        yield report.text(meaning)


def _mapping(page: Page) -> Iterator[object]:
    """The columns and labels mapped onto the data contract, and units renamed."""
    language, T, ing = page.language, page.formatters.T, page.prep.ingest
    yield report.heading(T("dq_mapping"))
    yield report.table(quality.column_mapping(ing), language, verbatim=["source_column"],
                       caption=T("dq_columns_caption"))
    labels_used = quality.label_mapping(ing)
    if labels_used.empty:
        yield report.text(T("dq_no_labels_mapped"))
    else:
        yield report.table(labels_used, language, counts=[labels_used.columns[-1]], verbatim=["source_label"],
                           caption=T("dq_labels_caption"))
    renamed = quality.renames(ing)
    if not renamed.empty:
        yield report.heading(T("dq_renames"))
        yield report.table(renamed, language, counts=["rows"], verbatim=["old_name", "new_name"],
                           caption=T("dq_renames_caption"))
        yield report.text(T("dq_renames_text"))


def _derived(page: Page) -> Iterator[object]:
    """Visit types derived from the contacts, or the input's own with first visits piling up at the start."""
    language, T, ing = page.language, page.formatters.T, page.prep.ingest
    monthly = page.prep.aggregates.monthly
    if ing.derived:  # the file had no visit types: how they were derived, and the run-in left out of every report
        yield report.heading(T("dq_derived"))
        yield report.text(derivation.section_text(ing.derived, language))
        yield from (report.text(warning) for warning in derivation.warning_texts(ing.derived, language))
        yield report.table(derivation.summary_table(ing.derived), language, counts=["visits"],
                           derived={"share": "visits"}, percent=["share"], caption=T("vt_summary_caption"))
        yield report.table(derivation.by_year(ing.derived), language, counts=["visits", "first_visits"],
                           derived={"first_share": ["visits", "first_visits"]}, percent=["first_share"],
                           caption=T("vt_by_year_caption"))
    elif derivation.edge_text(monthly, language):  # the input's own visit types, first visits piling up at the start
        yield report.heading(T("dq_edge"))
        yield report.text(derivation.edge_text(monthly, language))


def _units(page: Page) -> Iterator[object]:
    """Hospitals and hospital specialties that appear, vanish or pause during the period."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("dq_units"))
    activity = page.prep.aggregates.activity
    by_hospital = quality.unit_changes(activity, ("hospital",))
    by_unit = quality.unit_changes(activity, ("hospital", "specialty"))
    if by_hospital.empty and by_unit.empty:
        yield report.text(T("dq_units_none"))
        return
    if not by_hospital.empty:
        yield report.table(by_hospital, language, counts=["visits"], verbatim=["hospital", "first", "last", "absent"],
                           caption=T("dq_units_hospital_caption"))
    if not by_unit.empty:
        yield report.table(by_unit, language, counts=["visits"],
                           verbatim=["hospital", "specialty", "first", "last", "absent"],
                           caption=T("dq_units_specialty_caption"))
    yield report.text(T("dq_units_text"))


def _missing(page: Page) -> Iterator[object]:
    """Missing values of the optional columns."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("dq_missing"))
    miss = quality.missing(page.prep.ingest)
    if miss.empty:
        yield report.text(T("dq_no_optional"))
    else:
        yield report.table(miss, language, counts=["missing"], derived={"missing_share": "missing"},
                           percent=["missing_share"], caption=T("dq_missing_caption"))


def _prices(page: Page) -> Iterator[object]:
    """The prices the input's value column gives."""
    language, T = page.language, page.formatters.T
    yield report.heading(T("dq_prices"))
    prices = tariffs.price_table(page.prep.aggregates.activity, by_specialty=False)
    if prices.empty:
        yield report.text(T("prices_none", min_visits=tariffs.MIN_VISITS))
    else:
        yield report.table(prices, language, counts=["visits"], caption=T("prices_caption"))
        yield report.text(T("dq_prices_text", min_visits=tariffs.MIN_VISITS))


def _coverage(page: Page, lag: completeness.Completeness) -> Iterator[object]:
    """The months each hospital has visits in, and the visits month by month."""
    language, T, ing = page.language, page.formatters.T, page.prep.ingest
    monthly = page.prep.aggregates.monthly
    yield report.heading(T("dq_coverage"))
    if monthly.empty:
        yield report.text(T("not_available"))
        return
    yield report.table(quality.coverage(monthly, derivation.analysed_period(ing)), language, counts=["visits"],
                       caption=T("dq_coverage_caption"))
    yield plots.lines(quality.monthly_by_hospital(monthly), language, T("dq_monthly_title"), T("visits"),
                      shade=lag.incomplete)  # months not fully registered in a grey band
    yield report.how_to_read(quality.monthly_how(lag, language), language)
