"""Reading an article's text the one way the build, the checks and the draft share: the article file, where
words occur (spans), dates relative to publication, figures with their qualifiers, quotations over paragraphs,
and the vocabulary (casualty types, quotation marks)."""
