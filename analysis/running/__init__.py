"""Running: the run configuration and runner, the command line, the synthetic region, the
national set and the validation study. The top layer: may import from every layer below."""
