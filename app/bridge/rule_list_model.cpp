#include "rule_list_model.h"

#include <QRegularExpression>

#include <algorithm>

namespace archlens {

namespace {

// A rule's texts are templates ("{name} is a single point of failure"); the list shows
// each placeholder as a marked slot ("‹name›"), which reads as "the component it names".
QString withoutBraces(const std::string& text) {
    QString s = QString::fromStdString(text);
    static const QRegularExpression placeholder(QStringLiteral("\\{([a-z_]+)\\}"));
    s.replace(placeholder, QStringLiteral("‹\\1›"));
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    return s;
}

// What the rule asks to change. A rule whose advice depends on the case (its suggestion is
// only a slot, "{fix}") is described by its variants' advice, which does not.
QString suggestionOf(const RuleInfo& r) {
    static const QRegularExpression onlySlot(QStringLiteral("^\\s*\\{[a-z_]+\\}\\s*$"));
    if (!onlySlot.match(QString::fromStdString(r.suggestion)).hasMatch())
        return withoutBraces(r.suggestion);
    QStringList cases;
    for (const auto& [name, texts] : r.variants)
        if (!texts.suggestion.empty() &&
            !onlySlot.match(QString::fromStdString(texts.suggestion)).hasMatch())
            cases << withoutBraces(texts.suggestion);
    if (cases.isEmpty())
        return QObject::tr("The change depends on the case; each finding says which.");
    return cases.join(QLatin1Char('\n'));
}

} // namespace

RuleListModel::RuleListModel(QObject* parent) : QAbstractListModel(parent) {
    refilter();
}

int RuleListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int RuleListModel::total() const {
    return int(ruleInfos().size());
}

QVariant RuleListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const RuleInfo& r = *rows_[size_t(index.row())];
    switch (role) {
    case RuleIdRole:
        return QString::fromStdString(r.id);
    case Qt::DisplayRole:
    case TitleRole:
        return withoutBraces(r.title);
    case SeverityRole:
        return QString::fromLatin1(toString(r.severity));
    case GuideSectionRole:
        return QString::fromStdString(r.guideSection);
    case SuggestionRole:
        return suggestionOf(r);
    }
    return {};
}

QHash<int, QByteArray> RuleListModel::roleNames() const {
    return {{RuleIdRole, "ruleId"},
            {TitleRole, "title"},
            {SeverityRole, "severity"},
            {GuideSectionRole, "guideSection"},
            {SuggestionRole, "suggestion"}};
}

void RuleListModel::setFilter(const QString& filter) {
    if (filter == filter_) return;
    filter_ = filter;
    refilter();
}

void RuleListModel::refilter() {
    beginResetModel();
    rows_.clear();
    const QString needle = filter_.trimmed();
    for (const RuleInfo& r : ruleInfos()) {
        const bool matches =
            needle.isEmpty() ||
            QString::fromStdString(r.id).contains(needle, Qt::CaseInsensitive) ||
            withoutBraces(r.title).contains(needle, Qt::CaseInsensitive) ||
            QString::fromStdString(r.guideSection).contains(needle, Qt::CaseInsensitive) ||
            suggestionOf(r).contains(needle, Qt::CaseInsensitive);
        if (matches) rows_.push_back(&r);
    }
    // The most serious first, as the critique lists its findings.
    std::stable_sort(rows_.begin(), rows_.end(), [](const RuleInfo* a, const RuleInfo* b) {
        if (a->severity != b->severity) return int(a->severity) > int(b->severity);
        return a->id < b->id;
    });
    endResetModel();
    emit filterChanged();
}

} // namespace archlens
