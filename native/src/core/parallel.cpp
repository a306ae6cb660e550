// Persistent worker pool behind parallel_for: workers pull chunk indices from an atomic counter
// and the caller works too and waits for the last chunk. Between jobs a worker first spins for a
// few tens of microseconds (a rollout issues its batch kernels back to back, and waking a sleeping
// thread costs tens of microseconds on a virtual machine), then sleeps on a condition variable,
// so an idle pool leaves the cores to other work.
#include "parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "gfn4j/core.h"

namespace gfn4j {
namespace {

thread_local bool tl_in_parallel = false;

int default_threads() {
  if (const char* env = std::getenv("GFN4J_NUM_THREADS")) {
    int n = std::atoi(env);
    if (n > 0) return n;
  }
  unsigned hc = std::thread::hardware_concurrency();
  return hc == 0 ? 1 : static_cast<int>(hc);
}

class Pool {
 public:
  explicit Pool(int threads) {
    for (int i = 0; i + 1 < threads; ++i) workers_.emplace_back([this] { work(); });
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
      stopping_.store(true);
    }
    cv_.notify_all();
    for (auto& w : workers_) w.join();
  }
  int size() const { return static_cast<int>(workers_.size()) + 1; }

  void run(int64_t n, int64_t chunks, const std::function<void(int64_t, int64_t)>& fn) {
    std::lock_guard<std::mutex> submit(submit_mu_);  // one batch job at a time
    Job job{&fn, n, chunks, 0};
    {
      std::lock_guard<std::mutex> lock(mu_);
      job.generation = ++generation_;
      job_ = job;
      done_ = 0;
      ticket_.store((job.generation & 0xffffffffu) << 32);
    }
    published_.store(job.generation, std::memory_order_release);
    // A worker counts itself a sleeper under mu_ before it waits, and rechecks generation_ there.
    if (sleepers_.load() > 0) cv_.notify_all();
    drain(job);
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [&] { return done_ == chunks; });
  }

 private:
  struct Job {
    const std::function<void(int64_t, int64_t)>* fn;
    int64_t n, chunks;
    uint64_t generation;
  };

  // How long an idle worker spins before it sleeps.
  static constexpr std::chrono::microseconds kSpin{100};

  void spin(uint64_t seen) const {
    const auto until = std::chrono::steady_clock::now() + kSpin;
    for (int i = 0;; ++i) {
      if (published_.load(std::memory_order_acquire) != seen || stopping_.load()) return;
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause();
#endif
      if ((i & 63) == 63 && std::chrono::steady_clock::now() >= until) return;
    }
  }

  void work() {
    uint64_t seen = 0;
    for (;;) {
      spin(seen);
      Job job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ++sleepers_;
        cv_.wait(lock, [&] { return stop_ || generation_ != seen; });
        --sleepers_;
        if (stop_) return;
        seen = generation_;
        job = job_;
      }
      drain(job);
    }
  }

  // The ticket packs (generation << 32 | next chunk), so a worker holding a finished job's copy
  // can never take a chunk of a newer job.
  void drain(const Job& job) {
    tl_in_parallel = true;
    int64_t finished = 0;
    for (;;) {
      uint64_t t = ticket_.load();
      if ((t >> 32) != (job.generation & 0xffffffffu)) break;
      const int64_t c = static_cast<int64_t>(t & 0xffffffffu);
      if (c >= job.chunks) break;
      if (!ticket_.compare_exchange_weak(t, t + 1)) continue;
      (*job.fn)(job.n * c / job.chunks, job.n * (c + 1) / job.chunks);
      ++finished;
    }
    tl_in_parallel = false;
    if (finished > 0) {
      std::lock_guard<std::mutex> lock(mu_);
      done_ += finished;
      if (done_ == job.chunks) done_cv_.notify_all();
    }
  }

  std::vector<std::thread> workers_;
  std::mutex submit_mu_, mu_;
  std::condition_variable cv_, done_cv_;
  Job job_{nullptr, 0, 0, 0};
  int64_t done_ = 0;
  std::atomic<uint64_t> ticket_{0};
  uint64_t generation_ = 0;
  bool stop_ = false;
  std::atomic<uint64_t> published_{0};  // generation_, readable without mu_ while spinning
  std::atomic<int> sleepers_{0};
  std::atomic<bool> stopping_{false};
};

std::mutex g_pool_mu;
std::shared_ptr<Pool> g_pool;

std::shared_ptr<Pool> pool() {
  std::lock_guard<std::mutex> lock(g_pool_mu);
  if (!g_pool) g_pool = std::make_shared<Pool>(default_threads());
  return g_pool;
}

}  // namespace

void parallel_for(int64_t n, int64_t grain, const std::function<void(int64_t, int64_t)>& fn) {
  if (n <= 0) return;
  grain = std::max<int64_t>(grain, 1);
  if (tl_in_parallel || n < 2 * grain) {
    fn(0, n);
    return;
  }
  std::shared_ptr<Pool> p = pool();
  int64_t chunks = std::min<int64_t>(p->size(), n / grain);
  if (chunks <= 1) {
    fn(0, n);
    return;
  }
  p->run(n, chunks, fn);
}

int32_t set_num_threads(int32_t n) noexcept {
  try {
    auto fresh = std::make_shared<Pool>(n > 0 ? n : default_threads());
    std::shared_ptr<Pool> old;
    {
      std::lock_guard<std::mutex> lock(g_pool_mu);
      old = g_pool;
      g_pool = fresh;
    }
    return fresh->size();
  } catch (...) {
    return kErrInternal;
  }
}

int32_t num_threads() noexcept {
  try {
    return pool()->size();
  } catch (...) {
    return kErrInternal;
  }
}

}  // namespace gfn4j
