#pragma once
// The report as JSON: the stable, documented schema of `archlens check --format json` and
// of JSON critique reports (described in analysis/README.md). Numbers are rounded to six
// significant digits so that output is stable and readable; the same report always gives
// the same bytes.
#include "archlens/analysis/report.h"
#include "archlens/model/json.h"

namespace archlens {

Json reportToJson(const Document& doc, const Report& report);
/// The same JSON, taking the report's text rather than copying it (the report is left
/// with empty strings): for a caller that is done with the report.
Json reportToJson(const Document& doc, Report&& report);

} // namespace archlens
