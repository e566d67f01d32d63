// The core writes each layer's Keras listing next to the layer, so the text
// and the numbers cannot drift apart; this converts it for Qt and puts a
// trained layer's saved constructor call on top.
#include "ui/text/keras_listing_text.h"

#include "core/teach/keras_listing.h"
#include "core/io/keras_model.h"

#include <QStringList>

namespace attnviz::ui {

KerasListingText layerKerasListing(const core::Spec& spec, const core::Trace& trace) {
    const core::KerasListing core = core::kerasListing(spec, trace);
    KerasListingText out;
    out.code = QString::fromStdString(core.code);
    for (const auto& [key, line] : core.lineOfStep)
        out.lineOfStep[QString::fromStdString(key)] = line;
    return out;
}

KerasListingText withTrainedLayer(KerasListingText listing, const core::Spec& spec) {
    if (spec.kerasLayerConfig.empty())
        return listing;
    const QString call =
        QString::fromStdString(core::kerasConstructorCall(core::layerName(spec.config.layer), spec.kerasLayerConfig));
    QStringList head;
    head << QStringLiteral("# The trained layer '%1' of %2, as it was saved:")
                .arg(QString::fromStdString(spec.kerasModelLayer),
                     QString::fromStdString(spec.kerasModelFile).section(QLatin1Char('/'), -1));
    head << QStringLiteral("import keras");
    head << (QStringLiteral("layer = ") + call).split(QLatin1Char('\n'));
    head << QStringLiteral("model = keras.saving.load_model(\"%1\")  # its weights: model.get_layer(\"%2\")")
                .arg(QString::fromStdString(spec.kerasModelFile).section(QLatin1Char('/'), -1),
                     QString::fromStdString(spec.kerasModelLayer));
    if (!listing.code.isEmpty())
        head << QString();
    const int shift = int(head.size());
    KerasListingText out;
    out.code =
        head.join(QLatin1Char('\n')) + (listing.code.isEmpty() ? QString() : QStringLiteral("\n") + listing.code);
    for (auto it = listing.lineOfStep.cbegin(); it != listing.lineOfStep.cend(); ++it)
        out.lineOfStep[it.key()] = it.value() + shift;
    return out;
}

} // namespace attnviz::ui
