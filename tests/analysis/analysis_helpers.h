#pragma once
// Small builders for analysis tests: a design from a few components and connections.
#include "support.h"

#include "archlens/analysis/analyze.h"
#include "archlens/analysis/report_json.h"

#include <fstream>
#include <sstream>
#include <string>

namespace archlens::test {

/// A document with the given zones, components, connections and flows (JSON array texts).
inline Document design(const std::string& zones, const std::string& components,
                       const std::string& connections, const std::string& flows) {
    return load(R"({"format": "archlens", "version": 1, "title": "t", "zones": )" + zones +
                R"(, "components": )" + components + R"(, "connections": )" + connections +
                R"(, "flows": )" + flows + "}");
}

/// One of the shipped examples by file stem.
inline Document example(const std::string& name) {
    std::ifstream in(resourcesDir() / "examples" / (name + ".archlens"));
    std::stringstream text;
    text << in.rdbuf();
    return load(text.str());
}

inline Report analyzeNoCurves(const Document& doc, AnalysisOptions options = {}) {
    options.curves = false;
    return analyze(doc, Catalogue::builtin(), options);
}

/// Every number of a report, curves and findings included, as one comparable text.
inline std::string everything(const Document& doc, const Report& report) {
    return reportToJson(doc, report).dump();
}

} // namespace archlens::test
