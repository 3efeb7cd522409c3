#include "archlens/analysis/report.h"

namespace archlens {

const char* toString(Severity severity) {
    switch (severity) {
    case Severity::Info:
        return "info";
    case Severity::Warning:
        return "warning";
    case Severity::Error:
        return "error";
    }
    return "?";
}

} // namespace archlens
