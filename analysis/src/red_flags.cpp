#include "archlens/analysis/red_flags.h"

#include "archlens/model/json.h"

namespace archlens {

namespace detail {
extern const char* const kRedFlagsJson;
}

const std::vector<RedFlag>& redFlags() {
    // Parsed once; the table is compiled in and checked by the tests, so a parse failure
    // here is a build error in disguise and yields an empty table rather than a crash.
    static const std::vector<RedFlag> flags = [] {
        std::vector<RedFlag> out;
        const Json all = Json::parse(detail::kRedFlagsJson, nullptr, false);
        if (!all.is_object() || !all.contains("sections")) return out;
        for (const Json& e : all["sections"]) {
            RedFlag f;
            f.section = e.value("section", "");
            f.flag = e.value("flag", "");
            if (const auto it = e.find("rules"); it != e.end())
                for (const Json& r : *it)
                    f.rules.push_back(r.get<std::string>());
            f.discussion = e.value("discussion", "");
            f.diagram = e.value("diagram", false);
            out.push_back(std::move(f));
        }
        return out;
    }();
    return flags;
}

RedFlagCoverage redFlagCoverage() {
    RedFlagCoverage c;
    for (const RedFlag& f : redFlags()) {
        ++c.total;
        if (!f.rules.empty())
            ++c.byRules;
        else if (f.diagram)
            ++c.diagramUncovered;
        else
            ++c.discussionOnly;
    }
    return c;
}

} // namespace archlens
