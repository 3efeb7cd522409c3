// Placeholder for the inspector and flows panel tests.
#include <QtTest>

class InspectorTest : public QObject {
    Q_OBJECT
private slots:
    void placeholder() { QVERIFY(true); }
};

QTEST_MAIN(InspectorTest)
#include "test_inspector.moc"
