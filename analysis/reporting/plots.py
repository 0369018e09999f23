"""Figures for the reports, in one shared style that stays readable on screen and on A4 paper.

Every value label on a figure goes through privacy.label_count, so a count below 5 is never
printed on a chart.
"""
from __future__ import annotations

import math
import textwrap

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator, NullFormatter

from analysis.base import labels as L
from analysis.base import schema as s
from analysis.base.privacy import HIDDEN, hidden_cells, is_small, label_count
from analysis.reporting.report import plain  # no bidi or control characters on a figure either

# Colour-blind-safe palette (Okabe & Ito 2008), one fixed colour per category, each by the name a
# report's text calls it (labels.colour): a sentence that names a mark's colour takes the name
# from the constant the figure draws the mark with (colour_words), so the two cannot part.
COLOURS = {"blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "reddish_purple": "#CC79A7",
           "light_blue": "#56B4E9", "vermillion": "#D55E00", "yellow": "#F0E442", "black": "#000000"}
PALETTE = list(COLOURS.values())
DECISION = "vermillion"  # the decision date's vertical line (06's control charts, 07's monthly panels)
RISE, FALL = "orange", "blue"  # a control chart's special-cause point above / below (06)
SAVING = "blue"  # 07's monthly budget effect
HIGHLIGHT, PLAIN = "orange", "blue"  # a bar set apart (01: psychiatry) / the other bars
SHARE, BUDGET = "blue", "orange"  # 04's share of the requirement and the budget effect beside it (03 too)
# a funnel's points by their class (variation, pathways, population)
CLASS_NAMES = {"high_998": "vermillion", "high_95": "orange", "within": "blue", "low_95": "light_blue",
               "low_998": "green"}


def colour_words(lang: str, **marks: str) -> dict[str, L.Colour]:
    """The colours of figure marks as a sentence names them, for a label's placeholders: each
    keyword's colour (a name in COLOURS, e.g. DECISION) in `lang`; '{decision:e}' writes the form
    after "den" or before a plural noun, an upper-case spec ('{fall:E}') begins a sentence."""
    unknown = sorted(set(marks.values()) - set(COLOURS))
    if unknown:
        raise KeyError(f"not colours of the palette: {', '.join(unknown)}")
    return {key: L.colour(name, lang) for key, name in marks.items()}
CATEGORY_COLOURS = {
    **dict(zip(s.VISIT_TYPES, PALETTE)),
    **dict(zip(s.CONTACT_MODES, PALETTE)),
    "somatic": PALETTE[0], "psychiatry": PALETTE[3], "all": "#444444",
}
# each hospital of the input its own colour, the same on every page: the hospitals in name order
# take the palette in order (use_hospitals, called as a page opens); more hospitals than colours
# start the palette again
_hospital_colours: dict[str, str] = {}


def use_hospitals(names) -> None:
    """Give each hospital of the input (`names`) its colour for this page's charts."""
    _hospital_colours.clear()
    _hospital_colours.update({h: PALETTE[i % len(PALETTE)] for i, h in enumerate(sorted({str(n) for n in names}))})


def category_colour(category: object, i: int) -> str:
    """A chart category's colour: a visit type's, a contact mode's or a sector's own; a hospital's
    own (use_hospitals); otherwise the palette's `i`th."""
    return CATEGORY_COLOURS.get(category) or _hospital_colours.get(str(category)) or PALETTE[i % len(PALETTE)]
FIG_WIDTH = 8.0  # inches: fits an A4 page with margins at 100% zoom
NAME_WIDTH = 40  # characters of a name on a figure (a bar's label, a legend entry, a point's name)


def name_label(value: object, lang: str | None = None, width: int = NAME_WIDTH) -> str:
    """A category as a figure writes it (a hospital, a specialty, a visit type): its label in `lang`
    (names from the data are as they are), cut to `width` characters with "…", so a very long
    name from the input cannot push the figure off the page."""
    text = plain(L.t(str(value), lang) if lang else str(value))
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def apply_style() -> None:
    """The one plot style: large readable text, light grid, no chart junk, SVG output."""
    mpl.rcParams.update({
        "figure.figsize": (FIG_WIDTH, 4.5),
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "font.size": 11,
        "axes.titlesize": 13,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.labelsize": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": "#dddddd",
        "grid.linewidth": 0.8,
        "axes.axisbelow": True,
        "legend.frameon": False,
        "legend.fontsize": 10,
        "xtick.labelsize": 10,
        "ytick.labelsize": 10,
        "svg.fonttype": "path",  # text as outlines: no font is fetched when the HTML opens
        # text is text: a name with "$" in it (a hospital "A$B$") is drawn as written, never read
        # as mathematics (which would change it, or stop the report when it does not parse)
        "text.parse_math": False,
    })
    try:  # inline figures as SVG (sharp when printed); only inside IPython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
        set_matplotlib_formats("svg")
    except Exception:  # pragma: no cover - outside a kernel
        pass


def show(fig) -> None:
    """Display a figure once (in the notebook and the report) and free it."""
    from IPython.display import display
    from matplotlib.text import Text

    for text in fig.findobj(Text):  # titles, legends, names: no bidi or control characters (ticks: name_label)
        if text.get_text() != plain(text.get_text()):
            text.set_text(plain(text.get_text()))
    display(fig)
    plt.close(fig)


def _month_axis(ax, lang: str) -> None:
    """Months on the x axis as a reader writes them, short and on two lines ("apr." over "2025";
    labels.month): on one line the ticks of a narrow panel run into each other."""
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda v, _: L.month(mdates.num2date(v), lang, short=True).replace(" ", "\n")))


def tick_digits(v: float, most: int = 3) -> int:
    """The decimals a tick value needs to be written exactly (2.75: 2, 0.1: 1, 3.0: 0), at most `most`."""
    for d in range(most + 1):
        if abs(v - round(v, d)) <= 1e-9 * max(1.0, abs(v)):
            return d
    return most


def _number_axis(ax, lang: str, axis: str = "x", percent: bool = False) -> None:
    """Tick labels with the language's separators; decimals only where the ticks need them."""
    def number(v, _):
        return L.number(v, lang, tick_digits(v))
    fmt = (lambda v, _: L.percent(v, lang, 0)) if percent else number
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(FuncFormatter(fmt))


