#include "geo/io/ogr_conversion.hpp"

#include <memory>

#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

namespace apreptis::geo::detail {

FieldKind kind_of(const OGRFieldDefn* d) {
    switch (d->GetType()) {
    case OFTInteger:
    case OFTInteger64: return d->GetSubType() == OFSTBoolean ? FieldKind::boolean : FieldKind::integer;
    case OFTReal: return FieldKind::real;
    case OFTString: return FieldKind::text;
    case OFTDate:
    case OFTDateTime:
    case OFTTime: return FieldKind::date;
    default: return FieldKind::other;
    }
}

namespace {

Ring ring_of(const OGRLinearRing* r) {
    Ring out(static_cast<std::size_t>(r->getNumPoints()));
    for (int i = 0; i < r->getNumPoints(); ++i) out[static_cast<std::size_t>(i)] = {r->getX(i), r->getY(i)};
    return out;
}

void add_polygon(const OGRPolygon* p, MultiPolygon& out) {
    if (p->IsEmpty()) return;
    Polygon poly;
    poly.outer = ring_of(p->getExteriorRing());
    for (int i = 0; i < p->getNumInteriorRings(); ++i) poly.holes.push_back(ring_of(p->getInteriorRing(i)));
    out.push_back(std::move(poly));
}

LineString line_of(const OGRLineString* l) {
    LineString out(static_cast<std::size_t>(l->getNumPoints()));
    for (int i = 0; i < l->getNumPoints(); ++i) out[static_cast<std::size_t>(i)] = {l->getX(i), l->getY(i)};
    return out;
}

} // namespace

Geometry convert(const OGRGeometry* g) {
    if (!g || g->IsEmpty()) return std::monostate{};
    std::unique_ptr<OGRGeometry> linear;
    if (g->hasCurveGeometry()) {
        linear.reset(g->getLinearGeometry());
        g = linear.get();
    }
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: {
        auto* p = g->toPoint();
        return XY{p->getX(), p->getY()};
    }
    case wkbPolygon: {
        MultiPolygon mp;
        add_polygon(g->toPolygon(), mp);
        return mp;
    }
    case wkbMultiPolygon: {
        MultiPolygon mp;
        for (const OGRPolygon* p : *g->toMultiPolygon()) add_polygon(p, mp);
        return mp;
    }
    case wkbLineString:
        return MultiLineString{line_of(g->toLineString())};
    case wkbMultiLineString: {
        MultiLineString ml;
        for (const OGRLineString* l : *g->toMultiLineString()) ml.push_back(line_of(l));
        return ml;
    }
    case wkbGeometryCollection: { // keep the polygonal parts
        MultiPolygon mp;
        for (const OGRGeometry* part : *g->toGeometryCollection()) {
            auto t = wkbFlatten(part->getGeometryType());
            if (t == wkbPolygon) add_polygon(part->toPolygon(), mp);
            if (t == wkbMultiPolygon)
                for (const OGRPolygon* p : *part->toMultiPolygon()) add_polygon(p, mp);
        }
        if (mp.empty()) return std::monostate{};
        return mp;
    }
    default:
        return std::monostate{};
    }
}

bool data_is_lat_first(const OGRSpatialReference& srs) {
    bool crs_lat_first = srs.EPSGTreatsAsLatLong() || srs.EPSGTreatsAsNorthingEasting();
    const auto& mapping = srs.GetDataAxisToSRSAxisMapping();
    bool data_in_crs_order = mapping.size() >= 2 && mapping[0] == 1 && mapping[1] == 2;
    return crs_lat_first && data_in_crs_order;
}

} // namespace apreptis::geo::detail
