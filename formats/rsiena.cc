#include "formats/rsiena.h"

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "formats/network_builder.h"
#include "io/csv_table.h"
#include "text/csv_field.h"

namespace collabnet {
absl::StatusOr<std::vector<Adoption>> ReadAdoptions(std::istream& in,
                                                    const std::string& name,
                                                    const District& district) {
  absl::flat_hash_map<std::string, int> teachers;
  for (int i = 0; i < district.teachers_size(); ++i) {
    teachers[district.teachers(i).id()] = i;
  }
  absl::flat_hash_map<std::string, std::size_t> seen;
  std::vector<Adoption> out;
  FileErrors errors(name);
  ForEachCsvRow(
      in, errors, {"teacher", "date"}, {"teacher", "date"},
      [&](const CsvHeader& h, const CsvRecord& r) {
        const std::string id(absl::StripAsciiWhitespace(h.Get(r, "teacher")));
        if (!teachers.contains(id)) {
          errors.Add(
              r.line, "teacher",
              absl::StrCat("teacher ", Quoted(id), " is not in the district"));
          return;
        }
        const absl::string_view text =
            absl::StripAsciiWhitespace(h.Get(r, "date"));
        const std::optional<DayRange> when = ParseWhen(text);
        if (!when || !IsIsoDate(text.substr(
                         0, std::min<std::size_t>(10, text.size())))) {
          errors.Add(r.line, "date",
                     absl::StrCat("found ", Quoted(text),
                                  "; expected a date YYYY-MM-DD"));
          return;
        }
        auto [it, fresh] = seen.emplace(id, out.size());
        if (fresh) {
          out.push_back({id, when->first});
        } else if (when->first < out[it->second].day) {
          out[it->second].day = when->first;
        }
      });
  if (absl::Status s = ErrorsToStatus({&errors}); !s.ok()) return s;
  return out;
}

absl::StatusOr<std::vector<std::pair<std::string, std::string>>> FormatRsiena(
    const District& district, const std::vector<absl::CivilDay>& waves,
    const std::vector<Adoption>* adoptions) {
  if (waves.size() < 2) {
    return absl::InvalidArgumentError(
        "RSiena needs at least two waves: give their dates");
  }
  for (std::size_t k = 1; k < waves.size(); ++k) {
    if (!(waves[k - 1] < waves[k])) {
      return absl::InvalidArgumentError(
          absl::StrCat("wave dates must increase; ", FormatIsoDate(waves[k]),
                       " follows ", FormatIsoDate(waves[k - 1])));
    }
  }
  const int n = district.teachers_size();
  if (n > 10000) {
    return absl::InvalidArgumentError(
        absl::StrCat("RSiena panels hold dense matrices; ", n,
                     " actors is more than the 10,000 this writer accepts"));
  }
  absl::flat_hash_map<std::string, int> index;
  absl::flat_hash_map<std::string, int> school_number;
  for (const School& s : district.schools()) {
    school_number.emplace(s.id(), static_cast<int>(school_number.size()) + 1);
  }
  std::vector<std::pair<std::string, std::string>> files;
  std::string actors = "actor,teacher,school\n";
  std::string school = "";
  for (int i = 0; i < n; ++i) {
    const Teacher& t = district.teachers(i);
    index[t.id()] = i;
    AppendCsvRow({absl::StrCat(i + 1), t.id(), t.school_id()}, actors);
    auto it = school_number.find(t.school_id());
    absl::StrAppend(&school, it == school_number.end() ? 0 : it->second, "\n");
  }
  files.emplace_back("actors.csv", actors);
  files.emplace_back("school.txt", school);
  // Each tie's ends and span, found once for every wave.
  absl::StatusOr<std::vector<std::pair<int, int>>> ends =
      TieEndNumbers(district);
  if (!ends.ok()) return ends.status();
  std::vector<std::optional<absl::CivilDay>> first, last;
  for (const Tie& t : district.ties()) {
    first.push_back(ParseIsoDate(t.first_seen()));
    last.push_back(ParseIsoDate(t.last_seen()));
  }
  for (std::size_t k = 0; k < waves.size(); ++k) {
    std::vector<char> m(static_cast<std::size_t>(n) * n, 0);
    for (int i = 0; i < district.ties_size(); ++i) {
      const auto e = static_cast<std::size_t>(i);
      const std::size_t s = static_cast<std::size_t>((*ends)[e].first) - 1;
      const std::size_t d = static_cast<std::size_t>((*ends)[e].second) - 1;
      if (s == d) continue;
      // Present if [first, last] overlaps (previous wave, this wave].
      if (first[e] && *first[e] > waves[k]) continue;
      if (last[e] && k > 0 && !(*last[e] > waves[k - 1])) continue;
      m[s * n + d] = 1;
      if (!district.ties(i).directed()) m[d * n + s] = 1;
    }
    std::string text;
    text.reserve(static_cast<std::size_t>(n) * n * 2);
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        text += j == 0 ? "" : " ";
        text += m[static_cast<std::size_t>(i) * n + j] ? '1' : '0';
      }
      text += '\n';
    }
    files.emplace_back(absl::StrCat("network_w", k + 1, ".txt"),
                       std::move(text));
  }
  if (adoptions != nullptr) {
    std::vector<std::optional<absl::CivilDay>> adopted(
        static_cast<std::size_t>(n));
    for (const Adoption& a : *adoptions) {
      auto it = index.find(a.teacher);
      if (it == index.end()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "adoption by ", a.teacher, ", who is not in the district"));
      }
      adopted[static_cast<std::size_t>(it->second)] = a.day;
    }
    std::string text;
    for (int i = 0; i < n; ++i) {
      for (std::size_t k = 0; k < waves.size(); ++k) {
        const auto& day = adopted[static_cast<std::size_t>(i)];
        text += k == 0 ? "" : " ";
        text += day && !(*day > waves[k]) ? '1' : '0';
      }
      text += '\n';
    }
    files.emplace_back("behaviour.txt", std::move(text));
  }
  std::string r =
      "# Reads this folder into RSiena objects: source(\"load.R\", chdir = "
      "TRUE)\nlibrary(RSiena)\n";
  absl::StrAppend(&r, "waves <- c(");
  for (std::size_t k = 0; k < waves.size(); ++k) {
    absl::StrAppend(&r, k == 0 ? "" : ", ", "\"", FormatIsoDate(waves[k]),
                    "\"");
  }
  absl::StrAppend(
      &r, ")\nnet <- array(NA, dim = c(", n, ", ", n, ", ", waves.size(),
      "))\nfor (k in seq_along(waves)) {\n"
      "  net[, , k] <- as.matrix(read.table(sprintf(\"network_w%d.txt\", k)))\n"
      "}\n"
      "actors <- read.csv(\"actors.csv\")\n"
      "collaboration <- sienaDependent(net)\n"
      "school <- coCovar(scan(\"school.txt\"))\n");
  if (adoptions != nullptr) {
    absl::StrAppend(
        &r,
        "adoption <- sienaDependent(as.matrix(read.table("
        "\"behaviour.txt\")), type = \"behavior\")\n"
        "data <- sienaDataCreate(collaboration, adoption, school)\n");
  } else {
    absl::StrAppend(&r, "data <- sienaDataCreate(collaboration, school)\n");
  }
  files.emplace_back("load.R", std::move(r));
  return files;
}

}  // namespace collabnet