def bar_totals(values: pd.Series, lang: str, title: str, xlabel: str, highlight: set[str] | None = None,
               counts: bool = True, digits: int = 0):
    """Horizontal bars, largest on top, each labelled with its value: a count (suppressed below 5)
    or, with counts=False, an amount with `digits` decimals."""
    # a count the tables hide gets no bar and its label at 0, at the bottom in name order: neither
    # a bar's length, a label's place nor the order may give its size away
    secret = (hidden_cells(values.to_frame()).iloc[:, 0] if counts else pd.Series(False, index=values.index))
    values = pd.concat([values[secret].sort_index(), values[~secret].sort_values()])
    hidden = secret.reindex(values.index).to_numpy()
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 0.75 + 0.32 * len(values)))
    colours = [COLOURS[HIGHLIGHT] if highlight and k in highlight else COLOURS[PLAIN] for k in values.index]
    shown = max(digits, label_digits(float(values.abs().max()))) if len(values) else digits  # small amounts not "0,0"
    ax.barh([name_label(k, lang) for k in values.index], np.where(hidden, 0.0, values.to_numpy()), color=colours)
    for y, v in enumerate(values.to_numpy()):
        if not counts:
            text = L.number(v, lang, shown)
        else:
            text = HIDDEN if hidden[y] and not 0 < v < 5 else label_count(v, lambda n: L.number(n, lang))
        ax.text(0.0 if hidden[y] else v, y, " " + text, va="center", fontsize=9)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    ax.set_xlim(0, values[~hidden].max() * 1.15 if (~hidden).any() else 1)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=counts))
    _number_axis(ax, lang)
    fig.tight_layout()
    return fig


def stacked_shares(table: pd.DataFrame, lang: str, title: str, categories: list[str]):
    """One horizontal 100% bar per row of `table` (counts by category), in category colours.
    Segments of 5% or more are labelled with their percentage."""
    shares = table[categories].div(table[categories].sum(axis=1), axis=0).fillna(0)
    # a segment resting on a count the table hides ("<5", "x") is not drawn where it stands, which
    # would give its share away; the hidden counts of a row are one grey segment at its end
    hidden = hidden_cells(table[categories]).to_numpy()
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 1.2 + 0.34 * len(shares)))
    left = np.zeros(len(shares))
    ylabels = [name_label(i, lang) for i in shares.index]
    for i, cat in enumerate(categories):
        v = np.where(hidden[:, i], 0.0, shares[cat].to_numpy())
        colour = category_colour(cat, i)
        ax.barh(ylabels, v, left=left, color=colour, label=name_label(cat, lang))
        for y, (x0, w) in enumerate(zip(left, v)):
            if w >= 0.05:
                ax.text(x0 + w / 2, y, L.percent(w, lang, 0), ha="center", va="center", fontsize=8,
                        color="white" if cat in (s.VISIT_TYPES[0], s.CONTACT_MODES[0]) else "black")
        left += v
    if hidden.any():
        ax.barh(ylabels, 1.0 - left, left=left, color=TARIFF_GREY, label=L.t("hidden_small", lang))
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.grid(visible=False)
    ax.set_title(title)
    _number_axis(ax, lang, percent=True)
    wide = max(len(L.t(c, lang)) for c in categories) > 16  # long names (hospitals) need fewer columns
    ax.legend(ncol=min(len(categories), 2 if wide else 5), loc="upper center",
              bbox_to_anchor=(0.5, -0.08 - 0.5 / len(shares)))
    fig.tight_layout()
    return fig


def lines(table: pd.DataFrame, lang: str, title: str, ylabel: str, percent: bool = False,
          partial: dict | None = None, shade: tuple | list = ()):
    """One line per column of `table` over its index (years or months), labelled at the end.

    partial: index value -> tick label, for points drawn open and not joined to the line (a
    partial year, not comparable with the others). shade: months (index values) of a monthly
    table shown in a grey band labelled "ikke fuldt registreret" (not yet fully registered)."""
    partial = partial or {}
    fig, ax = plt.subplots()
    apart = np.asarray(table.index.isin(list(partial)))
    for i, col in enumerate(table.columns):
        colour = category_colour(col, i)
        values = table[col].to_numpy()
        ax.plot(table.index[~apart], values[~apart], marker="o", color=colour, label=name_label(col, lang))
        if apart.any():
            ax.plot(table.index[apart], values[apart], linestyle="none", marker="o", markersize=8,
                    markerfacecolor="white", markeredgewidth=1.8, color=colour)
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    _number_axis(ax, lang, "y", percent)
    if pd.api.types.is_integer_dtype(table.index):
        ax.set_xticks(list(table.index))
        ax.set_xticklabels([partial.get(x, str(x)) for x in table.index])
    elif pd.api.types.is_datetime64_any_dtype(table.index):  # months: a tick per quarter
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
        _month_axis(ax, lang)
        plt.setp(ax.get_xticklabels(), rotation=45, ha="right")
        if len(shade):
            late = pd.DatetimeIndex(list(shade))
            ax.axvspan(late.min() - pd.Timedelta(days=15), late.max() + pd.Timedelta(days=15), color="#dddddd",
                       alpha=0.7, zorder=0)
            ax.text(late.min() - pd.Timedelta(days=15), 1.0, L.t("lag_span", lang), transform=ax.get_xaxis_transform(),
                    fontsize=8, color="#555555", ha="right", va="bottom")
    ax.set_ylim(bottom=0)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18 if len(table) > 12 else -0.1),
              ncol=min(3, len(table.columns)))
    fig.tight_layout()
    return fig


def lorenz(curves: dict[str, pd.DataFrame], lang: str, title: str):
    """Concentration curves: share of patients (most visits first) vs share of their visits."""
    fig, ax = plt.subplots(figsize=(FIG_WIDTH * 0.7, FIG_WIDTH * 0.55))
    for key, c in curves.items():
        ax.plot(c["patient_share"], c["visit_share"], color=CATEGORY_COLOURS.get(key), label=L.t(key, lang))
    ax.plot([0, 1], [0, 1], color="#999999", linestyle="--", linewidth=1, label=L.t("equal_use", lang))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel(L.t("patients_most_first", lang))
    ax.set_ylabel(L.t("share_of_visits", lang))
    _number_axis(ax, lang, "x", True)
    _number_axis(ax, lang, "y", True)
    ax.set_title(title)
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig


