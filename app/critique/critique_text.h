#pragma once
// The critique in words, with Qt Core only: the report `archlens check` prints, the names a
// finding's subjects go by, the section headings, the accepted trade-offs and the
// assumptions behind the numbers. Shared by the command line (which loads no window
// library for these) and by the exporters' HTML, Markdown and PDF reports.
#include "archlens/analysis/report.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"

#include <QString>
#include <QStringList>
#include <string_view>
#include <unordered_map>

namespace archlens {

/// The analysis at the declared load plus every rule's findings: what `archlens check` says.
Report critique(const Document& doc, const Catalogue& catalogue);

/// A component's name, or the id when it has none or is not in the document.
QString componentName(const Document& doc, const std::string& id);

/// Names of a document's elements for many ids, each answer found by id rather than by a
/// scan of the document: a report of a large design names tens of thousands of subjects.
/// Holds pointers into `doc`, which must outlive it unchanged.
class SubjectNames {
public:
    explicit SubjectNames(const Document& doc);
    /// What componentName says.
    QString component(const std::string& id) const;
    /// What a finding's subject id names, in words: a component's name, "A → B" for a
    /// connection, "zone az1" for a zone, a flow's name; the id itself for anything else.
    QString subject(const std::string& id) const;

private:
    // The first element with an id wins, as Document's look-ups find it.
    std::unordered_map<std::string_view, const Component*> components_;
    std::unordered_map<std::string_view, const Connection*> connections_;
    std::unordered_map<std::string_view, const Zone*> zones_;
    std::unordered_map<std::string_view, const Flow*> flows_;
};

/// "Errors", "Warnings", "Notes" for the section of each severity.
QString severityHeading(Severity severity);

/// The trade-offs the person accepted, one line each ("rule title (subjects): note"), from
/// the design's `acknowledgements` list ({rule, subjects, note}); empty when there are none.
QStringList acknowledgedTradeoffs(const Document& doc, const Report& report);

/// The assumptions behind the numbers, one sentence each, so a reader knows what they mean.
QStringList reportAssumptions(const Report& report);

} // namespace archlens
