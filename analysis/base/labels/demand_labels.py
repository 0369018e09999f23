"""Labels of report 11, the pressure ahead (reporting/demand_report.py, analyses/demand.py): key ->
(Danish, English), merged into analysis.base.labels.LABELS, where every report looks them up
(labels.t)."""

LABELS: dict[str, tuple[str, str]] = {
    # 11 demand
    "dem_title": ("Presset fremover", "The pressure ahead"),
    "dem_subtitle": ("Ambulante besøg fremskrevet fra {year} til {horizon}",
                     "Outpatient visits projected from {year} to {horizon}"),
    "dem_intro": ('Hvor mange ambulante besøg må regionen forvente de kommende år, når befolkningen bliver ældre? Fremskrivningen tager besøgene i {year} pr. borger efter bopælskommune, aldersgruppe og køn og lader dem vokse med borgerne i en befolkningsfremskrivning. To justeringer følger den britiske New Hospital Programme-model: sund aldring (en del af de leveår, der vindes, leves ved godt helbred, så de ældres besøgsrater flytter ned) og anden vækst end den demografiske. Intervallerne viser usikkerheden, beregnet ved simulering over de usikre antagelser. Befolkningsfremskrivningen bag tallene er {projection}.',
                 "How many outpatient visits must the region expect in the years ahead as its population ages? The projection takes the visits in {year} per resident by municipality of residence, age band and sex and lets them grow with the residents of a population projection. Two adjustments follow the NHS New Hospital Programme's model: healthy ageing (a part of the years of life gained are lived in good health, so the visit rates of the old move down) and growth other than demographic. The intervals show the uncertainty, worked out by simulation over the uncertain assumptions. The population projection behind the numbers is {projection}."),
    "dem_needs_ages": ("Fremskrivningen kræver besøgene efter aldersgruppe og køn; inddata har hverken alder eller "
                       "køn, så intet kan fremskrives.",
                       "The projection needs the visits by age band and sex; the input has neither age nor sex, so "
                       "nothing can be projected."),
    "dem_projection_shipped": ("projektets illustrative, ikke Danmarks Statistiks: erstat den, før tallene bruges",
                               "the project's illustrative one, not Statistics Denmark's: replace it before the numbers "
                               "are used"),
    "dem_projection_own": ("regionens egen", "the region's own"),
    "dem_region_only": ("Inddata har ikke borgernes bopælskommune, så besøgene fremskrives med regionens borgere "
                        "efter aldersgruppe og køn: en kommunes egen vækst indgår ikke.",
                        "The input has no municipality of residence, so the visits are projected with the region's "
                        "residents by age band and sex: a municipality's own growth is not in it."),
    "dem_outside": ("{visits} besøg fra borgere uden for befolkningstabellens kommuner (eller uden kendt bopæl) "
                    "fremskrives uændret.",
                    "{visits} visits by residents outside the population table's municipalities (or without a known "
                    "residence) are carried forward unchanged."),
    "dem_lead": ("Regionen må forvente {visits} ambulante besøg i {horizon} (95 %-interval {low}–{high}), "
                 "{growth} flere end i {year}; befolkningens udvikling alene giver {demography} flere.",
                 "The region must expect {visits} outpatient visits in {horizon} (95% interval {low}–{high}), "
                 "{growth} more than in {year}; the population's change alone gives {demography} more."),
    "dem_kpi_base": ("Besøg i {year}", "Visits in {year}"),
    "dem_kpi_horizon": ("Forventet i {horizon}", "Expected in {horizon}"),
    "dem_kpi_growth": ("Vækst til {horizon}", "Growth to {horizon}"),
    "dem_kpi_demography": ("Vækst i besøg af befolkningens alder og antal alene",
                           "Growth in visits from the population's age and number alone"),
    "dem_kpi_offset": ('Idéerne undgår i {horizon} (fysiske besøg, foreslåede og godkendte)',
                      'The ideas avoid in {horizon} (in-person visits, proposed and approved)'),
    "dem_fan_heading": ("Besøg år for år", "Visits year by year"),
    "dem_fan_title": ("Ambulante besøg, fremskrevet", "Outpatient visits, projected"),
    "dem_fan_observed": ("I data", "In the data"),
    "dem_fan_read_observed": ("Et kryds er et år, data allerede rummer, talt som basisåret.",
                              "A cross is a year the data already hold, counted as the base year."),
    "dem_observed": ("I data", "In the data"),
    "dem_observed_below": ("Data rummer allerede {observed_year}: {visits} besøg, {pct} under fremskrivningen for det "
                           "år. Fremskrivningen regner ud fra {year} og tager hverken beslutningens virkning eller "
                           "andre ændringer siden med: følg dem i opfølgningen (06 og 07).",
                           "The data already hold {observed_year}: {visits} visits, {pct} below the projection for "
                           "that year. The projection starts from {year} and includes neither the decision's effect "
                           "nor other changes since: follow them in the monitoring (06 and 07)."),
    "dem_observed_above": ("Data rummer allerede {observed_year}: {visits} besøg, {pct} over fremskrivningen for det "
                           "år. Fremskrivningen regner ud fra {year} og tager ikke ændringer siden med: følg dem i "
                           "opfølgningen (06 og 07).",
                           "The data already hold {observed_year}: {visits} visits, {pct} above the projection for "
                           "that year. The projection starts from {year} and includes no changes since: follow them "
                           "in the monitoring (06 and 07)."),
    "dem_fan_ylabel": ("Besøg om året", "Visits a year"),
    "dem_fan_95": ("95 %-interval", "95% interval"),
    "dem_fan_50": ("50 %-interval", "50% interval"),
    "dem_fan_median": ("Forventet (antagelsernes midterværdier)", "Expected (the assumptions' middle values)"),
    "dem_fan_demography": ('Befolkningens udvikling alene',
                          "The population's change alone"),
    "dem_fan_base": ("Besøg i {year}", "Visits in {year}"),
    "dem_fan_read": ('Den {line:e} linje er fremskrivningen med antagelsernes midterværdier. Det mørke bånd rummer halvdelen af simuleringerne, det lyse 95 %. Den stiplede linje er befolkningens udvikling alene, uden sund aldring og anden vækst. Aksen begynder ikke ved 0.',
                    "The {line} line is the projection at the assumptions' middle values. The dark band holds half of the simulations, the light one 95%. The dashed line is the population's change alone, without healthy ageing and other growth. The axis does not start at 0."),
    "dem_years_caption": ("Borgere og besøg år for år", "Residents and visits year by year"),
    "dem_residents": ('Borgere 1. januar',
                     'Residents on 1 January'),
    "dem_residents_80": ("Heraf 80+", "Of which 80+"),
    "dem_expected": ("Besøg (forventet)", "Visits (expected)"),
    "dem_low": ("Besøg, lav (95 %)", "Visits, low (95%)"),
    "dem_high": ("Besøg, høj (95 %)", "Visits, high (95%)"),
    "dem_demography_only": ('Befolkningens udvikling alene',
                           "The population's change alone"),
    "dem_split_heading": ("Hvad væksten består af", "What the growth is made of"),
    "dem_split_text": ("Væksten fra {year} til {horizon} delt i sine dele, i den rækkefølge de lægges på, med "
                       "antagelsernes midterværdier.",
                       "The growth from {year} to {horizon} split into its parts, in the order they are applied, at "
                       "the assumptions' middle values."),
    "dem_split_caption": ("Væksten til {horizon} og dens dele", "The growth to {horizon} and its parts"),
    "dem_part": ("Del", "Part"),
    "dem_part_visits": ("Besøg", "Visits"),
    "dem_part_share": ("Af besøgene i {year} (%)", "Of the visits in {year} (%)"),
    "demography": ("Befolkningens udvikling", "The population's change"),
    "health_status": ("Sund aldring", "Healthy ageing"),
    "non_demographic": ("Anden vækst", "Other growth"),
    "dem_total": ("I alt", "Total"),
    "dem_specialty_heading": ("Specialerne", "The specialties"),
    "dem_municipality_heading": ("Kommunerne", "The municipalities"),
    "dem_municipality_text": ("Presset kommer ikke lige meget fra alle kommuner: mest vokser besøgene fra borgerne i "
                              "{top}, {growth} til {horizon}; befolkningens udvikling alene giver {demography} "
                              "(regionen i alt: {region}). Flest besøg kommer til fra {most}: {added}.",
                              "The pressure does not come from every municipality alike: visits grow most from the "
                              "residents of {top}, {growth} to {horizon}; the population's change alone gives "
                              "{demography} (the region as a whole: {region}). Most visits are added from {most}: "
                              "{added}."),
    "dem_municipality_caption": ("De {n} af {total} kommuner, hvis borgeres besøg vokser mest: besøg i {year} og "
                                 "forventet i {horizon}",
                                 "The {n} of {total} municipalities whose residents' visits grow most: visits in "
                                 "{year} and expected in {horizon}"),
    "dem_demography_growth": ("Af befolkningen alene", "From the population alone"),
    "dem_specialty_caption": ('De {n} af {total} specialer, der vokser mest: besøg i {year} og forventet i {horizon}',
                             'The {n} of {total} specialties that grow most: visits in {year} and expected in {horizon}'),
    "dem_specialty_caption_all": ("Alle {total} specialer, størst vækst først: besøg i {year} og forventet i {horizon}",
                                  "All {total} specialties, fastest growth first: visits in {year} and expected in "
                                  "{horizon}"),
    "dem_municipality_caption_all": ("Alle {total} kommuner, størst vækst først: besøg i {year} og forventet i "
                                     "{horizon}",
                                     "All {total} municipalities, fastest growth first: visits in {year} and expected "
                                     "in {horizon}"),
    "dem_base_visits": ("Besøg {year}", "Visits {year}"),
    "dem_horizon_visits": ("Forventet {horizon}", "Expected {horizon}"),
    "dem_growth": ("Vækst (%)", "Growth (%)"),
    "dem_specialty_text": ('Specialerne vokser forskelligt, fordi deres patienter har forskellig alder: {top} vokser mest, {bottom} mindst.',
                          'The specialties grow differently because their patients differ in age: {top} grow the most, {bottom} the least.'),
    "dem_ideas_heading": ("Hvad forandringsidéerne opvejer", "What the change ideas offset"),
    "dem_ideas_text": ("Forandringsidéerne (rapport 03's skøn for hver sektor, der fremskrives) undgår fysiske "
                       "besøg; her vokser deres virkning med besøgene i det speciale, den besøgstype og det hospital, "
                       "de rammer, og den tæller fra det første hele år efter beslutningen {decision} ({first}) "
                       "eller fra idéens eget startår, med {ramp} af fuld virkning det første år. Væksten i fysiske besøg er besøgene gange hver gruppes andel "
                       "fysiske besøg i {year}.",
                       "The change ideas (report 03's estimate for each sector projected) avoid in-person visits; "
                       "here their effect grows with the visits of the specialty, visit type and hospital they touch, "
                       "and it counts from the first whole year after the decision of {decision} ({first}) or the "
                       "idea's own first year, with {ramp} of its full effect in the first year. The growth in in-person visits is the visits times each group's share "
                       "in person in {year}."),
    "dem_ideas_shipped": ("Idéerne og deres andele er projektets illustrative eksempler, ikke regionens egne: "
                          "erstat dem med specialerådenes idéer, før tallene bruges.",
                          "The ideas and their shares are the project's illustrative examples, not the region's "
                          "own: replace them with the specialty councils' ideas before the numbers are used."),
    "dem_ideas_caption": ("Fysiske besøg: vækst og hvad idéerne opvejer", "In-person visits: growth and what the "
                          "ideas offset"),
    "dem_in_person_growth": ('Vækst i fysiske besøg siden {year}',
                            'Growth in in-person visits since {year}'),
    "dem_approved": ("Godkendte idéer", "Approved ideas"),
    "dem_proposed": ("Foreslåede idéer", "Proposed ideas"),
    "dem_net_change": ('Ændring i fysiske besøg siden {year}',
                      'Change in in-person visits since {year}'),
    "dem_net": ("Fysiske besøg efter idéerne", "In-person visits after the ideas"),
    "dem_ideas_sentence": ("I {horizon} undgår idéerne {offset} fysiske besøg (95 %-interval over idéernes usikre "
                           "andele: {low}–{high}) mod en "
                           "vækst på {growth}: de opvejer {share} af væksten.",
                           "In {horizon} the ideas avoid {offset} in-person visits (95% interval over the ideas' "
                           "uncertain shares: {low}–{high}) against "
                           "a growth of {growth}: they offset {share} of the growth."),
    "dem_ideas_more": ('I {horizon} undgår idéerne {offset} fysiske besøg (95 %-interval over idéernes usikre andele: {low}–{high}), mere end væksten på {growth}: det år bliver der {net} færre fysiske besøg end i {year}.',
                      "In {horizon} the ideas avoid {offset} in-person visits (95% interval over the ideas' uncertain "
                      "shares: {low}–{high}), more than the growth of {growth}: that year there are {net} fewer "
                      "in-person visits than in {year}."),
    "dem_ideas_uncertain": ("Idéernes interval rækker under væksten, så det er ikke sikkert, at de opvejer den.",
                            "The ideas' interval reaches below the growth, so it is not certain that they offset it."),
    "dem_ideas_approved": ("Heraf undgår de godkendte idéer {approved}.", "Of these, the approved ideas avoid {approved}."),
    "dem_ideas_none_approved": ("Ingen idé er godkendt endnu: alle tallene hviler på foreslåede idéer.",
                                "No idea is approved yet: all the numbers rest on proposed ideas."),
    "dem_no_ideas": ("Ingen forandringsidé rammer de fremskrevne besøg.", "No change idea touches the projected visits."),
    "dem_staff_heading": ("Personalet", "The staff"),
    "dem_staff_text": ('Væksten kræver flere årsværk, idéerne frigør nogle. Idéer, der flytter et besøg til telefon, video eller skema, undgår et fysisk besøg, men kontakten tager stadig personaletid; derfor frigør de færre årsværk, end de undgåede fysiske besøg alene tilsiger. Nettobehovet er det, væksten kræver, minus det, idéerne frigør. Til sammenligning viser den sidste kolonne, hvor mange stillinger der bliver ledige ved naturlig afgang ({attrition} om året) fra {year} til {horizon}; hver af dem kan regionen vælge ikke at genbesætte, så personalet kan tilpasses uden afskedigelser. Minutter pr. besøg fra personaletabellen.',
                      "The growth needs more full-time positions, the ideas free some. Ideas that move a visit to the phone, video or a questionnaire avoid an in-person visit, but the contact still takes staff time; so they free fewer positions than the in-person visits avoided alone suggest. The net need is what the growth needs less what the ideas free. For comparison, the last column shows how many positions fall vacant by natural attrition ({attrition} a year) from {year} to {horizon}; the region can choose not to fill each of them, so the staff can be adjusted without dismissals. Minutes per visit from the staff table."),
    "dem_staff_caption": ('Årsværk: hvad væksten kræver og idéerne frigør i {horizon}, og stillinger, der bliver ledige ved naturlig afgang frem til {horizon}',
                         'Full-time positions: what the growth needs and the ideas free in {horizon}, and positions falling vacant by natural attrition up to {horizon}'),
    "dem_fte_needed": ("Væksten kræver", "The growth needs"),
    "dem_fte_freed": ("Idéerne frigør", "The ideas free"),
    "dem_fte_net": ("Nettobehov", "Net need"),
    "dem_fte_attrition": ('Ledige ved naturlig afgang til {horizon}',
                         'Vacant by natural attrition to {horizon}'),
    "dem_sens_heading": ("Hvilke antagelser betyder mest", "Which assumptions matter most"),
    "dem_sens_text": ("Hver antagelse sat til sin lave og sin høje værdi, de andre ved midten: besøgene i {horizon}. "
                      "Den øverste flytter tallet mest.",
                      "Each assumption at its low and its high value, the others at the middle: the visits in "
                      "{horizon}. The top one moves the number most."),
    "dem_sens_title": ("Besøg i {horizon} ved hver antagelses yderpunkter", "Visits in {horizon} at each assumption's "
                       "ends"),
    "dem_sens_xlabel": ("Mio. besøg", "Million visits"),
    "dem_sens_caption": ("Antagelserne og deres udfaldsrum", "The assumptions and their ranges"),
    "assumption": ("Antagelse", "Assumption"),
    "dem_range": ("Lav – høj", "Low – high"),
    "dem_variant_low": ("lav variant", "low variant"),
    "dem_variant_high": ("høj variant", "high variant"),
    "dem_at_low": ("Besøg ved lav", "Visits at low"),
    "dem_at_high": ("Besøg ved høj", "Visits at high"),
    "projection_variant": ("Befolkningsfremskrivningen (lav til høj variant)",
                           "The population projection (low to high variant)"),
    "healthy_share": ("Andel af vundne leveår i godt helbred", "Share of years gained in good health"),
    "dem_method": ('Fremskrivning af besøgsrater som i NHS New Hospital Programmes efterspørgselsmodel. Besøgene i {year} pr. borger i hver kommune, aldersgruppe og køn vokser med borgerne. Sund aldring: en andel ({healthy}) af de leveår, der antages vundet om året ({gain} år i aldersgrupperne 60-69, 70-79 og 80+), leves ved godt helbred, så besøgsraterne for de 60-årige og ældre flyttes så mange aldersår ned, aflæst på, hvor stejlt raterne stiger mellem aldersgrupperne; hvor de ikke stiger med alderen, flyttes intet. (Modellen begynder ved 55 år og bruger officielle levetidsfremskrivninger for hver alder og køn; her er gevinsten antaget pr. aldersgruppe fra 60 år, ens for kvinder og mænd.) Anden vækst: {growth} om året i midten. Tallene er regnet med antagelsernes midterværdier, intervallerne med {draws} simuleringer over fremskrivningens variant, andelen ved godt helbred, den anden vækst og den tilfældige variation i basisårets tal (besøg samler sig hos de samme patienter, så tallene svinger mere, end hvis hvert besøg var uafhængigt: {design} gange så meget i varians); idéernes interval over deres andele fra lav til høj. Hver gruppes andel fysiske besøg er som i {year}.',
                  "A projection of visit rates as in the NHS New Hospital Programme's demand model. The visits in {year} per resident in each municipality, age band and sex grow with the residents. Healthy ageing: a share ({healthy}) of the years of life assumed gained a year ({gain} years at 60-69, 70-79 and 80+) are lived in good health, so the visit rates of those aged 60 and over move down by as many years of age, read on how steeply the rates rise between the age bands; where they do not rise with age, nothing moves. (The model starts at 55 and uses official life-expectancy projections for each age and sex; here the gain is assumed for each age band from 60, the same for women and men.) Other growth: {growth} a year in the middle. The numbers are worked out at the assumptions' middle values, the intervals with {draws} simulations over the projection's variant, the share in good health, the other growth and the chance variation of the base year's counts (visits cluster within the same patients, so the counts vary more than if each visit were independent: {design} times as much in variance); the ideas' interval over their shares from low to high. Each group's share of in-person visits is as in {year}."),
    "dem_projection_default": ("Befolkningsfremskrivningen er projektets illustrative (se referencetabellerne "
                               "nederst): erstat den med Danmarks Statistiks kommunale befolkningsfremskrivning, "
                               "summeret til aldersgrupperne, før tallene bruges.",
                               "The population projection is the project's illustrative one (see the reference tables "
                               "below): replace it with Statistics Denmark's municipal population projection, summed to "
                               "the age bands, before the numbers are used."),
    "ref_projection": ("befolkningsfremskrivning", "population projection"),
    "dem_projection_file": ("Befolkningsfremskrivningen er regionens egen (se parametrene nederst).",
                            "The population projection is the region's own (see the parameters below)."),
}
