"""The live what-if in JupyterLab (notebooks/what_if.ipynb): a slider for each change idea's share
within its plausible low-high, the benchmark and the key's basis; each change redraws the key
figures, the split by hospital and its chart from the cached what-if base (analyses/what_if.py)
in well under a second; a button saves the choice as a scenario file and a run file that
publishes it (`python -m analysis run --config runs/<name>.yml`). ipywidgets: the well-kept
widget library JupyterLab renders without an extension."""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import ipywidgets as widgets
import yaml
from IPython.display import display

from analysis.analyses import budget, measures, potential, savings_key, scenarios, what_if
from analysis.base import config
from analysis.base import labels as L
from analysis.inputs import reference
from analysis.reporting import key_report, report
from analysis.reporting.page import Page, show

RUNS_DIR = config.PROJECT_ROOT / "runs"
FILES = ("tariff_file", "specialisation_file", "diagnosis_levels_file", "staff_cost_file", "variable_cost_file",
         "substitute_cost_file")  # the run's tables, as 03 and 04 name them


class Panel:
    """The what-if's widgets and what they redraw. `redraw` recomputes from `base` (its time in
    `seconds`); `save` writes the choice (see write_choice)."""

    def __init__(self, page: Page, b: what_if.Base, *, benchmark: str, best_k: int, basis: str,
                 scenario_file: str, run_file: str, save_as: str, files: dict[str, str]):
        self.page, self.base, self.best_k = page, b, int(best_k)
        self.scenario_file, self.run_file, self.files = scenario_file, run_file, files
        self.runs_dir = RUNS_DIR  # where a saved choice goes
        T = page.formatters.T
        lang = page.language
        self.sliders = {sc.name: widgets.FloatSlider(
            value=sc.share, min=sc.low, max=sc.high, step=0.01, readout_format=".0%", continuous_update=False,
            disabled=sc.high <= sc.low or sc.name in b.idle, layout=widgets.Layout(width="320px")) for sc in b.ideas}
        given = potential.parse_benchmark(benchmark)
        options = [*what_if.BENCHMARKS, *([] if given in what_if.BENCHMARKS else [given])]
        self.benchmark = widgets.Dropdown(
            options=[(potential.describe_benchmark(o, lang, self.best_k), o) for o in options], value=given,
            layout=widgets.Layout(width="560px"))
        self.basis = widgets.Dropdown(options=[(T(f"key_basis_{k}"), k) for k in savings_key.KEY_COLUMNS],
                                      value=basis, layout=widgets.Layout(width="560px"))
        self.name = widgets.Text(value=save_as, layout=widgets.Layout(width="200px"))
        self.button = widgets.Button(description=T("wi_save"), button_style="primary",
                                     layout=widgets.Layout(width="auto"))
        self.status = widgets.Output()
        self.out = widgets.Output()
        self.seconds, self.shown, self.message = 0.0, [], ""
        keyed = savings_key.in_key(b.activity, b.year, b.sectors)
        self.beyond = key_report.beyond_value(b.target, float(keyed["value_dkk"].sum()), b.year, lang)
        for w in (*self.sliders.values(), self.benchmark, self.basis):
            w.observe(lambda _change: self.redraw(), names="value")
        self.button.on_click(lambda _button: self.save())

    def shares(self) -> dict[str, float]:
        """The shares the sliders show, {idea name: share}."""
        return {name: float(w.value) for name, w in self.sliders.items()}

    def outcome(self) -> what_if.Outcome:
        return what_if.outcome(self.base, self.shares(), self.benchmark.value, self.basis.value)

    def redraw(self) -> None:
        """The key figures, the chart and the table of the choice the widgets show (kept in
        `shown`, displayed in the results area)."""
        began = time.perf_counter()
        self.shown = view(self.outcome(), self.page.language, self.base.year)
        if self.beyond:  # the requirement is larger than the value of every visit in the key
            self.shown.insert(0, report.text(f"**{self.beyond}**"))
        with self.out:
            self.out.clear_output(wait=True)
            show(self.shown)
        self.seconds = time.perf_counter() - began

    def save(self, when: dt.datetime | None = None) -> tuple[Path, Path] | None:
        """Write the choice (write_choice); where, or why not, goes below the button (`message`)."""
        T = self.page.formatters.T
        paths, name = None, self.name.value
        try:
            replaced = (self.runs_dir / f"{name}.yml").exists()
            paths = write_choice(self, name, when or dt.datetime.now(), self.runs_dir)
            self.message = T("wi_saved", scenarios=as_given(paths[0]), run=as_given(paths[1]))
            if replaced:
                self.message += " " + T("wi_replaced")
        except (ValueError, OSError) as e:
            self.message = T("wi_not_saved", error=str(e))
        with self.status:
            self.status.clear_output()
            display(report.text(self.message))
        return paths

    def widget(self) -> widgets.Widget:
        """The panel: the ideas' sliders, the benchmark and basis, the save row, then the results."""
        T = self.page.formatters.T
        titles = self.base.plan.titles(self.page.language)
        label = widgets.Layout(width="560px")  # the longest shipped idea name fits
        idle = " " + T("wi_untouched")
        rows = [widgets.HBox([widgets.Label(titles[name] + (idle if name in self.base.idle else ""), layout=label), w])
                for name, w in self.sliders.items()]
        return widgets.VBox([
            widgets.Label(T("wi_ideas"), style={"font_weight": "bold"}), *rows,
            widgets.HBox([widgets.Label(T("wi_benchmark"), layout=widgets.Layout(width="160px")), self.benchmark]),
            widgets.HBox([widgets.Label(T("wi_basis"), layout=widgets.Layout(width="160px")), self.basis]),
            widgets.HBox([widgets.Label(T("wi_name"), layout=widgets.Layout(width="160px")), self.name, self.button]),
            self.status, self.out])


