"""The one table of report labels, Danish and English, and number formatting per language.

Reports are Danish by default ("da"); "en" is the alternative. Every text a reader sees
(titles, column headers, category values, sentences) is looked up here.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

LANGUAGES = ("da", "en")

# The optional referral column and its values (schema.REFERRAL_SOURCES): category values in
# tables, and the same words in the pathways report's per-source columns (pw_src_*).
_REFERRAL_SOURCE = ("Henvisningsinstans", "Referral source")
_REFERRAL_SOURCES: dict[str, tuple[str, str]] = {
    "general_practice": ("Almen praksis", "General practice"),
    "other_hospital": ("Andet sygehus", "Other hospital"),
    "emergency_department": ("Akutmodtagelse", "Emergency department"),
    "own_department": ("Egen afdeling", "Own department"),
    "other": ("Andet", "Other"),
}

# key -> (Danish, English)
LABELS: dict[str, tuple[str, str]] = {
    # the word before the last of several things in a sentence (names: "A, B og C")
    "names_and": (" og ", " and "),
    # the word before the last of several alternatives ("91, 182 eller 365 dage")
    "names_or": (" eller ", " or "),
    # between the two ends of a range ("1,2 til 1,8"; labels.span)
    "span_to": (" til ", " to "),
    # a funnel's limits and the overspread between its units (labels.overdispersion), after "... limits"
    "od_widened": (", udvidet for overspredning (φ = {phi})", ", widened for overdispersion (φ = {phi})"),
    "od_not_widened": ("; de er ikke udvidet for overspredning, for enhederne varierer ikke mere, end tilfældigheder "
                       "forklarer (φ = {phi} ≤ 1)",
                       "; they are not widened for overdispersion, as the units vary no more than chance explains "
                       "(φ = {phi} ≤ 1)"),
    # contract columns
    "year": ("År", "Year"),
    "month": ("Måned", "Month"),
    "hospital": ("Hospital", "Hospital"),
    "specialty": ("Speciale", "Specialty"),
    "sector": ("Sektor", "Sector"),
    "visit_type": ("Besøgstype", "Visit type"),
    "contact_mode": ("Kontaktform", "Contact mode"),
    "age": ("Alder", "Age"),
    "age_band": ("Aldersgruppe", "Age band"),
    "sex": ("Køn", "Sex"),
    "diagnosis_group": ("Diagnosegruppe", "Diagnosis group"),
    "cost_dkk": ("Værdi (kr.)", "Value (DKK)"),
    "visits": ("Besøg", "Visits"),
    "patients": ("Patienter", "Patients"),
    "visit_id": ("Besøgs-id", "Visit id"),
    "patient_id": ("Patient-id", "Patient id"),
    "visit_date": ("Besøgsdato", "Visit date"),
    "unit_patients": ("Patienter i specialet", "Patients in the specialty"),
    "priority": ("Prioritet", "Priority"),
    "referral_source": _REFERRAL_SOURCE,
    # categories
    "somatic": ("Somatik", "Somatic"),
    "psychiatry": ("Psykiatri", "Psychiatry"),
    "all": ("I alt", "All"),
    "assessment": ("Udredning", "Assessment"),
    "treatment": ("Behandling", "Treatment"),
    "minor_procedure": ("Mindre indgreb", "Minor procedure"),
    "sampling": ("Prøvetagning", "Sampling"),
    "follow_up": ("Kontrol", "Follow-up"),
    "in_person": ("Fremmøde", "In person"),
    "video": ("Video", "Video"),
    "phone": ("Telefon", "Phone"),
    "written": ("Skriftlig (PRO)", "Written (PRO)"),
    "F": ("Kvinder", "Women"),
    "M": ("Mænd", "Men"),
    "unknown": ("Ukendt", "Unknown"),  # a sex or age the extract does not know (schema.UNKNOWN)
    "acute": ("Akut", "Acute"),
    "planned": ("Planlagt", "Planned"),
    **_REFERRAL_SOURCES,
    # levels of specialisation (schema.LEVELS)
    "basic": ("Hovedfunktion", "Basic level"),
    "regional": ("Regionsfunktion", "Regional level"),
    "highly_specialised": ("Højt specialiseret funktion", "Highly specialised level"),
    # derived measures
    "share": ("Andel", "Share"),
    "share_of_visits": ("Andel af besøg", "Share of visits"),
    "visits_per_patient": ("Besøg pr. patient", "Visits per patient"),
    "change": ("Ændring", "Change"),
    "change_pct": ("Ændring i %", "Change, %"),
    "total": ("I alt", "Total"),
    "rows": ("Rækker", "Rows"),
    "missing": ("Manglende værdier", "Missing values"),
    "missing_share": ("Andel manglende", "Share missing"),
    "source_column": ("Kolonne i kilden", "Source column"),
    "contract_column": ("Standardkolonne", "Standard column"),
    "source_label": ("Værdi i filen", "Value in the file"),
    "contract_value": ("Standardværdi", "Standard value"),
    "check": ("Kontrol af data", "Check"),
    "result": ("Resultat", "Result"),
    "passed": ("bestået", "passed"),
    "not_applicable": ("ikke relevant", "not applicable"),
    "months_without_visits": ("Måneder uden besøg", "Months without visits"),
    "first_month": ("Første måned", "First month"),
    "last_month": ("Sidste måned", "Last month"),
    "top_share": ("Patienter med flest besøg", "Patients with most visits"),
    "their_share": ("Deres andel af besøgene", "Their share of visits"),
    "value": ("Værdi", "Value"),
    "item": ("Emne", "Item"),
    "equal_use": ("Lige fordeling", "Equal use"),
    "patients_most_first": ("Andel af patienter (flest besøg først)", "Share of patients (most visits first)"),
    "ignored": ("(ignoreret)", "(ignored)"),
    # data-quality checks
    "check_columns": ("Alle nødvendige kolonner findes, ingen ukendte", "All required columns present, none unknown"),
    "check_labels": ("Alle kategorier er kendte (efter oversættelse)", "All categories known (after mapping)"),
    "check_types": ("Datoer og tal kan læses", "Dates and numbers readable"),
    "check_period": ("Alle datoer/år ligger i perioden", "All dates/years inside the period"),
    "check_cpr": ("Ingen patient-id ligner et CPR-nummer", "No patient id looks like a CPR number"),
    "check_unique": ("Ingen dubletter", "No duplicates"),
    "check_counts": ("Antal er hele, ikke-negative tal", "Counts are whole, non-negative numbers"),
    # real extracts: what each check found, merged cells, renames, units that come and go
    "check_names": ("Navne på hospitaler og specialer er entydige", "Hospital and specialty names unambiguous"),
    "finding": ("Fundet", "Found"),
    "merged": ("lagt sammen", "merged"),
    "flagged": ("se bemærkning", "see the note"),
    "finding_columns": ("kolonner oversat: {mapped}, udeladt: {ignored}", "columns mapped: {mapped}, left out: {ignored}"),
    "finding_unnamed": ("; tomme kolonner uden navn udeladt: {unnamed} (skilletegn sidst på linjen)",
                        "; empty columns without a name left out: {unnamed} (a separator at the end of each line)"),
    "finding_labels": ("{labels} forskellige værdier oversat, i alt {rows} celler",
                       "{labels} distinct labels translated, {rows} cells in all"),
    "finding_labels_none": ("alle værdier var allerede i standardformatet", "all labels were already in the standard format"),
    "finding_types": ("rækker læst: {rows}; manglende eller ukendte værdier, hvor de er tilladt: {missing}",
                      "rows read: {rows}; missing or unknown values, where allowed: {missing}"),
    "finding_types_complete": ("rækker læst: {rows}, ingen manglende værdier", "rows read: {rows}, no missing values"),
    "finding_period": ("data fra {first} til {last}; perioden er {start} til {end}",
                       "data from {first} to {last}; the period is {start} to {end}"),
    "finding_period_only": ("alle inden for perioden {start} til {end}", "all inside the period {start} to {end}"),
    "finding_dates_apart": ("; {n} rækker står for sig selv (se bemærkningerne)",
                            "; {n} rows stand apart (see the notes)"),
    "finding_same_visits": ("; {n} besøg gentager et andet under nyt id (se bemærkningerne)",
                            "; {n} visits repeat another under a new id (see the notes)"),
    "finding_cpr": ("patient-id kontrolleret: {rows}", "patient ids checked: {rows}"),
    "finding_unique_visits": ("besøgs-id: {rows}, alle forskellige", "visit ids: {rows}, all different"),
    "finding_unique_aggregated": ("rækker: {rows}, ingen celle gentaget", "rows: {rows}, no cell repeated"),
    "finding_merged": ("rækker med samme nøgle: {merged}, lagt sammen til celler: {cells}",
                       "rows sharing a key: {merged}, summed into cells: {cells}"),
    "finding_counts": ("rækker kontrolleret: {rows}", "rows checked: {rows}"),
    "finding_names": ("navne kontrolleret: {names}, ingen er en sjælden stavevariant af et hyppigt navn; "
                      "omdøbninger anvendt: {renamed}",
                      "names checked: {names}, none a rare misspelling of a common one; renames applied: {renamed}"),
    "finding_names_unknown": ("ikke registreret for dette input", "not recorded for this input"),
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
    "first": ("Første", "First"),
    "last": ("Sidste", "Last"),
    "absent": ("Uden besøg", "Without visits"),
    "appears": ("kommer til", "appears"),
    "disappears": ("forsvinder", "disappears"),
    "appears_disappears": ("kun i en del af perioden", "only in part of the period"),
    "gap": ("hul", "gap"),
    "old_name": ("Gammelt navn", "Old name"),
    "new_name": ("Nyt navn", "New name"),
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
    "csv_format": ("CSV i tegnsættet {encoding}, skilletegn “{separator}”, decimaltegn “{decimal}”",
                   "CSV in the {encoding} character set, separator “{separator}”, decimal mark “{decimal}”"),
    "kind_visits": ("ét besøg pr. række", "one visit per row"),
    "kind_aggregated": ("forudberegnede antal", "pre-aggregated counts"),
    "builtin_mapping": ("den indbyggede danske oversættelse", "the built-in Danish aliases"),
    "dq_checks_caption": ("Kontroller af data", "Checks of the data"),
    "dq_notes": ("Bemærkninger til indlæsningen", "Notes on the reading"),
    "dq_notes_text": ("Data er læst og bestod kontrollerne, men dette er værd at se på i udtrækket:",
                      "The data were read and passed the checks, but this is worth a look in the extract:"),
    "note_rows": ("række {rows}", "row {rows}"),
    "note_rows_many": ("rækkerne {rows}", "rows {rows}"),
    "note_rows_more": ("rækkerne {rows} og {more} flere", "rows {rows} and {more} more"),
    "note_bad_bytes": ("**{n}** rækker har tegn, der ikke er gyldig UTF-8, selv om resten af filen er UTF-8 "
                       "(fx to filer sat sammen); de er læst som Windows-1252 (sådan skrives æ, ø og å i ældre "
                       "filer) i {columns}: {rows}. Se efter, at navnene i de rækker er rigtige, eller gem hele "
                       "filen som UTF-8 igen.",
                       "**{n}** rows hold characters that are not valid UTF-8, though the rest of the file is UTF-8 "
                       "(e.g. two files joined); they were read as Windows-1252 (as older files write æ, ø and å) "
                       "in {columns}: {rows}. Check that the names in those rows are right, or save the whole "
                       "file as UTF-8 again."),
    "note_sector_from_names": ("Filen har ingen kolonne for sektor, så sektoren er læst af navnene: et speciale eller "
                               "hospital med 'psykiatri' i navnet er psykiatri (**{n}** rækker; specialerne "
                               "{specialties}), resten somatik. Passer det ikke, så tilføj en kolonne `Sektor` "
                               "(somatik/psykiatri).",
                               "The file has no sector column, so the sector was read from the names: a specialty or "
                               "hospital with 'psychiatry' ('psykiatri') in its name is psychiatry (**{n}** rows; "
                               "the specialties {specialties}), the rest somatic. If that is wrong, add a column "
                               "`Sektor` (somatic/psychiatry)."),
    "note_sector_from_names_none": ("Filen har ingen kolonne for sektor, og intet speciale eller hospital har "
                                    "'psykiatri' i navnet, så alle rækker er læst som somatik. Passer det ikke, så "
                                    "tilføj en kolonne `Sektor` (somatik/psykiatri).",
                                    "The file has no sector column, and no specialty or hospital has 'psychiatry' "
                                    "('psykiatri') in its name, so every row was read as somatic. If that is wrong, "
                                    "add a column `Sektor` (somatic/psychiatry)."),
    "note_blank_rows": ("**{n}** tomme linjer (kun skilletegn, eller tomme rækker i et regneark) er sprunget over: "
                        "{rows}.",
                        "**{n}** empty lines (separators only, or empty rows of a sheet) were skipped: {rows}."),
    "note_dates_apart": ("**{n}** rækker er dateret {months}, skilt fra resten af data af mindst {gap} måneder "
                         "uden besøg: {rows}. Se efter, om årstallet er skrevet forkert; de tælles med, som de er.",
                         "**{n}** rows are dated {months}, cut off from the rest of the data by at least {gap} "
                         "months without visits: {rows}. Check whether the year is a slip; they are counted as "
                         "they are."),
    "note_same_visits": ("**{n}** besøg gentager et andet besøgs patient, dato, hospital, speciale, besøgstype og "
                         "kontaktform under et nyt id ({groups} grupper, fx {rows}). De tælles med, "
                         "som de er; se efter, om udtrækket har nogle besøg to gange.",
                         "**{n}** visits repeat another visit's patient, date, hospital, specialty, visit type and "
                         "contact mode under a new id ({groups} groups, e.g. {rows}). They are counted "
                         "as they are; check whether the extract lists some visits twice."),
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
    "vt_rule": ("Et besøg er et **førstegangsbesøg** (udredning), når det er patientens første kontakt i specialet "
                "{within}, eller den første efter mere end **{gap} dage** uden kontakt dér{extra}; ellers er det "
                "en **kontrol**.",
                "A visit is a **first visit** (assessment) when it is the patient's first contact in the specialty "
                "{within}, or the first after more than **{gap} days** without a contact there{extra}; otherwise it "
                "is a **follow-up**."),
    "vt_within_hospital": ("på samme hospital", "at the same hospital"),
    "vt_within_region": ("på et hvilket som helst hospital i udtrækket", "at any hospital of the extract"),
    "vt_rule_referral_source": (", eller når det er henvist udefra (almen praksis, andet sygehus, akutmodtagelse) "
                                "og kontakten før ikke var henvist på samme måde",
                                ", or when it is referred from outside (general practice, another hospital, the "
                                "emergency department) and the contact before it was not referred the same way"),
    "vt_rule_priority": (", eller når det er akut", ", or when it is acute"),
    "vt_run_in": ("De første **{months} måneder** ({first} til {last}: {visits} besøg) er indkøring: de bruges kun "
                  "til at se, om en patient allerede var i et forløb, og indgår ikke i rapporterne, som begynder "
                  "i {start}.",
                  "The first **{months} months** ({first} to {last}: {visits} visits) are a run-in: they are used "
                  "only to see whether a patient was already in a course, and are left out of the reports, which "
                  "begin in {start}."),
    "vt_no_run_in": ("Der er ingen indkøring (0 måneder): en patient, hvis forløb begyndte før udtrækket, "
                     "tælles med et førstegangsbesøg ved sin første kontakt i det.",
                     "There is no run-in (0 months): a patient whose course began before the extract "
                     "counts a first visit at their first contact in it."),
    "vt_intro": ("Filen har ingen besøgstype; den er udledt af kontakterne, som mappingfilen beder om (indstillingerne "
                 "står under Om kørslen nederst).",
                 "The file has no visit type; it was derived from the contacts, as the mapping file asks (the "
                 "settings are under About this run at the foot)."),
    "vt_result": ("**{first}** af de {visits} besøg efter indkøringen ({share}) blev førstegangsbesøg, "
                  "{follow_ups} blev kontroller. Behandling, indgreb og prøvetagning kan ikke skelnes fra kontroller "
                  "og tælles som kontroller.",
                  "**{first}** of the {visits} visits after the run-in ({share}) became first visits, "
                  "{follow_ups} follow-ups. Treatment, procedures and samples cannot be told apart from follow-ups "
                  "and count as such."),
    "vt_summary_caption": ("Udledte besøgstyper, efter indkøringen", "Derived visit types, after the run-in"),
    "vt_by_year_caption": ("Førstegangsbesøg pr. år, efter indkøringen", "First visits per year, after the run-in"),
    "vt_what": ("Udledt besøgstype", "Derived visit type"),
    "vt_reason_new": ("Førstegangsbesøg: første kontakt i udtrækket", "First visit: first contact in the extract"),
    "vt_reason_gap": ("Førstegangsbesøg: efter en pause", "First visit: after a pause"),
    "vt_reason_referral": ("Førstegangsbesøg: ny henvisning", "First visit: new referral"),
    "vt_reason_acute": ("Førstegangsbesøg: akut", "First visit: acute"),
    "first_visits": ("Førstegangsbesøg", "First visits"),
    "first_share": ("Andel førstegangsbesøg", "First-visit share"),
    "vt_warn_no_run_in": ("**Advarsel:** uden indkøring tælles hver igangværende patients første kontakt i udtrækket "
                          "som et førstegangsbesøg; kontrollerne ser derfor ud til at stige, og en reduktion efter en "
                          "beslutning kan ikke aflæses. Sæt en indkøring i mappingfilen (fx 12 måneder).",
                          "**Warning:** without a run-in every ongoing patient's first contact in the extract counts "
                          "as a first visit; follow-ups then seem to rise, and a reduction after a decision cannot be "
                          "read. Set a run-in in the mapping file (e.g. 12 months)."),
    "vt_warn_short_run_in": ("**Advarsel:** indkøringen er kortere end pausen: en patient i forløb, som "
                             "ikke havde kontakt i indkøringen, tælles med et nyt førstegangsbesøg. Gør "
                             "indkøringen i mappingfilen mindst lige så lang som pausen.",
                             "**Warning:** the run-in is shorter than the pause: a patient in a course "
                             "with no contact in the run-in counts a new first visit. Make the run-in in the mapping "
                             "file at least as long as the pause."),
    "vt_warn_early": ("**Advarsel:** andelen af førstegangsbesøg er {ratio} gange så høj i de første {months} måneder "
                      "efter indkøringen som senere. Det tyder på, at forløb, der begyndte før udtrækket, stadig "
                      "tælles som nye: gør indkøringen i mappingfilen længere, før rapporternes udvikling i kontroller læses.",
                      "**Warning:** the share of first visits is {ratio} times as high in the first {months} months "
                      "after the run-in as later. Courses that began before the extract are probably still counted "
                      "as new: lengthen the run-in in the mapping file before reading the reports' trend in follow-ups."),
    "dq_edge": ("Førstegangsbesøg i begyndelsen af data", "First visits at the start of the data"),
    "vt_warn_edge": ("**Advarsel:** andelen af førstegangsbesøg er {ratio} gange så høj i datas første {months} "
                     "måneder som senere. Er besøgstypen udledt af kontakterne uden indkøring (fx af et LPR3-udtræk: "
                     "første kontakt pr. patient og speciale), tælles patienter, hvis forløb begyndte før udtrækket, "
                     "som nye, og kontrollerne ser ud til at stige. Lad i stedet analysen udlede besøgstypen med en "
                     "indkøring (i mappingfilen, som vejledningen beskriver).",
                     "**Warning:** the share of first visits is {ratio} times as high in the data's first {months} "
                     "months as later. If the visit type was derived from the contacts without a run-in (e.g. from "
                     "an LPR3 extract: the first contact per patient and specialty), patients whose course began "
                     "before the extract count as new, and the follow-ups seem to rise. Let the analysis derive the "
                     "visit type with a run-in instead (in the mapping file, as the guide describes)."),
    "vt_note": ("Besøgstyperne er udledt af kontakterne (filen har ingen). {rule} {run_in} Se "
                "datakvalitetsrapporten.",
                "The visit types were derived from the contacts (the file has none). {rule} {run_in} See the "
                "data-quality report."),
    "vt_note_warn": ("**Datakvalitetsrapporten advarer om udledningen; læs den først.**",
                     "**The data-quality report warns about the derivation; read it first.**"),
    "vt_footer": ("Besøgstype", "Visit type"),
    "vt_footer_text": ("udledt af kontakterne ({settings}); indkøring {run_in}",
                       "derived from the contacts ({settings}); run-in {run_in}"),
    "vt_footer_none": ("udledt af kontakterne ({settings}); ingen indkøring",
                       "derived from the contacts ({settings}); no run-in"),
    # 01 activity overview
    "scope": ("Område", "Scope"),
    "value_dkk": ("Værdi (kr.)", "Value (DKK)"),
    "follow_up_share": ("Andel kontroller", "Follow-up share"),
    "in_person_share": ("Andel fremmøde", "In-person share"),
    "change_from_last_year": ("Ændring fra året før", "Change from the year before"),
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
    # 02 variation
    "measure_follow_ups_per_patient": ("Kontroller pr. patient", "Follow-ups per patient"),
    "measure_visits_per_patient": ("Besøg pr. patient", "Visits per patient"),
    "measure_follow_up_ratio": ("Kontroller pr. udredning", "Follow-ups per first visit"),
    "measure_in_person_share": ("Andel fremmøde", "Share in person"),
    "measure_follow_ups_per_patient_phrase": ("kontroller pr. patient", "follow-ups per patient"),
    "measure_visits_per_patient_phrase": ("besøg pr. patient", "visits per patient"),
    "measure_follow_up_ratio_phrase": ("kontroller i forhold til udredninger", "follow-ups per first visit"),
    "measure_in_person_share_phrase": ("besøg med fremmøde", "visits in person"),
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
    "observed": ("Observeret", "Observed"),
    "expected": ("Forventet", "Expected"),
    "ratio": ("Obs./forv.", "Obs./exp."),
    "excess": ("Forskel i besøg", "Difference in visits"),
    "beyond_limit": ("Heraf uden for grænsen", "Of which beyond the limit"),
    "class": ("Vurdering", "Assessment"),
    "high_998": ("højt (99,8 %)", "high (99.8%)"),
    "high_95": ("højt (95 %)", "high (95%)"),
    "within": ("inden for", "within"),
    "low_95": ("lavt (95 %)", "low (95%)"),
    "low_998": ("lavt (99,8 %)", "low (99.8%)"),
    "no_data": ("ingen data", "no data"),
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
    "units": ("Hospitaler", "Hospitals"),
    "scv": ("SCV", "SCV"),
    "eq": ("EQ", "EQ"),
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
    "od_additive": ("additiv tilfældig effekt (DerSimonian-Laird)", "an additive random effect (DerSimonian-Laird)"),
    "od_multiplicative": ("multiplikativ faktor √φ", "a multiplicative factor √φ"),
    "od_none": ("ingen justering", "no adjustment"),
    "var_unavailable": ("Denne sammenligning kan ikke laves med disse inddata: de mangler besøg på patientniveau "
                        "eller fordelt på aldersgruppe og køn. Vælg et andet mål eller ingen standardisering.",
                        "This comparison cannot be made with this input: it lacks patient-level visits or visits by "
                        "age band and sex. Choose another measure, or no standardisation."),
    "var_abbreviations": ("Forkortelser", "Abbreviations"),
    "short": ("Forkortelse", "Short"),
    # 03 reduction potential
    "pot_title": ("Reduktionspotentiale", "Reduction potential"),
    "pot_subtitle": ("Besøg der kan undgås, og hvad de er værd – {year}, {sector}",
                     "Visits that could go, and what they are worth – {year}, {sector}"),
    "pot_intro": ("Potentialet består af et benchmark, besøg over {benchmark}, og {n} forandringsidéer fra "
                  "scenariefilen. Idéerne regnes i rækkefølge, så samme besøg ikke tælles to gange. Andele, takster "
                  "og omkostninger er **antagelser til drøftelse**, ikke facitliste; intervallerne viser "
                  "usikkerheden.",
                  "The potential combines a benchmark, visits above {benchmark}, with {n} change ideas from the "
                  "scenario file. The ideas are applied in order, so no visit is counted twice. Shares, tariffs and "
                  "costs are **assumptions to debate**, not a final answer; the intervals show the uncertainty."),
    "pot_no_benchmark": ("Benchmark-delen kan ikke beregnes med disse inddata (hverken patienter eller "
                         "førstegangsbesøg at regne fra); den er udeladt.",
                         "The benchmark part cannot be computed from this input (neither patients nor first visits "
                         "to count from); it is left out."),
    "pot_benchmark_counts": ("Inddata giver ikke patienter pr. hospital og speciale, så benchmark regnes på "
                             "optællingerne: hver besøgstypes besøg pr. udredning.",
                             "The input does not give patients per hospital and specialty, so the benchmark rests on "
                             "the counts: each visit type's visits per first visit."),
    "pot_benchmark_crude": ("Benchmark er ukorrigeret for patientsammensætning, fordi inddata ikke er fordelt på "
                            "aldersgruppe og køn.",
                            "The benchmark is not adjusted for case mix, because the input is not broken down by age "
                            "band and sex."),
    "pot_in_person_avoided": ("Fremmøder undgået (95 %-interval)", "In-person visits avoided (95% interval)"),
    "pot_budget": ("Budgetvirkning pr. år (95 %-interval)", "Budget effect a year (95% interval)"),
    "pot_tariff": ("Aktivitetsværdi pr. år, ikke kroner i kassen (95 %-interval)",
                   "Tariff value a year, not cash (95% interval)"),
    "pot_gap": ("Mangler pr. år mod kravet", "Short of the requirement a year"),
    "pot_head_budget": ("Forandringsidéernes budgetvirkning pr. år mod kravet på {target} (95 %-interval)",
                        "The change ideas' budget effect a year against the requirement of {target} (95% interval)"),
    "pot_head_tariff": ("Aktivitetsværdi af de samme besøg: frigjort kapacitet, ikke kroner i kassen "
                        "(95 %-interval)",
                        "Tariff value of the same visits: capacity freed, not cash (95% interval)"),
    "money_two_kinds": ("To slags kroner: **budgetvirkningen** er de kroner, budgettet faktisk kan give slip på "
                        "(personaletid til løn, variable udgifter, minus hvad erstatningen koster), og det er den, "
                        "kravet på {target} måles mod; **aktivitetsværdien** er de samme besøg til takst, altså "
                        "frigjort kapacitet og ikke kroner i kassen, og den er større, fordi taksten også dækker "
                        "bygninger, udstyr, ledelse og andre faste udgifter, som ikke forsvinder med besøget.",
                        "Two kinds of kroner: the **budget effect** is the money the budget can actually give up "
                        "(staff time at salary cost, variable costs, less what the substitute costs), and it is "
                        "what the requirement of {target} is measured against; the **tariff value** is the same "
                        "visits at the tariff, that is capacity freed and not cash, and it is larger because the "
                        "tariff also pays for buildings, equipment, management and other fixed costs that do not go "
                        "with the visit."),
    "pot_share_of_activity": ("Andel af aktiviteten", "Share of activity"),
    "pot_target": ("Besparelseskrav pr. år", "Saving required a year"),
    "pot_summary": ("Med de valgte antagelser giver forandringsidéerne en **budgetvirkning på {budget}** om året "
                    "(95 %-interval {lo} til {hi}, {draws} simulationer), svarende til **{cover}** af kravet på "
                    "{target} om året. Aktivitetsværdien af de samme besøg er {value} (95 %-interval {value_lo} til "
                    "{value_hi}).",
                    "With the chosen assumptions the change ideas give a **budget effect of {budget}** a year (95% "
                    "interval {lo} to {hi}, {draws} simulations), that is **{cover}** of the {target} required a "
                    "year. The tariff value of the same visits is {value} (95% interval {value_lo} to {value_hi})."),
    "pot_drivers": ("Driverdiagram", "Driver diagram"),
    "pot_aim": ("Mål: {target} om året i budgetvirkning", "Aim: {target} a year in budget effect"),
    "pot_driver_title": ("Fra mål til forandringsidéer, {year}", "From aim to change ideas, {year}"),
    "pot_driver_how": ("Læs fra venstre: målet nås gennem fire drivere, som hver bæres af konkrete forandringsidéer "
                       "med deres antal besøg, budgetvirkning (kroner i kassen) og aktivitetsværdi (frigjort "
                       "kapacitet). Idéerne med den største budgetvirkning bærer målet.",
                       "Read from the left: the aim is reached through four drivers, each carried by concrete "
                       "change ideas with their visits, budget effect (cash) and tariff value (capacity freed). The "
                       "ideas with the largest budget effect carry the aim."),
    "dd_budget": ("budgetvirkning {dkk}", "budget effect {dkk}"),  # the driver diagram's two kinds of kroner
    "dd_tariff": ("aktivitetsværdi {dkk}", "tariff value {dkk}"),
    "pot_ideas": ("Forandringsidéer", "Change ideas"),
    "pot_ideas_caption": ("Idéer i den rækkefølge de regnes, {year}; budgetvirkning og aktivitetsværdi i kr. pr. år",
                          "Ideas in the order they are applied, {year}; budget effect and tariff value in DKK a "
                          "year"),
    "scenario": ("Forandringsidé", "Change idea"),
    "source": ("Forslag fra", "Proposed by"),
    "share_range": ("Andel, spænd (valgt)", "Share, range (chosen)"),
    # 03: what a change idea's share rests on (scenarios.share_basis, measures.MEASURES)
    "share_basis": ("Andelen bygger på", "The share rests on"),
    "pot_basis_measured": ("målt: {what}", "measured: {what}"),
    "pot_basis_assumed": ("antaget", "assumed"),
    "pot_measure_benchmark": ("besøg over benchmark", "visits above the benchmark"),
    "pot_measure_calendar_follow_ups": ("kalenderbookede kontroller", "calendar-booked follow-ups"),
    "pot_needs_visit_level": ("data på besøgsniveau", "visit-level data"),
    "pot_about_calendar_follow_ups": ("kontroller, hvis afstand til patientens forrige kontrol i samme speciale ligger "
                                      "højst {tolerance} dage fra {targets} dage, ud over dem, der forventes dér uden "
                                      "kalenderbooking (som i rapport 08), som andel af kontrollerne med en forrige "
                                      "kontrol",
                                      "follow-ups whose interval to the patient's previous follow-up in the same "
                                      "specialty lies within {tolerance} days of {targets} days, beyond those expected "
                                      "there without calendar booking (as in report 08), as a share of the follow-ups "
                                      "with a previous one"),
    "pot_measure_basic_level_follow_ups": ("kontroller på basisniveau, der kunne ske tættere på hjemmet",
                                           "basic-level follow-ups that could take place closer to home"),
    "pot_needs_levels": ("specialiseringstabeller, der udpeger universitetshospitalet og giver dets diagnosegrupper et "
                         "niveau (rapport 08 viser, hvad der mangler)",
                         "level tables that name the university hospital and give its diagnosis groups a level "
                         "(report 08 shows what is missing)"),
    "pot_needs_diagnosis_residence": ("data på besøgsniveau med diagnosegruppe og bopælskommune",
                                      "visit-level data with a diagnosis group and the municipality of residence"),
    "pot_about_basic_level_follow_ups": ("fremmødekontroller på universitetshospitalet, hvis diagnosegruppe hører til "
                                         "på basisniveau, hos patienter fra et andet hospitals område, hvor hospitalet "
                                         "har specialet (som i rapport 08), som andel af universitetshospitalets "
                                         "fremmødekontroller i specialet; en flyttet kontrol sparer takstforskellen "
                                         "mellem niveauerne og undgår intet fremmøde",
                                         "in-person follow-ups at the university hospital whose diagnosis group "
                                         "belongs at the basic level, of patients from another hospital's area "
                                         "where that hospital holds the specialty (as in report 08), as a share of "
                                         "the university hospital's in-person follow-ups in the specialty; a moved "
                                         "follow-up saves the tariff difference between the levels and avoids no "
                                         "attendance"),
    "pot_idea_measured": ("Idéen “{idea}” tager sin andel af en målt størrelse, {measure}: {about}. Andelen er den del "
                          "af dem, der antages at kunne nås.",
                          "The idea “{idea}” takes its share of a measured quantity, {measure}: {about}. The share is "
                          "the part of them assumed reachable."),
    "pot_idea_untouched": ("Idéen “{idea}” berører ingen besøg: der er ingen fremmøder at ændre blandt de besøg, den "
                           "udvælger.",
                           "The idea “{idea}” touches no visits: the visits it selects hold no attendance to change."),
    "pot_idea_untouched_names": ("Idéen “{idea}” berører ingen besøg: scenariefilen nævner {names}, som ikke findes i "
                                 "data. Skriv navnene, som data skriver dem.",
                                 "The idea “{idea}” touches no visits: the scenario file names {names}, which are not "
                                 "in the data. Write the names as the data write them."),
    "pot_idea_left_out": ("Idéen “{idea}” bygger på en målt størrelse ({measure}), som kræver {needs}; den er ikke "
                          "regnet med.",
                          "The idea “{idea}” rests on a measured quantity ({measure}), which needs {needs}; it is not "
                          "counted."),
    "visits_changed": ("Besøg ændret", "Visits changed"),
    "in_person_avoided": ("Fremmøder undgået", "In-person visits avoided"),
    "saving_dkk": ("Besparelse (kr.)", "Saving (DKK)"),
    "budget_effect_dkk": ("Budgetvirkning (kr.)", "Budget effect (DKK)"),
    "tariff_value_dkk": ("Aktivitetsværdi (kr.)", "Tariff value (DKK)"),
    "staff_dkk": ("Personale (kr.)", "Staff (DKK)"),
    "variable_dkk": ("Variable udgifter (kr.)", "Variable costs (DKK)"),
    "substitute_dkk": ("Erstatningens udgift (kr.)", "Substitute's cost (DKK)"),
    "dkk_per_fte": ("Kr. pr. årsværk", "DKK per FTE"),
    "budget_mdkk": ("Budgetvirkning, mio. kr.", "Budget effect, DKK million"),
    "mdkk_year": ("Mio. kr. pr. år", "DKK million a year"),
    "pot_where": ("Hvor ligger potentialet?", "Where is the potential?"),
    "pot_by_visit_type": ("Pr. besøgstype: budgetvirkning og aktivitetsværdi (kr. pr. år)",
                          "By visit type: budget effect and tariff value (DKK a year)"),
    "pot_by_specialty": ("Specialerne med størst budgetvirkning (højst 15), {year}",
                         "The specialties with the largest budget effect (at most 15), {year}"),
    "pot_specialty_how": ("Den {budget:e} søjle er specialets budgetvirkning pr. år fra alle forandringsidéer (kroner i "
                          "kassen), den grå bag den aktivitetsværdien af de samme besøg (frigjort kapacitet), i "
                          "mio. kr.",
                          "The {budget} bar is the specialty's yearly budget effect from all change ideas (cash), the "
                          "grey one behind it the tariff value of the same visits (capacity freed), in DKK million."),
    "legend_budget": ("Budgetvirkning (kroner i kassen)", "Budget effect (cash)"),
    "legend_tariff": ("Aktivitetsværdi (frigjort kapacitet)", "Tariff value (capacity freed)"),
    "pot_by_hospital": ("Pr. hospital: budgetvirkning med 95 %-interval og aktivitetsværdi (kr. pr. år)",
                        "By hospital: budget effect with its 95% interval and tariff value (DKK a year)"),
    "pot_benchmark": ("Besøg over benchmark", "Visits above the benchmark"),
    "pot_benchmark_caption": ("Største overskud over benchmark, i besøg; benchmark: {benchmark}",
                              "Largest excess over the benchmark, in visits; benchmark: {benchmark}"),
    "pot_benchmark_text": ("Kun besøg over benchmark tæller; et hospital under benchmark har intet potentiale (ikke et "
                           "negativt). Benchmark er {benchmark}, som forhold mellem observeret og forventet antal besøg.",
                           "Only visits above the benchmark count; a hospital below it has no potential (not a "
                           "negative one). The benchmark is {benchmark}, as a ratio of observed to expected visits."),
    "pot_vs_variation": ("Tallene her er pr. besøgstype og sammenlignes med det valgte benchmark; variationsrapporten "
                         "sammenligner alle kontroller i et speciale med det typiske hospital. Samme hospital og "
                         "speciale kan derfor have et andet forhold her end dér.",
                         "The figures here are per visit type and compared with the chosen benchmark; the variation "
                         "report compares all follow-ups of a specialty with the typical hospital. The same hospital "
                         "and specialty can therefore show another ratio here than there."),
    "potential": ("Besøg over benchmark", "Visits above benchmark"),
    "benchmark_ratio": ("Benchmark", "Benchmark"),
    "pot_sensitivity": ("Hvilke antagelser betyder mest?", "Which assumptions matter most?"),
    "pot_tornado_title": ("Budgetvirkning når én antagelse ad gangen varieres",
                          "Budget effect when one assumption at a time varies"),
    "pot_costs_pm": ("Omkostninger ±20 % (løn, variable udgifter, erstatning)",
                     "Costs ±20% (salaries, variable costs, substitute)"),
    "pot_benchmark_choice": ("Valg af benchmark (bedste kvartil / gennemsnit)", "Choice of benchmark (best quartile / mean)"),
    "pot_tornado_how": ("Hver søjle viser den samlede budgetvirkning, når én antagelse sættes til sin lave og høje "
                        "værdi, og resten holdes fast. Den lodrette streg er hovedskønnet. De længste søjler er "
                        "dem, det er vigtigst at få afklaret med specialerne. Taksterne flytter ikke "
                        "budgetvirkningen, kun aktivitetsværdien.",
                        "Each bar shows the total budget effect with one assumption at its low and high value and "
                        "the rest held fixed. The vertical line is the main estimate. The longest bars are the ones "
                        "most worth settling with the specialties. The tariffs do not move the budget effect, only "
                        "the tariff value."),
    "pot_staff": ("Personale og naturlig afgang", "Staff and natural attrition"),
    "pot_staff_caption": ("Årsværk pr. personalegruppe og deres løn i budgetvirkningen (naturlig afgang {rate} om "
                          "året)",
                          "Full-time equivalents by staff group and their salary cost in the budget effect (natural "
                          "attrition {rate} a year)"),
    "staff_group": ("Personalegruppe", "Staff group"),
    "doctors": ("Læger", "Doctors"),
    "nurses": ("Sygeplejersker", "Nurses"),
    "secretaries": ("Sekretærer", "Secretaries"),
    "fte_in_use": ("Årsværk i ambulatorierne", "FTE in outpatient clinics"),
    "fte_freed": ("Årsværk frigjort", "FTE freed"),
    "fte_attrition": ("Årsværk i naturlig afgang", "FTE leaving by attrition"),
    "share_of_attrition": ("Frigjort i % af afgangen", "Freed as % of attrition"),
    "pot_staff_text": ("Under 100 % betyder, at reduktionen kan ske ved naturlig afgang inden for et år. Årsværkene "
                       "er dem, budgetvirkningens personaledel regnes af (årsværk frigjort gange kr. pr. årsværk); "
                       "et negativt tal betyder, at gruppen overtager opgaver og koster.",
                       "Below 100% means the reduction can come through natural attrition within a year. The FTE "
                       "are those the budget effect's staff part is computed from (FTE freed times DKK per FTE); a "
                       "negative number means the group takes tasks over and costs money."),
    "pot_phase": ("Indfasning med naturlig afgang", "Phase-in with natural attrition"),
    "pot_phase_caption": ("Budgetvirkning år for år, når stillinger kun forsvinder ved naturlig afgang ({rate} om "
                          "året), mod et fuldt år (kr.)",
                          "Budget effect year by year when positions go only through natural attrition ({rate} a "
                          "year), against a full year (DKK)"),
    "pot_phase_text": ("Personalekroner bliver først til kroner i kassen, når stillingerne faktisk forsvinder: "
                       "hvert år højst det, den naturlige afgang indtil da tillader. Variable udgifter og "
                       "erstatningens udgift tæller fuldt fra år 1; aktivitetsværdien afhænger ikke af "
                       "indfasningen.",
                       "Staff kroner become cash only when the positions actually go: each year at most what "
                       "natural attrition allows by then. Variable costs and the substitute's cost count in full "
                       "from year 1; the tariff value does not depend on the phase-in."),
    "phase": ("Indfasning", "Phase-in"),
    "phase_year": ("År {year}", "Year {year}"),
    "phase_full_year": ("Fuldt år (alle frigjorte stillinger er væk)", "Full year (every freed position gone)"),
    "phase_full_from_1": ("Den naturlige afgang rækker til, at alle de frigjorte stillinger kan gå allerede i år 1, "
                          "så budgetvirkningen er fuld fra første år.",
                          "Natural attrition is enough for every freed position to go in year 1, so the budget "
                          "effect is full from the first year."),
    "phase_full_from": ("Den naturlige afgang rækker ikke til alle de frigjorte stillinger i år 1; budgetvirkningen "
                        "er fuld fra år {year}.",
                        "Natural attrition is not enough for every freed position to go in year 1; the budget "
                        "effect is full from year {year}."),
    "phase_not_full": ("Inden for {years} år rækker den naturlige afgang ikke til alle de frigjorte stillinger; "
                       "resten bliver kun til kroner i kassen, hvis stillinger nedlægges på anden måde.",
                       "Within {years} years natural attrition is not enough for every freed position to go; the "
                       "rest becomes cash only if positions are cut in other ways."),
    "costs_used": ("**Omkostninger:** budgetvirkningen regnes med {tables}.",
                   "**Costs:** the budget effect is computed with {tables}."),
    "costs_default": ("{what} fra den illustrative tabel", "{what} from the illustrative table"),
    "costs_file": ("{what} fra regionens egen tabel", "{what} from the region's own table"),
    "costs_staff_time": ("minutter pr. besøg", "minutes per visit"),
    "costs_staff_cost": ("kr. pr. årsværk", "DKK per full-time position"),
    "costs_variable_cost": ("variable udgifter pr. besøg", "variable costs per visit"),
    "costs_substitute_cost": ("erstatningens pris (almen praksis, PRO-svar)",
                              "the substitute's price (general practice, a PRO answer)"),
    "costs_illustrative": ("De illustrative tabeller er antagelser, indtil regionen erstatter dem med egne tal.",
                           "The illustrative tables are assumptions until the region replaces them with its own "
                           "figures."),
    "pot_method": ("Benchmark: hver besøgstypes besøg pr. patient, indirekte standardiseret, mod det valgte "
                   "benchmark blandt specialets hospitaler (NHS RightCare-tanken om bedste sammenlignelige "
                   "enheder). Aktivitetsværdi: prisen for det undgåede besøg minus prisen for erstatningen "
                   "(priserne er nævnt øverst i rapporten). Budgetvirkning: personaletiden, der frigøres (minutter "
                   "pr. besøg gange kr. pr. årsværk), de variable udgifter, der falder væk, minus hvad erstatningen "
                   "koster regionen (almen praksis, PRO-svar); et flyttet besøg til et andet hospital i regionen "
                   "har ingen budgetvirkning. Intervaller: {draws} simulationer (startværdi for tilfældige tal: "
                   "{seed}), hvor alle antal trækkes Poisson-fordelt, benchmark genberegnes, og hver idés andel "
                   "trækkes trekantsfordelt mellem lav og høj værdi; budgetvirkning og aktivitetsværdi regnes af de "
                   "samme træk. Et interval, der ignorerer benchmarkenhedernes egen variation, overvurderer "
                   "potentialet (Dropkin 2018).",
                   "Benchmark: each visit type's visits per patient, indirectly standardised, against the chosen "
                   "benchmark among the specialty's hospitals (the NHS RightCare idea of best comparable units). "
                   "Tariff value: the price of the visit avoided minus the price of the substitute (the prices are "
                   "named at the top of the report). Budget effect: the staff time freed (minutes per visit times "
                   "DKK per full-time position) and the variable costs that go, less what the substitute costs the "
                   "region (general practice, a PRO answer); a visit moved to another hospital of the region has no "
                   "budget effect. Intervals: {draws} simulations (seed {seed}) in which every count is drawn from "
                   "a Poisson distribution, the benchmark recomputed, and each idea's share drawn from a triangular "
                   "distribution between its low and high value; budget effect and tariff value come from the same "
                   "draws. An interval that ignored the benchmark units' own variation would overstate the "
                   "potential (Dropkin 2018)."),
    # 04 savings key
    "mdkk": ("Mio. kr.", "DKK million"),
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
    "amount_dkk": ("Andel af besparelsen (kr.)", "Share of the saving (DKK)"),
    "short_dkk": ("Budgetvirkning mangler mod andelen (kr.)", "Budget effect short of the share (DKK)"),
    "beyond_dkk": ("Budgetvirkning ud over andelen (kr.)", "Budget effect beyond the share (DKK)"),
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
                     "(forskel):** {hospitals}. De må finde besparelser ud over det, analysen peger på.",
                     "**Hospitals whose share exceeds the budget effect the change ideas give them (gap):** "
                     "{hospitals}. They must find savings beyond what the analysis points to."),
    "key_compare": ("Nøglen er et valg", "The key is a choice"),
    "key_compare_caption": ("Hospitalernes andel efter tre mulige nøgler, {year} (kr.)",
                            "Each hospital's share under three possible keys, {year} (DKK)"),
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
    # the live what-if in JupyterLab (notebooks/what_if.ipynb, reporting/what_if_panel.py)
    "wi_title": ("Hvad nu hvis: forandringsidéer, benchmark og nøgle", "What if: change ideas, benchmark and key"),
    "wi_subtitle": ("Regnet om ved hver ændring, på aktiviteten i {year}",
                    "Recomputed at every change, on the activity of {year}"),
    "wi_intro": ("Flyt en forandringsidés andel inden for dens plausible interval i scenariefilen, eller vælg et andet "
                 "benchmark eller en anden nøgle: budgetvirkningen, hospitalernes andel af kravet og forskellen "
                 "regnes om med det samme, som 03 og 04 regner dem (punktskøn, uden intervaller). **Gem som "
                 "kørsel** skriver valget som en scenariefil og en kørselsfil, der udgiver rapporterne med det.",
                 "Move a change idea's share within its plausible range in the scenario file, or choose another "
                 "benchmark or key: the budget effect, the hospitals' shares of the requirement and the gap are "
                 "recomputed at once, as 03 and 04 compute them (point estimates, without intervals). **Save as a "
                 "run** writes the choice as a scenario file and a run file that publishes the reports with it."),
    "wi_ideas": ("Forandringsidéernes andel", "The change ideas' shares"),
    "wi_benchmark": ("Benchmark", "Benchmark"),
    "wi_basis": ("Nøgle efter", "Key by"),
    "wi_name": ("Kørslens navn", "Name of the run"),
    "wi_save": ("Gem som kørsel", "Save as a run"),
    "wi_saved": ("Gemt: scenariefilen `{scenarios}` og kørselsfilen `{run}`. Udgiv rapporterne med `python -m "
                 "analysis run --config {run}`.",
                 "Saved: the scenario file `{scenarios}` and the run file `{run}`. Publish the reports with `python "
                 "-m analysis run --config {run}`."),
    "wi_not_saved": ("Ikke gemt: {error}", "Not saved: {error}"),
    "wi_bad_name": ("navnet '{name}' skal begynde med et bogstav eller et ciffer og må ellers kun have bogstaver, "
                    "cifre, - og _ (højst 60 tegn, ingen mellemrum), f.eks. hvad_nu_hvis",
                    "the name '{name}' must start with a letter or a digit and hold only letters, digits, - and _ "
                    "(up to 60, no spaces), e.g. what_if"),
    "wi_taken": ("{path} findes og er ikke skrevet af hvad-nu-hvis, eller den er rettet siden; den erstattes ikke. "
                 "Vælg et andet navn",
                 "{path} exists and was not written by the what-if, or was changed since; it is not replaced. "
                 "Choose another name"),
    "wi_replaced": ("Det erstattede det valg, der før var gemt under samme navn.",
                    "It replaced the choice saved before under the same name."),
    "wi_budget": ("Budgetvirkning pr. år", "Budget effect a year"),
    "wi_run_title": ("Hvad nu hvis: {name}", "What if: {name}"),
    "wi_untouched": ("(rører ingen besøg i disse data)", "(touches no visit in these data)"),
    "wi_tariff": ("Aktivitetsværdi pr. år, ikke kroner i kassen", "Tariff value a year, not cash"),
    # prices and benchmarks in words (03, 04; tariffs.price_sentence, tariffs.price_table, potential)
    "prices_table_default": ("den illustrative taksttabel", "the illustrative tariff table"),
    "prices_table_file": ("regionens egen taksttabel", "the region's own tariff table"),
    "prices_used_own": ("**Priser:** regionens egne gennemsnitspriser fra værdikolonnen i inddata for alle besøg "
                        "(pr. år, besøgstype og kontaktform, og pr. speciale hvor prisen hviler på mindst {min_visits} "
                        "besøg).",
                        "**Prices:** the region's own average prices from the value column of the input for every "
                        "visit (per year, visit type and contact mode, and per specialty where the price rests on at "
                        "least {min_visits} visits)."),
    "prices_used_tariff": ("**Priser:** {table} for alle besøg; inddata giver ingen egne priser (ingen værdikolonne, "
                           "eller under {min_visits} besøg bag hver pris).",
                           "**Prices:** {table} for every visit; the input gives no own prices (no value column, or "
                           "fewer than {min_visits} visits behind each price)."),
    "prices_used_mixed": ("**Priser:** regionens egne gennemsnitspriser fra værdikolonnen i inddata for {own} af "
                          "besøgene; {table} for resten ({tariff}), hvor inddata ikke giver en pris med mindst "
                          "{min_visits} besøg bag.",
                          "**Prices:** the region's own average prices from the value column of the input for {own} "
                          "of the visits; {table} for the rest ({tariff}), where the input gives no price resting on "
                          "at least {min_visits} visits."),
    "prices_caption": ("Regionens egne priser pr. besøg fra værdikolonnen (værdi / besøg) mod taksttabellens",
                       "The region's own prices per visit from the value column (value / visits) against the tariff "
                       "table's"),
    "prices_none": ("Inddata giver ingen egne priser (ingen værdikolonne, eller under {min_visits} besøg bag hver "
                    "pris): alle kroner regnes med taksttabellen.",
                    "The input gives no own prices (no value column, or fewer than {min_visits} visits behind each "
                    "price): every krone is computed with the tariff table."),
    "prices_substitute_tariff": ("Prisen på det, der erstatter et fremmøde ({modes}), er taksttabellens, hvor inddata "
                                 "ikke giver en egen pris for den kontaktform.",
                                 "The price of what replaces an in-person visit ({modes}) is the tariff table's where "
                                 "the input gives no own price for that contact mode."),
    "gap_kpi_short": ("Budgetvirkningen mangler mod andelen", "Budget effect short of the share"),
    "gap_kpi_beyond": ("Budgetvirkningen ud over andelen", "Budget effect beyond the share"),  # a key figure: its value names the unit
    "dkk": ("Egen pris pr. besøg (kr.)", "Own price per visit (DKK)"),
    "tariff_dkk": ("Taksttabellens pris (kr.)", "Tariff table price (DKK)"),
    "all_specialties": ("Alle specialer", "All specialties"),
    "bench_median": ("medianen af specialets hospitaler (det typiske hospital)",
                     "the median of the specialty's hospitals (the typical hospital)"),
    "bench_mean": ("regionens samlede niveau (forholdstal 1)", "the region's overall level (ratio 1)"),
    "bench_best_quartile": ("bedste kvartil (det niveau, som den bedste fjerdedel af specialets hospitaler ligger under)",
                            "the best quartile (the level the best quarter of the specialty's hospitals is below)"),
    "bench_best_k_default": ("gennemsnittet af den bedste fjerdedel af specialets hospitaler (mindst 2)",
                             "the mean of the best quarter of the specialty's hospitals (at least 2)"),
    "bench_best_k": ("gennemsnittet af specialets {k} bedste hospitaler", "the mean of the specialty's {k} best hospitals"),
    "bench_fixed": ("et fast forholdstal på {ratio} af det forventede", "a fixed ratio of {ratio} to the expected"),
    "bench_guideline": ("retningslinjetabellens anbefalede antal kontroller pr. patient",
                        "the guideline table's recommended follow-ups per patient"),
    "pot_best_k_warning": ("**Bemærk:** k er mindst lige så stort som antallet af hospitaler at sammenligne med i "
                           "{units}. Dér er benchmark blot gennemsnittet af alle specialets hospitaler, løsere end "
                           "medianen; vælg et mindre k eller et andet benchmark.",
                           "**Note:** k is at least the number of hospitals to compare with in {units}. There the "
                           "benchmark is just the mean of all the specialty's hospitals, looser than the median; "
                           "choose a smaller k or another benchmark."),
    "pot_best_k_unit": ("{specialty}, {visit_type} (hospitaler: {peers}, k = {k})",
                        "{specialty}, {visit_type} (hospitals: {peers}, k = {k})"),
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
                            "kravet på {share}: **{status}** (reglen og metoden som i opfølgningen, 07).",
                            "After the decision of {date} the hospital's budget effect is now {rate} a year against its "
                            "share of the requirement of {share}: **{status}** (the rule and the method as in following "
                            "the decision, 07)."),
    "hosp_by_specialty": ("Besøg pr. speciale, {year}", "Visits by specialty, {year}"),
    "hosp_specialty_how": ("Søjlen er hospitalets ambulante besøg i året i hvert speciale (højst de 15 største).",
                           "The bar is the hospital's outpatient visits in the year in each specialty (at most the 15 largest)."),
    "hosp_mix_caption": ("Besøgstyper: hospitalet mod sektoren, {year}", "Visit types: the hospital against its sector, {year}"),
    "hosp_modes_caption": ("Kontaktformer: hospitalet mod sektoren, {year}", "Contact modes: the hospital against its sector, {year}"),
    "region_share": ("Andel i sektoren", "Share in the sector"),
    "hosp_variation": ("Hvor ligger hospitalet i variationen?", "Where does the hospital sit in the variation?"),
    "hosp_funnel_how": ("Hospitalet er ringet ind ({short}). Punkter uden for den fuldt optrukne tragt afviger mere, "
                        "end tilfældigheder og almindelig variation kan forklare.",
                        "The hospital is ringed ({short}). Points outside the solid funnel differ more than chance and "
                        "ordinary variation explain."),
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
    "pw_kpi_calendar": ("kontrolintervaller på ca. 3, 6 eller 12 måneder", "follow-up intervals at about 3, 6 or 12 months"),
    "pw_kpi_beyond": ("heraf ud over forventet uden kalenderbooking", "of which beyond those expected without calendar "
                      "booking"),
    # a count's card names the count ("antal ..."), so it reads the same under 1 as under 12
    "pw_kpi_high": ("antal enheder (hospital og speciale) over den øvre grænse",
                    "number of units (hospital and specialty) above the upper limit"),
    "pw_kpi_stable": ("lange stabile forløb, aktivitetsværdi pr. år", "long stable series, tariff value a year"),
    "pw_kpi_acute": ("akutte besøg", "acute visits"),
    "pw_calendar": ("Kontroller efter kalenderen", "Follow-ups by the calendar"),
    "pw_calendar_text": ("For hver patient er afstanden mellem to kontroller i samme hospital og speciale talt i dage "
                         "(hvad der end ligger imellem: en blodprøve før hver kontrol hører til mønstret). Et interval "
                         "er kalenderagtigt, når det ligger inden for {tolerance} dage af {targets} dage. I hele "
                         "regionen er {share} af {intervals} intervaller kalenderagtige; forventet uden kalenderbooking "
                         "er {chance} (det, vinduerne på {shift} dage fanger, flyttet deres bredde frem og tilbage). "
                         "Figuren "
                         "sammenligner hospital og speciale med regionens andel; grænserne tager højde for, at "
                         "enhederne varierer mere end tilfældigt.",
                         "For each patient the time between two follow-ups in the same hospital and specialty is "
                         "counted in days (whatever lies between them: a blood test before each follow-up is part of the "
                         "pattern). An interval is calendar-like when it lies within {tolerance} days of {targets} days. "
                         "Across the region {share} of {intervals} intervals are calendar-like; expected without "
                         "booking by the calendar: {chance} (what the windows of {shift} days catch moved their width "
                         "earlier and later). The figure "
                         "compares each hospital and specialty with the region's share; the limits allow for units "
                         "differing by more than chance."),
    "pw_chart_calendar": ("Andel kalenderagtige kontrolintervaller pr. hospital og speciale",
                          "Share of calendar-like follow-up intervals by hospital and specialty"),
    "pw_chart_calendar_x": ("Kontrolintervaller (logaritmisk akse)", "Follow-up intervals (log scale)"),
    "pw_chart_calendar_y": ("Kalenderagtige intervaller", "Calendar-like intervals"),
    "pw_calendar_how": ("Hvert punkt er et hospital og et speciale. Jo flere intervaller, jo længere til højre og jo "
                        "snævrere grænser. Punkter over den fuldt optrukne linje (99,8 %) ligger klart over regionens "
                        "andel, over den stiplede (95 %) muligvis; de er navngivet. {low_998:E} og {low_95:e} punkter ligger under "
                        "grænserne: færre kalenderagtige intervaller end regionen.",
                        "Each point is a hospital and a specialty. The more intervals, the further right and the "
                        "narrower the limits. Points above the solid line (99.8%) lie clearly above the region's "
                        "share, above the dashed line (95%) possibly; they are named. {low_998:E} and {low_95} points lie below "
                        "the limits: fewer calendar-like intervals than the region."),
    "pw_calendar_03": ("En idé i reduktionspotentialet (03), der måles på kalenderbookede kontroller (som PRO-baseret "
                       "opfølgning), tager sin andel af de kalenderagtige kontroller ud over dem, der forventes uden "
                       "kalenderbooking, enhed for enhed: i hele regionen {beyond} af intervallerne. De lange, stabile "
                       "forløb nedenfor er et snævrere udvalg og ikke det, 03 regner med.",
                       "An idea in the reduction potential (03) measured on calendar-booked follow-ups (such as "
                       "PRO-based follow-up) takes its share of the calendar-like follow-ups beyond those expected "
                       "without calendar booking, unit by unit: across the region {beyond} of the intervals. The long "
                       "stable series below are a narrower selection and not what 03 counts on."),
    "pw_calendar_high": ("{unit} har {share} kalenderagtige kontrolintervaller mod regionens {target} og {chance} forventet "
                         "uden kalenderbooking ({intervals} intervaller): klart over den øvre grænse. Her bookes kontrollerne sandsynligvis efter "
                         "kalenderen; det er et sted at spørge, om de kunne styres af behov.",
                         "{unit} has {share} calendar-like follow-up intervals against the region's {target} and "
                         "{chance} expected without booking by the calendar ({intervals} intervals): clearly above the upper limit. Follow-ups here are probably "
                         "booked by the calendar; a place to ask whether need could steer them."),
    "pw_calendar_possibly": ("Muligvis over grænsen (95 %): {units}.", "Possibly above the limit (95%): {units}."),
    "pw_calendar_none": ("Ingen hospital og speciale ligger over den øvre grænse.",
                         "No hospital and specialty lies above the upper limit."),
    "pw_calendar_caption": ("Enheder over den øvre grænse, {year}", "Units above the upper limit, {year}"),
    "pw_unit": ("Enhed", "Unit"),
    "pw_intervals": ("Intervaller", "Intervals"),
    "pw_calendar_like": ("Kalenderagtige", "Calendar-like"),
    "pw_calendar_share": ("Andel kalenderagtige", "Calendar-like share"),
    "pw_chance_share": ("Forventet uden kalenderbooking", "Expected without calendar booking"),
    "pw_upper": ("Øvre grænse (99,8 %)", "Upper limit (99.8%)"),
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
    "pw_referral_source": _REFERRAL_SOURCE,
    **{f"pw_src_{source}": pair for source, pair in _REFERRAL_SOURCES.items()},
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
                  "kalenderbooking er det, de samme vinduer fanger, flyttet deres egen bredde frem og tilbage. Tragtgrænserne er Wilson-grænser om "
                  "regionens andel{widened}. Lange forløb tælles over hele perioden "
                  "og kan begynde før {year}.",
                  "Intervals are counted per patient, hospital and specialty between follow-up days (several visits "
                  "on one day are one day), whatever lies between them, for intervals ending in {year}. The share "
                  "expected without calendar booking is what the same windows catch moved their own width earlier "
                  "and later. The funnel limits are "
                  "Wilson limits around the region's share{widened}. Long series are "
                  "counted over the whole period and may start before {year}."),
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
    # 07 following the decision
    "fu_title": ("Opfølgning på beslutningen", "Following the decision"),
    "fu_subtitle": ("Realiseret besparelse mod kravet pr. hospital efter {date}",
                    "Saving realised against the requirement, hospital by hospital, after {date}"),
    "fu_intro": ("Besparelsen er forskellen mellem de besøg, hvert hospital ville have haft uden beslutningen, og dem "
                 "det faktisk havde, gjort op i kroner. Forventningen uden beslutning fremskrives fra de {months} måneder "
                 "før {date}: månedens arbejdsdage (uden helligdage), regionens sæsonmønster, tendensen pr. besøgstype og "
                 "kontaktform og hvert hospitals egen tendens. Et besøg flyttet fra fremmøde til telefon, video eller "
                 "skriftligt tæller med forskellen, som i forandringsidéerne. Flere besøg et andet sted, også i "
                 "psykiatrien, trækkes fra regionens total.",
                 "The saving is the difference between the visits each hospital would have had without the decision "
                 "and those it had, counted in kroner. The expectation without the decision is projected from the "
                 "{months} months before {date}: the month's working days (holidays out), the region's seasonal "
                 "pattern, the trend per visit type and contact mode and each hospital's own trend. A visit moved from "
                 "in person to phone, video or written counts the difference, as in the change ideas. More visits "
                 "elsewhere, psychiatry included, are subtracted from the region's total."),
    "fu_months": ("Besparelsen er målt i {n} fuldt registrerede måneder: {first} til {last}.",
                  "The saving is measured over {n} fully registered months: {first} to {last}."),
    "fu_kpi_realised": ("Budgetvirkning til nu, regionen netto (alle sektorer)",
                        "Budget effect so far, region net (every sector)"),
    "fu_kpi_rate": ("Budgetvirkning pr. år nu, regionen", "Budget effect a year now, region"),
    "fu_kpi_gap": ("Mangler pr. år mod kravet", "Short of the requirement a year"),
    "fu_kpi_tariff": ("Aktivitetsværdi pr. år nu (ikke kroner i kassen)", "Tariff value a year now (not cash)"),
    "fu_head_region": ("Regionens budgetvirkning pr. år nu mod kravet på {target} (95 %-interval)",
                       "The region's budget effect a year now against the requirement of {target} (95% interval)"),
    "fu_head_gap": ("Mangler pr. år mod kravet", "Short of the requirement a year"),
    "fu_lead": ("Regionens budgetvirkning er nu {rate} om året mod kravet på {target}: {verdict}. {ok} af {n} hospitaler "
                "er på sporet eller foran.",
                "The region's budget effect is now {rate} a year against the requirement of {target}: {verdict}. "
                "{ok} of {n} hospitals are on track or ahead."),
    "fu_lead_ahead": ("foran kravet", "ahead of the requirement"),
    "fu_lead_on_track": ("på sporet", "on track"),
    "fu_lead_unclear": ("endnu uklart, om kravet nås; der mangler {gap} om året", "not yet clear whether the requirement will be met; {gap} a year is still short"),
    "fu_lead_behind": ("bagud; der mangler {gap} om året", "behind; {gap} a year is still short"),
    "fu_lead_list_behind": ("Bagud: {names}.", "Behind: {names}."),
    "fu_lead_list_unclear": ("Endnu uklart: {names}.", "Not yet clear: {names}."),
    "fu_money": ("To slags kroner: **budgetvirkningen** er de kroner, budgettet faktisk kan give slip på (personaletid "
                 "til løn, variable udgifter, minus hvad erstatningen koster), og det er den, kravet på {target} og "
                 "hvert hospitals andel måles mod. **Aktivitetsværdien** er de undgåede besøg til takst: frigjort "
                 "kapacitet, ikke kroner i kassen; den vises ved siden af og er større.",
                 "Two kinds of kroner: the **budget effect** is the money the budget can actually give up (staff time "
                 "at salary cost, variable costs, less what the substitute costs), and it is what the requirement of "
                 "{target} and each hospital's share are measured against. The **tariff value** is the avoided "
                 "visits at the tariff: capacity freed, not cash; it is shown beside and is larger."),
    "fu_kpi_target": ("Fuldt krav pr. år (fra {year})", "Full requirement a year (from {year})"),
    "fu_kpi_on_track": ("Hospitaler på sporet eller foran", "Hospitals on track or ahead"),
    "fu_head_on_track": ("Hospitaler på sporet eller foran", "Hospitals on track or ahead"),
    "fu_status": ("Er hvert hospital på sporet?", "Is each hospital on track?"),
    "fu_rule": ("Reglen: hvert hospitals budgetvirkning pr. år nu (de seneste {months} fuldt registrerede måneder, "
                "korrigeret for sæson og antal arbejdsdage) sammenlignes med dets andel af det fulde krav ({target} "
                "om året fra {year}, fordelt efter nøglen for {key_year} på {basis}). Hospitalet er **foran**, når "
                "selv den nedre grænse af 95 %-intervallet når andelen, og **bagud**, når selv den øvre grænse ikke "
                "gør. Det er **på sporet**, når intervallet rummer andelen, besparelsen når mindst {on_track} af den, "
                "og den nedre grænse er over 0 (der spares faktisk noget). Ellers er det **endnu uklart**: "
                "intervallet rummer andelen, men besparelsen er under {on_track} af den eller kan være ingen; flere "
                "måneder vil vise det. Intervallet rummer usikkerheden i forventningen (hospitalets niveau, tendens "
                "og sæson), hospitalets månedlige udsving og den tilfældige variation.",
                "The rule: each hospital's budget effect a year now (the last {months} fully registered months, adjusted "
                "for season and the number of working days) is compared with its share of the full requirement "
                "({target} a year from {year}, split by the key of {key_year} on {basis}). The hospital is "
                "**ahead** when even the low end of the 95% interval reaches the share, and **behind** when even "
                "the high end does not. It is **on track** when the interval holds the share, the saving reaches "
                "at least {on_track} of it, and the low end is above 0 (something is really being saved). "
                "Otherwise it is **not yet clear**: the interval holds the share, but the saving is below "
                "{on_track} of it or may be none at all; more months will tell. The interval holds the uncertainty "
                "of the expectation (the hospital's level, trend and season), the hospital's monthly swings and the "
                "random variation."),
    "fu_status_caption": ("Besparelse pr. år nu mod andelen af det fulde krav (kr.)",
                          "Saving a year now against the share of the full requirement (DKK)"),
    "fu_chart_status": ("Budgetvirkning pr. år nu mod andelen af kravet",
                        "Budget effect a year now against the share of the requirement"),
    "fu_legend_rate": ("Budgetvirkning pr. år nu (95 %-interval)", "Budget effect a year now (95% interval)"),
    "fu_legend_share": ("Andel af fuldt krav", "Share of the full requirement"),
    "fu_status_part": ("{status}: {names}.", "{status}: {names}."),
    # what rests on the expectation without the decision (follow_up.rests_on_expectation)
    "fu_expectation_hospital_trend": ("hvert hospitals egen tendens fra før beslutningen",
                                      "each hospital's own trend from before the decision"),
    "fu_expectation_level": ("niveauet i året før beslutningen uden tendens",
                             "the level of the year before the decision without a trend"),
    "fu_expectation_short_hospital_trend": ("med egen tendens", "with its own trend"),
    "fu_expectation_short_level": ("uden tendens", "without a trend"),
    "fu_other_region": ("Hvor stor besparelsen er, afhænger af forventningen uden beslutning. Målt mod {other} i stedet "
                        "for mod {own} ville regionens budgetvirkning pr. år nu være {rate}.",
                        "How large the saving is depends on the expectation without the decision. Measured against "
                        "{other} instead of {own}, the region's budget effect a year now would be {rate}."),
    "fu_depends_none": ("For intet hospital flytter den anden forventning besparelsen uden for dets 95 %-interval.",
                        "For no hospital does the other expectation move the saving outside its 95% interval."),
    "fu_depends": ("For {names} betyder valget af forventning mere end den tilfældige variation: målt {other_name} "
                   "ligger besparelsen uden for 95 %-intervallet. {why} Kurverne måned for måned nedenfor viser "
                   "forløbet.",
                   "For {names} the choice of expectation matters more than chance: measured {other_name}, the "
                   "saving lies outside the 95% interval. {why} The month-by-month curves below show the course."),
    "fu_depends_why_hospital_trend": (
        "Standardmetoden forudsætter, at hospitalets vækst eller fald fra før beslutningen var fortsat uden den; er "
        "en vækst fladet ud af sig selv, tilskrives beslutningen en besparelse, der ikke er sket.",
        "The default method assumes that the hospital's growth or decline from before the decision would have gone "
        "on without it; if a growth levelled off by itself, the decision is credited with a saving that did not "
        "happen."),
    "fu_depends_why_level": (
        "Metoden uden tendens forudsætter, at aktiviteten ikke var vokset eller faldet af sig selv; et hospital i vækst "
        "kan derfor have sparet, uden at det ses her.",
        "The method without a trend assumes that activity would not have grown or fallen by itself; a growing "
        "hospital may therefore have saved without it showing here."),
    "hosp_depends": ("For hospitalets besparelse betyder valget af forventning mere end den tilfældige variation "
                     "(som 07 viser for hvert hospital). {why}",
                     "For the hospital's saving the choice of expectation matters more than chance (as 07 shows "
                     "for each hospital). {why}"),
    "fu_depends_one": ("{hospital}: {own} pr. år {own_name}, {other} {other_name}.",
                       "{hospital}: {own} a year {own_name}, {other} {other_name}."),
    "ahead": ("foran", "ahead"),
    "on_track": ("på sporet", "on track"),
    "behind": ("bagud", "behind"),
    "unclear": ("endnu uklart", "not yet clear"),
    "share_full": ("Andel af fuldt krav pr. år", "Share of the full requirement a year"),
    "rate": ("Budgetvirkning pr. år nu", "Budget effect a year now"),
    "rate_low": ("Nedre 95 %", "Lower 95%"),
    "rate_high": ("Øvre 95 %", "Upper 95%"),
    "reached": ("Nået af hospitalets andel", "Reached of the hospital's share"),
    "fu_years": ("År for år", "Year by year"),
    "fu_years_caption": ("Krav og realiseret budgetvirkning pr. år (kr.); realiseret i årets fuldt registrerede måneder "
                         "efter beslutningen, hvad der mangler mod kravet eller er sparet ud over det; aktivitetsværdien ved siden af",
                         "Requirement and realised budget effect a year (DKK); realised in the year's fully registered "
                         "months after the decision, what is short of the requirement or saved beyond it; the tariff value "
                         "beside"),
    "fu_profile": ("Kravet pr. år: {profile}; et år uden eget tal har det foregående års krav.",
                   "The requirement a year: {profile}; a year without a figure of its own has the year before's."),
    "target_dkk": ("Krav (kr.)", "Requirement (DKK)"),
    "budget_low": ("Nedre 95 %", "Lower 95%"),
    "budget_high": ("Øvre 95 %", "Upper 95%"),
    "tariff_rate": ("Aktivitetsværdi pr. år nu (kr.)", "Tariff value a year now (DKK)"),
    "fu_short": ("Budgetvirkning mangler mod kravet (kr.)", "Budget effect short of the requirement (DKK)"),
    "fu_beyond": ("Budgetvirkning ud over kravet (kr.)", "Budget effect beyond the requirement (DKK)"),
    "fu_quarters_caption": ("Realiseret budgetvirkning pr. kvartal og i alt mod kravet i alt (kr.)",
                            "Budget effect realised a quarter and in total against the requirement in total (DKK)"),
    "quarter": ("Kvartal", "Quarter"),
    "cumulative_dkk": ("Budgetvirkning i alt (kr.)", "Budget effect in total (DKK)"),
    "cumulative_target_dkk": ("Krav i alt (kr.)", "Requirement in total (DKK)"),
    "fu_chart_months": ("Budgetvirkning pr. måned mod kravet pr. måned",
                        "Budget effect a month against the requirement a month"),
    "fu_chart_months_y": ("Mio. kr. pr. måned", "DKK million a month"),
    "fu_legend_saving": ("Budgetvirkning (95 %-interval efter beslutningen)",
                         "Budget effect (95% interval after the decision)"),
    "fu_legend_target": ("Krav pr. måned", "Requirement a month"),
    "fu_legend_full": ("Fuldt krav pr. måned (fra {year})", "Full requirement a month (from {year})"),
    "months": ("Måneder", "Months"),
    "fu_legend_incomplete": ("Ikke fuldt registreret", "Not fully registered"),
    "fu_months_how": ("{saving:C} linje: forventede minus faktiske besøg i budgetkroner, måned for måned; før beslutningen (den {decision:e} lodrette streg) "
                      "viser den, hvor tæt forventningen rammer, og bør ligge omkring 0. Sort trappe: en tolvtedel af årets "
                      "krav; stiplet: en tolvtedel af det fulde krav, som besparelsen skal nå. Grå felter er måneder, der "
                      "ikke er fuldt registreret; de tæller ikke med, og en trekant i kanten betyder, at punktet ligger "
                      "uden for skalaen.",
                      "{saving:C} line: expected minus actual visits in budget kroner, month by month; before the decision (the {decision} vertical line) it "
                      "shows how closely the expectation fits and should hover around 0. Black steps: a twelfth of the "
                      "year's requirement; dashed: a twelfth of the full requirement the saving must reach. Grey spans are "
                      "months not fully registered; they do not count, and a triangle at the edge means the point lies "
                      "beyond the scale."),
    "fu_where": ("Hvor kommer besparelsen fra?", "Where does the saving come from?"),
    "fu_by_caption": ("Realiseret pr. {by}, somatikken: budgetvirkning med 95 %-interval og aktivitetsværdi (kr.)",
                      "Realised by {by}, somatic care: budget effect with its 95% interval and tariff value (DKK)"),
    "fu_sources_hospital_caption": ("Fald i fremmøder pr. hospital og besøgstype, og hvilken forandringsidé de ligner",
                                    "Falls in in-person visits by hospital and visit type, and which change idea they resemble"),
    "fu_sources_caption": ("De største fald pr. speciale", "The largest falls by specialty"),
    "fu_sources_text": ("Et fald i fremmøder med en stigning i telefon, video eller skriftlig på mindst {share} af faldet "
                        "ligner en flytning af kontaktform; ellers er besøgene faldet bort eller flyttet ud af hospitalet "
                        "(færre kontroller, opgaveflytning). Kun fald på mere end {z} standardafvigelser er vist: blandt "
                        "hundredvis af hospitaler, specialer og besøgstyper giver tilfældigheder sjældent så store fald.",
                        "A fall in in-person visits with a rise in phone, video or written of at least {share} of the fall "
                        "resembles a change of contact mode; otherwise the visits stopped or moved out of the hospital "
                        "(fewer follow-ups, task shifting). Only falls of more than {z} standard deviations are shown: among "
                        "hundreds of hospitals, specialties and visit types, chance rarely gives falls that large."),
    "fu_no_sources": ("Intet fald i fremmøder er større, end tilfældigheder kan give.",
                      "No fall in in-person visits is larger than chance can give."),
    "moved_visits": ("Flyttet til telefon, video, skriftlig", "Moved to phone, video, written"),
    "lever": ("Ligner", "Resembles"),
    "ideas": ("Forandringsidéer af den slags", "Change ideas of that kind"),
    "drop": ("færre besøg", "fewer visits"),
    "to_phone": ("flyttet til telefon", "moved to phone"),
    "to_video": ("flyttet til video", "moved to video"),
    "to_written": ("flyttet til skriftlig", "moved to written"),
    "fu_displacement": ("Er reduktionen reel? Forskydning", "Is the reduction real? Displacement"),
    "fu_displacement_text": ("Et fald ét sted, der dukker op som en stigning et andet sted, er ikke en besparelse for "
                             "regionen. Tabellen viser stigninger på mere end 3 standardafvigelser i et speciale og en "
                             "besøgstype, hvor et andet hospital faldt lige så tydeligt, og sådanne stigninger i "
                             "psykiatrien. Alle stigninger trækkes fra regionens total, så intet tælles to gange.",
                             "A fall in one place that reappears as a rise in another is no saving for the region. The "
                             "table shows rises of more than 3 standard deviations in a specialty and visit type where "
                             "another hospital fell as clearly, and such rises in psychiatry. Every rise is subtracted "
                             "from the region's total, so nothing counts twice."),
    "fu_displacement_caption": ("Mulig forskydning: flere besøg end forventet", "Possible displacement: more visits than expected"),
    "fu_no_displacement": ("Ingen stigning er større, end tilfældigheder kan give, og tyder på forskydning.",
                           "No rise is larger than chance can give and suggests displacement."),
    "rise_visits": ("Besøg over forventet", "Visits above expected"),
    "rise_budget_dkk": ("Merudgift, budgetvirkning (kr.)", "Extra cost, budget effect (DKK)"),
    "rise_tariff_dkk": ("Merudgift, aktivitetsværdi (kr.)", "Extra cost, tariff value (DKK)"),
    "fell_at": ("Faldt ved", "Fell at"),
    "fell_visits": ("Besøg under forventet dér", "Visits below expected there"),
    "fu_netting_caption": ("Fra hospitalernes fald til regionens netto: budgetvirkning og aktivitetsværdi (kr.)",
                           "From the hospitals' falls to the region's net: budget effect and tariff value (DKK)"),
    "part": ("Del", "Part"),
    "gross_reductions": ("Tydelige fald (over 3 standardafvigelser)", "Clear falls (over 3 standard deviations)"),
    "rises_target_sectors": ("Tydelige stigninger i somatikken", "Clear rises in somatic care"),
    "rises_other_sectors": ("Tydelige stigninger i andre sektorer (psykiatrien)", "Clear rises in other sectors (psychiatry)"),
    "within_chance": ("Øvrige ændringer (inden for tilfældighederne)", "Other changes (within chance)"),
    "net_region": ("Regionen netto", "Region net"),
    "fu_staff": ("Personale: rækker den naturlige afgang?", "Staff: is natural attrition enough?"),
    "fu_staff_caption": ("Årsværk frigjort pr. år med den nuværende besparelse mod naturlig afgang ({rate} om året)",
                         "FTE freed a year at the current saving against natural attrition ({rate} a year)"),
    "fu_staff_text": ("Over indfasningen ({first}–{last}) frigør naturlig afgang i alt cirka {fte} årsværk i ambulatorierne. "
                      "Minutterne pr. besøg er en illustrativ tabel, som skal erstattes af lokale tidsstudier.",
                      "Over the phase-in ({first}–{last}) natural attrition frees about {fte} FTE in the outpatient clinics "
                      "in all. The minutes per visit are an illustrative table, to be replaced by local time studies."),
    "fu_method_hospital_trend": (
        "Forventningen uden beslutning (standardmetoden: hospitalets egen tendens) er en log-lineær model for hver serie "
        "(hospital × speciale × sektor × besøgstype × kontaktform): månedens arbejdsdage (hverdage minus de danske "
        "helligdage, juleaftensdag og nytårsaftensdag) som eksponering, regionens sæson pr. kalendermåned og "
        "tendens pr. besøgstype og kontaktform (en Poisson-GLM), hvert hospitals egen tendens "
        "({trend} om året i grundperioden) og seriens niveau. Et hospital, der vokser, "
        "læses altså ikke som et, der ikke sparer. Tendensen fremskrives lineært, og usikkerheden om den er med i "
        "intervallet.",
        "The expectation without the decision (the default method: the hospital's own trend) is a log-linear model of each "
        "series (hospital × specialty × sector × visit type × contact mode): the month's working days (weekdays "
        "less the Danish public holidays, Christmas Eve and New Year's Eve) as exposure, the region's season by "
        "calendar month and trend per visit type and contact mode (a Poisson GLM), each hospital's "
        "own trend ({trend} a year in the baseline) and the series' level. A growing hospital "
        "is thus not read as one that does not save. The trend is projected linearly, and its uncertainty is in "
        "the interval."),
    "fu_method_level": (
        "Forventningen uden beslutning (metoden uden tendens: niveauet) er seriens niveau i det sidste år før beslutningen, "
        "korrigeret for arbejdsdage (hverdage minus de danske helligdage) og regionens sæson, uden nogen tendens. "
        "Det forudsætter, at aktiviteten ikke vokser eller falder af sig selv; gør den det, skævvrides besparelsen. "
        "Valideringsstudiet viser, at standardmetoden med hospitalets egen tendens holder på data med tendenser.",
        "The expectation without the decision (the method without a trend: the level) is the series' level in the last year "
        "before the decision, adjusted for working days (weekdays less the Danish public holidays) and the "
        "region's season, with no trend. It assumes activity neither grows nor falls of itself; if it does, the "
        "saving is biased. The validation study shows that the default method, with the hospital's own trend, "
        "holds on data with trends."),
    "fu_method_interval": (
        "Intervallet (95 %) lægger uafhængige dele sammen, hver skønnet ud fra grundperiodens afvigelser: "
        "hvert hospitals månedlige udsving (fx et systemskifte; {shock} pr. måned) og dem, "
        "hospitalerne deler (fx influenza; {common} pr. måned), usikkerheden om hvert hospitals niveau, tendens og sæsonen (en model for hospitalernes "
        "månedlige værdi, vægtet mindste kvadrater), specialernes egen afdrift fra hospitalets tendens "
        "({unit} om året) og seriernes tilfældige variation (overspredning φ = {phi} og {cv} ekstra pr. serie og "
        "måned). Et simuleringsstudie med helligdage, udsving, tendenser, støj og registreringsforsinkelse viser, at "
        "intervallet rammer den sande besparelse i {coverage} af tilfældene (se valideringsstudiet i projektets vejledning). Måneder, "
        "der ikke er fuldt registreret, indgår hverken i modellen eller i besparelsen.",
        "The interval (95%) adds up independent parts, each estimated from the baseline's deviations: each "
        "hospital's monthly swings (e.g. an IT change-over; {shock} a month) and those the "
        "hospitals share (e.g. influenza; {common} a month), the uncertainty of each hospital's level and trend and of the season (a model of "
        "the hospitals' monthly value, weighted least squares), the specialties' own drift from their "
        "hospital's trend ({unit} a year) and the series' random variation (overdispersion φ = {phi} and {cv} "
        "extra per series and month). A simulation study with holidays, swings, trends, noise and registration "
        "lag shows that the interval covers the true saving in {coverage} of cases (see the validation study in the project's guide). "
        "Months not fully registered enter neither the model nor the saving."),
    "fu_needs_months": ("Opfølgningen kræver månedlige tal, og inddata er ikke opgjort pr. måned. Brug et udtræk med "
                        "besøgsdato eller en månedskolonne (Måned).",
                        "Following the decision needs monthly figures, and the input is not given by month. Use an "
                        "extract with visit dates or a month column."),
    "fu_too_few": ("Opfølgningen kræver mindst {least} måneder før beslutningen og mindst én fuldt registreret måned efter; "
                   "inddata har {base} før og {after} efter.",
                   "Following the decision needs at least {least} months before the decision and at least one fully "
                   "registered month after it; the input has {base} before and {after} after."),
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
    "pop_high_one": ("{municipality}: {pct} flere besøg, end alder og køn tilsiger (95 %-interval {lo} til {hi}).",
                     "{municipality}: {pct} more visits than age and sex predict (95% interval {lo} to {hi})."),
    "pop_low_one": ("{municipality}: {pct} færre besøg, end alder og køn tilsiger (95 %-interval {lo} til {hi}).",
                    "{municipality}: {pct} fewer visits than age and sex predict (95% interval {lo} to {hi})."),
    "pop_none": ("Ingen kommune ligger uden for tragtens 95 %-grænser.", "No municipality lies outside the funnel's 95% limits."),
    "pop_estimate_note": ("Befolkningstallene er et skøn (kommunernes borgere i 2013 fremskrevet, fordelingen på alder "
                          "og køn antaget; se metoden nederst): det forventede og dermed forholdene hviler på det, "
                          "indtil tabellen erstattes med Danmarks Statistiks FOLK1A.",
                          "The population figures are an estimate (the municipalities' residents in 2013 projected, "
                          "the split by age and sex assumed; see the method below): the expected visits, and so the "
                          "ratios, rest on it until the table is replaced with Statistics Denmark's FOLK1A."),
    "pop_outlier_note": ("En kommune uden for grænserne er et spørgsmål til samarbejdet med kommunen og almen praksis, "
                         "ikke en dom: forskelle i sygelighed, som alder og køn ikke fanger, kan forklare en del.",
                         "A municipality outside the limits is a question for the cooperation with the municipality and "
                         "general practice, not a verdict: differences in illness that age and sex do not capture may "
                         "explain part of it."),
    "pop_table_caption": ("Besøg, forventede besøg og forholdet pr. kommune, {year}",
                          "Visits, expected visits and the ratio by municipality, {year}"),
    "residents": ("Borgere", "Residents"),
    "municipality": ("Kommune", "Municipality"),
    "crude": ("Besøg pr. 1.000 borgere (ujusteret)", "Visits per 1,000 residents (unadjusted)"),
    "pop_actual": ("Faktiske besøg", "Actual visits"),
    "pop_actual_expected": ("Faktisk/forventet", "Actual/expected"),  # as the funnel's axis (pop_funnel_y)
    "ratio_low": ("Nedre 95 %", "Lower 95%"),
    "ratio_high": ("Øvre 95 %", "Upper 95%"),
    "design_effect": ("Designeffekt", "Design effect"),
    "expected_effective": ("Forventet, effektivt antal", "Expected, effective number"),
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
    "pop_use_heading": ("Hvilke hospitaler bruger borgerne?", "Which hospitals do the residents use?"),
    "pop_use_title": ("Andel af kommunens besøg pr. hospital, {year}", "Share of the municipality's visits by hospital, {year}"),
    "pop_use_caption": ("Kommunernes hovedhospital og dets andel af besøgene, {year}",
                        "Each municipality's main hospital and its share of the visits, {year}"),
    "main_hospital": ("Hovedhospital", "Main hospital"),
    "main_share": ("Andel på hovedhospitalet", "Share at the main hospital"),
    "pop_method": ("Indirekte standardisering efter aldersgruppe og køn mod regionens egne rater (Breslow & Day 1987). "
                   "En patients besøg er ikke uafhængige hændelser (en patient med kontrol hvert kvartal giver fire), "
                   "så hver kommunes besøg regnes om til et effektivt antal: besøg divideret med designeffekten "
                   "Σk²/Σk over kommunens patienters antal besøg k (variansen af en sum af patienters besøg er Σk², "
                   "ikke Σk; her {design}). 95 %-intervallerne er eksakte Poisson-intervaller (Garwood) på "
                   "de effektive antal. Tragtgrænser efter Spiegelhalter (2005) på de effektive antal{widened}.",
                   "Indirect standardisation by age band and sex against the region's own rates (Breslow & Day 1987). "
                   "A patient's visits are not independent events (a patient with a control every quarter brings "
                   "four), so each municipality's visits are counted as an effective number: visits divided by the "
                   "design effect Σk²/Σk over its patients' numbers of visits k (the variance of a sum of patients' "
                   "visits is Σk², not Σk; here {design}). The 95% intervals are exact Poisson intervals "
                   "(Garwood) on the effective numbers. Funnel limits after Spiegelhalter (2005) on the effective "
                   "numbers{widened}."),
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
    "mon_title": ("Overvågning efter beslutningen", "Monitoring after the decision"),
    "mon_subtitle": ("Månedlige besøg før og efter {date} – {types}", "Monthly visits before and after {date} – {types}"),
    "mon_intro": ("Hver serie er et hospitals besøg i et speciale måned for måned, målt mod det forventede niveau. "
                  "Grænserne beregnes ud fra de {months} måneder før beslutningen (XmR-kort efter NHS' Making Data "
                  "Count). En reel reduktion viser sig som et punkt under den nedre grænse eller 7 måneder i træk "
                  "under det forventede niveau – og et fald på mindst {change}.",
                  "Each series is one hospital's visits in one specialty, month by month, measured against the "
                  "expected level. The limits come from the {months} months before the decision (XmR charts after "
                  "NHS Making Data Count). A real reduction shows as a point below the lower limit or 7 months in a "
                  "row below the expected level – and a fall of at least {change}."),
    "mon_series": ("Serier fulgt", "Series followed"),
    "mon_reductions": ("Reel reduktion", "Real reduction"),
    "mon_rises": ("Reel stigning", "Real rise"),
    "mon_no_signal": ("Intet signal", "No signal"),
    "mon_mixed": ("Både fald og stigning", "Both a fall and a rise"),
    "mon_too_small": ("For få besøg til at bedømme", "Too few visits to judge"),
    "mon_where": ("Hvor viser en ændring sig?", "Where does a change show?"),
    "mon_none": ("Ingen serie viser en reel ændring efter beslutningen.", "No series shows a real change after the decision."),
    "mon_table_caption": ("Serier med et signal efter {date}", "Series with a signal after {date}"),
    "baseline_mean": ("Besøg pr. måned før", "Visits a month before"),
    "after_mean": ("Besøg pr. måned efter", "Visits a month after"),
    "baseline_mean_adjusted": ("Besøg pr. måned før (korrigeret for arbejdsdage, sæson og forventet udvikling)",
                               "Visits a month before (adjusted for working days, season and expected path)"),
    "after_mean_adjusted": ("Besøg pr. måned efter (korrigeret)", "Visits a month after (adjusted)"),
    "status": ("Signal", "Signal"),
    "reduction": ("reduktion", "reduction"),
    "rise": ("stigning", "rise"),
    "mixed": ("blandet", "mixed"),
    "no_signal": ("intet signal", "no signal"),
    "too_small": ("for få besøg", "too few visits"),
    "mon_charts": ("Kontrolkort", "Control charts"),
    "mon_chart_title": ("Besøg pr. måned (sæsonkorrigeret)", "Visits a month (seasonally adjusted)"),
    "mon_how": ("Grå linje: besøg pr. måned. Fuldt optrukket: gennemsnittet før beslutningen; stiplet: kontrolgrænserne. "
                "Den {decision:e} lodrette streg er beslutningsdatoen. {fall:E} punkter er signaler om færre besøg, {rise:e} om flere. "
                "Punkter inden for grænserne uden mønster er almindelig variation. Et gråt felt med hule grå punkter "
                "er de seneste måneder, som endnu ikke er fuldt registreret; de indgår ikke i signalerne.",
                "Grey line: visits a month. Solid: the mean before the decision; dashed: the control limits. The {decision} "
                "vertical line is the decision date. {fall:E} points signal fewer visits, {rise} more. Points inside the "
                "limits without a pattern are ordinary variation. A grey band with hollow grey points marks the "
                "latest months, not yet fully registered; they are left out of the signals."),
    "mon_method_expected": (
        "Hver serie måles mod sin forventede vej, som i opfølgningen (07): månedens arbejdsdage (hverdage minus de "
        "danske helligdage), regionens sæson og hospitalets egen tendens, fremskrevet fra grundperioden. Kortet viser "
        "besøgene som faktisk ÷ forventet × det forventede gennemsnit i grundperioden, så en serie, der følger sin vej, "
        "ligger fladt. XmR-kort: grænser = gennemsnit ± 2,66 × gennemsnitligt glidende spænd i grundperioden, efter at "
        "spænd over 3,267 × gennemsnittet er sorteret fra. Særlige årsager: et punkt uden for grænserne, 7 i træk på "
        "samme side af gennemsnittet, 7 i træk stigende eller faldende, 2 af 3 mere end to tredjedele mod en grænse. "
        "Et signal tæller som reel reduktion eller stigning kun, når ændringen siden beslutningen også ligger uden for "
        "95 %-intervallet fra opfølgningens model, som rummer hospitalets månedlige udsving, dets tendens og "
        "specialets egen afdrift; ellers ville enhver enhed, der driver, som enheder gør, give signaler.",
        "Each series is measured against its expected path, as in following the decision (07): the month's "
        "working days (weekdays less the Danish public holidays), the region's season and the hospital's own trend, "
        "projected from the baseline. The chart shows the visits as actual ÷ expected × the expected baseline mean, "
        "so a series that follows its path lies flat. XmR charts: limits = mean ± 2.66 × the mean moving range of "
        "the baseline, after screening out ranges above 3.267 × their mean. Special causes: a point beyond a limit, "
        "7 in a row on one side of the mean, 7 in a row rising or falling, 2 of 3 beyond two thirds of the way to a "
        "limit. A signal counts as a real reduction or rise only where the change since the decision also lies "
        "outside the 95% interval of the follow-up's model, which holds the hospital's monthly swings, its trend and "
        "the specialty's own drift; otherwise every unit drifting as units do would signal."),
    "mon_method": ("XmR-kort: grænser = gennemsnit ± 2,66 × gennemsnitligt glidende spænd i grundperioden, efter at "
                   "spænd over 3,267 × gennemsnittet er sorteret fra. Særlige årsager: et punkt uden for grænserne, 7 i "
                   "træk på samme side af gennemsnittet, 7 i træk stigende eller faldende, 2 af 3 mere end to tredjedele "
                   "mod en grænse. Besøgstallet deles først med grundperiodens sæsonindeks pr. kalendermåned. Med mange "
                   "serier kan enkelte signaler skyldes tilfældigheder; se på størrelsen af ændringen.",
                   "XmR charts: limits = mean ± 2.66 × the mean moving range of the baseline, after screening out ranges "
                   "above 3.267 × their mean. Special causes: a point beyond a limit, 7 in a row on one side of the mean, "
                   "7 in a row rising or falling, 2 of 3 beyond two thirds of the way to a limit. Visits are first "
                   "divided by the baseline's month-of-year index. With many series a few signals may be chance; look "
                   "at the size of the change."),
    # index page
    "index_intro": ("Rapporter om ambulante besøg i perioden {start} til {end}. Åbn en rapport ved at klikke på den.",
                    "Reports on outpatient visits from {start} to {end}. Click a report to open it."),
    "index_intro_run_in": ("Rapporter om ambulante besøg i perioden {start} til {end} ({first} til {last} er "
                           "indkøring: de måneder bruges kun til at udlede besøgstyperne). Åbn en rapport ved at "
                           "klikke på den.",
                           "Reports on outpatient visits from {start} to {end} ({first} to {last} is run-in: "
                           "those months only serve to derive the visit types). Click a report to open it."),
    "head_visits": ("Ambulante besøg {year}", "Outpatient visits {year}"),
    "head_gap": ("Hospitaler med andel over budgetvirkningen", "Hospitals with a share above their budget effect"),
    "index_reports": ("Rapporter", "Reports"),
    "index_per": ("Et hospital ad gangen", "One hospital at a time"),
    "index_tables": ("Alle tabeller som Excel-projektmappe (og som CSV i mappen tables):",
                     "Every table as an Excel workbook (and as CSV in the folder tables):"),
    "index_manifest": ("Alle parametre og versioner står i manifest.json i samme mappe.",
                       "All parameters and versions are in manifest.json in the same folder."),
    # report furniture
    "synthetic_banner": ("SYNTETISKE DATA – opdigtede tal til afprøvning, ikke virkelige besøg",
                         "SYNTHETIC DATA – invented numbers for testing, not real visits"),
    "synthetic": ("syntetiske data", "synthetic data"),
    "how_to_read": ("Sådan læses figuren", "How to read this"),
    "provenance": ("Om kørslen", "About this run"),
    "parameters": ("Parametre", "Parameters"),
    "reference_tables": ("Referencetabeller", "Reference tables"),
    "ref_illustrative": ("illustrativ", "illustrative"),
    "ref_tariffs": ("takster", "tariffs"),
    "ref_scenarios": ("forandringsidéer", "change ideas"),
    "ref_staff_time": ("minutter pr. besøg", "minutes per visit"),
    "ref_staff_cost": ("kr. pr. årsværk", "DKK per full-time position"),
    "ref_variable_cost": ("variable udgifter", "variable costs"),
    "ref_substitute_cost": ("erstatningens pris", "the substitute's price"),
    "ref_population": ("befolkning", "population"),
    "ref_specialisation": ("specialiseringsniveauer", "levels of specialisation"),
    "ref_diagnosis_levels": ("diagnosegruppernes niveau", "diagnosis groups' levels"),
    "ref_hospital_regions": ("hospitalernes regioner", "hospitals' regions"),
    "input_file": ("Inddata", "Input"),
    "input_hash": ("Inddatas fingeraftryk (SHA-256)", "Input fingerprint (SHA-256)"),
    "rows_in": ("Rækker læst", "Rows read"),
    "rows_out": ("Rækker i analysen", "Rows analysed"),
    "run_time": ("Kørt", "Run at"),
    "versions": ("Programversioner", "Package versions"),
    "hidden_small": ("skjult (små tal)", "hidden (small counts)"),
    "suppression_note": ("Antal under 5 vises som \u201c<5\u201d; hvor et sådant antal ellers kunne regnes ud fra en total, "
                         "skjules også det mindste andet antal i rækken eller kolonnen (\u201cx\u201d), og andele og "
                         "forskelle bygget på et skjult antal vises ikke.",
                         "Counts below 5 are shown as \u201c<5\u201d; where such a count could otherwise be worked out "
                         "from a total, the smallest other count in its row or column is hidden too (\u201cx\u201d), and "
                         "shares and differences built on a hidden count are not shown."),
    "not_available": ("Ikke tilgængelig for aggregerede data", "Not available for aggregated data"),
    # what the input supports (capabilities), and reader notes on variation
    "cap_need_visit_level": ("ikke er opgjort pr. besøg", "are not given visit by visit"),
    "cap_need_patients_per_unit": ("ikke angiver antal patienter pr. hospital og speciale (patienter opgjort pr. "
                                   "besøgstype og kontaktform kan ikke lægges sammen, for samme patient tæller i flere)",
                                   "do not give the number of patients per hospital and specialty (patients counted per "
                                   "visit type and contact mode cannot be added up: one patient counts in several)"),
    "cap_need_patients_by_age_sex": ("ikke angiver patienter pr. hospital og speciale fordelt på aldersgruppe og køn",
                                     "do not give patients per hospital and specialty by age band and sex"),
    "cap_need_age_sex": ("ikke er fordelt på aldersgruppe og køn", "are not broken down by age band and sex"),
    "cap_need_diagnosis_group": ("ikke har diagnosegruppe", "have no diagnosis group"),
    "cap_need_months": ("ikke er opgjort pr. måned", "are not given by month"),
    "cap_measure_fallback": ("{requested} kan ikke beregnes, fordi inddata {reason}. Rapporten viser i stedet "
                             "{measure}, som kan beregnes ud fra antal besøg.",
                             "{requested} cannot be computed, because the input data {reason}. The report shows "
                             "{measure} instead, which can be computed from visit counts."),
    "cap_strata_dropped": ("Der kan ikke korrigeres for {strata}, fordi inddata {reason}.",
                           "The figures cannot be adjusted for {strata}, because the input data {reason}."),
    "cap_crude_caveat": ("Tallene er derfor ukorrigerede: en del af forskellene mellem hospitalerne kan skyldes, at de "
                         "har ældre eller yngre patienter eller flere kvinder eller mænd, og ikke forskellig praksis.",
                         "The figures are therefore crude: part of the differences between hospitals may come from "
                         "older or younger patients or more women or men, not from different practice."),
    "cap_hospital_absent": ("{hospital} har ingen ambulante besøg i {year} i inddata (hospitalet findes i: {years}). "
                            "Vælg et af de år, eller se hospitalets efterfølger, hvis det er omdøbt eller lagt sammen.",
                            "{hospital} has no outpatient visits in {year} in the input (the hospital is present in: "
                            "{years}). Choose one of those years, or see its successor if it was renamed or merged."),
    "cap_needs_months": ("Overvågningen kræver månedlige tal, og inddata er ikke opgjort pr. måned. Brug et udtræk "
                         "med besøgsdato eller en månedskolonne (Måned).",
                         "Monitoring needs monthly figures, and the input is not given by month. Use an extract "
                         "with visit dates or a month column."),
    "cap_decision_outside": ("Beslutningsdatoen {date} ligger ikke inden for de måneder, inddata dækker ({first} til "
                             "{last}), så der er intet før og efter at sammenligne.",
                             "The decision date {date} is not within the months the input covers ({first} to "
                             "{last}), so there is no before and after to compare."),
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
    "hosp_no_peers": ("Hospitalet kan ikke sammenlignes i variationen: intet andet hospital har de samme specialer "
                      "i {sector}, så der er ingen at sammenligne med.",
                      "The hospital cannot be placed in the variation: no other hospital has the same specialties "
                      "in {sector}, so there is no one to compare it with."),
    "mon_no_series": ("Ingen serie har måneder både før og efter beslutningsdatoen.",
                      "No series has months both before and after the decision date."),
    "lag_detected": ("De seneste måneder er ikke fuldt registreret: {months} ligger samlet {below} under det "
                     "forventede, og {share} de store serier (hospital, sektor og besøgstype) ligger "
                     "tallet under. Det er typisk for et nyt udtræk, hvor registreringen halter efter. Månederne vises "
                     "i figurerne, men indgår ikke i signaler og besparelser.",
                     "The latest months are not fully registered: {months} lie {below} below what was expected "
                     "overall, and {share} the large series (hospital, sector and visit type) lie below. "
                     "That is typical of a fresh extract, where registration lags behind. The months are shown in "
                     "the charts but left out of signals and savings."),
    "lag_share_all": ("i alle", "all"),  # ... og i alle de store serier ligger tallet under
    "lag_share_least": ("i mindst {share} af", "at least {share} of"),
    "lag_unclear": ("De seneste måneder falder ud: {months} ligger samlet {below} under det forventede, og "
                    "{share} de store serier (hospital, sektor og besøgstype) ligger tallet under. Det kan være "
                    "en registrering, der halter efter, eller et reelt fald efter beslutningen: data har ingen sektor "
                    "uden for beslutningen (fx psykiatrien) at skelne med. Månederne regnes derfor som ikke fuldt "
                    "registreret; de vises i figurerne, men indgår ikke i signaler og besparelser. Er registreringen "
                    "fuldstændig, så angiv den sidste fuldt registrerede måned i kørselsfilen, så tæller de med.",
                    "The latest months fall short: {months} lie {below} below what was expected overall, and "
                    "{share} the large series (hospital, sector and visit type) lie below. That may be "
                    "registration lagging behind or a genuine fall after the decision: the data have no sector "
                    "outside the decision (e.g. psychiatry) to tell them apart. The months are therefore counted as "
                    "not fully registered; they are shown in the charts but left out of signals and savings. If "
                    "registration is complete, give the last complete month in the run file and they count."),
    "lag_fall": ("I {months} ligger aktiviteten {below} under det forventede i de sektorer, beslutningen omfatter, mens de øvrige "
                 "sektorer (fx psykiatrien) kun afviger {control}: et reelt fald, ikke en registrering, der halter "
                 "efter. Månederne tæller med.",
                 "In {months}, activity lies {below} below what was expected in the sectors the decision covers, while the other "
                 "sectors (e.g. psychiatry) differ by only {control}: a genuine fall, not registration lagging "
                 "behind. The months count."),
    "lag_given": ("Registreringen er angivet som fuldstændig til og med {last}, så {months} regnes som ikke fuldt "
                  "registreret. Månederne vises i figurerne, men indgår ikke i signaler og besparelser.",
                  "Registration is given as complete through {last}, so {months} count as not fully registered. "
                  "The months are shown in the charts but left out of signals and savings."),
    "lag_span": ("ikke fuldt registreret", "not fully registered"),
    "lag_month_1": ("januar", "January"), "lag_month_2": ("februar", "February"), "lag_month_3": ("marts", "March"),
    "lag_month_4": ("april", "April"), "lag_month_5": ("maj", "May"), "lag_month_6": ("juni", "June"),
    "lag_month_7": ("juli", "July"), "lag_month_8": ("august", "August"),
    "lag_month_9": ("september", "September"), "lag_month_10": ("oktober", "October"),
    "lag_month_11": ("november", "November"), "lag_month_12": ("december", "December"),
    # like periods (periods.py): a year that is not whole is never read as a change
    "per_only_months": ("{year} har kun data for {months}", "{year} has data for {months} only"),
    "per_no_whole_month": ("{year} har ingen hel måned med data", "{year} has no whole month of data"),
    "per_not_registered": ("registreringen af {months} er ikke færdig", "the registration of {months} is not complete"),
    "per_not_whole": ("Ikke alle år er hele: {why}.", "Not every year is whole: {why}."),
    "per_same_months": ("Ændringer mellem årene sammenligner derfor de samme måneder i hvert år: {months} i {years}.",
                        "Changes between the years therefore compare the same months of each year: {months} in "
                        "{years}."),
    "per_marked": ("Data er ikke opgjort pr. måned, så de samme måneder kan ikke sammenlignes: delvise år ({years}) "
                   "vises som åbne punkter i figurerne og indgår ikke i ændringerne mellem årene.",
                   "The data are not given by month, so the same months cannot be compared: partial years ({years}) "
                   "are shown as open points in the charts and left out of the changes between years."),
    "per_left_out": ("Udeladt af sammenligningen: {years}, så de senere år kan sammenlignes på de samme måneder.",
                     "Left out of the comparison: {years}, so that the later years can be compared on the same "
                     "months."),
    "per_none_comparable": ("Der er derfor ikke to år, der kan sammenlignes.", "So no two years can be compared."),
    "per_note_months": ("Data dækker kun {months} {year}, så tallene for {year} nedenfor er ikke et helt års aktivitet.",
                        "The data cover {months} {year} only, so the figures for {year} below are not a whole "
                        "year's activity."),
    "per_note_no_month": ("Data dækker ingen hel måned af {year}, så tallene for {year} nedenfor er ikke et helt års "
                          "aktivitet.",
                          "The data cover no whole month of {year}, so the figures for {year} below are not a whole "
                          "year's activity."),
    "per_note_registered": ("Registreringen af {months} er ikke færdig, så tallene for {year} nedenfor er for lave i "
                            "de måneder.",
                            "The registration of {months} is not complete, so the figures for {year} below are too "
                            "low in those months."),
    "per_partial_tick": ("{year}\n({months})", "{year}\n({months})"),
    "per_partial": ("delvist år", "partial year"),
    "change_from_last_year_months": ("Ændring fra året før, {months}", "Change from the year before, {months}"),
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
    # 00: are the latest months fully registered (completeness.assess, as 06 and 07 use it)
    "check_registration": ("De seneste måneder er fuldt registreret", "The latest months are fully registered"),
    "reg_incomplete": ("ikke fuldt registreret", "not fully registered"),
    "reg_complete": ("fuldt registreret", "fully registered"),
    "not_checked": ("ikke kontrolleret", "not checked"),
    "finding_reg_detected": ("{months} ligger under det forventede i næsten alle store serier på én gang",
                             "{months} lie below what was expected in nearly all large series at once"),
    "finding_reg_given": ("angivet som fuldstændig til og med {last}, så {months} regnes som ikke fuldt registreret",
                          "given as complete through {last}, so {months} count as not fully registered"),
    "finding_reg_none": ("de seneste {n} måneder ({months}) ligger på det forventede niveau",
                         "the latest {n} months ({months}) are at the expected level"),
    "finding_reg_short": ("for få måneder eller for små serier til at kontrollere",
                          "too few months or too small series to check"),
    "finding_reg_no_months": ("data er ikke opgjort pr. måned", "the data are not given by month"),
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
    "lag_series": ("Store serier", "Large series"),
    "share_below": ("Serier under det forventede", "Series below expected"),
    "median_ratio": ("Typisk serie i forhold til forventet", "Typical series against expected"),
    "total_ratio": ("I alt i forhold til forventet", "Total against expected"),
    "registration": ("Vurdering", "Assessment"),
    # 06 and 07: a baseline shorter than baseline_months asks for
    "cap_baseline_short": ("Basislinjen er de {have} måneder før beslutningsdatoen {date} ({first} til {last}), ikke de "
                           "{asked} måneder, som basislinjens længde er sat til: data har ikke flere måneder før "
                           "beslutningen. Sæt basislinjens længde til {have} måneder i kørselsfilen, eller brug data, "
                           "der begynder tidligere.",
                           "The baseline is the {have} months before the decision date {date} ({first} to {last}), "
                           "not the {asked} months the baseline length is set to: the data have no more months before "
                           "the decision. Set the baseline length to {have} months in the run file, or use data that "
                           "start earlier."),
    "hosp_calendar": ("Kontroller efter kalenderen", "Follow-ups by the calendar"),
    "hosp_calendar_text": ("I {year} var {share} af hospitalets {intervals} intervaller mellem to kontroller "
                           "kalenderagtige (regionen: {region}), talt som i forløbsrapporten (08). Kalenderbookede "
                           "kontroller er dem, idéer som PRO-baseret opfølgning tager deres andel af.",
                           "In {year}, {share} of the hospital's {intervals} intervals between two follow-ups were "
                           "calendar-like (the region: {region}), counted as in the pathways report (08). "
                           "Calendar-booked follow-ups are those ideas such as PRO-based follow-up take their share of."),
    "hosp_calendar_none": ("Ingen af hospitalets specialer ligger klart over regionens andel.",
                           "None of the hospital's specialties lies clearly above the region's share."),
    "hosp_not_compared": ("Hospitalet indgår ikke i sammenligningen af {measure} i {year}: det har ingen af de "
                          "besøg, målet bygger på.",
                          "The hospital is not part of the comparison of {measure} in {year}: it has none of the "
                          "visits the measure rests on."),
    "var_no_panels": ("Intet speciale i {sector} har mere end ét hospital, så der er ingen hospitaler at sammenligne "
                      "i tragtdiagrammer.",
                      "No specialty in {sector} has more than one hospital, so there are no hospitals to compare "
                      "in funnel plots."),
    "var_funnel_labels": ("Kun hospitaler uden for 95 %-grænsen (og et hospital, der er ringet ind) er navngivet.",
                          "Only hospitals outside the 95% limit (and a ringed hospital) are named."),
    # which hospitals are the peers (analysis.analyses.peers, parameter `peers`)
    "peers_region": ("Sammenlignet med hospitalerne i {region} (regionalt): forventede rater og benchmark er regionens egne.",
                     "Compared with the hospitals of {region} (regional): expected rates and benchmarks are the "
                     "region's own."),
    "peers_input": ("Sammenlignet med hospitalerne i data (regionalt): forventede rater og benchmark er deres egne.",
                    "Compared with the hospitals in the data (regional): expected rates and benchmarks are their own."),
    "peers_national": ("Sammenlignet med alle regioners hospitaler (national): forventede rater og benchmark bygger på "
                       "alle {n} hospitaler i data; tal, tabeller og navngivne punkter er de {own} hospitaler i {region}.",
                       "Compared with the hospitals of all regions (national): expected rates and benchmarks rest on "
                       "all {n} hospitals in the data; numbers, tables and named points are the {own} hospitals of "
                       "{region}."),
    "peers_others_how": ("Lysegrå punkter er de andre regioners hospitaler (unavngivne); de farvede er {region}s.",
                         "Light grey points are the other regions' hospitals (unnamed); the coloured ones are "
                         "{region}'s."),
    "var_funnel_counts_how": ("Her bygger både tæller og nævner på tilfældige antal, så den vandrette akse er det "
                              "effektive antal, 1 / (1/forventet + 1/udredninger): grænserne i figuren er da præcis "
                              "dem, hvert punkt er bedømt efter.",
                              "Here both counts are random, so the horizontal axis is the effective count, "
                              "1 / (1/expected + 1/first visits): the limits drawn are then exactly those each point "
                              "was judged by."),
    "hosp_no_outliers_compared": ("Hospitalet ligger inden for grænserne i alle de specialer, hvor det kan sammenlignes "
                                  "med andre hospitaler.",
                                  "The hospital lies within the limits in every specialty where it can be compared "
                                  "with other hospitals."),
    "hosp_peers_some": ("Specialer uden andre hospitaler at sammenligne med: {specialties}.",
                        "Specialties with no other hospital to compare with: {specialties}."),
    # presentation: key figures without a value, figures' alt text, the tables workbook
    "kpi_not_available": ("ikke tilgængelig", "not available"),
    "figure": ("Figur", "Figure"),
    "figure_alt_x": ("Vandret akse: {label}", "Horizontal axis: {label}"),
    "figure_alt_y": ("Lodret akse: {label}", "Vertical axis: {label}"),
    "figure_alt_legend": ("Forklaring: {entries}", "Legend: {entries}"),
    "xlsx_contents": ("Indhold", "Contents"),
    "xlsx_sheet": ("Ark", "Sheet"),
    "xlsx_report": ("Rapport", "Report"),
    "xlsx_file": ("Fil", "File"),
    "xlsx_caption": ("Tabel", "Table"),
    "ov_trend_one_year": ("Data dækker kun {year}, så der er ingen udvikling over årene at vise.",
                          "The data cover {year} only, so there is no trend over the years to show."),
    "ov_contact_mode_how_one_year": ("Hvor stor en del af hvert hospitals besøg der foregår ved fremmøde, video, "
                                     "telefon eller skriftligt (PRO).",
                                     "How much of each hospital's visits are in person, video, phone or written (PRO)."),
}


def category_meant(given: str, keys: Iterable[str]) -> str | None:
    """The category key (schema's, e.g. a visit type) that `given` most likely means: a key or
    its Danish or English label, case aside, written as it is or with a slip ("Kontrl" and
    "kontrol" mean "follow_up"); None when none is close (difflib's ratio below 0.75)."""
    import difflib

    words: dict[str, str] = {}
    for key in keys:
        for word in (key, *LABELS.get(key, ())):
            words.setdefault(word.casefold(), key)
    close = difflib.get_close_matches(str(given).strip().casefold(), list(words), n=1, cutoff=0.75)
    return words[close[0]] if close else None


def t(key: str, lang: str = "da", **values: object) -> str:
    """The label for `key` in `lang`, with {placeholders} filled in. Unknown keys are returned as
    they are (names of hospitals and specialties are not translated)."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    pair = LABELS.get(key)
    text = key if pair is None else pair[LANGUAGES.index(lang)]
    return text.format(**values) if values else text


# The palette's colours as a sentence names them (reporting/plots.COLOURS draws them by the same
# names): Danish plain ("grøn"), Danish after "den" or before a plural noun ("grønne"), English
COLOURS: dict[str, tuple[str, str, str]] = {
    "blue": ("blå", "blå", "blue"),
    "orange": ("orange", "orange", "orange"),
    "green": ("grøn", "grønne", "green"),
    "reddish_purple": ("lilla", "lilla", "purple"),
    "light_blue": ("lyseblå", "lyseblå", "light blue"),
    "vermillion": ("rødorange", "rødorange", "red-orange"),
    "yellow": ("gul", "gule", "yellow"),
    "black": ("sort", "sorte", "black"),
}


class Colour:
    """A colour in a sentence, filled into a label's placeholder: '{c}' writes its plain form
    ("grøn"), '{c:e}' the form after "den" or before a plural noun ("grønne"); an upper-case
    spec ('{c:C}', '{c:E}') begins a sentence with it ("Grønne punkter")."""

    def __init__(self, name: str, lang: str = "da"):
        if name not in COLOURS:
            raise KeyError(f"no words for the colour {name!r}; one of {sorted(COLOURS)}")
        if lang not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
        self.name, self.lang = name, lang

    def __format__(self, spec: str) -> str:
        if spec not in ("", "e", "C", "E"):
            raise ValueError(f"a colour's format is '', 'e', 'C' or 'E', not {spec!r}")
        plain, inflected, english = COLOURS[self.name]
        word = english if self.lang == "en" else inflected if spec in ("e", "E") else plain
        return word[:1].upper() + word[1:] if spec in ("C", "E") else word

    def __str__(self) -> str:
        return format(self, "")


def colour(name: str, lang: str = "da") -> Colour:
    """The colour `name` (a key of COLOURS) as a sentence in `lang` names it (Colour)."""
    return Colour(name, lang)


_PARTING_COMMA = re.compile(r"(?<!\d),|,(?!\d)")  # a comma that is no decimal comma (the 1 in "10,1 mio. kr.")


def names(items: Iterable[object], lang: str = "da", last: str = "names_and") -> str:
    """Names joined for a sentence: da "A, B og C", en "A, B and C"; one name as it is, none
    empty; `last` "names_or" for alternatives ("91, 182 eller 365"). When a name holds a comma
    itself ("Hospital A, Nord"), the names are parted by "; " instead, so a reader can tell where
    each ends: "Hospital A, Nord; Hospital B og Hospital C"; a decimal comma ("Horsens (10,1
    mio. kr.)") parts nothing."""
    items = [str(x) for x in items]
    if len(items) <= 1:
        return "".join(items)
    apart = "; " if any(_PARTING_COMMA.search(x) for x in items) else ", "
    return apart.join(items[:-1]) + t(last, lang) + items[-1]


# A text file's encoding (as Python names it, dialect.Dialect.encoding) by the name a reader knows it
# by: a byte-order mark or the byte order of UTF-16 is no concern of the page's reader
ENCODINGS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "cp1252": "Windows-1252", "utf-16": "UTF-16",
             "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}


def encoding(name: str) -> str:
    """A file's encoding as a reader knows it: "utf-8-sig" (UTF-8 with a byte-order mark) is
    "UTF-8", "cp1252" "Windows-1252"; one not listed in upper case as it is."""
    return ENCODINGS.get(str(name).lower(), str(name).upper())


def span(low: str, high: str, lang: str = "da") -> str:
    """A range as a reader reads it, from its two ends as printed: "1,2 til 1,8"; one value where
    both ends print the same ("0,0 %", not "0,0 % til 0,0 %")."""
    return low if low == high else f"{low}{t('span_to', lang)}{high}"


def overdispersion(phi: float, widened: bool, lang: str = "da", digits: int = 2) -> str:
    """What a funnel's limits did about the units' overspread, to follow "... limits": widened,
    with phi; or, where they were not (phi <= 1, as funnel.Dispersion.adjusted decides), that
    nothing was widened and why."""
    return t("od_widened" if widened else "od_not_widened", lang, phi=number(phi, lang, digits))


def number(x: float, lang: str = "da", digits: int = 0) -> str:
    """A number with the language's separators: da 1.234.567,8; en 1,234,567.8."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    x = round(float(x), digits) + 0.0  # no "-0,0"
    text = f"{x:,.{digits}f}"
    if lang == "da":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def percent(x: float, lang: str = "da", digits: int = 1, signed: bool = False) -> str:
    """A fraction (0.123) as a percentage: da '12,3 %', en '12.3%'; `signed` (a change) shows
    a rise with its sign, '+12,3 %', as a fall shows its own ('-4,0 %'; no sign where it prints 0)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    text = number(100 * x, lang, digits)
    plus = "+" if signed and text.strip("0,.") and not text.startswith("-") else ""
    return plus + text + (" %" if lang == "da" else "%")


# below this an amount "in millions" is written in whole kroner: 0,0 mio. kr. would hide it
SMALL_DKK = 50_000


def dkk(x: float, lang: str = "da", millions: bool = False) -> str:
    """An amount in kroner: da '1.234 kr.' / '12,3 mio. kr.'; en 'DKK 1,234' / 'DKK 12.3m'. In
    millions only from SMALL_DKK on (and for nothing at all): 5.413 kr., not 0,0 mio. kr."""
    if millions and (abs(x) >= SMALL_DKK or x == 0):
        v = number(x / 1e6, lang, 1)
        return f"{v} mio. kr." if lang == "da" else f"DKK {v}m"
    return f"{number(x, lang)} kr." if lang == "da" else f"DKK {number(x, lang)}"


MONTHS = {
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
# short forms for a chart's axis, where a full name would crowd the ticks (Dansk Sprognævn's abbreviations)
SHORT_MONTHS = {
    "da": ("jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
LOCAL_TIME = "Europe/Copenhagen"  # the time a run is stamped with: the region's own clock


def _day(d) -> dt.date:
    """A date from a date, a datetime, a pandas Timestamp or an ISO text: a day ("2025-04-01")
    or a month ("2025-04", its first day)."""
    if isinstance(d, str):
        return dt.date.fromisoformat(d[:10] if len(d) >= 10 else d[:7] + "-01")
    return d.date() if isinstance(d, dt.datetime) else d


def date(d, lang: str = "da") -> str:
    """A day as a reader writes it: da "1. april 2025", en "1 April 2025"."""
    d = _day(d)
    month = MONTHS[lang][d.month - 1]
    return f"{d.day}. {month} {d.year}" if lang == "da" else f"{d.day} {month} {d.year}"


def month(d, lang: str = "da", short: bool = False) -> str:
    """A month as a reader writes it: da "april 2025", en "April 2025"; short (a chart's axis):
    "apr. 2025", "Apr 2025"."""
    d = _day(d)
    return f"{(SHORT_MONTHS if short else MONTHS)[lang][d.month - 1]} {d.year}"


def quarter(d, lang: str = "da") -> str:
    """The quarter a day falls in: da "2. kvt. 2025", en "Q2 2025"."""
    d = _day(d)
    q = (d.month - 1) // 3 + 1
    return f"{q}. kvt. {d.year}" if lang == "da" else f"Q{q} {d.year}"


def run_time(when: dt.datetime, lang: str = "da") -> str:
    """The moment a run was made, on the region's clock (LOCAL_TIME, summer time included):
    da "7. december 2026 kl. 03.05", en "7 December 2026, 03:05 Danish time". A moment
    without a time zone is taken as the machine's own."""
    from zoneinfo import ZoneInfo

    local = when.astimezone(ZoneInfo(LOCAL_TIME))
    if lang == "da":
        return f"{date(local, lang)} kl. {local:%H.%M}"
    return f"{date(local, lang)}, {local:%H:%M} Danish time"


class Formatters(NamedTuple):
    """A notebook's text and number formatters in its language (see formatters)."""

    T: Callable[..., str]  # label: T("visits") or T("key", year=2024)
    N: Callable[..., str]  # number: N(1234.5, 1)
    P: Callable[..., str]  # share as percent: P(0.123)
    M: Callable[[float], str]  # kroner in millions: M(12_300_000)


def formatters(lang: str) -> Formatters:
    """The label, number, percent and money formatters of one report language, so every
    notebook writes `T, N, P, M = L.formatters(language)` instead of defining its own."""
    return Formatters(
        T=lambda key, **values: t(key, lang, **values),
        N=lambda x, digits=0: number(x, lang, digits),
        P=lambda x, digits=1: percent(x, lang, digits),
        M=lambda x: dkk(x, lang, millions=True),
    )
