// A progress bar on stderr for long runs, shown only when stderr is a
// terminal and only once the work has taken longer than a second, so short
// runs, pipes and CI logs stay clean.
#ifndef COLLABNET_CLI_PROGRESS_H_
#define COLLABNET_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace collabnet::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();  // clears the bar's line if one was drawn
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Thread-safe; cheap when nothing needs drawing.
  void Update(std::int64_t done, std::int64_t total);

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  std::mutex mu_;
};

}  // namespace collabnet::cli

#endif  // COLLABNET_CLI_PROGRESS_H_
