// DocumentController: sizing the design to the back-of-the-envelope estimates.
#include "document_controller.h"

#include "archlens/analysis/display_format.h"

#include <cmath>

namespace archlens {

namespace {

/// A share of a peak rate, rounded up so that the flows together carry at least the peak:
/// to a whole request a second from 10 on, to a hundredth below.
double roundUp(double rate) {
    return rate >= 10 ? std::ceil(rate) : std::ceil(rate * 100) / 100;
}

} // namespace

bool DocumentController::applyEstimates(double peakReads, double peakWrites) {
    const Document& doc = editor_.document();
    const Catalogue& catalogue = editor_.catalogue();
    auto userFacing = [&](const Flow& f) {
        const Component* entry = doc.component(f.entry);
        return entry && catalogue.is(entry->kind, KindTrait::Client);
    };
    std::vector<const Flow*> reads, writes, otherWrites;
    for (const auto& f : doc.flows) {
        if (f.op == "write")
            (userFacing(f) ? writes : otherWrites).push_back(&f);
        else if (userFacing(f))
            reads.push_back(&f);
    }
    // Writes fed by another system (a search logging its queries) carry the prompt's writes
    // when no user writes directly.
    if (writes.empty()) writes = otherWrites;

    const double peak = peakReads + peakWrites;
    if (!(peak > 0)) return refuse("the estimates give no traffic to size the design to");
    int sized = 0;
    {
        Editor::Group group(editor_, "Apply estimates");
        auto scale = [&](const std::vector<const Flow*>& flows, double total) {
            double current = 0;
            for (const Flow* f : flows)
                current += f->rate_rps;
            if (flows.empty() || !(total > 0) || !(current > 0)) return;
            // Each keeps its share of the traffic the designer gave it.
            for (const Flow* f : flows) {
                const double rate = roundUp(total * f->rate_rps / current);
                if (editor_.setAttribute(AttributeRef{ElementType::Flow, f->id, "rate_rps"}, rate)
                        .ok())
                    ++sized;
            }
        };
        const std::vector<const Flow*> readFlows = reads, writeFlows = writes;
        scale(readFlows, peakReads);
        scale(writeFlows, peakWrites);
        editor_.setAttribute(AttributeRef{ElementType::Document, "", "requirements.peak_rps"},
                             roundUp(peak));
    }
    setStatus(
        sized == 0
            ? tr("Peak traffic set to %1; there is no flow to size yet")
                  .arg(QString::fromStdString(rateText(roundUp(peak))))
            : tr("Estimates applied: peak traffic %1, %2 sized to %3 of reads and %4 of writes")
                  .arg(QString::fromStdString(rateText(roundUp(peak))))
                  .arg(sized == 1 ? tr("1 flow") : tr("%1 flows").arg(sized))
                  .arg(QString::fromStdString(rateText(peakReads)),
                       QString::fromStdString(rateText(peakWrites))));
    return true;
}

} // namespace archlens
