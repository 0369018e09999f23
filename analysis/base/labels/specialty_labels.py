"""Labels of report 10, a specialty's review pack (reporting/specialty_report.py and
analyses/specialty.py): key -> (Danish, English), merged into analysis.base.labels.LABELS."""

LABELS: dict[str, tuple[str, str]] = {
    "sp_title": ("Speciale", "Specialty"),
    "sp_subtitle": ("Gennemgang for specialerådet – {year}, {sector}", "Review for the specialty council – {year}, {sector}"),
    "sp_absent": ("Specialet har ingen besøg i {year}.", "The specialty has no visits in {year}."),
    "sp_kpi_hospitals": ("Hospitaler med specialet", "Hospitals with the specialty"),
    "sp_kpi_potential": ("Idéernes budgetvirkning pr. år", "The ideas' budget effect a year"),
    "sp_kpi_realised": ("Budgetvirkning siden beslutningen (95 %-interval)",
                        "Budget effect since the decision (95% interval)"),
    "sp_intro": ("Pakken samler, hvad rapporterne finder for dette speciale på tværs af regionens hospitaler: "
                 "aktivitet og sammensætning, variation, kontroller efter kalenderen, retningslinjen, "
                 "forandringsidéernes potentiale og det realiserede siden beslutningen. Spørgsmålene til sidst "
                 "bygger kun på specialets egne fund og er et udgangspunkt for rådets møde.",
                 "The pack gathers what the reports find for this specialty across the region's hospitals: "
                 "activity and mix, variation, follow-ups booked by the calendar, the guideline, the change ideas' "
                 "potential and what has been realised since the decision. The questions at the end rest on the "
                 "specialty's own findings only and are a starting point for the council's meeting."),
    "sp_volume": ("Aktivitet pr. hospital", "Activity by hospital"),
    "sp_by_hospital": ("Besøg pr. hospital, {year}", "Visits by hospital, {year}"),
    "sp_mix_caption": ("Besøg, andel af specialet, andel kontroller og andel fremmøder pr. hospital, {year}",
                       "Visits, share of the specialty, share of follow-ups and of in-person visits by hospital, "
                       "{year}"),
    "sp_variation": ("Variation mellem hospitalerne", "Variation between the hospitals"),
    "sp_no_peers": ("Kun ét hospital har specialet i {year}; der er ingen at sammenligne med.",
                    "Only one hospital has the specialty in {year}; there is no one to compare with."),
    "sp_within": ("Intet hospital ligger uden for tragtens 99,8 %-grænser i specialet.",
                  "No hospital lies outside the funnel's 99.8% limits in the specialty."),
    "sp_points_caption": ("Hospitalerne i tragten", "The hospitals in the funnel"),
    "sp_calendar": ("Kontroller efter kalenderen", "Follow-ups by the calendar"),
    "sp_calendar_text": ("Andelen af intervaller mellem to kontroller, der ligger tæt på 3, 6 eller 12 måneder, som i "
                         "forløbsrapporten (08), pr. hospital i specialet (specialet i alt: {own}; 08 måler hvert hospital mod specialet på de andre hospitaler; alle "
                         "specialer i regionen: {region}); ved siden af den andel, der forventes dér uden "
                         "kalenderbooking.",
                         "The share of intervals between two follow-ups close to 3, 6 or 12 months, as in the "
                         "pathways report (08), by hospital in the specialty (the specialty overall: {own}; 08 holds each "
                         "hospital against the specialty at the other hospitals; every specialty in the region: {region}); beside it the share expected "
                         "there without booking by the calendar."),
    "sp_calendar_caption": ("Kalenderagtige kontroller pr. hospital, {year}", "Calendar-like follow-ups by hospital, {year}"),
    "sp_stable_caption": ("Lange stabile forløb pr. hospital i specialet: kandidater til patientrapporteret eller "
                          "patientinitieret opfølgning (som forløbsrapporten, 08)",
                          "Long stable series by hospital in the specialty: candidates for patient-reported or "
                          "patient-initiated follow-up (as the pathways report, 08)"),
    "sp_stable_few": ("Specialet har lange, stabile forløb i {units} enheder (hospital og speciale); en enhed med "
                      "færre end 5 patienter vises ikke, og derfor heller ikke summen.",
                      "The specialty has long stable series in {units} units (hospital and specialty); a unit with "
                      "fewer than 5 patients is not shown, and so neither is the total."),
    "sp_pathways": ("Akutte besøg og henvisninger", "Acute visits and referrals"),
    "sp_acute_caption": ("Akutte ambulante besøg pr. hospital i specialet, {year} (som forløbsrapporten, 08)",
                         "Acute outpatient visits by hospital in the specialty, {year} (as the pathways report, 08)"),
    "sp_referral_caption": ("Førstegangsbesøg efter henvisningsinstans pr. hospital i specialet, {year}",
                            "First visits by referral source by hospital in the specialty, {year}"),
    "sp_q_level": ("{university} følger {share} af specialets kontroller hos patienter fra andre hospitalers områder "
                   "på basisniveau, mod {target} i sine specialer samlet: hvilke af dem kunne følges tættere på "
                   "hjemmet eller i fælles forløb med almen praksis?",
                   "{university} keeps {share} of the specialty's follow-ups of patients from other hospitals' areas "
                   "at the basic level, against {target} across its specialties: which of them could be followed "
                   "closer to home or in shared care with general practice?"),
    "sp_segments": ("Patientgrupper", "Patient segments"),
    "sp_segments_text": ("Som i forløbsrapporten (08): specialets patienter i {year} efter den gruppe, hver hører til ud "
                         "fra alle sine besøg på tværs af hospitaler og specialer (reglerne står i rapport 08), med "
                         "deres besøg i specialet. En storbruger kan altså have få af sine besøg her.",
                         "As in the pathways report (08): the specialty's patients in {year} by the segment each "
                         "belongs to by all their visits across hospitals and specialties (the rules are in report "
                         "08), with their visits in the specialty. A high user may thus have few of their visits "
                         "here."),
    "sp_segments_caption": ("Specialets patienter og besøg pr. patientgruppe, {year}",
                            "The specialty's patients and visits by segment, {year}"),
    "sp_spec": ("Rette specialiseringsniveau", "The right level of specialisation"),
    "sp_spec_text": ("Som i forløbsrapporten (08): specialets kontroller på {university} i {year}, hvis diagnosegruppe "
                     "hører til på basisniveau; de kunne ske tættere på patientens hjem, hvor patientens "
                     "hjemhospital har specialet, eller som fælles forløb med almen praksis. Kronerne er "
                     "takstforskellen mellem niveauerne, hvis alle flyttede.",
                     "As in the pathways report (08): the specialty's follow-ups at {university} in {year} whose "
                     "diagnosis group belongs at the basic level; they could take place closer to the patient's "
                     "home where the patient's home hospital has the specialty, or as shared care with general "
                     "practice. The kroner are the tariff difference between the levels if all moved."),
    "sp_spec_none": ("{university} har ingen kontroller i specialet i {year}, hvis diagnosegruppe hører til på "
                     "basisniveau.",
                     "{university} has no follow-ups in the specialty in {year} whose diagnosis group belongs at "
                     "the basic level."),
    "sp_spec_caption": ("Specialets kontroller på basisniveau på {university}, {year}",
                        "The specialty's basic-level follow-ups at {university}, {year}"),
    "sp_guideline": ("Retningslinjen", "The guideline"),
    "sp_guideline_text": ("Retningslinjetabellen anbefaler {value} kontroller pr. patient om året (kilde: {source}).",
                          "The guideline table recommends {value} follow-ups per patient a year (source: {source})."),
    "sp_no_guideline": ("Retningslinjetabellen har intet tal for specialet.",
                        "The guideline table has no number for the specialty."),
    "sp_potential": ("Forandringsidéernes potentiale", "The change ideas' potential"),
    "sp_no_potential": ("Ingen forandringsidé rører specialets besøg.", "No change idea touches the specialty's visits."),
    "sp_ideas_caption": ("Forandringsidéerne i specialet, {year}: budgetvirkning og aktivitetsværdi (kr. pr. år)",
                         "The change ideas in the specialty, {year}: budget effect and tariff value (DKK a year)"),
    "sp_potential_hospital_caption": ("Potentialet i specialet pr. hospital, {year} (kr. pr. år)",
                                      "The potential in the specialty by hospital, {year} (DKK a year)"),
    "sp_since": ("Realiseret siden {date}", "Realised since {date}"),
    "sp_since_caption": ("Budgetvirkning i specialet pr. hospital i de {months} fuldt registrerede måneder efter "
                         "beslutningen, med 95 %-interval (kr.; som opfølgningen, 07)",
                         "Budget effect in the specialty by hospital in the {months} fully registered months after "
                         "the decision, with 95% interval (DKK; as the follow-up, 07)"),
    "sp_other_saving": ("Mod den anden forventning", "Against the other expectation"),
    "sp_since_text": ("Besparelsen er målt som i opfølgningen (07) mod forventningen uden beslutning og ved siden af "
                      "mod den anden forventning (med eller uden hospitalets egen tendens). Spørgsmålene nedenfor "
                      "nævner kun en ændring, som begge forventninger finder større end tilfældig.",
                      "The saving is measured as in the follow-up (07) against the expectation without the decision "
                      "and, beside it, against the other expectation (with or without the hospital's own trend). "
                      "The questions below name only a change that both expectations find larger than chance."),
    "sp_falls_caption": ("Tydelige fald i fremmøder i specialet pr. hospital og besøgstype, og hvilken forandringsidé "
                         "de ligner (som opfølgningen, 07)",
                         "Clear falls in in-person visits in the specialty by hospital and visit type, and which change "
                         "idea they resemble (as the follow-up, 07)"),
    "sp_no_falls": ("Intet fald i specialets fremmøder pr. hospital og besøgstype er større, end tilfældigheder kan "
                    "give (over 3 standardafvigelser, som i opfølgningen, 07).",
                    "No fall in the specialty's in-person visits by hospital and visit type is larger than chance "
                    "gives (over 3 standard deviations, as in the follow-up, 07)."),
    "sp_displacement": ("Stigninger, der kan være forskudte fald, i specialet: {hospitals} (se opfølgningen, 07).",
                        "Rises in the specialty that may be displaced falls: {hospitals} (see the follow-up, 07)."),
    "sp_no_displacement": ("Ingen stigning i specialet tyder på, at besøg er flyttet fra et hospital til et andet.",
                           "No rise in the specialty suggests visits moved from one hospital to another."),
    "sp_questions": ("Spørgsmål til specialerådet", "Questions for the specialty council"),
    "sp_no_questions": ("Specialets tal rejser ingen særlige spørgsmål: intet hospital skiller sig ud, og idéerne "
                        "bygger på målte størrelser.",
                        "The specialty's numbers raise no particular question: no hospital stands out, and the ideas "
                        "rest on measured quantities."),
    "sp_questions_note": ("Rådets svar og egne idéer skrives i idéskemaet nedenfor, så de indgår i potentialet (03) "
                          "og nøglen (04), når rapporterne laves igen.",
                          "The council's answers and own ideas are written in the intake form below, so they count "
                          "in the potential (03) and the key (04) when the reports are made again."),
    "sp_q_outlier_high": ("{hospital} har {pct} flere {measure} end det typiske hospital: hvad forklarer forskellen, og "
                          "hvad ville det kræve at nå det typiske niveau?",
                          "{hospital} has {pct} more {measure} than the typical hospital: what explains the "
                          "difference, and what would it take to reach the typical level?"),
    "sp_q_outlier_low": ("{hospital} har {pct} færre {measure} end det typiske hospital: hvad gør hospitalet, som "
                         "de andre kan lære af?",
                         "{hospital} has {pct} fewer {measure} than the typical hospital: what does it do that the "
                         "others can learn from?"),
    "sp_q_calendar": ("{share} af kontrollerne på {hospital} ligger efter kalenderen (specialet på de andre hospitaler: {norm}): kan "
                      "behovsstyret eller patientrapporteret opfølgning overtage en del?",
                      "{share} of the follow-ups at {hospital} follow the calendar (the specialty at the other hospitals: "
                      "{norm}): could "
                      "need-based or patient-reported follow-up take over a part?"),
    "sp_q_habit": ("{share} af specialets kontrolintervaller på regionens hospitaler ligger tæt på 3, 6 eller 12 "
                   "måneder mod {chance}, der forventes uden kalenderbooking: er det specialets retningslinjer, "
                   "eller en vane, som behovsstyret eller patientrapporteret opfølgning kunne overtage en del af?",
                   "{share} of the specialty's follow-up intervals at the region's hospitals lie close to 3, 6 or 12 "
                   "months against {chance} expected without calendar booking: is that the specialty's guidelines, "
                   "or a habit that need-based or patient-reported follow-up could take over in part?"),
    "sp_q_assumed_idea": ("»{idea}« {share} ({span})", "'{idea}' {share} ({span})"),
    "sp_q_assumed_one": ("Idéen {ideas} antager en andel af besøgene, der kan ændres, uden at andelen er målt: holder "
                         "den i specialet?",
                         "The idea {ideas} assumes a share of the visits that can change, without the share being "
                         "measured: does it hold in the specialty?"),
    "sp_q_assumed": ("Idéerne {ideas} antager andele af besøgene, der kan ændres, uden at andelene er målt: holder "
                     "de i specialet?",
                     "The ideas {ideas} assume shares of the visits that can change, without the shares being "
                     "measured: do they hold in the specialty?"),
    "sp_q_guideline": ("Retningslinjetabellens {value} kontroller pr. patient om året for {specialty} er et "
                       "illustrativt tal: hvad anbefaler specialets egne retningslinjer?",
                       "The guideline table's {value} follow-ups per patient a year for {specialty} is an "
                       "illustrative number: what do the specialty's own guidelines recommend?"),
    "sp_q_rise": ("{hospital} har {dkk} flere udgifter i specialet siden beslutningen, end forventet: hvad står bag "
                  "stigningen?",
                  "{hospital} has {dkk} more cost in the specialty since the decision than expected: what lies "
                  "behind the rise?"),
    "sp_q_fall": ("{hospital} har sparet {dkk} i specialet siden beslutningen: hvad har hospitalet gjort, og kan de "
                  "andre gøre det samme?",
                  "{hospital} has saved {dkk} in the specialty since the decision: what did it do, and can the "
                  "others do the same?"),
    "sp_q_visit_fall": ("Fremmøderne til {visit_type} på {hospital} er faldet tydeligt siden beslutningen (omkring {n} "
                        "undgået): hvad har hospitalet gjort, og kan de andre gøre det samme?",
                        "In-person {visit_type} visits at {hospital} have fallen clearly since the decision (about {n} "
                        "avoided): what did the hospital do, and can the others do the same?"),
    "index_per_10_specialty": ("Et speciale ad gangen", "One specialty at a time"),
}
