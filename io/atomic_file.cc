#include "io/atomic_file.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "io/input_file.h"

namespace collabnet {
namespace {

std::string ErrnoText() { return std::strerror(errno); }

mode_t Umask() {
  const mode_t mask = umask(0);
  umask(mask);
  return mask;
}
// The modes new outputs get: the usual umask, like any new file.
mode_t NewFileMode() { return 0666 & ~Umask(); }
mode_t NewFolderMode() { return 0777 & ~Umask(); }

// Fills the open `fd`, gives it `mode` and closes it; on failure the
// caller removes the file.
absl::Status FillAndClose(int fd, const FileFill& fill, mode_t mode,
                          const std::string& path) {
  absl::Status s = fill(fd);
  if (s.ok() && fchmod(fd, mode) != 0) {
    s = absl::PermissionDeniedError(
        absl::StrCat("cannot set the mode of ", path, ": ", ErrnoText()));
  }
  if (close(fd) != 0 && s.ok()) {
    s = absl::DataLossError(
        absl::StrCat("cannot write ", path, ": ", ErrnoText()));
  }
  return s;
}

// Creates a unique temporary beside `path` holding `content`, with `mode`.
absl::StatusOr<std::string> WriteTemporary(const std::string& path,
                                           const FileFill& fill, mode_t mode) {
  std::string tmp = path + ".tmp-XXXXXX";
  const int fd = mkstemp(tmp.data());
  if (fd < 0) {
    return absl::PermissionDeniedError(
        absl::StrCat("cannot create a file beside ", path, ": ", ErrnoText()));
  }
  if (absl::Status s = FillAndClose(fd, fill, mode, path); !s.ok()) {
    unlink(tmp.c_str());
    return s;
  }
  return tmp;
}

// A symlink's target, which is what an output replaces (the link stays);
// any other path as it is. Messages name the output as `shown`.
absl::StatusOr<std::string> FollowSymlink(const std::string& path,
                                          const std::string& shown) {
  struct stat lst {};
  if (lstat(path.c_str(), &lst) != 0 || !S_ISLNK(lst.st_mode)) return path;
  char* real = realpath(path.c_str(), nullptr);
  if (real == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot write ", shown, ": ",
        errno == ENOENT ? "it is a symlink that leads nowhere" : ErrnoText()));
  }
  std::string target = real;
  free(real);  // NOLINT(cppcoreguidelines-no-malloc): realpath's contract
  return target;
}

}  // namespace

absl::Status WriteAll(int fd, absl::string_view content,
                      const std::string& path) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t w = write(fd, content.data() + done, content.size() - done);
    if (w < 0) {
      if (errno == EINTR) continue;
      return absl::DataLossError(
          absl::StrCat("cannot write ", path, ": ", ErrnoText()));
    }
    done += static_cast<std::size_t>(w);
  }
  return absl::OkStatus();
}

absl::StatusOr<OutputTarget> ResolveOutput(const std::string& path) {
  absl::StatusOr<std::string> followed = FollowSymlink(path, path);
  if (!followed.ok()) return followed.status();
  OutputTarget target{*std::move(followed), NewFileMode()};
  const PathInfo info = InspectPath(target.path);
  if (!info.error.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot write ", path, ": ", info.error));
  }
  switch (info.kind) {
    case PathKind::kMissing:
      return target;
    case PathKind::kFolder:
      return absl::InvalidArgumentError(
          absl::StrCat("cannot write ", path, ": it is a folder"));
    case PathKind::kOther:
      return absl::InvalidArgumentError(absl::StrCat(
          "cannot write ", path,
          ": it is not a regular file (a device or a pipe), and collabnet "
          "replaces only regular files; leave out the output flag to write "
          "to standard output"));
    case PathKind::kFile:
      break;
  }
  if (WasReadThisRun(info)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot write ", path,
        ": it is an input of this run, and an output never replaces an "
        "input; name another file"));
  }
  target.mode = static_cast<mode_t>(info.mode);
  return target;
}