def intro(page: Page) -> list[object]:
    """The what-if's title block (marked synthetic where the data are) and what it does."""
    T = page.formatters.T
    return [report.start(T("wi_title"), page.language, page.prep.synthetic, T("wi_subtitle", year=page.year)),
            report.text(T("wi_intro"))]


def view(o: what_if.Outcome, lang: str, year: int) -> list[object]:
    """What the what-if shows of one outcome, in order: the key figures, the chart of each
    hospital's share of the requirement beside its budget effect and tariff value, the table."""
    T, M = L.formatters(lang).T, L.formatters(lang).M
    keys = o.keys
    return [
        report.kpis([(T("wi_budget"), M(o.budget)), (T("pot_target"), M(o.target)), (T("pot_gap"), M(o.short)),
                     (T("wi_tariff"), M(o.value)),
                     (T("head_gap"), f"{L.number(o.hospitals_short, lang)} / {L.number(len(keys), lang)}")], lang),
        key_report.split_chart(keys, o.basis, lang, year),  # as 04 shows them
        key_report.split_table(keys, o.basis, lang, year),
    ]


def write_choice(panel: Panel, name: str, when: dt.datetime, runs_dir: Path = RUNS_DIR) -> tuple[Path, Path]:
    """The choice as two files: runs/scenarios/<name>.yml, the scenario file with the chosen
    shares (beside the run files, not among them), and runs/<name>.yml, the run file
    `panel.run_file` with the what-if's input, year, benchmark, basis and tables, naming that
    scenario file and publishing to its own folder (what_if.run_text). A file there that the
    what-if did not write, or that was changed since, is never replaced (ValueError)."""
    if not what_if.NAME.fullmatch(name):
        raise ValueError(L.t("wi_bad_name", panel.page.language, name=name))
    scen_path, run_path = runs_dir / "scenarios" / f"{name}.yml", runs_dir / f"{name}.yml"
    for path in (scen_path, run_path):
        if not what_if.may_write(path.read_text(encoding="utf-8") if path.exists() else None):
            raise ValueError(L.t("wi_taken", panel.page.language, path=as_given(path)))
    origin_scen = as_given(reference.locate("scenarios", panel.scenario_file))
    run_source = config.resolve(panel.run_file) if panel.run_file else default_run(panel.page.language)
    run = yaml.safe_load(run_source.read_text(encoding="utf-8")) or {}
    b = panel.base
    scen_text = what_if.scenario_text(b.plan, panel.shares(), origin_scen, when, b.activity)
    parameters = {"year": b.year, "target_dkk": b.target, **{k: v for k, v in panel.files.items() if v}}
    run_text = what_if.run_text(run, name=name, scenario_file=as_given(scen_path), origin=as_given(run_source),
                                when=when, common=panel.page.common.as_notebook_values(), parameters=parameters,
                                benchmark=str(panel.benchmark.value), best_k=panel.best_k, basis=panel.basis.value,
                                sectors=list(b.sectors))
    scen_path.parent.mkdir(parents=True, exist_ok=True)
    for path, text in ((scen_path, scen_text), (run_path, run_text)):
        tmp = path.with_suffix(".yml.tmp")  # written whole, then renamed: never half a file
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return scen_path, run_path


def as_given(path: Path) -> str:
    """A path as a run file gives it: relative to the project folder where it lies inside."""
    path = Path(path).resolve()
    return path.relative_to(config.PROJECT_ROOT).as_posix() if path.is_relative_to(config.PROJECT_ROOT) else str(path)


def default_run(lang: str) -> Path:
    """The shipped run file of the report language, which a saved choice copies by default."""
    return config.DEFAULT_RUN_CONFIG if lang == "da" else config.DEFAULT_RUN_CONFIG.with_name("default_en.yml")


def panel(page: Page, *, year: int, target_dkk: int, basis: str, sectors: list[str], benchmark: str, best_k: int,
          scenario_file: str, run_file: str, save_as: str, **files: str) -> Panel:
    """The what-if of notebooks/what_if.ipynb's parameters (`year` resolved by the page), drawn
    once with the run's choices."""
    prep = page.prep
    unknown = sorted(set(files) - set(FILES))
    if unknown:
        raise TypeError(f"not parameters of the what-if: {', '.join(unknown)}")
    savings_key.key_column(basis)  # a clear error for a basis or benchmark the widgets cannot show
    if potential.parse_benchmark(benchmark) == "guideline":
        raise ValueError("benchmark: the what-if compares benchmarks of rates (median, mean, best_quartile, best_k "
                         "or a ratio); the guideline benchmark is shown in 03_reduction_potential")
    b = what_if.base(prep.aggregates, prep.priced(files.get("tariff_file", "")), year,
                     scenarios.load(scenario_file), prep.prices(files.get("tariff_file", "")),
                     budget.load_costs("", files.get("staff_cost_file", ""), files.get("variable_cost_file", ""),
                                       files.get("substitute_cost_file", "")),
                     measures.Tables(files.get("tariff_file", ""), files.get("specialisation_file", ""),
                                     files.get("diagnosis_levels_file", "")),
                     tuple(sectors), best_k, target_dkk)
    p = Panel(page, b, benchmark=benchmark, best_k=best_k, basis=basis, scenario_file=scenario_file,
              run_file=run_file, save_as=save_as, files=files)
    p.redraw()
    return p
