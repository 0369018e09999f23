"""What changed since the last run, for the front page's decision paper: the facts this run's
pages state (identities.facts_of: the region's budget effect a year now and the hospitals'
statuses from 07, the change ideas' budget effect from 03, the key's shares from 04, the outliers
from 02) against the same facts of the run published before it (reports/latest until this run
replaces it), or of a run the run file names. A fact computed with other settings than last time
is compared all the same, and said to be."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from analysis.base import labels as L


@dataclass
class Earlier:
    """The run compared with: when it was made, whether it read the same input, and its facts."""

    created: dt.datetime
    same_input: bool
    facts: dict[str, dict[str, object]] = field(repr=False)


def earlier(run_dir: Path | None, sha256: str) -> Earlier | None:
    """The published run in `run_dir` (its manifest and executed notebooks), compared by the input
    it read with this run's (`sha256`); None when there is none or it cannot be read."""
    from analysis.reporting.identities import facts_of

    if run_dir is None or not (run_dir / "manifest.json").is_file():
        return None
    try:
        manifest = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8"))
        created = dt.datetime.fromisoformat(manifest["created"])
        facts = facts_of(sorted((run_dir / "executed").glob("*.ipynb")))
    except (OSError, ValueError, KeyError):  # a damaged or foreign folder: nothing to compare with
        return None
    return Earlier(created, manifest.get("input", {}).get("sha256") == sha256, facts)


def _merged(facts: dict[str, dict[str, object]], name: str) -> dict | None:
    """The fact `name` as the region's report states it: not a hospital's page's (05 states its own
    potential, outliers and status), and of the statuses the report stating every hospital's (07)."""
    found = [v for k in sorted(facts) for v in [facts[k].get(name)]
             if isinstance(v, dict) and "hospital" not in v and v.get("scope", "region") == "region"]
    if name == "status":
        found.sort(key=lambda v: -len(v["statuses"]))
    return found[0] if found else None


def statuses(before: dict, now: dict) -> list[tuple[str, str, str]]:
    """(hospital, status before, status now) for each hospital whose status changed between two
    runs' status facts (follow_up.status_fact)."""
    return [(h, before["statuses"][h], now["statuses"][h]) for h in sorted(now["statuses"])
            if h in before["statuses"] and before["statuses"][h] != now["statuses"][h]]


def potential(before: dict, now: dict) -> tuple[float, float]:
    """The change ideas' budget effect in the region (DKK a year), before and now
    (reduction.potential_fact)."""
    return float(sum(before["budget"].values())), float(sum(now["budget"].values()))


def key_moves(before: dict, now: dict) -> list[tuple[str, int, int]]:
    """(hospital, share before, share now), DKK a year, for the hospitals whose share of the
    requirement moved between two runs' key facts (savings_key.fact), the largest move first."""
    moved = [(h, int(before["shares"][h]), int(v)) for h, v in now["shares"].items()
             if h in before["shares"] and int(before["shares"][h]) != int(v)]
    return sorted(moved, key=lambda m: -abs(m[2] - m[1]))


def outliers(before: dict, now: dict) -> tuple[list[str], list[str]]:
    """The units (hospital, specialty) that became outliers and those that stopped being, between
    two runs' outlier facts (variation.outlier_fact)."""
    def units(fact: dict) -> set[str]:
        return {" – ".join(u.split("|")[:2]) for u in fact["units"]}
    return sorted(units(now) - units(before)), sorted(units(before) - units(now))


KEY_SETTINGS = ("year", "basis", "target")


def sentences(before: Earlier | None, now: dict[str, dict[str, object]], lang: str) -> list[str]:
    """The front page's "what changed since the last run", in sentences: which run it is compared
    with and whether it read the same input, each fact that changed (said to be computed with other
    settings where they were), and what did not change. A fact the earlier run states in another
    shape (an older version of the package) is said to be not comparable; it never stops the run."""
    if before is None:
        return [L.t("chg_none", lang)]
    out = [L.t("chg_with_same" if before.same_input else "chg_with_new", lang,
               when=L.run_time(before.created, lang))]
    unchanged = []
    for name, what, compare in (("region_rate", "chg_what_rate", _region_rate), ("status", "chg_what_status", _status),
                                ("potential", "chg_what_potential", _potential), ("key", "chg_what_key", _key),
                                ("outliers", "chg_what_outliers", _outliers)):
        a, b = _merged(before.facts, name), _merged(now, name)
        if not (a and b):
            continue
        try:
            said = compare(a, b, lang)
        except (KeyError, TypeError, ValueError, AttributeError):
            out.append(L.t("chg_unreadable", lang, what=L.t(what, lang)))
            continue
        out += said
        if not said:
            unchanged.append(L.t(what, lang))
    if unchanged:
        out.append(L.t("chg_unchanged", lang, what=L.names(unchanged, lang)))
    return out


def _settings(a: dict, b: dict, lang: str) -> str:
    """" (Computed with other settings than last time.)" where the two facts' parameters differ."""
    return " " + L.t("chg_settings", lang) if a.get("parameters") != b.get("parameters") else ""


def _region_rate(a: dict, b: dict, lang: str) -> list[str]:
    then, new = float(a["rate"]), float(b["rate"])
    if round(then / 1e5) == round(new / 1e5):  # as the pages write it: to 0.1 million
        return []
    M = L.formatters(lang).M
    return [L.t("chg_rate", lang, before=M(then), now=M(new)) + _settings(a, b, lang)]


def _status(a: dict, b: dict, lang: str) -> list[str]:
    moves = statuses(a, b)
    if not moves:
        return []
    return [L.t("chg_status", lang, moves=L.names(
        (L.t("chg_status_one", lang, hospital=h, before=L.t(x, lang), now=L.t(y, lang)) for h, x, y in moves),
        lang)) + _settings(a, b, lang)]


def _potential(a: dict, b: dict, lang: str) -> list[str]:
    then, new = potential(a, b)
    if round(then / 1e5) == round(new / 1e5):  # as the pages write it: to 0.1 million
        return []
    M = L.formatters(lang).M
    return [L.t("chg_potential", lang, before=M(then), now=M(new)) + _settings(a, b, lang)]


def _key(a: dict, b: dict, lang: str) -> list[str]:
    """The requirement then and now, the key's rule where it changed, and the hospital whose share
    moved most where the requirement is the same (a new requirement moves every share with it)."""
    M = L.formatters(lang).M
    said = []
    if a["target"] != b["target"]:
        said.append(L.t("chg_target", lang, before=M(a["target"]), now=M(b["target"])))
    if a["basis"] != b["basis"] or a["year"] != b["year"]:
        said.append(L.t("chg_key_rule", lang, **{f"{k}_{w}": v for w, f in (("before", a), ("now", b))
                                                 for k, v in (("basis", L.t(f"key_basis_{f['basis']}", lang)),
                                                              ("year", f["year"]))}))
    moves = [m for m in key_moves(a, b) if round(m[1] / 1e5) != round(m[2] / 1e5)]
    if moves and a["target"] == b["target"]:
        h, then, new = moves[0]
        said.append(L.t("chg_key", lang, hospital=h, before=M(then), now=M(new)))
    return said


def _outliers(a: dict, b: dict, lang: str) -> list[str]:
    new_units, gone = outliers(a, b)
    return ([L.t("chg_outliers_new", lang, units=L.names(new_units, lang)) + _settings(a, b, lang)] if new_units
            else []) + ([L.t("chg_outliers_gone", lang, units=L.names(gone, lang)) + _settings(a, b, lang)]
                        if gone else [])
