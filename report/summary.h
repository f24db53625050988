// Plain-text summary of a run, for people at a terminal: the leaders' direct
// reach beside the observed figure, the spread by the end of the horizon,
// each leader's own reach (when the run has it), the schools reached most
// and least, and the run's details.
#ifndef COLLABNET_REPORT_SUMMARY_H_
#define COLLABNET_REPORT_SUMMARY_H_

#include <string>

#include "proto/result.pb.h"

namespace collabnet {

// "mean [low, high]" of an estimate with its 95% interval, as every text
// report shows one.
std::string FormatInterval(const Estimate& e);

// "PD workshop 60.2, social media 30.1": the channels with a positive mean,
// largest first; empty when there are none.
std::string FormatChannelMeans(
    const google::protobuf::RepeatedPtrField<ChannelReach>& channels);

// `schools_listed` bounds the most- and least-reached school lists.
std::string FormatSummary(const RunResult& result, int schools_listed = 5);

}  // namespace collabnet

#endif  // COLLABNET_REPORT_SUMMARY_H_
