// Network measures (AnalysisResult) as text for people at a terminal: the
// whole network's figures, its communities, the teachers who broker most
// (betweenness, unless it was left out), bridge schools most (brokerage
// roles across schools) and have the most ties to them (in-degree, or
// degree when undirected), and every school's row.
#ifndef COLLABNET_REPORT_MEASURES_TEXT_H_
#define COLLABNET_REPORT_MEASURES_TEXT_H_

#include <string>

#include "proto/measures.pb.h"

namespace collabnet {

// `teachers_listed` bounds each list of teachers.
std::string FormatAnalysisSummary(const AnalysisResult& result,
                                  int teachers_listed = 10);

}  // namespace collabnet

#endif  // COLLABNET_REPORT_MEASURES_TEXT_H_
