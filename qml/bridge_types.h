#pragma once
// What QML sees of app/bridge, in one place: each C++ type of the bridge library under its
// QML name, with whether QML may create it, or gets it as a singleton, or only receives it.
// The bridge is a library of its own (it includes nothing of the QML module), so its
// classes carry no registration macros: they are registered here as foreign types, the
// way Qt documents for types that live outside the module's target.
#include "analysis_controller.h"
#include "autosave.h"
#include "catalogue_model.h"
#include "comparison_controller.h"
#include "component_model.h"
#include "connection_model.h"
#include "diagram_view.h"
#include "document_controller.h"
#include "estimate_calculator.h"
#include "export_controller.h"
#include "file_dialogs.h"
#include "finding_model.h"
#include "flow_model.h"
#include "flow_result_model.h"
#include "plot_item.h"
#include "practice_controller.h"
#include "practice_history_store.h"
#include "prompt_library.h"
#include "property_model.h"
#include "qml_format.h"
#include "qml_theme.h"
#include "rule_list_model.h"
#include "selection_model.h"
#include "zone_model.h"

#include <QtQml/qqmlregistration.h>

namespace archlens::qml {

// Singletons: one per engine, made by the engine on first use.
struct DocumentControllerType {
    Q_GADGET
    QML_FOREIGN(archlens::DocumentController)
    QML_NAMED_ELEMENT(DocumentController)
    QML_SINGLETON
};
struct FileDialogsType {
    Q_GADGET
    QML_FOREIGN(archlens::FileDialogs)
    QML_NAMED_ELEMENT(FileDialogs)
    QML_SINGLETON
};
struct ThemeType {
    Q_GADGET
    QML_FOREIGN(archlens::QmlTheme)
    QML_NAMED_ELEMENT(Theme)
    QML_SINGLETON
};
struct FormatType {
    Q_GADGET
    QML_FOREIGN(archlens::QmlFormat)
    QML_NAMED_ELEMENT(Format)
    QML_SINGLETON
};

struct PracticeHistoryType {
    Q_GADGET
    QML_FOREIGN(archlens::PracticeHistoryStore)
    QML_NAMED_ELEMENT(PracticeHistory)
    QML_SINGLETON
};
struct PromptLibraryType {
    Q_GADGET
    QML_FOREIGN(archlens::PromptLibrary)
    QML_NAMED_ELEMENT(PromptLibrary)
    QML_SINGLETON
};
// Types QML creates.
struct EstimateCalculatorType {
    Q_GADGET
    QML_FOREIGN(archlens::EstimateCalculator)
    QML_NAMED_ELEMENT(EstimateCalculator)
};
struct PracticeControllerType {
    Q_GADGET
    QML_FOREIGN(archlens::PracticeController)
    QML_NAMED_ELEMENT(PracticeController)
};
struct AnalysisControllerType {
    Q_GADGET
    QML_FOREIGN(archlens::AnalysisController)
    QML_NAMED_ELEMENT(AnalysisController)
};
struct AutosaveType {
    Q_GADGET
    QML_FOREIGN(archlens::Autosave)
    QML_NAMED_ELEMENT(Autosave)
};
struct CatalogueModelType {
    Q_GADGET
    QML_FOREIGN(archlens::CatalogueModel)
    QML_NAMED_ELEMENT(CatalogueModel)
};
struct RuleListModelType {
    Q_GADGET
    QML_FOREIGN(archlens::RuleListModel)
    QML_NAMED_ELEMENT(RuleListModel)
};
struct DiagramViewType {
    Q_GADGET
    QML_FOREIGN(archlens::DiagramView)
    QML_NAMED_ELEMENT(DiagramView)
};
struct ComparisonControllerType {
    Q_GADGET
    QML_FOREIGN(archlens::ComparisonController)
    QML_NAMED_ELEMENT(ComparisonController)
};
struct ExportControllerType {
    Q_GADGET
    QML_FOREIGN(archlens::ExportController)
    QML_NAMED_ELEMENT(ExportController)
};
struct ExportPreviewType {
    Q_GADGET
    QML_FOREIGN(archlens::ExportPreview)
    QML_NAMED_ELEMENT(ExportPreview)
};
struct FindingModelType {
    Q_GADGET
    QML_FOREIGN(archlens::FindingModel)
    QML_NAMED_ELEMENT(FindingModel)
};
struct FlowModelType {
    Q_GADGET
    QML_FOREIGN(archlens::FlowModel)
    QML_NAMED_ELEMENT(FlowModel)
};
struct FlowResultModelType {
    Q_GADGET
    QML_FOREIGN(archlens::FlowResultModel)
    QML_NAMED_ELEMENT(FlowResultModel)
};
struct PlotItemType {
    Q_GADGET
    QML_FOREIGN(archlens::PlotItem)
    QML_NAMED_ELEMENT(PlotItem)
};
struct PropertyModelType {
    Q_GADGET
    QML_FOREIGN(archlens::PropertyModel)
    QML_NAMED_ELEMENT(PropertyModel)
};

// Types QML receives from DocumentController and never creates.
struct SelectionModelType {
    Q_GADGET
    QML_FOREIGN(archlens::SelectionModel)
    QML_NAMED_ELEMENT(SelectionModel)
    QML_UNCREATABLE("owned by DocumentController")
};
struct ComponentModelType {
    Q_GADGET
    QML_FOREIGN(archlens::ComponentModel)
    QML_NAMED_ELEMENT(ComponentModel)
    QML_UNCREATABLE("owned by DocumentController")
};
struct ConnectionModelType {
    Q_GADGET
    QML_FOREIGN(archlens::ConnectionModel)
    QML_NAMED_ELEMENT(ConnectionModel)
    QML_UNCREATABLE("owned by DocumentController")
};
struct ZoneModelType {
    Q_GADGET
    QML_FOREIGN(archlens::ZoneModel)
    QML_NAMED_ELEMENT(ZoneModel)
    QML_UNCREATABLE("owned by DocumentController")
};

} // namespace archlens::qml
