"""Build, validate and document the conflict-news data package."""
