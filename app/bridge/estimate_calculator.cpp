#include "estimate_calculator.h"

#include "document_controller.h"
#include "prompt_library.h"

namespace archlens {

namespace {

/// The fields of EstimateInputs by name, for QML's maps.
struct Field {
    const char* name;
    double EstimateInputs::*member;
};
constexpr Field kFields[] = {
    {"daily_users", &EstimateInputs::daily_users},
    {"reads_per_user_per_day", &EstimateInputs::reads_per_user_per_day},
    {"writes_per_user_per_day", &EstimateInputs::writes_per_user_per_day},
    {"object_bytes", &EstimateInputs::object_bytes},
    {"retention_days", &EstimateInputs::retention_days},
    {"peak_factor", &EstimateInputs::peak_factor},
    {"hot_fraction", &EstimateInputs::hot_fraction},
    {"server_rps", &EstimateInputs::server_rps},
    {"replication", &EstimateInputs::replication},
};

QString valueText(const EstimateFigure& f) {
    const QString value = QString::fromStdString(siText(f.value));
    if (f.unit == "B") return value + QStringLiteral("B");
    if (f.unit == "B/s") return value + QStringLiteral("B/s");
    return value + QLatin1Char(' ') + QString::fromStdString(f.unit);
}

} // namespace

EstimateCalculator::EstimateCalculator(QObject* parent) : QObject(parent) {
    // A start that works out: a million users reading ten times and writing once a day.
    inputs_.daily_users = 1e6;
    inputs_.reads_per_user_per_day = 10;
    inputs_.writes_per_user_per_day = 1;
    inputs_.object_bytes = 1000;
    inputs_.retention_days = 365;
    inputs_.peak_factor = 3;
    result_ = estimate(inputs_);
}

DocumentController* EstimateCalculator::controller() const {
    return controller_;
}

void EstimateCalculator::setController(DocumentController* controller) {
    if (controller_ == controller) return;
    controller_ = controller;
    emit controllerChanged();
}

QVariantMap EstimateCalculator::inputs() const {
    QVariantMap out;
    for (const auto& f : kFields)
        out.insert(QString::fromLatin1(f.name), inputs_.*f.member);
    return out;
}

void EstimateCalculator::setInputs(const QVariantMap& inputs) {
    for (const auto& f : kFields) {
        const auto it = inputs.find(QString::fromLatin1(f.name));
        if (it != inputs.end()) inputs_.*f.member = it->toDouble();
    }
    result_ = estimate(inputs_);
    emit changed();
}

void EstimateCalculator::setInput(const QString& name, double value) {
    setInputs({{name, value}});
}

bool EstimateCalculator::usePrompt(const QString& promptId) {
    const Prompt* p = PromptLibrary::find(promptId.toStdString());
    if (!p) return false;
    inputs_ = estimateInputs(p->scale);
    result_ = estimate(inputs_);
    emit changed();
    return true;
}

QVariantList EstimateCalculator::figures() const {
    QVariantList out;
    for (const auto& f : result_.figures)
        out << QVariantMap{{"id", QString::fromStdString(f.id)},
                           {"label", QString::fromStdString(f.label)},
                           {"value", f.value},
                           {"unit", QString::fromStdString(f.unit)},
                           {"text", valueText(f)},
                           {"formula", QString::fromStdString(f.formula)}};
    return out;
}

QVariantList EstimateCalculator::problems() const {
    QVariantList out;
    for (const auto& p : result_.problems)
        out << QVariantMap{{"input", QString::fromStdString(p.input)},
                           {"message", QString::fromStdString(p.message)}};
    return out;
}

bool EstimateCalculator::apply() {
    if (!controller_) return false;
    if (!result_.ok()) {
        controller_->showStatus(tr("Estimates not applied: %1")
                                    .arg(QString::fromStdString(result_.problems.front().message)));
        return false;
    }
    return controller_->applyEstimates(result_.figure("reads_peak")->value,
                                       result_.figure("writes_peak")->value);
}

} // namespace archlens
