# R/load.R reads a package with the types its Table Schemas declare, and refuses what it cannot read faithfully:
# checks that hold for any package run on the live one and on the frozen one; values are checked on the frozen one.
# `make test` runs them (it builds the frozen package and names it in FROZEN_PACKAGE).

C01 <- "000_9182488a4787e2a6:c01"  # "at least 55" killed: no upper bound
C02 <- "000_9182488a4787e2a6:c02"  # Nagorno-Karabakh: 53 of its soldiers killed on Monday 28 September 2020

test_that("every column of every table has the R class its schema type declares", {
  for (root in PACKAGES) for (resource in PACKAGE$resources) {
    package <- load_descriptor(file.path(root, "datapackage.json"))
    table <- load_table(package, resource$name)
    fields <- fields_of(resource, root)
    expect_identical(names(table), vapply(fields, function(f) f$name, ""), label = resource$name)
    if (root == FROZEN) expect_gt(nrow(table), 0)  # the frozen package has rows in every table
    for (field in fields) {
      column <- table[[field$name]]
      where <- paste0(resource$name, ".", field$name)
      enum <- unlist(field$constraints$enum)
      if (field$type == "integer") {
        expect_identical(class(column), "integer", label = where)  # not "numeric"
      } else if (field$type == "date") {
        expect_identical(class(column), "Date", label = where)
      } else if (field$type == "string" && !is.null(enum)) {
        expect_identical(class(column), "factor", label = where)
        expect_identical(levels(column), enum, label = where)  # exactly the enum, in schema order
      } else {
        expect_identical(field$type, "string", label = where)
        expect_identical(class(column), "character", label = where)
      }
    }
  }
})

test_that("load_package returns every resource, in descriptor order, as load_table reads it", {
  for (root in PACKAGES) {
    tables <- load_package(file.path(root, "datapackage.json"))
    expect_identical(names(tables), RESOURCE_NAMES)
    expect_identical(tables$claims, load_table(load_descriptor(file.path(root, "datapackage.json")), "claims"))
  }
})

test_that("real values come out with their types", {
  claims <- load_table(PACKAGE, "claims")
  c02 <- claims[claims$claim_id == C02, ]
  expect_identical(nrow(c02), 1L)
  expect_identical(c02$value_min, 53L)
  expect_identical(c02$value_max, 53L)
  expect_identical(c02$date_start, as.Date("2020-09-28"))
  expect_identical(as.character(c02$claim_type), "killed")
  expect_identical(c02$claimant_actor_id, "nagorno-karabakh")
  c01 <- claims[claims$claim_id == C01, ]
  expect_identical(c01$value_min, 55L)
  expect_identical(c01$value_max, NA_integer_)  # an empty cell is missing
  expect_identical(as.character(c01$qualifier), "at_least")
})

test_that("the text NA is a value, not a missing cell", {
  dir <- copy_package()
  file <- file.path(dir, "datapackage", "claims.csv")
  edit_line(file, C02, ",exact,53,2020-09-28,", ",exact,NA,2020-09-28,")  # value_text
  claims <- load_table(load_descriptor(file.path(dir, "datapackage.json")), "claims")
  expect_identical(claims$value_text[claims$claim_id == C02], "NA")
  # What the loader guards against: readr's defaults read the same cell as missing.
  guessed <- readr::read_csv(file, show_col_types = FALSE, progress = FALSE)
  expect_true(is.na(guessed$value_text[guessed$claim_id == C02]))
})

test_that("a header whose columns are swapped is refused, naming the file", {
  dir <- copy_package()
  edit_line(file.path(dir, "datapackage", "claims.csv"), "claim_id,", ",value_min,value_max,", ",value_max,value_min,")
  package <- load_descriptor(file.path(dir, "datapackage.json"))
  expect_error(load_table(package, "claims"),
               "datapackage/claims\\.csv: the header does not match.*column 11: header has 'value_max', schema has 'value_min'")
  expect_error(load_package(file.path(dir, "datapackage.json")), "claims\\.csv")
})

test_that("a cell that is not an integer is refused, naming file, row and column", {
  dir <- copy_package()
  row <- edit_line(file.path(dir, "datapackage", "claims.csv"), C02, ",military,53,53,", ",military,5x,53,")
  expect_identical(row, 3L)
  expect_error(load_table(load_descriptor(file.path(dir, "datapackage.json")), "claims"),
               "claims\\.csv: 1 cell\\(s\\) do not parse.*row 3, column value_min: expected an integer, got '5x'")
})

test_that("a date that is not a date is refused, naming file, row and column", {
  dir <- copy_package()
  edit_line(file.path(dir, "datapackage", "claims.csv"), C02, ",53,2020-09-28,2020-09-28,", ",53,2020-09-31,2020-09-28,")
  expect_error(load_table(load_descriptor(file.path(dir, "datapackage.json")), "claims"),
               "claims\\.csv: .*row 3, column date_start: expected date like %Y-%m-%d, got '2020-09-31'")
})

