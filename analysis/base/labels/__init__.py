"""The table of report labels, Danish and English, and number formatting per language.

Reports are Danish by default ("da"); "en" is the alternative. Every text a reader sees
(titles, column headers, category values, sentences) is looked up here (t). The labels the
reports share are written below; each report's own in a module of its own beside this one
(quality_labels, activity_labels, ..., what_if_labels: one per report and the what-if
panel), merged into LABELS, where a key may be written only once.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from analysis.base.labels import (
    activity_labels,
    demand_labels,
    follow_up_labels,
    hospital_labels,
    intake_labels,
    monitoring_labels,
    pathways_labels,
    population_labels,
    potential_labels,
    quality_labels,
    savings_key_labels,
    specialty_labels,
    variation_labels,
    what_if_labels,
)

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
    "first": ("Første", "First"),
    "last": ("Sidste", "Last"),
    "absent": ("Uden besøg", "Without visits"),
    "appears": ("kommer til", "appears"),
    "disappears": ("forsvinder", "disappears"),
    "appears_disappears": ("kun i en del af perioden", "only in part of the period"),
    "gap": ("hul", "gap"),
    "old_name": ("Gammelt navn", "Old name"),
    "new_name": ("Nyt navn", "New name"),
    "csv_format": ("CSV i tegnsættet {encoding}, skilletegn “{separator}”, decimaltegn “{decimal}”",
                   "CSV in the {encoding} character set, separator “{separator}”, decimal mark “{decimal}”"),
    "kind_visits": ("ét besøg pr. række", "one visit per row"),
    "kind_aggregated": ("forudberegnede antal", "pre-aggregated counts"),
    "builtin_mapping": ("den indbyggede danske oversættelse", "the built-in Danish aliases"),
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
    # 02 variation
    "measure_follow_ups_per_patient": ("Kontroller pr. patient", "Follow-ups per patient"),
    "measure_visits_per_patient": ("Besøg pr. patient", "Visits per patient"),
    "measure_follow_up_ratio": ("Kontroller pr. udredning", "Follow-ups per first visit"),
    "measure_in_person_share": ("Andel fremmøde", "Share in person"),
    "measure_follow_ups_per_patient_phrase": ("kontroller pr. patient", "follow-ups per patient"),
    "measure_visits_per_patient_phrase": ("besøg pr. patient", "visits per patient"),
    "measure_follow_up_ratio_phrase": ("kontroller i forhold til udredninger", "follow-ups per first visit"),
    "measure_in_person_share_phrase": ("besøg med fremmøde", "visits in person"),
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
    "units": ("Hospitaler", "Hospitals"),
    "scv": ("SCV", "SCV"),
    "eq": ("EQ", "EQ"),
    "od_additive": ("additiv tilfældig effekt (DerSimonian-Laird)", "an additive random effect (DerSimonian-Laird)"),
    "od_multiplicative": ("multiplikativ faktor √φ", "a multiplicative factor √φ"),
    "od_none": ("ingen justering", "no adjustment"),
    "short": ("Forkortelse", "Short"),
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
    "dd_budget": ("budgetvirkning {dkk}", "budget effect {dkk}"),  # the driver diagram's two kinds of kroner
    "dd_tariff": ("aktivitetsværdi {dkk}", "tariff value {dkk}"),
    "scenario": ("Forandringsidé", "Change idea"),
    "source": ("Forslag fra", "Proposed by"),
    "share_range": ("Andel, spænd (valgt)", "Share, range (chosen)"),
    # 03: what a change idea's share rests on (scenarios.share_basis, measures.MEASURES)
    "share_basis": ("Andelen bygger på", "The share rests on"),
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
    "legend_budget": ("Budgetvirkning (kroner i kassen)", "Budget effect (cash)"),
    "legend_tariff": ("Aktivitetsværdi (frigjort kapacitet)", "Tariff value (capacity freed)"),
    "potential": ("Besøg over benchmark", "Visits above benchmark"),
    "benchmark_ratio": ("Benchmark", "Benchmark"),
    "staff_group": ("Personalegruppe", "Staff group"),
    "doctors": ("Læger", "Doctors"),
    "nurses": ("Sygeplejersker", "Nurses"),
    "secretaries": ("Sekretærer", "Secretaries"),
    "fte_in_use": ("Årsværk i ambulatorierne", "FTE in outpatient clinics"),
    "fte_freed": ("Årsværk frigjort", "FTE freed"),
    "fte_attrition": ("Årsværk i naturlig afgang", "FTE leaving by attrition"),
    "share_of_attrition": ("Frigjort i % af afgangen", "Freed as % of attrition"),
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
    # 04 savings key
    "mdkk": ("Mio. kr.", "DKK million"),
    "amount_dkk": ("Andel af besparelsen (kr.)", "Share of the saving (DKK)"),
    "short_dkk": ("Budgetvirkning mangler mod andelen (kr.)", "Budget effect short of the share (DKK)"),
    "beyond_dkk": ("Budgetvirkning ud over andelen (kr.)", "Budget effect beyond the share (DKK)"),
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
    "region_share": ("Andel i sektoren", "Share in the sector"),
    "pw_referral_source": _REFERRAL_SOURCE,
    **{f"pw_src_{source}": pair for source, pair in _REFERRAL_SOURCES.items()},
    "ahead": ("foran", "ahead"),
    "on_track": ("på sporet", "on track"),
    "behind": ("bagud", "behind"),
    "unclear": ("endnu uklart", "not yet clear"),
    "share_full": ("Andel af fuldt krav pr. år", "Share of the full requirement a year"),
    "rate": ("Budgetvirkning pr. år nu", "Budget effect a year now"),
    "rate_low": ("Nedre 95 %", "Lower 95%"),
    "rate_high": ("Øvre 95 %", "Upper 95%"),
    "reached": ("Nået af hospitalets andel", "Reached of the hospital's share"),
    "target_dkk": ("Krav (kr.)", "Requirement (DKK)"),
    "budget_low": ("Nedre 95 %", "Lower 95%"),
    "budget_high": ("Øvre 95 %", "Upper 95%"),
    "tariff_rate": ("Aktivitetsværdi pr. år nu (kr.)", "Tariff value a year now (DKK)"),
    "quarter": ("Kvartal", "Quarter"),
    "cumulative_dkk": ("Budgetvirkning i alt (kr.)", "Budget effect in total (DKK)"),
    "cumulative_target_dkk": ("Krav i alt (kr.)", "Requirement in total (DKK)"),
    "months": ("Måneder", "Months"),
    "moved_visits": ("Flyttet til telefon, video, skriftlig", "Moved to phone, video, written"),
    "lever": ("Ligner", "Resembles"),
    "ideas": ("Forandringsidéer af den slags", "Change ideas of that kind"),
    "drop": ("færre besøg", "fewer visits"),
    "to_phone": ("flyttet til telefon", "moved to phone"),
    "to_video": ("flyttet til video", "moved to video"),
    "to_written": ("flyttet til skriftlig", "moved to written"),
    "rise_visits": ("Besøg over forventet", "Visits above expected"),
    "rise_budget_dkk": ("Merudgift, budgetvirkning (kr.)", "Extra cost, budget effect (DKK)"),
    "rise_tariff_dkk": ("Merudgift, aktivitetsværdi (kr.)", "Extra cost, tariff value (DKK)"),
    "fell_at": ("Faldt ved", "Fell at"),
    "fell_visits": ("Besøg under forventet dér", "Visits below expected there"),
    "part": ("Del", "Part"),
    "gross_reductions": ("Tydelige fald pr. speciale (over 3 standardafvigelser)",
                         "Clear falls by specialty (over 3 standard deviations)"),
    "rises_target_sectors": ("Tydelige stigninger i somatikken", "Clear rises in somatic care"),
    "rises_other_sectors": ("Tydelige stigninger i andre sektorer (psykiatrien)", "Clear rises in other sectors (psychiatry)"),
    "within_chance": ("Øvrige ændringer (inden for tilfældighederne)", "Other changes (within chance)"),
    "net_region": ("Regionen netto", "Region net"),
    "residents": ("Borgere", "Residents"),
    "municipality": ("Kommune", "Municipality"),
    "crude": ("Besøg pr. 1.000 borgere (ujusteret)", "Visits per 1,000 residents (unadjusted)"),
    "ratio_low": ("Nedre 95 %", "Lower 95%"),
    "ratio_high": ("Øvre 95 %", "Upper 95%"),
    "design_effect": ("Designeffekt", "Design effect"),
    "expected_effective": ("Forventet, effektivt antal", "Expected, effective number"),
    "main_hospital": ("Hovedhospital", "Main hospital"),
    "main_share": ("Andel på hovedhospitalet", "Share at the main hospital"),
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
    # index page
    "index_intro": ("Rapporter om ambulante besøg i perioden {start} til {end}. Hver sætning henviser til den "
                    "rapport, der viser grundlaget for den.",
                    "Reports on outpatient visits from {start} to {end}. Each sentence links to the report that "
                    "shows what it rests on."),
    "index_intro_run_in": ("Rapporter om ambulante besøg i perioden {start} til {end} ({first} til {last} er "
                           "indkøring: de måneder bruges kun til at udlede besøgstyperne). Hver sætning henviser til "
                           "den rapport, der viser grundlaget for den.",
                           "Reports on outpatient visits from {start} to {end} ({first} to {last} is run-in: "
                           "those months only serve to derive the visit types). Each sentence links to the report "
                           "that shows what it rests on."),
    "head_visits": ("Ambulante besøg {year}", "Outpatient visits {year}"),
    "head_gap": ("Hospitaler hvis andel er større end idéernes skønnede budgetvirkning hos dem",
                 "Hospitals whose share exceeds the ideas' estimated budget effect there"),
    "index_reports": ("Rapporter", "Reports"),
    "index_stand": ("Hvor står vi", "Where we stand"),
    "index_decide": ("Hvad styregruppen skal beslutte", "What the steering group must decide"),
    "index_risks": ("De største risici", "The largest risks"),
    "index_figures": ("Nøgletal", "Key figures"),
    "index_changed": ("Hvad har ændret sig siden sidste kørsel", "What changed since the last run"),
    # what changed since the last run (reporting/changes.py)
    "chg_none": ("Der er ingen tidligere offentliggjort kørsel i denne mappe at sammenligne med.",
                 "There is no earlier published run in this folder to compare with."),
    "chg_with_same": ("Sammenlignet med kørslen {when}, på de samme inddata (så forskelle skyldes ændrede antagelser "
                      "eller metoder).",
                      "Compared with the run of {when}, on the same input (so differences come from changed "
                      "assumptions or methods)."),
    "chg_with_new": ("Sammenlignet med kørslen {when}, på andre inddata (nye måneder eller rettede tal).",
                     "Compared with the run of {when}, on other input (new months or corrected figures)."),
    "chg_unchanged": ("Uændret: {what}.", "Unchanged: {what}."),
    "chg_unreadable": ("Den tidligere kørsel angiver {what} på en anden måde (en anden version af værktøjet), så de "
                       "kan ikke sammenlignes.",
                       "The earlier run states {what} in another form (another version of the toolkit), so they "
                       "cannot be compared."),
    "chg_settings": ("(Beregnet med andre indstillinger end sidst.)", "(Computed with other settings than last time.)"),
    "chg_what_rate": ("regionens budgetvirkning", "the region's budget effect"),
    "chg_rate": ("Regionens budgetvirkning er nu {now} om året mod {before} sidst.",
                 "The region's budget effect is now {now} a year against {before} last time."),
    "chg_what_status": ("hospitalernes status", "the hospitals' statuses"),
    "chg_what_potential": ("idéernes budgetvirkning", "the ideas' budget effect"),
    "chg_what_key": ("kravets fordeling på hospitalerne", "the requirement's split between the hospitals"),
    "chg_what_outliers": ("afvigerne i variationsanalysen", "the outliers of the variation analysis"),
    "chg_target": ("Kravet er nu {now} om året mod {before} sidst.",
                   "The requirement is now {now} a year against {before} last time."),
    "chg_key_rule": ("Kravet fordeles nu efter {basis_now} i {year_now} mod efter {basis_before} i {year_before} "
                     "sidst.",
                     "The requirement is now split by {basis_now} in {year_now} against by {basis_before} in "
                     "{year_before} last time."),
    "chg_status": ("Ny status: {moves}.", "New status: {moves}."),
    "chg_status_one": ("{hospital} fra {before} til {now}", "{hospital} from {before} to {now}"),
    "chg_potential": ("Idéernes budgetvirkning er nu {now} om året mod {before} sidst.",
                      "The ideas' budget effect is now {now} a year against {before} last time."),
    "chg_key": ("Andelen af kravet flytter mest for {hospital}: {now} om året mod {before} sidst.",
                "The share of the requirement moves most for {hospital}: {now} a year against {before} last time."),
    "chg_outliers_new": ("Nye afvigere i variationsanalysen: {units}.", "New outliers of the variation analysis: {units}."),
    "chg_outliers_gone": ("Ikke længere afvigere i variationsanalysen: {units}.",
                          "No longer outliers of the variation analysis: {units}."),
    "index_see": ("(se {report})", "(see {report})"),
    "index_per_05_hospital": ("Et hospital ad gangen", "One hospital at a time"),
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
    "lag_unseen": ("Regionens måneder svinger så meget, at en registrering, der halter mindre end ca. {unseen} i "
                   "en måned, ikke kan skelnes fra den almindelige variation; en sådan måned tæller med og gør "
                   "besparelsen for stor. Kendes den sidste fuldt registrerede måned, kan den angives i kørslen.",
                   "The region's months vary so much that registration lagging by less than about {unseen} in a "
                   "month cannot be told from ordinary variation; such a month counts and makes the saving too "
                   "large. Where the last fully registered month is known, the run can be given it."),
    "lag_detected": ("De seneste måneder er ikke fuldt registreret: {months} ligger samlet {below} under det "
                     "forventede, og {share} store serier (hospital, sektor og besøgstype) ligger "
                     "tallet under. Det er typisk for et nyt udtræk, hvor registreringen halter efter. Månederne vises "
                     "i figurerne, men indgår ikke i signaler og besparelser.",
                     "The latest months are not fully registered: {months} lie {below} below what was expected "
                     "overall, and {share} large series (hospital, sector and visit type) lie below. "
                     "That is typical of a fresh extract, where registration lags behind. The months are shown in "
                     "the charts but left out of signals and savings."),
    # ... og i alle de 12 store serier ligger tallet under: the count lets a reader weigh the evidence
    "lag_share_all": ("i alle de {n}", "all {n} of the"),
    "lag_share_least": ("i mindst {share} af de {n}", "at least {share} of the {n}"),
    "lag_unclear": ("De seneste måneder falder ud: {months} ligger samlet {below} under det forventede, og "
                    "{share} store serier (hospital, sektor og besøgstype) ligger tallet under. Det kan være "
                    "en registrering, der halter efter, eller et reelt fald efter beslutningen: data har ingen sektor "
                    "uden for beslutningen (fx psykiatrien) at skelne med. Månederne regnes derfor som ikke fuldt "
                    "registreret; de vises i figurerne, men indgår ikke i signaler og besparelser. Er registreringen "
                    "fuldstændig, så angiv den sidste fuldt registrerede måned i kørselsfilen, så tæller de med.",
                    "The latest months fall short: {months} lie {below} below what was expected overall, and "
                    "{share} large series (hospital, sector and visit type) lie below. That may be "
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
    "xlsx_synthetic": ("SYNTETISKE DATA: tallene er fra en opdigtet region, ikke fra virkelige patienter",
                       "SYNTHETIC DATA: the numbers come from a made-up region, not from real patients"),
    "xlsx_synthetic_short": ("syntetiske data", "synthetic data"),
    "xlsx_synthetic_file": ("syntetiske data", "synthetic data"),
}


def _merged(*tables: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """The tables as one; a key written in two of them is an error (which would win is chance)."""
    out: dict[str, tuple[str, str]] = {}
    for table in tables:
        twice = sorted(set(out) & set(table))
        if twice:
            raise ValueError(f"label keys written twice: {', '.join(twice)}")
        out.update(table)
    return out


LABELS = _merged(LABELS, *(m.LABELS for m in (
    quality_labels, activity_labels, variation_labels, potential_labels, savings_key_labels, hospital_labels,
    monitoring_labels, follow_up_labels, pathways_labels, population_labels, specialty_labels, what_if_labels,
    intake_labels, demand_labels)))


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


# below this an amount "in millions" is written in whole kroner: 0,00 mio. kr. would hide it
SMALL_DKK = 10_000


def million_digits(x: float) -> int:
    """Decimals of an amount in millions: one from 1 mio. kr. on, two below, so amounts under a
    million that differ by tens of thousands read apart (0,34 and 0,31 mio. kr., not 0,3 twice)."""
    return 1 if abs(x) >= 1e6 else 2


def dkk(x: float, lang: str = "da", millions: bool = False, like: float | None = None) -> str:
    """An amount in kroner: da '1.234 kr.' / '12,3 mio. kr.' / '0,34 mio. kr.'; en 'DKK 1,234' /
    'DKK 12.3m' / 'DKK 0.34m' (million_digits). In millions only from SMALL_DKK on (and for
    nothing at all): 5.413 kr., not 0,01 mio. kr. `like`: in millions at that amount's precision
    (an interval's ends as its point: "0,86 ... 0,78 til 1,05")."""
    if millions and like is not None and (abs(like) >= SMALL_DKK or like == 0):
        v = number(x / 1e6, lang, million_digits(like) if like else 1)
        return f"{v} mio. kr." if lang == "da" else f"DKK {v}m"
    if millions and (abs(x) >= SMALL_DKK or x == 0):
        v = number(x / 1e6, lang, million_digits(x) if x else 1)
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
