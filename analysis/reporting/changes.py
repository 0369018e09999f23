"""What changed since the last run, for the front page's decision paper: the facts this run's
pages state (identities.facts_of: the hospitals' statuses from 07, the change ideas' budget effect
from 03, the key's shares from 04, the outliers from 02) against the same facts of the run
published before it (reports/latest until this run replaces it). A fact is compared only where
both runs computed it with the same parameters; otherwise the page says it cannot be compared."""
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
    runs' status facts (follow_up.status_fact); [] when their parameters differ."""
    if before["parameters"] != now["parameters"]:
        return []
    return [(h, before["statuses"][h], now["statuses"][h]) for h in sorted(now["statuses"])
            if h in before["statuses"] and before["statuses"][h] != now["statuses"][h]]


def potential(before: dict, now: dict) -> tuple[float, float]:
    """The change ideas' budget effect in the region (DKK a year), before and now
    (reduction.potential_fact)."""
    return float(sum(before["budget"].values())), float(sum(now["budget"].values()))


def key_moves(before: dict, now: dict) -> list[tuple[str, int, int]]:
    """(hospital, share before, share now), DKK a year, for the hospitals whose share of the
    requirement moved between two runs' key facts (savings_key.fact) made alike (year, basis,
    target), the largest move first; [] when they were not made alike."""
    if any(before[k] != now[k] for k in ("year", "basis", "target")):
        return []
    moved = [(h, int(before["shares"][h]), int(v)) for h, v in now["shares"].items()
             if h in before["shares"] and int(before["shares"][h]) != int(v)]
    return sorted(moved, key=lambda m: -abs(m[2] - m[1]))


def outliers(before: dict, now: dict) -> tuple[list[str], list[str]]:
    """The units (hospital, specialty) that became outliers and those that stopped being, between
    two runs' outlier facts (variation.outlier_fact) compared alike."""
    def units(fact: dict) -> set[str]:
        return {" – ".join(u.split("|")[:2]) for u in fact["units"]}
    return sorted(units(now) - units(before)), sorted(units(before) - units(now))


def sentences(before: Earlier | None, now: dict[str, dict[str, object]], lang: str) -> list[str]:
    """The front page's "what changed since the last run", in sentences: which run it is compared
    with and whether it read the same input, then each fact that changed, or that nothing did."""
    if before is None:
        return [L.t("chg_none", lang)]
    M = L.formatters(lang).M
    out = [L.t("chg_with_same" if before.same_input else "chg_with_new", lang,
               when=L.run_time(before.created, lang))]
    said = []
    pair = (_merged(before.facts, "status"), _merged(now, "status"))
    if all(pair):
        if pair[0]["parameters"] != pair[1]["parameters"]:
            said.append(L.t("chg_not_alike", lang, what=L.t("chg_what_status", lang)))
        moves = statuses(*pair)
        if moves:
            said.append(L.t("chg_status", lang, moves=L.names(
                (L.t("chg_status_one", lang, hospital=h, before=L.t(a, lang), now=L.t(b, lang)) for h, a, b in moves),
                lang)))
    pair = (_merged(before.facts, "potential"), _merged(now, "potential"))
    if all(pair):
        if pair[0]["parameters"] != pair[1]["parameters"]:
            said.append(L.t("chg_not_alike", lang, what=L.t("chg_what_potential", lang)))
        a, b = potential(*pair)
        if round(a / 1e5) != round(b / 1e5):  # as the pages write it: to 0.1 million
            said.append(L.t("chg_potential", lang, before=M(a), now=M(b)))
    pair = (_merged(before.facts, "key"), _merged(now, "key"))
    if all(pair):
        moves = key_moves(*pair)
        if not moves and any(pair[0][k] != pair[1][k] for k in ("year", "basis", "target")):
            said.append(L.t("chg_not_alike", lang, what=L.t("chg_what_key", lang)))
        elif moves and round(moves[0][1] / 1e5) != round(moves[0][2] / 1e5):
            h, a, b = moves[0]
            said.append(L.t("chg_key", lang, hospital=h, before=M(a), now=M(b)))
    pair = (_merged(before.facts, "outliers"), _merged(now, "outliers"))
    if all(pair):
        if pair[0]["parameters"] != pair[1]["parameters"]:
            said.append(L.t("chg_not_alike", lang, what=L.t("chg_what_outliers", lang)))
        else:
            new, gone = outliers(*pair)
            if new:
                said.append(L.t("chg_outliers_new", lang, units=L.names(new, lang)))
            if gone:
                said.append(L.t("chg_outliers_gone", lang, units=L.names(gone, lang)))
    return out + (said or [L.t("chg_nothing", lang)])
