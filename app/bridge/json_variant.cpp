#include "json_variant.h"

#include <QJSValue>
#include <cmath>

namespace archlens {

Json toJson(const QVariant& input) {
    QVariant value = input;
    if (value.userType() == qMetaTypeId<QJSValue>()) value = value.value<QJSValue>().toVariant();
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return Json();
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return value.toLongLong();
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        if (std::isfinite(d) && std::floor(d) == d && std::abs(d) < 9e15)
            return static_cast<long long>(d);
        return d;
    }
    case QMetaType::QString:
        return value.toString().toStdString();
    case QMetaType::QStringList:
    case QMetaType::QVariantList: {
        Json out = Json::array();
        for (const QVariant& item : value.toList())
            out.push_back(toJson(item));
        return out;
    }
    case QMetaType::QVariantMap: {
        Json out = Json::object();
        const QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            out[it.key().toStdString()] = toJson(it.value());
        return out;
    }
    default:
        break;
    }
    if (value.canConvert<QString>()) return value.toString().toStdString();
    return Json();
}

QVariant toVariant(const Json& value) {
    switch (value.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded:
    case Json::value_t::binary:
        return {};
    case Json::value_t::boolean:
        return value.get<bool>();
    case Json::value_t::number_integer:
        return QVariant::fromValue(value.get<long long>());
    case Json::value_t::number_unsigned:
        return QVariant::fromValue(value.get<unsigned long long>());
    case Json::value_t::number_float:
        return value.get<double>();
    case Json::value_t::string:
        return QString::fromStdString(value.get<std::string>());
    case Json::value_t::array: {
        QVariantList out;
        for (const auto& item : value)
            out << toVariant(item);
        return out;
    }
    case Json::value_t::object: {
        QVariantMap out;
        for (auto it = value.begin(); it != value.end(); ++it)
            out.insert(QString::fromStdString(it.key()), toVariant(it.value()));
        return out;
    }
    }
    return {};
}

} // namespace archlens
