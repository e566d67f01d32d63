// The equivalence lab view: pick a claim (MHA with one head ≡ Attention, …),
// tick the conditions that make it true, and see both traces step by step
// with max |Δ| per step (core::buildClaim, core::diffTraces). Unticking a
// condition shows where the two computations part, and by how much.
#pragma once

#include "core/equivalence_lab.h"
#include "core/spec.h"

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
    void setClaim(core::Claim claim, const std::vector<std::string>& untick = {});
    void setZoom(double factor);

    core::Claim claim() const;
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
    QTableWidget* m_table;
    core::Spec m_base;
    std::vector<core::StepDiff> m_diffs;
    double m_zoom = 1.0;
};

} // namespace attnviz::ui
