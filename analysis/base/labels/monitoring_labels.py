"""Labels of report 06, monitoring after the decision (reporting/monitoring_report.py): key -> (Danish,
English), merged into analysis.base.labels.LABELS, where every report looks them up (labels.t)."""

LABELS: dict[str, tuple[str, str]] = {
    "mon_title": ("Overvågning efter beslutningen", "Monitoring after the decision"),
    "mon_subtitle": ("Månedlige besøg før og efter {date} – {types}", "Monthly visits before and after {date} – {types}"),
    "mon_intro": ("Hver serie er et hospitals besøg i et speciale måned for måned, målt mod det forventede niveau. "
                  "Grænserne beregnes ud fra de {months} måneder før beslutningen (XmR-kort efter NHS' Making Data "
                  "Count). En reel reduktion viser sig som et punkt under den nedre grænse eller 7 måneder i træk "
                  "under det forventede niveau – og et fald på mindst {change}.",
                  "Each series is one hospital's visits in one specialty, month by month, measured against the "
                  "expected level. The limits come from the {months} months before the decision (XmR charts after "
                  "NHS Making Data Count). A real reduction shows as a point below the lower limit or 7 months in a "
                  "row below the expected level – and a fall of at least {change}."),
    "mon_series": ("Serier fulgt", "Series followed"),
    "mon_reductions": ("Reel reduktion", "Real reduction"),
    "mon_rises": ("Reel stigning", "Real rise"),
    "mon_no_signal": ("Intet signal", "No signal"),
    "mon_mixed": ("Både fald og stigning", "Both a fall and a rise"),
    "mon_too_small": ("For få besøg til at bedømme", "Too few visits to judge"),
    "mon_where": ("Hvor viser en ændring sig?", "Where does a change show?"),
    "mon_none": ("Ingen serie viser en reel ændring efter beslutningen.", "No series shows a real change after the decision."),
    "mon_vs_07": ("Siden her leder efter en tydelig ændring i hver serie for sig. En besparelse, der er spredt tyndt "
                  "over mange serier, kan ligge inden for hver series grænser og alligevel løbe op: opfølgningen (07) "
                  "lægger alle serier sammen mod deres forventning og giver besparelsen i kroner med dens usikkerhed.",
                  "This page looks for a clear change in each series on its own. A saving spread thinly over many "
                  "series can stay within each series' limits and still add up: the follow-up (07) sums every series "
                  "against its expectation and gives the saving in kroner with its uncertainty."),
    "mon_rests": ("For {units} viser signalet sig kun, når hospitalets egen tendens fra før beslutningen fremskrives: "
                  "målt mod niveauet i året før beslutningen er ændringen inden for tilfældighederne. En vækst eller "
                  "et fald, der er stoppet af sig selv, læses ellers som en ændring efter beslutningen (se "
                  "opfølgningen, 07).",
                  "For {units} the signal shows only when the hospital's own trend from before the decision is "
                  "projected: measured against the level of the year before the decision, the change is within "
                  "chance. A growth or a decline that stopped by itself is otherwise read as a change after the "
                  "decision (see following the decision, 07)."),
    "mon_none_judged": ("Ingen serie har besøg nok til at blive bedømt, så siden kan hverken vise en reel ændring eller "
                        "udelukke den.",
                        "No series has enough visits to be judged, so the page can neither show a real change nor "
                        "rule one out."),
    "mon_table_caption": ("Serier med et signal efter {date}", "Series with a signal after {date}"),
    "mon_charts": ("Kontrolkort", "Control charts"),
    "mon_chart_title": ("Besøg pr. måned (sæsonkorrigeret)", "Visits a month (seasonally adjusted)"),
    "mon_how": ("Grå linje: besøg pr. måned. Fuldt optrukket: gennemsnittet før beslutningen; stiplet: kontrolgrænserne. "
                "Den {decision:e} lodrette streg er beslutningsdatoen. {fall:E} punkter er signaler om færre besøg, {rise:e} om flere. "
                "Begynder en række af signaler før stregen, er punkterne før den også farvet: ændringen begyndte før "
                "beslutningen, og den del er ikke beslutningens. Punkter inden for grænserne uden mønster er almindelig variation. Et gråt felt med hule grå punkter "
                "er de seneste måneder, som endnu ikke er fuldt registreret; de indgår ikke i signalerne.",
                "Grey line: visits a month. Solid: the mean before the decision; dashed: the control limits. The {decision} "
                "vertical line is the decision date. {fall:E} points signal fewer visits, {rise} more. Where a run of signals "
                "begins before the line, its points before it are coloured too: the change began before the decision, "
                "and that part is not the decision's. Points inside the "
                "limits without a pattern are ordinary variation. A grey band with hollow grey points marks the "
                "latest months, not yet fully registered; they are left out of the signals."),
    "mon_method_expected": (
        "Hver serie måles mod sin forventede vej, som i opfølgningen (07): månedens arbejdsdage (hverdage minus de "
        "danske helligdage), regionens sæson og hospitalets egen tendens, fremskrevet fra grundperioden. Kortet viser "
        "besøgene som faktisk ÷ forventet × det forventede gennemsnit i grundperioden, så en serie, der følger sin vej, "
        "ligger fladt. XmR-kort: grænser = gennemsnit ± 2,66 × gennemsnitligt glidende spænd i grundperioden, efter at "
        "spænd over 3,267 × gennemsnittet er sorteret fra. Særlige årsager: et punkt uden for grænserne, 7 i træk på "
        "samme side af gennemsnittet, 7 i træk stigende eller faldende, 2 af 3 mere end to tredjedele mod en grænse. "
        "Et signal tæller som reel reduktion eller stigning kun, når ændringen siden beslutningen også ligger uden for "
        "95 %-intervallet fra opfølgningens model, som rummer hospitalets månedlige udsving, dets tendens og "
        "specialets egen afdrift; ellers ville enhver enhed, der driver, som enheder gør, give signaler.",
        "Each series is measured against its expected path, as in following the decision (07): the month's "
        "working days (weekdays less the Danish public holidays), the region's season and the hospital's own trend, "
        "projected from the baseline. The chart shows the visits as actual ÷ expected × the expected baseline mean, "
        "so a series that follows its path lies flat. XmR charts: limits = mean ± 2.66 × the mean moving range of "
        "the baseline, after screening out ranges above 3.267 × their mean. Special causes: a point beyond a limit, "
        "7 in a row on one side of the mean, 7 in a row rising or falling, 2 of 3 beyond two thirds of the way to a "
        "limit. A signal counts as a real reduction or rise only where the change since the decision also lies "
        "outside the 95% interval of the follow-up's model, which holds the hospital's monthly swings, its trend and "
        "the specialty's own drift; otherwise every unit drifting as units do would signal."),
    "mon_method": ("XmR-kort: grænser = gennemsnit ± 2,66 × gennemsnitligt glidende spænd i grundperioden, efter at "
                   "spænd over 3,267 × gennemsnittet er sorteret fra. Særlige årsager: et punkt uden for grænserne, 7 i "
                   "træk på samme side af gennemsnittet, 7 i træk stigende eller faldende, 2 af 3 mere end to tredjedele "
                   "mod en grænse. Besøgstallet deles først med grundperiodens sæsonindeks pr. kalendermåned. Med mange "
                   "serier kan enkelte signaler skyldes tilfældigheder; se på størrelsen af ændringen.",
                   "XmR charts: limits = mean ± 2.66 × the mean moving range of the baseline, after screening out ranges "
                   "above 3.267 × their mean. Special causes: a point beyond a limit, 7 in a row on one side of the mean, "
                   "7 in a row rising or falling, 2 of 3 beyond two thirds of the way to a limit. Visits are first "
                   "divided by the baseline's month-of-year index. With many series a few signals may be chance; look "
                   "at the size of the change."),
    "mon_no_series": ("Ingen serie har måneder både før og efter beslutningsdatoen.",
                      "No series has months both before and after the decision date."),
}
