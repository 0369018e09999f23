"""Reading and checking input: file dialects and layouts, plausibility, visit types, the validated
ingest of visit files and extracts, the reference tables and tariffs. Imports only from `base`."""
