-- pgRouting peer (bench/peers/run.sh): nearest-provider walking distance for every unit.
-- Inputs (loaded by ogr2ogr from our coverage.gpkg): roads, units, providers.
-- psql variables: max_snap (metres), speed (metres per second).
-- Same rules as bench/peers/common.py: topology from our `roads` layer (nodes where edge ends
-- coincide exactly), lengths recomputed by PostGIS, snapping to the nearest point of any edge
-- (KNN), one multi-source search per service type (pgr_drivingDistance, equicost), the unit's
-- own edge evaluated to both ends or straight to a provider on it.
\set ON_ERROR_STOP on
SET client_min_messages = warning;

-- Edges and their end nodes (exact coordinate equality, as shared OSM vertices).
CREATE TABLE e AS
SELECT edge_id AS id, ST_GeometryN(geom, 1) AS g, ST_Length(ST_GeometryN(geom, 1)) AS len FROM roads;
CREATE TABLE v AS
SELECT row_number() OVER (ORDER BY x, y) AS id, x, y
FROM (SELECT ST_X(p) AS x, ST_Y(p) AS y FROM e, LATERAL (VALUES (ST_StartPoint(g)), (ST_EndPoint(g))) AS q(p)
      GROUP BY 1, 2) s;
CREATE UNIQUE INDEX ON v (x, y);
ALTER TABLE e ADD COLUMN source bigint, ADD COLUMN target bigint;
UPDATE e SET source = a.id, target = b.id
FROM v a, v b
WHERE a.x = ST_X(ST_StartPoint(e.g)) AND a.y = ST_Y(ST_StartPoint(e.g))
  AND b.x = ST_X(ST_EndPoint(e.g)) AND b.y = ST_Y(ST_EndPoint(e.g));
CREATE INDEX ON e USING gist (g);
CREATE UNIQUE INDEX ON e (id);
ANALYZE e;

-- The main (largest) connected part, for the snapping rule below.
CREATE TABLE cc AS
SELECT node, component FROM pgr_connectedComponents('SELECT id, source, target, len AS cost, len AS reverse_cost FROM e');
ALTER TABLE e ADD COLUMN on_main boolean;
UPDATE e SET on_main = cc.component = (SELECT component FROM cc GROUP BY component ORDER BY count(*) DESC, component LIMIT 1)
FROM cc WHERE cc.node = e.source;

-- Snapping: nearest edge (ties: lowest edge id), offset along it, straight leg; when that edge
-- is off the main part and an edge of the main part is within max_snap, the nearest of those
-- (docs/ROUTING.md, "Snapping").
CREATE FUNCTION snap_to(pt geometry, max_snap float8, OUT id bigint, OUT g geometry, OUT len float8, OUT leg float8)
LANGUAGE sql STABLE AS $$
  SELECT * FROM (
    (SELECT m.id, m.g, m.len, ST_Distance(m.g, pt) FROM e m
      WHERE m.on_main AND ST_DWithin(m.g, pt, max_snap)
        AND NOT (SELECT n.on_main FROM e n WHERE ST_DWithin(n.g, pt, max_snap) ORDER BY n.g <-> pt, n.id LIMIT 1)
      ORDER BY m.g <-> pt, m.id LIMIT 1)
    UNION ALL
    (SELECT n.id, n.g, n.len, ST_Distance(n.g, pt) FROM e n
      WHERE ST_DWithin(n.g, pt, max_snap) ORDER BY n.g <-> pt, n.id LIMIT 1)) c
  LIMIT 1
$$;
CREATE TABLE us AS
SELECT u.unit_id, n.id AS edge, n.leg, ST_LineLocatePoint(n.g, u.geom) * n.len AS off
FROM units u
LEFT JOIN LATERAL snap_to(u.geom, :max_snap) n ON true;
CREATE TABLE ps AS
SELECT 1000000000 + row_number() OVER (ORDER BY p.provider_id, p.service_type) AS vid,
       p.provider_id, p.service_type, n.id AS edge, n.leg, ST_LineLocatePoint(n.g, p.geom) * n.len AS off
