#pragma once
// The back-of-the-envelope calculator of the window (Tools ▸ Estimates): the interviewer's
// numbers and the candidate's assumptions in, each figure out with its formula (the
// analysis' `estimate`), and "apply" to size the design: the peak rates go into the flows
// and the peak traffic into the requirements, as one undo step
// (DocumentController::applyEstimates).
#include "archlens/analysis/estimate.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>

namespace archlens {

class DocumentController;

class EstimateCalculator : public QObject {
    Q_OBJECT
    Q_MOC_INCLUDE("document_controller.h")
    Q_PROPERTY(archlens::DocumentController* controller READ controller WRITE setController NOTIFY
                   controllerChanged)
    /// The inputs, as a map of EstimateInputs' field names to numbers.
    Q_PROPERTY(QVariantMap inputs READ inputs WRITE setInputs NOTIFY changed)
    /// The figures: {id, label, value, unit, text (the value with its unit), formula}.
    Q_PROPERTY(QVariantList figures READ figures NOTIFY changed)
    /// What is wrong with the inputs: {input, message}; no figures while there is any.
    Q_PROPERTY(QVariantList problems READ problems NOTIFY changed)

public:
    explicit EstimateCalculator(QObject* parent = nullptr);

    DocumentController* controller() const;
    void setController(DocumentController* controller);
    QVariantMap inputs() const;
    void setInputs(const QVariantMap& inputs);
    QVariantList figures() const;
    QVariantList problems() const;

    /// Sets one input ("daily_users", ...).
    Q_INVOKABLE void setInput(const QString& name, double value);
    /// Starts from a prompt's numbers, with the default assumptions; false for an unknown id.
    Q_INVOKABLE bool usePrompt(const QString& promptId);
    /// Sizes the design to the figures (DocumentController::applyEstimates); false, with the
    /// reason in the status line, when the inputs have problems.
    Q_INVOKABLE bool apply();

signals:
    void controllerChanged();
    void changed();

private:
    QPointer<DocumentController> controller_;
    EstimateInputs inputs_;
    Estimates result_;
};

} // namespace archlens
