"""Statistics: funnel limits, SPC charts, indirect standardisation, the counterfactual of the
realised saving. Pure functions over frames; imports from the layers below."""
