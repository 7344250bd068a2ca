# Shared by the R tests: the repository root, the loader, the two packages tested, and throw-away copies.
# testthat runs the tests from tests/R, so the root is found by walking up rather than assumed.
find_root <- function(from = getwd()) {
  dir <- normalizePath(from)
  while (!file.exists(file.path(dir, "datapackage.json")) || !file.exists(file.path(dir, "R", "load.R"))) {
    if (dirname(dir) == dir) stop("no datapackage.json with R/load.R above ", from)
    dir <- dirname(dir)
  }
  dir
}

ROOT <- find_root()  # the repository: the loader, the README, and the live package, whatever articles it holds
source(file.path(ROOT, "R", "load.R"), local = environment())

# The frozen package (tests/frozen.py): the seed articles as the tests know them, built by today's code. Tests of
# particular values read it; the live package grows with every contribution. `make test` builds it and names it.
FROZEN <- Sys.getenv("FROZEN_PACKAGE")
if (!nzchar(FROZEN) || !file.exists(file.path(FROZEN, "datapackage.json"))) {
  stop("FROZEN_PACKAGE must name the frozen package: `make test` builds it with `python -m tests.frozen DIR`")
}
PACKAGE <- load_descriptor(file.path(FROZEN, "datapackage.json"))
RESOURCE_NAMES <- vapply(PACKAGE$resources, function(r) r$name, "")
PACKAGES <- list(live = ROOT, frozen = FROZEN)  # checks that hold for any package run on both

fields_of <- function(resource, root = FROZEN) {
  jsonlite::read_json(file.path(root, resource$schema), simplifyVector = FALSE)$fields
}

# What an unpacked release holds: the descriptor, the schemas and the tables of the frozen package, in a temporary
# folder removed when the calling test ends.
copy_package <- function(env = parent.frame()) {
  dir <- withr::local_tempdir(.local_envir = env)
  for (name in c("datapackage.json", "schemas", "datapackage")) {
    stopifnot(file.copy(file.path(FROZEN, name), dir, recursive = TRUE))
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

# The README's R example, run from a package's root; returns the environment it ran in and what it printed.
run_readme_example <- function(root) {
  readme <- readLines(file.path(ROOT, "README.md"), encoding = "UTF-8")
  start <- match("### R", readme)
  stopifnot(!is.na(start))
  after <- readme[(start + 1):length(readme)]
  section <- after[seq_len(which(startsWith(after, "## ") | startsWith(after, "### "))[1] - 1)]
  fences <- which(startsWith(section, "```"))
  stopifnot(section[fences[1]] == "```r")
  code <- section[(fences[1] + 1):(fences[2] - 1)]
  code <- sub('source("R/load.R")', sprintf('source("%s")', file.path(ROOT, "R", "load.R")), code, fixed = TRUE)
  withr::local_dir(root)
  env <- new.env(parent = globalenv())
  output <- capture.output(eval(parse(text = code, keep.source = FALSE), envir = env))
  list(env = env, output = output)
}
