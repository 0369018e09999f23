"""The region-wide results a report run once per value (05 per hospital, 10 per specialty) repeats
in every one of its pages (the potential's estimate, 07's expectations, the variation, 08's
counts), kept per process for the next page of the same run: a run's worker keeps its kernel
from one notebook to the next, so seven hospitals or 28 specialties pay them once.

Written by hand because the keys are a prepared input and parameters, not hashable frames. A page
finds what an earlier one kept only where everything the results rest on is the same: the
report, the input's aggregates (the cache key: the input's content, period and mapping), every
parameter of the page but the value it is run for, and each reference table it reads as the file
is now (path, size and modification time), so a table edited between two runs in one JupyterLab
kernel is read anew. At most KEPT entries (the newest), so memory stays that of a few pages."""
from __future__ import annotations

from typing import Any

from analysis.inputs import reference

KEPT = 4  # a run's sectors (somatic, psychiatry) for each of the two reports
_KEPT: dict[tuple, dict[str, Any]] = {}


def kept(page, per: str, *also: Any) -> dict[str, Any]:
    """The results kept for this page's report, input and parameters but `per` (the parameter it
    is run for: "hospital", "specialty"), and what else they rest on that the value decides
    (`also`: the value's sector): a dict to fill where new, the same dict for the next page that
    matches; a fresh one, kept nowhere, for an input without a cache key."""
    if page.prep.cache is None:
        return {}
    key = (per, page.prep.cache.key, _tables(page.parameters), *map(repr, also),
           *sorted((k, repr(v)) for k, v in page.parameters.items() if k != per))
    if key not in _KEPT:
        while len(_KEPT) >= KEPT:
            _KEPT.pop(next(iter(_KEPT)))  # the oldest
        _KEPT[key] = {}
    return _KEPT[key]


def _tables(parameters: dict[str, Any]) -> tuple:
    """Each reference table the parameters name, with its file's size and modification time
    (None where it cannot be read: the page's own reading then says why)."""
    found = []
    for kind, path in reference.tables_read(parameters):
        try:
            stat = path.stat()
            found.append((kind, str(path), stat.st_size, stat.st_mtime_ns))
        except OSError:
            found.append((kind, str(path), None, None))
    return tuple(found)
