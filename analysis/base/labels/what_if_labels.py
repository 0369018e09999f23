"""Labels of the what-if panel (reporting/what_if_panel.py, analyses/what_if.py): key -> (Danish,
English), merged into analysis.base.labels.LABELS, where every report looks them up (labels.t)."""

LABELS: dict[str, tuple[str, str]] = {
    # the live what-if in JupyterLab (notebooks/what_if.ipynb, reporting/what_if_panel.py)
    "wi_title": ("Hvad nu hvis: forandringsidéer, benchmark og nøgle", "What if: change ideas, benchmark and key"),
    "wi_subtitle": ("Regnet om ved hver ændring, på aktiviteten i {year}",
                    "Recomputed at every change, on the activity of {year}"),
    "wi_intro": ("Flyt en forandringsidés andel inden for dens plausible interval i scenariefilen, eller vælg et andet "
                 "benchmark eller en anden nøgle: budgetvirkningen, hospitalernes andel af kravet og forskellen "
                 "regnes om med det samme, som 03 og 04 regner dem (punktskøn, uden intervaller). **Gem som "
                 "kørsel** skriver valget som en scenariefil og en kørselsfil, der udgiver rapporterne med det.",
                 "Move a change idea's share within its plausible range in the scenario file, or choose another "
                 "benchmark or key: the budget effect, the hospitals' shares of the requirement and the gap are "
                 "recomputed at once, as 03 and 04 compute them (point estimates, without intervals). **Save as a "
                 "run** writes the choice as a scenario file and a run file that publishes the reports with it."),
    "wi_ideas": ("Forandringsidéernes andel", "The change ideas' shares"),
    "wi_benchmark": ("Benchmark", "Benchmark"),
    "wi_basis": ("Nøgle efter", "Key by"),
    "wi_name": ("Kørslens navn", "Name of the run"),
    "wi_save": ("Gem som kørsel", "Save as a run"),
    "wi_saved": ("Gemt: scenariefilen `{scenarios}` og kørselsfilen `{run}`. Udgiv rapporterne med `python -m "
                 "analysis run --config {run}`.",
                 "Saved: the scenario file `{scenarios}` and the run file `{run}`. Publish the reports with `python "
                 "-m analysis run --config {run}`."),
    "wi_not_saved": ("Ikke gemt: {error}", "Not saved: {error}"),
    "wi_bad_name": ("navnet '{name}' skal begynde med et bogstav eller et ciffer og må ellers kun have bogstaver, "
                    "cifre, - og _ (højst 60 tegn, ingen mellemrum), f.eks. hvad_nu_hvis",
                    "the name '{name}' must start with a letter or a digit and hold only letters, digits, - and _ "
                    "(up to 60, no spaces), e.g. what_if"),
    "wi_taken": ("{path} findes og er ikke skrevet af hvad-nu-hvis, eller den er rettet siden; den erstattes ikke. "
                 "Vælg et andet navn",
                 "{path} exists and was not written by the what-if, or was changed since; it is not replaced. "
                 "Choose another name"),
    "wi_replaced": ("Det erstattede det valg, der før var gemt under samme navn.",
                    "It replaced the choice saved before under the same name."),
    "wi_budget": ("Budgetvirkning pr. år", "Budget effect a year"),
    "wi_run_title": ("Hvad nu hvis: {name}", "What if: {name}"),
    "wi_untouched": ("(rører ingen besøg i disse data)", "(touches no visit in these data)"),
    "wi_tariff": ("Aktivitetsværdi pr. år, ikke kroner i kassen", "Tariff value a year, not cash"),
}
