"""Outpatient activity analysis: the package the notebooks and the command line use."""
import sys

# nbformat (which papermill, nbconvert and the run's checks read notebooks with) imports jsonschema,
# and jsonschema imports the optional IRI checker rfc3987_syntax when it is installed (the Jupyter
# packages pull it in), which builds some 35 parsers at import: 0.9 s in every process that reads a
# notebook, for a format no notebook schema uses (jsonschema issue 1428, not fixed as of 4.26).
# Marked absent here, before anything imports jsonschema, so jsonschema leaves that one check out.
sys.modules.setdefault("rfc3987_syntax", None)
