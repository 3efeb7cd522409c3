#pragma once
// Every number of a report, written so that two builds can be compared bit for bit.
#include "archlens/analysis/report.h"

#include <cstdio>

namespace archlens::bench {

/// Writes each figure of `report` (flows, components, zones, curves, saturation) on a line
/// of its own, named, in hexadecimal floating point (printf's %a): the JSON report rounds to
/// six digits, and a change meant to leave the numbers alone must leave every bit.
void writeFigures(const Report& report, std::FILE* out);

} // namespace archlens::bench
