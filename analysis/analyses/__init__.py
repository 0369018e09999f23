"""The analyses: measures, variation, reduction potential, the savings key, follow-up, pathways,
population, staff and budget, scenarios, specialisation, periods and the rest. Built on the
engine's aggregates and the statistics; import nothing from reporting or running."""
