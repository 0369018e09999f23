"""Opening a report: the one call a notebook makes after its parameters cell. It reads the
notebook's parameters once (the common ones through the typed schema, parameters.Common),
prepares the input (validated and aggregated, from the cache), resolves the analysis year, and
gives back a `Page`: the prepared data, the formatters and labels of the report's language, and
the parameters as used, which the provenance footer shows (a later reassignment in the notebook
does not change it; a value the report resolves is recorded with `Page.use`)."""
from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from IPython.display import HTML, display
from matplotlib.figure import Figure

from analysis.base import labels as L
from analysis.base import schema as s
from analysis.engine import pipeline
from analysis.inputs import reference
from analysis.inputs.parameters import COMMON, Common, common_of
from analysis.reporting import plots, report


@dataclass
class Page:
    """One report being written: its parameters as used, the common ones typed, the prepared
    input, the analysis year (None where the notebook has no `year`) and the formatters."""

    parameters: dict[str, Any]
    common: Common
    prep: pipeline.Prepared
    year: int | None = None
    formatters: L.Formatters = field(init=False)
    unread: set[str] = field(default_factory=set)  # reference tables declared but not used (not_read)

    def __post_init__(self) -> None:
        self.formatters = L.formatters(self.common.language)

    @property
    def language(self) -> str:
        return self.common.language

    @property
    def own(self) -> dict[str, Any]:
        """The notebook's own parameters (all but the common ones), the year resolved."""
        return {k: v for k, v in self.parameters.items() if k not in COMMON}

    def use(self, **values: Any) -> None:
        """Record the value a report resolved for a parameter (e.g. the hospital it chose, the
        measure the data support), so the footer shows what was used."""
        unknown = sorted(set(values) - set(self.parameters))
        if unknown:
            raise KeyError(f"not parameters of this notebook: {', '.join(unknown)}")
        self.parameters.update(values)

    def not_read(self, *kinds: str) -> None:
        """Record reference tables (reference.DEFAULTS' kinds) the notebook declares but the page
        did not use, so the footer does not list them among the tables it rests on."""
        unknown = sorted(set(kinds) - set(reference.DEFAULTS))
        if unknown:
            raise KeyError(f"not reference tables: {', '.join(unknown)}")
        self.unread.update(kinds)

    def finish(self, rows_out: int | None = None) -> HTML:
        """The provenance footer with the parameters as used and the reference tables read."""
        return report.finish(self.parameters, self.prep, self.language, rows_out, self.unread)


def parameters_of(namespace: Mapping[str, Any]) -> dict[str, Any]:
    """A notebook's parameters and their values, in the order declared: the names its parameters
    cell annotates (`year: int = 2024  # ...`; Python records them in the namespace's
    __annotations__), the values as the namespace holds them now (papermill's injected values
    included), copied so a later change in the notebook does not reach them."""
    names = list(namespace.get("__annotations__", {}))
    if not names:
        raise ValueError("no parameters found: open the page right after the notebook's parameters cell, "
                         "whose lines are annotated assignments (name: type = value  # help)")
    return {k: copy.deepcopy(namespace[k]) for k in names if k in namespace}


def open_page(namespace: Mapping[str, Any], prepare: Callable[..., pipeline.Prepared] = pipeline.prepare) -> Page:
    """Open a report from the notebook's namespace (`globals()`): parameters read, the input
    prepared (`prepare`, the package's pipeline.prepare; the benchmark passes its naive way; an
    InputError names each problem), the year resolved (pipeline.resolve_year: 0 is the latest
    year in the data)."""
    given = parameters_of(namespace)
    common = common_of(given)
    prep = prepare(**common.prepare_arguments())
    plots.use_hospitals(prep.aggregates.activity[s.HOSPITAL])  # each hospital its colour on every page
    year = None
    if "year" in given:
        year = given["year"] = pipeline.resolve_year(prep, int(given["year"]))
    return Page(given, common, prep, year)


def show(items: Iterable[object]) -> None:
    """Display what a report module gives, in order: a figure once (plots.show frees it),
    anything else (the report's blocks) as it is."""
    for item in items:
        if isinstance(item, Figure):
            plots.show(item)
        elif item is not None:
            display(item)