CLASS_COLOURS = {**{k: COLOURS[name] for k, name in CLASS_NAMES.items()}, "no_data": "#999999"}
OTHER_PEERS = "#CFCFCF"  # other regions' hospitals in a national comparison: light grey, beneath, unnamed


LABEL_GAP = (38.0, 11.0)  # points: labels closer than this (across, up) are moved apart


def label_offsets(x: np.ndarray, y: np.ndarray, gap: tuple[float, float] = LABEL_GAP,
                  base: float = 3.0, widths: np.ndarray | None = None) -> np.ndarray:
    """Vertical offsets (points) for labels at display positions (x, y in points) so that no
    two labels overlap: a label covers `widths` points to the right of its x (default gap's
    across) and needs gap's up between it and the next; a simple greedy collision pass, lowest
    point first, each label moved up until it clears the ones already placed."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    w = np.full(len(x), gap[0]) if widths is None else np.asarray(widths, dtype=float)
    placed: list[tuple[float, float, float]] = []
    out = np.full(len(x), base)
    for i in np.argsort(y, kind="stable"):
        pos = y[i] + base
        moved = True
        while moved:
            moved = False
            for px, pw, py in placed:
                # a label moved to py + gap clears py: the tolerance keeps float rounding
                # (|py - (py + gap)| a hair under gap) from moving it to the same place forever
                if x[i] < px + pw and px < x[i] + w[i] and abs(py - pos) < gap[1] - 1e-6:
                    pos = py + gap[1]
                    moved = True
        placed.append((x[i], w[i], pos))
        out[i] = pos - y[i]
    return out


def label_widths(labels: list[str], fontsize: float = 8.0) -> np.ndarray:
    """About how wide (points) each label is drawn: 0.55 of the font size a character, plus the
    few points a label stands off its point."""
    return np.array([0.55 * fontsize * len(str(text)) + 6.0 for text in labels])


def log_ticks(lo: float, hi: float, most: int = 4) -> list[float]:
    """Tick positions for a log axis from `lo` to `hi`: round numbers (1, 3; then 1, 2, 5; ...
    times a power of 10), the coarsest series giving at least 2 ticks, thinned to at most `most`
    so that labels do not run into each other when the axis spans less than a decade."""
    if not (np.isfinite(lo) and np.isfinite(hi)) or lo <= 0 or hi <= lo:
        return []
    powers = 10.0 ** np.arange(np.floor(np.log10(lo)) - 1, np.ceil(np.log10(hi)) + 1)
    ticks: list[float] = []
    for subs in ((1,), (1, 3), (1, 2, 5), (1, 2, 3, 5, 7), (1, 1.5, 2, 3, 4, 5, 6, 8)):
        ticks = sorted(float(p * m) for p in powers for m in subs if lo <= p * m <= hi)
        if len(ticks) >= 2:
            break
    else:  # less than a factor 1.5 wide: plain round numbers
        ticks = [float(x) for x in MaxNLocator(nbins=3, steps=[1, 2, 5, 10]).tick_values(lo, hi) if lo <= x <= hi]
    step = int(np.ceil(len(ticks) / most)) if ticks else 1
    return ticks[::step]


def funnel_curves(result, specialty: str, n: int = 80) -> pd.DataFrame:
    """The limits drawn in one specialty's panel: x (the result's horizontal axis, see
    variation.FunnelResult.x) spanning the points, every point's own x included, with the 95% and
    99.8% limits there, all from result.limits_at (the limits the points were classified by)."""
    from analysis.stats.funnel import Z95, Z998

    g = result.table[result.table[s.SPECIALTY] == specialty]
    xs = result.x(g)
    xs = xs[np.isfinite(xs) & (xs > 0)]
    if not len(xs):
        return pd.DataFrame(columns=["x", "lower_95", "upper_95", "lower_99.8", "upper_99.8"])
    grid = np.unique(np.concatenate([np.geomspace(max(xs.min() * 0.5, 1), xs.max() * 1.5, n), xs]))
    out = pd.DataFrame({"x": grid})
    for cov, z in ((95, Z95), (99.8, Z998)):
        out[f"lower_{cov:g}"], out[f"upper_{cov:g}"] = result.limits_at(grid, specialty, z)
    return out


def _small_point(rows: pd.DataFrame, result) -> np.ndarray:
    """Units a funnel leaves out: a point's place gives its counts away (an O/E at expected E is
    O = value x E), so a unit whose observed count, or whose count below the line (patients,
    first visits), is 1-4 is not drawn, as the tables show it as "<5"."""
    from analysis.analyses.variation import POPULATION

    small = np.asarray(is_small(rows["observed"].to_numpy(dtype=float)), dtype=bool)
    if result.kind == "proportion":
        small |= np.asarray(is_small(rows[result.denominator].to_numpy(dtype=float)), dtype=bool)
    if result.kind == "ratio_counts" and POPULATION in rows:
        small |= np.asarray(is_small(rows[POPULATION].to_numpy(dtype=float)), dtype=bool)
    return small


def funnel_panels(result, lang: str, title: str, short: dict[str, str], specialties: list[str],
                  xlabel: str, ylabel: str, ncols: int = 3, highlight: str = "", others=()):
    """Small-multiple funnel plots from one variation.FunnelResult, one panel per specialty:
    each hospital's value against its position (result.x), with the 95% (dashed) and 99.8%
    (solid) limits of the same result (funnel_curves), points coloured by their class. Points
    outside the 95% limits and the `highlight` hospital (ringed, bold) are labelled with the
    hospital's short name, labels moved apart where they would overlap (label_offsets).
    `others`: hospitals compared with but not reported on (other regions' peers), drawn as small
    light grey points beneath the rest, never labelled."""
    table = result.table
    others = set(others)
    n = len(specialties)
    nrows = max(1, int(np.ceil(n / ncols)))
    fig, axes = plt.subplots(nrows, ncols, figsize=(FIG_WIDTH, 2.5 * nrows + 0.6), squeeze=False)
    for ax, spec in zip(axes.flat, specialties):
        g = table[table[s.SPECIALTY] == spec]
        x = result.x(g)
        keep = np.isfinite(x) & (x > 0) & ~_small_point(g, result)
        g, x = g[keep], x[keep]
        target = float(g["target"].iloc[0]) if len(g) else 1.0
        if len(g):
            curves = funnel_curves(result, spec)
            for cov, style in ((95, "--"), (99.8, "-")):
                ax.plot(curves["x"], curves[f"lower_{cov:g}"], style, color="#777777", linewidth=0.9)
                ax.plot(curves["x"], curves[f"upper_{cov:g}"], style, color="#777777", linewidth=0.9)
            ax.axhline(target, color="#333333", linewidth=0.8)
            other = g[s.HOSPITAL].isin(others).to_numpy()
            if other.any():
                ax.scatter(x[other], g["value"].to_numpy(dtype=float)[other], c=OTHER_PEERS, s=14, zorder=2,
                           linewidths=0)
            vals = np.concatenate([g["value"].to_numpy(dtype=float), [target]])
            g, x = g[~other], x[~other]
            ax.scatter(x, g["value"], c=[CLASS_COLOURS.get(c, "#999999") for c in g["class"]], s=28, zorder=3)
            ax.set_xscale("log")
            pad = max(0.1 * (vals.max() - vals.min()), 0.05 * target)
            ax.set_ylim(max(vals.min() - 3 * pad, 0), vals.max() + 3 * pad)
            ax.set_xlim(curves["x"].min(), curves["x"].max())
            labelled = ((g["class"] != "within") | (g[s.HOSPITAL] == highlight)).to_numpy()
            if labelled.any():
                pts = ax.transData.transform(np.column_stack([x[labelled], g["value"].to_numpy(dtype=float)[labelled]]))
                pts = pts * 72.0 / fig.dpi  # pixels -> points
                dy = label_offsets(pts[:, 0], pts[:, 1])
                for (_, r), xx, off in zip(g[labelled].iterrows(), x[labelled], dy):
                    mine = r[s.HOSPITAL] == highlight
                    ax.annotate(name_label(short.get(r[s.HOSPITAL], r[s.HOSPITAL])), (xx, r["value"]), xytext=(3, off),
                                textcoords="offset points", fontsize=9 if mine else 8,
                                fontweight="bold" if mine else "normal")
            for _, r in g[g[s.HOSPITAL] == highlight].iterrows():
                ax.scatter(result.x(r.to_frame().T), [r["value"]], s=110, facecolors="none", edgecolors="black",
                           linewidths=1.4, zorder=4)
        # a panel is a third of the page: a long name (e.g. Gastroenterologi og hepatologi) takes two lines
        ax.set_title(textwrap.fill(textwrap.shorten(spec, 50, placeholder="…"), 26), fontsize=10, loc="left")
        ax.tick_params(labelsize=8)
        if len(g):
            ax.xaxis.set_major_locator(FixedLocator(log_ticks(*ax.get_xlim())))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: L.number(v, lang)))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: L.number(v, lang, 2)))
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.supxlabel(xlabel, fontsize=10)
    fig.supylabel(ylabel, fontsize=10)
    fig.tight_layout()
    return fig


def ratio_heatmap(ratios: pd.DataFrame, suppressed: pd.DataFrame, lang: str, title: str):
    """Specialties (rows) x hospitals (columns, short names) coloured by O/E around 1 (blue below,
    red above); cells resting on fewer than 5 visits show "<5" and no colour; empty cells: the
    specialty is not offered there."""
    from matplotlib.colors import TwoSlopeNorm

    from analysis.base.privacy import SUPPRESSED

    data = ratios.to_numpy(dtype=float)
    shown = np.where(suppressed.to_numpy(dtype=bool), np.nan, data)
    fig, ax = plt.subplots(figsize=(FIG_WIDTH * 0.8, 1.2 + 0.27 * len(ratios)))
    im = ax.imshow(shown, aspect="auto", cmap="RdBu_r", norm=TwoSlopeNorm(vmin=0.6, vcenter=1.0, vmax=1.4))
    ax.set_xticks(range(ratios.shape[1]), [name_label(c) for c in ratios.columns], fontsize=9)
    ax.xaxis.tick_top()
    ax.set_yticks(range(ratios.shape[0]), [name_label(i) for i in ratios.index], fontsize=9)
    for (r, c), v in np.ndenumerate(data):
        if suppressed.iat[r, c]:
            ax.text(c, r, SUPPRESSED, ha="center", va="center", fontsize=8)
        elif not np.isnan(v):
            ax.text(c, r, L.number(v, lang, 2), ha="center", va="center", fontsize=8,
                    color="white" if abs(v - 1) > 0.25 else "black")
    ax.grid(visible=False)
    ax.set_title(title, pad=24)
    fig.colorbar(im, ax=ax, shrink=0.5, format=FuncFormatter(lambda v, _: L.number(v, lang, 1)))
    fig.tight_layout()
    return fig


def label_digits(span: float, most: int = 3) -> int:
    """Decimals for numbers labelled on an axis that spans `span`: enough that a tenth of the span
    shows in the last digit (span 50: 0 decimals, 2: 1, 0.3: 2), at most `most`."""
    if not span > 0 or not math.isfinite(span):
        return 0
    return int(min(most, max(0, math.ceil(-math.log10(span / 10)))))


def tornado(sens: pd.DataFrame, lang: str, title: str, labels: dict[str, str] | None = None, xlabel: str = "",
            scale: float = 1e6):
    """One bar per assumption from its low-end to its high-end total (in units of `scale`: DKK
    millions by default), widest on top, around a line at the base estimate; `xlabel` names the
    total (default "DKK million")."""
    labels = labels or {}
    d = sens.iloc[::-1]
    base = float(d["base"].iloc[0]) / scale
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 0.8 + 0.42 * len(d)))
    lo = np.minimum(d["low"], d["high"]).to_numpy() / scale
    hi = np.maximum(d["low"], d["high"]).to_numpy() / scale
    names = [textwrap.shorten(labels.get(a, a), 55, placeholder="…") for a in d["assumption"]]
    ax.barh(names, hi - lo, left=lo, color=PALETTE[0])
    ax.axvline(base, color="#333333", linewidth=1)
    span = hi.max() - lo.min() if len(d) else 1
    digits = label_digits(span)
    for y, (a, b) in enumerate(zip(lo, hi)):
        ax.text(a, y, L.number(a, lang, digits) + " ", ha="right", va="center", fontsize=8)
        ax.text(b, y, " " + L.number(b, lang, digits), ha="left", va="center", fontsize=8)
    ax.set_xlim(lo.min() - 0.15 * span, hi.max() + 0.15 * span)
    _number_axis(ax, lang)
    ax.set_xlabel(xlabel or L.t("mdkk", lang))
    ax.grid(axis="y", visible=False)
    ax.set_title(title)
    fig.tight_layout()
    return fig


PROJECTION = "blue"  # 11's projected visits: the fan and its median


def fan(bands: pd.DataFrame, lang: str, title: str, ylabel: str, base: tuple[int, float],
        alone: pd.Series | None = None, names: dict[str, str] | None = None, observed: pd.Series | None = None):
    """A fan chart of a projection (11): by year (bands' column year) the median line and the 50%
    and 95% intervals (median, low_50, high_50, low_95, high_95) in the projection's colour, the
    base year's value as a point where the line starts, `alone` (by year) dashed: a path
    without some of the assumptions, and `observed` (by year) as crosses: what the data already
    hold for projected years. `names`: legend text for "median", "50", "95", "alone", "base" and
    "observed"."""
    names = names or {}
    colour = COLOURS[PROJECTION]
    year0, value0 = base
    x = [year0, *bands[s.YEAR].tolist()]
    fig, ax = plt.subplots()
    ax.fill_between(x, [value0, *bands["low_95"]], [value0, *bands["high_95"]], color=colour, alpha=0.18,
                    linewidth=0, label=names.get("95", "95%"))
    ax.fill_between(x, [value0, *bands["low_50"]], [value0, *bands["high_50"]], color=colour, alpha=0.38,
                    linewidth=0, label=names.get("50", "50%"))
    ax.plot(x, [value0, *bands["median"]], color=colour, marker="o", markersize=3, label=names.get("median", ""))
    if alone is not None:
        ax.plot([year0, *alone.index], [value0, *alone.to_numpy()], color="#444444", linestyle="--",
                label=names.get("alone", ""))
    ax.plot([year0], [value0], marker="o", color=COLOURS["black"], linestyle="none", label=names.get("base", ""))
    if observed is not None and len(observed):
        ax.plot(observed.index, observed.to_numpy(), marker="X", markersize=7, color=COLOURS["black"],
                linestyle="none", label=names.get("observed", ""))
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    _number_axis(ax, lang, "y")
    ax.set_xticks(x[::2] if len(x) > 8 else x)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3)
    fig.tight_layout()
    return fig


STATUS_COLOURS = {"ahead": PALETTE[2], "on_track": PALETTE[0], "unclear": "#9a9a9a", "behind": PALETTE[5]}


def status_bars(table: pd.DataFrame, lang: str, title: str, xlabel: str, legend: tuple[str, str]):
    """Following the decision, one row per hospital: its realised saving a year now (`rate`,
    bar coloured by `status`, whisker from `low` to `high`) against its share of the full target
    (`share`, a black mark). Amounts in million DKK, index = hospital."""
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 1.5 + 0.55 * len(table)))
    y = np.arange(len(table))
    colours = [STATUS_COLOURS.get(st, PALETTE[0]) for st in table["status"]]
    ax.barh(y, table["rate"], height=0.55, color=colours)
    ax.errorbar(table["rate"], y, xerr=[table["rate"] - table["low"], table["high"] - table["rate"]],
                fmt="none", ecolor="#333333", elinewidth=1, capsize=3)
    ax.scatter(table["share"], y, marker="|", s=500, color="#000000", linewidths=2.5, zorder=3, label=legend[1])
    for yy, (_, r) in zip(y, table.iterrows()):
        ax.text(max(r["high"], r["share"]), yy, "  " + L.t(r["status"], lang), va="center", fontsize=9)
    ax.axvline(0, color="#777777", linewidth=0.8)
    ax.set_yticks(y, [textwrap.shorten(str(i), 34, placeholder="…") for i in table.index])
    ax.invert_yaxis()
    lo = min(0.0, float(table["low"].min()))
    hi = max(float(table[["high", "share"]].to_numpy().max()), 0.0)
    ax.set_xlim(lo - 0.05 * (hi - lo), hi + 0.28 * (hi - lo))
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    ax.set_title(title)
    # one patch per status shown, in the colour its bars have, then the share's mark
    shown = [st for st in STATUS_COLOURS if st in set(table["status"])]
    handles = [Patch(color=STATUS_COLOURS[st], label=L.t(st, lang)) for st in shown]
    handles.append(Line2D([], [], color="#000000", marker="|", linestyle="none", markersize=14,
                          markeredgewidth=2.5, label=legend[1]))
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize=9, title=legend[0],
               title_fontsize=9)
    _number_axis(ax, lang)
    fig.tight_layout(rect=(0, 0.6 / fig.get_figheight(), 1, 1))  # 0.6 inch beneath: the legend and its title
    return fig


def saving_panels(paths: dict[str, pd.DataFrame], lang: str, title: str, ylabel: str, decision: pd.Timestamp,
                  legend: tuple[str, str, str, str], full: dict[str, float] | None = None, ncols: int = 2):
    """Small multiples of the monthly realised saving (expected - actual, million DKK) with its
    95% band after the decision, the monthly target (a twelfth of the year's share) as a step
    line, the full target a month (`full`, by name) dashed, and months not fully registered
    shaded with hollow points (never read as a saving). The scale follows the complete months: an
    incomplete month beyond it sits at the edge as a hollow triangle. Each frame: month, saving,
    low, high, target, period ("baseline", "assessed", "incomplete")."""
    n = max(len(paths), 1)
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(FIG_WIDTH, 2.4 * nrows + 0.9), squeeze=False, sharey=True)
    done_values = [p.loc[p["period"] == "assessed", c].to_numpy(dtype=float) for p in paths.values()
                   for c in ("low", "high", "target")]
    done_values += [p.loc[p["period"] != "incomplete", "saving"].to_numpy(dtype=float) for p in paths.values()]
    done_values += [np.array(list((full or {}).values()), dtype=float)]
    values = np.concatenate(done_values) if done_values else np.zeros(1)
    lo, hi = np.nanmin(np.append(values, 0.0)), np.nanmax(np.append(values, 0.0))
    pad = 0.08 * (hi - lo or 1.0)
    lo, hi = lo - pad, hi + pad
    for ax, (name, p) in zip(axes.flat, paths.items()):
        month = pd.to_datetime(p["month"])
        done = (p["period"] != "incomplete").to_numpy()
        after = (p["period"] == "assessed").to_numpy()
        ax.fill_between(month[after], p["low"][after], p["high"][after], color=PALETTE[4], alpha=0.35, linewidth=0)
        ax.plot(month[done], p["saving"][done], color=COLOURS[SAVING], linewidth=1.2, marker="o", markersize=2.5)
        ax.step(month, p["target"], where="mid", color="#000000", linewidth=1.2)
        if full and name in full:
            ax.axhline(full[name], color="#000000", linewidth=1, linestyle="--")
        lag = p[~done]
        if len(lag):
            lag_month = pd.to_datetime(lag["month"])
            ax.axvspan(lag_month.min() - pd.Timedelta(days=15), lag_month.max() + pd.Timedelta(days=15),
                       color="#dddddd", zorder=0)
            y = lag["saving"].clip(lo, hi).to_numpy()
            edge = (lag["saving"] > hi).to_numpy() | (lag["saving"] < lo).to_numpy()
            ax.scatter(lag_month[~edge], y[~edge], facecolors="none", edgecolors="#777777", s=18)
            ax.scatter(lag_month[edge], y[edge], marker="^", facecolors="none", edgecolors="#777777", s=30,
                       clip_on=False)
        ax.set_ylim(lo, hi)
        ax.axhline(0, color="#777777", linewidth=0.8)
        ax.axvline(decision, color=COLOURS[DECISION], linewidth=1)
        ax.set_title(textwrap.shorten(name, 44, placeholder="…"), fontsize=9, loc="left")
        ax.tick_params(labelsize=8)
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
        _month_axis(ax, lang)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: L.number(v, lang, 1)))
    for ax in list(axes.flat)[len(paths):]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel(ylabel, fontsize=9)
    handles = [Line2D([], [], color=COLOURS[SAVING], marker="o", markersize=3, label=legend[0]),
               Line2D([], [], color="#000000", label=legend[1]),
               Line2D([], [], color="#000000", linestyle="--", label=legend[2]),
               Patch(color="#dddddd", label=legend[3])]
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.legend(handles=handles, loc="lower center", ncol=2, fontsize=8.5)
    fig.tight_layout(rect=(0, 0.09, 1, 1))
    return fig


def unit_funnel(table: pd.DataFrame, disp, lang: str, title: str, xlabel: str, ylabel: str,
                names: dict | None = None, denominator: str = "intervals", kind: str = "proportion",
                label: tuple[str, ...] = ("high",)):
    """One funnel plot over many units (funnel.funnel's table: value, target, class): each unit's
    value against its denominator (log scale; `kind` "proportion", "ratio", an O/E against its
    expected count, or "ratio_counts", an O/E against its precision, e.g. pathways.calendar_funnel),
    the target and the 95% (dashed) and 99.8%
    (solid) limits of funnel.limits with the same dispersion `disp`, points coloured by their
    class; units whose class starts with one of `label` named by `names` (index: the table's
    rows; labels moved apart where they would overlap)."""
    from analysis.stats.funnel import Z95, Z998
    from analysis.stats.funnel import limits as funnel_limits

    g = table[table[denominator] > 0]
    # a unit whose count is 1-4 is not drawn: its place would give the count away (_small_point)
    numerator = (g["observed"] if "observed" in g else (g["value"] * g[denominator]).round()).to_numpy(dtype=float)
    small = np.asarray(is_small(numerator), dtype=bool)
    if kind == "proportion":
        small |= np.asarray(is_small(g[denominator].to_numpy(dtype=float)), dtype=bool)
    g = g[~small]
    x = g[denominator].to_numpy(dtype=float)
    y = g["value"].to_numpy(dtype=float)
    target = float(g["target"].iloc[0]) if len(g) else 0.0
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 4.6))
    if len(g):
        grid = np.geomspace(max(x.min() * 0.7, 1), x.max() * 1.4, 120)
        for z, style in ((Z95, "--"), (Z998, "-")):
            # a ratio of counts is drawn against its precision 1/s^2 (pathways.PRECISION): its limits
            # there are those of a norm without uncertainty of its own (N infinite), as its class is judged
            counts = np.full_like(grid, np.inf) if kind == "ratio_counts" else None
            lo, hi = funnel_limits(grid, kind, z, target, disp, counts)
            ax.plot(grid, lo, style, color="#777777", linewidth=0.9)
            ax.plot(grid, hi, style, color="#777777", linewidth=0.9)
        ax.axhline(target, color="#333333", linewidth=0.8)
        ax.scatter(x, y, c=[CLASS_COLOURS.get(c, "#999999") for c in g["class"]], s=26, zorder=3)
        ax.set_xscale("log")
        ax.set_xlim(grid.min(), grid.max())
        if kind == "proportion":  # the points and the 99.8% limits in view, room above a point at 100% for its name
            upper = funnel_limits(np.array([float(np.median(x))]), kind, Z998, target, disp)[1][0]
            ax.set_ylim(0, min(1.08, max(y.max(), target, upper if np.isfinite(upper) else 0.0) * 1.15 + 0.02))
        else:  # the points in view, not the limits of the smallest units, which rise far above them
            lo, hi = min(y.min(), target), max(y.max(), target)
            pad = max(hi - lo, 0.2) * 0.15
            ax.set_ylim(max(lo - pad, 0), hi + 2 * pad)
        named = g["class"].astype(str).str.startswith(label).to_numpy()
        if named.any():
            pts = ax.transData.transform(np.column_stack([x[named], y[named]])) * 72.0 / fig.dpi
            texts = [name_label((names or {}).get(i, i)) for i in g.index[named]]
            for text, xx, yy, off in zip(texts, x[named], y[named],
                                         label_offsets(pts[:, 0], pts[:, 1], widths=label_widths(texts))):
                ax.annotate(text, (xx, yy), xytext=(4, off), textcoords="offset points", fontsize=8)
        ax.xaxis.set_major_locator(FixedLocator(log_ticks(*ax.get_xlim())))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: L.number(v, lang)))
    ax.xaxis.set_minor_formatter(NullFormatter())
    if kind == "proportion":
        _number_axis(ax, lang, "y", percent=True)
        ax.set_yticks([v for v in ax.get_yticks() if 0 <= v <= 1.0])
    else:
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: L.number(v, lang, 2)))
    ax.set_title(title, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.tight_layout()
    return fig


def driver_diagram(aim: str, drivers: list[tuple[str, float, float]], ideas: list[tuple[str, str, float, float, float]],
                   lang: str, title: str):
    """A quantified driver diagram: the aim -> primary drivers -> change ideas, each with its
    budget effect and, beside it, its tariff value (drivers: (label, budget DKK, tariff DKK);
    ideas: (driver label, idea label, visits, budget DKK, tariff DKK)). Under each driver and idea
    a bar in the budget effect's colour as long as its budget effect (the largest idea or driver
    spans its column), so the boxes read by size; an idea's name is wrapped, never cut."""
    names = [textwrap.wrap(idea, IDEA_WRAP) or [""] for _, idea, *_ in ideas]
    heights = [0.55 + 0.22 * (len(lines) + 1) for lines in names]  # a row per idea: its text and its bar
    driver_lines = {label: len(textwrap.wrap(label, 22)) + 2 for label, *_ in drivers}  # name, two amounts
    for label, lines in driver_lines.items():  # a driver's rows are at least as tall as its box and bar
        rows = [j for j, idea in enumerate(ideas) if idea[0] == label]
        extra = max(0.0, LINE * lines + 0.55 - sum(heights[j] for j in rows))
        for j in rows:
            heights[j] += extra / len(rows)
    total = sum(heights) or 1.0
    tops = np.cumsum([0.0, *heights])
    centre = {j: total - (tops[j] + heights[j] / 2) for j in range(len(ideas))}  # top to bottom
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 0.6 + 0.62 * total))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, total)
    ax.axis("off")
    box = dict(boxstyle="round,pad=0.4", linewidth=1)
    ax.text(0.9, total / 2, textwrap.fill(aim, 16), ha="center", va="center", fontsize=9, fontweight="bold",
            bbox=box | {"facecolor": "#fff3cd", "edgecolor": "#e0b000"})

    def money(budget: float, tariff: float) -> str:
        return (L.t("dd_budget", lang, dkk=L.dkk(budget, lang, millions=True)) + "\n"
                + L.t("dd_tariff", lang, dkk=L.dkk(tariff, lang, millions=True)))

    def bar(x: float, y: float, width: float, value: float, largest: float) -> None:
        if largest > 0 and value > 0:
            ax.add_patch(plt.Rectangle((x, y), width * value / largest, 0.09, color=COLOURS[BUDGET], lw=0))

    top_driver = max((b for _, b, _ in drivers), default=0.0)
    top_idea = max((i[3] for i in ideas), default=0.0)
    ys = {}
    for i, (label, budget, tariff) in enumerate(drivers):
        rows = [j for j, idea in enumerate(ideas) if idea[0] == label]
        y = float(np.mean([centre[j] for j in rows])) if rows else total - (i + 0.5) * total / max(len(drivers), 1)
        ys[label] = y
        ax.annotate("", xy=(2.5, y), xytext=(1.9, total / 2), arrowprops=dict(arrowstyle="->", color="#777777"))
        ax.text(3.65, y + 0.05, textwrap.fill(label, 22) + "\n" + money(budget, tariff), ha="center", va="center",
                fontsize=7.5, bbox=box | {"facecolor": "#e8f1f8", "edgecolor": PALETTE[0]})
        bar(2.75, y + 0.05 - (LINE * driver_lines[label] + 0.13) / 2 - 0.2, 1.8, budget, top_driver)
    for j, (driver, _, visits, budget, tariff) in enumerate(ideas):
        y = centre[j]
        ax.annotate("", xy=(5.25, y), xytext=(4.85, ys[driver]), arrowprops=dict(arrowstyle="->", color="#777777"))
        text = ("\n".join(names[j]) + "\n"
                + f"{L.number(visits, lang)} {L.t('visits', lang).lower()} · "
                + L.t("dd_budget", lang, dkk=L.dkk(budget, lang, millions=True)) + " · "
                + L.t("dd_tariff", lang, dkk=L.dkk(tariff, lang, millions=True)))
        ax.text(5.3, y + 0.06, text, ha="left", va="center", fontsize=7.5,
                bbox=box | {"facecolor": "white", "edgecolor": "#999999"})
        bar(5.3, y - heights[j] / 2 + 0.04, 4.5, budget, top_idea)
    ax.set_title(title)
    fig.tight_layout()
    return fig


