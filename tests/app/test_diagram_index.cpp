// The canvas's look-ups by place (app/canvas/diagram_index.h) give what a scan of every
// box and curve gives: the topmost box under a point, the topmost connection near it, the
// boxes in a rectangle. Checked against such a scan on a generated design with overlapping
// boxes, long connections across the grid's squares and boxes across its edges.
#include "archlens/model/document.h"
#include "diagram_geometry.h"
#include "diagram_index.h"
#include "diagram_shapes.h"
#include "drag_plan.h"
#include "zone_geometry.h"

#include <QGuiApplication>
#include <QTest>
#include <algorithm>
#include <random>
#include <tuple>

using namespace archlens;

namespace {

Document scattered(int n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> at(-4000, 9000);
    Document doc;
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = "c" + std::to_string(i);
        c.kind = "app_service";
        c.name = "S" + std::to_string(i);
        c.x = at(rng);
        c.y = at(rng) / 2;
        doc.components.push_back(c);
    }
    // Some boxes on top of others, and some across the squares' edges.
    doc.components[1].x = doc.components[0].x + 20;
    doc.components[1].y = doc.components[0].y + 10;
    doc.components[2].x = DiagramIndex::kTile - 30;
    doc.components[2].y = -40;
    std::uniform_int_distribution<int> pick(0, n - 1);
    for (int i = 0; i < 2 * n; ++i) {
        Connection k;
        k.id = "k" + std::to_string(i);
        k.from = doc.components[size_t(pick(rng))].id;
        k.to = doc.components[size_t(pick(rng))].id;
        doc.connections.push_back(k);
    }
    return doc;
}

/// Each point's coordinates, exactly: a drag's curves must be those of a full drawing to
/// the bit, not within QPointF's fuzzy equality.
std::vector<double> coordinates(const std::optional<ConnectionCurve>& curve) {
    std::vector<double> out;
    if (curve)
        for (const QPointF& p : curve->points) {
            out.push_back(p.x());
            out.push_back(p.y());
        }
    return out;
}

/// The cards, lines and arrowheads of a drawing as sorted lists: the same drawing made of
/// two parts lists them in another order.
struct Drawn {
    std::vector<std::tuple<double, double, double, double, QRgb>> cards;
    std::vector<std::vector<double>> lines;
    std::vector<std::vector<double>> heads;
    void add(const DiagramShapes& s) {
        for (const BoxShape& b : s.cards.boxes)
            cards.emplace_back(b.rect.x(), b.rect.y(), b.rect.width(), b.rect.height(),
                               b.fill.rgba());
        for (const LineShape& l : s.connections.lines) {
            std::vector<double> v{double(l.colour.rgba())};
            for (const QPointF& p : l.points) {
                v.push_back(p.x());
                v.push_back(p.y());
            }
            lines.push_back(v);
        }
        for (const TriangleShape& t : s.arrowHeads.triangles)
            heads.push_back({t.points[0].x(), t.points[0].y(), t.points[1].x(), t.points[1].y(),
                             t.points[2].x(), t.points[2].y()});
    }
    void sort() {
        std::sort(cards.begin(), cards.end());
        std::sort(lines.begin(), lines.end());
        std::sort(heads.begin(), heads.end());
    }
};

int topmostBox(const std::vector<QRectF>& boxes, QPointF p) {
    for (size_t i = boxes.size(); i-- > 0;)
        if (boxes[i].contains(p)) return int(i);
    return -1;
}

int topmostConnection(const std::vector<std::optional<ConnectionCurve>>& curves, QPointF p,
                      double slop) {
    for (size_t i = curves.size(); i-- > 0;)
        if (curves[i] && geometry::distanceToCurve(*curves[i], p) <= slop) return int(i);
    return -1;
}

} // namespace

class DiagramIndexTest : public QObject {
    Q_OBJECT
private slots:
    void boxesAndCurvesAreThoseOfTheDocument() {
        const Document doc = scattered(300, 1);
        const DiagramIndex index(doc);
        QCOMPARE(index.boxes().size(), doc.components.size());
        for (size_t i = 0; i < doc.components.size(); ++i)
            QCOMPARE(index.boxes()[i], geometry::componentRect(doc.components[i]));
        QCOMPARE(index.curves().size(), doc.connections.size());
        QCOMPARE(index.componentRow("c17"), 17);
        QCOMPARE(index.componentRow("nope"), -1);
    }

