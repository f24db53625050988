// A fresh folder for each test, under the system's temporary directory and
// named for the process, so tests running side by side under ctest do not
// meet; removed with everything in it when the test ends.
#ifndef COLLABNET_TESTS_TESTING_SCRATCH_DIR_H_
#define COLLABNET_TESTS_TESTING_SCRATCH_DIR_H_

#include <filesystem>
#include <string>

#include "absl/status/statusor.h"
#include "gtest/gtest.h"

namespace collabnet::testing {

class ScratchDirTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  // The path of `name` in the folder.
  std::string Path(const std::string& name) const;
  // Writes `text` to `name` in the folder, bytes as given; returns its path.
  std::string Write(const std::string& name, const std::string& text) const;

  std::filesystem::path dir_;
};

// The bytes of a file a test wrote or had written, read directly (not as a
// collabnet input, so the test may write the file again); NotFound if it
// cannot be opened.
absl::StatusOr<std::string> ReadFileToString(const std::string& path);

}  // namespace collabnet::testing

#endif  // COLLABNET_TESTS_TESTING_SCRATCH_DIR_H_
