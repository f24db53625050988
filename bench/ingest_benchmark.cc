// Ingest throughput on generated files of a given number of ties (1 and 10
// million): MB/s of input, ties/s, and the peak resident memory of the read
// (peak_rss_mb: the process's high-water mark, reset before each run).
//
//   edge list -> frozen graph     "T0123456,T0654321,2" per line
//   district CSV folder           ties.csv with every column, into a
//                                 District message on an arena (what
//                                 convert does) and straight into the
//                                 frozen graph (what simulate does)
//   collabnet ingest              observation records against a roster,
//                                 into the roster and its ties held
//                                 compactly (what ingest reads), and then
//                                 checked and written as a binary
//                                 District (the whole command)
//
// Files are generated once per size into $COLLABNET_BENCH_TMP (default
// /tmp/collabnet_ingest_bench) and reused.
//
//   build/bench/ingest_benchmark --benchmark_filter=10000000
#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/peak_rss.h"
#include "benchmark/benchmark.h"
#include "formats/district_csv.h"
#include "formats/district_io.h"
#include "formats/edge_list.h"
#include "graph/district_graph.h"
#include "proto/arena_district.h"
#include "random/philox_stream.h"
#include "records/source_ingest.h"

namespace collabnet {
namespace {

namespace fs = std::filesystem;

constexpr std::uint32_t kTeachers = 300000;
constexpr std::uint32_t kSchools = 1000;

std::string Dir(std::int64_t ties) {
  const char* base = std::getenv("COLLABNET_BENCH_TMP");
  return absl::StrCat(base != nullptr ? base : "/tmp/collabnet_ingest_bench",
                      "/", ties);
}

// Writes `path` by calling `line(i, out)` for i in [0, n), unless it exists.
template <typename LineFn>
void Generate(const std::string& path, const std::string& header,
              std::int64_t n, LineFn line) {
  if (fs::exists(path)) return;
  fs::create_directories(fs::path(path).parent_path());
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    std::string buf = header;
    for (std::int64_t i = 0; i < n; ++i) {
      line(i, buf);
      if (buf.size() > (1 << 20)) {
        out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
        buf.clear();
      }
    }
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  }
  fs::rename(tmp, path);
}

// The files for `ties` ties among kTeachers teachers.
void MakeFiles(std::int64_t ties) {
  const std::string dir = Dir(ties);
  Generate(dir + "/schools.csv", "id,name,title_i,pbis,readiness\n", kSchools,
           [](std::int64_t i, std::string& out) {
             absl::StrAppendFormat(&out, "S%04d,School %d,false,true,0.5\n", i,
                                   i);
           });
  Generate(dir + "/teachers.csv", "id,school,grades,subjects,role,name\n",
           kTeachers, [](std::int64_t i, std::string& out) {
             absl::StrAppendFormat(&out, "T%07d,S%04d,%d,math,teacher,\n", i,
                                   i % kSchools, 1 + i % 12);
           });
  PhiloxStream rng(7, 0, kPurposeGenerator);
  auto pair = [&](std::uint32_t& u, std::uint32_t& v) {
    u = rng.NextBelow(kTeachers);
    v = rng.NextBelow(kTeachers - 1);
    if (v >= u) ++v;
  };
  Generate(dir + "/ties.edges", "", ties, [&](std::int64_t, std::string& out) {
    std::uint32_t u = 0;
    std::uint32_t v = 0;
    pair(u, v);
    absl::StrAppendFormat(&out, "T%07d,T%07d,%d\n", u, v, 1 + u % 3);
  });
  rng = PhiloxStream(7, 1, kPurposeGenerator);
  static constexpr const char* kChannels[] = {
      "co_teaching", "plc",          "observation", "coaching",
      "pd_workshop", "social_media", "advice"};
  Generate(dir + "/ties.csv",
           "source,target,channel,directed,weight,first_seen,last_seen\n", ties,
           [&](std::int64_t i, std::string& out) {
             std::uint32_t u = 0;
             std::uint32_t v = 0;
             pair(u, v);
             absl::StrAppendFormat(
                 &out, "T%07d,T%07d,%s,%s,%s,2018-%02d-%02d,\n", u, v,
                 kChannels[i % 7], i % 2 ? "true" : "false", i % 5 ? "" : "2",
                 1 + i % 12, 1 + i % 28);
           });
  rng = PhiloxStream(7, 2, kPurposeGenerator);
  Generate(dir + "/observations.csv", "observer,observed,date\n", ties,
           [&](std::int64_t i, std::string& out) {
             std::uint32_t u = 0;
             std::uint32_t v = 0;
             pair(u, v);
             absl::StrAppendFormat(&out, "T%07d,T%07d,2018-%02d-%02d\n", u, v,
                                   1 + i % 12, 1 + i % 28);
           });
}

void Report(benchmark::State& state, std::int64_t bytes, std::int64_t ties,
            double peak_mb) {
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["ties_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * ties),
                         benchmark::Counter::kIsRate);
  state.counters["peak_rss_mb"] = peak_mb;
  state.counters["file_mb"] = static_cast<double>(bytes) / (1 << 20);
}

// Runs `read` once an iteration, reporting throughput and peak memory.
template <typename ReadFn>
void Measure(benchmark::State& state, std::int64_t bytes, std::int64_t ties,
             ReadFn read) {
  double peak = 0;
  for (auto _ : state) {
    ResetPeakRss();
    auto result = read();
    if (!result.ok()) {
      state.SkipWithError(std::string(result.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(*result);
    peak = std::max(peak, PeakRssMb());
  }
  Report(state, bytes, ties, peak);
}

std::int64_t Bytes(const std::string& path) {
  return static_cast<std::int64_t>(fs::file_size(path));
}

// The district CSV folder's three files.
std::int64_t FolderBytes(const std::string& dir) {
  return Bytes(dir + "/schools.csv") + Bytes(dir + "/teachers.csv") +
         Bytes(dir + "/ties.csv");
}

void BM_EdgeListToGraph(benchmark::State& state) {
  const std::int64_t ties = state.range(0);
  MakeFiles(ties);
  const std::string path = Dir(ties) + "/ties.edges";
  EdgeListOptions options;
  options.directed = true;
  Measure(state, Bytes(path), ties,
          [&] { return ReadEdgeListGraph(path, options); });
}

// Reads into a District on its own arena, as convert and ingest do; the
// district is freed (with its arena) inside the measured time.
template <typename ReadFn>
absl::StatusOr<std::int64_t> OnArena(ReadFn read) {
  ArenaDistrict district;
  if (absl::Status s = read(*district); !s.ok()) return s;
  return district->ties_size();
}

void BM_DistrictCsv(benchmark::State& state) {
  const std::int64_t ties = state.range(0);
  MakeFiles(ties);
  const std::string dir = Dir(ties);
  const std::int64_t bytes = FolderBytes(dir);
  Measure(state, bytes, ties, [&] {
    return OnArena([&](District& d) { return ReadDistrictCsvDir(dir, d); });
  });
}

void BM_DistrictCsvToGraph(benchmark::State& state) {
  const std::int64_t ties = state.range(0);
  MakeFiles(ties);
  const std::string dir = Dir(ties);
  const std::int64_t bytes = FolderBytes(dir);
  Measure(state, bytes, ties, [&] { return ReadDistrictCsvGraph(dir); });
}

IngestOptions ObservationsOptions(const std::string& dir) {
  IngestOptions options;
  options.roster_path = dir + "/teachers.csv";
  options.schools_path = dir + "/schools.csv";
  options.sources = {{SourceKind::kObservations, dir + "/observations.csv"}};
  return options;
}

// Ingests the observations once an iteration, as `collabnet ingest` reads
// them (the roster, and the ties held compactly), then runs `then(dir,
// roster, ties)`.
template <typename Then>
void MeasureIngest(benchmark::State& state, Then then) {
  const std::int64_t ties = state.range(0);
  MakeFiles(ties);
  const std::string dir = Dir(ties);
  const IngestOptions options = ObservationsOptions(dir);
  Measure(state, Bytes(dir + "/observations.csv"), ties,
          [&]() -> absl::StatusOr<std::int64_t> {
            District district;
            IngestedTies held;
            if (absl::Status s = IngestSources(options, district, held);
                !s.ok()) {
              return s;
            }
            if (absl::Status s = then(dir, district, held); !s.ok()) return s;
            return held.size();
          });
}

void BM_IngestObservations(benchmark::State& state) {
  MeasureIngest(state, [](const std::string&, const District&,
                          const IngestedTies&) { return absl::OkStatus(); });
}

// As `collabnet ingest --out x.pb` does: read, check, write.
void BM_IngestObservationsToBinary(benchmark::State& state) {
  std::string out;
  MeasureIngest(state,
                [&](const std::string& dir, const District& district,
                    const IngestedTies& held) -> absl::Status {
                  if (absl::Status s = CheckDistrict(district); !s.ok())
                    return s;
                  out = dir + "/ingested.pb";
                  return WriteDistrict(district, FieldCheckedTies(held), out);
                });
  if (!out.empty()) fs::remove(out);
}

// Real time, not the main thread's: ingest merges on every core, and
// arena pages are faulted in by a second one.
BENCHMARK(BM_EdgeListToGraph)
    ->Arg(1000000)
    ->Arg(10000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();
BENCHMARK(BM_DistrictCsv)
    ->Arg(1000000)
    ->Arg(10000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2)
    ->UseRealTime();
BENCHMARK(BM_DistrictCsvToGraph)
    ->Arg(1000000)
    ->Arg(10000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();
BENCHMARK(BM_IngestObservations)
    ->Arg(1000000)
    ->Arg(10000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2)
    ->UseRealTime();
BENCHMARK(BM_IngestObservationsToBinary)
    ->Arg(1000000)
    ->Arg(10000000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2)
    ->UseRealTime();

}  // namespace
}  // namespace collabnet

BENCHMARK_MAIN();
