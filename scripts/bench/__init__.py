"""Measurements, run from the command line (`python -m scripts bench --help`), never as timed tests: a
synthetic corpus in the build's own format (synthetic.py) and a benchmark for the build, validation, one very
large contribution and the draft."""
