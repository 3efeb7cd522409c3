#pragma once
// The report as JSON: the stable, documented schema of `archlens check --format json` and
// of JSON critique reports (described in analysis/README.md). Numbers are rounded to six
// significant digits so that output is stable and readable; the same report always gives
// the same bytes.
#include "archlens/analysis/report.h"
#include "archlens/model/json.h"

#include <string>

namespace archlens {

Json reportToJson(const Document& doc, const Report& report);

/// The same JSON as text: `jsonText(json, indent)` of `reportToJson(doc, report)` with the
/// members of `extra` (an object) appended at its top level, as `json[key] = value` appends
/// them, byte for byte. Written straight from the report, without the tree: the report of
/// a large design holds tens of megabytes of text. `extra`'s keys are not the report's own.
std::string reportJsonText(const Document& doc, const Report& report, int indent = -1,
                           const Json& extra = Json::object());

} // namespace archlens
