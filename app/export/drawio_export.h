#pragma once
// The diagram as a draw.io file (.drawio, uncompressed mxGraph XML), so a person can carry
// on in draw.io: components where they are on the canvas, with their names and kinds; zone
// areas as labelled frames behind them; connections with their line styles and arrowheads.
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"

#include <QByteArray>

namespace archlens {

/// The file's bytes. Written with QXmlStreamWriter, so every name is escaped as XML, and
/// labels are plain text (no `html=1` style), so draw.io never reads user text as markup.
/// Cell ids are the design's ids with a prefix, so they stay unique and recognisable.
QByteArray toDrawio(const Document& doc, const Catalogue& catalogue);

} // namespace archlens
