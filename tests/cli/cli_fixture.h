// Running the collabnet program as a user would, for the end-to-end tests:
// each test gets a scratch folder, and Run gives the exit code, stdout and
// stderr of one command.
#ifndef COLLABNET_TESTS_CLI_CLI_FIXTURE_H_
#define COLLABNET_TESTS_CLI_CLI_FIXTURE_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/testing/districts.h"
#include "tests/testing/scratch_dir.h"

namespace collabnet {

struct Outcome {
  int exit_code;
  std::string out;
  std::string err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat(
               "collabnet_cli_", getpid(), "_",
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) const {
    return (dir_ / name).string();
  }

  Outcome Run(const std::string& args) const {
    const std::string binary = testing::BinaryDir() + "/cli/collabnet";
    const std::string command =
        absl::StrCat(binary, " ", args, " >", Path("stdout"), " 2>",
                     Path("stderr"), " </dev/null");
    const int status = std::system(command.c_str());
    Outcome o;
    o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    o.out = testing::ReadFileToString(Path("stdout")).value_or("");
    o.err = testing::ReadFileToString(Path("stderr")).value_or("");
    return o;
  }

  void Write(const std::string& name, const std::string& content) const {
    std::filesystem::create_directories(
        std::filesystem::path(Path(name)).parent_path());
    std::ofstream(Path(name)) << content;
  }

  std::filesystem::path dir_;
};

}  // namespace collabnet

#endif  // COLLABNET_TESTS_CLI_CLI_FIXTURE_H_
