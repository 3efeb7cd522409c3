// DocumentController: accepting findings as trade-offs. The critique's findings name their
// subjects by id; the document keeps the acknowledgement, so it is saved with the design
// and undone like any other edit. Nothing here talks to the analysis: it re-runs after
// every change and marks the accepted findings itself.
#include "document_controller.h"

namespace archlens {

namespace {
std::vector<std::string> toStd(const QStringList& list) {
    std::vector<std::string> out;
    out.reserve(size_t(list.size()));
    for (const auto& s : list)
        out.push_back(s.toStdString());
    return out;
}
} // namespace

bool DocumentController::acknowledgeFinding(const QString& rule, const QStringList& subjects,
                                            const QString& note) {
    const auto ids = toStd(subjects);
    const bool known = document().acknowledgement(rule.toStdString(), ids) != nullptr;
    const EditResult r = editor_.acknowledge(rule.toStdString(), ids, note.toStdString());
    if (!r.ok()) return refuse(r.error);
    setStatus(known ? tr("Changed the note of an accepted trade-off")
                    : tr("Accepted as a trade-off"));
    return true;
}

bool DocumentController::withdrawAcknowledgement(const QString& rule, const QStringList& subjects) {
    const EditResult r = editor_.withdrawAcknowledgement(rule.toStdString(), toStd(subjects));
    if (!r.ok()) return refuse(r.error);
    setStatus(tr("No longer accepted as a trade-off"));
    return true;
}

QVariant DocumentController::acknowledgementNote(const QString& rule,
                                                 const QStringList& subjects) const {
    const Acknowledgement* a = document().acknowledgement(rule.toStdString(), toStd(subjects));
    return a ? QVariant(QString::fromStdString(a->note)) : QVariant();
}

} // namespace archlens
