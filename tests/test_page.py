"""Opening a report (page.open_page): the notebook's parameters read once, typed at the edge,
kept as used for the footer."""
import datetime as dt
import html

import pytest

from analysis.base.problems import InputError
from analysis.inputs.parameters import COMMON, Common, common_of
from analysis.reporting.page import open_page, parameters_of


def notebook(*cells: str) -> dict:
    """The namespace of a kernel that ran `cells`, as a notebook's globals(): each cell executed
    in one module namespace, as IPython runs a cell (annotations of top-level names collected in
    `__annotations__`). A real IPython shell is not used here: it puts its own module in place of
    __main__ and clears it on reset, and later tests in the process that start workers fail."""
    namespace: dict = {"__name__": "__main__"}
    for cell in cells:
        exec(compile(cell, "<cell>", "exec"), namespace)
    return namespace


def test_the_parameters_are_the_annotated_names_with_the_values_papermill_injected():
    ns = notebook('source: str = ""  # input\nyear: int = 0  # 0 = latest\nsectors: list[str] = ["somatic"]',
                  "year = 2024  # injected", "other = 1")
    assert parameters_of(ns) == {"source": "", "year": 2024, "sectors": ["somatic"]}


def test_a_later_change_in_the_notebook_does_not_reach_the_parameters_read():
    ns = notebook('sectors: list[str] = ["somatic"]')
    given = parameters_of(ns)
    ns["sectors"].append("psychiatry")
    assert given == {"sectors": ["somatic"]}


def test_a_namespace_without_a_parameters_cell_is_refused_with_the_fix():
    with pytest.raises(ValueError, match="right after the notebook's parameters cell"):
        parameters_of({"year": 2024})


def test_the_common_parameters_are_typed_dates_as_dates():
    common = common_of({"period_start": "2024-01-01", "period_end": "2024-12-31", "language": "en", "year": 2024})
    assert (common.period_start, common.period_end, common.language) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31),
                                                                         "en")
    assert common.prepare_arguments()["period_end"] == "2024-12-31"


def test_a_bad_common_parameter_is_named_with_the_fix():
    with pytest.raises(InputError) as err:
        common_of({"period_start": "2024-13-01", "language": "de"})
    text = str(err.value)
    assert "period_start" in text and "YYYY-MM-DD" in text and "language" in text


def test_the_run_file_and_the_notebooks_share_one_list_of_common_parameters():
    from analysis.running.runner import RunConfig

    assert set(COMMON) <= set(RunConfig.model_fields) and issubclass(RunConfig, Common)


def test_opening_prepares_the_input_resolves_the_year_and_keeps_what_was_used(small_region):
    ns = notebook(f'source: str = "{small_region}"\nperiod_start: str = "2023-01-01"\n'
                  'period_end: str = "2025-12-31"\nlanguage: str = "en"\nyear: int = 0\nhospital: str = ""')
    page = open_page(ns)
    assert page.year == max(page.prep.activity["year"]) == page.parameters["year"]
    assert page.own == {"year": page.year, "hospital": ""}
    assert page.formatters.N(1234) == "1,234"
    page.use(hospital="A")
    footer = html.unescape(str(page.finish().data))
    assert 'hospital = "A"' in footer and f"year = {page.year};" in footer
    with pytest.raises(KeyError, match="measure"):
        page.use(measure="x")


def test_the_footer_lists_only_the_reference_tables_the_page_used(small_region):
    """08 without diagnosis groups listed the level tables it never read among those it rests on."""
    ns = notebook(f'source: str = "{small_region}"\nperiod_start: str = "2023-01-01"\n'
                  'period_end: str = "2025-12-31"\nlanguage: str = "da"\ntariff_file: str = ""\n'
                  'specialisation_file: str = ""\ndiagnosis_levels_file: str = ""')
    page = open_page(ns)
    page.not_read("specialisation", "diagnosis_levels")
    footer = html.unescape(str(page.finish().data))
    assert "data/reference/tariffs.csv" in footer
    assert "specialisation.csv" not in footer and "diagnosis_levels.csv" not in footer
    with pytest.raises(KeyError, match="tarifs"):
        page.not_read("tarifs")
