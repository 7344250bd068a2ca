"""Table bytes -> problems. The descriptor and each Table Schema's contract (descriptor, schema_contract), CSV
read in bounded pieces (csv_tables), each column against its schema with pandera (pandera_schemas), the row
rules (row_rules), keys over whole tables (key_index), evidence against the article files (corpus); table_checks
runs them all over a package."""