FROM providers p
JOIN LATERAL snap_to(p.geom, :max_snap) n ON n.id IS NOT NULL
WHERE p.geom IS NOT NULL AND NOT ST_IsEmpty(p.geom);

-- One search per service type from all its providers; each provider is a virtual node joined
-- to the two ends of its edge by its leg plus the way along the edge. Walking is both ways
-- (undirected). Each node keeps its nearest provider (smallest agg_cost, ties: lowest vid).
-- Not `equicost := true`: with pgRouting 3.4.2 on this data it left 55 of 4031 nodes under a
-- provider that is not their nearest (up to 1.4 km too far; docs/PEERS.md), so the minimum is
-- taken here over the per-provider trees instead.
CREATE TABLE nd (service text, node bigint, vid bigint, agg double precision);
DO $$
DECLARE s text;
BEGIN
  FOR s IN SELECT DISTINCT service_type FROM ps LOOP
    INSERT INTO nd
    SELECT DISTINCT ON (d.node) s, d.node, d.from_v, d.agg_cost
    FROM pgr_drivingDistance(
      format($q$
        SELECT id, source, target, len AS cost FROM e
        UNION ALL
        SELECT 2 * p.vid, p.vid, e.source, p.leg + p.off FROM ps p JOIN e ON e.id = p.edge WHERE p.service_type = %L
        UNION ALL
        SELECT 2 * p.vid + 1, p.vid, e.target, p.leg + e.len - p.off FROM ps p JOIN e ON e.id = p.edge WHERE p.service_type = %L
      $q$, s, s),
      ARRAY(SELECT vid FROM ps WHERE service_type = s), 1e15::float8, directed := false, equicost := false) d
    ORDER BY d.node, d.agg_cost, d.from_v;
  END LOOP;
END $$;
CREATE INDEX ON nd (service, node);

-- Each unit: to either end of its edge then on, or straight along the edge to a provider on it.
CREATE TABLE ans AS
SELECT u.unit_id, sv.service, best.d + u.leg AS dist, best.provider_id
FROM us u
CROSS JOIN (SELECT DISTINCT service_type AS service FROM ps) sv
LEFT JOIN LATERAL (
  SELECT c.d, c.provider_id FROM (
    SELECT u.off + n.agg AS d, p.provider_id
      FROM e JOIN nd n ON n.node = e.source AND n.service = sv.service JOIN ps p ON p.vid = n.vid
      WHERE e.id = u.edge
    UNION ALL
    SELECT e.len - u.off + n.agg, p.provider_id
      FROM e JOIN nd n ON n.node = e.target AND n.service = sv.service JOIN ps p ON p.vid = n.vid
      WHERE e.id = u.edge
    UNION ALL
    SELECT abs(p.off - u.off) + p.leg, p.provider_id FROM ps p WHERE p.edge = u.edge AND p.service_type = sv.service
  ) c ORDER BY c.d LIMIT 1) best ON true;

SELECT (SELECT count(*) FROM v) AS nodes, (SELECT count(*) FROM e) AS edges,
       (SELECT count(*) FROM us WHERE edge IS NULL) AS units_not_snapped,
       (SELECT count(*) FROM ans WHERE dist IS NULL) AS unreachable_answers \gset pg_
\echo '  pgRouting graph:' :pg_nodes 'nodes,' :pg_edges 'edges;' :pg_units_not_snapped 'units not snapped,' :pg_unreachable_answers 'unreachable answers'

CREATE TABLE answers AS
SELECT unit_id, service AS service_type, dist / :speed / 60.0 AS time_min, dist AS distance_m, provider_id
FROM ans ORDER BY service, unit_id;
-- (psql does not expand variables inside \copy: the file goes to the current directory)
\copy answers TO 'pgr_answers.csv' WITH (FORMAT csv, HEADER)
