"""Labels of report 04, the savings key (reporting/key_report.py, analyses/savings_key.py): key ->
(Danish, English), merged into analysis.base.labels.LABELS, where every report looks them up
(labels.t)."""

LABELS: dict[str, tuple[str, str]] = {
    "key_title": ("Besparelsesnøgle", "Savings key"),
    "key_subtitle": ("{target} fordelt efter {basis}, {year}", "{target} split by {basis}, {year}"),
    "key_basis_visits": ("antal ambulante besøg", "the number of outpatient visits"),
    "key_basis_value_dkk": ("værdien af de ambulante besøg", "the value of the outpatient visits"),
    "key_basis_potential": ("det skønnede reduktionspotentiale (budgetvirkning)",
                            "the estimated reduction potential (budget effect)"),
    "key_intro": ("Besparelseskravet på {target} fordeles mellem {n} hospitaler efter {basis}, i hele kroner, der "
                  "summerer præcis til målet (største-rest-metoden).",
                  "The required saving of {target} is split between {n} hospitals by {basis}, in whole kroner that "
                  "sum exactly to the target (largest remainder)."),
    "key_beyond_value": ("Kravet på {target} er større end aktivitetsværdien af alle besøgene i nøglen i {year} "
                         "({value}): det kan ikke nås med færre ambulante besøg. Tjek kravets størrelse og om "
                         "inddata dækker hele aktiviteten.",
                         "The requirement of {target} is larger than the tariff value of every visit in the key in "
                         "{year} ({value}): fewer outpatient visits cannot meet it. Check the size of the requirement "
                         "and whether the input covers all the activity."),
    "key_excluded": ("Uden for nøglen: {excluded} (psykiatrien gennemgås som de andre, men bærer ikke en del af "
                     "besparelsen).",
                     "Outside the key: {excluded} (psychiatry is reviewed like the others but carries no share of "
                     "the saving)."),
    "key_split": ("Fordeling og potentiale", "Split and potential"),
    "key_split_caption": ("Hospitalernes andel af kravet, deres skønnede potentiale som budgetvirkning og "
                          "forskellen, med aktivitetsværdien ved siden af, {year}",
                          "Each hospital's share of the requirement, its estimated potential as budget effect and "
                          "the gap, with the tariff value beside, {year}"),
    "key_region": ("I alt giver forandringsidéerne hospitalerne i nøglen en budgetvirkning på **{budget}** om året "
                   "mod kravet på {target}; de samme besøg har en aktivitetsværdi på {value} om året.",
                   "In all the change ideas give the hospitals in the key a budget effect of **{budget}** a year "
                   "against the requirement of {target}; the same visits have a tariff value of {value} a year."),
    "key_share_of_target": ("Andel af besparelsen", "Share of the saving"),
    "key_chart_title": ("Andel af kravet, budgetvirkning og aktivitetsværdi, {year}",
                        "Share of the requirement, budget effect and tariff value, {year}"),
    "key_how": ("For hvert hospital: den {share:e} søjle er dets andel af besparelsen, den {budget:e} den budgetvirkning, "
                "forandringsidéerne giver på hospitalet (rapporten om reduktionspotentiale), og den grå "
                "aktivitetsværdien af de samme besøg. Andelen måles mod den {budget:e}: er den {share:e} længst, skal "
                "hospitalet finde mere, end analysen peger på. Den grå er frigjort kapacitet, ikke kroner i kassen.",
                "For each hospital: the {share} bar is its share of the saving, the {budget} the budget effect the "
                "change ideas give at the hospital (the reduction potential report), and the grey the tariff value "
                "of the same visits. The share is measured against the {budget}: where {share} is longer, the hospital "
                "must find more than the analysis points to. The grey is capacity freed, not cash."),
    "key_potential_short": ("Potentiale: budgetvirkning", "Potential: budget effect"),
    "key_tariff_short": ("Aktivitetsværdi (ikke kroner i kassen)", "Tariff value (not cash)"),
    "key_gap_none": ("**Alle hospitaler har et skønnet potentiale i budgetvirkning, der er større end deres andel "
                     "af besparelsen.**",
                     "**Every hospital has an estimated potential in budget effect larger than its share of the "
                     "saving.**"),
    "key_gap_some": ("**Hospitaler, hvis andel er større end den budgetvirkning, forandringsidéerne giver dem "
                     "(forskel):** {hospitals}. Det er et skøn over de beskrevne idéer: de må finde besparelser ud "
                     "over dem, medmindre opfølgningen på beslutningen viser, at besparelsen allerede er sket.",
                     "**Hospitals whose share exceeds the budget effect the change ideas give them (gap):** "
                     "{hospitals}. This is an estimate of the ideas described: they must find savings beyond them, "
                     "unless the follow-up of the decision shows that the saving has already happened."),
    "key_compare": ("Nøglen er et valg", "The key is a choice"),
    "key_compare_caption": ("Hospitalernes andel efter tre mulige nøgler, {year} (kr.)",
                            "Each hospital's share under three possible keys, {year} (DKK)"),
    "key_decide": ("Styregruppen skal vælge, hvordan kravet fordeles; besparelsesnøglen her fordeler det efter "
                   "{basis} i {year}. Valget betyder mest for {hospital}: {visits} efter antal besøg, {value} efter værdi og "
                   "{potential} efter potentiale.",
                   "The steering group must choose how the requirement is split; the savings key here splits it "
                   "by {basis} in {year}. The choice matters most for {hospital}: {visits} by visit count, {value} by value "
                   "and {potential} by potential."),
    "key_visits": ("Efter antal besøg", "By visit count"),
    "key_value": ("Efter værdi", "By value"),
    "key_potential": ("Efter potentiale (budgetvirkning)", "By potential (budget effect)"),
    "key_compare_text": ("En nøgle efter antal favoriserer hospitaler med dyre besøg; en nøgle efter værdi favoriserer "
                         "hospitaler med mange billige besøg; en nøgle efter potentiale lægger besparelsen, hvor analysen "
                         "finder den, men afhænger af antagelserne. Nøglen genberegnes, når et nyt års data kommer: "
                         "vælg det nye år i kørselsfilen.",
                         "A key by count favours hospitals with expensive visits; a key by value favours hospitals "
                         "with many cheap visits; a key by potential puts the saving where the analysis finds it, but "
                         "rests on its assumptions. The key is recomputed when a new year's data come: "
                         "choose the new year in the run file."),
}