IDEA_WRAP = 70  # characters a line of an idea's name in the driver diagram
LINE = 0.2  # the height of a line of the driver diagram's 7.5-point text, in its rows' units (0.62 in each)


TARIFF_GREY = "#c8c8c8"  # the tariff value beside the budget effect: capacity, not cash
# a share of the requirement, the budget effect, the tariff value
KEY_COLOURS = [COLOURS[SHARE], COLOURS[BUDGET], TARIFF_GREY]


def money_bars(table: pd.DataFrame, lang: str, title: str, legend: tuple[str, str], xlabel: str):
    """Per row (largest on top), the tariff value as a wide light bar with the budget effect as a
    narrower dark bar over it, each labelled with one decimal or as many as the range needs
    (label_digits: a bar of 0.04 mio. kr. labelled "0,0" read as nothing): `table` has the budget effect in its
    first column and the tariff value in its second (e.g. DKK millions), `legend` names them in
    that order."""
    budget, tariff = (table.iloc[:, i].to_numpy(dtype=float) for i in (0, 1))
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 1.1 + 0.36 * len(table)))
    y = np.arange(len(table))
    ax.barh(y, tariff, height=0.8, color=TARIFF_GREY, label=legend[1])
    ax.barh(y, budget, height=0.45, color=COLOURS[BUDGET], label=legend[0])
    digits = max(1, label_digits(float(np.nanmax(np.abs(np.r_[budget, tariff]))) if len(table) else 0.0))
    for yy, b, v in zip(y, budget, tariff):
        ax.text(max(v, b), yy, " " + L.number(v, lang, digits), va="center", fontsize=8, color="#555555")
        ax.text(b, yy, " " + L.number(b, lang, digits), va="center", fontsize=8, fontweight="bold")
    ax.set_yticks(y, [name_label(i, lang) for i in table.index])
    ax.invert_yaxis()
    top = np.nanmax(np.r_[budget, tariff]) if len(table) else 1
    ax.set_xlim(min(0, np.nanmin(budget) * 1.1) if len(table) else 0, top * 1.15)
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    ax.set_title(title)
    ax.legend(loc="lower right")
    _number_axis(ax, lang)
    fig.tight_layout()
    return fig


