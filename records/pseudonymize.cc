#include "records/pseudonymize.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "io/input_file.h"

namespace collabnet {

std::string Pseudonym(absl::string_view key, absl::string_view id) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(id.data()), id.size(), digest,
       &length);
  return absl::StrCat("P", absl::BytesToHexString(absl::string_view(
                               reinterpret_cast<const char*>(digest), 8)));
}

absl::Status PseudonymizeDistrict(absl::string_view key, District& district) {
  if (key.empty()) {
    return absl::InvalidArgumentError("the pseudonymisation key is empty");
  }
  absl::flat_hash_map<std::string, std::string> pseudonyms;
  absl::flat_hash_map<std::string, std::string> owners;
  for (Teacher& t : *district.mutable_teachers()) {
    std::string p = Pseudonym(key, t.id());
    if (auto [it, fresh] = owners.emplace(p, t.id());
        !fresh && it->second != t.id()) {
      return absl::InternalError(absl::StrCat(
          "two teacher ids share the pseudonym ", p, "; choose another key"));
    }
    pseudonyms.emplace(t.id(), p);
    t.set_id(std::move(p));
    t.clear_name();
  }
  for (Tie& tie : *district.mutable_ties()) {
    // A tie to an id not on the roster is hashed too, never passed through.
    for (std::string* end : {tie.mutable_source(), tie.mutable_target()}) {
      auto it = pseudonyms.find(*end);
      *end = it != pseudonyms.end() ? it->second : Pseudonym(key, *end);
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ResolvePseudonymKey(const std::string& given) {
  if (given.empty() || given[0] != '@') {
    if (given.empty()) {
      return absl::InvalidArgumentError("the pseudonymisation key is empty");
    }
    return given;
  }
  // A key is a line of text; a longer file is not a key file.
  absl::StatusOr<std::string> text =
      ReadInputToString(given.substr(1), std::int64_t{1} << 16,
                        InputFile::Content::kText, "the key file");
  if (!text.ok()) return text.status();
  std::string key(absl::StripAsciiWhitespace(
      std::string(*absl::StrSplit(*text, '\n').begin())));
  if (key.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the key file ", given.substr(1), " has an empty first line"));
  }
  return key;
}

}  // namespace collabnet