test_that("a value outside an enum is refused rather than turned into NA", {
  dir <- copy_package()
  edit_line(file.path(dir, "datapackage", "claims.csv"), C02, ",e-2020-09-28-fighting,,killed,",
            ",e-2020-09-28-fighting,,kiled,")
  expect_error(load_table(load_descriptor(file.path(dir, "datapackage.json")), "claims"),
               "claims\\.csv: column claim_type: 'kiled' not among the allowed values.*row\\(s\\) 3")
})

test_that("a copy of the package in another folder loads the same, with paths relative to its descriptor", {
  dir <- copy_package()
  elsewhere <- withr::local_tempdir()
  withr::local_dir(elsewhere)  # neither the repository nor the copy
  expect_identical(load_package(file.path(dir, "datapackage.json")), load_package(file.path(FROZEN, "datapackage.json")))
  withr::local_dir(dirname(dir))
  expect_identical(names(load_package(file.path(basename(dir), "datapackage.json"))), RESOURCE_NAMES)
  # From the repository root, the copy's tables are read, not the repository's.
  edit_line(file.path(dir, "datapackage", "claims.csv"), C02, ",exact,53,2020-09-28,", ",exact,fifty-three,2020-09-28,")
  withr::local_dir(ROOT)
  claims <- load_table(load_descriptor(file.path(dir, "datapackage.json")), "claims")
  expect_identical(claims$value_text[claims$claim_id == C02], "fifty-three")
})

# rOpenSci's frictionless R package (read_package() + read_resource()) is not in Debian and CRAN cannot be
# reached where these tests run, so it cannot be run here; this emulates what its read_resource() does:
# readr::read_delim() with col_names = the schema's field names and skip = 1 (the header is ignored and
# columns are assigned by position), integers read with col_double(), and only tabular-data-resource
# resources accepted.
test_that("reading by position with the schema's names (as frictionless does) gives the columns read by header", {
  for (root in PACKAGES) for (resource in PACKAGE$resources) {
    file <- file.path(root, resource$path)
    names <- vapply(fields_of(resource, root), function(f) f$name, "")
    text <- readr::cols(.default = readr::col_character())
    by_header <- readr::read_csv(file, col_types = text, na = "", trim_ws = FALSE, progress = FALSE)
    by_position <- readr::read_csv(file, col_names = names, skip = 1, col_types = text, na = "", trim_ws = FALSE,
                                   progress = FALSE)
    expect_identical(nrow(readr::problems(by_position)), 0L, label = resource$name)
    expect_identical(lapply(by_position, identity), lapply(by_header, identity), label = resource$name)
    expect_identical(resource$profile, "tabular-data-resource", label = resource$name)
  }
})

test_that("frictionless's doubles hold the same whole numbers as this loader's integers", {
  claims <- load_table(PACKAGE, "claims")
  fields <- fields_of(PACKAGE$resources[[match("claims", RESOURCE_NAMES)]])
  types <- lapply(fields, function(f) if (f$type == "integer") readr::col_double() else readr::col_character())
  names(types) <- vapply(fields, function(f) f$name, "")
  doubles <- readr::read_csv(file.path(FROZEN, "datapackage", "claims.csv"), col_names = names(types), skip = 1,
                             col_types = do.call(readr::cols, types), na = "", trim_ws = FALSE, progress = FALSE)
  expect_identical(class(doubles$value_min), "numeric")
  expect_identical(class(claims$value_min), "integer")
  expect_identical(doubles$value_min, as.numeric(claims$value_min))
})

test_that("the README's R example runs on the live package", {
  ran <- run_readme_example(ROOT)
  expect_true(all(ran$env$monday$claim_type == "killed"))
})

test_that("the README's R example answers its question on the frozen package", {
  ran <- run_readme_example(FROZEN)
  monday <- ran$env$monday
  expect_identical(class(monday$value_min), "integer")
  expect_identical(sort(monday$value_min), c(2L, 2L, 27L, 53L, 55L))  # both articles
  expect_true(all(monday$date_start == as.Date("2020-09-28")) && all(monday$claim_type == "killed"))
  karabakh <- monday[monday$claimant %in% "Nagorno-Karabakh" & monday$value_min == 53L, ]
  expect_identical(nrow(karabakh), 1L)
  expect_identical(karabakh$victim, "Nagorno-Karabakh")
  expect_identical(karabakh$value_max, 53L)
  expect_identical(as.character(karabakh$victim_status), "military")
  expect_identical(karabakh$article_id, "000_9182488a4787e2a6")
  printed <- grep("Nagorno-Karabakh", ran$output, value = TRUE)  # the answer is printed, not only computed
  expect_true(any(grepl("military", printed)))
})
