"""The run's front page (index.html): a decision paper in sentences (where the region stands, what
the steering group must decide, the largest risks; each sentence linked to the report that carries
its evidence), the headline figures the notebooks published, links to every report (drill-downs
grouped), the tables, and the run's provenance. A Jinja2 template
(resources/template/frontpage.html.j2) with the reports' own stylesheet, self-contained like
the reports."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from analysis.base import config
from analysis.base import labels as L
from analysis.reporting import report

TEMPLATE = "frontpage.html.j2"


RISKS_SHOWN = 3  # the decision paper names the three largest risks


def render(cfg, results, prepared, runs_of: dict[str, tuple[str, dict]], headlines: list[tuple[str, str]],
           pdfs: dict[str, str] | None = None, leads: list[tuple[str, str]] | None = None,
           points: list[dict] | None = None, changed: list[str] | None = None,
           states: dict[str, bool] | None = None) -> str:
    """The front page's HTML. `results`: the notebook results in run order (name, html, title);
    `pdfs`: report name -> its PDF file, when the run printed them; `leads`: (report, sentence)
    where the region stands (07 against the requirement, 03 what the ideas can give); `points`: the
    decision paper's other statements (report.point, with their "report"): what the steering group
    must decide, and the largest risks. Each statement links to the report that gives it.
    `changed`: what changed since the last run (changes.sentences); `states`: what the reports
    found (export.states_of) that makes a point not apply (its `unless`)."""
    from jinja2 import Environment, FileSystemLoader
    from markupsafe import Markup

    lang = cfg.language
    per = {name for name, (nb, _) in runs_of.items() if name != nb}
    pages = {r.name: r for r in results}

    def link(r):
        return {"href": r.html, "title": r.title or r.name, "pdf": (pdfs or {}).get(r.name, "")}

    def statement(report_name: str, text: str, table: dict | None = None) -> dict:
        r = pages.get(report_name)
        cells = pd.DataFrame(table["rows"], columns=table["columns"]) if table else None
        return {"text": text, "href": r.html if r else "", "source": (r.title or r.name) if r else "",
                "table": Markup(report.table(cells, lang, verbatim=table["columns"]).html) if table else ""}

    points = [p for p in points or [] if not (p.get("unless") and (states or {}).get(p["unless"]))]
    decide = [statement(p["report"], p["text"], p.get("table")) for p in points if p["section"] == "decide"]
    risks = [statement(p["report"], p["text"]) for p in sorted((p for p in points if p["section"] == "risk"),
                                                               key=lambda p: p["rank"])][:RISKS_SHOWN]
    # every value put into the page goes through report.esc, as in the reports: escaped, no bidi controls
    env = Environment(loader=FileSystemLoader(str(config.TEMPLATE_DIR)), autoescape=True, finalize=report.esc)
    env.globals["t"] = lambda key, **values: L.t(key, lang, **values)
    return env.get_template(TEMPLATE).render(
        lang=lang, title=cfg.title, stylesheet=Markup(report.stylesheet()),
        content_security_policy=report.CONTENT_SECURITY_POLICY,
        banner=Markup(report.synthetic_banner(lang)) if prepared.synthetic else "",
        kpis=Markup(report.kpis(headlines, lang).data) if headlines else "",
        leads=[statement(name, text) for name, text in leads or []], decide=decide, risks=risks,
        changed=changed or [],
        intro=intro(cfg, prepared.ingest.derived, lang),
        main=[link(r) for r in results if r.name not in per],
        # one list per notebook run once per value (05 per hospital, 10 per specialty), headed by its label
        drill=[(f"index_per_{nb}", [link(r) for r in results if r.name in per and runs_of[r.name][0] == nb])
               for nb in dict.fromkeys(runs_of[r.name][0] for r in results if r.name in per)],
        stamp=L.run_time(dt.datetime.now().astimezone(), lang),
        input_name=prepared.ingest.name, sha256=prepared.ingest.sha256)


def intro(cfg, derived: dict, lang: str) -> str:
    """The front page's first sentence: the period the reports analyse, which starts after the
    run-in where the visit types were derived from the contacts (visit_types.derive)."""
    start, end = L.date(cfg.period_start, lang), L.date(cfg.period_end, lang)
    if derived.get("run_in"):
        first, last = (L.month(m, lang) for m in derived["run_in"])
        return L.t("index_intro_run_in", lang, start=L.date(derived["analysed_from"], lang), end=end, first=first,
                   last=last)
    return L.t("index_intro", lang, start=start, end=end)


def write_index(run_dir: Path, cfg, results, prepared, runs_of: dict[str, tuple[str, dict]],
                pdfs: dict[str, str] | None = None, earlier: Path | None = None) -> Path:
    """Write index.html into the run folder from the executed notebooks' headline figures, with
    what changed since the run published in `earlier` (the published run this one follows)."""
    from analysis.reporting import changes
    from analysis.reporting.export import headlines_of, leads_of, points_of, states_of
    from analysis.reporting.identities import facts_of

    executed = [Path(r.executed) for r in results]
    changed = changes.sentences(changes.earlier(earlier, prepared.ingest.sha256), facts_of(executed), cfg.language)
    page = render(cfg, results, prepared, runs_of, headlines_of(executed), pdfs, leads_of(executed),
                  points_of(executed), changed, states_of(executed))
    out = run_dir / "index.html"
    out.write_text(page, encoding="utf-8")
    return out
