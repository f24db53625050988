# Gould and Fernandez's brokerage roles of the measures' test networks, by
# R's sna::brokerage (Debian's r-cran-sna), schools as the groups: the
# golden files tests/data/measures/NAME.brokerage.csv.
#
#   Rscript tests/measures/brokerage_golden.R           # write them
#   Rscript tests/measures/brokerage_golden.R --check   # compare with them
#
# The networks are the edge lists and nodes files make_golden.py writes
# beside the golden files; an undirected network is read as a symmetric
# adjacency matrix (each tie both ways), a directed one (its nodes file's
# first line says so) one way.
suppressPackageStartupMessages(library(sna))

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
dir <- normalizePath(file.path(dirname(script), "..", "data", "measures"))
check <- "--check" %in% commandArgs(trailingOnly = TRUE)

roles <- c("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")
names_out <- c("coordinator", "itinerant", "representative", "gatekeeper",
               "liaison", "total")

brokerage_table <- function(name) {
  node_lines <- readLines(file.path(dir, paste0(name, ".nodes")))
  directed <- grepl("^# directed", node_lines[1])
  node_lines <- node_lines[!grepl("^#", node_lines)][-1]  # comments, header
  nodes <- do.call(rbind, strsplit(node_lines, " "))
  ids <- nodes[, 1]
  school <- nodes[, 2]
  edges <- read.table(file.path(dir, paste0(name, ".edges")), header = TRUE,
                      colClasses = c("character", "character", "numeric"))
  n <- length(ids)
  m <- matrix(0, n, n)
  from <- match(edges$source, ids)
  to <- match(edges$target, ids)
  m[cbind(from, to)] <- 1
  if (!directed) m[cbind(to, from)] <- 1
  b <- brokerage(m, school)$raw.nli[, roles, drop = FALSE]
  out <- data.frame(teacher = ids, b, check.names = FALSE)
  names(out) <- c("teacher", names_out)
  out
}

failed <- FALSE
for (name in c("karate", "florentine", "davis", "directed")) {
  table <- brokerage_table(name)
  path <- file.path(dir, paste0(name, ".brokerage.csv"))
  if (check) {
    committed <- read.csv(path, colClasses = c("character", rep("numeric", 6)))
    if (!isTRUE(all.equal(committed, table, check.attributes = FALSE))) {
      message(path, " differs from what sna::brokerage gives now")
      failed <- TRUE
    }
  } else {
    write.csv(table, path, row.names = FALSE, quote = FALSE)
  }
}
if (failed) quit(status = 1)
if (check) cat("brokerage golden files as sna::brokerage makes them anew\n")
