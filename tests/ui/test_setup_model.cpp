// The setup model without widgets (ui/setup/setup_fields): every field of the
// table maps to Spec fields, SetupState <-> core::Spec round-trips for every
// layer, limits are refused in words with the value kept, and the table's
// What's-this names each field's Keras argument.
#include "ui/setup/setup_fields.h"

#include <QCoreApplication>
#include <QSet>
#include <QTest>

#include <random>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

/// The parts of a spec the setup fields describe, for one layer.
void compareSpecs(const core::Spec& a, const core::Spec& b) {
    const auto& x = a.config;
    const auto& y = b.config;
    QCOMPARE(int(x.layer), int(y.layer));
    if (core::hasHeads(x.layer)) {
        QCOMPARE(x.numHeads, y.numHeads);
        QCOMPARE(x.keyDim, y.keyDim);
        QCOMPARE(x.slidingWindow, y.slidingWindow);
        QCOMPARE(x.useGate, y.useGate);
        QCOMPARE(x.useBias, y.useBias);
    }
    if (x.layer == core::LayerKind::GroupQueryAttention)
        QCOMPARE(x.numKeyValueHeads, y.numKeyValueHeads);
    if (x.layer == core::LayerKind::MultiHeadAttention) {
        QCOMPARE(x.valueDim, y.valueDim);
        QCOMPARE(x.outputShape, y.outputShape);
        QCOMPARE(x.transformerSublayer, y.transformerSublayer);
    }
    if (!core::hasHeads(x.layer))
        QCOMPARE(x.effectiveUseScale(), y.effectiveUseScale());
    if (x.layer == core::LayerKind::Attention)
        QCOMPARE(int(x.scoreMode), int(y.scoreMode));
    QCOMPARE(x.dropout, y.dropout);
    QCOMPARE(a.call.useCausalMask, b.call.useCausalMask);
    QCOMPARE(a.call.training, b.call.training);
    QCOMPARE(a.seed, b.seed);
    QCOMPARE(a.shapes.batch, b.shapes.batch);
    QCOMPARE(a.shapes.queryLen, b.shapes.queryLen);
    QCOMPARE(a.shapes.sourceLen, b.shapes.sourceLen);
    QCOMPARE(a.shapes.queryFeatures, b.shapes.queryFeatures);
    QCOMPARE(a.shapes.valueFeatures, b.shapes.valueFeatures);
    QCOMPARE(a.shapes.keyFeatures, b.shapes.keyFeatures);
    QCOMPARE(a.queryMask.has_value(), b.queryMask.has_value());
    if (a.queryMask)
        QVERIFY(a.queryMask->values() == b.queryMask->values() && a.queryMask->shape() == b.queryMask->shape());
    QCOMPARE(a.valueMask.has_value(), b.valueMask.has_value());
    if (a.valueMask)
        QVERIFY(a.valueMask->values() == b.valueMask->values() && a.valueMask->shape() == b.valueMask->shape());
}

} // namespace

class TestSetupModel : public QObject {
    Q_OBJECT
private slots:
    void everyFieldMapsToSpecFieldsAndHasAKerasArgument() {
        QSet<QString> names;
        for (const FieldDef& f : setupFields()) {
            const QString name = QLatin1String(f.name);
            QVERIFY2(!names.contains(name), qPrintable(name)); // one name per field
            names.insert(name);
            QVERIFY2(!f.specFields.isEmpty(), qPrintable(name));
            QVERIFY2(f.kerasArg && *f.kerasArg, qPrintable(name));
            QVERIFY2(f.layers != 0, qPrintable(name));
            // A field the form builds itself from the table writes and reads a Spec.
            if (!f.special)
                QVERIFY2(f.write && f.read, qPrintable(name));
            for (core::LayerKind k : {core::LayerKind::MultiHeadAttention, core::LayerKind::Attention,
                                      core::LayerKind::AdditiveAttention, core::LayerKind::GroupQueryAttention}) {
                if (!f.hasLayer(k))
                    continue;
                const QString what = f.whatsThisFor(k);
                QVERIFY2(what.contains(QLatin1String(f.kerasArgFor(k))), qPrintable(name + QLatin1Char(' ') + what));
            }
            if (f.kind == FieldKind::Int || f.kind == FieldKind::Double)
                QVERIFY2(f.limit > f.minimum && f.limitReason, qPrintable(name));
        }
        // The layer comes first: restoring it must not reset what follows.
        QCOMPARE(QLatin1String(setupFields().front().name), QLatin1String("layer"));
    }

    void onlyTheOptionsALayerHas() {
        auto has = [](const char* name, core::LayerKind k) { return findSetupField(QLatin1String(name))->hasLayer(k); };
        using K = core::LayerKind;
        for (const char* name : {"score_mode", "use_bias", "transformer", "heads", "key_dim", "value_dim"})
            QVERIFY2(!has(name, K::AdditiveAttention), name);
        QVERIFY(has("score_mode", K::Attention));
        QVERIFY(has("use_scale", K::AdditiveAttention));
        QVERIFY(!has("use_scale", K::MultiHeadAttention));
        QVERIFY(has("kv_heads", K::GroupQueryAttention));
        QVERIFY(!has("kv_heads", K::MultiHeadAttention));
        QVERIFY(!has("transformer", K::GroupQueryAttention));
    }

