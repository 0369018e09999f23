"""Labels of report 02, variation between hospitals (reporting/variation_report.py,
analyses/variation.py): key -> (Danish, English), merged into analysis.base.labels.LABELS, where
every report looks them up (labels.t)."""

LABELS: dict[str, tuple[str, str]] = {
    "var_title": ("Variation mellem hospitaler – {measure}", "Variation between hospitals – {measure}"),
    "var_subtitle": ("{year}, {sector}, sammenlignet inden for hvert speciale",
                     "{year}, {sector}, compared within each specialty"),
    "var_intro": ("Hvert hospital sammenlignes med det typiske hospital (medianen) i samme speciale. {casemix} "
                  "Tallet 1,00 betyder som det typiske hospital; 1,20 betyder 20 % flere. Et hospital kaldes "
                  "afvigende, når det ligger uden for 99,8 %-grænserne, efter at der er taget højde for den "
                  "naturlige variation mellem hospitaler (overspredning).",
                  "Each hospital is compared with the typical hospital (the median) in its specialty. {casemix} "
                  "1.00 means as the typical hospital; 1.20 means 20% more. A hospital is called an outlier "
                  "when it lies outside the 99.8% limits, after allowing for the natural variation between "
                  "hospitals (overdispersion)."),
    "var_casemix_text": ("Der er korrigeret for forskelle i patienternes {strata} (indirekte standardisering).",
                         "Differences in the patients' {strata} are adjusted for (indirect standardisation)."),
    "var_left_out": ("{visits} besøg med ukendt køn eller alder er holdt uden for korrektionen for "
                     "patientsammensætning (de har ingen gruppe at blive forventet ud fra); de tæller med alle andre "
                     "steder.",
                     "{visits} visits with unknown sex or age were left out of the case-mix adjustment (they have no "
                     "group to be expected from); they count everywhere else."),
    "var_crude_text": ("Tallene er ikke korrigeret for patientsammensætning.", "The figures are not adjusted for case mix."),
    "var_units": ("Sammenlignede enheder", "Units compared"),
    "var_outliers_high": ("Afvigende, højt", "Outliers, high"),
    "var_outliers_low": ("Afvigende, lavt", "Outliers, low"),
    "var_excess_high": ("Besøg over forventet (høje)", "Visits above expected (high)"),
    "var_funnels": ("Tragtdiagrammer pr. speciale", "Funnel plots by specialty"),
    "var_funnel_title": ("{measure}, {year}: hospital mod det typiske hospital",
                         "{measure}, {year}: hospital against the typical hospital"),
    "var_funnel_x_ratio": ("Forventet antal (efter patientsammensætning)", "Expected count (given case mix)"),
    "var_funnel_x_prop": ("Antal besøg", "Visits"),
    "var_funnel_y_ratio": ("Observeret / forventet", "Observed / expected"),
    "var_funnel_y_prop": ("Andel", "Share"),
    "var_funnel_how": ("Hvert punkt er et hospital (forkortelserne står nederst). Jo længere til højre, jo flere "
                       "patienter – og jo smallere tragten. Stiplet linje: 95 %-grænse; fuldt optrukket: 99,8 %-grænse. "
                       "{high_95:C}/{high_998}: over 95 %/99,8 %-grænsen; {low_95}/{low_998}: under; {within}: indenfor. Punkter inden for tragten adskiller sig ikke mere, end "
                       "tilfældigheder og almindelig variation kan forklare.",
                       "Each point is a hospital (abbreviations at the end). Further right means more patients – "
                       "and a narrower funnel. Dashed line: 95% limit; solid: 99.8% limit. {high_95:C}/{high_998}: above the "
                       "95%/99.8% limit; {low_95}/{low_998}: below; {within}: within. Points inside the funnel differ no more than chance and ordinary "
                       "variation explain."),
    "var_heatmap": ("Oversigt: alle hospitaler og specialer", "Overview: all hospitals and specialties"),
    "var_heatmap_title": ("Observeret / forventet, {year}", "Observed / expected, {year}"),
    "var_heatmap_how": ("Rød: flere end forventet; blå: færre. Tomme felter: specialet findes ikke på hospitalet. "
                        "“<5”: for få besøg til at vise.",
                        "Red: more than expected; blue: fewer. Empty cells: the specialty is not at the hospital. "
                        "“<5”: too few visits to show."),
    "var_outliers": ("Afvigende hospitaler", "Outlying hospitals"),
    "var_no_outliers": ("Ingen hospitaler ligger uden for 99,8 %-grænserne.", "No hospital lies outside the 99.8% limits."),
    "var_sentence_high": ("**{hospital}, {specialty}:** {ratio} gange så mange {measure} som det typiske hospital{casemix}. "
                          "Det svarer til omkring {visits} besøg mere i året.",
                          "**{hospital}, {specialty}:** {ratio} times as many {measure} as the typical hospital{casemix}. "
                          "That is about {visits} more visits in the year."),
    "var_sentence_low": ("**{hospital}, {specialty}:** {ratio} gange så mange {measure} som det typiske hospital{casemix}, "
                         "dvs. omkring {visits} besøg færre i året.",
                         "**{hospital}, {specialty}:** {ratio} times as many {measure} as the typical hospital{casemix}, "
                         "i.e. about {visits} fewer visits in the year."),
    "var_casemix_adjusted": (", når der er taget højde for patienternes {strata}",
                             ", allowing for the patients' {strata}"),
    "var_outlier_caption": ("Hospitaler uden for 99,8 %-grænserne", "Hospitals outside the 99.8% limits"),
    "var_scv": ("Hvor meget varierer specialerne?", "How much do specialties vary?"),
    "var_scv_text": ("Den systematiske variationskomponent (SCV, McPherson 1982) måler variationen mellem hospitaler, "
                     "der ikke skyldes tilfældigheder; over 10 regnes for høj, over 5 for moderat. Ekstremkvotienten (EQ) "
                     "er højeste divideret med laveste rate.",
                     "The systematic component of variation (SCV, McPherson 1982) measures the variation between "
                     "hospitals not due to chance; above 10 is considered high, above 5 moderate. The extremal "
                     "quotient (EQ) is the highest rate divided by the lowest."),
    "var_scv_caption": ("Variation pr. speciale, {year}", "Variation by specialty, {year}"),
    "var_scv_type_caption": ("SCV for besøg pr. patient, pr. besøgstype, {year}",
                             "SCV of visits per patient, by visit type, {year}"),
    "var_decomposition": ("Hospital eller speciale?", "Hospital or specialty?"),
    "var_decomposition_text": ("Af den samlede variation i {measure} mellem alle hospital-speciale-enheder skyldes "
                               "**{spec}** forskelle mellem specialer, **{hosp}** forskelle mellem hospitaler (samme "
                               "tendens på tværs af specialer) og **{inter}** at enkelte hospitaler afviger i enkelte "
                               "specialer. Beregnet med en Poisson-regressionsmodel med målets nævner som "
                               "eksponering; modellen antager, at hospitals- og specialeforskelle ganges sammen, og "
                               "andelene er beskrivende.",
                               "Of the total variation in {measure} across all hospital-specialty units, **{spec}** is "
                               "between specialties, **{hosp}** between hospitals (the same tendency across specialties) "
                               "and **{inter}** single hospitals differing in single specialties. Computed with a Poisson "
                               "regression model with the measure's denominator as exposure; the model assumes that "
                               "hospital and specialty differences multiply, and the shares are descriptive."),
    "var_method": ("Metode", "Method"),
    # the method as it was used (variation.method_note)
    "var_limits_ratio": ("Tragtdiagrammer efter Spiegelhalter (2005), som NHS i England bruger dem: eksakte Poisson-grænser "
                         "for forholdet observeret/forventet ved hospitalets forventede antal.",
                         "Funnel plots after Spiegelhalter (2005), as the NHS in England uses them: exact Poisson limits for "
                         "the observed/expected ratio at the hospital's expected count."),
    "var_limits_ratio_counts": ("Tragtdiagrammer efter Spiegelhalter (2005), som NHS i England bruger dem: forholdet "
                                "mellem to optællinger på log-skala med usikkerhed på begge tal.",
                                "Funnel plots after Spiegelhalter (2005), as the NHS in England uses them: the ratio of "
                                "two counts on the log scale with uncertainty in both."),
    "var_limits_proportion": ("Tragtdiagrammer efter Spiegelhalter (2005): Wilson-grænser for en andel som i PHE "
                              "Fingertips.",
                              "Funnel plots after Spiegelhalter (2005): Wilson limits for a share as in PHE "
                              "Fingertips."),
    "var_trim_truncate": ("Før overspredningen skønnes, udelades z-værdier under {trim}- og over {upper}-fraktilen "
                          "(NHS Digitals SHMI-metode, det gængse for standardiserede forhold).",
                          "Before the overdispersion is estimated, z-scores below the {trim} and above the {upper} "
                          "quantile are left out (NHS Digital's SHMI method, the usual choice for standardised ratios)."),
    "var_trim_winsorise": ("Før overspredningen skønnes, sættes z-værdier uden for {trim}- og {upper}-fraktilen til "
                           "fraktilen (winsorisering, det gængse for denne type mål).",
                           "Before the overdispersion is estimated, z-scores beyond the {trim} and {upper} quantiles "
                           "are set to those quantiles (winsorising, the usual choice for this kind of measure)."),
    "var_od_adjusted": ("Overspredningen (φ = {phi}, τ = {tau}) er skønnet på tværs af alle specialer (få hospitaler pr. "
                        "speciale kan ikke bære et skøn): grænserne er udvidet med {od}.",
                        "Overdispersion φ = {phi}, τ = {tau}, estimated across all specialties (a few hospitals per "
                        "specialty cannot carry an estimate): the limits are widened by {od}."),
    "var_od_not_needed": ("Overspredningen φ = {phi} ≤ 1: hospitalerne varierer ikke mere end tilfældigheder forklarer, "
                          "så grænserne er ikke udvidet.",
                          "Overdispersion φ = {phi} ≤ 1: the hospitals vary no more than chance explains, so the "
                          "limits are not widened."),
    "var_od_off": ("Grænserne er ikke justeret for overspredning (valgt i parametrene).",
                   "The limits are not adjusted for overdispersion (chosen in the parameters)."),
    "var_od_per_specialty": ("Overspredningen er skønnet for hvert speciale for sig.",
                             "The overdispersion is estimated for each specialty on its own."),
    "var_rule_target": ("Et hospital kaldes afvigende, når dets værdi ligger uden for 99,8 %-grænserne for et hospital "
                        "på niveau med sammenligningsgrundlaget ved samme antal.",
                        "A hospital is called an outlier when its value lies outside the 99.8% limits of a hospital "
                        "on the benchmark at the same count."),
    "var_rule_exact": ("Dertil skal antallet afvige signifikant fra det forventede (eksakt Poisson-test på samme "
                       "niveau): 0 besøg mod 0,11 forventet kaldes således ikke lavt, selv om punktet ligger under "
                       "grænsen.",
                       "Its count must also differ significantly from the expected (an exact Poisson test at the "
                       "same level): 0 visits against 0.11 expected is thus not called low, although the point lies "
                       "below the limit."),
    "var_clipped": ("Bemærk: med denne justering ligger grænsen ved kanten af skalaen for {share} af hospitalerne; de "
                    "kan ikke kaldes afvigende i den retning. Overvej den additive justering.",
                    "Note: with this adjustment the limit sits at the edge of the scale for {share} of the hospitals; "
                    "they cannot be called outliers in that direction. Consider the additive adjustment."),
    "var_unavailable": ("Denne sammenligning kan ikke laves med disse inddata: de mangler besøg på patientniveau "
                        "eller fordelt på aldersgruppe og køn. Vælg et andet mål eller ingen standardisering.",
                        "This comparison cannot be made with this input: it lacks patient-level visits or visits by "
                        "age band and sex. Choose another measure, or no standardisation."),
    "var_abbreviations": ("Forkortelser", "Abbreviations"),
    "var_funnel_x_counts": ("Effektivt antal (forventet og udredninger tilsammen)",
                            "Effective count (expected and first visits together)"),
    "var_scv_negative": ("En negativ SCV betyder ikke negativ variation: SCV er et skøn, hvor den tilfældige "
                         "variation er trukket fra, og et negativt tal betyder, at der ikke er systematisk variation "
                         "ud over tilfældigheder i det speciale.",
                         "A negative SCV does not mean negative variation: SCV is an estimate with the chance "
                         "variation subtracted, and a negative value means there is no systematic variation beyond "
                         "chance in that specialty."),
    "var_scv_type_unavailable": ("SCV pr. besøgstype kræver antal patienter pr. hospital og speciale, som inddata "
                                 "ikke har.",
                                 "SCV by visit type needs the number of patients per hospital and specialty, which "
                                 "the input lacks."),
    "var_no_panels": ("Intet speciale i {sector} har mere end ét hospital, så der er ingen hospitaler at sammenligne "
                      "i tragtdiagrammer.",
                      "No specialty in {sector} has more than one hospital, so there are no hospitals to compare "
                      "in funnel plots."),
    "var_funnel_labels": ("Kun hospitaler uden for 95 %-grænsen (og et hospital, der er ringet ind) er navngivet.",
                          "Only hospitals outside the 95% limit (and a ringed hospital) are named."),
    "var_funnel_counts_how": ("Her bygger både tæller og nævner på tilfældige antal, så den vandrette akse er det "
                              "effektive antal, 1 / (1/forventet + 1/udredninger): grænserne i figuren er da præcis "
                              "dem, hvert punkt er bedømt efter.",
                              "Here both counts are random, so the horizontal axis is the effective count, "
                              "1 / (1/expected + 1/first visits): the limits drawn are then exactly those each point "
                              "was judged by."),
}