    /// The zone and region frames are worked out once, in the index, and the scene draws
    /// them from there: the same frames as worked out from the boxes, drawn the same.
    void zoneAndRegionFramesAreThoseOfTheBoxes() {
        // Four bands of five rows, a zone each, the top two in one region and the bottom two
        // in another; the last column in no zone, and one box in two zones of its region.
        Document doc;
        for (int z = 0; z < 4; ++z)
            doc.zones.push_back({"az" + std::to_string(z), z < 2 ? "eu" : "us", 0.9995, {}});
        for (int band = 0; band < 4; ++band)
            for (int row = 0; row < 5; ++row)
                for (int col = 0; col < 12; ++col) {
                    Component c;
                    c.id = "b" + std::to_string(band) + "r" + std::to_string(row) + "c" +
                           std::to_string(col);
                    c.kind = "app_service";
                    c.name = c.id;
                    c.x = col * 260.0;
                    c.y = band * 900.0 + (band / 2) * 600.0 + row * 150.0;
                    if (col < 11)
                        c.props["zones"] = band == 0 && row == 2 && col == 4
                                               ? Json::array({"az0", "az1"})
                                               : Json::array({"az" + std::to_string(band)});
                    doc.components.push_back(c);
                }
        const DiagramIndex index(doc);
        const auto zones = geometry::zoneAreas(doc, index.boxes());
        const auto regions = geometry::regionAreas(doc, index.boxes(), zones);
        QVERIFY(!zones.empty());
        QVERIFY(!regions.empty());
        QCOMPARE(index.zones().size(), zones.size());
        for (size_t i = 0; i < zones.size(); ++i) {
            QCOMPARE(index.zones()[i].rect, zones[i].rect);
            QCOMPARE(index.zones()[i].members, zones[i].members);
        }
        QCOMPARE(index.regions().size(), regions.size());
        for (size_t i = 0; i < regions.size(); ++i) {
            QCOMPARE(index.regions()[i].rect, regions[i].rect);
            QCOMPARE(index.regions()[i].region, regions[i].region);
        }

        ShapeOptions own;
        own.parts = ShapeOptions::Content;
        ShapeOptions given = own;
        given.boxes = &index.boxes();
        given.curves = &index.curves();
        given.zones = &index.zones();
        given.regions = &index.regions();
        const auto theme = DiagramTheme::light();
        const auto a = diagramShapes(doc, Catalogue::builtin(), theme, own).areas.boxes;
        const auto b = diagramShapes(doc, Catalogue::builtin(), theme, given).areas.boxes;
        QCOMPARE(a.size(), zones.size() + regions.size());
        QCOMPARE(b.size(), a.size());
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(b[i].rect, a[i].rect);
            QCOMPARE(b[i].fill, a[i].fill);
        }
    }

    /// A drag is drawn in two parts: what does not move once, and what moves at every
    /// pointer move (drag_plan.h). Together they are what a drawing of the whole document
    /// with the drag gives: every box, every curve to the bit (a moving box reorders the
    /// ends spread along its neighbours' sides), every zone and region frame, and the
    /// cards, lines and arrowheads of the two parts together.
    void aDragIsDrawnAsAWholeDrawingWould() {
        Document doc = scattered(300, 5);
        doc.zones = {
            {"az0", "eu", 0.9995, {}}, {"az1", "eu", 0.9995, {}}, {"az2", "us", 0.9995, {}}};
        for (size_t i = 0; i < doc.components.size(); ++i)
            if (i % 4 != 3)
                doc.components[i].props["zones"] = Json::array({"az" + std::to_string(i % 4)});
        const DiagramIndex index(doc);
        // The component with the most connections, five at random, and one far from all.
        std::vector<int> degree(doc.components.size(), 0);
        for (const Connection& k : doc.connections) {
            ++degree[size_t(index.componentRow(k.from))];
            ++degree[size_t(index.componentRow(k.to))];
        }
        const int busiest = int(std::max_element(degree.begin(), degree.end()) - degree.begin());
        const std::vector<QSet<QString>> selections = {
            {QString::fromStdString(doc.components[size_t(busiest)].id)},
            {"c3", "c50", "c51", "c170", "c299", "k4"},
            {"nothing-of-the-document"}};
        const QPointF offsets[] = {{37.5, -12}, {-400, 260}, {2500, 1800}};
        const auto theme = DiagramTheme::light();
        int curvesMoved = 0;
        for (const QSet<QString>& selected : selections) {
            DragPlan plan(doc, index, selected);
            for (const QPointF& offset : offsets) {
                plan.place(doc, index, offset);
                const std::vector<QRectF> boxes = componentBoxes(doc, &selected, offset);
                QCOMPARE(plan.boxes(), boxes);
                const auto curves = geometry::connectionCurves(doc, boxes);
                QCOMPARE(plan.curves().size(), curves.size());
                for (size_t i = 0; i < curves.size(); ++i) {
                    QCOMPARE(coordinates(plan.curves()[i]), coordinates(curves[i]));
                    curvesMoved += coordinates(curves[i]) != coordinates(index.curves()[i]);
                }
                const auto zones = geometry::zoneAreas(doc, boxes);
                QCOMPARE(plan.zones().size(), zones.size());
                for (size_t i = 0; i < zones.size(); ++i) {
                    QCOMPARE(plan.zones()[i].rect, zones[i].rect);
                    QCOMPARE(plan.zones()[i].members, zones[i].members);
                }
                const auto regions = geometry::regionAreas(doc, boxes, zones);
                QCOMPARE(plan.regions().size(), regions.size());
                for (size_t i = 0; i < regions.size(); ++i)
                    QCOMPARE(plan.regions()[i].rect, regions[i].rect);

                ShapeOptions whole;
                whole.parts = ShapeOptions::Content;
                whole.selected = &selected;
                whole.dragOffset = offset;
                ShapeOptions still = whole;
                still.boxes = &index.boxes();
                still.curves = &index.curves();
                still.zones = &index.zones();
                still.regions = &index.regions();
                still.givenShowDrag = true;
                still.dragPart = ShapeOptions::DragPart::Still;
                still.movingComponents = &plan.movingComponents();
                still.movingConnections = &plan.movingConnections();
                ShapeOptions moving = still;
                moving.boxes = &plan.boxes();
                moving.curves = &plan.curves();
                moving.zones = &plan.zones();
                moving.regions = &plan.regions();
                moving.dragPart = ShapeOptions::DragPart::Moving;
                Drawn expected, parts;
                expected.add(diagramShapes(doc, Catalogue::builtin(), theme, whole));
                parts.add(diagramShapes(doc, Catalogue::builtin(), theme, still));
                const DiagramShapes movingShapes =
                    diagramShapes(doc, Catalogue::builtin(), theme, moving);
                parts.add(movingShapes);
                expected.sort();
                parts.sort();
                QCOMPARE(parts.cards.size(), expected.cards.size());
                QVERIFY(parts.cards == expected.cards);
                QCOMPARE(parts.lines.size(), expected.lines.size());
                QVERIFY(parts.lines == expected.lines);
                QVERIFY(parts.heads == expected.heads);
                // The areas go with the moving part, for the moved boxes.
                QCOMPARE(movingShapes.areas.boxes.size(), zones.size() + regions.size());
            }
        }
        // The offsets moved curves, or the comparison above said little.
        QVERIFY(curvesMoved > 20);
    }

    void lookUpsByPlaceAgreeWithAScan() {
        const Document doc = scattered(400, 2);
        const DiagramIndex index(doc);
        std::mt19937 rng(3);
        std::uniform_real_distribution<double> at(-4500, 9500);
        int boxesHit = 0, connectionsHit = 0;
        for (int i = 0; i < 3000; ++i) {
            // Half the points inside boxes, where the answers are not "nothing".
            QPointF p(at(rng), at(rng) / 2);
            if (i % 2 == 0) p = index.boxes()[size_t(i / 2 % 400)].center() + QPointF(3, 2);
            const int box = topmostBox(index.boxes(), p);
            QCOMPARE(index.componentAt(p), box);
            boxesHit += box >= 0;
            const int connection = topmostConnection(index.curves(), p, 6);
            QCOMPARE(index.connectionNear(p, 6), connection);
            connectionsHit += connection >= 0;
        }
        QVERIFY(boxesHit > 1000);
        QVERIFY(connectionsHit > 10);
        // Where box 1 lies over box 0, box 0 is never the answer (1, or a box above both).
        const QPointF both = index.boxes()[1].topLeft() + QPointF(1, 1);
        QVERIFY(index.boxes()[0].contains(both));
        QCOMPARE(index.componentAt(both), topmostBox(index.boxes(), both));
        QVERIFY(index.componentAt(both) >= 1);
    }

    void rectanglesListTheBoxesTheyTouchOnce() {
        const Document doc = scattered(400, 4);
        const DiagramIndex index(doc);
        const QRectF probes[] = {QRectF(-100, -100, 2000, 900), QRectF(5000, 0, 10, 10),
                                 QRectF(-1e6, -1e6, 2e6, 2e6), QRectF()};
        for (const QRectF& r : probes) {
            std::vector<int> expected;
            for (size_t i = 0; i < index.boxes().size(); ++i)
                if (r.intersects(index.boxes()[i])) expected.push_back(int(i));
            QCOMPARE(index.componentsIn(r), expected);
        }
    }
};

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv); // fonts: boxes are sized from their names
    DiagramIndexTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_diagram_index.moc"
