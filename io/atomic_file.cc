#include "io/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

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

std::string GzipCompress(absl::string_view content) {
  z_stream z{};
  // 15 window bits + 16: a gzip header and trailer rather than raw zlib.
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
               Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(content.size())) + 32,
                  '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.data()));
  z.avail_in = static_cast<uInt>(content.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace collabnet
