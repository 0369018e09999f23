"""Labels of report 00, data quality (reporting/quality_report.py, analyses/quality.py): key ->
(Danish, English), merged into analysis.base.labels.LABELS, where every report looks them up
(labels.t)."""

LABELS: dict[str, tuple[str, str]] = {
    "dq_merged_text": ("**{merged}** rækker havde samme nøgle (år, hospital, speciale, sektor, besøgstype, kontaktform "
                       "og evt. måned, aldersgruppe og køn) og er lagt sammen til **{cells}** celler: besøg og værdi er "
                       "summeret. Det sker, når et udtræk fra BI-portalen er delt på en kolonne, som siden er fjernet. "
                       "Antal forskellige patienter kan ikke lægges sammen, så de er ukendte for de sammenlagte celler.",
                       "**{merged}** rows shared a key (year, hospital, specialty, sector, visit type, contact mode and, "
                       "where given, month, age band and sex) and were summed into **{cells}** cells: visits and value "
                       "were added up. This happens when a BI export was split by a column that was then dropped. "
                       "Distinct patients cannot be added up, so they are unknown for the merged cells."),
    "dq_read_sheet": ("Arket **{sheet}** blev læst.", "The sheet **{sheet}** was read."),
    "dq_read_header": ("Overskriftsrækken er række {row}; rækkerne over den er sprunget over.",
                       "The header is row {row}; the rows above it were skipped."),
    "dq_renames": ("Omdøbte enheder", "Renamed units"),
    "dq_renames_caption": ("Omdøbninger fra mappingfilen", "Renames from the mapping file"),
    "dq_renames_text": ("Navnene er lagt sammen, så tidsserierne hænger sammen. Står der 0 rækker ved en omdøbning, "
                        "findes det gamle navn ikke i filen.",
                        "The names were joined so the series join up. Where a rename shows 0 rows, the old name does "
                        "not occur in the file."),
    "dq_units": ("Enheder der kommer til eller forsvinder", "Units that appear or disappear"),
    "dq_units_hospital_caption": ("Hospitaler uden besøg i en del af perioden", "Hospitals without visits in part of the period"),
    "dq_units_specialty_caption": ("Hospital og speciale uden besøg i en del af perioden",
                                   "Hospital and specialty without visits in part of the period"),
    "dq_units_text": ("En enhed, der kommer til eller forsvinder, kan være omdøbt, lagt sammen eller mangle i "
                      "udtrækket. Er den omdøbt, så angiv det under 'renames' i mappingfilen, så serierne hænger sammen.",
                      "A unit that appears or disappears may have been renamed or merged, or be missing from the "
                      "extract. If it was renamed, declare it under 'renames' in the mapping file so the series join up."),
    "dq_units_none": ("Alle hospitaler og specialer har besøg i hele perioden.",
                      "Every hospital and specialty has visits throughout the period."),
    # 00 data quality
    "dq_title": ("Datakvalitet", "Data quality"),
    "dq_subtitle": ("Ambulante besøg {start} til {end}", "Outpatient visits {start} to {end}"),
    "dq_read": ("Hvad blev læst", "What was read"),
    "dq_read_text": ("Filen **{file}** ({format}) blev læst: **{rows}** rækker med {kind}. "
                     "Kolonnenavne og værdier er oversat med {mapping}.",
                     "The file **{file}** ({format}) was read: **{rows}** rows of {kind}. "
                     "Column names and labels were mapped with {mapping}."),
    "dq_read_table": ("Tabellen **{source}** blev læst, hvor den ligger ({engine}); kun optællinger blev hentet. "
                      "**{rows}** besøg ligger i perioden; {outside} rækker uden for perioden blev ikke læst. "
                      "Kolonnenavne og værdier er oversat med {mapping}.",
                      "The table **{source}** was read where it lies ({engine}); only counts were fetched. "
                      "**{rows}** visits lie in the period; {outside} rows outside it were not read. "
                      "Column names and labels were mapped with {mapping}."),
    "dq_checks_caption": ("Kontroller af data", "Checks of the data"),
    "dq_notes": ("Bemærkninger til indlæsningen", "Notes on the reading"),
    "dq_notes_text": ("Data er læst og bestod kontrollerne, men dette er værd at se på i udtrækket:",
                      "The data were read and passed the checks, but this is worth a look in the extract:"),
    "dq_checks_text_flagged": ("Data bestod kontrollerne og er analyseret, men {n} af kontrollerne har fundet noget, "
                               "der er værd at se på i udtrækket: se bemærkningerne nedenfor.",
                               "The data passed the checks and were analysed, but {n} of the checks found something "
                               "worth a look in the extract: see the notes below."),
    "dq_checks_text": ("Alle kontroller er bestået. Data der fejler en kontrol, afvises før analysen, "
                       "med en fejlbesked der peger på fil, kolonne og rækker; derfor er ingen rækker afvist her.",
                       "All checks passed. Data failing a check are rejected before any analysis, with an "
                       "error naming the file, column and rows; so no rows were rejected here."),
    "dq_mapping": ("Oversættelse til standardformatet", "Mapping onto the standard format"),
    "dq_columns_caption": ("Kolonner", "Columns"),
    "dq_labels_caption": ("Værdier der blev oversat", "Labels that were translated"),
    "dq_no_labels_mapped": ("Alle værdier var allerede i standardformatet.", "All labels were already in the standard format."),
    "dq_missing": ("Manglende værdier", "Missing values"),
    "dq_prices": ("Regionens egne priser", "The region's own prices"),
    "dq_prices_text": ("Prisen pr. besøg over alle specialer; et speciale får sin egen pris, hvor mindst "
                       "{min_visits} besøg ligger bag den. Analyserne regner kroner med disse priser og med "
                       "taksttabellen kun, hvor inddata ingen pris giver.",
                       "The price per visit over all specialties; a specialty gets its own price where at least "
                       "{min_visits} visits stand behind it. The analyses compute kroner with these prices, and with "
                       "the tariff table only where the input gives no price."),
    "dq_missing_caption": ("Valgfri kolonner, køn og alder: manglende eller ukendte værdier",
                           "Optional columns, sex and age: missing or unknown values"),
    "dq_no_optional": ("Filen har ingen valgfri kolonner; de obligatoriske må ikke mangle værdier.",
                       "The file has no optional columns; required columns may not have missing values."),
    "dq_coverage": ("Dækning over tid", "Coverage over time"),
    "dq_coverage_caption": ("Måneder med besøg pr. hospital", "Months with visits per hospital"),
    "dq_monthly_title": ("Besøg pr. måned", "Visits per month"),
    "dq_monthly_how": ("Hver linje er et hospital. Et hul eller et pludseligt fald kan betyde manglende data "
                       "fra et system snarere end færre besøg; juli og december er normalt lavere.",
                       "Each line is a hospital. A gap or a sudden drop may mean missing data from a system "
                       "rather than fewer visits; July and December are normally lower."),
    # visit types derived from the contacts (visit_types.py): 00's section and the other reports' note
    "dq_derived": ("Besøgstype udledt af kontakterne", "Visit type derived from the contacts"),
    "dq_edge": ("Førstegangsbesøg i begyndelsen af data", "First visits at the start of the data"),
    "dq_checks_text_incomplete": ("Data bestod kontrollerne af format og indhold, men **de seneste måneder er ikke "
                                  "fuldt registreret: {months}**. Tallene for de måneder er for lave, indtil "
                                  "registreringen er færdig; se afsnittet om registreringen nedenfor.",
                                  "The data passed the checks of format and content, but **the latest months are not "
                                  "fully registered: {months}**. Their figures are too low until registration is "
                                  "complete; see the section on registration below."),
    "dq_registration": ("Er de seneste måneder fuldt registreret?", "Are the latest months fully registered?"),
    "dq_registration_caption": ("De seneste måneder: registrerede besøg i forhold til det forventede",
                                "The latest months: visits registered against what was expected"),
    "dq_registration_how": ("Hver række er en af de seneste måneder, sammenlignet med det niveau, de store serier "
                            "(hospital, sektor og besøgstype) havde i månederne før, korrigeret for sæson og antal "
                            "hverdage. Ligger næsten alle serier under på én gang, er det typisk registreringen, der "
                            "halter efter, og ikke aktiviteten, der falder.",
                            "Each row is one of the latest months, compared with the level the large series "
                            "(hospital, sector and visit type) had in the months before, adjusted for season and the "
                            "number of weekdays. When nearly all series lie below at once, it is typically "
                            "registration lagging behind, not activity falling."),
    "dq_registration_meaning": ("Det gælder overvågningen (06) og opfølgningen på beslutningen (07), som viser "
                                "{months} som ikke fuldt registreret; overblikket (01) sammenligner årene på de samme "
                                "fuldt registrerede måneder. Tallene for {months} stiger, efterhånden som "
                                "registreringen bliver færdig.",
                                "This holds for monitoring (06) and following the decision (07), which show {months} "
                                "as not fully registered; the overview (01) compares the years on the same fully "
                                "registered months. The figures for {months} will rise as registration is completed."),
    "dq_registration_none": ("De seneste {n} måneder er sammenlignet med det forventede niveau, og ingen af dem ser "
                             "ufuldstændigt registreret ud.",
                             "The latest {n} months were compared with the expected level, and none of them looks "
                             "incompletely registered."),
    "dq_registration_short": ("Der er for få måneder eller for små serier til at kontrollere, om de seneste måneder er "
                              "fuldt registreret. Se selv efter et fald i de sidste måneder i figuren over besøg pr. "
                              "måned nedenfor.",
                              "There are too few months or too small series to check whether the latest months are "
                              "fully registered. Look for a drop in the last months in the chart of visits per month "
                              "below."),
    "dq_registration_no_months": ("Data er ikke opgjort pr. måned, så det kan ikke kontrolleres, om de seneste måneder "
                                  "er fuldt registreret.",
                                  "The data are not given by month, so whether the latest months are fully registered "
                                  "cannot be checked."),
    "dq_monthly_how_shaded": ("Det grå felt er {months}, som ikke er fuldt registreret: faldet der er registreringen, "
                              "der halter efter.",
                              "The grey band is {months}, not fully registered: the drop there is registration "
                              "lagging behind."),
}
