// Pseudonymisation, so a district's data can leave the district office:
// each teacher id becomes a keyed hash and personal names are dropped.
//
// The pseudonym of an id is "P" followed by the first 16 hex digits of
// HMAC-SHA256(key, id): the same key gives the same pseudonyms in every file
// and every run, so separately pseudonymised exports still join; without the
// key, the ids cannot be recovered by hashing guesses.
#ifndef COLLABNET_RECORDS_PSEUDONYMIZE_H_
#define COLLABNET_RECORDS_PSEUDONYMIZE_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "proto/district.pb.h"

namespace collabnet {

// The pseudonym of `id` under `key` (which must not be empty).
std::string Pseudonym(absl::string_view key, absl::string_view id);

// Replaces every teacher id (in teachers and ties) by its pseudonym and
// clears every teacher's name. InvalidArgument if the key is empty; Internal
// if two ids would share a pseudonym (never seen in practice: 64 bits).
absl::Status PseudonymizeDistrict(absl::string_view key, District& district);

// The key a user gave: the text itself, or, for "@path", the first line of
// the file at path (so the key stays out of the shell history and process
// list).
absl::StatusOr<std::string> ResolvePseudonymKey(const std::string& given);

}  // namespace collabnet

#endif  // COLLABNET_RECORDS_PSEUDONYMIZE_H_
