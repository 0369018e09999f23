"""Labels of report 03, the reduction potential (reporting/potential_report.py, analyses/reduction.py):
key -> (Danish, English), merged into analysis.base.labels.LABELS, where every report looks them up
(labels.t)."""

LABELS: dict[str, tuple[str, str]] = {
    "pot_lead": ("Forandringsidéerne kan give {cover} af kravet på {target} om året: en budgetvirkning på {budget}. Det er "
                 "et skøn over, hvad de beskrevne idéer kan give, ikke det, der er sket: opfølgningen måler den "
                 "besparelse, der faktisk er realiseret siden beslutningen, uanset hvad der gav den.",
                 "The change ideas can give {cover} of the requirement of {target} a year: a budget effect of "
                 "{budget}. That is an estimate of what the ideas described can give, not what has happened: the "
                 "follow-up measures the saving actually realised since the decision, whatever gave it."),
    # 03 reduction potential
    "pot_title": ("Reduktionspotentiale", "Reduction potential"),
    "pot_subtitle": ("Besøg der kan undgås, og hvad de er værd – {year}, {sector}",
                     "Visits that could go, and what they are worth – {year}, {sector}"),
    "pot_intro": ("Potentialet består af et benchmark, besøg over {benchmark}, og {n} forandringsidéer fra "
                  "idékataloget (scenariefilen og specialerådenes idéskemaer). Idéerne regnes i rækkefølge, så samme besøg ikke tælles to gange. Andele, takster "
                  "og omkostninger er **antagelser til drøftelse**, ikke facitliste; intervallerne viser "
                  "usikkerheden.",
                  "The potential combines a benchmark, visits above {benchmark}, with {n} change ideas from the "
                  "catalogue (the scenario file and the councils' intake forms). The ideas are applied in order, so no visit is counted twice. Shares, tariffs and "
                  "costs are **assumptions to debate**, not a final answer; the intervals show the uncertainty."),
    "pot_no_benchmark": ("Benchmark-delen kan ikke beregnes med disse inddata (hverken patienter eller "
                         "førstegangsbesøg at regne fra); den er udeladt.",
                         "The benchmark part cannot be computed from this input (neither patients nor first visits "
                         "to count from); it is left out."),
    "pot_benchmark_counts": ("Inddata giver ikke patienter pr. hospital og speciale, så benchmark regnes på "
                             "optællingerne: hver besøgstypes besøg pr. udredning.",
                             "The input does not give patients per hospital and specialty, so the benchmark rests on "
                             "the counts: each visit type's visits per first visit."),
    "pot_benchmark_crude": ("Benchmark er ukorrigeret for patientsammensætning, fordi inddata ikke er fordelt på "
                            "aldersgruppe og køn.",
                            "The benchmark is not adjusted for case mix, because the input is not broken down by age "
                            "band and sex."),
    "pot_in_person_avoided": ("Fremmøder undgået (95 %-interval)", "In-person visits avoided (95% interval)"),
    "pot_budget": ("Budgetvirkning pr. år (95 %-interval)", "Budget effect a year (95% interval)"),
    "pot_tariff": ("Aktivitetsværdi pr. år, ikke kroner i kassen (95 %-interval)",
                   "Tariff value a year, not cash (95% interval)"),
    "pot_gap": ("Mangler pr. år mod kravet", "Short of the requirement a year"),
    "pot_head_budget": ("Forandringsidéernes budgetvirkning pr. år mod kravet på {target} (95 %-interval)",
                        "The change ideas' budget effect a year against the requirement of {target} (95% interval)"),
    "pot_head_tariff": ("Aktivitetsværdi af de samme besøg: frigjort kapacitet, ikke kroner i kassen "
                        "(95 %-interval)",
                        "Tariff value of the same visits: capacity freed, not cash (95% interval)"),
    "pot_share_of_activity": ("Andel af aktiviteten", "Share of activity"),
    "pot_target": ("Besparelseskrav pr. år", "Saving required a year"),
    "pot_summary": ("Med de valgte antagelser giver forandringsidéerne en **budgetvirkning på {budget}** om året "
                    "(95 %-interval {lo} til {hi}, {draws} simulationer), svarende til **{cover}** af kravet på "
                    "{target} om året. Aktivitetsværdien af de samme besøg er {value} (95 %-interval {value_lo} til "
                    "{value_hi}).",
                    "With the chosen assumptions the change ideas give a **budget effect of {budget}** a year (95% "
                    "interval {lo} to {hi}, {draws} simulations), that is **{cover}** of the {target} required a "
                    "year. The tariff value of the same visits is {value} (95% interval {value_lo} to {value_hi})."),
    "pot_drivers": ("Driverdiagram", "Driver diagram"),
    "pot_aim": ("Mål: {target} om året i budgetvirkning", "Aim: {target} a year in budget effect"),
    "pot_driver_title": ("Fra mål til forandringsidéer, {year}", "From aim to change ideas, {year}"),
    "pot_driver_how": ("Læs fra venstre: målet nås gennem driverne, som hver bæres af konkrete forandringsidéer med "
                       "deres antal besøg, budgetvirkning (kroner i kassen) og aktivitetsværdi (frigjort kapacitet). "
                       "Den {budget:e} bjælke under hver boks er så lang som dens budgetvirkning: idéerne med de "
                       "længste bjælker bærer målet.",
                       "Read from the left: the aim is reached through the drivers, each carried by concrete change "
                       "ideas with their visits, budget effect (cash) and tariff value (capacity freed). The "
                       "{budget:e} bar under each box is as long as its budget effect: the ideas with the longest "
                       "bars carry the aim."),
    "pot_ideas": ("Forandringsidéer", "Change ideas"),
    "pot_ideas_caption": ("Idéer i den rækkefølge de regnes, {year}; budgetvirkning og aktivitetsværdi i kr. pr. år",
                          "Ideas in the order they are applied, {year}; budget effect and tariff value in DKK a "
                          "year"),
    "pot_basis_measured": ("målt: {what}", "measured: {what}"),
    "pot_basis_assumed": ("antaget", "assumed"),
    "pot_decide_gap": ("Idéerne dækker {cover} af kravet ({target}); styregruppen skal beslutte, hvordan de resterende "
                       "{short} om året skal findes: flere idéer fra specialerådene, større andele af de beskrevne "
                       "idéer eller et mindre krav.",
                       "The ideas cover {cover} of the requirement ({target}); the steering group must decide how "
                       "the remaining {short} a year is to be found: more ideas from the specialty councils, larger "
                       "shares of the ideas described, or a smaller requirement."),
    "pot_risk_assumed": ("{share} af idéernes budgetvirkning ({amount} om året) hviler på andele, der er antaget, ikke "
                         "målt.",
                         "{share} of the ideas' budget effect ({amount} a year) rests on shares that are assumed, "
                         "not measured."),
    "pot_risk_assumed_do": ("Forslag: specialerådene vurderer andelene og deres spænd, før beløbet regnes med i "
                            "budgettet.",
                            "Proposed: the specialty councils assess the shares and their ranges before the amount "
                            "counts in the budget."),
    "pot_measure_benchmark": ("besøg over benchmark", "visits above the benchmark"),
    "pot_measure_calendar_follow_ups": ("kalenderbookede kontroller", "calendar-booked follow-ups"),
    "pot_needs_visit_level": ("data på besøgsniveau", "visit-level data"),
    "pot_about_calendar_follow_ups": ("kontroller, hvis afstand til patientens forrige kontrol i samme speciale ligger "
                                      "højst {tolerance} dage fra {targets} dage, ud over dem, der forventes dér uden "
                                      "kalenderbooking, hvor overskuddet er mere end tilfældigt (som i rapport 08), som andel "
                                      "af kontrollerne med en forrige kontrol",
                                      "follow-ups whose interval to the patient's previous follow-up in the same "
                                      "specialty lies within {tolerance} days of {targets} days, beyond those expected "
                                      "there without calendar booking, where the excess is more than chance (as in report "
                                      "08), as a share of the follow-ups with a previous one"),
    "pot_measure_basic_level_follow_ups": ("kontroller på basisniveau, der kunne ske tættere på hjemmet",
                                           "basic-level follow-ups that could take place closer to home"),
    "pot_needs_levels": ("specialiseringstabeller, der udpeger universitetshospitalet og giver dets diagnosegrupper et "
                         "niveau (rapport 08 viser, hvad der mangler)",
                         "level tables that name the university hospital and give its diagnosis groups a level "
                         "(report 08 shows what is missing)"),
    "pot_needs_diagnosis_residence": ("data på besøgsniveau med diagnosegruppe og bopælskommune",
                                      "visit-level data with a diagnosis group and the municipality of residence"),
    "pot_about_basic_level_follow_ups": ("fremmødekontroller på universitetshospitalet, hvis diagnosegruppe hører til "
                                         "på basisniveau, hos patienter fra et andet hospitals område, hvor hospitalet "
                                         "har specialet (som i rapport 08), som andel af universitetshospitalets "
                                         "fremmødekontroller i specialet; en flyttet kontrol sparer takstforskellen "
                                         "mellem niveauerne og undgår intet fremmøde",
                                         "in-person follow-ups at the university hospital whose diagnosis group "
                                         "belongs at the basic level, of patients from another hospital's area "
                                         "where that hospital holds the specialty (as in report 08), as a share of "
                                         "the university hospital's in-person follow-ups in the specialty; a moved "
                                         "follow-up saves the tariff difference between the levels and avoids no "
                                         "attendance"),
    "pot_idea_measured": ("Idéen “{idea}” tager sin andel af en målt størrelse, {measure}: {about}. Andelen er den del "
                          "af dem, der antages at kunne nås.",
                          "The idea “{idea}” takes its share of a measured quantity, {measure}: {about}. The share is "
                          "the part of them assumed reachable."),
    "pot_idea_untouched": ("Idéen “{idea}” berører ingen besøg: der er ingen fremmøder at ændre blandt de besøg, den "
                           "udvælger.",
                           "The idea “{idea}” touches no visits: the visits it selects hold no attendance to change."),
    "pot_idea_untouched_names": ("Idéen “{idea}” berører ingen besøg: scenariefilen nævner {names}, som ikke findes i "
                                 "data. Skriv navnene, som data skriver dem.",
                                 "The idea “{idea}” touches no visits: the scenario file names {names}, which are not "
                                 "in the data. Write the names as the data write them."),
    "pot_idea_left_out": ("Idéen “{idea}” bygger på en målt størrelse ({measure}), som kræver {needs}; den er ikke "
                          "regnet med.",
                          "The idea “{idea}” rests on a measured quantity ({measure}), which needs {needs}; it is not "
                          "counted."),
    "pot_where": ("Hvor ligger potentialet?", "Where is the potential?"),
    "pot_by_visit_type": ("Pr. besøgstype: budgetvirkning og aktivitetsværdi (kr. pr. år)",
                          "By visit type: budget effect and tariff value (DKK a year)"),
    "pot_by_specialty": ("Specialerne med størst budgetvirkning (højst 15), {year}",
                         "The specialties with the largest budget effect (at most 15), {year}"),
    "pot_specialty_how": ("Den {budget:e} søjle er specialets budgetvirkning pr. år fra alle forandringsidéer (kroner i "
                          "kassen), den grå bag den aktivitetsværdien af de samme besøg (frigjort kapacitet), i "
                          "mio. kr.",
                          "The {budget} bar is the specialty's yearly budget effect from all change ideas (cash), the "
                          "grey one behind it the tariff value of the same visits (capacity freed), in DKK million."),
    "pot_by_hospital": ("Pr. hospital: budgetvirkning med 95 %-interval og aktivitetsværdi (kr. pr. år)",
                        "By hospital: budget effect with its 95% interval and tariff value (DKK a year)"),
    "pot_benchmark": ("Besøg over benchmark", "Visits above the benchmark"),
    "pot_benchmark_caption": ("Største overskud over benchmark, i besøg; benchmark: {benchmark}",
                              "Largest excess over the benchmark, in visits; benchmark: {benchmark}"),
    "pot_benchmark_text": ("Kun besøg over benchmark tæller; et hospital under benchmark har intet potentiale (ikke et "
                           "negativt). Benchmark er {benchmark}, som forhold mellem observeret og forventet antal besøg.",
                           "Only visits above the benchmark count; a hospital below it has no potential (not a "
                           "negative one). The benchmark is {benchmark}, as a ratio of observed to expected visits."),
    "pot_vs_variation": ("Tallene her er pr. besøgstype og sammenlignes med det valgte benchmark; variationsrapporten "
                         "sammenligner alle kontroller i et speciale med det typiske hospital. Samme hospital og "
                         "speciale kan derfor have et andet forhold her end dér.",
                         "The figures here are per visit type and compared with the chosen benchmark; the variation "
                         "report compares all follow-ups of a specialty with the typical hospital. The same hospital "
                         "and specialty can therefore show another ratio here than there."),
    "pot_sensitivity": ("Hvilke antagelser betyder mest?", "Which assumptions matter most?"),
    "pot_tornado_title": ("Budgetvirkning når én antagelse ad gangen varieres",
                          "Budget effect when one assumption at a time varies"),
    "pot_costs_pm": ("Omkostninger ±20 % (løn, variable udgifter, erstatning)",
                     "Costs ±20% (salaries, variable costs, substitute)"),
    "pot_benchmark_choice": ("Valg af benchmark (bedste kvartil / gennemsnit)", "Choice of benchmark (best quartile / mean)"),
    "pot_tornado_how": ("Hver søjle viser den samlede budgetvirkning, når én antagelse sættes til sin lave og høje "
                        "værdi, og resten holdes fast. Den lodrette streg er hovedskønnet. De længste søjler er "
                        "dem, det er vigtigst at få afklaret med specialerne. Taksterne flytter ikke "
                        "budgetvirkningen, kun aktivitetsværdien.",
                        "Each bar shows the total budget effect with one assumption at its low and high value and "
                        "the rest held fixed. The vertical line is the main estimate. The longest bars are the ones "
                        "most worth settling with the specialties. The tariffs do not move the budget effect, only "
                        "the tariff value."),
    "pot_staff": ("Personale og naturlig afgang", "Staff and natural attrition"),
    "pot_staff_caption": ("Årsværk pr. personalegruppe og deres løn i budgetvirkningen (naturlig afgang {rate} om "
                          "året)",
                          "Full-time equivalents by staff group and their salary cost in the budget effect (natural "
                          "attrition {rate} a year)"),
    "pot_staff_text": ("Under 100 % betyder, at reduktionen kan ske ved naturlig afgang inden for et år. Årsværkene "
                       "er dem, budgetvirkningens personaledel regnes af (årsværk frigjort gange kr. pr. årsværk); "
                       "et negativt tal betyder, at gruppen overtager opgaver og koster.",
                       "Below 100% means the reduction can come through natural attrition within a year. The FTE "
                       "are those the budget effect's staff part is computed from (FTE freed times DKK per FTE); a "
                       "negative number means the group takes tasks over and costs money."),
    "pot_phase": ("Indfasning med naturlig afgang", "Phase-in with natural attrition"),
    "pot_phase_caption": ("Budgetvirkning år for år, når stillinger kun forsvinder ved naturlig afgang ({rate} om "
                          "året), mod et fuldt år (kr.)",
                          "Budget effect year by year when positions go only through natural attrition ({rate} a "
                          "year), against a full year (DKK)"),
    "pot_phase_text": ("Personalekroner bliver først til kroner i kassen, når stillingerne faktisk forsvinder: "
                       "hvert år højst det, den naturlige afgang indtil da tillader. Variable udgifter og "
                       "erstatningens udgift tæller fuldt fra år 1; aktivitetsværdien afhænger ikke af "
                       "indfasningen.",
                       "Staff kroner become cash only when the positions actually go: each year at most what "
                       "natural attrition allows by then. Variable costs and the substitute's cost count in full "
                       "from year 1; the tariff value does not depend on the phase-in."),
    "pot_method": ("Benchmark: hver besøgstypes besøg pr. patient, indirekte standardiseret, mod det valgte "
                   "benchmark blandt specialets hospitaler (NHS RightCare-tanken om bedste sammenlignelige "
                   "enheder). Aktivitetsværdi: prisen for det undgåede besøg minus prisen for erstatningen "
                   "(priserne er nævnt øverst i rapporten). Budgetvirkning: personaletiden, der frigøres (minutter "
                   "pr. besøg gange kr. pr. årsværk), de variable udgifter, der falder væk, minus hvad erstatningen "
                   "koster regionen (almen praksis, PRO-svar); et flyttet besøg til et andet hospital i regionen "
                   "har ingen budgetvirkning. Intervaller: {draws} simulationer (startværdi for tilfældige tal: "
                   "{seed}), hvor alle antal trækkes Poisson-fordelt, benchmark genberegnes, og hver idés andel "
                   "trækkes trekantsfordelt mellem lav og høj værdi; budgetvirkning og aktivitetsværdi regnes af de "
                   "samme træk. Et interval, der ignorerer benchmarkenhedernes egen variation, overvurderer "
                   "potentialet (Dropkin 2018).",
                   "Benchmark: each visit type's visits per patient, indirectly standardised, against the chosen "
                   "benchmark among the specialty's hospitals (the NHS RightCare idea of best comparable units). "
                   "Tariff value: the price of the visit avoided minus the price of the substitute (the prices are "
                   "named at the top of the report). Budget effect: the staff time freed (minutes per visit times "
                   "DKK per full-time position) and the variable costs that go, less what the substitute costs the "
                   "region (general practice, a PRO answer); a visit moved to another hospital of the region has no "
                   "budget effect. Intervals: {draws} simulations (seed {seed}) in which every count is drawn from "
                   "a Poisson distribution, the benchmark recomputed, and each idea's share drawn from a triangular "
                   "distribution between its low and high value; budget effect and tariff value come from the same "
                   "draws. An interval that ignored the benchmark units' own variation would overstate the "
                   "potential (Dropkin 2018)."),
    "pot_best_k_warning": ("**Bemærk:** k er mindst lige så stort som antallet af hospitaler at sammenligne med i "
                           "{units}. Dér er benchmark blot gennemsnittet af alle specialets hospitaler, løsere end "
                           "medianen; vælg et mindre k eller et andet benchmark.",
                           "**Note:** k is at least the number of hospitals to compare with in {units}. There the "
                           "benchmark is just the mean of all the specialty's hospitals, looser than the median; "
                           "choose a smaller k or another benchmark."),
    "pot_best_k_unit": ("{specialty}, {visit_type} (hospitaler: {peers}, k = {k})",
                        "{specialty}, {visit_type} (hospitals: {peers}, k = {k})"),
}
