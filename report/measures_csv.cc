#include "report/measures_csv.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "proto/channel_names.h"
#include "text/csv_field.h"
#include "text/number_text.h"

namespace collabnet {
namespace {

void AppendNumber(double v, std::string& out) {
  out += ',';
  out += std::isnan(v) ? std::string("NA") : ShortestDouble(v);
}

}  // namespace

std::string FormatTeacherMeasuresCsv(const AnalysisResult& result) {
  std::string out =
      "teacher,school,in_degree,out_degree,in_strength,out_strength,"
      "betweenness,betweenness_normalized,closeness,harmonic,pagerank,"
      "eigenvector,coreness,clustering,constraint,ei_index,community,"
      "brokerage_coordinator,brokerage_itinerant,brokerage_representative,"
      "brokerage_gatekeeper,brokerage_liaison,brokerage_total";
  // Every teacher lists the same channels, those with a tie.
  if (result.teachers_size() > 0) {
    for (const ChannelDegree& c : result.teachers(0).by_channel()) {
      const absl::string_view name = ChannelFileName(c.channel());
      absl::StrAppend(&out, ",", name, "_in_degree,", name, "_out_degree,",
                      name, "_in_strength,", name, "_out_strength");
    }
  }
  out += '\n';
  for (const TeacherMeasures& t : result.teachers()) {
    AppendCsvField(t.teacher_id(), out);
    out += ',';
    AppendCsvField(t.school_id(), out);
    absl::StrAppend(&out, ",", t.in_degree(), ",", t.out_degree());
    for (double v : {t.in_strength(), t.out_strength(), t.betweenness(),
                     t.betweenness_normalized(), t.closeness(), t.harmonic(),
                     t.pagerank(), t.eigenvector()}) {
      AppendNumber(v, out);
    }
    absl::StrAppend(&out, ",", t.coreness());
    for (double v : {t.clustering(), t.constraint(), t.ei_index()}) {
      AppendNumber(v, out);
    }
    absl::StrAppend(&out, ",", t.community());
    const Brokerage& b = t.brokerage();
    absl::StrAppend(&out, ",", b.coordinator(), ",", b.itinerant(), ",",
                    b.representative(), ",", b.gatekeeper(), ",", b.liaison(),
                    ",", b.total());
    for (const ChannelDegree& c : t.by_channel()) {
      absl::StrAppend(&out, ",", c.in_degree(), ",", c.out_degree());
      AppendNumber(c.in_strength(), out);
      AppendNumber(c.out_strength(), out);
    }
    out += '\n';
  }
  return out;
}

std::string FormatSchoolMeasuresCsv(const AnalysisResult& result) {
  std::string out =
      "school,name,teachers,internal_ties,external_ties,density,reciprocity,"
      "ei_index,isolates,near_leader_share,communities\n";
  for (const SchoolMeasures& s : result.schools()) {
    AppendCsvField(s.school_id(), out);
    out += ',';
    AppendCsvField(s.school_name(), out);
    absl::StrAppend(&out, ",", s.teachers(), ",", s.internal_ties(), ",",
                    s.external_ties());
    for (double v : {s.density(), s.reciprocity(), s.ei_index()}) {
      AppendNumber(v, out);
    }
    absl::StrAppend(&out, ",", s.isolates());
    AppendNumber(s.near_leader_share(), out);
    absl::StrAppend(&out, ",", s.communities(), "\n");
  }
  return out;
}

}  // namespace collabnet
