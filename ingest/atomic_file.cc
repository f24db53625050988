#include "ingest/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace collabnet {
namespace {

std::string ErrnoText() { return std::strerror(errno); }

// Creates a unique temporary beside `path` holding `content`.
absl::StatusOr<std::string> WriteTemporary(const std::string& path,
                                           absl::string_view content) {
  std::string tmp = path + ".tmp-XXXXXX";
  const int fd = mkstemp(tmp.data());
  if (fd < 0) {
    return absl::PermissionDeniedError(
        absl::StrCat("cannot create a file beside ", path, ": ", ErrnoText()));
  }
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t w = write(fd, content.data() + done, content.size() - done);
    if (w < 0) {
      if (errno == EINTR) continue;
      const std::string why = ErrnoText();
      close(fd);
      unlink(tmp.c_str());
      return absl::DataLossError(
          absl::StrCat("cannot write ", path, ": ", why));
    }
    done += static_cast<std::size_t>(w);
  }
  // mkstemp creates 0600; outputs follow the usual umask like any new file.
  const mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  if (close(fd) != 0) {
    const std::string why = ErrnoText();
    unlink(tmp.c_str());
    return absl::DataLossError(absl::StrCat("cannot write ", path, ": ", why));
  }
  return tmp;
}

}  // namespace

absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view content) {
  return WriteFilesAtomically({{path, std::string(content)}});
}

absl::Status WriteFilesAtomically(
    const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> temporaries;
  auto remove_all = [&temporaries] {
    for (const std::string& t : temporaries) unlink(t.c_str());
  };
  for (const auto& [path, content] : files) {
    absl::StatusOr<std::string> tmp = WriteTemporary(path, content);
    if (!tmp.ok()) {
      remove_all();
      return tmp.status();
    }
    temporaries.push_back(*std::move(tmp));
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (std::rename(temporaries[i].c_str(), files[i].first.c_str()) != 0) {
      const std::string why = ErrnoText();
      for (std::size_t j = i; j < files.size(); ++j) {
        unlink(temporaries[j].c_str());
      }
      return absl::DataLossError(
          absl::StrCat("cannot write ", files[i].first, ": ", why));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadFileToString(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot open ", path, ": ", ErrnoText()));
  }
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) {
    return absl::DataLossError(absl::StrCat("cannot read ", path));
  }
  return out.str();
}

}  // namespace collabnet
