"""The shared parameters: one typed schema for what every notebook declares (the input, its
period and the report language) and the list of those one run sets once (the decision, the
registration lag, the requirement, the reference tables). Parsed once at the edge: the run
file (runner.RunConfig is a `Common`) and a notebook's opening call (page.open_page) read them
through this schema, so a date is a date past this point and an error names the key and the fix.

Adding a parameter every notebook takes is a field of `Common` plus a line in each notebook's
parameters cell; nothing else."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from analysis.base.problems import InputError, Problem
from analysis.inputs import reference

# Notebook parameters that hold a date (YYYY-MM-DD) or a month (YYYY-MM; a date names its month),
# written in the run file quoted or not (YAML reads an unquoted 2025-04-01 as a date)
DATE_PARAMETERS = ("decision_date",)
MONTH_PARAMETERS = ("complete_through",)

# Facts of the extract or the decision, not of one report: 00, 01, 06 and 07 must leave out the
# same months, and tell late registration from the decision's fall by the same date; 03, 04 and
# 05 show the saving the decision requires (and 07 follows it), split by one key (04, 05 and 07's
# basis); and every notebook reads the same reference tables (prices, change ideas, costs), or 03's
# potential, 04's key and 07's saving would rest on different ones. Set on any notebook of a run,
# each is given to all that declare it.
RUN_WIDE = ("complete_through", "decision_date", "target_dkk", "basis", *reference.PARAMETERS)


def day_text(key: str, value: Any) -> str:
    """A date as a run file or a notebook may give it (a YAML date or date-time, or text), as
    YYYY-MM-DD text; ValueError naming the key and the fix for a time of day or an impossible date."""
    example = f"{key}: " + {"decision_date": "2025-04-01", "period_start": "2025-01-01"}.get(key, "2025-06-30")
    whole = " (the period includes the whole of its last day)" if key == "period_end" else ""
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0):
            raise ValueError(f"{key}: {value.isoformat(sep=' ')} has a time of day; write the date alone, e.g. "
                             f"{example}{whole}")
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}[ T]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?", text):
        raise ValueError(f"{key}: '{text}' has a time of day; write the date alone, e.g. {example}{whole}")
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"{key}: '{text}' is not a date; write it as YYYY-MM-DD with a month 01-12 and a day the "
                         f"month has, e.g. {example}") from None


def as_date(key: str, value: Any) -> dt.date:
    """A date setting (period_start, period_end, decision_date) as a date: a YAML date or text
    YYYY-MM-DD; a time of day or an impossible date is refused naming the key and the fix."""
    return dt.date.fromisoformat(day_text(key, value))


class Common(BaseModel):
    """The parameters every notebook declares and a run file sets at its top: the input, the
    period it covers and the report language."""

    model_config = ConfigDict(extra="forbid")
    source: str = Field("", description="input file or folder, or a database table URL; empty = the synthetic region")
    mapping: str = Field("", description="YAML mapping file for your own column names and labels")
    sheet: str = Field("", description="Excel: the sheet to read; empty = the first with the contract's columns")
    header_row: int = Field(0, ge=0, description="the header's row (1 = first line); 0 = detected, "
                                                 "skipping title rows above it")
    period_start: dt.date = dt.date(2023, 1, 1)
    period_end: dt.date = dt.date(2025, 12, 31)
    language: Literal["da", "en"] = "da"

    @field_validator("period_start", "period_end", mode="before")
    @classmethod
    def _a_day(cls, v, info):
        try:
            return as_date(info.field_name, v)
        except ValueError as e:  # pydantic names the key itself
            raise ValueError(str(e).removeprefix(f"{info.field_name}: ")) from None

    def as_notebook_values(self) -> dict[str, Any]:
        """The common parameters as a notebook declares them (dates as YYYY-MM-DD text)."""
        return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in self.model_dump(
            include=set(COMMON)).items()}

    def prepare_arguments(self) -> dict[str, Any]:
        """The keyword arguments of pipeline.prepare that read this input."""
        values = self.as_notebook_values()
        return {k: values[k] for k in ("source", "period_start", "period_end", "mapping", "sheet", "header_row")}


COMMON = tuple(Common.model_fields)


def common_of(values: dict[str, Any], where: str = "the notebook's parameters") -> Common:
    """The common parameters among a notebook's `values`, typed; an InputError naming each bad
    one and the fix (a notebook run by hand with a mistyped date gets the same message as a run file)."""
    try:
        return Common.model_validate({k: values[k] for k in COMMON if k in values})
    except ValidationError as e:
        raise InputError([Problem(where, str(err["loc"][0]) if err["loc"] else "-",
                                  str(err["msg"]).removeprefix("Value error, "),
                                  "correct the value in the parameters cell or the run file")
                          for err in e.errors()]) from None
