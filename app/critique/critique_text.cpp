#include "critique_text.h"

#include "archlens/analysis/analyze.h"
#include "archlens/analysis/rules.h"

namespace archlens {

namespace {
QString q(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

Report critique(const Document& doc, const Catalogue& catalogue) {
    Report report = analyze(doc, catalogue);
    runRules(doc, catalogue, report);
    return report;
}

QString componentName(const Document& doc, const std::string& id) {
    const Component* c = doc.component(id);
    return c && !c->name.empty() ? q(c->name) : q(id);
}

SubjectNames::SubjectNames(const Document& doc) {
    components_.reserve(doc.components.size());
    for (const auto& c : doc.components)
        components_.try_emplace(c.id, &c);
    connections_.reserve(doc.connections.size());
    for (const auto& c : doc.connections)
        connections_.try_emplace(c.id, &c);
    for (const auto& z : doc.zones)
        zones_.try_emplace(z.id, &z);
    for (const auto& f : doc.flows)
        flows_.try_emplace(f.id, &f);
}

QString SubjectNames::component(const std::string& id) const {
    const auto it = components_.find(id);
    return it != components_.end() && !it->second->name.empty() ? q(it->second->name) : q(id);
}

QString SubjectNames::subject(const std::string& id) const {
    if (components_.count(id)) return component(id);
    if (const auto c = connections_.find(id); c != connections_.end())
        return component(c->second->from) + QStringLiteral(" → ") + component(c->second->to);
    if (const auto z = zones_.find(id); z != zones_.end())
        return QStringLiteral("zone ") + q(z->second->id);
    if (const auto f = flows_.find(id); f != flows_.end())
        return q(f->second->name.empty() ? f->second->id : f->second->name);
    return q(id);
}

QString severityHeading(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("Errors");
    case Severity::Warning:
        return QStringLiteral("Warnings");
    case Severity::Info:
        return QStringLiteral("Notes");
    }
    return {};
}

QStringList acknowledgedTradeoffs(const Document& doc, const Report& report) {
    QStringList out;
    const SubjectNames subjectNames(doc);
    for (const Acknowledgement& ack : doc.acknowledgements) {
        // The finding it accepts, when the design still has it, names it best.
        QString line = q(ack.rule);
        for (const auto& f : report.findings)
            if (ack.matches(f.rule, findingKey(f))) line = q(f.title);
        QStringList names;
        for (const auto& id : ack.subjects)
            names << subjectNames.subject(id);
        if (!names.isEmpty()) line += QStringLiteral(" (%1)").arg(names.join(QStringLiteral(", ")));
        if (!ack.note.empty()) line += QStringLiteral(": ") + q(ack.note);
        out << line;
    }
    return out;
}

QStringList reportAssumptions(const Report& report) {
    QStringList out;
    bool simulated = false;
    for (const auto& f : report.flows)
        simulated = simulated || f.availabilityMethod != "exact";
    out << QStringLiteral(
        "Traffic is each flow's declared rate (a traffic multiplier of 1); retries "
        "and call multipliers add to the load they cause.");
    out << (simulated
                ? QStringLiteral(
                      "Availability is exact where the structure allows it; flows marked "
                      "simulated use 200,000 seeded Monte Carlo samples with a 95% interval.")
                : QStringLiteral(
                      "Availability is computed exactly from each component's instances, "
                      "their zones and failover; zone and region failures are shared causes."));
    out << QStringLiteral(
        "A flow is up when every component on its required synchronous path is up; "
        "optional calls and asynchronous tails do not count.");
    out << QStringLiteral("Downtime is (1 - availability) over a 30-day month.");
    out << QStringLiteral(
        "Service times are log-normal, fitted to each component's p50 and p99; "
        "percentiles of a path are computed on distributions, never by adding p99s.");
    out << QStringLiteral(
        "Each connection adds a network hop: 0.5 ms within a zone, 1.5 ms across zones, "
        "40 ms across regions.");
    out << QStringLiteral("Queueing delay is M/M/c from utilisation (offered load over instances "
                          "times capacity); a saturated component waits for its timeout.");
    return out;
}

} // namespace archlens
