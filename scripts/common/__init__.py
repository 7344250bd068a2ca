"""What every stage needs and nothing of the data's meaning: where files are (paths), what went wrong (problems
and the catalogue of rules), Table Schemas, bounded YAML, CSV writing that never leaves half a package, refusing
links and remote locations (safety), threads with bounded memory."""
