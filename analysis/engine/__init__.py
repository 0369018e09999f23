"""The engine: staging validated input, the content-keyed cache, aggregation on DuckDB or a
database, completeness of registration. Imports from `base` and `inputs`."""
