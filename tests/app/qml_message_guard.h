#pragma once
// Any warning or error that QML prints while a UI test runs fails that test: a TypeError in
// a binding or a component that failed to load is a broken window even when the test's own
// checks pass. install() once in main(); each test class calls check() from cleanup() (and
// at the end of initTestCase), which fails the test with the messages printed since the
// last check.
#include <QMutex>
#include <QMutexLocker>
#include <QStringList>
#include <QTest>
#include <QtGlobal>
#include <cstdio>

namespace archlens::test {

class QmlMessageGuard {
public:
    static void install() { previous() = outer() = qInstallMessageHandler(&handle); }

    /// Puts the guard in front of the handler installed now. QTest::qExec installs a handler
    /// of its own when it starts, after main() ran install(), and that one passes no message
    /// on: without this the guard heard nothing during the tests. The window fixture
    /// (openMainWindow) attaches from inside the run, and so does every check.
    static void attach() {
        const QtMessageHandler current = qInstallMessageHandler(&handle);
        if (current != &handle) previous() = current;
    }

    /// The QML messages printed since the last call.
    static QStringList take() {
        QMutexLocker lock(&mutex());
        QStringList out;
        out.swap(messages());
        return out;
    }

    /// QML printed something: the messages, one a line; "" when it printed nothing.
    static QString failures() { return take().join(QLatin1Char('\n')); }

private:
    static bool fromQml(const QMessageLogContext& context, const QString& text) {
        const QLatin1String category(context.category ? context.category : "");
        if (category == QLatin1String("qml") || category == QLatin1String("js") ||
            category.startsWith(QLatin1String("qt.qml")))
            return true;
        const QLatin1String file(context.file ? context.file : "");
        // Release builds carry no file in the context, and some QML messages come under the
        // default category ("Could not attach Keys property to: X_QMLTYPE_5"): go by the text.
        return file.endsWith(QLatin1String(".qml")) || text.contains(QLatin1String("qml"), Qt::CaseInsensitive) ||
               text.contains(QLatin1String("qrc:/"));
    }

    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& text) {
        if (type != QtDebugMsg && type != QtInfoMsg && fromQml(context, text)) {
            QMutexLocker lock(&mutex());
            messages() << text;
        }
        // QTest's handler only while a test function runs: once qExec has ended it puts back
        // the handler it found (this one), and called then it fails an assertion.
        const QtMessageHandler next = QTest::currentTestFunction() ? previous() : outer();
        if (next)
            next(type, context, text);
        else
            std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, text)));
    }

    /// The handler before install(): where messages go outside the test run.
    static QtMessageHandler& outer() {
        static QtMessageHandler handler = nullptr;
        return handler;
    }
    static QtMessageHandler& previous() {
        static QtMessageHandler handler = nullptr;
        return handler;
    }
    static QStringList& messages() {
        static QStringList list;
        return list;
    }
    static QMutex& mutex() {
        static QMutex m;
        return m;
    }
};

} // namespace archlens::test

/// In a QTest slot: fails the test if QML printed a warning or an error since the last check.
#define ARCHLENS_VERIFY_NO_QML_MESSAGES()                                                          \
    do {                                                                                           \
        const QString archlensQmlMessages = archlens::test::QmlMessageGuard::failures();           \
        archlens::test::QmlMessageGuard::attach();                                                 \
        QVERIFY2(archlensQmlMessages.isEmpty(),                                                    \
                 qPrintable(QStringLiteral("QML printed:\n") + archlensQmlMessages));              \
    } while (false)
