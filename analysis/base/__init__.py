"""The base layer: paths, the data contract's column names and categories, the report labels, problems
(errors naming the fix), redaction, names, working days, privacy rules, municipalities. Imports
nothing else of the package."""
