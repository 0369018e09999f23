"""Labels of report 09, the population (reporting/population_report.py, analyses/population.py): key ->
(Danish, English), merged into analysis.base.labels.LABELS, where every report looks them up
(labels.t)."""

LABELS: dict[str, tuple[str, str]] = {
    # 09 population
    "pop_title": ("Befolkningsperspektivet", "The population perspective"),
    "pop_subtitle": ("Ambulante besøg pr. 1.000 borgere efter bopælskommune, {year}",
                     "Outpatient visits per 1,000 residents by municipality of residence, {year}"),
    "pop_intro": ("Hvor mange ambulante besøg har hver kommunes borgere i forhold til, hvad deres alder og køn tilsiger? "
                  "Forventningen er regionens egne besøgsrater pr. aldersgruppe og køn anvendt på kommunens borgere "
                  "(indirekte standardisering). Et forhold på 1,00 betyder lige så mange besøg som forventet; 1,20 betyder "
                  "20 % flere.",
                  "How many outpatient visits do each municipality's residents have against what their age and sex "
                  "predict? The expectation is the region's own visit rates by age band and sex applied to the "
                  "municipality's residents (indirect standardisation). A ratio of 1.00 means as many visits as "
                  "expected; 1.20 means 20% more."),
    "pop_needs_municipality": ("Befolkningsperspektivet kræver borgernes bopælskommune på hvert besøg (en kolonne som "
                               "Bopælskommune eller Kommune) samt alder og køn; inddata har ikke bopælskommune.",
                               "The population perspective needs the residents' municipality on each visit (a column "
                               "such as Bopælskommune or Kommune) and age and sex; the input has no municipality."),
    "pop_no_visits": ("Inddata har ingen besøg i {year} fra en kommune i befolkningstabellen.",
                      "The input has no visits in {year} from a municipality of the population table."),
    "pop_no_municipality": ("{visits} besøg uden bopælskommune er udeladt.",
                            "Visits without a municipality of residence are left out: {visits}."),
    "pop_left_out_strata": ("{visits} besøg med ukendt køn eller alder er holdt uden for sammenligningen med det "
                            "forventede (de har ingen aldersgruppe og køn at blive forventet ud fra); de tæller med i "
                            "besøgene pr. 1.000 borgere for regionen.",
                            "{visits} visits with unknown sex or age were left out of the comparison with the expected "
                            "(they have no age band and sex to be expected from); they count in the region's visits "
                            "per 1,000 residents."),
    "pop_unknown": ("Besøg fra kommuner, der ikke står i befolkningstabellen, er udeladt: {names}. En kommune kan "
                    "ligge uden for regionen, og så hører dens borgere ikke til befolkningen her. Er navnet i stedet "
                    "stavet anderledes end i befolkningstabellen, så oversæt det i mappingfilen (under values: og "
                    "municipality:).",
                    "Visits from municipalities not in the population table are left out: {names}. A municipality "
                    "may lie outside the region, and then its residents are not part of the population here. Where "
                    "the name is instead spelt differently from the population table, map it in the mapping file "
                    "(under values: and municipality:)."),
    "pop_unknown_one": ("{name} ({visits})", "{name} ({visits})"),
    "pop_unknown_maybe": ("{name} ({visits}, måske {suggestion})", "{name} ({visits}, perhaps {suggestion})"),
    "pop_kpi_rate": ("Besøg pr. 1.000 borgere, regionen", "Visits per 1,000 residents, region"),
    "pop_kpi_high": ("Kommuner over tragtens grænser", "Municipalities above the funnel's limits"),
    "pop_kpi_low": ("Kommuner under tragtens grænser", "Municipalities below the funnel's limits"),
    "pop_outliers": ("Kommuner, der skiller sig ud", "Municipalities that stand out"),
    "pop_partial": ("Udtrækket har {rate} besøg pr. 1.000 borgere om året; en dansk region har langt over 1.000. Det "
                    "rummer altså kun en del af regionens ambulante besøg (nogle hospitaler, specialer eller "
                    "patienter), og kommunerne sammenlignes kun inden for den del.",
                    "The extract has {rate} visits per 1,000 residents a year; a Danish region has well over 1,000. "
                    "It holds only a part of the region's outpatient visits (some hospitals, specialties or "
                    "patients), and the municipalities are compared within that part only."),
    "pop_high_one": ("{municipality}: {pct} flere besøg, end alder og køn tilsiger (95 %-interval {lo} til {hi}).",
                     "{municipality}: {pct} more visits than age and sex predict (95% interval {lo} to {hi})."),
    "pop_high_times": ("{municipality}: {times} gange så mange besøg, som alder og køn tilsiger (95 %-interval {lo} "
                       "til {hi} gange).",
                       "{municipality}: {times} times as many visits as age and sex predict (95% interval {lo} to "
                       "{hi} times)."),
    "pop_low_one": ("{municipality}: {pct} færre besøg, end alder og køn tilsiger (95 %-interval {lo} til {hi}).",
                    "{municipality}: {pct} fewer visits than age and sex predict (95% interval {lo} to {hi})."),
    "pop_none": ("Ingen kommune ligger uden for tragtens 95 %-grænser.", "No municipality lies outside the funnel's 95% limits."),
    "pop_estimate_note": ("Befolkningstallene er et skøn (kommunernes borgere i 2013 fremskrevet, fordelingen på alder "
                          "og køn antaget; se metoden nederst): det forventede og dermed forholdene hviler på det, "
                          "indtil tabellen erstattes med Danmarks Statistiks FOLK1A. Ligger en kommune lige højt i alle "
                          "aldersgrupper, besøgstyper og specialer, peger det snarere på borgertallet end på praksis: "
                          "tjek det først.",
                          "The population figures are an estimate (the municipalities' residents in 2013 projected, "
                          "the split by age and sex assumed; see the method below): the expected visits, and so the "
                          "ratios, rest on it until the table is replaced with Statistics Denmark's FOLK1A. A municipality "
                          "as high in every age band, visit type and specialty points to its number of residents "
                          "rather than to practice: check that first."),
    "pop_spread": ("Forholdet spænder fra {low} ({low_name}) til {high} ({high_name}). Selv for en meget stor "
                   "kommune rummer tragtens grænser forhold fra {lo} til {hi}: så forskellige er kommunerne i "
                   "forvejen, og kun kommuner uden for dette spænd kaldes usædvanlige.",
                   "The ratio ranges from {low} ({low_name}) to {high} ({high_name}). Even for a very large "
                   "municipality the funnel's limits hold ratios from {lo} to {hi}: that is how different the "
                   "municipalities already are, and only municipalities beyond that range are called unusual."),
    "pop_spread_check": ("En så stor forskel mellem kommunerne i én region er usædvanlig for ambulante besøg og "
                         "skyldes oftere data end praksis: tjek, at befolkningstabellen passer til udtrækket (de "
                         "samme kommuner og det samme år, borgere efter bopæl), før forskellen tolkes.",
                         "So large a difference between the municipalities of one region is unusual for outpatient "
                         "visits and more often comes from the data than from practice: check that the population "
                         "table fits the extract (the same municipalities and year, residents by address) before "
                         "reading the difference."),
    "pop_outlier_note": ("En kommune uden for grænserne er et spørgsmål til samarbejdet med kommunen og almen praksis, "
                         "ikke en dom: forskelle i sygelighed, som alder og køn ikke fanger, kan forklare en del.",
                         "A municipality outside the limits is a question for the cooperation with the municipality and "
                         "general practice, not a verdict: differences in illness that age and sex do not capture may "
                         "explain part of it."),
    "pop_ages_text": ("Hvilke aldre gør forholdet højt eller lavt? Tabellen viser de navngivne kommuners besøg pr. "
                      "1.000 borgere i hver aldersgruppe (begge køn, ujusteret) ved siden af regionens i samme "
                      "aldersgruppe; forholdet 1,30 betyder 30 % flere besøg pr. borger på den alder end i regionen.",
                      "Which ages make the ratio high or low? The table gives the named municipalities' visits per "
                      "1,000 residents in each age band (both sexes, unadjusted) beside the region's in the same "
                      "band; a ratio of 1.30 means 30% more visits per resident of that age than in the region."),
    "pop_ages_caption": ("Besøg pr. 1.000 borgere efter aldersgruppe, de navngivne kommuner mod regionen, {year}",
                         "Visits per 1,000 residents by age band, the named municipalities against the region, {year}"),
    "visits_per_1000": ("Besøg pr. 1.000 borgere", "Visits per 1,000 residents"),
    "region_per_1000": ("Regionen pr. 1.000 borgere", "Region per 1,000 residents"),
    "ratio_to_region": ("Forhold til regionen", "Ratio to the region"),
    "pop_table_caption": ("Besøg, forventede besøg og forholdet pr. kommune, {year}",
                          "Visits, expected visits and the ratio by municipality, {year}"),
    "pop_actual": ("Faktiske besøg", "Actual visits"),
    "pop_actual_expected": ("Faktisk / forventet", "Actual / expected"),  # as the funnel's axis; wraps in a wide table
    "pop_funnel_title": ("Faktiske mod forventede besøg pr. kommune", "Actual against expected visits by municipality"),
    "pop_funnel_x": ("Forventede besøg, effektivt antal (besøg pr. patient taget i betragtning; log-skala)",
                     "Expected visits, effective number (visits per patient allowed for; log scale)"),
    "pop_funnel_y": ("Faktisk/forventet", "Actual/expected"),
    "pop_funnel_how": ("Hvert punkt er en kommune. Stiplet: 95 %-grænser; fuldt optrukket: 99,8 %-grænser (Spiegelhalter "
                       "2005). {high_95:C} og {high_998}: flere besøg end forventet; {low_95} "
                       "og {low_998}: færre; {within}: inden for grænserne. Kommuner uden for grænserne er navngivet.",
                       "Each point is a municipality. Dashed: 95% limits; solid: 99.8% limits (Spiegelhalter 2005). "
                       "{high_95:C} and {high_998}: more visits than expected; {low_95} "
                       "and {low_998}: fewer; {within}: within the limits. Municipalities outside the limits are named."),
    "pop_by_heading": ("Efter besøgstype, speciale og sektor", "By visit type, specialty and sector"),
    "pop_by_caption": ("Forhold (faktisk/forventet) pr. kommune og {by}, {year}",
                       "Ratio (actual/expected) by municipality and {by}, {year}"),
    "pop_by_beyond": ("Uden for tragtens 99,8 %-grænser, med tragten tegnet for hver kolonne for sig: {units}. De "
                      "øvrige forhold i tabellen ligger inden for det, tilfældigheder og den sædvanlige forskel mellem "
                      "kommuner kan forklare.",
                      "Outside the funnel's 99.8% limits, the funnel drawn for each column on its own: {units}. The "
                      "other ratios in the table lie within what chance and the usual difference between "
                      "municipalities can explain."),
    "pop_by_none": ("Intet forhold i tabellen ligger uden for tragtens 99,8 %-grænser, med tragten tegnet for hver "
                    "kolonne for sig: forskellene ligger inden for det, tilfældigheder og den sædvanlige forskel "
                    "mellem kommuner kan forklare.",
                    "No ratio in the table lies outside the funnel's 99.8% limits, the funnel drawn for each column "
                    "on its own: the differences lie within what chance and the usual difference between "
                    "municipalities can explain."),
    "pop_use_heading": ("Hvilke hospitaler bruger borgerne?", "Which hospitals do the residents use?"),
    "pop_use_title": ("Andel af kommunens besøg pr. hospital, {year}", "Share of the municipality's visits by hospital, {year}"),
    "pop_use_caption": ("Kommunernes hovedhospital og dets andel af besøgene, {year}",
                        "Each municipality's main hospital and its share of the visits, {year}"),
    "pop_method": ("Indirekte standardisering efter aldersgruppe og køn mod regionens egne rater (Breslow & Day 1987). "
                   "En patients besøg er ikke uafhængige hændelser (en patient med kontrol hvert kvartal giver fire), "
                   "så hver kommunes besøg regnes om til et effektivt antal: besøg divideret med designeffekten "
                   "Σk²/Σk over kommunens patienters antal besøg k (variansen af en sum af patienters besøg er Σk², "
                   "ikke Σk; her {design}). 95 %-intervallerne er eksakte Poisson-intervaller (Garwood) på "
                   "de effektive antal. Tragtgrænser efter Spiegelhalter (2005) på de effektive antal{widened}. "
                   "Tabellerne efter besøgstype, speciale og sektor regner hver celle på samme måde med designeffekten "
                   "af kommunens patienters besøg af den type, i det speciale eller den sektor, og tegner tragten for "
                   "hver kolonne for sig.",
                   "Indirect standardisation by age band and sex against the region's own rates (Breslow & Day 1987). "
                   "A patient's visits are not independent events (a patient with a control every quarter brings "
                   "four), so each municipality's visits are counted as an effective number: visits divided by the "
                   "design effect Σk²/Σk over its patients' numbers of visits k (the variance of a sum of patients' "
                   "visits is Σk², not Σk; here {design}). The 95% intervals are exact Poisson intervals "
                   "(Garwood) on the effective numbers. Funnel limits after Spiegelhalter (2005) on the effective "
                   "numbers{widened}. The tables by visit type, specialty and sector count each cell the same way, "
                   "with the design effect of the municipality's patients' visits of that type, in that specialty or "
                   "sector, and draw the funnel for each column on its own."),
    "pop_interval_note": ("Vurderingen følger tragten: dens grænser rummer den sædvanlige forskel mellem kommuner, "
                          "som er større end tilfældig (fx efter hvilket hospital borgerne bruger). Intervallet i "
                          "tabellen viser, hvor sikkert kommunens eget forhold er kendt; et interval, der ikke rummer "
                          "1, gør ikke i sig selv kommunen usædvanlig. Tragtens vandrette akse og kolonnen "
                          "»Forventet, effektivt antal« er de forventede besøg divideret med designeffekten: en "
                          "patient med mange besøg tæller ikke som mange uafhængige besøg.",
                          "The assessment follows the funnel: its limits hold the usual difference between "
                          "municipalities, which is larger than chance (e.g. by the hospital their residents use). "
                          "The interval in the table shows how precisely the municipality's own ratio is known; an "
                          "interval that leaves out 1 does not by itself make a municipality unusual. The funnel's "
                          "horizontal axis and the column 'Expected, effective number' are the expected visits "
                          "divided by the design effect: a patient with many visits does not count as many "
                          "independent visits."),
    "pop_table_default": ("Befolkningstallene er projektets skøn: kommunernes antal "
                          "borgere 1. januar 2013 fra Danmarks Statistik (FOLK1), senere år fremskrevet til et skønnet "
                          "regionstal, og fordelingen på alder og køn er en antagelse. Erstat tabellen med FOLK1A "
                          "(kommune × alder × køn), før tallene bruges.",
                          "The population figures are the project's estimate: the "
                          "municipalities' residents on 1 January 2013 from Statistics Denmark (FOLK1), later years "
                          "projected to an estimated region total, and the split by age and sex is an assumption. "
                          "Replace the table with FOLK1A (municipality × age × sex) before using the figures."),
    "pop_table_file": ("Befolkningstallene er fra regionens egen befolkningstabel.", "The population figures are from the region's own population table."),    # 06 monitoring
}
