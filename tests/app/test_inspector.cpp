// The inspector's rows and the flows panel, driven through their models as the QML drives
// them: rows drawn from the catalogue's schema, edits that are one undo step each, refusals
// that change nothing and say why, and views that follow the document row by row
// (QAbstractItemModelTester). The last test loads the QML itself and fails on any warning.
#include "document_controller.h"
#include "flow_model.h"
#include "property_model.h"

#include <QAbstractItemModelTester>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

using namespace archlens;

namespace {

QString example(const char* name) {
    return QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples/") + name + ".archlens";
}

QVariant role(const QAbstractItemModel& model, int row, int role) {
    return model.index(row, 0).data(role);
}

/// A property row's value for one role, by attribute name.
QVariant rowData(const PropertyModel& model, const char* name, int r) {
    const int row = model.rowOf(QString::fromUtf8(name));
    return row < 0 ? QVariant() : role(model, row, r);
}

QStringList rowNames(const PropertyModel& model) {
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out << role(model, i, PropertyModel::NameRole).toString();
    return out;
}

Json stored(const Component& c, const char* key) {
    return c.props.contains(key) ? c.props.at(key) : Json();
}

} // namespace

class InspectorTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Opening files records recent files: keep them out of the person's settings.
        QStandardPaths::setTestModeEnabled(true);
    }

    void componentRowsComeFromTheCatalogue() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        PropertyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setController(&controller);

        // Nothing selected: the design's title and requirements.
        QCOMPARE(model.heading(), QStringLiteral("Nothing selected: the design"));
        QCOMPARE(model.inspectedType(), QStringLiteral("document"));
        QCOMPARE(rowNames(model),
                 QStringList({"title", "requirements.availability", "requirements.p99_ms",
                              "requirements.max_sync_depth", "requirements.peak_rps"}));
        QCOMPARE(rowData(model, "requirements.p99_ms", PropertyModel::ValueRole).toDouble(), 100.0);

        controller.selection()->select("keygen");
        QCOMPARE(model.heading(), QStringLiteral("Key generation service · Application service"));
        QCOMPARE(model.inspectedIds(), QStringList({"keygen"}));
        const QStringList names = rowNames(model);
        QCOMPARE(names.mid(0, 3), QStringList({"name", "kind", "props.instances"}));
        // Every property the kind accepts, and only those.
        const KindInfo* kind = Catalogue::builtin().kind("app_service");
        QCOMPARE(names.size(), 2 + int(kind->properties.size()));
        QVERIFY(!names.contains("props.ttl_s"));

        QCOMPARE(PropertyModel::Editor(rowData(model, "kind", PropertyModel::TypeRole).toInt()),
                 PropertyModel::ReadOnly);
        QCOMPARE(rowData(model, "kind", PropertyModel::ValueRole).toString(),
                 QStringLiteral("Application service"));
        QCOMPARE(rowData(model, "name", PropertyModel::ValueRole).toString(),
                 QStringLiteral("Key generation service"));
        QCOMPARE(rowData(model, "props.instances", PropertyModel::LabelRole).toString(),
                 QStringLiteral("Instances"));
        QCOMPARE(PropertyModel::Editor(
                     rowData(model, "props.instances", PropertyModel::TypeRole).toInt()),
                 PropertyModel::Int);
        QCOMPARE(rowData(model, "props.instances", PropertyModel::MinimumRole).toDouble(), 1.0);
        QCOMPARE(rowData(model, "props.instances", PropertyModel::MaximumRole).toDouble(),
                 100000.0);
        // The kind's own default: an application service runs two unless told otherwise.
        QCOMPARE(
            rowData(model, "props.instances", PropertyModel::DefaultRole).toInt(),
            Catalogue::builtin().componentProperty("instances", kind)->defaultValue->get<int>());
        QCOMPARE(rowData(model, "props.instances", PropertyModel::DefaultRole).toInt(), 2);
        QCOMPARE(rowData(model, "props.instances", PropertyModel::UnitRole).toString(), QString());
        QVERIFY(rowData(model, "props.instances", PropertyModel::HelpRole)
                    .toString()
                    .startsWith("How many copies"));
        QCOMPARE(rowData(model, "props.capacity_rps", PropertyModel::UnitRole).toString(),
                 QStringLiteral("req/s"));
        // A capacity has a floor a person can type (a tiny positive one made the numbers NaN).
        QCOMPARE(rowData(model, "props.capacity_rps", PropertyModel::ExclusiveMinRole).toBool(),
                 false);
        QCOMPARE(rowData(model, "props.capacity_rps", PropertyModel::MinimumRole).toDouble(),
                 0.001);
        QCOMPARE(PropertyModel::Editor(
                     rowData(model, "props.latency_ms", PropertyModel::TypeRole).toInt()),
                 PropertyModel::Latency);
        QCOMPARE(PropertyModel::Editor(
                     rowData(model, "props.external", PropertyModel::TypeRole).toInt()),
                 PropertyModel::Bool);

        // Enum choices carry the stored value and words for people.
        const QVariantList failover =
            rowData(model, "props.failover", PropertyModel::ChoicesRole).toList();
        QCOMPARE(failover.size(), 2);
        QCOMPARE(failover[0].toMap()["value"].toString(), QStringLiteral("automatic"));
        QCOMPARE(failover[0].toMap()["text"].toString(), QStringLiteral("Automatic"));
        // Zones to pick from are the document's zones.
        const QVariantList zones =
            rowData(model, "props.zones", PropertyModel::ChoicesRole).toList();
        QCOMPARE(zones.size(), 3);
        QCOMPARE(zones[0].toMap()["value"].toString(), QStringLiteral("az1"));

        // The effective value is the component's own or else the default; isSet says which.
        const Component* keygen = controller.document().component("keygen");
        const bool ownInstances = keygen->props.contains("instances");
        QCOMPARE(rowData(model, "props.instances", PropertyModel::IsSetRole).toBool(),
                 ownInstances);
        QCOMPARE(rowData(model, "props.instances", PropertyModel::ValueRole).toInt(), 1);
        QCOMPARE(rowData(model, "props.circuit_breaker", PropertyModel::IsSetRole).toBool(), false);
        QCOMPARE(rowData(model, "props.circuit_breaker", PropertyModel::ResettableRole).toBool(),
                 false);
    }

    void setValueIsOneUndoStep() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        PropertyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setController(&controller);
        controller.selection()->select("keygen");
        const Document before = controller.document();
        const int row = model.rowOf("props.instances");
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        QVERIFY(model.setValue(row, 3));
        QVERIFY(controller.document().component("keygen")->props.at("instances") == Json(3));
        QCOMPARE(role(model, row, PropertyModel::ValueRole).toInt(), 3);
        QCOMPARE(role(model, row, PropertyModel::IsSetRole).toBool(), true);
        QCOMPARE(role(model, row, PropertyModel::ResettableRole).toBool(), true);
        QCOMPARE(resets.count(), 0); // only a value changed: rows are updated, not reloaded
        QVERIFY(changed.count() >= 1);

        controller.undo();
        QVERIFY(controller.document() == before);
        QVERIFY(!controller.canUndo());
        QCOMPARE(role(model, row, PropertyModel::ValueRole).toInt(), 1);
        controller.redo();
        QCOMPARE(role(model, row, PropertyModel::ValueRole).toInt(), 3);
        QCOMPARE(resets.count(), 0);

        // Setting what is already stored is no edit at all.
        controller.undo();
        QVERIFY(model.setValue(model.rowOf("name"), QStringLiteral("Key generation service")));
        QVERIFY(!controller.canUndo());

        // Reset unsets the property: the default applies again.
        QVERIFY(model.setValue(row, 5));
        QVERIFY(model.reset(row));
        QVERIFY(stored(*controller.document().component("keygen"), "instances").is_null());
        QCOMPARE(role(model, row, PropertyModel::ValueRole).toInt(), 2);
        QCOMPARE(role(model, row, PropertyModel::IsSetRole).toBool(), false);
        controller.undo();
        QVERIFY(controller.document().component("keygen")->props.at("instances") == Json(5));
    }

    void typingMergesIntoOneStep() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        PropertyModel model;
        model.setController(&controller);
        controller.selection()->select("keygen");
        const int row = model.rowOf("name");
        for (const char* text : {"K", "Ke", "Key", "Keys"})
            QVERIFY(model.setValue(row, QString::fromUtf8(text), true));
        model.finishTyping();
        QCOMPARE(controller.document().component("keygen")->name, std::string("Keys"));
        controller.undo();
        QCOMPARE(controller.document().component("keygen")->name,
                 std::string("Key generation service"));
        QVERIFY(!controller.canUndo());

        // After finishTyping the next word is a step of its own.
        QVERIFY(model.setValue(row, QStringLiteral("A"), true));
        model.finishTyping();
        QVERIFY(model.setValue(row, QStringLiteral("AB"), true));
        controller.undo();
        QCOMPARE(controller.document().component("keygen")->name, std::string("A"));
    }

    void typingBackToTheOriginalLeavesNoStep() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        PropertyModel model;
        model.setController(&controller);
        controller.selection()->select("keygen");
        QSignalSpy modified(&controller, &DocumentController::modifiedChanged);
        const int row = model.rowOf("props.instances");
        const int original = role(model, row, PropertyModel::ValueRole).toInt();
        QVERIFY(model.setValue(row, original + 3, true));
        QVERIFY(controller.modified());
        QVERIFY(model.setValue(row, original, true)); // typed back, still one stream
        QVERIFY(!controller.modified());
        QVERIFY(!controller.canUndo());
        QVERIFY(modified.count() >= 2);
        QCOMPARE(role(model, row, PropertyModel::ValueRole).toInt(), original);
    }

    void refusedValuesChangeNothing() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        PropertyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setController(&controller);
        controller.selection()->select("keygen");
        const Document before = controller.document();
        const int instances = model.rowOf("props.instances");
        QSignalSpy refused(&controller, &DocumentController::editRefused);

        QVERIFY(!model.setValue(instances, 0));
        QVERIFY(controller.document() == before);
        QCOMPARE(refused.count(), 1);
        QCOMPARE(role(model, instances, PropertyModel::ErrorRole).toString(),
                 QStringLiteral("must be at least 1, got 0"));
        QCOMPARE(role(model, instances, PropertyModel::ValueRole).toInt(), 1);

        QVERIFY(!model.setValue(instances, QStringLiteral("many")));
        QVERIFY(controller.document() == before);
        QVERIFY(role(model, instances, PropertyModel::ErrorRole).toString().contains("integer"));
        QVERIFY(!model.setValue(instances, 2.5));
        QVERIFY(role(model, instances, PropertyModel::ErrorRole).toString().contains("integer"));

        // The error belongs to its row alone, and goes with the next edit that succeeds.
        QCOMPARE(rowData(model, "props.availability", PropertyModel::ErrorRole).toString(),
                 QString());
        QVERIFY(!model.setValue(model.rowOf("props.availability"), 1.5));
        QCOMPARE(rowData(model, "props.availability", PropertyModel::ErrorRole).toString(),
                 QStringLiteral("must be at most 1, got 1.5"));
        QVERIFY(model.setValue(instances, 2));
        QCOMPARE(role(model, instances, PropertyModel::ErrorRole).toString(), QString());
        QVERIFY(
            !rowData(model, "props.availability", PropertyModel::ErrorRole).toString().isEmpty());

        // Rules across properties are the model's, reported the same way.
        QVERIFY(!model.setValue(model.rowOf("props.min_healthy"), 3));
        QVERIFY(rowData(model, "props.min_healthy", PropertyModel::ErrorRole)
                    .toString()
                    .contains("exceed"));
        QVERIFY(!model.setValue(model.rowOf("name"), QStringLiteral("  ")));
        QCOMPARE(rowData(model, "name", PropertyModel::ErrorRole).toString(),
                 QStringLiteral("a name cannot be empty"));
        QVERIFY(!model.setValue(model.rowOf("kind"), QStringLiteral("cache")));
        QCOMPARE(controller.document().component("keygen")->kind, std::string("app_service"));

        // Inspecting something else clears the refusals.
        controller.selection()->select("link_api");
        for (int i = 0; i < model.rowCount(); ++i)
            QCOMPARE(role(model, i, PropertyModel::ErrorRole).toString(), QString());
    }

    void severalComponentsAtOnce() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        PropertyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setController(&controller);
        controller.selection()->select("redirect_svc");
        controller.selection()->select("link_api", SelectionModel::Add);
        QCOMPARE(model.heading(), QStringLiteral("2 components"));
        QCOMPARE(model.inspectedIds(), QStringList({"link_api", "redirect_svc"}));
        // 6 and 3 instances: mixed, showing the current one's.
        QCOMPARE(rowData(model, "props.instances", PropertyModel::MixedRole).toBool(), true);
        QCOMPARE(rowData(model, "props.instances", PropertyModel::ValueRole).toInt(), 3);
        QCOMPARE(rowData(model, "props.failover", PropertyModel::MixedRole).toBool(), false);

        QVERIFY(model.setValue(model.rowOf("props.instances"), 4));
        const Document& doc = controller.document();
        QVERIFY(doc.component("redirect_svc")->props.at("instances") == Json(4));
        QVERIFY(doc.component("link_api")->props.at("instances") == Json(4));
        QCOMPARE(rowData(model, "props.instances", PropertyModel::MixedRole).toBool(), false);
        controller.undo(); // one step for both
        QVERIFY(doc.component("redirect_svc")->props.at("instances") == Json(6));
        QVERIFY(doc.component("link_api")->props.at("instances") == Json(3));

        // A refusal for one leaves both as they were.
        QVERIFY(!model.setValue(model.rowOf("props.instances"), -1));
        QVERIFY(doc.component("redirect_svc")->props.at("instances") == Json(6));
        QVERIFY(!rowData(model, "props.instances", PropertyModel::ErrorRole).toString().isEmpty());

        // Different kinds: only the properties both accept.
        controller.selection()->select("link_cache", SelectionModel::Add);
        QCOMPARE(model.heading(), QStringLiteral("3 components"));
        QVERIFY(rowNames(model).contains("props.instances"));
        QVERIFY(!rowNames(model).contains("props.ttl_s"));
        QCOMPARE(rowData(model, "kind", PropertyModel::MixedRole).toBool(), true);

        // With a connection selected too, only the components change, still in one step.
        controller.selection()->select("client-dns", SelectionModel::Add);
        controller.selection()->select("keygen", SelectionModel::Add);
        QCOMPARE(model.inspectedIds().size(), 4);
        QVERIFY(model.setValue(model.rowOf("props.external"), true));
        for (const char* id : {"redirect_svc", "link_api", "link_cache", "keygen"})
            QVERIFY(doc.component(id)->props.at("external") == Json(true));
        controller.undo();
        for (const char* id : {"redirect_svc", "link_api", "link_cache", "keygen"})
            QVERIFY(!doc.component(id)->props.contains("external"));
    }

    /// The choices the critique asks about (replication, write policy, payload size, outbox)
    /// are rows with their editor, choices and help, unset until the designer states them.
    void choicesTheCritiqueAsksAbout() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        PropertyModel model;
        model.setController(&controller);

        controller.selection()->select("link_cache");
        QCOMPARE(PropertyModel::Editor(
                     rowData(model, "props.write_policy", PropertyModel::TypeRole).toInt()),
                 PropertyModel::Choice);
        const QVariantList policies =
            rowData(model, "props.write_policy", PropertyModel::ChoicesRole).toList();
        QCOMPARE(policies.size(), 3);
        QCOMPARE(policies[2].toMap()["value"].toString(), QStringLiteral("write_behind"));
        QCOMPARE(rowData(model, "props.write_policy", PropertyModel::IsSetRole).toBool(), false);
        QVERIFY(
            !rowData(model, "props.write_policy", PropertyModel::HelpRole).toString().isEmpty());
        QVERIFY(model.setValue(model.rowOf("props.write_policy"), QStringLiteral("write_behind")));
        QVERIFY(controller.document().component("link_cache")->props.at("write_policy") ==
                "write_behind");
        QVERIFY(!model.setValue(model.rowOf("props.write_policy"), QStringLiteral("sometimes")));

        controller.selection()->select("link_store");
        const QVariantList replication =
            rowData(model, "props.replication", PropertyModel::ChoicesRole).toList();
        QCOMPARE(replication.size(), 3);
        QCOMPARE(PropertyModel::Editor(
                     rowData(model, "props.conflict_resolution", PropertyModel::TypeRole).toInt()),
                 PropertyModel::Choice);

        controller.selection()->select("redirect_svc-link_cache");
        QCOMPARE(PropertyModel::Editor(
                     rowData(model, "props.payload_kb", PropertyModel::TypeRole).toInt()),
                 PropertyModel::Number);
        QCOMPARE(rowData(model, "props.payload_kb", PropertyModel::UnitRole).toString(),
                 QStringLiteral("KB"));
        QCOMPARE(
            PropertyModel::Editor(rowData(model, "props.outbox", PropertyModel::TypeRole).toInt()),
            PropertyModel::Bool);
        QCOMPARE(PropertyModel::Editor(
                     rowData(model, "props.rate_limit_rps", PropertyModel::TypeRole).toInt()),
                 PropertyModel::Number);
        // What a connection speaks and the field it looks records up by.
        const QVariantList protocols =
            rowData(model, "props.protocol", PropertyModel::ChoicesRole).toList();
        QCOMPARE(protocols.size(), 5);
        QCOMPARE(protocols[4].toMap()["value"].toString(), QStringLiteral("udp"));
        QCOMPARE(PropertyModel::Editor(
                     rowData(model, "props.lookup_key", PropertyModel::TypeRole).toInt()),
                 PropertyModel::String);
        QVERIFY(model.setValue(model.rowOf("props.lookup_key"), QStringLiteral("short_code")));
        QVERIFY(
            controller.document().connection("redirect_svc-link_cache")->props.at("lookup_key") ==
            "short_code");

        // A store's partition key and retention; a balancer's layer and algorithm; a DNS TTL.
        controller.selection()->select("link_store");
        QCOMPARE(PropertyModel::Editor(
                     rowData(model, "props.shard_key", PropertyModel::TypeRole).toInt()),
                 PropertyModel::String);
        QCOMPARE(rowData(model, "props.retention_s", PropertyModel::UnitRole).toString(),
                 QStringLiteral("s"));
        controller.selection()->select("lb");
        QCOMPARE(rowData(model, "props.layer", PropertyModel::ChoicesRole).toList().size(), 2);
        QCOMPARE(rowData(model, "props.layer", PropertyModel::IsSetRole).toBool(), false);
        QVERIFY(rowData(model, "props.algorithm", PropertyModel::ChoicesRole).toList().size() >= 5);
        QVERIFY(!model.setValue(model.rowOf("props.layer"), QStringLiteral("l3")));
        controller.selection()->select("dns");
        QCOMPARE(
            PropertyModel::Editor(rowData(model, "props.ttl_s", PropertyModel::TypeRole).toInt()),
            PropertyModel::Number);
        // A value the design does not state is the catalogue's default, drawn as such.
        controller.selection()->select("keygen");
        const bool failoverSet =
            controller.document().component("keygen")->props.contains("failover");
        QCOMPARE(rowData(model, "props.failover", PropertyModel::FromDefaultRole).toBool(),
                 !failoverSet);
        QVERIFY(model.setValue(model.rowOf("props.failover"), QStringLiteral("manual")));
        QCOMPARE(rowData(model, "props.failover", PropertyModel::FromDefaultRole).toBool(), false);
        // A value the design states is not drawn as a default.
        QCOMPARE(rowData(model, "props.instances", PropertyModel::FromDefaultRole).toBool(), false);
        controller.selection()->select("aggregator");
        QCOMPARE(PropertyModel::Editor(
                     rowData(model, "props.single_active", PropertyModel::TypeRole).toInt()),
                 PropertyModel::Bool);
    }

    void connectionRows() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        PropertyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setController(&controller);
        controller.selection()->select("keygen");
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        controller.selection()->select("link_api-keygen");
        QCOMPARE(resets.count(), 1); // other rows: a reset
        QCOMPARE(model.heading(),
                 QStringLiteral("Connection Link API (create, stats) → Key generation service"));
        // The label, drawn on the arrow, comes first among the properties.
        QCOMPARE(rowNames(model).mid(0, 5),
                 QStringList({"from", "to", "mode", "props.label", "props.ops"}));
        QCOMPARE(
            PropertyModel::Editor(rowData(model, "props.label", PropertyModel::TypeRole).toInt()),
            PropertyModel::String);
        QCOMPARE(PropertyModel::Editor(rowData(model, "from", PropertyModel::TypeRole).toInt()),
                 PropertyModel::ComponentChoice);
        QCOMPARE(rowData(model, "from", PropertyModel::ChoicesRole).toList().size(),
                 int(controller.document().components.size()));
        QCOMPARE(rowData(model, "mode", PropertyModel::ValueRole).toString(),
                 QStringLiteral("sync"));
        QCOMPARE(rowData(model, "mode", PropertyModel::ChoicesRole).toList().size(), 3);
        QCOMPARE(rowData(model, "props.retries", PropertyModel::MaximumRole).toInt(), 10);

        QVERIFY(model.setValue(model.rowOf("mode"), QStringLiteral("async")));
        QCOMPARE(controller.document().connection("link_api-keygen")->mode, ConnectionMode::Async);
        QCOMPARE(rowData(model, "mode", PropertyModel::ValueRole).toString(),
                 QStringLiteral("async"));
        QVERIFY(!model.setValue(model.rowOf("mode"), QStringLiteral("carrier pigeon")));
        QCOMPARE(controller.document().connection("link_api-keygen")->mode, ConnectionMode::Async);
        QVERIFY(!rowData(model, "mode", PropertyModel::ErrorRole).toString().isEmpty());

        QVERIFY(model.setValue(model.rowOf("props.ops"), QVariantList{"write"}));
        QVERIFY(controller.document().connection("link_api-keygen")->props.at("ops") ==
                Json::array({"write"}));
        QVERIFY(!model.setValue(model.rowOf("to"), QStringLiteral("link_api")));
        QVERIFY(model.setValue(model.rowOf("to"), QStringLiteral("link_store")));
        QCOMPARE(model.heading(),
                 QStringLiteral("Connection Link API (create, stats) → Link table (DynamoDB)"));
        QCOMPARE(resets.count(), 1);
    }

    void zoneAndNoteRows() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        PropertyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setController(&controller);
        controller.selection()->select("az2");
        QCOMPARE(rowNames(model), QStringList({"id", "region", "availability"}));
        QCOMPARE(rowData(model, "id", PropertyModel::ValueRole).toString(), QStringLiteral("az2"));
        QVERIFY(model.setValue(model.rowOf("availability"), 0.9995));
        QCOMPARE(controller.document().zone("az2")->availability, 0.9995);
        QVERIFY(!model.setValue(model.rowOf("availability"), 0));
        QCOMPARE(controller.document().zone("az2")->availability, 0.9995);

        const QString note = controller.addNote(0, 0, "Hello");
        QCOMPARE(controller.selection()->current(), note);
        QCOMPARE(rowNames(model), QStringList({"text"}));
        QCOMPARE(PropertyModel::Editor(rowData(model, "text", PropertyModel::TypeRole).toInt()),
                 PropertyModel::Text);
        QVERIFY(model.setValue(0, QStringLiteral("Hello, world"), true));
        QCOMPARE(controller.document().note(note.toStdString())->text, std::string("Hello, world"));

        // Deleting what is inspected falls back to the design.
        QVERIFY(controller.deleteElements({note}));
        QCOMPARE(model.inspectedType(), QStringLiteral("document"));
    }

    void flowsThroughTheFlowModel() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        FlowModel flows;
        QAbstractItemModelTester flowTester(&flows,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        flows.setController(&controller);
        QCOMPARE(flows.count(), 3);
        QCOMPARE(role(flows, 0, FlowModel::IdRole).toString(), QStringLiteral("redirect"));
        QCOMPARE(role(flows, 0, FlowModel::EntryNameRole).toString(),
                 QStringLiteral("Browser / API client"));
        QCOMPARE(role(flows, 0, FlowModel::OpRole).toString(), QStringLiteral("read"));
        QCOMPARE(role(flows, 0, FlowModel::RateRole).toDouble(), 40000.0);
        QCOMPARE(flows.roleNames().value(FlowModel::EntryNameRole), QByteArray("entryName"));

        QSignalSpy inserted(&flows, &QAbstractItemModel::rowsInserted);
        const QString id = controller.addFlow("");
        QVERIFY(!id.isEmpty());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(flows.count(), 4);
        QCOMPARE(flows.idAt(3), id);
        QCOMPARE(role(flows, 3, FlowModel::NameRole).toString(), QStringLiteral("New flow"));
        QCOMPARE(role(flows, 3, FlowModel::EntryRole).toString(), QStringLiteral("client"));

        // The flows panel edits the flow through a PropertyModel pinned to it.
        PropertyModel fields;
        QAbstractItemModelTester fieldTester(
            &fields, QAbstractItemModelTester::FailureReportingMode::QtTest);
        fields.setController(&controller);
        fields.setTarget(id);
        QCOMPARE(rowNames(fields),
                 QStringList({"name", "entry", "op", "rate_rps", "availability", "p99_ms"}));
        QCOMPARE(fields.heading(), QStringLiteral("Flow New flow"));
        QSignalSpy changed(&flows, &QAbstractItemModel::dataChanged);
        QVERIFY(fields.setValue(fields.rowOf("rate_rps"), 250));
        QVERIFY(fields.setValue(fields.rowOf("op"), QStringLiteral("write")));
        QVERIFY(fields.setValue(fields.rowOf("entry"), QStringLiteral("gateway")));
        QVERIFY(fields.setValue(fields.rowOf("name"), QStringLiteral("Bulk import")));
        QCOMPARE(changed.count(), 4);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 3);
        QCOMPARE(role(flows, 3, FlowModel::RateRole).toDouble(), 250.0);
        QCOMPARE(role(flows, 3, FlowModel::OpRole).toString(), QStringLiteral("write"));
        QCOMPARE(role(flows, 3, FlowModel::EntryNameRole).toString(),
                 QStringLiteral("API gateway"));
        QCOMPARE(role(flows, 3, FlowModel::NameRole).toString(), QStringLiteral("Bulk import"));
        QVERIFY(!fields.setValue(fields.rowOf("rate_rps"), 0));
        QCOMPARE(controller.document().flow(id.toStdString())->rate_rps, 250.0);
        QVERIFY(!fields.setValue(fields.rowOf("op"), QStringLiteral("delete")));
        QVERIFY(!fields.setValue(fields.rowOf("entry"), QStringLiteral("nowhere")));

        // Renaming the entry component renames it beside the flow.
        changed.clear();
        QVERIFY(controller.rename("gateway", "Edge gateway"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(role(flows, 3, FlowModel::EntryNameRole).toString(),
                 QStringLiteral("Edge gateway"));

        // Remove, then undo.
        QSignalSpy removed(&flows, &QAbstractItemModel::rowsRemoved);
        QVERIFY(controller.deleteElements({id}));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(flows.count(), 3);
        QCOMPARE(fields.rowCount(), 0); // pinned to a flow that is gone
        controller.undo();
        QCOMPARE(flows.count(), 4);
        QCOMPARE(flows.indexOfId(id), 3);
        QCOMPARE(fields.rowCount(), 6);

        // Deleting the entry component removes the flows entering there too.
        QVERIFY(controller.deleteElements({"client"}));
        QCOMPARE(flows.count(), 1);
        // A new document resets.
        QSignalSpy resets(&flows, &QAbstractItemModel::modelReset);
        controller.newDocument();
        QCOMPARE(resets.count(), 1);
        QCOMPARE(flows.count(), 0);

        // A controller destroyed first (as QML may tear down the singleton before the
        // panel): the model empties and no longer touches its editor.
        auto other = std::make_unique<DocumentController>();
        QVERIFY(other->openFile(example("url-shortener")));
        FlowModel orphan;
        orphan.setController(other.get());
        QCOMPARE(orphan.count(), 3);
        QSignalSpy orphanResets(&orphan, &QAbstractItemModel::modelReset);
        other.reset();
        QCOMPARE(orphanResets.count(), 1);
        QCOMPARE(orphan.count(), 0);
        QCOMPARE(orphan.indexOfId("redirect"), -1);
        QVERIFY(orphan.idAt(0).isEmpty());
        QVERIFY(!orphan.controller());
    }

    void flowTargetsOverrideTheDesigns() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        PropertyModel fields;
        QAbstractItemModelTester tester(&fields,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        fields.setController(&controller);
        fields.setTarget("redirect");
        const int availability = fields.rowOf("availability");
        const int p99 = fields.rowOf("p99_ms");
        QVERIFY(availability >= 0);
        QVERIFY(p99 >= 0);
        QCOMPARE(role(fields, availability, PropertyModel::LabelRole).toString(),
                 QStringLiteral("Availability target"));
        QCOMPARE(role(fields, p99, PropertyModel::LabelRole).toString(),
                 QStringLiteral("p99 target"));
        QCOMPARE(role(fields, p99, PropertyModel::UnitRole).toString(), QStringLiteral("ms"));
        QCOMPARE(PropertyModel::Editor(role(fields, availability, PropertyModel::TypeRole).toInt()),
                 PropertyModel::Number);

        // Unset: the field is empty and the design's targets (what a reset returns to) apply.
        QVERIFY(role(fields, availability, PropertyModel::ValueRole).isNull());
        QCOMPARE(role(fields, availability, PropertyModel::IsSetRole).toBool(), false);
        QCOMPARE(role(fields, availability, PropertyModel::ResettableRole).toBool(), false);
        QCOMPARE(role(fields, availability, PropertyModel::DefaultRole).toDouble(), 0.9999);
        QCOMPARE(role(fields, p99, PropertyModel::DefaultRole).toDouble(), 100.0);

        // Each edit is one undo step and reaches the document.
        QVERIFY(fields.setValue(p99, 40));
        QCOMPARE(controller.document().flow("redirect")->p99_ms, std::optional<double>(40));
        QCOMPARE(controller.editor().history().size(), size_t(1));
        QCOMPARE(role(fields, p99, PropertyModel::ValueRole).toDouble(), 40.0);
        QCOMPARE(role(fields, p99, PropertyModel::ResettableRole).toBool(), true);
        QVERIFY(fields.setValue(availability, 0.99995));
        QCOMPARE(controller.document().flow("redirect")->availability,
                 std::optional<double>(0.99995));
        QCOMPARE(controller.editor().history().size(), size_t(2));

        // A refused value changes nothing and says why beside the field.
        QVERIFY(!fields.setValue(availability, 1.5));
        QCOMPARE(controller.document().flow("redirect")->availability,
                 std::optional<double>(0.99995));
        QVERIFY(role(fields, availability, PropertyModel::ErrorRole)
                    .toString()
                    .startsWith(QStringLiteral("must be between 0 and 1")));
        QVERIFY(!fields.setValue(p99, -3));
        QCOMPARE(controller.editor().history().size(), size_t(2));

        // Clearing hands the flow back to the design's target, as one step of its own.
        QVERIFY(fields.reset(p99));
        QCOMPARE(controller.document().flow("redirect")->p99_ms, std::nullopt);
        QVERIFY(role(fields, p99, PropertyModel::ValueRole).isNull());
        QCOMPARE(controller.editor().history().size(), size_t(3));
        controller.undo();
        QCOMPARE(controller.document().flow("redirect")->p99_ms, std::optional<double>(40));

        // The design's target shown as the fallback follows the design.
        QVERIFY(controller.setAttribute(QString(), "requirements.availability", 0.999));
        QCOMPARE(role(fields, availability, PropertyModel::DefaultRole).toDouble(), 0.999);
        // A flow entering elsewhere than at a client is background work: no fallback.
        QVERIFY(fields.setValue(fields.rowOf("entry"), QStringLiteral("gateway")));
        QVERIFY(role(fields, availability, PropertyModel::DefaultRole).isNull());
        QVERIFY(role(fields, p99, PropertyModel::DefaultRole).isNull());
    }

    void requirementsOfTheDocument() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        controller.selection()->select("keygen"); // a pinned model ignores the selection
        PropertyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setController(&controller);
        model.setTarget("document");
        QCOMPARE(model.heading(), QStringLiteral("The design"));
        QCOMPARE(model.inspectedIds(), QStringList({QString()}));
        const int p99 = model.rowOf("requirements.p99_ms");
        QCOMPARE(role(model, p99, PropertyModel::UnitRole).toString(), QStringLiteral("ms"));
        QCOMPARE(role(model, p99, PropertyModel::IsSetRole).toBool(), true);

        QVERIFY(model.setValue(p99, 150));
        QCOMPARE(controller.document().requirements.p99_ms, std::optional<double>(150));
        QVERIFY(model.reset(p99));
        QCOMPARE(controller.document().requirements.p99_ms, std::nullopt);
        QCOMPARE(role(model, p99, PropertyModel::IsSetRole).toBool(), false);
        QVERIFY(role(model, p99, PropertyModel::ValueRole).isNull());
        controller.undo();
        QCOMPARE(controller.document().requirements.p99_ms, std::optional<double>(150));

        const int availability = model.rowOf("requirements.availability");
        QVERIFY(!model.setValue(availability, 1.5));
        QCOMPARE(controller.document().requirements.availability, std::optional<double>(0.9999));
        QVERIFY(!role(model, availability, PropertyModel::ErrorRole).toString().isEmpty());
        QVERIFY(model.setValue(availability, 0.999));
        QCOMPARE(controller.document().requirements.availability, std::optional<double>(0.999));

        const int depth = model.rowOf("requirements.max_sync_depth");
        QCOMPARE(PropertyModel::Editor(role(model, depth, PropertyModel::TypeRole).toInt()),
                 PropertyModel::Int);
        QVERIFY(!model.setValue(depth, 0));
        QVERIFY(model.setValue(depth, 3));
        QCOMPARE(controller.document().requirements.max_sync_depth, std::optional<int>(3));

        QVERIFY(model.setValue(model.rowOf("title"), QStringLiteral("Short links")));
        QCOMPARE(controller.title(), QStringLiteral("Short links"));
        QVERIFY(!model.reset(model.rowOf("title")));
    }

    void followsTheDocumentWithoutResetting() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        PropertyModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setController(&controller);
        controller.selection()->select("redirect_svc");
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inspected(&model, &PropertyModel::inspectedChanged);

        // An edit made elsewhere (the canvas) reaches the rows.
        QVERIFY(controller.setAttribute("redirect_svc", "props.capacity_rps", 7000));
        QCOMPARE(rowData(model, "props.capacity_rps", PropertyModel::ValueRole).toDouble(), 7000.0);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 1); // just that row
        // A move changes nothing the rows show.
        QVERIFY(controller.moveElements({"redirect_svc"}, 16, 0));
        QCOMPARE(changed.count(), 1);
        // Another component of the same kind: same rows, new values, no reset.
        controller.selection()->select("link_api");
        QCOMPARE(inspected.count(), 1);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(rowData(model, "name", PropertyModel::ValueRole).toString(),
                 QStringLiteral("Link API (create, stats)"));
        // A zone added elsewhere shows up among the choices.
        QVERIFY(!controller.addZone("eu-west").isEmpty());
        QCOMPARE(rowData(model, "props.zones", PropertyModel::ChoicesRole).toList().size(), 4);
        QCOMPARE(resets.count(), 0);
        // Opening another file is handled too.
        QVERIFY(controller.openFile(example("chat-system")));
        QCOMPARE(model.inspectedType(), QStringLiteral("document"));
    }

    /// The QML of the inspector and flows panel loads and draws without a warning, in light
    /// and dark palettes. With ARCHLENS_INSPECTOR_SHOTS=DIR it also writes what it drew.
    void qmlRendersWithoutWarnings_data() {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void qmlRendersWithoutWarnings() {
        QFETCH(bool, dark);
        QTest::failOnWarning(QRegularExpression(".*"));
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/")); // where the module's qmldir is compiled in
        QQmlComponent component(&engine);
        component.setData(R"(
            import QtQuick
            import QtQuick.Controls
            import QtQuick.Layouts
            import ArchLens
            ApplicationWindow {
                property bool dark: false
                width: 670; height: 900; visible: true
                palette.window: dark ? "#25282e" : "#efefef"
                palette.windowText: dark ? "#e8ebf0" : "#000000"
                palette.base: dark ? "#1e2127" : "#ffffff"
                palette.alternateBase: dark ? "#2a2e35" : "#f7f7f7"
                palette.text: dark ? "#e8ebf0" : "#000000"
                palette.button: dark ? "#30343c" : "#efefef"
                palette.buttonText: dark ? "#e8ebf0" : "#000000"
                palette.highlight: dark ? "#3d7be0" : "#308cc6"
                palette.highlightedText: "#ffffff"
                palette.light: dark ? "#3a3f48" : "#ffffff"
                palette.midlight: dark ? "#343840" : "#cacaca"
                palette.mid: dark ? "#2c3037" : "#b8b8b8"
                palette.dark: dark ? "#15171b" : "#9f9f9f"
                palette.placeholderText: dark ? "#8a93a3" : "#80000000"
                Binding { target: Theme; property: "dark"; value: dark } // as Main.qml does
                RowLayout {
                    anchors.fill: parent
                    spacing: 1
                    Inspector { Layout.preferredWidth: 330; Layout.fillHeight: true }
                    FlowsPanel { Layout.preferredWidth: 330; Layout.fillHeight: true }
                }
            })",
                          QUrl("qrc:/inspector_harness.qml"));
        QVERIFY2(component.isReady(), qPrintable(component.errorString()));
        std::unique_ptr<QObject> root(component.createWithInitialProperties({{"dark", dark}}));
        QVERIFY2(root, qPrintable(component.errorString()));
        auto* window = qobject_cast<QQuickWindow*>(root.get());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto* controller = engine.singletonInstance<DocumentController*>(
            qmlTypeId("ArchLens", 1, 0, "DocumentController"));
        QVERIFY(controller);
        QVERIFY(controller->openFile(example("url-shortener")));
        auto* inspector = window->findChild<QQuickItem*>("inspector");
        QVERIFY(inspector);
        auto* model = inspector->findChild<PropertyModel*>("inspectorProperties");
        auto* heading = inspector->findChild<QQuickItem*>("inspectorHeading");
        QVERIFY(model && heading);
        const QString dir = qEnvironmentVariable("ARCHLENS_INSPECTOR_SHOTS");
        // grabWindow lays out and draws the window itself; what must be current first is
        // the inspector showing the selection.
        auto shoot = [&](const char* name, const QString& expectedHeading) {
            QCOMPARE(model->heading(), expectedHeading);
            QTRY_COMPARE(heading->property("text").toString(), expectedHeading);
            const QImage image = window->grabWindow();
            QVERIFY(!image.isNull());
            if (!dir.isEmpty()) image.save(dir + "/" + name + (dark ? "-dark" : "-light") + ".png");
        };
        shoot("document", QStringLiteral("Nothing selected: the design"));
        controller->selection()->select("keygen");
        QVERIFY(!model->setValue(model->rowOf("props.instances"), 0)); // an error on show
        shoot("component", QStringLiteral("Key generation service · Application service"));
        controller->selection()->select("redirect");
        shoot("flow", QStringLiteral("Flow Follow a short link (redirect)"));
        controller->selection()->select("link_api-keygen");
        shoot("connection",
              QStringLiteral("Connection Link API (create, stats) → Key generation service"));
        controller->selection()->select("redirect_svc");
        controller->selection()->select("link_api", SelectionModel::Add);
        shoot("several", QStringLiteral("2 components"));
    }
};

QTEST_MAIN(InspectorTest)
#include "test_inspector.moc"
