#include "report/transmission_csv.h"

#include "absl/strings/str_cat.h"
#include "proto/channel_names.h"
#include "text/csv_field.h"

namespace collabnet {

std::string FormatTransmissionCsv(const RunResult& result) {
  const std::string& unit = result.details().time_unit();
  std::string out =
      absl::StrCat("replicate,source,target,", unit.empty() ? "week" : unit,
                   ",channel,hop,adopted\n");
  for (const Transmission& t : result.transmissions()) {
    absl::StrAppend(&out, t.replicate(), ",");
    AppendCsvField(t.source(), out);
    out += ',';
    AppendCsvField(t.target(), out);
    absl::StrAppend(&out, ",", t.time(), ",",
                    t.from_broadcast() ? "broadcast"
                    : t.channel() == CHANNEL_UNSPECIFIED
                        ? ""
                        : ChannelFileName(t.channel()),
                    ",", t.hop(), ",", t.adopted() ? 1 : 0, "\n");
  }
  return out;
}

}  // namespace collabnet
