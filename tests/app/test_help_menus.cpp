// The menu bar and the Help menu in the real main window: every entry reads as text (no
// mnemonic marks), fits beside its shortcut and leaves room for a check mark; Help opens a
// keyboard-shortcut sheet read from the menus, the list of the critique's rules, and About.
#include "archlens/analysis/rules.h"
#include "document_controller.h"

#include "main_window_fixture.h"
#include "qml_message_guard.h"

#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQmlListReference>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

using namespace archlens;

namespace {

/// Every visible text label inside an item, depth first.
void labelsIn(QQuickItem* item, QList<QQuickItem*>& out) {
    if (item->isVisible() && item->metaObject()->indexOfProperty("text") >= 0 &&
        QByteArray(item->metaObject()->className()).contains("Label"))
        out << item;
    for (QQuickItem* child : item->childItems())
        labelsIn(child, out);
}

} // namespace

class HelpMenusTest : public QObject {
    Q_OBJECT

    QQmlApplicationEngine* engine_ = nullptr;
    QQuickWindow* window_ = nullptr;
    DocumentController* controller_ = nullptr;
    QObject* menuBar_ = nullptr;

    /// Opens the menu bar's menu number `index`, checks each entry, closes it again.
    void checkMenu(int index) {
        QObject* menu = QQmlListReference(menuBar_, "menus").at(index);
        QVERIFY(menu);
        const QString title = menu->property("title").toString().remove(QLatin1Char('&'));
        QMetaObject::invokeMethod(menu, "open");
        QTRY_VERIFY(menu->property("opened").toBool());
        const int count = menu->property("count").toInt();
        const double menuWidth = menu->property("width").toDouble();
        QVERIFY2(count > 0, qPrintable(title));
        for (int i = 0; i < count; ++i) {
            QQuickItem* entry = nullptr;
            QMetaObject::invokeMethod(menu, "itemAt", Q_RETURN_ARG(QQuickItem*, entry),
                                      Q_ARG(int, i));
            if (!entry || entry->height() < 4) continue; // a separator
            QList<QQuickItem*> labels;
            labelsIn(entry, labels);
            QVERIFY2(!labels.isEmpty(), qPrintable(title + " entry " + QString::number(i)));
            const QString text = labels.front()->property("text").toString();
            QVERIFY2(!text.contains(QLatin1Char('&')),
                     qPrintable(title + ": \"" + text + "\" shows a mnemonic mark"));
            QVERIFY2(entry->implicitWidth() <= menuWidth + 0.5,
                     qPrintable(title + ": \"" + text + "\" is wider than its menu"));
            const QRectF textBox =
                labels.front()->mapRectToItem(entry, labels.front()->boundingRect());
            // The text never starts under the check mark of a checkable entry.
            if (entry->property("checkable").toBool()) {
                auto* indicator = qvariant_cast<QQuickItem*>(entry->property("indicator"));
                QVERIFY(indicator);
                const QRectF mark = indicator->mapRectToItem(entry, indicator->boundingRect());
                const double textStart =
                    textBox.left() + labels.front()->property("leftPadding").toDouble();
                QVERIFY2(textStart >= mark.right(),
                         qPrintable(title + ": \"" + text + "\" starts under its check mark"));
            }
            if (labels.size() > 1 && !labels.at(1)->property("text").toString().isEmpty()) {
                const QRectF keys =
                    labels.at(1)->mapRectToItem(entry, labels.at(1)->boundingRect());
                const double textRight = textBox.left() + labels.front()->implicitWidth();
                QVERIFY2(
                    textRight + 8 <= keys.left(),
                    qPrintable(
                        title + ": \"" + text + "\" runs into its shortcut (" +
                        QString("menu %1, entry %2 of implicit %3, text ends %4, keys start %5")
                            .arg(menuWidth)
                            .arg(entry->width())
                            .arg(entry->implicitWidth())
                            .arg(textRight)
                            .arg(keys.left()) +
                        ")"));
            }
        }
        QMetaObject::invokeMethod(menu, "close");
        QTRY_VERIFY(!menu->property("visible").toBool());
    }

private slots:
    void cleanup() { ARCHLENS_VERIFY_NO_QML_MESSAGES(); }

    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        engine_ = new QQmlApplicationEngine(this);
        window_ = test::openMainWindow(*engine_);
        QVERIFY(window_);
        controller_ = test::documentController(*engine_);
        QVERIFY(controller_);
        menuBar_ = qvariant_cast<QObject*>(window_->property("menuBar"));
        QVERIFY(menuBar_);
        ARCHLENS_VERIFY_NO_QML_MESSAGES();
    }

    void everyMenuEntryReadsAsTextBesideItsShortcut() {
        // A long undo text is the hardest case for the Edit menu.
        QVERIFY(controller_->openFile(QStringLiteral(ARCHLENS_RESOURCES_DIR) +
                                      "/examples/url-shortener.archlens"));
        const QString id = QString::fromStdString(controller_->document().components.at(1).id);
        QVERIFY(
            controller_->setAttribute(id, "name", "A component with a really rather long name"));
        QVERIFY(controller_->undoText().startsWith("Rename "));
        const int menus = menuBar_->property("count").toInt();
        QCOMPARE(menus, 5);
        for (int i = 0; i < menus && !QTest::currentTestFailed(); ++i)
            checkMenu(i);
    }

    void f1OpensTheShortcutSheetReadFromTheMenus() {
        auto* dialog = window_->findChild<QObject*>("shortcutsDialog");
        QVERIFY(dialog);
        window_->requestActivate();
        QTest::keyClick(window_, Qt::Key_F1);
        QTRY_VERIFY(dialog->property("opened").toBool());
        const QVariantList rows = dialog->property("rows").toList();
        auto keysOf = [&](const QString& where, const QString& what) {
            for (const QVariant& row : rows) {
                const QVariantMap r = row.toMap();
                if (r["where"] == where && r["what"] == what) return r["keys"].toString();
            }
            return QString();
        };
        QCOMPARE(keysOf("File", "New"), QString("Ctrl+N"));
        QCOMPARE(keysOf("Edit", "Undo"), QString("Ctrl+Z"));
        QCOMPARE(keysOf("Edit", "Redo"), QString("Ctrl+Shift+Z or Ctrl+Y"));
        QCOMPARE(keysOf("Edit", "Delete"), QString("Delete or Backspace"));
        QCOMPARE(keysOf("Arrange", "Automatic Layout"), QString("Ctrl+L"));
        QCOMPARE(keysOf("Help", "Keyboard Shortcuts"), QString("F1"));
        QVERIFY(!keysOf("Canvas", "Pan").isEmpty());
        for (const QVariant& row : rows)
            QVERIFY2(!row.toMap()["what"].toString().contains(QLatin1Char('&')),
                     qPrintable(row.toMap()["what"].toString()));
        QTest::keyClick(window_, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->property("visible").toBool());
    }

    void helpListsEveryRuleAndSearchesThem() {
        auto* dialog = window_->findChild<QObject*>("rulesDialog");
        QVERIFY(dialog);
        QMetaObject::invokeMethod(dialog, "open");
        QTRY_VERIFY(dialog->property("opened").toBool());
        auto* list = test::findItem(window_->contentItem(), "ruleList");
        QVERIFY(list);
        QCOMPARE(list->property("count").toInt(), int(ruleInfos().size()));
        // Typing goes to the search field, which has the focus when the dialog opens.
        for (const QChar c : QStringLiteral("dead-letter"))
            QTest::keyClick(window_, c.toLatin1());
        QTRY_VERIFY(list->property("count").toInt() < int(ruleInfos().size()));
        int expected = 0;
        for (const RuleInfo& r : ruleInfos())
            if (QString::fromStdString(r.id + " " + r.title + " " + r.guideSection + " " +
                                       r.suggestion)
                    .contains("dead-letter", Qt::CaseInsensitive))
                ++expected;
        QVERIFY(expected > 0);
        QCOMPARE(list->property("count").toInt(), expected);
        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());
    }

    void aboutSaysWhatTheProgramIs() {
        auto* dialog = window_->findChild<QObject*>("aboutDialog");
        QVERIFY(dialog);
        QMetaObject::invokeMethod(dialog, "open");
        QTRY_VERIFY(dialog->property("opened").toBool());
        QList<QQuickItem*> labels;
        labelsIn(qvariant_cast<QQuickItem*>(dialog->property("contentItem")), labels);
        QStringList texts;
        for (QQuickItem* l : labels)
            texts << l->property("text").toString();
        const QString all = texts.join('\n');
        QVERIFY2(all.contains(QString::number(ruleInfos().size()) + " rules"), qPrintable(all));
        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());
    }
};

int main(int argc, char** argv) {
    archlens::test::QmlMessageGuard::install();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ArchLensTests");
    QApplication::setApplicationName("help-menus");
    QQuickStyle::setStyle("Fusion");
    HelpMenusTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_help_menus.moc"
