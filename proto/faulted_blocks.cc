#include "proto/faulted_blocks.h"

#include <sys/mman.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <new>
#include <thread>
#include <vector>

namespace collabnet {
namespace {

// Blocks kept ready: 32 MiB, a few milliseconds of a reader's appetite.
constexpr std::size_t kAhead = 8;

struct Pool {
  std::mutex mu;
  std::condition_variable wake;
  std::vector<void*> ready;
  int users = 0;
  // A block of kFaultedBlockBytes was asked for since users last fell to
  // 0: an arena is growing large. Small arenas never start the work.
  bool wanted = false;
  bool started = false;
};

Pool& GetPool() {
  static Pool* pool = new Pool;  // lives as long as the thread
  return *pool;
}

void* Map() {
  void* p = mmap(nullptr, kFaultedBlockBytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

void Unmap(void* block) { munmap(block, kFaultedBlockBytes); }

// Writes one byte a page, which makes the kernel map and zero it.
void FaultIn(void* block) {
  static const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  volatile char* bytes = static_cast<char*>(block);
  for (std::size_t i = 0; i < kFaultedBlockBytes; i += page) bytes[i] = 0;
}

void Run() {
  Pool& pool = GetPool();
  std::unique_lock<std::mutex> lock(pool.mu);
  while (true) {
    pool.wake.wait(lock, [&] {
      return (pool.users > 0 && pool.wanted && pool.ready.size() < kAhead) ||
             (pool.users == 0 && (pool.wanted || !pool.ready.empty()));
    });
    if (pool.users == 0) {
      // No arena wants them: the memory goes back.
      for (void* block : pool.ready) Unmap(block);
      pool.ready.clear();
      pool.wanted = false;
      continue;
    }
    lock.unlock();
    void* block = Map();
    if (block != nullptr) FaultIn(block);
    lock.lock();
    if (block == nullptr) {
      // Out of memory for now: the readers map their own, and fail there
      // if it persists.
      pool.wake.wait_for(lock, std::chrono::milliseconds(100));
      continue;
    }
    pool.ready.push_back(block);
  }
}

}  // namespace

void* AllocateArenaBlock(std::size_t bytes) {
  if (bytes != kFaultedBlockBytes) {
    void* p = std::malloc(bytes);
    if (p == nullptr) throw std::bad_alloc();
    return p;
  }
  Pool& pool = GetPool();
  {
    const std::lock_guard<std::mutex> lock(pool.mu);
    if (!pool.wanted) {
      pool.wanted = true;
      pool.wake.notify_one();
    }
    if (!pool.ready.empty()) {
      void* block = pool.ready.back();
      pool.ready.pop_back();
      pool.wake.notify_one();
      return block;
    }
  }
  void* block = Map();
  if (block == nullptr) throw std::bad_alloc();
  return block;
}

void FreeArenaBlock(void* block, std::size_t bytes) {
  if (bytes != kFaultedBlockBytes) {
    std::free(block);
    return;
  }
  Unmap(block);
}

FaultAhead::FaultAhead() {
  if (std::thread::hardware_concurrency() < 2) return;
  Pool& pool = GetPool();
  const std::lock_guard<std::mutex> lock(pool.mu);
  if (!pool.started) {
    std::thread(Run).detach();
    pool.started = true;
  }
  ++pool.users;
  active_ = true;
  pool.wake.notify_one();
}

FaultAhead::~FaultAhead() {
  if (!active_) return;
  Pool& pool = GetPool();
  const std::lock_guard<std::mutex> lock(pool.mu);
  --pool.users;
  pool.wake.notify_one();
}

FaultAhead& FaultAhead::operator=(FaultAhead&& other) noexcept {
  if (this != &other) {
    FaultAhead gone(std::move(*this));
    active_ = other.active_;
    other.active_ = false;
  }
  return *this;
}

}  // namespace collabnet
