#include "capability_words.h"

#include <algorithm>
#include <cctype>

namespace archlens::words {

std::string quotedText(const std::string& text) {
    return "'" + text + "'";
}

std::string quoted(const Component& component) {
    return quotedText(component.name.empty() ? component.id : component.name);
}

std::string quoted(const Flow& flow) {
    return quotedText(flow.name.empty() ? flow.id : flow.name);
}

std::string quotedElement(const Document& doc, const std::string& id) {
    if (const Component* c = doc.component(id)) return quoted(*c);
    if (const Flow* f = doc.flow(id)) return quoted(*f);
    return quotedText(id);
}

std::string kindLabel(const Catalogue& catalogue, const std::string& kind) {
    const KindInfo* info = catalogue.kind(kind);
    std::string label = info ? info->label : kind;
    // "Cache" reads "cache" mid-sentence; "CDN" and "API gateway" keep their capitals.
    const auto lower = [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; };
    if (label.size() > 1 && !lower(label[0]) && lower(label[1]))
        label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
    return label;
}

std::string kindList(const Catalogue& catalogue, const std::vector<std::string>& kinds,
                     const std::string& conjunction, bool withArticles) {
    std::vector<std::string> labels;
    for (const auto& k : kinds) {
        std::string label = kindLabel(catalogue, k);
        if (withArticles) {
            const bool vowel =
                !label.empty() && std::string("aeiouAEIOU").find(label[0]) != std::string::npos;
            label = (vowel ? "an " : "a ") + label;
        }
        labels.push_back(std::move(label));
    }
    return join(labels, conjunction);
}

std::string join(const std::vector<std::string>& items, const std::string& conjunction) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " " + conjunction + " " : ", ";
        out += items[i];
    }
    return out;
}

bool hasUserFacingFlow(const Report& report) {
    return std::any_of(report.flows.begin(), report.flows.end(),
                       [](const FlowResult& f) { return !f.background; });
}

} // namespace archlens::words
