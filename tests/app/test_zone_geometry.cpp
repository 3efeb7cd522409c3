// How zones are drawn (app/canvas/zone_geometry.h): chips on the boxes say which zones a
// component is spread over; frames are drawn only where they are true (never nested, never
// around a box of another zone, region frames never overlapping). Checked on small designs
// made for each rule and on every bundled example.
#include "archlens/model/catalogue.h"
#include "archlens/model/document_io.h"
#include "diagram_geometry.h"
#include "diagram_shapes.h"
#include "diagram_theme.h"
#include "zone_geometry.h"

#include <QDir>
#include <QGuiApplication>
#include <QTest>
#include <cmath>

using namespace archlens;

namespace {

Component component(const std::string& id, double x, double y, std::vector<std::string> zones) {
    Component c;
    c.id = id;
    c.kind = "app_service";
    c.name = id;
    c.x = x;
    c.y = y;
    if (!zones.empty()) c.props["zones"] = zones;
    return c;
}

std::vector<QRectF> boxesOf(const Document& doc) {
    std::vector<QRectF> boxes;
    for (const auto& c : doc.components)
        boxes.push_back(geometry::componentRect(c));
    return boxes;
}

/// WCAG contrast ratio between two colours.
double contrast(const QColor& a, const QColor& b) {
    auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    auto lum = [&](const QColor& c) {
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = lum(a), lb = lum(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

/// The rules every drawing of zones keeps, whatever the design.
void checkFramesAreTrue(const Document& doc) {
    const auto boxes = boxesOf(doc);
    const auto zones = geometry::zoneAreas(doc, boxes);
    const auto regions = geometry::regionAreas(doc, boxes, zones);
    for (const ZoneArea& a : zones) {
        const std::string& zone = doc.zones[size_t(a.zone)].id;
        QVERIFY(!a.members.empty());
        for (size_t i = 0; i < boxes.size(); ++i) {
            const bool member =
                std::find(a.members.begin(), a.members.end(), int(i)) != a.members.end();
            const auto in = geometry::componentZones(doc.components[i]);
            if (member) {
                // Members live in exactly this zone, and the frame holds them.
                QCOMPARE(in, std::vector<std::string>{zone});
                QVERIFY(a.rect.contains(boxes[i]));
            } else {
                QVERIFY2(!a.rect.intersects(boxes[i]),
                         qPrintable(QString::fromStdString(zone + " frame meets " +
                                                           doc.components[i].id)));
            }
        }
        for (const ZoneArea& b : zones)
            if (&a != &b) QVERIFY2(!a.rect.intersects(b.rect), "zone frames meet");
    }
    for (const RegionArea& r : regions) {
        for (size_t i = 0; i < boxes.size(); ++i) {
            if (!r.rect.intersects(boxes[i])) continue;
            // Every box it touches lies wholly inside and has all its zones in the region.
            QVERIFY(r.rect.contains(boxes[i]));
            const auto in = geometry::componentZones(doc.components[i]);
            QVERIFY2(!in.empty(), doc.components[i].id.c_str());
            for (const auto& z : in)
                QCOMPARE(doc.zone(z)->region, r.region);
        }
        for (const RegionArea& s : regions)
            if (&r != &s) QVERIFY2(!r.rect.intersects(s.rect), "region frames overlap");
        // It holds the whole region: every component whose zones all lie in it.
        for (size_t i = 0; i < boxes.size(); ++i) {
            const auto in = geometry::componentZones(doc.components[i]);
            const bool ofRegion =
                !in.empty() && std::all_of(in.begin(), in.end(), [&](const auto& z) {
                    return doc.zone(z) && doc.zone(z)->region == r.region;
                });
            if (ofRegion) QVERIFY2(r.rect.contains(boxes[i]), doc.components[i].id.c_str());
        }
        // A zone frame lies wholly inside a region frame, or outside it.
        for (const ZoneArea& z : zones)
            QVERIFY(!r.rect.intersects(z.rect) || r.rect.contains(z.rect));
    }
}

} // namespace

class ZoneGeometryTest : public QObject {
    Q_OBJECT

private slots:
    void aComponentInThreeZonesHasThreeChipsAndNoFrames() {
        Document doc;
        doc.zones = {
            {"az1", "eu", 0.9995, {}}, {"az2", "eu", 0.9995, {}}, {"az3", "eu", 0.9995, {}}};
        doc.components = {component("api", 200, 200, {"az1", "az2", "az3"}),
                          component("db", 500, 200, {"az1", "az2", "az3"})};
        const auto boxes = boxesOf(doc);
        // The old drawing nested az1 ⊃ az2 ⊃ az3 around these: now no zone frame at all.
        QVERIFY(geometry::zoneAreas(doc, boxes).empty());
        const auto chips = geometry::zoneChips(doc, doc.components[0], boxes[0]);
        QCOMPARE(chips.size(), size_t(3));
        QStringList texts;
        for (const auto& chip : chips) {
            texts << chip.text;
            QVERIFY(geometry::zoneChipRow(boxes[0]).contains(chip.rect));
        }
        QCOMPARE(texts, (QStringList{"az1", "az2", "az3"}));
        QCOMPARE(chips[0].zone, 0);
        QCOMPARE(chips[2].zone, 2);
        QVERIFY(chips[0].rect.right() < chips[1].rect.left());
        QVERIFY(geometry::zoneColour(0) != geometry::zoneColour(1));
        // Both live in region eu only: one region frame around both.
        const auto regions = geometry::regionAreas(doc, boxes, {});
        QCOMPARE(regions.size(), size_t(1));
        QCOMPARE(regions[0].members, (std::vector<int>{0, 1}));
        checkFramesAreTrue(doc);
    }

    void aFrameNeverHoldsABoxOfAnotherZone() {
        Document doc;
        doc.zones = {{"az1", "eu", 0.9995, {}}, {"az2", "eu", 0.9995, {}}};
        // Two az1 boxes with a spread one between them: one frame would hold it, so each
        // az1 box gets its own.
        doc.components = {component("a", 0, 0, {"az1"}),
                          component("spread", 280, 0, {"az1", "az2"}),
                          component("b", 560, 0, {"az1"})};
        const auto zones = geometry::zoneAreas(doc, boxesOf(doc));
        QCOMPARE(zones.size(), size_t(2));
        QCOMPARE(zones[0].members, std::vector<int>{0});
        QCOMPARE(zones[1].members, std::vector<int>{2});
        QCOMPARE(zones[0].label, QString("az1"));
        checkFramesAreTrue(doc);
    }

    void twoSingleZoneClustersGetFramesHoldingNoForeignBox() {
        Document doc;
        doc.zones = {{"az1", "eu", 0.9995, {}}, {"az2", "eu", 0.9995, {}}};
        doc.components = {component("a1", 0, 0, {"az1"}), component("a2", 0, 120, {"az1"}),
                          component("b1", 400, 0, {"az2"}), component("b2", 400, 120, {"az2"})};
        const auto boxes = boxesOf(doc);
        const auto zones = geometry::zoneAreas(doc, boxes);
        QCOMPARE(zones.size(), size_t(2));
        QCOMPARE(zones[0].members, (std::vector<int>{0, 1}));
        QCOMPARE(zones[1].members, (std::vector<int>{2, 3}));
        QVERIFY(!zones[0].rect.intersects(zones[1].rect));
        QVERIFY(!zones[0].rect.intersects(boxes[2]) && !zones[0].rect.intersects(boxes[3]));
        QVERIFY(!zones[1].rect.intersects(boxes[0]) && !zones[1].rect.intersects(boxes[1]));
        // The label strip sits above the top box.
        QVERIFY(zones[0].rect.top() <= boxes[0].top() - geometry::kZoneLabel);
        checkFramesAreTrue(doc);

        // A zone that holds no component has no frame, and a component of az1 dropped
        // between the az2 pair breaks az2's frame in two rather than sit inside it.
        doc.zones.push_back({"az3", "eu", 0.9995, {}});
        doc.components.push_back(component("intruder", 400, 60, {"az1"}));
        doc.components[2].y = -60;
        doc.components[3].y = 180;
        const auto after = geometry::zoneAreas(doc, boxesOf(doc));
        for (const auto& a : after)
            QVERIFY(a.zone != 2);
        checkFramesAreTrue(doc);
    }

    void regionFramesNeverOverlap() {
        Document doc;
        doc.zones = {{"e1", "east", 0.9995, {}}, {"w1", "west", 0.9995, {}}};
        // East and west interleaved in one column: no region frame can hold either pair
        // without the other's box, and a frame around part of a region would say the rest
        // is elsewhere: no region frame at all.
        doc.components = {component("e_a", 0, 0, {"e1"}), component("w_a", 0, 100, {"w1"}),
                          component("e_b", 0, 200, {"e1"}), component("w_b", 0, 300, {"w1"}),
                          component("both", 400, 150, {"e1", "w1"})};
        const auto boxes = boxesOf(doc);
        const auto zones = geometry::zoneAreas(doc, boxes);
        const auto regions = geometry::regionAreas(doc, boxes, zones);
        QVERIFY(regions.empty());
        checkFramesAreTrue(doc);

        // Apart, each region gets one frame around its zone frames.
        doc.components = {component("e_a", 0, 0, {"e1"}), component("e_b", 0, 120, {"e1"}),
                          component("w_a", 600, 0, {"w1"}), component("w_b", 600, 120, {"w1"})};
        const auto apart = boxesOf(doc);
        const auto zonesApart = geometry::zoneAreas(doc, apart);
        const auto regionsApart = geometry::regionAreas(doc, apart, zonesApart);
        QCOMPARE(regionsApart.size(), size_t(2));
        QCOMPARE(regionsApart[0].region, std::string("east"));
        QVERIFY(regionsApart[0].rect.contains(zonesApart[0].rect));
        QVERIFY(!regionsApart[0].rect.intersects(regionsApart[1].rect));
        checkFramesAreTrue(doc);
    }

    void aLargeMixedDesignDrawsOnlyTrueFrames() {
        // 900 components in a 30 x 30 grid: zones by quarter, with one box in eight of
        // another zone or of two, so that frames must find their way round foreign boxes
        // among many (the frames are tested against the boxes near them, not all of them).
        Document doc;
        doc.zones = {{"a1", "east", 0.9995, {}},
                     {"a2", "east", 0.9995, {}},
                     {"b1", "west", 0.9995, {}},
                     {"b2", "west", 0.9995, {}}};
        unsigned seed = 12345;
        auto next = [&seed] {
            seed = seed * 1103515245u + 12345u;
            return (seed >> 16) & 0x7fff;
        };
        for (int row = 0; row < 30; ++row)
            for (int col = 0; col < 30; ++col) {
                const int quarter = (row >= 15 ? 2 : 0) + (col >= 15 ? 1 : 0);
                std::vector<std::string> zones{doc.zones[size_t(quarter)].id};
                if (next() % 8 == 0) zones = {doc.zones[next() % 4].id};
                if (next() % 16 == 0) zones.push_back(doc.zones[next() % 4].id);
                doc.components.push_back(component("c" + std::to_string(row * 30 + col),
                                                   col * 230.0, row * 150.0, zones));
            }
        const auto zones = geometry::zoneAreas(doc, boxesOf(doc));
        QVERIFY2(zones.size() > 20, qPrintable(QString::number(zones.size())));
        size_t framed = 0;
        for (const auto& z : zones)
            framed += z.members.size();
        QVERIFY2(framed > 300, qPrintable(QString::number(framed)));
        checkFramesAreTrue(doc);
    }

    void aNarrowBoxShowsTheChipsThatFitAndAPlusChip() {
        Document doc;
        for (int z = 1; z <= 6; ++z)
            doc.zones.push_back({"zone-" + std::to_string(z), "eu", 0.9995, {}});
        Component c =
            component("svc", 0, 0, {"zone-1", "zone-2", "zone-3", "zone-4", "zone-5", "zone-6"});
        c.width = 120;
        c.height = 64;
        const QRectF box = geometry::componentRect(c);
        const auto chips = geometry::zoneChips(doc, c, box);
        QVERIFY(chips.size() >= 2);
        QCOMPARE(chips.back().zone, -1);
        const int shown = int(chips.size()) - 1;
        QCOMPARE(chips.back().text, QStringLiteral("+%1").arg(6 - shown));
        for (const auto& chip : chips)
            QVERIFY2(geometry::zoneChipRow(box).contains(chip.rect), qPrintable(chip.text));
        // Wide enough, all six.
        c.width = 600;
        QCOMPARE(geometry::zoneChips(doc, c, geometry::componentRect(c)).size(), size_t(6));
    }

    void boxesWithZonesMakeRoomForTheirChips() {
        const Component plain = component("svc", 0, 0, {});
        const Component zoned = component("svc", 0, 0, {"az1"});
        QCOMPARE(geometry::componentRect(zoned).height(),
                 geometry::componentRect(plain).height() + geometry::kZoneChipRow);
        Component longName = zoned;
        longName.name = "A rather long service name that wraps";
        QCOMPARE(geometry::componentRect(longName).height(),
                 geometry::kTwoLineHeight + geometry::kZoneChipRow);
    }

    void chipTextIsReadableOnEveryZoneColour() {
        for (int i = 0; i < geometry::zoneColourCount(); ++i)
            QVERIFY2(contrast(geometry::zoneColour(i), geometry::zoneChipText()) >= 4.5,
                     qPrintable(geometry::zoneColour(i).name()));
        QVERIFY(contrast(geometry::zoneOverflowColour(), geometry::zoneChipText()) >= 4.5);
        // Distinct colours for the first zones of a design.
        for (int i = 0; i < geometry::zoneColourCount(); ++i)
            for (int j = i + 1; j < geometry::zoneColourCount(); ++j)
                QVERIFY(geometry::zoneColour(i) != geometry::zoneColour(j));
    }

    void examplesDrawOnlyTrueFramesAndChipsClearOfText_data() {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples"));
        for (const QString& f : dir.entryList({QStringLiteral("*.archlens")}, QDir::Files))
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
        QTest::newRow("zone-redundant")
            << QStringLiteral(ARCHLENS_TEST_DESIGNS "/zone-redundant.archlens");
    }

    void examplesDrawOnlyTrueFramesAndChipsClearOfText() {
        QFETCH(QString, file);
        auto loaded = readDocumentFile(file.toStdString(), Catalogue::builtin());
        QVERIFY(loaded.ok());
        const Document& doc = *loaded.document;
        checkFramesAreTrue(doc);
        // On each card, the chips touch none of its texts (name, kind, instance count) and
        // sit above the load bar; every zone a component lists has a chip (or a +N).
        for (const DiagramTheme& theme : {DiagramTheme::light(), DiagramTheme::darkTheme()}) {
            for (size_t i = 0; i < doc.components.size(); ++i) {
                const Component& c = doc.components[i];
                const QRectF box = geometry::componentRect(c);
                LabelShape label{box, LabelShape::Component, int(i), false, {}, 0, 0};
                const LabelContent content = labelContent(label, doc, Catalogue::builtin(), theme);
                const auto chips = geometry::zoneChips(doc, c, QRectF(QPointF(), box.size()));
                QCOMPARE(chips.empty(), geometry::componentZones(c).empty());
                for (const auto& chip : chips) {
                    QVERIFY(chip.rect.bottom() <= box.height() - 6);
                    for (const TextShape& t : content.texts) {
                        if (t.rect == chip.rect) continue; // the chip's own text
                        QVERIFY2(!t.rect.intersects(chip.rect),
                                 qPrintable(QString::fromStdString(c.id) + ": " + t.text));
                    }
                    for (const IconShape& icon : content.icons)
                        QVERIFY(!icon.rect.intersects(chip.rect));
                }
            }
        }
    }
};

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    ZoneGeometryTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_zone_geometry.moc"
