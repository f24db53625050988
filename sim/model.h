// The contract every diffusion model meets, so that one runner
// (sim/runner.h) does threads, progress, timing, every breakdown of the
// result, per-teacher probabilities, weekly curves and precision stopping
// for all of them.
//
// A model is a type M, prepared once from (graph, scenario), then read-only
// and shared by every thread:
//
//   static absl::StatusOr<M> Prepare(const DistrictGraph&, const Scenario&,
//                                    DrawMode = DrawMode::kCoupled);
//   class M::Workspace;   // per thread: Workspace(const M&), reused
//   void Run(std::uint32_t replicate, Workspace&, ReplicateCounts&) const;
//   std::span<const VertexId> leaders() const;
//   DrawMode draw_mode() const;      // where its draws come from
//   absl::string_view name() const;   // as results and messages name it
//   static constexpr ModelTraits kTraits;
//
// Run records replicate `replicate` into counts (which the caller has
// Reset); its draws depend only on (seed, replicate) and, coupled, on what
// each is about (DrawMode), so its outcome is the same on any thread and
// in any order. Prepare calls ValidateScenario first, so a scenario a
// model accepts is one the model uses whole.
#ifndef COLLABNET_SIM_MODEL_H_
#define COLLABNET_SIM_MODEL_H_

#include <concepts>
#include <cstdint>
#include <span>

#include "absl/strings/string_view.h"
#include "graph/district_graph.h"
#include "sim/replicate_counts.h"

namespace collabnet {

// Where a run's random numbers come from.
enum class DrawMode {
  // Every draw keyed by what it is for and what it is about
  // (sim/coupled_draws.h): runs that compare (sweeps, fits, paired
  // comparisons, placement) see the same world wherever they agree.
  kCoupled,
  // One sequential stream per replicate, (seed, replicate,
  // kPurposeCascade), drawn in the order the cascade runs and skipping
  // draws that cannot matter: for single runs, where nothing is compared,
  // it is faster for the cascades, and equal in distribution (tested).
  // Models whose coupled draws are as fast (the linear threshold, complex
  // contagion) use those either way.
  kStream,
};

struct ModelTraits {
  // What a step of the clock is: "week" (the multi-channel model) or
  // "round" (a generation of the plain models).
  absl::string_view time_unit;
  // Whether the model has lapse, a broadcast and leaders' capacity, so that
  // sustained adopters, reach by the broadcast and deferred contacts are
  // figures of its results.
  bool district_figures;
};

template <typename M>
concept DiffusionModel = requires(const M& m, typename M::Workspace& ws,
                                  ReplicateCounts& counts,
                                  std::uint32_t replicate) {
  {typename M::Workspace(m)};
  { m.Run(replicate, ws, counts) } -> std::same_as<void>;
  { m.leaders() } -> std::convertible_to<std::span<const VertexId>>;
  { m.draw_mode() } -> std::same_as<DrawMode>;
  { m.name() } -> std::convertible_to<absl::string_view>;
  { M::kTraits } -> std::convertible_to<ModelTraits>;
};

}  // namespace collabnet

#endif  // COLLABNET_SIM_MODEL_H_
