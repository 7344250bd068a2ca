# Load the data package's tables in R with the types their Table Schemas declare.
#
#   source("R/load.R")
#   package <- load_descriptor("datapackage.json")
#   claims <- load_table(package, "claims")
#   tables <- load_package("datapackage.json")
#
# Plain R on readr and jsonlite only. General-purpose readers lose the declared types: readr alone
# guesses and reads "NA" (Namibia) as missing; rOpenSci's frictionless reads integers as doubles and
# assigns columns by position. This loader matches columns by name, refuses a header that differs from
# the schema, and stops on any cell it cannot parse instead of turning it into NA.

load_descriptor <- function(descriptor = "datapackage.json") {
  package <- jsonlite::read_json(descriptor, simplifyVector = FALSE)
  # Paths in a descriptor are relative to its own folder, not to the working directory, so the
  # package reads the same from the repository and from an unpacked release anywhere else.
  attr(package, "directory") <- normalizePath(dirname(descriptor), mustWork = TRUE)
  package
}

load_table <- function(package, name) {
  if (is.character(package)) package <- load_descriptor(package)
  directory <- attr(package, "directory")
  if (is.null(directory)) stop("load_table(): `package` must come from load_descriptor(), which records its folder")
  names <- vapply(package$resources, function(r) r$name, "")
  if (!name %in% names) {
    stop(sprintf("no resource '%s' in the package; it has: %s", name, paste(names, collapse = ", ")))
  }
  resource <- package$resources[[match(name, names)]]
  if (length(resource$path) != 1) stop(sprintf("resource '%s': only single-file resources are supported", name))
  # A CSV dialect would change how cells split; none is declared, so refuse rather than misread one.
  if (!is.null(resource$dialect)) stop(sprintf("resource '%s': a CSV dialect is not supported", name))
  file <- file.path(directory, resource$path)
  schema <- resource$schema
  if (is.character(schema)) schema <- jsonlite::read_json(file.path(directory, schema), simplifyVector = FALSE)
  missing <- if (is.null(schema$missingValues)) list("") else schema$missingValues
  # The text "NA" is a value (Namibia's two-letter code, for one), so only an empty cell may mean missing.
  if (!identical(unlist(missing), "")) {
    stop(sprintf("resource '%s': the loader reads only empty cells as missing, the schema declares %s",
                 name, paste0('"', unlist(missing), '"', collapse = ", ")))
  }
  fields <- schema$fields
  field_names <- vapply(fields, function(f) f$name, "")
  locale <- readr::locale(encoding = if (is.null(resource$encoding)) "UTF-8" else resource$encoding)

  # Read the header as data (nothing is missing, nothing renamed) to compare it with the schema exactly.
  header <- unlist(readr::read_csv(file, col_names = FALSE, n_max = 1, na = character(), trim_ws = FALSE,
                                   col_types = readr::cols(.default = readr::col_character()),
                                   locale = locale, progress = FALSE, lazy = FALSE), use.names = FALSE)
  if (!identical(header, field_names)) {
    n <- max(length(header), length(field_names))
    padded_header <- c(header, rep("(nothing)", n - length(header)))
    padded_fields <- c(field_names, rep("(nothing)", n - length(field_names)))
    at <- which(padded_header != padded_fields)[1]
    stop(sprintf(paste0("%s: the header does not match the schema's fields (first difference at column %d: ",
                        "header has '%s', schema has '%s').\n  header: %s\n  schema: %s"),
                 file, at, padded_header[at], padded_fields[at],
                 paste(header, collapse = ","), paste(field_names, collapse = ",")), call. = FALSE)
  }

  types <- lapply(fields, function(f) {
    switch(f$type,
      integer = readr::col_integer(),
      date = {
        format <- if (is.null(f$format) || f$format == "default") "%Y-%m-%d" else f$format
        if (format == "any") stop(sprintf("%s: field %s: date format 'any' is not supported", file, f$name))
        readr::col_date(format)
      },
      # Enums are read as text and made factors below, after checking: a factor would turn an
      # unknown value into NA without a word.
      string = readr::col_character(),
      stop(sprintf("%s: field %s has type '%s', which R/load.R does not handle yet", file, f$name, f$type))
    )
  })
  names(types) <- field_names

  # The parse-issue warning is replaced by the error below, which says where and what.
  table <- withCallingHandlers(
    readr::read_csv(file, col_types = do.call(readr::cols, types), na = "", trim_ws = FALSE,
                    skip_empty_rows = FALSE, name_repair = "minimal", locale = locale,
                    progress = FALSE, lazy = FALSE),
    vroom_parse_issue = function(w) invokeRestart("muffleWarning"))
  issues <- readr::problems(table)
  if (nrow(issues) > 0) {
    column <- ifelse(issues$col %in% seq_along(field_names), field_names[issues$col], paste0("#", issues$col))
    lines <- sprintf("  row %d, column %s: expected %s, got '%s'", issues$row, column, issues$expected, issues$actual)
    stop(sprintf("%s: %d cell(s) do not parse as the schema's types (rows count the header as row 1):\n%s",
                 file, nrow(issues), paste(utils::head(lines, 10), collapse = "\n")), call. = FALSE)
  }

  for (f in fields) {
    levels <- unlist(f$constraints$enum)
    if (f$type != "string" || is.null(levels)) next
    values <- table[[f$name]]
    bad <- which(!is.na(values) & !values %in% levels)
    if (length(bad) > 0) {
      stop(sprintf("%s: column %s: %s not among the allowed values (%s); row(s) %s (the header is row 1)",
                   file, f$name, paste0("'", unique(values[bad]), "'", collapse = ", "),
                   paste(levels, collapse = ", "), paste(utils::head(bad + 1, 10), collapse = ", ")),
           call. = FALSE)
    }
    table[[f$name]] <- factor(values, levels = levels)
  }
  # readr's record of its column spec would still call the enums character.
  attr(table, "problems") <- NULL
  attr(table, "spec") <- NULL
  class(table) <- c("tbl_df", "tbl", "data.frame")
  table
}

load_package <- function(descriptor = "datapackage.json") {
  package <- load_descriptor(descriptor)
  names <- vapply(package$resources, function(r) r$name, "")
  stats::setNames(lapply(names, function(name) load_table(package, name)), names)
}
