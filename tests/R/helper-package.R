# Shared by the R tests: the repository root, the loader, and throw-away copies of the package.
# testthat runs the tests from tests/R, so the root is found by walking up rather than assumed.
find_root <- function(from = getwd()) {
  dir <- normalizePath(from)
  while (!file.exists(file.path(dir, "datapackage.json")) || !file.exists(file.path(dir, "R", "load.R"))) {
    if (dirname(dir) == dir) stop("no datapackage.json with R/load.R above ", from)
    dir <- dirname(dir)
  }
  dir
}

ROOT <- find_root()
source(file.path(ROOT, "R", "load.R"), local = environment())
PACKAGE <- load_descriptor(file.path(ROOT, "datapackage.json"))
RESOURCE_NAMES <- vapply(PACKAGE$resources, function(r) r$name, "")

fields_of <- function(resource) {
  jsonlite::read_json(file.path(ROOT, resource$schema), simplifyVector = FALSE)$fields
}

# What an unpacked release holds: the descriptor, the schemas and the tables, in a temporary folder
# removed when the calling test ends.
copy_package <- function(env = parent.frame()) {
  dir <- withr::local_tempdir(.local_envir = env)
  for (name in c("datapackage.json", "schemas", "datapackage")) {
    stopifnot(file.copy(file.path(ROOT, name), dir, recursive = TRUE))
  }
  dir
}

# Edit one line of a CSV as text (no rewrite, so quoting stays as built) and return its row number
# (the header is row 1). Fails when the text is not there, so a test cannot pass without breaking anything.
edit_line <- function(file, starts_with, old, new) {
  lines <- readLines(file, encoding = "UTF-8")
  row <- which(startsWith(lines, starts_with))
  stopifnot(length(row) == 1, grepl(old, lines[row], fixed = TRUE))
  lines[row] <- sub(old, new, lines[row], fixed = TRUE)
  writeLines(lines, file, useBytes = TRUE)
  row
}
