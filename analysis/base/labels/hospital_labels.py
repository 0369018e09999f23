"""Labels of report 05, the hospital drill-down (reporting/hospital_report.py): key -> (Danish,
English), merged into analysis.base.labels.LABELS, where every report looks them up (labels.t)."""

LABELS: dict[str, tuple[str, str]] = {
    # 05 hospital
    "hosp_subtitle": ("Ambulant aktivitet, variation og potentiale – {year}, {sector}",
                      "Outpatient activity, variation and potential – {year}, {sector}"),
    "hosp_potential": ("Potentiale: budgetvirkning pr. år", "Potential: budget effect a year"),
    "hosp_tariff": ("Aktivitetsværdi pr. år (ikke kroner i kassen)", "Tariff value a year (not cash)"),
    "hosp_key_share": ("Andel af besparelsen", "Share of the saving"),
    "hosp_key_text": ("Hospitalets andel af besparelsen på {target} er **{share}**; forandringsidéernes "
                      "budgetvirkning på hospitalet er **{potential}** om året med regionens antagelser, og "
                      "aktivitetsværdien af de samme besøg er {value} (rapporten om reduktionspotentiale).",
                      "The hospital's share of the {target} saving is **{share}**; the change ideas' budget effect "
                      "at the hospital is **{potential}** a year under the region's assumptions, and the tariff "
                      "value of the same visits is {value} (the reduction potential report)."),
    "hosp_no_key": ("Hospitalet bærer ikke en del af besparelsen, men gennemgås som de andre. Dets potentiale herunder "
                    "står derfor uden for kravet: det indgår hverken i besparelsesnøglen (04) eller i reduktionspotentialet "
                    "for de sektorer, der bærer besparelsen (03).",
                    "The hospital carries no share of the saving but is reviewed like the others. Its potential below "
                    "therefore stands outside the requirement: it is neither in the savings key (04) nor in the "
                    "reduction potential of the sectors that carry the saving (03)."),
    "hosp_volume": ("Aktivitet og sammensætning", "Activity and mix"),
    "hosp_follow_up": ("Følger hospitalet beslutningen?", "Is the hospital following the decision?"),
    "hosp_follow_up_text": ("Efter beslutningen {date} er hospitalets budgetvirkning nu {rate} om året mod dets andel af "
                            "kravet på {share}: **{status}** (reglen og metoden som i opfølgningen, 07). Det er det, "
                            "der faktisk er sket, uanset hvad der gav det; potentialet ovenfor er et skøn over, hvad "
                            "de beskrevne forandringsidéer kan give.",
                            "After the decision of {date} the hospital's budget effect is now {rate} a year against its "
                            "share of the requirement of {share}: **{status}** (the rule and the method as in following "
                            "the decision, 07). That is what has happened, whatever gave it; the potential above is an "
                            "estimate of what the change ideas described can give."),
    "hosp_by_specialty": ("Besøg pr. speciale, {year}", "Visits by specialty, {year}"),
    "hosp_specialty_how": ("Søjlen er hospitalets ambulante besøg i året i hvert speciale (højst de 15 største).",
                           "The bar is the hospital's outpatient visits in the year in each specialty (at most the 15 largest)."),
    "hosp_mix_caption": ("Besøgstyper: hospitalet mod sektoren, {year}", "Visit types: the hospital against its sector, {year}"),
    "hosp_modes_caption": ("Kontaktformer: hospitalet mod sektoren, {year}", "Contact modes: the hospital against its sector, {year}"),
    "hosp_variation": ("Hvor ligger hospitalet i variationen?", "Where does the hospital sit in the variation?"),
    "hosp_funnel_how": ("Hospitalet er ringet ind ({short}). Stiplet linje: 95 %-grænse; fuldt optrukket: 99,8 %-grænse. "
                        "{high_95:C}/{high_998}: over 95 %/99,8 %-grænsen; {low_95}/{low_998}: under; {within}: "
                        "indenfor, ikke mere forskellig, end tilfældigheder og almindelig variation kan forklare.",
                        "The hospital is ringed ({short}). Dashed line: 95% limit; solid: 99.8% limit. "
                        "{high_95:C}/{high_998}: above the 95%/99.8% limit; {low_95}/{low_998}: below; {within}: "
                        "within, differing no more than chance and ordinary variation explain."),
    "hosp_no_outliers": ("Hospitalet ligger inden for grænserne i alle specialer.",
                         "The hospital lies within the limits in every specialty."),
    "hosp_potential_heading": ("Reduktionspotentiale", "Reduction potential"),
    "hosp_no_potential": ("Forandringsidéerne rører ikke hospitalets besøg.", "The change ideas do not touch this hospital's visits."),
    "hosp_potential_caption": ("Største potentialer pr. speciale og besøgstype: budgetvirkning og aktivitetsværdi "
                               "(kr. pr. år), {year}",
                               "Largest potentials by specialty and visit type: budget effect and tariff value (DKK "
                               "a year), {year}"),
    "hosp_ideas_caption": ("Forandringsidéerne på hospitalet: budgetvirkning og aktivitetsværdi (kr. pr. år)",
                           "The change ideas at the hospital: budget effect and tariff value (DKK a year)"),
    "hosp_depends": ("For hospitalets besparelse betyder valget af forventning mere, end 95 %-intervallet viser (som "
                     "07 viser for hvert hospital). {why}",
                     "For the hospital's saving the choice of expectation matters more than the 95% interval shows "
                     "(as 07 shows for each hospital). {why}"),
    "hosp_no_peers": ("Hospitalet kan ikke sammenlignes i variationen: intet andet hospital har de samme specialer "
                      "i {sector}, så der er ingen at sammenligne med.",
                      "The hospital cannot be placed in the variation: no other hospital has the same specialties "
                      "in {sector}, so there is no one to compare it with."),
    "hosp_calendar": ("Kontroller efter kalenderen", "Follow-ups by the calendar"),
    "hosp_calendar_text": ("I {year} var {share} af hospitalets {intervals} intervaller mellem to kontroller "
                           "kalenderagtige (regionen: {region}), talt som i forløbsrapporten (08). Kalenderbookede "
                           "kontroller er dem, idéer som PRO-baseret opfølgning tager deres andel af.",
                           "In {year}, {share} of the hospital's {intervals} intervals between two follow-ups were "
                           "calendar-like (the region: {region}), counted as in the pathways report (08). "
                           "Calendar-booked follow-ups are those ideas such as PRO-based follow-up take their share of."),
    "hosp_calendar_none": ("Ingen af hospitalets specialer ligger klart over det, specialet på regionens hospitaler "
                           "giver at forvente (som i forløbsrapporten, 08).",
                           "None of the hospital's specialties lies clearly above what the specialty at the region's "
                           "hospitals leads one to expect (as in the pathways report, 08)."),
    "hosp_not_compared": ("Hospitalet indgår ikke i sammenligningen af {measure} i {year}: det har ingen af de "
                          "besøg, målet bygger på.",
                          "The hospital is not part of the comparison of {measure} in {year}: it has none of the "
                          "visits the measure rests on."),
    "hosp_no_outliers_compared": ("Hospitalet ligger inden for grænserne i alle de specialer, hvor det kan sammenlignes "
                                  "med andre hospitaler.",
                                  "The hospital lies within the limits in every specialty where it can be compared "
                                  "with other hospitals."),
    "hosp_peers_some": ("Specialer uden andre hospitaler at sammenligne med: {specialties}.",
                        "Specialties with no other hospital to compare with: {specialties}."),
}
