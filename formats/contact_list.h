// Timestamped contact lists, as sensor and log studies publish them
// (SocioPatterns and similar):
//
//   t i j            a contact between i and j at time t
//   t i j Si Sj      and the groups (here: schools) of i and j
//
// Fields are separated by blanks, tabs or commas; # and % start comments; a
// first line of words is a header; files may be gzip-compressed. Contacts
// between the same pair merge into one tie weighted by their count. A time
// that is a date (or date and time) sets the tie's first and last seen;
// numeric times (seconds) are only counted. Ties are undirected unless
// options.directed (then i -> j).
#ifndef COLLABNET_FORMATS_CONTACT_LIST_H_
#define COLLABNET_FORMATS_CONTACT_LIST_H_

#include <string>

#include "absl/status/statusor.h"
#include "formats/network_builder.h"
#include "proto/district.pb.h"

namespace collabnet {

absl::StatusOr<District> ReadContactList(const std::string& path,
                                         const NetworkReadOptions& options = {},
                                         NetworkReadReport* report = nullptr);

}  // namespace collabnet

#endif  // COLLABNET_FORMATS_CONTACT_LIST_H_
