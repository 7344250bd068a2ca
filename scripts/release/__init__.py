"""Versions of the package: a package read from a folder, archive or commit (sources.py), what changed between
two (diff.py), and cutting a release whose archive rebuilds byte for byte (archive.py)."""