def paired_bars(table: pd.DataFrame, lang: str, title: str, legend: list[str], xlabel: str,
                colours: list[str] | None = None):
    """Side-by-side horizontal bars per row, one per column of `table` (e.g. a hospital's share
    of the target, its potential as budget effect and its tariff value), labelled with one
    decimal or as many as label_digits needs; `colours` per column (default the palette's first)."""
    k = max(len(table.columns), 1)
    digits = max(1, label_digits(float(np.nanmax(np.abs(table.to_numpy(dtype=float)))) if len(table) else 0.0))
    colours = colours or PALETTE
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 1.0 + (0.3 + 0.15 * k) * len(table)))
    y = np.arange(len(table))
    step = 0.76 / k
    for i, (col, name) in enumerate(zip(table.columns, legend)):
        vals = table[col].to_numpy(dtype=float)
        at = y + (i - (k - 1) / 2) * step
        ax.barh(at, vals, height=step * 0.95, color=colours[i], label=name)
        for yy, v in zip(at, vals):
            ax.text(v, yy, " " + L.number(v, lang, digits), va="center", fontsize=8)
    ax.set_yticks(y, [name_label(i) for i in table.index])
    ax.invert_yaxis()
    ax.set_xlim(min(0.0, float(np.nanmin(table.to_numpy(dtype=float)))) * 1.18 if len(table) else 0,
                np.nanmax(table.to_numpy(dtype=float)) * 1.18 if len(table) else 1)
    ax.set_xlabel(xlabel)
    ax.grid(axis="y", visible=False)
    ax.set_title(title)
    _number_axis(ax, lang)
    fig.legend(loc="lower center", ncol=k, fontsize=9)  # below the axis: never over a bar
    fig.tight_layout(rect=(0, 0.45 / fig.get_figheight(), 1, 1))
    return fig


