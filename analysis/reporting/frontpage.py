"""The run's front page (index.html): the headline figures the notebooks published, links to
every report (drill-downs grouped), the tables, and the run's provenance. A Jinja2 template
(resources/template/frontpage.html.j2) with the reports' own stylesheet, self-contained like
the reports."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from analysis.base import config
from analysis.base import labels as L
from analysis.reporting import report

TEMPLATE = "frontpage.html.j2"


def render(cfg, results, prepared, runs_of: dict[str, tuple[str, dict]], headlines: list[tuple[str, str]],
           pdfs: dict[str, str] | None = None, leads: list[str] | None = None) -> str:
    """The front page's HTML. `results`: the notebook results in run order (name, html, title);
    `pdfs`: report name -> its PDF file, when the run printed them; `leads`: the sentences it
    opens with (the region against the requirement, from 07)."""
    from jinja2 import Environment, FileSystemLoader
    from markupsafe import Markup

    lang = cfg.language
    per = {name for name, (nb, _) in runs_of.items() if name != nb}

    def link(r):
        return {"href": r.html, "title": r.title or r.name, "pdf": (pdfs or {}).get(r.name, "")}

    # every value put into the page goes through report.esc, as in the reports: escaped, no bidi controls
    env = Environment(loader=FileSystemLoader(str(config.TEMPLATE_DIR)), autoescape=True, finalize=report.esc)
    env.globals["t"] = lambda key, **values: L.t(key, lang, **values)
    return env.get_template(TEMPLATE).render(
        lang=lang, title=cfg.title, stylesheet=Markup(report.stylesheet()),
        content_security_policy=report.CONTENT_SECURITY_POLICY,
        banner=Markup(report.synthetic_banner(lang)) if prepared.synthetic else "",
        kpis=Markup(report.kpis(headlines, lang).data) if headlines else "", leads=leads or [],
        intro=intro(cfg, prepared.ingest.derived, lang),
        main=[link(r) for r in results if r.name not in per], drill=[link(r) for r in results if r.name in per],
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
                pdfs: dict[str, str] | None = None) -> Path:
    """Write index.html into the run folder from the executed notebooks' headline figures."""
    from analysis.reporting.export import headlines_of, leads_of

    executed = [Path(r.executed) for r in results]
    page = render(cfg, results, prepared, runs_of, headlines_of(executed), pdfs, leads_of(executed))
    out = run_dir / "index.html"
    out.write_text(page, encoding="utf-8")
    return out
