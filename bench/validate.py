"""The validation study of 07's realised saving and 06's signals (analysis/running/validation.py): simulated
regions as rough as real ones (Danish holidays, hospital-month shocks, hospital and unit trends,
extra-Poisson noise, registration lag, a genuine fall) with known truths, scored against the
targets. `make validate`; e.g. `python bench/validate.py --regions 100`.

Prints, per roughness, each figure with its target and whether it is met, and exits non-zero
when a target is missed."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from analysis.running import validation as v  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=100, help="simulated regions per scenario (default 100)")
    parser.add_argument("--seed", type=int, default=1000, help="the first region's seed")
    parser.add_argument("--counterfactual", default="hospital_trend",
                        help="07's counterfactual (hospital_trend, level)")
    args = parser.parse_args()
    worlds = {"default (shocks 1.5% a hospital and 1% the region, hospital and unit trends 2% a year, noise 5%)":
              v.Roughness(),
              "harsh (shocks 2% a hospital and 1% the region, hospital and unit trends 3% a year, noise 5%)":
              v.HARSH}
    failed = False
    for title, rough in worlds.items():
        start = time.perf_counter()
        hospitals, checks = v.study(args.regions, args.seed, rough, counterfactual=args.counterfactual)
        table = v.summarise(hospitals, checks)
        print(f"\n{title}: {args.regions} regions per scenario ({', '.join(v.SCENARIOS)}), "
              f"counterfactual {args.counterfactual}, {time.perf_counter() - start:.0f} s")
        print(f"{'metric':<24}{'value':>8}  {'target':<10}{'met':<6}{'cases':>7}")
        for _, r in table.iterrows():
            met = "" if r["met"] is None else ("yes" if r["met"] else "NO")
            se = f"  (standard error {r['se']:.3f})" if pd.notna(r.get("se")) else ""
            print(f"{r['metric']:<24}{r['value']:>8.3f}  {r['target']:<10}{met:<6}{r['cases']:>7}{se}")
        failed |= table["met"].eq(False).any()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
