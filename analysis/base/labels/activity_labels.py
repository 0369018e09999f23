"""Labels of report 01, the activity overview (reporting/activity_report.py, analyses/activity.py): key
-> (Danish, English), merged into analysis.base.labels.LABELS, where every report looks them up
(labels.t)."""

LABELS: dict[str, tuple[str, str]] = {
    "ov_title": ("Ambulant aktivitet – overblik", "Outpatient activity – overview"),
    "ov_subtitle": ("Besøg, patienter og udvikling, med {year} som hovedår",
                    "Visits, patients and trend, with {year} as the main year"),
    "ov_summary": ("I {year} var der **{visits}** ambulante besøg: {somatic} i somatikken og {psych} i psykiatrien. "
                   "Kontroller udgjorde **{fu}** af besøgene, og **{inp}** var fysisk fremmøde.",
                   "In {year} there were **{visits}** outpatient visits: {somatic} in somatic care and {psych} in "
                   "psychiatry. Follow-ups were **{fu}** of the visits, and **{inp}** were in person."),
    "ov_hospitals": ("Hospitaler", "Hospitals"),
    "ov_visits_by_hospital": ("Ambulante besøg pr. hospital, {year}", "Outpatient visits by hospital, {year}"),
    "ov_hospital_how": ("Søjlens længde er antallet af besøg i perioden i titlen. Psykiatrien er vist med {highlight}; den "
                        "bærer ikke en del af besparelsen, men gennemgås som de andre.",
                        "The bar's length is the number of visits in the period of the title. Psychiatry is shown in "
                        "{highlight}; it carries no share of the saving but is reviewed like the others."),
    "ov_hospital_caption": ("Besøg og værdi pr. hospital, {year} (værdi efter takst, hvor filen ikke har en pris)",
                            "Visits and value by hospital, {year} (value by tariff where the file has no price)"),
    "ov_visit_types": ("Besøgstyper", "Visit types"),
    "ov_visit_type_mix": ("Fordeling på besøgstype, somatiske hospitaler, {year}",
                          "Visit-type mix, somatic hospitals, {year}"),
    "ov_visit_type_how": ("Hver søjle er et hospital og summerer til 100 %. En stor andel kontroller kan pege på "
                          "kontroller, der kunne erstattes af PRO, telefon eller video – eller på et tungere patientgrundlag.",
                          "Each bar is a hospital and adds up to 100%. A large share of follow-ups may point to "
                          "follow-ups that PRO, phone or video could replace – or to a heavier case mix."),
    "ov_visit_type_caption": ("Besøg pr. hospital og besøgstype, {year}", "Visits by hospital and visit type, {year}"),
    "ov_contact_modes": ("Kontaktformer", "Contact modes"),
    "ov_contact_mode_mix": ("Fordeling på kontaktform, somatiske hospitaler, {year}",
                            "Contact-mode mix, somatic hospitals, {year}"),
    "ov_remote_trend": ("Andel af besøg uden fremmøde, hele regionen", "Share of visits not in person, whole region"),
    "ov_contact_mode_how": ("Øverst: hvor stor en del af hvert hospitals besøg der foregår ved fremmøde, video, telefon "
                            "eller skriftligt (PRO). Nederst: udviklingen i de tre alternativer til fremmøde over årene.",
                            "Top: how much of each hospital's visits are in person, video, phone or written (PRO). "
                            "Bottom: the three alternatives to attendance over the years."),
    "ov_specialties": ("Specialer", "Specialties"),
    "ov_top_specialties": ("De {n} største somatiske specialer, {year}", "The {n} largest somatic specialties, {year}"),
    "ov_specialty_mix": ("Besøgstyper i de største specialer, {year}", "Visit types in the largest specialties, {year}"),
    "ov_specialty_how": ("Specialer med mange kroniske patienter (fx reumatologi, endokrinologi) har naturligt flere "
                         "kontroller; sammenlign derfor hospitaler inden for samme speciale (se variationsrapporten).",
                         "Specialties with many chronic patients (e.g. rheumatology, endocrinology) naturally have "
                         "more follow-ups; so compare hospitals within a specialty (see the variation report)."),
    "ov_specialty_caption": ("Besøg pr. somatisk speciale, {year}", "Visits by somatic specialty, {year}"),
    "ov_patients": ("Patienter og besøg pr. patient", "Patients and visits per patient"),
    "ov_vpp_caption": ("Besøg pr. patient pr. hospital, {year}", "Visits per patient by hospital, {year}"),
    "ov_concentration_caption": ("Hvor mange af besøgene går til de patienter, der har flest, {year}",
                                 "How many of the visits go to the patients with most visits, {year}"),
    "ov_lorenz_title": ("Koncentration af besøg, {year}", "Concentration of visits, {year}"),
    "ov_lorenz_how": ("Kurven viser, hvor stor en del af besøgene de patienter med flest besøg står for. Jo længere "
                      "kurven ligger over den stiplede linje, jo mere koncentreret er aktiviteten. I hele regionen står "
                      "de 5 % patienter med flest besøg for {share} af besøgene.",
                      "The curve shows what share of visits the patients with most visits account for. The further "
                      "it lies above the dashed line, the more concentrated the activity. Region-wide, the 5% of "
                      "patients with most visits account for {share} of the visits."),
    "ov_trend": ("Udvikling", "Trend"),
    "ov_trend_sector": ("Besøg pr. år og sektor", "Visits per year by sector"),
    "ov_trend_visit_type": ("Besøg pr. år og besøgstype, somatik", "Visits per year by visit type, somatic"),
    "ov_trend_how": ("Hvert punkt er et helt års besøg. Brug overvågningsrapporten til at følge månederne efter en beslutning.",
                     "Each point is a whole year's visits. Use the monitoring report to follow the months after a decision."),
    "ov_change_caption": ("Besøg pr. hospital, {first} og {last}", "Visits by hospital, {first} and {last}"),
    "ov_psychiatry": ("Psykiatrien", "Psychiatry"),
    "ov_psychiatry_text": ("Psykiatrien gennemgås som de somatiske specialer, men bærer ingen del af besparelsen. "
                           "Den vises derfor for sig.",
                           "Psychiatry is reviewed like the somatic specialties but carries no share of the saving, "
                           "so it is shown apart."),
    "ov_psych_how": ("Øverst: besøgstyper pr. psykiatrisk speciale; nederst: kontaktformer. Hver søjle summerer til 100 %.",
                     "Top: visit types per psychiatric specialty; bottom: contact modes. Each bar adds up to 100%."),
    "ov_no_psychiatry": ("Data indeholder ingen psykiatriske besøg.", "The data hold no psychiatric visits."),
    "ov_psych_visit_type": ("Psykiatri: besøgstyper, {year}", "Psychiatry: visit types, {year}"),
    "ov_psych_contact_mode": ("Psykiatri: kontaktformer, {year}", "Psychiatry: contact modes, {year}"),
    "ov_psych_caption": ("Psykiatriske besøg pr. speciale og besøgstype, {year}",
                         "Psychiatric visits by specialty and visit type, {year}"),
    "ov_trend_sector_months": ("Besøg i {months} pr. år og sektor", "Visits in {months} per year by sector"),
    "ov_trend_visit_type_months": ("Besøg i {months} pr. år og besøgstype, somatik",
                                   "Visits in {months} per year by visit type, somatic"),
    "ov_trend_how_months": ("Hvert punkt er besøgene i {months} det år, så årene sammenlignes på de samme måneder. "
                            "Brug overvågningsrapporten til at følge månederne efter en beslutning.",
                            "Each point is the visits in {months} of that year, so the years are compared on the "
                            "same months. Use the monitoring report to follow the months after a decision."),
    "ov_trend_how_marked": ("Hvert fyldt punkt er et helt års besøg. Et åbent punkt er et delvist år ({years}): det kan "
                            "ikke sammenlignes med de hele år, og en lavere værdi er ikke et fald. Brug "
                            "overvågningsrapporten til at følge månederne efter en beslutning.",
                            "Each filled point is a whole year's visits. An open point is a partial year ({years}): "
                            "it cannot be compared with the whole years, and a lower value is not a fall. Use the "
                            "monitoring report to follow the months after a decision."),
    "ov_trend_one_year": ("Data dækker kun {year}, så der er ingen udvikling over årene at vise.",
                          "The data cover {year} only, so there is no trend over the years to show."),
    "ov_contact_mode_how_one_year": ("Hvor stor en del af hvert hospitals besøg der foregår ved fremmøde, video, "
                                     "telefon eller skriftligt (PRO).",
                                     "How much of each hospital's visits are in person, video, phone or written (PRO)."),
}