    void stateAndSpecRoundTripForEveryLayer() {
        std::mt19937 rng(7);
        auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
        for (int round = 0; round < 60; ++round) {
            core::Spec s;
            s.config.layer = core::LayerKind(round % 4);
            s.config.numHeads = pick(1, 8);
            s.config.keyDim = pick(1, 32);
            if (pick(0, 1))
                s.config.valueDim = pick(1, 16);
            if (pick(0, 1))
                s.config.outputShape = pick(1, 16);
            s.config.numKeyValueHeads = pick(1, 4);
            if (pick(0, 1))
                s.config.slidingWindow = pick(1, 9);
            s.config.useGate = pick(0, 1);
            s.config.useBias = pick(0, 1);
            s.config.transformerSublayer = s.config.layer == core::LayerKind::MultiHeadAttention && pick(0, 1);
            s.config.useScale = bool(pick(0, 1));
            s.config.scoreMode = pick(0, 1) ? core::ScoreMode::Concat : core::ScoreMode::Dot;
            s.config.dropout = float(pick(0, 9)) / 10.0f;
            s.call.useCausalMask = pick(0, 1);
            s.call.training = s.config.dropout > 0 && pick(0, 1);
            s.seed = std::uint64_t(pick(0, 100000));
            s.shapes.batch = pick(1, 3);
            s.shapes.queryLen = pick(2, 9);
            s.shapes.sourceLen = pick(2, 9);
            s.shapes.queryFeatures = pick(1, 12);
            s.shapes.valueFeatures = pick(1, 12);
            if (pick(0, 1))
                s.shapes.keyFeatures = pick(1, 12);
            if (pick(0, 1)) { // padding in every batch row, as the field describes it
                core::Tensor m(core::Shape{s.shapes.batch, s.shapes.sourceLen});
                std::fill(m.values().begin(), m.values().end(), 1.0f);
                for (core::Index b = 0; b < s.shapes.batch; ++b)
                    m.values()[size_t(b * s.shapes.sourceLen + s.shapes.sourceLen - 1)] = 0.0f;
                s.valueMask = m;
            }
            // Spec -> state -> spec: the same spec, field by field.
            const SetupState state = stateFromSpec(s);
            SetupError error;
            const core::Spec back = specFromState(state, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error.message));
            compareSpecs(s, back);
            // State -> spec -> state: every field the layer shows keeps its value.
            const SetupState again = stateFromSpec(back);
            for (const FieldDef& f : setupFields())
                if (!f.special && f.hasLayer(s.config.layer))
                    QVERIFY2(again.value(QLatin1String(f.name)) == state.value(QLatin1String(f.name)),
                             qPrintable(QStringLiteral("%1: %2 vs %3")
                                            .arg(QLatin1String(f.name), state.value(QLatin1String(f.name)).toString(),
                                                 again.value(QLatin1String(f.name)).toString())));
        }
    }

    void defaultsAreKerasDefaults() {
        const core::Spec fromDefaults = specFromState(SetupState::defaults());
        const core::Spec plain;
        compareSpecs(plain, fromDefaults);
    }

    void aValueOverItsLimitIsRefusedInWordsAndKept() {
        SetupState state = SetupState::defaults();
        state.values[QStringLiteral("query_len")] = 20000;
        SetupError error;
        const core::Spec s = specFromState(state, &error);
        QCOMPARE(error.setting, QStringLiteral("query_len"));
        QCOMPARE(error.field, QStringLiteral("shapes.query_len"));
        for (const char* word : {"20000", "8192", "memory", "Received: query_len=20000"})
            QVERIFY2(error.message.contains(QLatin1String(word)), qPrintable(error.message));
        QCOMPARE(state.value(QStringLiteral("query_len")).toInt(), 20000); // never cut to the limit
        QVERIFY(limitMessage(*findSetupField(QStringLiteral("query_len")), 8192).isEmpty());
        // A field the layer does not have is not checked (it is not shown either).
        state = SetupState::defaults();
        state.values[QStringLiteral("layer")] = QStringLiteral("AdditiveAttention");
        state.values[QStringLiteral("heads")] = 1000;
        specFromState(state, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error.message));
    }

    void badPaddingIsAFieldError() {
        SetupState state = SetupState::defaults();
        state.values[QStringLiteral("source_padding")] = QStringLiteral("1 9");
        SetupError error;
        specFromState(state, &error);
        QCOMPARE(error.field, QStringLiteral("masks.value_mask"));
        QVERIFY2(error.message.contains(QLatin1String("outside")), qPrintable(error.message));
    }
};

QTEST_GUILESS_MAIN(TestSetupModel)
#include "test_setup_model.moc"
