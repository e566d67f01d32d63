// The setup panel's rows of the bad-input table (issue 4; the spec loader's
// rows are tests/core/test_bad_inputs.cpp, the CLI's tests/cli). Each row
// types bad values into the panel as a user would (SetupPanel::applySetting)
// and checks: the right field is marked, the message says what is wrong in
// words, the last good trace stays on screen unchanged, and what was typed
// is still in the fields.
#include "ui/app_window/controller.h"
#include "ui/app_window/main_window.h"
#include "ui/setup/setup_panel.h"
#include "ui/timeline/trace_model.h"

#include "core/io/npy.h"

#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

/// A hand-made .npy: magic, version 1.0, a header dict padded to 64 bytes, then `data`.
QByteArray npyBytes(const QByteArray& dict, const QByteArray& data) {
    QByteArray header = dict;
    while ((10 + header.size() + 1) % 64 != 0)
        header += ' ';
    header += '\n';
    QByteArray out("\x93NUMPY\x01\x00", 8);
    out += char(header.size() & 0xff);
    out += char(header.size() >> 8);
    return out + header + data;
}

} // namespace

class TestSetupBadInputs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto write = [&](const QString& name, const QByteArray& bytes) {
            QFile f(m_dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        core::Tensor good(core::Shape{1, 4, 8}), rank2(core::Shape{4, 8}), batch2(core::Shape{2, 4, 8});
        core::writeNpy(m_dir.filePath(QStringLiteral("good.npy")).toStdString(), good);
        core::writeNpy(m_dir.filePath(QStringLiteral("rank2.npy")).toStdString(), rank2);
        core::writeNpy(m_dir.filePath(QStringLiteral("batch2.npy")).toStdString(), batch2);
        write(QStringLiteral("corrupt.npy"), QByteArray("this is not a NumPy file at all, just some bytes"));
        const QByteArray goodBytes = QByteArray::fromStdString(core::serializeNpy(good));
        write(QStringLiteral("truncated.npy"), goodBytes.left(goodBytes.size() - 17));
        write(QStringLiteral("int32.npy"),
              npyBytes("{'descr': '<i4', 'fortran_order': False, 'shape': (1, 4, 8), }", QByteArray(128, '\0')));
        write(QStringLiteral("lying.npy"), npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 4000, "
                                                    "8000), }",
                                                    QByteArray(128, '\0')));
    }

    void init() {
        m_window = new MainWindow;
        m_window->recomputeNow();
        QVERIFY(m_window->controller()->trace());
        QVERIFY(!m_window->controller()->hasError());
    }
    void cleanup() { delete m_window; }

    void badValueIsMarkedAndNothingIsLost_data() {
        QTest::addColumn<QStringList>("sets");  // NAME=VALUE, typed in this order; @ = the temp folder
        QTest::addColumn<QString>("marked");    // the setting whose widget must be marked
        QTest::addColumn<QStringList>("words"); // each must appear in the message (case-insensitive)
        const auto row = [](const char* name, QStringList sets, const char* marked, QStringList words) {
            QTest::newRow(name) << sets << QString::fromLatin1(marked) << words;
        };
        using L = QStringList;
        row("key_dim 0", L{"key_dim=0"}, "key_dim", L{"key_dim", "Received: key_dim=0"});
        row("heads 0", L{"heads=0"}, "heads", L{"num_heads", "Received: num_heads=0"});
        row("batch 0", L{"batch=0"}, "batch", L{"batch", "0"});
        row("query length 0", L{"query_len=0"}, "query_len", L{"query_len", "0"});
        row("source length 0", L{"source_len=0"}, "source_len", L{"source_len", "0"});
        row("query width 0", L{"query_width=0"}, "query_width", L{"query_features", "0"});
        row("additive widths differ", L{"layer=AdditiveAttention", "query_width=6"}, "query_width",
            L{"AdditiveAttention", "query_features=6"});
        row("attention widths differ", L{"layer=Attention", "query_width=6"}, "query_width",
            L{"same last dimension", "query_features=6"});
        row("attention key width differs", L{"layer=Attention", "key_width=5"}, "key_width",
            L{"same last dimension", "key_features=5"});
        row("transformer output width", L{"transformer=true", "output_width=5"}, "output_width", L{"output", "5", "8"});
        row("padding past the end", L{"source_padding=1 9"}, "source_padding", L{"outside", "0 to 3", "9"});
        row("query padding past the end", L{"query_padding=4"}, "query_padding", L{"outside", "4"});
        row("padding not a number", L{"query_padding=1 x"}, "query_padding", L{"not a position", "x"});
        row("sentence empty", L{"inputs=sentence", "sentence=   "}, "sentence", L{"empty", "word"});
        row("npy missing", L{"query_npy=@/missing.npy", "value_npy=@/good.npy"}, "query_npy", L{"missing.npy"});
        row("npy wrong rank", L{"query_npy=@/rank2.npy", "value_npy=@/good.npy"}, "query_npy", L{"query", "(4, 8)"});
        row("npy corrupt", L{"query_npy=@/corrupt.npy", "value_npy=@/good.npy"}, "query_npy", L{"corrupt.npy"});
        row("npy truncated", L{"query_npy=@/good.npy", "value_npy=@/truncated.npy"}, "value_npy", L{"truncated.npy"});
        row("npy int32", L{"query_npy=@/int32.npy", "value_npy=@/good.npy"}, "query_npy", L{"int32.npy", "<i4"});
        row("npy header lies", L{"query_npy=@/lying.npy", "value_npy=@/good.npy"}, "query_npy", L{"lying.npy"});
        row("npy batch differs", L{"query_npy=@/good.npy", "value_npy=@/batch2.npy"}, "value_npy", L{"batch", "2"});
        row("npy value not chosen", L{"inputs=files", "query_npy=@/good.npy"}, "value_npy", L{"value"});
    }

    void badValueIsMarkedAndNothingIsLost() {
        QFETCH(QStringList, sets);
        QFETCH(QString, marked);
        QFETCH(QStringList, words);
        Controller* c = m_window->controller();
        SetupPanel* panel = m_window->setupPanel();
        const auto good = c->trace();
        const std::vector<float> goodOutput = good->find("output")->value.values();
        const int goodSteps = c->stepCount();

        QStringList typed;
        for (QString set : sets) {
            set.replace(QLatin1Char('@'), m_dir.path());
            const qsizetype eq = set.indexOf(QLatin1Char('='));
            QString error;
            QVERIFY2(panel->applySetting(set.left(eq), set.mid(eq + 1), &error), qPrintable(error));
            typed << set;
        }
        m_window->recomputeNow();

        // (b) the message, in words, in the controller, the panel and the status line.
        QVERIFY2(c->hasError(), "no error for a bad value");
        const QString message = c->errorMessage();
        for (const QString& w : words) {
            QVERIFY2(message.contains(w, Qt::CaseInsensitive),
                     qPrintable(QStringLiteral("“%1” not in: %2").arg(w, message)));
            QVERIFY2(panel->errorLabel()->text().contains(w.toHtmlEscaped(), Qt::CaseInsensitive),
                     qPrintable(panel->errorLabel()->text()));
            QVERIFY(m_window->statusMessage()->text().contains(w, Qt::CaseInsensitive));
        }
        // (a) the field is marked, with the message as its tooltip.
        QWidget* field = panel->widgetForSetting(marked);
        QVERIFY(field);
        QVERIFY2(SetupPanel::isMarked(field),
                 qPrintable(QStringLiteral("%1 not marked; error field %2").arg(marked, c->errorField())));
        QCOMPARE(field->toolTip(), message);
        if (const QByteArray shots = qgetenv("ATTNVIZ_UI_SHOTS"); !shots.isEmpty()) {
            m_window->resize(1280, 800);
            m_window->settle();
            m_window->grab().save(
                QStringLiteral("%1/bad_%2.png")
                    .arg(QString::fromLocal8Bit(shots),
                         QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'))));
        }
        // (c) the last good trace is still shown, values and all.
        QVERIFY(c->trace() == good);
        QCOMPARE(c->stepCount(), goodSteps);
        QCOMPARE(m_window->traceModel()->rowCount(), goodSteps);
        QVERIFY(c->trace()->find("output")->value.values() == goodOutput);
        // (d) what was typed is still in the fields.
        const QJsonObject fields = panel->sessionState().value(QStringLiteral("fields")).toObject();
        for (const QString& set : typed) {
            const qsizetype eq = set.indexOf(QLatin1Char('='));
            const QString name = set.left(eq), value = set.mid(eq + 1);
            QString shown = fields.value(name).toVariant().toString();
            if (name == QLatin1String("layer") || name == QLatin1String("inputs"))
                QVERIFY(shown.compare(value, Qt::CaseInsensitive) == 0);
            else if (name == QLatin1String("transformer"))
                QCOMPARE(fields.value(name).toBool(), true);
            else
                QCOMPARE(shown, value);
        }

        // And fixing it clears the mark.
        QVERIFY(panel->applySetting(QStringLiteral("inputs"), QStringLiteral("random")));
        for (const char* reset : {"layer=MultiHeadAttention", "heads=2", "key_dim=4", "batch=1", "query_len=4",
                                  "source_len=4", "query_width=8", "value_width=8", "key_width=auto",
                                  "output_width=auto", "transformer=false", "query_padding=", "source_padding="}) {
            const QString r = QString::fromLatin1(reset);
            const qsizetype eq = r.indexOf(QLatin1Char('='));
            QVERIFY(panel->applySetting(r.left(eq), r.mid(eq + 1)));
        }
        m_window->recomputeNow();
        QVERIFY2(!c->hasError(), qPrintable(c->errorMessage()));
        QVERIFY(!SetupPanel::isMarked(field));
    }

private:
    QTemporaryDir m_dir;
    MainWindow* m_window = nullptr;
};

QTEST_MAIN(TestSetupBadInputs)
#include "test_setup_bad_inputs.moc"
