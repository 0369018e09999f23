"""Labels of report 07, following the decision (reporting/follow_up_report.py, analyses/follow_up.py):
key -> (Danish, English), merged into analysis.base.labels.LABELS, where every report looks them up
(labels.t)."""

LABELS: dict[str, tuple[str, str]] = {
    # 07 following the decision
    "fu_title": ("Opfølgning på beslutningen", "Following the decision"),
    "fu_subtitle": ("Realiseret besparelse mod kravet pr. hospital efter {date}",
                    "Saving realised against the requirement, hospital by hospital, after {date}"),
    "fu_intro": ("Besparelsen er forskellen mellem de besøg, hvert hospital ville have haft uden beslutningen, og dem "
                 "det faktisk havde, gjort op i kroner. Forventningen uden beslutning fremskrives fra de {months} måneder "
                 "før {date}: månedens arbejdsdage (uden helligdage), regionens sæsonmønster, tendensen pr. besøgstype og "
                 "kontaktform og hvert hospitals egen tendens. Et besøg flyttet fra fremmøde til telefon, video eller "
                 "skriftligt tæller med forskellen, som i forandringsidéerne. Flere besøg et andet sted, også i "
                 "psykiatrien, trækkes fra regionens total.",
                 "The saving is the difference between the visits each hospital would have had without the decision "
                 "and those it had, counted in kroner. The expectation without the decision is projected from the "
                 "{months} months before {date}: the month's working days (holidays out), the region's seasonal "
                 "pattern, the trend per visit type and contact mode and each hospital's own trend. A visit moved from "
                 "in person to phone, video or written counts the difference, as in the change ideas. More visits "
                 "elsewhere, psychiatry included, are subtracted from the region's total."),
    "fu_months": ("Besparelsen til nu er målt i {n} fuldt registrerede måneder: {first} til {last}; besparelsen pr. "
                  "år nu i de seneste {rate_months} af dem.",
                  "The saving so far is measured over {n} fully registered months: {first} to {last}; the saving a "
                  "year now over the latest {rate_months} of them."),
    "fu_kpi_realised": ("Budgetvirkning til nu, regionen netto (alle sektorer)",
                        "Budget effect so far, region net (every sector)"),
    "fu_kpi_rate": ("Budgetvirkning pr. år nu, regionen", "Budget effect a year now, region"),
    "fu_kpi_gap": ("Mangler pr. år mod kravet", "Short of the requirement a year"),
    "fu_kpi_tariff": ("Aktivitetsværdi pr. år nu (ikke kroner i kassen)", "Tariff value a year now (not cash)"),
    "fu_head_region": ("Regionens budgetvirkning pr. år nu mod kravet på {target} (95 %-interval)",
                       "The region's budget effect a year now against the requirement of {target} (95% interval)"),
    "fu_head_gap": ("Mangler pr. år mod kravet", "Short of the requirement a year"),
    "fu_lead": ("Regionens budgetvirkning er nu {rate} om året mod det fulde krav på {target} om året fra {year}: "
                "{verdict}. {ok} af {n} hospitaler er på sporet eller foran.",
                "The region's budget effect is now {rate} a year against the full requirement of {target} a year "
                "from {year}: {verdict}. {ok} of {n} hospitals are on track or ahead."),
    "fu_lead_ahead": ("foran kravet", "ahead of the requirement"),
    "fu_lead_on_track": ("på sporet", "on track"),
    "fu_lead_unclear": ("endnu uklart, om kravet nås; der mangler {gap} om året", "not yet clear whether the requirement will be met; {gap} a year is still short"),
    "fu_lead_behind": ("bagud; der mangler {gap} om året", "behind; {gap} a year is still short"),
    "fu_lead_list_behind": ("Bagud: {names}.", "Behind: {names}."),
    "fu_reconcile": ("Hospitalerne med en andel af kravet har tilsammen en budgetvirkning på {keyed} om året, "
                     "hospitaler uden andel {others}; regionens budgetvirkning på {region} er summen.",
                     "The hospitals with a share of the requirement together have a budget effect of {keyed} a year, "
                     "hospitals without a share {others}; the region's budget effect of {region} is the sum."),
    "fu_risk_behind_one": ("{names} er bagud: hospitalets budgetvirkning er nu {rate} om året mod en andel af kravet "
                           "på {share}, så det mangler {gap} om året. Forslag: hospitalet fremlægger for styregruppen, "
                           "hvordan og hvornår det når sin andel.",
                           "{names} is behind: its budget effect is now {rate} a year against a share of the "
                           "requirement of {share}, so it lacks {gap} a year. Proposed: the hospital shows the steering "
                           "group how and when it will reach its share."),
    "fu_risk_behind_some": ("{names} er bagud: deres budgetvirkning er nu tilsammen {rate} om året mod andele af "
                            "kravet på {share}, så de mangler {gap} om året. Forslag: hospitalerne fremlægger for "
                            "styregruppen, hvordan og hvornår de når deres andele.",
                            "{names} are behind: their budget effect is now {rate} a year together against shares "
                            "of the requirement of {share}, so they lack {gap} a year. Proposed: the hospitals show the "
                            "steering group how and when they will reach their shares."),
    "fu_risk_behind_region": ("Regionen som helhed mangler {gap} om året, fordi hospitaler uden andel af kravet også "
                              "tæller med ({others}).",
                              "The region as a whole lacks {gap} a year, because hospitals without a share of the "
                              "requirement count too ({others})."),
    "fu_risk_region_depends": ("Målt {other} er regionens budgetvirkning {rate} om året, og dens status er »{verdict}« "
                               "i stedet for »{own_verdict}«: regionens "
                               "status hviler på, hvilken forventning uden beslutning besparelsen måles mod. "
                               "Forslag: styregruppen regner med det mindste af de to skøn, til flere måneder viser "
                               "forløbet.",
                               "Measured {other}, the region's budget effect is {rate} a year, and the region is "
                               "{verdict} instead of {own_verdict}: its "
                               "status rests on the expectation without the decision the saving is measured "
                               "against. Proposed: the steering group counts on the smaller of the two estimates "
                               "until more months show the course."),
    "fu_risk_depends": ("For {names} afhænger besparelsen af, hvilken forventning uden beslutning den måles mod ({own} "
                        "eller {other}): valget flytter den mere, end dens 95 %-interval viser. {detail}"
                        "Forslag: regn den først fuldt med, når begge forventninger viser den.",
                        "For {names} the saving depends on the expectation without the decision it is measured "
                        "against ({own} or {other}): the choice moves it more than its 95% interval shows. {detail}"
                        "Proposed: count it in full only once both expectations show it."),
    "fu_risk_lag_do": ("Forslag: styregruppen vurderer besparelsen i disse måneder, når de er registreret og "
                       "rapporterne er lavet igen.",
                       "Proposed: the steering group judges the saving in these months once they are registered "
                       "and the reports are made again."),
    "fu_lead_depends": ("For {names} hviler besparelsen på forventningen uden beslutning.",
                        "For {names} the saving rests on the expectation without the decision."),
    "fu_lead_list_unclear": ("Endnu uklart: {names}.", "Not yet clear: {names}."),
    "fu_money": ("To slags kroner: **budgetvirkningen** er de kroner, budgettet faktisk kan give slip på (personaletid "
                 "til løn, variable udgifter, minus hvad erstatningen koster), og det er den, kravet på {target} og "
                 "hvert hospitals andel måles mod. **Aktivitetsværdien** er de undgåede besøg til takst: frigjort "
                 "kapacitet, ikke kroner i kassen; den vises ved siden af og er større.",
                 "Two kinds of kroner: the **budget effect** is the money the budget can actually give up (staff time "
                 "at salary cost, variable costs, less what the substitute costs), and it is what the requirement of "
                 "{target} and each hospital's share are measured against. The **tariff value** is the avoided "
                 "visits at the tariff: capacity freed, not cash; it is shown beside and is larger."),
    "fu_kpi_target": ("Fuldt krav pr. år (fra {year})", "Full requirement a year (from {year})"),
    "fu_kpi_on_track": ("Hospitaler på sporet eller foran", "Hospitals on track or ahead"),
    "fu_head_on_track": ("Hospitaler på sporet eller foran", "Hospitals on track or ahead"),
    "fu_status": ("Er hvert hospital på sporet?", "Is each hospital on track?"),
    "fu_rule": ("Reglen: hvert hospitals budgetvirkning pr. år nu (de seneste {months} fuldt registrerede måneder, "
                "korrigeret for sæson og antal arbejdsdage) sammenlignes med dets andel af det fulde krav ({target} "
                "om året fra {year}, fordelt efter nøglen for {key_year} på {basis}). Hospitalet er **foran**, når "
                "selv den nedre grænse af 95 %-intervallet når andelen, og **bagud**, når selv den øvre grænse ikke "
                "gør. Det er **på sporet**, når intervallet rummer andelen, besparelsen når mindst {on_track} af den, "
                "og den nedre grænse er over 0 (der spares faktisk noget). Ellers er det **endnu uklart**: "
                "intervallet rummer andelen, men besparelsen er under {on_track} af den eller kan være ingen; flere "
                "måneder vil vise det. Intervallet rummer usikkerheden i forventningen (hospitalets niveau, tendens "
                "og sæson), hospitalets månedlige udsving og den tilfældige variation.",
                "The rule: each hospital's budget effect a year now (the last {months} fully registered months, adjusted "
                "for season and the number of working days) is compared with its share of the full requirement "
                "({target} a year from {year}, split by the key of {key_year} on {basis}). The hospital is "
                "**ahead** when even the low end of the 95% interval reaches the share, and **behind** when even "
                "the high end does not. It is **on track** when the interval holds the share, the saving reaches "
                "at least {on_track} of it, and the low end is above 0 (something is really being saved). "
                "Otherwise it is **not yet clear**: the interval holds the share, but the saving is below "
                "{on_track} of it or may be none at all; more months will tell. The interval holds the uncertainty "
                "of the expectation (the hospital's level, trend and season), the hospital's monthly swings and the "
                "random variation."),
    "fu_status_caption": ("Besparelse pr. år nu mod andelen af det fulde krav (kr.)",
                          "Saving a year now against the share of the full requirement (DKK)"),
    "fu_chart_status": ("Budgetvirkning pr. år nu mod andelen af kravet",
                        "Budget effect a year now against the share of the requirement"),
    "fu_legend_rate": ("Budgetvirkning pr. år nu (95 %-interval)", "Budget effect a year now (95% interval)"),
    "fu_legend_share": ("Andel af fuldt krav", "Share of the full requirement"),
    "fu_status_part": ("{status}: {names}.", "{status}: {names}."),
    # what rests on the expectation without the decision (follow_up.rests_on_expectation)
    "fu_expectation_hospital_trend": ("hvert hospitals egen tendens fra før beslutningen",
                                      "each hospital's own trend from before the decision"),
    "fu_expectation_level": ("niveauet i året før beslutningen uden tendens",
                             "the level of the year before the decision without a trend"),
    "fu_expectation_short_hospital_trend": ("med egen tendens", "with its own trend"),
    "fu_expectation_short_level": ("uden tendens", "without a trend"),
    "fu_other_region": ("Hvor stor besparelsen er, afhænger af forventningen uden beslutning. Målt mod {other} i stedet "
                        "for mod {own} ville regionens budgetvirkning pr. år nu være {rate}: {verdict}. Tabellen "
                        "ovenfor viser hvert hospitals besparelse målt begge veje.",
                        "How large the saving is depends on the expectation without the decision. Measured against "
                        "{other} instead of {own}, the region's budget effect a year now would be {rate}: {verdict}. "
                        "The table above gives each hospital's saving measured both ways."),
    "other_rate": ("Pr. år nu mod den anden forventning", "A year now against the other expectation"),
    "fu_depends_none": ("For intet hospital flytter den anden forventning besparelsen så meget, at det betyder noget "
                        "(én standardafvigelse, eller en fjerdedel af hospitalets andel og en halv "
                        "standardafvigelse), eller ændrer hospitalets status.",
                        "For no hospital does the other expectation move the saving enough to matter (one standard "
                        "deviation, or a quarter of the hospital's share and half a standard deviation), or change "
                        "the hospital's status."),
    "fu_depends": ("For {names} betyder valget af forventning noget: målt {other_name} flytter besparelsen sig mindst "
                   "én standardafvigelse, eller en fjerdedel af hospitalets andel og en halv standardafvigelse, eller "
                   "hospitalets status skifter, så 95 %-intervallet undervurderer usikkerheden. {why} Kurverne måned "
                   "for måned nedenfor viser forløbet.",
                   "For {names} the choice of expectation matters: measured {other_name}, the saving moves by at "
                   "least one standard deviation, or a quarter of the hospital's share and half a standard "
                   "deviation, or the hospital's status changes, so the 95% interval understates the uncertainty. "
                   "{why} The month-by-month curves below show the course."),
    "fu_depends_why_hospital_trend": (
        "Standardmetoden forudsætter, at hospitalets vækst eller fald fra før beslutningen var fortsat uden den; er "
        "en vækst fladet ud af sig selv, tilskrives beslutningen en besparelse, der ikke er sket.",
        "The default method assumes that the hospital's growth or decline from before the decision would have gone "
        "on without it; if a growth levelled off by itself, the decision is credited with a saving that did not "
        "happen."),
    "fu_depends_why_level": (
        "Metoden uden tendens forudsætter, at aktiviteten ikke var vokset eller faldet af sig selv; et hospital i vækst "
        "kan derfor have sparet, uden at det ses her.",
        "The method without a trend assumes that activity would not have grown or fallen by itself; a growing "
        "hospital may therefore have saved without it showing here."),
    "fu_depends_one": ("{hospital}: {own} pr. år {own_name}, {other} {other_name}.",
                       "{hospital}: {own} a year {own_name}, {other} {other_name}."),
    "fu_years": ("År for år", "Year by year"),
    "fu_years_caption": ("Krav og realiseret budgetvirkning pr. år (kr.); realiseret i årets fuldt registrerede måneder "
                         "efter beslutningen, hvad der mangler mod kravet eller er sparet ud over det; aktivitetsværdien ved siden af",
                         "Requirement and realised budget effect a year (DKK); realised in the year's fully registered "
                         "months after the decision, what is short of the requirement or saved beyond it; the tariff value "
                         "beside"),
    "fu_profile": ("Kravet pr. år: {profile}; et år uden eget tal har det foregående års krav.",
                   "The requirement a year: {profile}; a year without a figure of its own has the year before's."),
    "fu_short": ("Budgetvirkning mangler mod kravet (kr.)", "Budget effect short of the requirement (DKK)"),
    "fu_beyond": ("Budgetvirkning ud over kravet (kr.)", "Budget effect beyond the requirement (DKK)"),
    "fu_quarters_caption": ("Realiseret budgetvirkning pr. kvartal og i alt mod kravet i alt (kr.)",
                            "Budget effect realised a quarter and in total against the requirement in total (DKK)"),
    "fu_chart_months": ("Budgetvirkning pr. måned mod kravet pr. måned",
                        "Budget effect a month against the requirement a month"),
    "fu_chart_months_y": ("Mio. kr. pr. måned", "DKK million a month"),
    "fu_legend_saving": ("Budgetvirkning (95 %-interval efter beslutningen)",
                         "Budget effect (95% interval after the decision)"),
    "fu_legend_target": ("Krav pr. måned", "Requirement a month"),
    "fu_legend_full": ("Fuldt krav pr. måned (fra {year})", "Full requirement a month (from {year})"),
    "fu_legend_incomplete": ("Ikke fuldt registreret", "Not fully registered"),
    "fu_months_how": ("{saving:C} linje: forventede minus faktiske besøg i budgetkroner, måned for måned; før beslutningen (den {decision:e} lodrette streg) "
                      "viser den, hvor tæt forventningen rammer, og bør ligge omkring 0. Sort trappe: en tolvtedel af årets "
                      "krav; stiplet: en tolvtedel af det fulde krav, som besparelsen skal nå. Grå felter er måneder, der "
                      "ikke er fuldt registreret; de tæller ikke med, og en trekant i kanten betyder, at punktet ligger "
                      "uden for skalaen.",
                      "{saving:C} line: expected minus actual visits in budget kroner, month by month; before the decision (the {decision} vertical line) it "
                      "shows how closely the expectation fits and should hover around 0. Black steps: a twelfth of the "
                      "year's requirement; dashed: a twelfth of the full requirement the saving must reach. Grey spans are "
                      "months not fully registered; they do not count, and a triangle at the edge means the point lies "
                      "beyond the scale."),
    "fu_where": ("Hvor kommer besparelsen fra?", "Where does the saving come from?"),
    "fu_by_caption": ("Realiseret pr. {by}, somatikken: budgetvirkning med 95 %-interval og aktivitetsværdi (kr.)",
                      "Realised by {by}, somatic care: budget effect with its 95% interval and tariff value (DKK)"),
    "fu_sources_hospital_caption": ("Fald i fremmøder pr. hospital og besøgstype, og hvilken forandringsidé de ligner",
                                    "Falls in in-person visits by hospital and visit type, and which change idea they resemble"),
    "fu_sources_caption": ("De største fald pr. speciale", "The largest falls by specialty"),
    "fu_sources_text": ("Et fald i fremmøder med en stigning i telefon, video eller skriftlig på mindst {share} af faldet "
                        "ligner en flytning af kontaktform; ellers er besøgene faldet bort eller flyttet ud af hospitalet "
                        "(færre kontroller, opgaveflytning). Kun fald på mere end {z} standardafvigelser er vist: blandt "
                        "hundredvis af hospitaler, specialer og besøgstyper giver tilfældigheder sjældent så store fald. Et fald, der "
                        "er tydeligt for et hospitals besøgstype som helhed, kan være spredt over specialerne uden at være "
                        "tydeligt i hvert; derfor er faldene pr. speciale færre, og det er dem, regnskabet under "
                        "forskydning tæller som tydelige fald.",
                        "A fall in in-person visits with a rise in phone, video or written of at least {share} of the fall "
                        "resembles a change of contact mode; otherwise the visits stopped or moved out of the hospital "
                        "(fewer follow-ups, task shifting). Only falls of more than {z} standard deviations are shown: among "
                        "hundreds of hospitals, specialties and visit types, chance rarely gives falls that large. A fall that is clear "
                        "for a hospital's visit type as a whole may be spread over its specialties without being clear in "
                        "each; so the falls by specialty are fewer, and they are what the account under displacement "
                        "counts as clear falls."),
    "fu_sources_hospital_none": ("Intet fald i fremmøder for et hospitals besøgstype som helhed er større, end "
                                 "tilfældigheder kan give; et fald i det enkelte speciale kan være det (nedenfor).",
                                 "No fall in in-person visits for a hospital's visit type as a whole is larger than "
                                 "chance gives; a fall in a single specialty may be (below)."),
    "fu_sources_none": ("Intet fald i fremmøder i det enkelte speciale er større, end tilfældigheder kan give: faldene "
                        "ovenfor er spredt over specialerne.",
                        "No fall in in-person visits in a single specialty is larger than chance gives: the falls "
                        "above are spread over the specialties."),
    "fu_no_sources": ("Intet fald i fremmøder er større, end tilfældigheder kan give.",
                      "No fall in in-person visits is larger than chance can give."),
    "fu_displacement": ("Er reduktionen reel? Forskydning", "Is the reduction real? Displacement"),
    "fu_displacement_text": ("Et fald ét sted, der dukker op som en stigning et andet sted, er ikke en besparelse for "
                             "regionen. Tabellen viser stigninger på mere end 3 standardafvigelser i et speciale og en "
                             "besøgstype, hvor et andet hospital faldt lige så tydeligt, og sådanne stigninger i "
                             "psykiatrien. Alle stigninger trækkes fra regionens total, så intet tælles to gange.",
                             "A fall in one place that reappears as a rise in another is no saving for the region. The "
                             "table shows rises of more than 3 standard deviations in a specialty and visit type where "
                             "another hospital fell as clearly, and such rises in psychiatry. Every rise is subtracted "
                             "from the region's total, so nothing counts twice."),
    "fu_displacement_caption": ("Mulig forskydning: flere besøg end forventet", "Possible displacement: more visits than expected"),
    "fu_no_displacement": ("Ingen stigning er større, end tilfældigheder kan give, og tyder på forskydning.",
                           "No rise is larger than chance can give and suggests displacement."),
    "fu_netting_caption": ("Fra hospitalernes fald til regionens netto: budgetvirkning og aktivitetsværdi (kr.)",
                           "From the hospitals' falls to the region's net: budget effect and tariff value (DKK)"),
    "fu_staff": ("Personale: rækker den naturlige afgang?", "Staff: is natural attrition enough?"),
    "fu_staff_caption": ("Årsværk frigjort pr. år med den nuværende besparelse mod naturlig afgang ({rate} om året)",
                         "FTE freed a year at the current saving against natural attrition ({rate} a year)"),
    "fu_staff_text": ("Over indfasningen ({first}–{last}) frigør naturlig afgang i alt cirka {fte} årsværk i ambulatorierne. "
                      "Minutterne pr. besøg er en illustrativ tabel, som skal erstattes af lokale tidsstudier.",
                      "Over the phase-in ({first}–{last}) natural attrition frees about {fte} FTE in the outpatient clinics "
                      "in all. The minutes per visit are an illustrative table, to be replaced by local time studies."),
    "fu_method_hospital_trend": (
        "Forventningen uden beslutning (standardmetoden: hospitalets egen tendens) er en log-lineær model for hver serie "
        "(hospital × speciale × sektor × besøgstype × kontaktform): månedens arbejdsdage (hverdage minus de danske "
        "helligdage, juleaftensdag og nytårsaftensdag) som eksponering, regionens sæson pr. kalendermåned og "
        "tendens pr. besøgstype og kontaktform (en Poisson-GLM), hvert hospitals egen tendens ud over regionens "
        "({trend} om året i grundperioden, ud over regionens egen udvikling) og seriens niveau. Et hospital, der vokser, "
        "læses altså ikke som et, der ikke sparer. Tendensen fremskrives lineært, og usikkerheden om den er med i "
        "intervallet.",
        "The expectation without the decision (the default method: the hospital's own trend) is a log-linear model of each "
        "series (hospital × specialty × sector × visit type × contact mode): the month's working days (weekdays "
        "less the Danish public holidays, Christmas Eve and New Year's Eve) as exposure, the region's season by "
        "calendar month and trend per visit type and contact mode (a Poisson GLM), each hospital's "
        "own trend beyond the region's ({trend} a year in the baseline, beyond the region's own course) and the "
        "series' level. A growing hospital "
        "is thus not read as one that does not save. The trend is projected linearly, and its uncertainty is in "
        "the interval."),
    "fu_method_level": (
        "Forventningen uden beslutning (metoden uden tendens: niveauet) er seriens niveau i det sidste år før beslutningen, "
        "korrigeret for arbejdsdage (hverdage minus de danske helligdage) og regionens sæson, uden nogen tendens. "
        "Det forudsætter, at aktiviteten ikke vokser eller falder af sig selv; gør den det, skævvrides besparelsen. "
        "Valideringsstudiet viser, at standardmetoden med hospitalets egen tendens holder på data med tendenser.",
        "The expectation without the decision (the method without a trend: the level) is the series' level in the last year "
        "before the decision, adjusted for working days (weekdays less the Danish public holidays) and the "
        "region's season, with no trend. It assumes activity neither grows nor falls of itself; if it does, the "
        "saving is biased. The validation study shows that the default method, with the hospital's own trend, "
        "holds on data with trends."),
    "fu_method_interval": (
        "Intervallet (95 %) lægger uafhængige dele sammen, hver skønnet ud fra grundperiodens afvigelser: "
        "hvert hospitals månedlige udsving (fx et systemskifte; {shock} pr. måned) og dem, "
        "hospitalerne deler (fx influenza; {common} pr. måned), usikkerheden om hvert hospitals niveau, tendens og sæsonen (en model for hospitalernes "
        "månedlige værdi, vægtet mindste kvadrater), specialernes egen afdrift fra hospitalets tendens "
        "({unit} om året) og seriernes tilfældige variation (overspredning φ = {phi} og {cv} ekstra pr. serie og "
        "måned). Et simuleringsstudie med helligdage, udsving, tendenser, støj og registreringsforsinkelse viser, at "
        "intervallet rammer den sande besparelse i {coverage} af tilfældene (se valideringsstudiet i projektets vejledning). Måneder, "
        "der ikke er fuldt registreret, indgår hverken i modellen eller i besparelsen.",
        "The interval (95%) adds up independent parts, each estimated from the baseline's deviations: each "
        "hospital's monthly swings (e.g. an IT change-over; {shock} a month) and those the "
        "hospitals share (e.g. influenza; {common} a month), the uncertainty of each hospital's level and trend and of the season (a model of "
        "the hospitals' monthly value, weighted least squares), the specialties' own drift from their "
        "hospital's trend ({unit} a year) and the series' random variation (overdispersion φ = {phi} and {cv} "
        "extra per series and month). A simulation study with holidays, swings, trends, noise and registration "
        "lag shows that the interval covers the true saving in {coverage} of cases (see the validation study in the project's guide). "
        "Months not fully registered enter neither the model nor the saving."),
    "fu_needs_months": ("Opfølgningen kræver månedlige tal, og inddata er ikke opgjort pr. måned. Brug et udtræk med "
                        "besøgsdato eller en månedskolonne (Måned).",
                        "Following the decision needs monthly figures, and the input is not given by month. Use an "
                        "extract with visit dates or a month column."),
    "fu_too_few": ("Opfølgningen kræver mindst {least} måneder før beslutningen og mindst én fuldt registreret måned efter; "
                   "inddata har {base} før og {after} efter.",
                   "Following the decision needs at least {least} months before the decision and at least one fully "
                   "registered month after it; the input has {base} before and {after} after."),
}
