"""Labels of report 08, pathways (reporting/pathways_report.py, analyses/pathways.py): key -> (Danish,
English), merged into analysis.base.labels.LABELS, where every report looks them up (labels.t)."""

LABELS: dict[str, tuple[str, str]] = {
    # 08 pathways
    "pw_title": ("Forløb: kontroller efter kalender eller behov", "Pathways: follow-ups by the calendar or by need"),
    "pw_subtitle": ("Faste kontrolintervaller, patientgrupper, akutte besøg og henvisninger, {year}",
                    "Fixed follow-up intervals, patient segments, acute visits and referrals, {year}"),
    "pw_intro": ("Fra automatik til behovsstyret opfølgning: hvor ligger kontrollerne med faste mellemrum (hver 3., 6. "
                 "eller 12. måned), som tyder på, at de bookes efter kalenderen og ikke efter behov? Hvilke patienter "
                 "bruger ambulatoriet hvordan, hvor mange besøg er akutte, og hvor mange henviste patienter ses kun "
                 "én gang? Tallene er for {year}, {sectors}.",
                 "From automatic to need-based follow-up: where are follow-ups spaced at fixed intervals (every 3, 6 "
                 "or 12 months), suggesting they are booked by the calendar rather than by need? Which patients use "
                 "outpatient care in which way, how many visits are acute, and how many referred patients are seen "
                 "only once? The figures are for {year}, {sectors}."),
    "pw_needs_visit_level": ("Kontrolintervaller, lange stabile forløb, patientgrupper og patienter set én gang "
                             "kræver data med én række pr. besøg (patient-id og besøgsdato), og inddata {reason}. "
                             "Rapporten viser det, de samlede tal giver: akutandelen og henvisningerne, hvis "
                             "udtrækket har dem.",
                             "Follow-up intervals, long stable series, patient segments and patients seen once "
                             "need data with one row per visit (patient id and visit date), and the input data "
                             "{reason}. The report shows what the totals allow: the acute share and the referrals, "
                             "where the extract has them."),
    "pw_needs_priority": ("Akutandelen kræver en kolonne med prioritet (akut eller planlagt) pr. besøg, og inddata "
                          "har ingen.",
                          "The acute share needs a priority column (acute or planned) on the visits, and the input "
                          "data have none."),
    "pw_needs_referral": ("Henvisningerne kræver en kolonne med henvisningsinstans pr. besøg, og inddata har ingen.",
                          "The referrals need a referral source column on the visits, and the input data have none."),
    "pw_kpi_calendar": ("kontrolintervaller på ca. 3, 6 eller 12 måneder (uden kalenderbooking ventes {chance})",
                        "follow-up intervals at about 3, 6 or 12 months ({chance} expected without calendar booking)"),
    "pw_kpi_beyond": ("af alle intervaller: kalenderagtige ud over det forventede uden kalenderbooking, enhed for enhed",
                      "of all intervals: calendar-like beyond those expected without calendar booking, unit by unit"),
    # a count's card names the count ("antal ..."), so it reads the same under 1 as under 12
    "pw_kpi_high": ("antal enheder (hospital og speciale) klart over den øvre grænse (99,8 %)",
                    "number of units (hospital and specialty) clearly above the upper limit (99.8%)"),
    "pw_kpi_stable": ("lange stabile forløb, aktivitetsværdi pr. år", "long stable series, tariff value a year"),
    "pw_kpi_acute": ("akutte besøg", "acute visits"),
    "pw_calendar": ("Kontroller efter kalenderen", "Follow-ups by the calendar"),
    "pw_calendar_text": ("For hver patient er afstanden mellem to kontroller i samme hospital og speciale talt i dage "
                         "(hvad der end ligger imellem: en blodprøve før hver kontrol hører til mønstret). Et interval "
                         "er kalenderagtigt, når det ligger inden for {tolerance} dage af {targets} dage. I hele "
                         "regionen er {share} af {intervals} intervaller kalenderagtige; forventet uden kalenderbooking "
                         "er {chance} (en jævn kurve gennem det, vinduerne på {shift} dage fanger, flyttet én og to gange deres "
                         "bredde frem og tilbage). "
                         "Specialerne booker forskelligt (en øjenafdeling kan se sine patienter hvert halve år med "
                         "vilje), så figuren måler hvert hospital og speciale mod det, dets egne intervaller og "
                         "specialets vane på sine andre hospitaler giver: de intervaller, der forventes i vinduerne "
                         "uden kalenderbooking, gange hvor mange flere specialet har i vinduerne dér. Jo færre "
                         "intervaller enheden og dens speciale har, jo bredere grænser; de udvides yderligere, hvis "
                         "enhederne varierer mere end tilfældigt.",
                         "For each patient the time between two follow-ups in the same hospital and specialty is "
                         "counted in days (whatever lies between them: a blood test before each follow-up is part of the "
                         "pattern). An interval is calendar-like when it lies within {tolerance} days of {targets} days. "
                         "Across the region {share} of {intervals} intervals are calendar-like; expected without "
                         "booking by the calendar: {chance} (a smooth curve through what the windows of {shift} days catch "
                         "moved once and twice their width earlier and later). Specialties book differently (an eye clinic may see its patients every "
                         "six months by design), so the figure measures each hospital and specialty against what its "
                         "own intervals and its specialty's habit at its other hospitals give: the intervals "
                         "expected in the windows without calendar booking, times how many more the specialty has in "
                         "the windows there. The fewer intervals the unit and its specialty have, the wider the "
                         "limits; they are widened further if units differ by more than chance."),
    "pw_chart_calendar": ("Kalenderagtige kontrolintervaller mod det forventede, pr. hospital og speciale",
                          "Calendar-like follow-up intervals against the expected, by hospital and specialty"),
    "pw_chart_calendar_x": ("Forventede kalenderagtige intervaller, effektivt antal med normens usikkerhed "
                            "(logaritmisk akse)",
                            "Calendar-like intervals expected, effective number with the norm's uncertainty (log scale)"),
    "pw_chart_calendar_y": ("Faktiske i forhold til forventede ud fra specialet",
                            "Observed relative to expected from the specialty"),
    "pw_calendar_how": ("Hvert punkt er et hospital og et speciale. 2 betyder dobbelt så mange kalenderagtige "
                        "intervaller som forventet ud fra enhedens egne intervaller og specialets vane. Jo flere intervaller, jo "
                        "længere til højre og jo snævrere grænser. Punkter over den fuldt optrukne linje (99,8 %) ligger "
                        "klart over det forventede, over den stiplede (95 %) muligvis; de er navngivet. {low_998:E} og "
                        "{low_95:e} punkter ligger under grænserne: færre kalenderagtige intervaller end forventet. "
                        "Det forventede bygger på enhedens egne intervaller i de flyttede vinduer, så det kan ligge "
                        "under andelen uden kalenderbooking, når specialet på de andre hospitaler har færre i vinduerne "
                        "end det tilfældige.",
                        "Each point is a hospital and a specialty. 2 means twice the calendar-like intervals expected "
                        "from the unit's own intervals and its specialty's habit. The more intervals, the further right and "
                        "the narrower the limits. Points above the solid line (99.8%) lie clearly above the "
                        "expected, above the dashed line (95%) possibly; they are named. {low_998:E} and "
                        "{low_95} points lie below the limits: fewer calendar-like intervals than expected. The "
                        "expected rests on the unit's own intervals in the moved windows, so it can lie below the "
                        "share without calendar booking where the specialty has fewer in the windows at the other "
                        "hospitals than chance gives."),
    "pw_calendar_03": ("En idé i reduktionspotentialet (03), der måles på kalenderbookede kontroller (som PRO-baseret "
                       "opfølgning), tager sin andel af de kalenderagtige kontroller ud over dem, der forventes uden "
                       "kalenderbooking, enhed for enhed, hvor overskuddet er mere end tilfældigt (95 %, én side): i hele regionen "
                       "{beyond} af intervallerne. De lange, stabile "
                       "forløb nedenfor er et snævrere udvalg og ikke det, 03 regner med.",
                       "An idea in the reduction potential (03) measured on calendar-booked follow-ups (such as "
                       "PRO-based follow-up) takes its share of the calendar-like follow-ups beyond those expected "
                       "without calendar booking, unit by unit, where the excess is more than chance (95%, one side): across the "
                       "region {beyond} of the intervals. The long "
                       "stable series below are a narrower selection and not what 03 counts on."),
    "pw_calendar_high": ("{unit} har {share} kalenderagtige kontrolintervaller ({intervals} intervaller), hvor "
                         "vanen i {specialty} på regionens andre hospitaler ({norm} dér) giver {expected} forventet og "
                         "{chance} forventes uden kalenderbooking: klart over den øvre grænse. Her bookes kontrollerne sandsynligvis efter "
                         "kalenderen; det er et sted at spørge, om de kunne styres af behov.",
                         "{unit} has {share} calendar-like follow-up intervals ({intervals} intervals), where the "
                         "habit of {specialty} at the region's other hospitals ({norm} there) gives {expected} expected and "
                         "{chance} are expected without booking by the calendar: clearly above the upper limit. Follow-ups here are probably "
                         "booked by the calendar; a place to ask whether need could steer them."),
    "pw_calendar_alone": ("Intet andet hospital i specialet at sammenligne med, derfor ikke i figuren: {units}.",
                          "No other hospital in the specialty to compare with, so not in the figure: {units}."),
    "pw_calendar_possibly": ("Muligvis over grænsen (95 %): {units}. Blandt {n} enheder ventes omkring {chance} over "
                             "95 %-grænsen af tilfældigheder alene, så de er et spørgsmål, ikke et fund.",
                             "Possibly above the limit (95%): {units}. Among {n} units about {chance} are expected "
                             "above the 95% limit by chance alone, so they are a question, not a finding."),
    "pw_calendar_none": ("Intet hospital og speciale ligger over den øvre grænse.",
                         "No hospital and specialty lies above the upper limit."),
    "pw_calendar_caption": ("Enheder klart (99,8 %) eller muligvis (95 %) over den øvre grænse, {year}",
                            "Units clearly (99.8%) or possibly (95%) above the upper limit, {year}"),
    "pw_unit": ("Enhed", "Unit"),
    "pw_intervals": ("Intervaller", "Intervals"),
    "pw_calendar_like": ("Kalenderagtige", "Calendar-like"),
    "pw_calendar_share": ("Andel kalenderagtige", "Calendar-like share"),
    "pw_chance_share": ("Forventet uden kalenderbooking", "Expected without calendar booking"),
    "pw_expected_share": ("Forventet ud fra specialet", "Expected from the specialty"),
    "pw_habit_lead": ("Et speciale, der booker efter kalenderen på de fleste af sine hospitaler, ligger på sin egen "
                      "norm og ses derfor ikke i figuren; det ses her, hvor specialets andel på regionens hospitaler "
                      "står mod den, der forventes uden kalenderbooking, og hvor mange af dets hospitaler der ligger "
                      "over deres egen forventede andel.",
                      "A specialty that books by the calendar at most of its hospitals sits at its own norm and so "
                      "does not show in the figure; it shows here, where the specialty's share at the region's "
                      "hospitals stands against the share expected without calendar booking, with how many of its "
                      "hospitals lie above their own expected share."),
    "pw_habit_text": ("Højest ud over det forventede, på de fleste af sine hospitaler, ligger {specialty}: {share} "
                      "kalenderagtige mod {chance} forventet, over det forventede på {above} af {hospitals} hospitaler.",
                      "Furthest beyond the expected, at most of its hospitals, lies {specialty}: {share} calendar-like "
                      "against {chance} expected, above the expected at {above} of {hospitals} hospitals."),
    "pw_of": ("{k} af {n}", "{k} of {n}"),
    "pw_hospitals_above": ("Hospitaler over forventet", "Hospitals above the expected"),
    "pw_habit_caption": ("Specialerne længst over det forventede uden kalenderbooking, {year}",
                         "The specialties furthest above the expected without calendar booking, {year}"),
    "pw_beyond_share": ("Ud over forventet", "Beyond the expected"),
    "pw_level": ("Niveau", "Level"),
    "pw_stable": ("Kandidater til patientrapporteret eller patientinitieret opfølgning",
                  "Candidates for patient-reported or patient-initiated follow-up"),
    "pw_stable_text": ("Et langt, stabilt forløb er mindst {n} kontroller over mindst {months} måneder uden andre "
                       "besøg imellem end prøvetagning (en udredning, behandling eller et mindre indgreb kan betyde, "
                       "at behovet har ændret sig), med mindst {share} af intervallerne kalenderagtige. Sådanne patienter er "
                       "oplagte kandidater til opfølgning på patientens initiativ eller med spørgeskema (PRO, som "
                       "AmbuFlex). Kontroller om året er det antal, forløbene booker; kronerne er kørslens priser for "
                       "en fremmødekontrol i specialet ({year}).",
                       "A long stable series is at least {n} follow-ups over at least {months} months with no other "
                       "visits in between but samples (an assessment, treatment or minor procedure may mean the need "
                       "has changed), at least {share} of its intervals calendar-like. Such patients are "
                       "obvious candidates for patient-initiated follow-up or a questionnaire (PRO, as AmbuFlex). "
                       "Follow-ups a year is what the series book; the kroner are the run's prices of an in-person "
                       "follow-up in the specialty ({year})."),
    "pw_stable_total": ("I alt {patients} patienter i {units} enheder med {follow_ups} kontroller om året, {dkk} om "
                        "året.",
                        "In all {patients} patients in {units} units with {follow_ups} follow-ups a year, {dkk} a "
                        "year."),
    "pw_stable_short": ("Data dækker {months} måneder, kortere end de {min_months} måneder, et langt forløb skal "
                        "strække sig over; derfor kan ingen forløb findes her.",
                        "The data cover {months} months, shorter than the {min_months} months a long series must "
                        "span; so none can be found here."),
    "pw_stable_none": ("Ingen lange, stabile forløb med disse regler.", "No long stable series by these rules."),
    "pw_stable_caption": ("Lange, stabile forløb pr. hospital og speciale med mindst 5 patienter (største først)",
                          "Long stable series by hospital and specialty with at least 5 patients (largest first)"),
    "pw_series": ("Forløb", "Series"),
    "pw_follow_ups": ("Kontroller", "Follow-ups"),
    "pw_follow_ups_a_year": ("Kontroller om året", "Follow-ups a year"),
    "pw_dkk_per_follow_up": ("Takst pr. kontrol (kr.)", "Tariff per follow-up (DKK)"),
    "pw_dkk_a_year": ("Aktivitetsværdi, kr. om året", "Tariff value, DKK a year"),
    "pw_segments": ("Patientgrupper", "Patient segments"),
    "pw_segments_text": ("Hver patient med besøg i {year} hører til én gruppe, den første der passer (alle hospitaler "
                         "og specialer tilsammen), og til det hospital, hvor de fleste af patientens besøg var:",
                         "Each patient with visits in {year} belongs to one segment, the first that fits (all "
                         "hospitals and specialties together), and to the hospital of most of the patient's visits:"),
    "pw_seg_rule_high_user": ("**Storbrugere**: mindst {high_visits} besøg eller besøg i mindst {high_specialties} "
                              "specialer.",
                              "**High users**: at least {high_visits} visits, or visits in at least "
                              "{high_specialties} specialties."),
    "pw_seg_rule_long_term_follow_up": ("**Langvarig kontrol**: første til sidste besøg mindst {long_months} måneder, "
                                        "og mindst {long_follow_up_share} af besøgene kontroller.",
                                        "**Long-term follow-up**: first to last visit at least {long_months} months "
                                        "apart, and at least {long_follow_up_share} of the visits follow-ups."),
    "pw_seg_rule_short_course": ("**Kort forløb**: {short_min_visits} til {short_max_visits} besøg i ét speciale "
                                 "inden for {short_months} måneder.",
                                 "**Short course**: {short_min_visits} to {short_max_visits} visits in one specialty "
                                 "within {short_months} months."),
    "pw_seg_rule_one_off": ("**Enkeltbesøg**: {one_off_visits} besøg.", "**One-off**: {one_off_visits} visit."),
    "pw_seg_rule_other": ("**Øvrige**: resten.", "**Other**: the rest."),
    "pw_segments_caption": ("Patientgrupper pr. hospital, {year} (kroner: gruppens besøg på alle hospitaler, prissat som i "
                            "resten af rapporten)",
                            "Patient segments by hospital, {year} (kroner: the segment's visits at every hospital, "
                            "priced as in the rest of the report)"),
    "pw_segment": ("Gruppe", "Segment"),
    "pw_seg_high_user": ("Storbrugere", "High users"),
    "pw_seg_long_term_follow_up": ("Langvarig kontrol", "Long-term follow-up"),
    "pw_seg_short_course": ("Kort forløb", "Short course"),
    "pw_seg_one_off": ("Enkeltbesøg", "One-off"),
    "pw_seg_other": ("Øvrige", "Other"),
    "pw_share_of_patients": ("Andel af patienter", "Share of patients"),
    "pw_share_of_visits": ("Andel af besøg", "Share of visits"),
    "pw_share_of_dkk": ("Andel af aktivitetsværdien", "Share of the tariff value"),
    "pw_follow_up_share": ("Kontrolandel", "Follow-up share"),
    "pw_acute": ("Akutte ambulante besøg", "Acute outpatient visits"),
    "pw_acute_text": ("I {year} var {share} af besøgene ({sectors}) akutte. Tabellen viser de hospitaler og specialer "
                      "med den største akutandel (mindst {min} besøg).",
                      "In {year} {share} of the visits ({sectors}) were acute. The table shows the hospitals and "
                      "specialties with the highest acute share (at least {min} visits)."),
    "pw_acute_highest": ("Størst er akutandelen i {unit}: {share} af {visits} besøg, mod {region} i regionen.",
                         "The acute share is highest at {unit}: {share} of {visits} visits, against {region} in the "
                         "region."),
    "pw_acute_hidden": ("Størst er akutandelen i {unit}; tallene er skjult, da de ellers ville afsløre små tal i "
                        "tabellen.",
                        "The acute share is highest at {unit}; its numbers are hidden, as they would give away "
                        "small numbers in the table."),
    "pw_acute_highest_shown": ("Blandt de viste er akutandelen størst i {unit}: {share} af {visits} besøg, mod "
                               "{region} i regionen.",
                               "Of those shown, the acute share is highest at {unit}: {share} of {visits} visits, "
                               "against {region} in the region."),
    "pw_acute_caption": ("Størst akutandel pr. hospital og speciale, {year}",
                         "Highest acute share by hospital and specialty, {year}"),
    "pw_acute_trend_caption": ("Akutandel pr. år", "Acute share by year"),
    "pw_chart_acute": ("Akutandel pr. år", "Acute share by year"),
    "pw_acute_visits": ("Akutte besøg", "Acute visits"),
    "pw_acute_share": ("Akutandel", "Acute share"),
    "pw_region": ("Regionen", "Region"),
    "pw_referral": ("Henvisninger", "Referrals"),
    "pw_referral_text": ("Førstegangsbesøg (udredning) i {year} efter henvisningsinstans, pr. speciale.",
                         "First visits (assessment) in {year} by referral source, by specialty."),
    "pw_referral_caption": ("Førstegangsbesøg efter henvisningsinstans, {year}", "First visits by referral source, {year}"),
    "pw_first_visits": ("Førstegangsbesøg", "First visits"),
    "pw_src_-": ("Ikke angivet", "Not given"),
    "pw_seen_once_text": ("Et spørgsmål til gennemgangen af henvisningernes værdi, ikke en dom: hvor mange henviste "
                          "patienter ses én gang og ikke igen i samme hospital og speciale inden for {days} dage? Et "
                          "enkelt besøg kan være det rigtige svar (afklaring, råd, en plan til egen læge); en høj "
                          "andel fra én henvisningsinstans er et sted at spørge, om henvisningen kunne være klaret "
                          "på anden vis. Kun hospital, speciale og henvisningsinstans med mindst {min} "
                          "førstegangsbesøg er med.",
                          "A question for the review of referral value, not a verdict: how many referred patients "
                          "are seen once and not again in the same hospital and specialty within {days} days? A single "
                          "visit can be the right answer (clarification, advice, a plan for the GP); a high share from "
                          "one referral source is a place to ask whether the referral could have been handled "
                          "another way. Only hospital, specialty and referral source with at least {min} first "
                          "visits are included."),
    "pw_seen_once_caption": ("Henviste patienter set én gang, pr. hospital, speciale og henvisningsinstans, {year}",
                             "Referred patients seen once, by specialty and referral source, {year}"),
    "pw_seen_once": ("Set én gang", "Seen once"),
    "pw_seen_once_share": ("Andel set én gang", "Share seen once"),
    "pw_seen_once_none": ("Om en henvist patient kun ses én gang, kan først afgøres {days} dage efter "
                          "førstegangsbesøget, og data rækker ikke så langt efter nogen af førstegangsbesøgene i {year} "
                          "med mindst {min} besøg pr. hospital, speciale og henvisningsinstans. Vælg et tidligere år i "
                          "kørselsfilen, eller en kortere periode for »set én gang«.",
                          "Whether a referred patient is seen only once can be told {days} days after the first visit, "
                          "and the data do not reach that far after any of the first visits of {year} with at least "
                          "{min} per hospital, specialty and referral source. Choose an earlier year in the "
                          "run file, or a shorter window for “seen once”."),
    "pw_method": ("Intervallerne tælles pr. patient, hospital og speciale mellem kontroldage (flere besøg samme dag er "
                  "én dag), hvad der end ligger imellem, for intervaller, der slutter i {year}. Andelen forventet uden "
                  "kalenderbooking læses af en parabel gennem det, de samme vinduer fanger, flyttet én og to gange deres "
                  "egen bredde frem og tilbage (mindste kvadraters metode; eksakt for en jævnt krummende fordeling "
                  "af intervallerne, hvor middelværdien af de to nærmeste overvurderer, hvor korte intervaller er "
                  "mange). Hver "
                  "enhed sammenlignes med sit speciale på de andre hospitaler (forventet = enhedens intervaller i de "
                  "flyttede vinduer gange specialets kalenderagtige over dets intervaller i de flyttede vinduer på "
                  "de andre hospitaler; har enheden under 5 intervaller i de flyttede vinduer, dens intervaller gange "
                  "specialets andel dér); en enhed klart over sin norm alene ved tilfældighed tages først ud af de "
                  "andres norm. Tragten er et forhold mellem tællinger (Spiegelhalter 2005) på logaritmisk skala: "
                  "variansen rummer både de faktiske intervaller og dem, normen bygger på (enhedens egne i de "
                  "flyttede vinduer og de andre hospitalers). En patients intervaller tæller med designeffekten "
                  "1 + ρ(m − 1), m patienternes vægtede antal intervaller (Kish); ρ = {rho} er skønnet, så "
                  "enhedernes robuste spredning om normen svarer til tilfældig variation (et momentestimat; "
                  "simuleret på klumpede data uden kalenderbooking flagges 1,5–2,5 % af enhederne over 95 %-grænsen "
                  "og højst 0,1 % over 99,8 %). ρ tager også forskelle mellem enhederne, der ikke skyldes patienternes "
                  "gentagne intervaller, som spredning; grænserne bliver da bredere, ikke smallere. Tragtgrænserne er "
                  "sat derefter, med φ målt robust (medianen af |z|), så en enhed langt over sin norm ikke udvider "
                  "sine egne grænser{widened}. Intervaller på omkring 12 måneder, der slutter tidligt i {year}, kan være "
                  "begyndt før data: vinduerne flyttet efter 365 dage får da færre, og det forventede ved 12 "
                  "måneder bliver lidt for lavt; sammenligningen med specialets andre hospitaler har samme skævhed. Lange forløb tælles over hele perioden og kan begynde "
                  "før {year}.",
                  "Intervals are counted per patient, hospital and specialty between follow-up days (several visits "
                  "on one day are one day), whatever lies between them, for intervals ending in {year}. The share "
                  "expected without calendar booking is read off a parabola through what the same windows catch moved "
                  "once and twice their own width earlier and later (least squares; exact for a smoothly bending "
                  "distribution of intervals, where the mean of the two nearest overstates it where short "
                  "intervals are many). Each unit is compared with its specialty at the other hospitals (expected = the "
                  "unit's intervals in the moved windows times the specialty's calendar-like over its intervals in "
                  "the moved windows at the other hospitals; where the unit has fewer than 5 intervals in the moved "
                  "windows, its intervals times the specialty's share there); a unit clearly above its norm by "
                  "chance alone is first taken out of the others' norm. The funnel is a ratio of counts (Spiegelhalter 2005) on "
                  "the log scale: its variance holds both the observed intervals and those the norm rests on (the "
                  "unit's own in the moved windows and the other hospitals'). A patient's intervals count with the "
                  "design effect 1 + ρ(m − 1), m the patients' weighted number of intervals (Kish); ρ = {rho} is "
                  "estimated so that the units' robust spread around their norms matches chance (a method of "
                  "moments; simulated on clustered data without calendar booking, 1.5–2.5% of units are flagged "
                  "above the 95% limit and at most 0.1% above the 99.8% limit). ρ also takes differences between units "
                  "that do not come from patients' repeated intervals as spread; the limits then become wider, not "
                  "narrower. The funnel limits are set accordingly, with φ measured robustly (the median |z|), so a "
                  "unit far above its norm does not widen its own limits{widened}. Intervals of about 12 months that end "
                  "early in {year} may have begun before the data: the windows moved beyond 365 days then hold "
                  "fewer, and the expected at 12 months comes out a little low; the comparison with the specialty's "
                  "other hospitals shares the bias. Long series are counted over the "
                  "whole period and may start before {year}."),
    # 08: the right level of specialisation
    "pw_spec": ("Rette specialiseringsniveau", "The right level of specialisation"),
    "pw_spec_text": ("Kontroller på {university} i {year} hos patienter, hvis diagnosegruppe hører til på basisniveau. "
                     "Bor patienten i et andet hospitals område (det hospital, kommunens borgere bruger mest), og har "
                     "det hospital specialet, kunne kontrollen ske **tættere på hjemmet**; den prissættes med "
                     "takstforskellen mellem universitetshospitalets niveau og hjemhospitalets (med takstfilen sparer "
                     "en fremmødekontrol flyttet til basisniveau {diff}; til regionsniveau forskellen mellem de to "
                     "niveauers takster). De øvrige, patienter fra universitetshospitalets eget område "
                     "eller fra et område, hvis hospital ikke har specialet, er kandidater til **fælles forløb med "
                     "almen praksis**, prissat {shared}. Beløbene "
                     "er værdien, hvis alle flyttede: kandidater, ikke en besparelse. Specialerådene afgør, hvilke "
                     "der kan flytte.",
                     "Follow-ups at {university} in {year} of patients whose diagnosis group belongs at the basic "
                     "level. Where the patient lives in another hospital's area (the hospital the municipality's "
                     "residents use most) and that hospital holds the specialty, the follow-up could take place "
                     "**closer to home**; it is priced by the tariff difference between the university hospital's "
                     "level and the home hospital's (with the tariff file, an in-person follow-up moved to the basic "
                     "level saves {diff}; to the regional level, the difference between the two levels' tariffs). "
                     "The rest, patients from the university hospital's own area or from an area whose hospital "
                     "does not hold the specialty, are candidates for **shared care with general practice**, priced "
                     "{shared}. The amounts are the value if "
                     "all of them moved: candidates, not a saving. The specialty councils decide which can move."),
    "pw_spec_shared_free": ("til universitetshospitalets takst (almen praksis betales af praksissektorens eget budget)",
                            "at the university hospital's tariff (general practice is paid from the practice "
                            "sector's own budget)"),
    "pw_spec_shared_cost": ("som universitetshospitalets takst minus {dkk} pr. kontrol i fælles forløb",
                            "as the university hospital's tariff less {dkk} a follow-up in shared care"),
    "pw_spec_tables": ("Hvilket niveau hvert hospital har hvert speciale på, står i specialiseringstabellen; hvilket "
                       "niveau hver diagnosegruppe hører til på, i diagnosetabellen (filerne står under Om kørslen "
                       "nederst på siden).",
                       "The level at which each hospital holds each specialty is in the specialisation table; the "
                       "level each diagnosis group belongs at, in the diagnosis table (the files are named under "
                       "About this run at the foot of the page)."),
    "pw_spec_illustrative": ("Tabellerne er illustrative, indtil regionen erstatter dem med sin specialeplan og "
                             "specialerådenes vurdering.",
                             "The tables are illustrative until the region replaces them with its specialty plan "
                             "and the specialty councils' judgement."),
    "pw_spec_needs_diagnosis": ("Rette specialiseringsniveau kræver en kolonne med diagnosegruppe pr. besøg, og "
                                "inddata har ingen.",
                                "The right level of specialisation needs a diagnosis group column on each visit, "
                                "and the input has none."),
    "pw_spec_needs_municipality": ("Inddata har ingen bopælskommune, så det kan ikke ses, hvor patienterne bor: alle "
                                   "kontroller på basisniveau regnes som kandidater til fælles forløb.",
                                   "The input has no municipality of residence, so where patients live cannot be "
                                   "seen: every basic-level follow-up counts as a candidate for shared care."),
    "pw_spec_no_university": ("Specialiseringstabellen har intet hospital på højt specialiseret niveau, og "
                              "kørslen udpeger intet universitetshospital, så der er intet universitetshospital at se "
                              "på.",
                              "The specialisation table has no hospital at the highly specialised level "
                              "and the run names no university hospital, so there is no university hospital "
                              "to look at."),
    "pw_spec_none_listed": ("Ingen af kontrollerne på {university} i {year} har en diagnosegruppe, som "
                            "diagnosetabellen giver et niveau. Grupperne skal stå i tabellen med samme navn "
                            "og speciale som i data; i data er fx: {examples}.",
                            "None of the follow-ups at {university} in {year} has a diagnosis group that the "
                            "diagnosis table gives a level. The groups must be in the table with the same "
                            "name and specialty as in the data; the data have, for example: {examples}."),
    "pw_kpi_basic": ("antal kontroller på basisniveau på universitetshospitalet",
                     "number of basic-level follow-ups at the university hospital"),
    "pw_chart_spec": ("Basisniveau blandt patienter fra andre områder", "Basic level among patients from other areas"),
    "pw_chart_spec_x": ("Kontroller på {university} af patienter fra andre områder (logaritmisk akse)",
                        "Follow-ups at {university} of patients from other areas (log scale)"),
    "pw_chart_spec_y": ("Andel på basisniveau", "Basic-level share"),
    "pw_spec_how": ("Hvert punkt er et speciale på universitetshospitalet. Det viser, hvor stor en del af "
                    "kontrollerne hos patienter fra andre hospitalers områder der er på basisniveau. Patienter fra "
                    "andre områder er normalt henvist for det specialiserede; et speciale over den øvre grænse "
                    "beholder patienter på basisniveau, som de andre specialer sender hjem.",
                    "Each point is a specialty at the university hospital. It shows the part of the follow-ups of "
                    "patients from other hospitals' areas that is at the basic level. Patients from other areas are "
                    "usually referred for specialised care; a specialty above the upper limit keeps basic-level "
                    "patients that the other specialties send home."),
    "pw_spec_high": ("{specialty}: {share} af kontrollerne hos patienter fra andre hospitalers områder er på "
                     "basisniveau, mod {target} i universitetshospitalets specialer samlet ({n} kontroller). Her "
                     "bliver patienter på basisniveau tilsyneladende i kontrol på universitetshospitalet i stedet "
                     "for tæt på hjemmet.",
                     "{specialty}: {share} of the follow-ups of patients from other hospitals' areas are at the basic "
                     "level, against {target} over the university hospital's specialties ({n} follow-ups). Here, "
                     "basic-level patients seem to stay in follow-up at the university hospital instead of close "
                     "to home."),
    "pw_spec_none_high": ("Intet speciale ligger over den øvre grænse. Højest er {specialty} med {share} mod {target} "
                          "({n} kontroller). Med kun {units} specialer at sammenligne er grænserne brede, så en "
                          "forskel kan være reel uden at nå over dem.",
                          "No specialty lies above the upper limit. Highest is {specialty} with {share} against "
                          "{target} ({n} follow-ups). With only {units} specialties to compare, the limits are wide, "
                          "so a difference can be real without crossing them."),
    "pw_spec_total": ("I alt {basic} kontroller på basisniveau i {year} (alle kontaktformer; idéen i rapport 03 flytter "
                      "kun fremmødekontroller): {closer} kunne ske tættere på patientens hjem (takstforskel "
                      "{dkk_closer} om året, hvis alle flyttede), og {shared} er kandidater til fælles forløb med "
                      "almen praksis (værdi {dkk_shared} om året). Kronerne er takstfilens priser pr. niveau, ikke "
                      "regionens egne priser, som intet niveau har.",
                      "In all {basic} basic-level follow-ups in {year} (every contact mode; the idea in report 03 "
                      "moves in-person follow-ups only): {closer} could take place closer to the patient's home "
                      "(tariff difference {dkk_closer} a year if all moved), and {shared} are candidates for shared "
                      "care with general practice (value {dkk_shared} a year). The kroner are the tariff file's "
                      "prices by level, not the region's own prices, which have no level."),
    "pw_spec_caption": ("Kontroller på basisniveau på {university} pr. speciale, {year}",
                        "Basic-level follow-ups at {university} by specialty, {year}"),
    "pw_spec_follow_ups": ("Kontroller", "Follow-ups"),
    "pw_spec_basic": ("På basisniveau", "Basic level"),
    "pw_spec_basic_share": ("Andel på basisniveau", "Basic-level share"),
    "pw_spec_closer": ("Tættere på hjemmet", "Closer to home"),
    "pw_spec_dkk_closer": ("Takstforskel (aktivitetsværdi), kr. om året", "Tariff difference (tariff value), DKK a year"),
    "pw_spec_shared": ("Fælles forløb", "Shared care"),
    "pw_spec_dkk_shared": ("Aktivitetsværdi, kr. om året", "Tariff value, DKK a year"),
    "pw_money": ("Kronerne i denne rapport er **aktivitetsværdi**: besøgene til takst, det vil sige kapacitet, ikke "
                 "kroner i kassen, og ikke en besparelse. Hvad en forandringsidé bygget på dem giver i "
                 "**budgetvirkning**, og hvor stor en del af kandidaterne den regner med at nå, står i "
                 "reduktionspotentialet (03).",
                 "The kroner in this report are **tariff value**: the visits at the tariff, that is capacity, not "
                 "cash, and not a saving. What a change idea built on them gives as **budget effect**, and how many "
                 "of the candidates it counts on reaching, is in the reduction potential (03)."),
    "pw_spec_from_other_areas": ("Fra andre områder", "From other areas"),
}
