#include "tests/testing/scratch_dir.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace collabnet::testing {

void ScratchDirTest::SetUp() {
  const ::testing::TestInfo* test =
      ::testing::UnitTest::GetInstance()->current_test_info();
  dir_ = std::filesystem::temp_directory_path() /
         ("collabnet_" + std::string(test->test_suite_name()) + "_" +
          std::to_string(getpid()));
  std::filesystem::create_directories(dir_);
}

void ScratchDirTest::TearDown() { std::filesystem::remove_all(dir_); }

std::string ScratchDirTest::Path(const std::string& name) const {
  return (dir_ / name).string();
}

std::string ScratchDirTest::Write(const std::string& name,
                                  const std::string& text) const {
  std::string path = Path(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

absl::StatusOr<std::string> ReadFileToString(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot open " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace collabnet::testing