def xmr_panels(charts: dict[str, pd.DataFrame], lang: str, title: str, decision: pd.Timestamp, ncols: int = 2):
    """Small-multiple XmR charts: the series, its baseline mean (solid) and limits (dashed),
    special-cause points coloured (orange high, blue low), the decision date marked. Months
    not yet fully registered (column `incomplete`, see spc.chart_series) lie in a grey band as
    hollow grey points, never coloured as a signal."""
    n = max(len(charts), 1)
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(FIG_WIDTH, 2.6 * nrows + 0.5), squeeze=False)
    for ax, (name, c) in zip(axes.flat, charts.items()):
        late = c["incomplete"].to_numpy(dtype=bool) if "incomplete" in c else np.zeros(len(c), dtype=bool)
        done = c[~late]
        ax.plot(done.index, done["value"], color="#777777", linewidth=1, marker="o", markersize=3)
        ax.plot(c.index, c["mean"], color="#333333", linewidth=1)
        ax.plot(c.index, c["upper"], "--", color="#333333", linewidth=0.8)
        ax.plot(c.index, c["lower"], "--", color="#333333", linewidth=0.8)
        if late.any():
            start = c.index[late].min() - pd.Timedelta(days=15)
            ax.axvspan(start, c.index[late].max() + pd.Timedelta(days=15), color="#dddddd", alpha=0.7, zorder=0)
            tail = c.iloc[max(int(np.argmax(late)) - 1, 0):]  # joined to the last complete month
            ax.plot(tail.index, tail["value"], ":", color="#999999", linewidth=1)
            ax.scatter(c.index[late], c.loc[late, "value"], facecolors="white", edgecolors="#777777",
                       zorder=3, s=18)
            ax.text(start, 1, L.t("lag_span", lang), transform=ax.get_xaxis_transform(), fontsize=7,
                    color="#555555", ha="right", va="top", bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
        c = c[~late]
        hi, lo = c[c["signal"] > 0], c[c["signal"] < 0]
        ax.scatter(hi.index, hi["value"], color=COLOURS[RISE], zorder=3, s=18)
        ax.scatter(lo.index, lo["value"], color=COLOURS[FALL], zorder=3, s=18)
        ax.axvline(decision, color=COLOURS[DECISION], linewidth=1)
        # "hospital, specialty": on two lines where it is long, so neither is cut
        title_ = name if len(name) <= 48 else "\n".join(textwrap.shorten(p.strip(), 48, placeholder="…")
                                                         for p in name.split(",", 1))
        ax.set_title(title_, fontsize=9, loc="left")
        ax.tick_params(labelsize=8)
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
        _month_axis(ax, lang)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: L.number(v, lang)))
    for ax in list(axes.flat)[len(charts):]:
        ax.set_visible(False)
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig
