// The setup panel as a view over the table of fields, in the real window:
// each layer shows only its own fields (hidden, not greyed), every visible
// field has a What's-this naming its Keras argument, a value over its limit
// is kept and refused beside the field, an error does not move the fields,
// and loaded weights survive a shape change and come back (issues 7, 9, 10).
#include "ui/app_window/controller.h"
#include "core/io/spec_files.h"
#include "ui/app_window/main_window.h"
#include "ui/setup/setup_fields.h"
#include "ui/setup/setup_panel.h"
#include "ui/weights/weights_panel.h"

#include "core/layers/run.h"
#include "core/spec/spec.h"
#include "core/layers/weights_info.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

/// With ATTNVIZ_UI_SHOTS=DIR, save the window as DIR/NAME.png (for the README and the notes).
void shot(QWidget* w, const char* name) {
    if (const QByteArray dir = qgetenv("ATTNVIZ_UI_SHOTS"); !dir.isEmpty())
        w->grab().save(QStringLiteral("%1/%2.png").arg(QString::fromLocal8Bit(dir), QLatin1String(name)));
}

const core::LayerKind kLayers[] = {core::LayerKind::MultiHeadAttention, core::LayerKind::Attention,
                                   core::LayerKind::AdditiveAttention, core::LayerKind::GroupQueryAttention};

} // namespace

class TestSetupPanel : public QObject {
    Q_OBJECT
private slots:
    void init() {
        m_window = new MainWindow;
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_window->settle();
    }
    void cleanup() { delete m_window; }

    void eachLayerShowsOnlyItsFieldsEachWithWhatsThis() {
        SetupPanel* panel = m_window->setupPanel();
        for (core::LayerKind layer : kLayers) {
            QVERIFY(panel->applySetting(QStringLiteral("layer"), QString::fromLatin1(core::layerName(layer))));
            m_window->settle();
            int visible = 0;
            for (const FieldDef& f : setupFields()) {
                const QString name = QLatin1String(f.name);
                QWidget* w = panel->widgetForSetting(name);
                QVERIFY2(w, qPrintable(name));
                if (f.special)
                    continue; // the input pages show one source at a time
                // Only the layer's own options: hidden, not greyed.
                QCOMPARE(w->isVisibleTo(panel), f.hasLayer(layer));
                if (QLabel* label = panel->fieldLabel(name))
                    QCOMPARE(label->isVisibleTo(panel), f.hasLayer(layer));
            }
            // Every field on screen (special ones included) explains itself with its Keras argument.
            for (const FieldDef& f : setupFields()) {
                QWidget* w = panel->widgetForSetting(QLatin1String(f.name));
                if (!w->isVisibleTo(panel))
                    continue;
                ++visible;
                QVERIFY2(!w->whatsThis().isEmpty(), f.name);
                QVERIFY2(w->whatsThis().contains(QLatin1String(f.kerasArgFor(layer))),
                         qPrintable(QLatin1String(f.name) + QStringLiteral(": ") + w->whatsThis()));
            }
            QVERIFY(visible >= 12);
        }
        // The case: AdditiveAttention has no score_mode, use_bias or Transformer sub-layer.
        QVERIFY(panel->applySetting(QStringLiteral("layer"), QStringLiteral("AdditiveAttention")));
        for (const char* name : {"score_mode", "use_bias", "transformer"})
            QVERIFY2(!panel->widgetForSetting(QLatin1String(name))->isVisibleTo(panel), name);
        // GroupQueryAttention's own names for the shared fields, in the label and the What's-this.
        QVERIFY(panel->applySetting(QStringLiteral("layer"), QStringLiteral("GroupQueryAttention")));
        QCOMPARE(panel->fieldLabel(QStringLiteral("key_dim"))->text(), QStringLiteral("head_dim:"));
        QVERIFY(panel->keyDimSpin()->whatsThis().contains(QLatin1String("head_dim")));
        QVERIFY(panel->headsSpin()->whatsThis().contains(QLatin1String("num_query_heads")));
    }

