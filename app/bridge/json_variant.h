#pragma once
// Conversions between the document's JSON values and the QVariants QML passes around.
// Whole numbers from QML (which has only doubles) become JSON integers, so that an
// integer property set from a spin box passes the schema's integer check.
#include "archlens/model/json.h"

#include <QVariant>

namespace archlens {

Json toJson(const QVariant& value);
QVariant toVariant(const Json& value);

} // namespace archlens
