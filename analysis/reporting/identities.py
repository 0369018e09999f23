"""Pages that reconcile: the identities a reader would check across the reports of one run,
checked before the run is published (a failed identity stops publication like any report check).

Each report states its numbers as facts (report.fact: a name and a value, with the parameters
the value depends on); `check` reads them from the executed notebooks and tests:
  - 07: the hospitals' realised budget effects (every sector) add up to the region's net, and the
    saving sectors' plus the other sectors' (psychiatry) do too; the netting table's parts add
    up to the net, and its clear falls are the falls listed under "where the saving came from";
    the same for the tariff value;
  - 04, 05 and 07: each hospital's share of the target is the same kroner wherever a key of the
    same year, basis and target is shown; and a key of the same year and basis splits the same
    target on every page (the run's one requirement, which 07 follows as its profile's last year);
  - 03 and 05, 03 and 10: the hospitals' potentials (05, one page each) and the specialties' (10,
    one pack each) add up to 03's by change idea, in budget effect and tariff value, where they ran
    with the same parameters;
  - 02 and 05: a hospital's page names exactly the outliers the variation report names for it,
    where both compared with the same measure, year, strata and method;
  - 03 and 08: the calendar-booked follow-ups an idea of 03 takes its share of are those 08
    counts, unit by unit, where both counted alike (year, targets, tolerance) and 08's sectors
    hold 03's;
  - 05 and 08: a hospital's page names exactly the units 08 finds clearly calendar-booked for it;
  - 05 and 07: a hospital's status (ahead, on track, not yet clear, behind) is the same on its
    page and in the follow-up, where both followed the decision with the same parameters.
A value is equal within TOLERANCE_DKK kroner (rounding of sums of floats); the key is whole
kroner and must match exactly.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import nbformat

from analysis.reporting.report import FACT_MIME

TOLERANCE_DKK = 1.0


def facts_of(executed: list[Path]) -> dict[str, dict[str, object]]:
    """{report name (the executed notebook's file stem): {fact name: value}}."""
    out: dict[str, dict[str, object]] = {}
    for path in executed:
        found = {}
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {}).get(FACT_MIME)
                if data:
                    found[data["name"]] = data["value"]
        out[Path(path).stem] = found
    return out


def _close(a: float, b: float, tol: float = TOLERANCE_DKK) -> bool:
    return abs(float(a) - float(b)) <= tol


def _sums(name: str, f: dict) -> list[str]:
    """07's own sums: hospitals and sectors add up to the region's net, and so do the netting parts."""
    problems = []
    for kind in ("budget", "tariff"):
        net = f.get(f"region_net_{kind}")
        if net is None:
            continue
        hospitals = f.get(f"hospitals_{kind}", {})
        if not _close(sum(hospitals.values()), net):
            problems.append(f"{name}: the hospitals' {kind} figures add up to {sum(hospitals.values()):,.0f} kr., "
                            f"the region's net is {net:,.0f} kr.")
        sectors = f.get(f"sectors_{kind}", {})
        if sectors and not _close(sum(sectors.values()), net):
            problems.append(f"{name}: the sectors' {kind} figures add up to {sum(sectors.values()):,.0f} kr., "
                            f"the region's net is {net:,.0f} kr.")
        parts = f.get(f"netting_{kind}", {})
        if parts and not _close(sum(parts.values()), net):
            problems.append(f"{name}: the netting table's {kind} parts add up to {sum(parts.values()):,.0f} kr., "
                            f"the region's net is {net:,.0f} kr.")
        listed = f.get(f"sources_{kind}")
        if listed is not None and parts and not _close(listed, parts.get("gross_reductions", 0.0)):
            problems.append(f"{name}: the falls listed add up to {listed:,.0f} kr. ({kind}), the netting table's "
                            f"clear falls to {parts.get('gross_reductions', 0.0):,.0f} kr.")
    return problems


def _keys(facts: dict[str, dict]) -> list[str]:
    """Every hospital's share of the target, the same wherever a key of the same year, basis and
    target is shown (04's table, 05's page, 07's status); and the same target wherever a key of
    the same year and basis is shown (a page splitting another requirement is named once per
    amount, beside the first page that splits the other)."""
    seen: dict[tuple, dict[str, tuple[str, float]]] = defaultdict(dict)
    targets: dict[tuple[int, str], dict[int, str]] = defaultdict(dict)  # {(year, basis): {target: first page}}
    problems = []
    for name, f in sorted(facts.items()):
        key = f.get("key")
        if not key:
            continue
        targets[(int(key["year"]), str(key["basis"]))].setdefault(int(key["target"]), name)
        # the same key: year, basis, target and the same hospitals (04 may key a chosen few)
        where = (int(key["year"]), str(key["basis"]), int(key["target"]), frozenset(key["shares"]))
        for hospital, amount in key["shares"].items():
            if hospital in seen[where] and seen[where][hospital][1] != amount:
                other, value = seen[where][hospital]
                problems.append(f"{name}: {hospital}'s share of the target is {amount:,.0f} kr., "
                                f"{other} shows {value:,.0f} kr. (key {where[0]}, {where[1]})")
            seen[where].setdefault(hospital, (name, amount))
    for (year, basis), by_target in sorted(targets.items()):
        (target, first), *others = by_target.items()
        for amount, name in others:
            problems.append(f"{name}: the key {year}, {basis} splits a target of {amount:,} kr., {first} splits "
                            f"{target:,} kr.; the saving required is one for the whole run (target_dkk, and "
                            "07's target_profile's last year)")
    return problems


def _potentials(facts: dict[str, dict]) -> list[str]:
    """05's potentials by change idea, summed over the hospitals' pages, and 10's, summed over the
    specialties' packs, against 03's, where the parameters (year, sector, benchmark, files) are the
    same and every hospital (specialty) of the region's estimate has its page."""
    problems = []
    stated = {n: f["potential"] for n, f in facts.items() if "potential" in f}
    region = {n: p for n, p in stated.items() if p.get("scope") == "region"}
    for scope, listed, pages_are in (("hospital", "hospitals", "hospitals' pages"),
                                     ("specialty", "specialties", "specialties' packs")):
        pages = [p for p in stated.values() if p.get("scope") == scope]
        for name, total in region.items():
            same = [p for p in pages if p["parameters"] == total["parameters"]]
            if not same or {p[scope] for p in same} != set(total.get(listed, [])):
                continue
            for kind in ("budget", "tariff"):
                for idea, value in total.get(kind, {}).items():
                    summed = sum(p.get(kind, {}).get(idea, 0.0) for p in same)
                    if not _close(summed, value, TOLERANCE_DKK * max(len(same), 1)):
                        problems.append(f"{name}: the {pages_are} add '{idea}' up to {summed:,.0f} kr. ({kind}), "
                                        f"the region's page shows {value:,.0f} kr.")
    return problems


def _outliers(facts: dict[str, dict]) -> list[str]:
    """Each hospital's page (05) names every outlier the variation report (02) names for that
    hospital, and no other, where both compared with the same parameters."""
    stated = {n: f["outliers"] for n, f in facts.items() if "outliers" in f}
    region = [(n, o) for n, o in stated.items() if "hospital" not in o]
    problems = []
    for page, o in stated.items():
        if "hospital" not in o:
            continue
        for name, r in region:
            if r["parameters"] != o["parameters"]:
                continue
            theirs = {u for u in r["units"] if u.split("|", 1)[0] == o["hospital"]}
            if set(o["units"]) != theirs:
                problems.append(f"{page}: names the outliers {sorted(o['units'])}, {name} names {sorted(theirs)} "
                                f"for {o['hospital']}")
    return problems


def _statuses(facts: dict[str, dict]) -> list[str]:
    """A hospital's status on its own page (05) is the status 07 gives it, where both followed the
    decision with the same parameters."""
    stated = [(n, f["status"]) for n, f in sorted(facts.items()) if "status" in f]
    problems = []
    for i, (a, fa) in enumerate(stated):
        for b, fb in stated[i + 1:]:
            if fa["parameters"] != fb["parameters"]:
                continue
            for hospital in sorted(set(fa["statuses"]) & set(fb["statuses"])):
                if fa["statuses"][hospital] != fb["statuses"][hospital]:
                    problems.append(f"{a}: {hospital} is '{fa['statuses'][hospital]}', {b} says "
                                    f"'{fb['statuses'][hospital]}'")
    return problems


def _calendar(facts: dict[str, dict]) -> list[str]:
    """The calendar-booked follow-ups a page counts are those another page counts, unit by unit,
    where both counted with the same year, targets and tolerance (03's one sector inside 08's
    sectors; a hospital's page, 05, its own units); a hospital's page names exactly the units 08
    finds clearly above the region's share for it, where both compared the same sectors."""
    stated = {n: f["calendar"] for n, f in sorted(facts.items()) if "calendar" in f}
    problems = []
    for a, fa in stated.items():
        for b, fb in stated.items():
            same_sectors = fa["sectors"] == fb["sectors"]
            twice = "hospital" not in fa and same_sectors and a > b  # two region pages: compare once
            if (a == b or twice or "hospital" in fb or fa["parameters"] != fb["parameters"]
                    or not set(fa["sectors"]) <= set(fb["sectors"])):
                continue
            theirs = {u: c for u, c in fb["units"].items()
                      if "hospital" not in fa or u.split("|", 1)[0] == fa["hospital"]}
            units = set(fa["units"]) | (set(theirs) if same_sectors else set())
            for unit in sorted(units):
                mine, other = fa["units"].get(unit, [0, 0]), theirs.get(unit, [0, 0])
                if mine != other:
                    problems.append(f"{a}: {unit.replace('|', ', ')} has {mine[0]:,} of {mine[1]:,} follow-up "
                                    f"intervals calendar-booked, {b} counts {other[0]:,} of {other[1]:,}")
            if "hospital" in fa and same_sectors and "clearly" in fa and "clearly" in fb:
                named = {u for u in fb["clearly"] if u.split("|", 1)[0] == fa["hospital"]}
                if set(fa["clearly"]) != named:
                    problems.append(f"{a}: names {sorted(fa['clearly'])} as clearly calendar-booked, {b} names "
                                    f"{sorted(named)} for {fa['hospital']}")
    return problems


def check(executed: list[Path]) -> list[str]:
    """Every identity that fails among the run's executed notebooks (empty when the pages reconcile)."""
    facts = facts_of(executed)
    problems = []
    for name, f in sorted(facts.items()):
        problems += _sums(name, f)
    return (problems + _keys(facts) + _potentials(facts) + _outliers(facts) + _statuses(facts)
            + _calendar(facts))