    void aLengthOverTheLimitIsKeptAndExplainedBesideTheField() {
        SetupPanel* panel = m_window->setupPanel();
        Controller* c = m_window->controller();
        const auto good = c->trace();
        QSpinBox* T = panel->queryLenSpin();
        T->setFocus();
        T->selectAll();
        QTest::keyClicks(T, QStringLiteral("20000"));
        m_window->settle();
        QCOMPARE(T->value(), 20000); // what was typed, not the limit
        QLabel* note = panel->fieldNote(QStringLiteral("query_len"));
        QVERIFY(note && note->isVisibleTo(panel));
        for (const char* word : {"8192", "memory"})
            QVERIFY2(note->text().contains(QLatin1String(word)), qPrintable(note->text()));
        // The whole message, with what was received, under the form and in the status line.
        QVERIFY2(panel->errorLabel()->text().contains(QLatin1String("Received: query_len=20000")),
                 qPrintable(panel->errorLabel()->text()));
        // Named as the form names the field, not by the spec's path.
        QVERIFY2(panel->errorLabel()->text().startsWith(QLatin1String("<b>Query length")),
                 qPrintable(panel->errorLabel()->text()));
        QVERIFY(c->hasError());
        QCOMPARE(c->errorField(), QStringLiteral("shapes.query_len"));
        QVERIFY(SetupPanel::isMarked(T));
        QVERIFY(c->trace() == good); // nothing computed, the last result stays
        shot(m_window, "setup_limit_note");
        // Back under the limit: the note goes, the layer computes.
        T->selectAll();
        QTest::keyClicks(T, QStringLiteral("6"));
        m_window->settle();
        QVERIFY(!note->isVisibleTo(panel));
        QVERIFY2(!c->hasError(), qPrintable(c->errorMessage()));
        QCOMPARE(c->trace()->find("query")->value.dim(1), 6);
    }

    void anErrorDoesNotMoveTheFields() {
        SetupPanel* panel = m_window->setupPanel();
        QWidget* fields[] = {panel->layerCombo(), panel->keyDimSpin(), panel->queryLenSpin(), panel->seedSpin()};
        std::vector<QPoint> before;
        for (QWidget* w : fields)
            before.push_back(w->mapTo(m_window, QPoint(0, 0)));
        QVERIFY(panel->applySetting(QStringLiteral("key_dim"), QStringLiteral("0")));
        m_window->settle();
        QVERIFY(m_window->controller()->hasError());
        QVERIFY(panel->errorLabel()->isVisible());
        QVERIFY(!panel->errorLabel()->toolTip().isEmpty()); // the whole message, however long
        for (size_t i = 0; i < std::size(fields); ++i)
            QCOMPARE(fields[i]->mapTo(m_window, QPoint(0, 0)), before[i]);
        shot(m_window, "setup_error");
        // The error, long as it may be, stays readable: it wraps within the panel's width.
        QVERIFY(panel->errorLabel()->wordWrap());
        QVERIFY(panel->errorLabel()->width() <= panel->width());
    }

    void loadedWeightsAreKeptAcrossAShapeChangeAndComeBack() {
        // Identity kernels in a weights.npz, as a student would write for "MHA with one head = Attention".
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        core::Spec spec;
        spec.config.numHeads = 1;
        spec.config.keyDim = 16;
        spec.shapes.queryFeatures = spec.shapes.valueFeatures = 16;
        std::map<std::string, core::Tensor> weights;
        for (const core::WeightInfo& w : core::weightsInfo(spec)) {
            const auto id = core::identityWeight(w, nullptr);
            weights[w.key] = id ? *id : core::Tensor(w.shape);
        }
        const QString path = dir.filePath(QStringLiteral("spec.json"));
        core::saveSpec(path.toStdString(), spec, weights);
        QString error;
        QVERIFY2(m_window->openSpec(path, &error), qPrintable(error));
        Controller* c = m_window->controller();
        SetupPanel* panel = m_window->setupPanel();
        auto paramsAreTheFile = [&] {
            const auto& params = c->trace()->params;
            if (params.size() != weights.size())
                return false;
            for (const auto& [key, t] : weights)
                if (!params.count(key) || params.at(key).values() != t.values())
                    return false;
            return true;
        };
        QVERIFY(paramsAreTheFile());
        QVERIFY2(panel->weightsSourceLabel()->text().contains(QLatin1String("weights.npz")),
                 qPrintable(panel->weightsSourceLabel()->text()));

        // 16 -> 8: the file's kernels no longer fit; the panel says which and what they need, and keeps them.
        panel->keyDimSpin()->setValue(8);
        m_window->settle();
        QVERIFY2(!c->hasError(), qPrintable(c->errorMessage()));
        QVERIFY(!paramsAreTheFile());
        QCOMPARE(c->trace()->params.at("query_dense/kernel").shape(), (core::Shape{16, 1, 8}));
        const QString aside = panel->weightsSourceLabel()->text();
        QVERIFY2(aside.contains(QLatin1String("kept aside")), qPrintable(aside));
        QVERIFY2(aside.contains(QLatin1String("query_dense/kernel needs shape (16, 1, 8)")), qPrintable(aside));
        QVERIFY2(aside.contains(QLatin1String("seed")), qPrintable(aside));
        shot(m_window, "setup_weights_kept_aside");

        // 8 -> 16: the file's weights are back, and the label says so.
        panel->keyDimSpin()->setValue(16);
        m_window->settle();
        QVERIFY(paramsAreTheFile());
        const QString back = panel->weightsSourceLabel()->text();
        QVERIFY2(back.contains(QLatin1String("weights.npz")) && !back.contains(QLatin1String("kept aside")),
                 qPrintable(back));
    }

