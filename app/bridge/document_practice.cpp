// DocumentController: the practice session's edits and its clock.
#include "document_controller.h"

namespace archlens {

bool DocumentController::setPractice(std::optional<PracticeSession> session, const QString& text,
                                     const QString& mergeKey) {
    const EditResult r =
        editor_.setPractice(std::move(session), text.toStdString(), mergeKey.toStdString());
    if (!r.ok()) return refuse(r.error);
    return true;
}

void DocumentController::recordPracticeTime(int index, double usedSeconds) {
    editor_.recordPracticeTime(index, usedSeconds);
}

} // namespace archlens
