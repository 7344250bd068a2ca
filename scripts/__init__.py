"""Build, validate and document the conflict-news data package. The map of the code, one stage a folder; a
stage imports only from the stages before it (tests/test_layout.py holds the order):

    common/    files and words every stage needs: paths, problems, the rule catalogue, Table Schemas, YAML, CSV
    reading/   reading an article's text: articles, spans, dates, figures, quotations, the shared vocabulary
    checks/    table bytes -> problems: the descriptor, CSV reading, column schemas, row rules, keys, article files
    build/     seeds/ -> rows -> tables, README codebook and figure (build/__init__.py: the pipeline in order)
    validate/  the package as committed -> problems: every check above, freshness, frictionless
    draft/     an unseen article -> a draft coding for a person to review, and its evaluation
    release/   versions of the package: sources, diff, release archive
    bench/     the synthetic corpus and every benchmark

    cli.py     the one command line (python -m scripts --help): parses and prints, imports a stage when used
    load.py    the loader users import (shipped in every release archive)
"""
