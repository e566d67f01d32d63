// The compare tab: the same query/key/value through every attention variant
// of core::compare's table, their weights as heatmaps side by side on one
// fixed 0–1 colour scale, a difference heatmap, and the equivalence checks —
// each identity with its conditions, what it measured on these inputs, and,
// separately, whether the user's own setup meets the conditions. The tiles
// reflow to the width (FlowLayout). Inference only (no dropout); QCustomPlot
// types stay out of this header.
#pragma once

#include "core/spec/spec.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QSpinBox;

namespace attnviz::ui {

class FlowLayout;

class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(QWidget* parent = nullptr);
    ~CompareView() override;

    /// Run every variant on this spec's inputs (drawn from its seed if absent).
    void setSpec(const core::Spec& spec);
    /// Axis labels; empty lists fall back to the spec's tokens, then indices.
    void setTokens(QStringList queryTokens, QStringList keyTokens);
    void setSliceIndices(int batch, int head);
    void setZoom(double factor);

    /// One variant's weights slice [T, S] at the current batch (and head when it has heads).
    struct Variant {
        QString id;      // core::CompareVariant::id
        QString name;    // Keras call, e.g. Attention(use_scale=False)
        QString badge;   // "your layer", "what-if", "= MultiHeadAttention: max |Δ| = 0", …
        QString message; // why there is no plot (empty when ok)
        int rows = 0, cols = 0;
        std::vector<float> weights; // rows × cols
        bool ok() const { return message.isEmpty(); }
    };
    /// What the view says of an identity: holds for this setup (a green ✓),
    /// fails on these inputs (✗), or neither (–: not checkable here, or the
    /// setup does not meet its conditions).
    enum class Verdict { HoldsForSetup, Fails, Unknown };
    /// The glyph drawn for a verdict.
    static QString glyph(Verdict v);
    /// An identity checked on these inputs (core::EquivalenceCheck).
    struct Check {
        QString id;
        QString description;   // the claim, in Keras calls
        QString conditions;    // when it holds
        double maxAbsDiff = 0; // over weights and outputs, with the conditions applied
        bool applicable = false;
        bool passed = false;                // holds with its conditions applied
        bool setupMet = false;              // the user's own setup meets the conditions
        QString setupNote;                  // which conditions the setup does not meet
        QString note;                       // why not applicable, or what was compared
        Verdict verdict = Verdict::Unknown; // HoldsForSetup only when passed && setupMet
    };

    const std::vector<Variant>& variants() const { return m_variants; }
    const std::vector<Check>& checks() const { return m_checks; }
    /// The panel of the variant with this id, or -1. The difference panel is variants().size().
    int panelOf(const QString& id) const;
    /// Weights panels shown (one per variant, plot or message).
    int weightsPanelCount() const;
    /// Text shown when hovering cell (row, col) of a panel (variant index, or
    /// variants().size() for the difference); empty outside the data.
    QString cellText(int panel, int row, int col) const;
    QCustomPlot* plot(int panel) const;
    QString hoverText() const;
    QString checksText() const;
    /// Columns the tiles are laid out in now.
    int tileColumns() const;

private:
    void recompute();
    void refreshPlots();
    void rebuildPanels(int count);
    void applyPanelSizes();
    void onHover(int panel, QMouseEvent* event);
    QStringList rowLabels(int n) const;
    QStringList colLabels(int n) const;

    core::Spec m_spec;
    bool m_hasSpec = false;
    QStringList m_queryTokens, m_keyTokens;
    int m_batch = 0, m_head = 0;
    double m_zoom = 1.0;

    std::vector<Variant> m_variants;
    std::vector<Check> m_checks;
    // Full weights per variant for slicing: [B, (H,) T, S] flattened.
    std::vector<std::vector<float>> m_fullWeights;
    std::vector<std::vector<qint64>> m_fullShapes;
    std::vector<float> m_diff; // rows × cols
    int m_diffRows = 0, m_diffCols = 0;
    double m_diffMax = 0;

    QSpinBox* m_batchSpin = nullptr;
    QSpinBox* m_headSpin = nullptr;
    QComboBox* m_diffA = nullptr;
    QComboBox* m_diffB = nullptr;
    QWidget* m_tiles = nullptr;
    FlowLayout* m_flow = nullptr;
    std::vector<QWidget*> m_boxes; // per panel (variants + difference)
    std::vector<QLabel*> m_titles;
    std::vector<QLabel*> m_badges;
    std::vector<QCustomPlot*> m_plots;
    std::vector<QLabel*> m_messages;
    QCustomPlot* m_scalePlot = nullptr;
    QLabel* m_checksLabel = nullptr;
    QLabel* m_hoverLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
};

} // namespace attnviz::ui