namespace {

// WriteFilesAtomically, each file filled by its function.
absl::Status WriteFilesWith(
    const std::vector<std::pair<std::string, FileFill>>& files) {
  std::vector<OutputTarget> targets;
  targets.reserve(files.size());
  for (const auto& [path, fill] : files) {
    absl::StatusOr<OutputTarget> t = ResolveOutput(path);
    if (!t.ok()) return t.status();
    for (std::size_t j = 0; j < targets.size(); ++j) {
      const PathInfo a = InspectPath(t->path);
      const PathInfo b = InspectPath(targets[j].path);
      if (t->path == targets[j].path ||
          (a.kind == PathKind::kFile && b.kind == PathKind::kFile &&
           a.device == b.device && a.inode == b.inode)) {
        return absl::InvalidArgumentError(
            absl::StrCat("two outputs name one file, ", path, " (and ",
                         files[j].first, "); name each output differently"));
      }
    }
    targets.push_back(*std::move(t));
  }
  std::vector<std::string> temporaries;
  auto remove_all = [&temporaries] {
    for (const std::string& t : temporaries) unlink(t.c_str());
  };
  for (std::size_t i = 0; i < files.size(); ++i) {
    absl::StatusOr<std::string> tmp =
        WriteTemporary(targets[i].path, files[i].second, targets[i].mode);
    if (!tmp.ok()) {
      remove_all();
      return tmp.status();
    }
    temporaries.push_back(*std::move(tmp));
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (std::rename(temporaries[i].c_str(), targets[i].path.c_str()) != 0) {
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

// A fill that writes `content`; both must outlive it.
FileFill FillWith(absl::string_view content, const std::string& path) {
  return [content, &path](int fd) { return WriteAll(fd, content, path); };
}

}  // namespace

absl::Status WriteFileAtomically(const std::string& path,
                                 absl::string_view content) {
  return WriteFilesWith({{path, FillWith(content, path)}});
}

absl::Status WriteFileAtomicallyWith(const std::string& path,
                                     const FileFill& fill) {
  return WriteFilesWith({{path, fill}});
}

absl::Status WriteFilesAtomically(
    const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::pair<std::string, FileFill>> fills;
  fills.reserve(files.size());
  for (const auto& [path, content] : files) {
    fills.emplace_back(path, FillWith(content, path));
  }
  return WriteFilesWith(fills);
}

absl::Status WriteFolderAtomically(
    const std::string& dir,
    const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> paths;
  paths.reserve(files.size());
  for (const auto& [name, content] : files) {
    paths.push_back((std::filesystem::path(dir) / name).string());
  }
  std::vector<std::pair<std::string, FileFill>> fills;
  fills.reserve(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    fills.emplace_back(files[i].first, FillWith(files[i].second, paths[i]));
  }
  return WriteFolderAtomicallyWith(dir, fills);
}

absl::Status WriteFolderAtomicallyWith(
    const std::string& dir,
    const std::vector<std::pair<std::string, FileFill>>& files) {
  namespace fs = std::filesystem;
  std::string trimmed = dir;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  absl::StatusOr<std::string> followed = FollowSymlink(trimmed, dir);
  if (!followed.ok()) return followed.status();
  const std::string folder = *std::move(followed);
  const PathInfo info = InspectPath(folder);
  if (!info.error.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot write ", dir, ": ", info.error));
  }
  if (info.kind == PathKind::kFile || info.kind == PathKind::kOther) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot write the folder ", dir, ": it is a file"));
  }
  const bool replacing = info.kind == PathKind::kFolder;
  // What the old folder holds beyond the files written is kept: linked into
  // the new folder, so the swap loses nothing of the user's.
  std::vector<std::string> kept;
  std::vector<mode_t> modes(files.size(), NewFileMode());
  if (replacing) {
    std::error_code ec;
    // Incremented with an error code: the range-for form throws.
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end;
         it.increment(ec)) {
      const fs::directory_entry& e = *it;
      const std::string name = e.path().filename().string();
      const std::string path = e.path().string();
      bool written = false;
      for (std::size_t i = 0; i < files.size(); ++i) {
        if (files[i].first != name) continue;
        written = true;
        absl::StatusOr<OutputTarget> t = ResolveOutput(path);
        if (!t.ok()) return t.status();
        if (t->path != path) {
          return absl::InvalidArgumentError(absl::StrCat(
              "cannot write ", path,
              ": it is a symlink, which replacing the folder would lose"));
        }
        modes[i] = t->mode;
      }
      if (written) continue;
      const PathInfo kind = InspectPath(path);
      struct stat entry {};
      if (kind.kind != PathKind::kFile || lstat(path.c_str(), &entry) != 0 ||
          S_ISLNK(entry.st_mode)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "cannot replace the folder ", dir, ": it holds ", name,
            ", which is not a regular file collabnet could keep in the "
            "new folder; move it or write to a new folder"));
      }
      kept.push_back(name);
    }
    if (ec) {
      return absl::PermissionDeniedError(
          absl::StrCat("cannot list the folder ", dir, ": ", ec.message()));
    }
  }
  if (!replacing) {  // a new folder may be deeper than what exists
    std::error_code ec;
    const fs::path parent = fs::path(folder).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    if (ec) {
      return absl::PermissionDeniedError(absl::StrCat(
          "cannot create the folder ", parent.string(), ": ", ec.message()));
    }
  }
  std::string tmp = folder + ".tmp-XXXXXX";
  if (mkdtemp(tmp.data()) == nullptr) {
    return absl::PermissionDeniedError(
        absl::StrCat("cannot create a folder beside ", dir, ": ", ErrnoText()));
  }
  auto discard = [&tmp] {
    std::error_code ignored;
    fs::remove_all(tmp, ignored);
  };
  // mkdtemp makes the folder 0700; it gets the old folder's mode, or a new
  // folder's.
  chmod(tmp.c_str(),
        replacing ? static_cast<mode_t>(info.mode) : NewFolderMode());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string path = (fs::path(tmp) / files[i].first).string();
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    absl::Status s = fd < 0 ? absl::PermissionDeniedError(absl::StrCat(
                                  "cannot create ", path, ": ", ErrnoText()))
                            : FillAndClose(fd, files[i].second, modes[i], path);
    if (!s.ok()) {
      discard();
      return s;
    }
  }
  for (const std::string& name : kept) {
    const std::string from = (fs::path(folder) / name).string();
    const std::string to = (fs::path(tmp) / name).string();
    if (link(from.c_str(), to.c_str()) != 0) {
      const std::string why = ErrnoText();
      discard();
      return absl::PermissionDeniedError(
          absl::StrCat("cannot keep ", from, " in the new folder: ", why,
                       "; move it or write to a new folder"));
    }
  }
  if (!replacing) {
    if (std::rename(tmp.c_str(), folder.c_str()) != 0) {
      const std::string why = ErrnoText();
      discard();
      return absl::DataLossError(
          absl::StrCat("cannot write the folder ", dir, ": ", why));
    }
    return absl::OkStatus();
  }
  // rename() cannot replace a folder that has files; exchanging the two
  // swaps them in one step, so a reader sees the old folder or the new.
  if (renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, folder.c_str(),
                RENAME_EXCHANGE) != 0) {
    const std::string why = ErrnoText();
    discard();
    return absl::DataLossError(absl::StrCat(
        "cannot replace the folder ", dir, ": ", why,
        " (its file system cannot swap folders; write to a new folder)"));
  }
  discard();  // the old folder, now at the temporary name
  return absl::OkStatus();
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
