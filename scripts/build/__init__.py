"""The build: seeds/ -> rows -> tables -> files, in this order (pipeline.py runs it):

1. refuse links (common/safety), read the registry of actors and events (registry.py, inputs.py);
2. pair each article with its coding (pipeline.seed_pairs) and read both (reading/articles, inputs.py);
3. turn an article and its coding into rows: coding.py, the one module where that happens; review.py refuses
   draft rows and placeholders nobody has reviewed;
4. check nothing is invented (every actor named, every event reported) and derive the disagreements between
   claims (disagreements.py);
5. write the tables as CSV, sorted by primary key, check them as validation does (checks/), and render the
   descriptor's statistics, the README codebook (codebook.py) and the casualty figure (figure.py);
6. replace every output together or none (common/csvio).

contribute.py is the step before: `add` puts a new article into seeds/ under its id."""
