"""Validation of the package as committed (package.py): the descriptor, every table with the project's rules,
freshness against a rebuild, and frictionless' own validation; every failure is collected, none stops the rest."""