    void theWeightsPanelListsEditsAndPresets() {
        SetupPanel* panel = m_window->setupPanel();
        Controller* c = m_window->controller();
        for (const char* set : {"heads=1", "key_dim=8", "query_width=8", "value_width=8"}) {
            const QString s = QString::fromLatin1(set);
            QVERIFY(panel->applySetting(s.section(QLatin1Char('='), 0, 0), s.section(QLatin1Char('='), 1)));
        }
        // On show (behind another tab the panel waits for the next trace until it is shown).
        m_window->centreTabs()->setCurrentWidget(m_window->centreTabs()->widget(4));
        m_window->settle();
        WeightsPanel* weights = m_window->weightsPanel();
        QVERIFY(weights->isVisible());
        QTableWidget* table = weights->weightsTable();
        const core::Spec& spec = c->traceSpec();
        const auto info = core::weightsInfo(spec);
        QCOMPARE(table->rowCount(), int(info.size()));
        // Keras name, key, shape, initializer, count and source per row; the total is count_params().
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("query/kernel"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("(8, 1, 8)"));
        QVERIFY(table->item(0, 1)->toolTip().contains(QLatin1String("(query_features, num_heads, key_dim)")));
        QCOMPARE(table->item(0, 2)->text(), QLocale().toString(64));
        QVERIFY(table->item(0, 3)->text().contains(QLatin1String("seed")));
        QVERIFY(table->item(0, 4)->text().contains(QLatin1String("glorot_uniform")));
        QCOMPARE(table->item(0, 5)->text(), QStringLiteral("query_dense/kernel"));
        QVERIFY2(weights->totalLabel()->text().contains(QLocale().toString(qlonglong(core::countParams(spec)))),
                 qPrintable(weights->totalLabel()->text()));

        // Identity on the query kernel: the trace computes with it, and the source says so.
        QVERIFY(weights->selectWeight(QStringLiteral("query_dense/kernel")));
        QVERIFY(weights->identityButton()->isEnabled());
        QVERIFY(weights->applyPreset(WeightsPanel::Preset::Identity));
        m_window->settle();
        const core::Tensor& q = c->trace()->params.at("query_dense/kernel");
        for (int r = 0; r < 8; ++r)
            for (int col = 0; col < 8; ++col)
                QCOMPARE(q.values()[size_t(r * 8 + col)], r == col ? 1.0f : 0.0f);
        // query_dense = query · I + 0 bias: the projected queries are the inputs.
        QVERIFY(c->trace()->find("query_dense")->value.values() == c->trace()->find("query")->value.values());
        QCOMPARE(weights->selectedKey(), QStringLiteral("query_dense/kernel"));
        QVERIFY(table->item(0, 3)->text().contains(QLatin1String("identity")));
        QVERIFY(panel->weightsSourceLabel()->text().contains(QLatin1String("identity")));

        // A cell edit: the trace uses the typed number.
        QTableView* values = weights->valuesView();
        QVERIFY(values->model()->setData(values->model()->index(2, 3), 0.5));
        m_window->settle();
        QCOMPARE(c->trace()->params.at("query_dense/kernel").values()[2 * 8 + 3], 0.5f);
        QVERIFY(table->item(0, 3)->text().contains(QLatin1String("edited")));

        // Redraw from seed: back to Keras' initializer.
        const core::Spec seeded = [&] {
            core::Spec s = c->traceSpec();
            s.weights.clear();
            return s;
        }();
        QVERIFY(weights->applyPreset(WeightsPanel::Preset::Seed));
        m_window->settle();
        QVERIFY(c->trace()->params.at("query_dense/kernel").values() ==
                core::resolveWeights(seeded).at("query_dense/kernel").values());

        // Two heads: the query kernel is 8 × 16, no identity, and the panel says why.
        QVERIFY(panel->applySetting(QStringLiteral("heads"), QStringLiteral("2")));
        m_window->settle();
        QVERIFY(weights->selectWeight(QStringLiteral("query_dense/kernel")));
        QVERIFY(!weights->identityButton()->isEnabled());
        QString why;
        QVERIFY(!weights->applyPreset(WeightsPanel::Preset::Identity, &why));
        QVERIFY2(why.contains(QLatin1String("not square")), qPrintable(why));
        // Biases are vectors: zeros and ones, no identity.
        QVERIFY(weights->selectWeight(QStringLiteral("query_dense/bias")));
        QVERIFY(weights->applyPreset(WeightsPanel::Preset::Ones));
        m_window->settle();
        for (float v : c->trace()->params.at("query_dense/bias").values())
            QCOMPARE(v, 1.0f);
    }

private:
    MainWindow* m_window = nullptr;
};

QTEST_MAIN(TestSetupPanel)
#include "test_setup_panel.moc"
