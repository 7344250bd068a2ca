"""Drafting a coding from an unseen article, for a person to correct: article.py runs the steps in order
(actors, statements, figures, events: one module each, over text.py's sentences and words.py's vocabulary),
writer.py writes the draft as the build reads it, evaluate.py measures drafts against reviewed codings."""
