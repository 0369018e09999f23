"""Progress of the long phases on a terminal: checking and staging an input, aggregating it,
reading a database table, generating the synthetic region (tqdm's bars on standard error).

Quiet where nobody watches: when standard error is not a terminal (a log, a notebook's kernel,
the tests), in CI (`CI` set) and with `OUTPATIENT_NO_PROGRESS` set. The phase's bar appears as it
starts, so a long first query is not silence; it is removed when the phase ends, where the run
says what the phase found and how long it took.

    with progress.phase("checking visits.csv", unit="rows"):
        ...
        progress.doing("names")            # anywhere below, in the same thread
        progress.advance(len(chunk))
"""
from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from contextvars import ContextVar

from tqdm import tqdm

_current: ContextVar[tqdm | None] = ContextVar("progress", default=None)


def shown() -> bool:
    """Whether bars are drawn: standard error is a terminal, not CI, not switched off."""
    if os.environ.get("CI") or os.environ.get("OUTPATIENT_NO_PROGRESS"):
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed stream
        return False


@contextlib.contextmanager
def phase(label: str, unit: str = "step", total: int | None = None) -> Iterator[tqdm]:
    """A bar for the phase `label` while the block runs (counting `unit`s, of `total` if known);
    advance() moves it, doing() says what is being done. Phases nest: the inner one counts while it runs."""
    counted = "{desc}: {n_fmt} {unit} [{elapsed}{postfix}]"  # no total: no bar, no rate
    bar = tqdm(total=total, desc=label, unit=unit, disable=not shown(), leave=False, file=sys.stderr,
               dynamic_ncols=True, mininterval=0.25, unit_scale=unit == "rows",
               bar_format=counted if total is None else None)
    token = _current.set(bar)
    try:
        yield bar
    finally:
        _current.reset(token)
        bar.close()


def advance(n: int = 1) -> None:
    """Move the current phase's bar by `n`; nothing outside a phase."""
    bar = _current.get()
    if bar is not None and not bar.disable:
        bar.update(n)


def doing(what: str) -> None:
    """Say on the current phase's bar what is being done now (e.g. before a long query)."""
    bar = _current.get()
    if bar is not None and not bar.disable:
        bar.set_postfix_str(what, refresh=True)
