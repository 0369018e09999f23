"""Labels of the specialty councils' intake form of change ideas (inputs/intake.py, written with
each of 10's packs and read back as scenario ideas): key -> (Danish, English), merged into
analysis.base.labels.LABELS."""

LABELS: dict[str, tuple[str, str]] = {
    "in_sheet": ("Idéer", "Ideas"),
    "in_measured_sheet": ("Målt", "Measured"),
    "in_title": ("Forandringsidéer fra specialerådet", "Change ideas from the specialty council"),
    "in_specialty": ("Speciale", "Specialty"),
    "in_year": ("Målt i", "Measured in"),
    "in_how": ("Skriv én idé pr. række fra række {row}. Navn, greb og sandsynlig andel skal udfyldes; lav og høj "
               "er andelens spænd (tom: den sandsynlige). Andelen er af de besøg, idéen gælder (besøgstype og "
               "hospitaler; tom = alle), eller af den målte mængde, hvis en er valgt (se arket »Målt«). Gem "
               "filen og send den til analyseenheden; rækker uden navn læses ikke.",
               "Write one idea a row from row {row}. Name, lever and likely share are required; low and high are "
               "the share's range (empty: the likely one). The share is of the visits the idea applies to (visit "
               "type and hospitals; empty = all), or of the measured quantity if one is chosen (see the sheet "
               "\"Measured\"). Save the file and send it to the analysis unit; rows without a name are not read."),
    "in_synthetic": ("Syntetiske data: tallene er ikke en rigtig regions.",
                     "Synthetic data: the numbers are not a real region's."),
    "in_choose": ("Vælg en af listens muligheder.", "Choose one of the list's options."),
    "in_name": ("Idéens navn", "Name of the idea"),
    "in_lever": ("Greb", "Lever"),
    "in_visit_type": ("Besøgstype (tom = alle)", "Visit type (empty = all)"),
    "in_of": ("Andel af målt mængde (tom = af besøgene)", "Share of a measured quantity (empty = of the visits)"),
    "in_share": ("Sandsynlig andel", "Likely share"),
    "in_low": ("Lav", "Low"),
    "in_high": ("Høj", "High"),
    "in_hospitals": ("Hospitaler (tom = alle; flere adskilt af ;)", "Hospitals (empty = all; several separated by ;)"),
    "in_substitute": ("Erstatningens pris pr. besøg (kr.)", "The substitute's cost a visit (DKK)"),
    "in_from_year": ("Virker fra år", "Takes effect from year"),
    "in_evidence": ("Evidens", "Evidence"),
    "in_contact": ("Kontaktperson", "Contact person"),
    "in_lever_drop": ("Stop (besøget bortfalder)", "Stop (the visit no longer happens)"),
    "in_lever_to_written": ("Skriftlig/PRO i stedet", "Written/PRO instead"),
    "in_lever_to_video": ("Video i stedet", "Video instead"),
    "in_lever_to_phone": ("Telefon i stedet", "Phone instead"),
    "in_lever_shift": ("Fælles forløb (almen praksis, kommune, sygeplejerske)",
                       "Shared care (general practice, municipality, nurse)"),
    "in_lever_relocate": ("Rette niveau (flyttes til hjemmehospitalet)", "Right level (moves to the home hospital)"),
    "in_measured_how": ("Det, specialets data viser i {year}, pr. hospital: mængder, en idé kan tage sin andel af. "
                        "Antal under 5 vises som »<5«.",
                        "What the specialty's data show in {year}, by hospital: quantities an idea can take its "
                        "share of. Counts below 5 show as \"<5\"."),
    "in_q_visits": ("Besøg", "Visits"),
    "in_q_follow_ups": ("Kontroller", "Follow-ups"),
    "in_q_in_person_follow_ups": ("Kontroller med fremmøde", "In-person follow-ups"),
    "in_q_calendar_follow_ups": ("Kontroller booket efter kalenderen (ud over tilfældighed)",
                                 "Follow-ups booked by the calendar (beyond chance)"),
    "in_q_basic_level_follow_ups": ("Kontroller på basisniveau, der kan flyttes tættere på hjemmet",
                                    "Basic-level follow-ups that could move closer to home"),
    "in_q_needs": ("ikke målt: kræver {needs}", "not measured: needs {needs}"),
    "in_q_not_measured": ("ikke målt i disse data", "not measured in these data"),
    "in_source": ("Specialerådet for {specialty} (idéskema, række {row})",
                  "The council of {specialty} (intake form, row {row})"),
    "idea_status": ("Styregruppens beslutning", "Steering group's decision"),
    "idea_proposed": ("Foreslået", "Proposed"),
    "idea_approved": ("Godkendt", "Approved"),
    "idea_rejected": ("Afvist", "Rejected"),
    "idea_by_status": ("Af idéernes budgetvirkning er {approved} om året godkendt af styregruppen og {proposed} "
                       "foreslået, men endnu ikke godkendt.",
                       "Of the ideas' budget effect, {approved} a year is approved by the steering group and "
                       "{proposed} proposed but not yet approved."),
    "idea_rejected_list": ("Afvist af styregruppen og ikke regnet med: {names}.",
                           "Rejected by the steering group and not counted: {names}."),
    "in_decisions_caption": ("Styregruppens beslutninger om idéerne; for specialerådenes idéer også, hvad rådet skrev "
                             "i idéskemaet", "The steering group's decisions on the ideas; for the councils' ideas also "
                             "what the council wrote in its intake form"),
    "in_council_caption_one": ("Rådets idéer i kataloget", "The council's ideas in the catalogue"),
    "in_heading": ("Rådets forandringsidéer", "The council's change ideas"),
    "in_file": ("ideskema", "intake-form"),
    "in_download": ("Hent idéskemaet til specialerådet (Excel).", "Download the council's intake form (Excel)."),
    "in_download_how": ("Rådet skriver sine forandringsidéer i skemaet og sender det til analyseenheden, som lægger det "
                        "i idémappen; så regnes idéerne med i potentialet, og styregruppen beslutter hver idé.",
                        "The council writes its change ideas in the form and sends it to the analysis unit, which "
                        "puts it in the ideas folder; the ideas then count in the potential, and the steering group "
                        "decides on each."),
}
