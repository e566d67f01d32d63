// The equivalence lab view: pick an identity (MHA with one head ≡ Attention,
// …) from core/compare's table, tick the conditions that make it true, and
// see both traces step by step with max |Δ| per step (core::runIdentity).
// Unticking a condition shows where the two computations part, and by how
// much. A view only: the identities, their builders and the diff are the core's.
#pragma once

#include "core/teach/compare.h"
#include "core/spec/spec.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;
class QVBoxLayout;

namespace attnviz::ui {

class EquivalenceLabView : public QWidget {
    Q_OBJECT
public:
    explicit EquivalenceLabView(QWidget* parent = nullptr);

    /// The inputs' sizes, seed, tokens and masks come from this spec.
    void setBaseSpec(const core::Spec& spec);
    /// Select a claim and untick these conditions (every other one ticked).
    void setClaim(const std::string& identityId, const std::vector<std::string>& untick = {});
    void setZoom(double factor);
    /// Predict, then reveal: while a lesson's question is open the verdict and
    /// the max |Δ| table (the answer) are hidden behind a note.
    void setConcealed(bool concealed);
    bool isConcealed() const { return m_concealed; }

    /// The identity's id (core::identities()).
    std::string claim() const;
    std::vector<std::string> unticked() const;
    const std::vector<core::StepDiff>& diffs() const { return m_diffs; }
    QString verdict() const;
    QTableWidget* table() const { return m_table; }
    QCheckBox* conditionBox(const QString& id) const;

signals:
    /// The claim or a condition changed (for Save slide).
    void claimChanged();

private:
    void rebuildConditions();
    void recompute();

    QComboBox* m_claims;
    QVBoxLayout* m_conditionsLayout;
    std::vector<QCheckBox*> m_conditions;
    QLabel* m_verdict;
    QLabel* m_concealedNote;
    bool m_concealed = false;
    QTableWidget* m_table;
    core::Spec m_base;
    std::vector<core::StepDiff> m_diffs;
    double m_zoom = 1.0;
};

} // namespace attnviz::ui
