#include "rule_list.h"

namespace archlens::rules {

const std::vector<std::pair<std::string, RuleFunction>>& allRules() {
#define ARCHLENS_LIST_RULE(id, function) {id, &function},
    static const std::vector<std::pair<std::string, RuleFunction>> rules = {
        ARCHLENS_RULES(ARCHLENS_LIST_RULE)};
#undef ARCHLENS_LIST_RULE
    return rules;
}

} // namespace archlens::rules
