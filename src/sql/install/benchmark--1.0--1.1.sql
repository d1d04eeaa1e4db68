/* benchmark 1.0 -> 1.1: the kommune type */

\echo Use "ALTER EXTENSION benchmark UPDATE TO '1.1'" to load this file. \quit

/*
 * The type: one of the 98 Danish municipalities, stored as its official code,
 * printed as its official name.
 */

CREATE TYPE @extschema@.kommune;

CREATE FUNCTION @extschema@.kommune_in(cstring)
RETURNS @extschema@.kommune
AS 'MODULE_PATHNAME', 'kommune_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_out(@extschema@.kommune)
RETURNS cstring
AS 'MODULE_PATHNAME', 'kommune_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_recv(internal)
RETURNS @extschema@.kommune
AS 'MODULE_PATHNAME', 'kommune_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_send(@extschema@.kommune)
RETURNS bytea
AS 'MODULE_PATHNAME', 'kommune_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.kommune (
	INPUT = @extschema@.kommune_in,
	OUTPUT = @extschema@.kommune_out,
	RECEIVE = @extschema@.kommune_recv,
	SEND = @extschema@.kommune_send,
	INTERNALLENGTH = 2,
	PASSEDBYVALUE,
	ALIGNMENT = int2,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.kommune IS
'One of the 98 Danish municipalities: accepts the official code or the name as people and exports write it, prints the official name, orders by code';

/*
 * Comparison, ordering by code, hashing
 */

CREATE FUNCTION @extschema@.kommune_eq(@extschema@.kommune, @extschema@.kommune)
RETURNS boolean
AS 'MODULE_PATHNAME', 'kommune_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_ne(@extschema@.kommune, @extschema@.kommune)
RETURNS boolean
AS 'MODULE_PATHNAME', 'kommune_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_lt(@extschema@.kommune, @extschema@.kommune)
RETURNS boolean
AS 'MODULE_PATHNAME', 'kommune_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_le(@extschema@.kommune, @extschema@.kommune)
RETURNS boolean
AS 'MODULE_PATHNAME', 'kommune_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_gt(@extschema@.kommune, @extschema@.kommune)
RETURNS boolean
AS 'MODULE_PATHNAME', 'kommune_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_ge(@extschema@.kommune, @extschema@.kommune)
RETURNS boolean
AS 'MODULE_PATHNAME', 'kommune_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_cmp(@extschema@.kommune, @extschema@.kommune)
RETURNS integer
AS 'MODULE_PATHNAME', 'kommune_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_hash(@extschema@.kommune)
RETURNS integer
AS 'MODULE_PATHNAME', 'kommune_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_hash_extended(@extschema@.kommune, bigint)
RETURNS bigint
AS 'MODULE_PATHNAME', 'kommune_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.kommune,
	RIGHTARG = @extschema@.kommune,
	FUNCTION = @extschema@.kommune_eq,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel,
	JOIN = eqjoinsel,
	HASHES,
	MERGES
);

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.kommune,
	RIGHTARG = @extschema@.kommune,
	FUNCTION = @extschema@.kommune_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel,
	JOIN = neqjoinsel
);

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.kommune,
	RIGHTARG = @extschema@.kommune,
	FUNCTION = @extschema@.kommune_lt,
	COMMUTATOR = OPERATOR(@extschema@.>),
	NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = scalarltsel,
	JOIN = scalarltjoinsel
);

CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.kommune,
	RIGHTARG = @extschema@.kommune,
	FUNCTION = @extschema@.kommune_le,
	COMMUTATOR = OPERATOR(@extschema@.>=),
	NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = scalarlesel,
	JOIN = scalarlejoinsel
);

CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.kommune,
	RIGHTARG = @extschema@.kommune,
	FUNCTION = @extschema@.kommune_gt,
	COMMUTATOR = OPERATOR(@extschema@.<),
	NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = scalargtsel,
	JOIN = scalargtjoinsel
);

CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.kommune,
	RIGHTARG = @extschema@.kommune,
	FUNCTION = @extschema@.kommune_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=),
	NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = scalargesel,
	JOIN = scalargejoinsel
);

CREATE OPERATOR CLASS @extschema@.kommune_ops
DEFAULT FOR TYPE @extschema@.kommune USING btree AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.kommune_cmp(@extschema@.kommune, @extschema@.kommune);

CREATE OPERATOR CLASS @extschema@.kommune_hash_ops
DEFAULT FOR TYPE @extschema@.kommune USING hash AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.kommune_hash(@extschema@.kommune),
	FUNCTION 2 @extschema@.kommune_hash_extended(@extschema@.kommune, bigint);

COMMENT ON OPERATOR @extschema@.=(@extschema@.kommune, @extschema@.kommune) IS 'Same municipality';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.kommune, @extschema@.kommune) IS 'Different municipalities';
COMMENT ON OPERATOR @extschema@.<(@extschema@.kommune, @extschema@.kommune) IS 'Lower code';
COMMENT ON OPERATOR @extschema@.<=(@extschema@.kommune, @extschema@.kommune) IS 'Lower or same code';
COMMENT ON OPERATOR @extschema@.>(@extschema@.kommune, @extschema@.kommune) IS 'Higher code';
COMMENT ON OPERATOR @extschema@.>=(@extschema@.kommune, @extschema@.kommune) IS 'Higher or same code';

COMMENT ON FUNCTION @extschema@.kommune_eq(@extschema@.kommune, @extschema@.kommune) IS 'Same municipality';
COMMENT ON FUNCTION @extschema@.kommune_ne(@extschema@.kommune, @extschema@.kommune) IS 'Different municipalities';
COMMENT ON FUNCTION @extschema@.kommune_lt(@extschema@.kommune, @extschema@.kommune) IS 'Lower code';
COMMENT ON FUNCTION @extschema@.kommune_le(@extschema@.kommune, @extschema@.kommune) IS 'Lower or same code';
COMMENT ON FUNCTION @extschema@.kommune_gt(@extschema@.kommune, @extschema@.kommune) IS 'Higher code';
COMMENT ON FUNCTION @extschema@.kommune_ge(@extschema@.kommune, @extschema@.kommune) IS 'Higher or same code';
COMMENT ON FUNCTION @extschema@.kommune_cmp(@extschema@.kommune, @extschema@.kommune) IS
'Orders municipalities by code: -1, 0 or 1';
COMMENT ON FUNCTION @extschema@.kommune_hash(@extschema@.kommune) IS
'Hash of a municipality, for hash joins and hash aggregation';
COMMENT ON FUNCTION @extschema@.kommune_hash_extended(@extschema@.kommune, bigint) IS
'Seeded hash of a municipality, for hash partitioning';

/*
 * Codes, names, regions
 */

CREATE FUNCTION @extschema@.kommune_code(@extschema@.kommune)
RETURNS integer
AS 'MODULE_PATHNAME', 'kommune_code'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_from_code(integer)
RETURNS @extschema@.kommune
AS 'MODULE_PATHNAME', 'kommune_from_code'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_lookup(text)
RETURNS @extschema@.kommune
AS 'MODULE_PATHNAME', 'kommune_lookup'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_name(@extschema@.kommune)
RETURNS text
AS 'MODULE_PATHNAME', 'kommune_name'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_region(@extschema@.kommune)
RETURNS text
AS 'MODULE_PATHNAME', 'kommune_region'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_region_code(@extschema@.kommune)
RETURNS integer
AS 'MODULE_PATHNAME', 'kommune_region_code'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_landsdel(@extschema@.kommune)
RETURNS text
AS 'MODULE_PATHNAME', 'kommune_landsdel'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommune_landsdel_code(@extschema@.kommune)
RETURNS text
AS 'MODULE_PATHNAME', 'kommune_landsdel_code'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.kommuner(
	OUT kommune @extschema@.kommune, OUT code integer, OUT name text,
	OUT region text, OUT region_code integer, OUT landsdel_code text, OUT landsdel text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'kommune_list'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 98;

COMMENT ON FUNCTION @extschema@.kommune_code(@extschema@.kommune) IS
'The official three-digit code, e.g. 540 for Sønderborg';
COMMENT ON FUNCTION @extschema@.kommune_from_code(integer) IS
'The municipality with this official code; an error when there is none';
COMMENT ON FUNCTION @extschema@.kommune_lookup(text) IS
'The municipality a code or name denotes, read as kommune input reads it, or NULL when it denotes none';
COMMENT ON FUNCTION @extschema@.kommune_name(@extschema@.kommune) IS
'The official name, e.g. Sønderborg';
COMMENT ON FUNCTION @extschema@.kommune_region(@extschema@.kommune) IS
'The region: Hovedstaden, Sjælland, Syddanmark, Midtjylland or Nordjylland';
COMMENT ON FUNCTION @extschema@.kommune_region_code(@extschema@.kommune) IS
'The region''s code, 1081 (Nordjylland) to 1085 (Sjælland)';
COMMENT ON FUNCTION @extschema@.kommune_landsdel(@extschema@.kommune) IS
'The landsdel (one of 11), e.g. Sydjylland';
COMMENT ON FUNCTION @extschema@.kommune_landsdel_code(@extschema@.kommune) IS
'The landsdel''s code, 01 to 11';
COMMENT ON FUNCTION @extschema@.kommuner() IS
'The 98 municipalities with code, name, region and landsdel, by code';

CREATE CAST (@extschema@.kommune AS integer)
	WITH FUNCTION @extschema@.kommune_code(@extschema@.kommune);
CREATE CAST (integer AS @extschema@.kommune)
	WITH FUNCTION @extschema@.kommune_from_code(integer);
CREATE CAST (@extschema@.kommune AS text) WITH INOUT AS ASSIGNMENT;
CREATE CAST (text AS @extschema@.kommune) WITH INOUT;

COMMENT ON CAST (@extschema@.kommune AS integer) IS 'The official code';
COMMENT ON CAST (integer AS @extschema@.kommune) IS 'The municipality with this code';
COMMENT ON CAST (@extschema@.kommune AS text) IS 'The official name';
COMMENT ON CAST (text AS @extschema@.kommune) IS 'Reads a code or name as kommune input does';

/*
 * Rankings of municipalities: the aggregates take kommune entities (ranked by
 * their official names), and a ranking is read by kommune.
 */

CREATE FUNCTION @extschema@.placement(ranking @extschema@.ranking, entity @extschema@.kommune)
RETURNS integer
AS 'MODULE_PATHNAME', 'ranking_placement'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.score(ranking @extschema@.ranking, entity @extschema@.kommune)
RETURNS numeric
AS 'MODULE_PATHNAME', 'ranking_score'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.-> (
	LEFTARG = @extschema@.ranking,
	RIGHTARG = @extschema@.kommune,
	FUNCTION = @extschema@.placement
);

COMMENT ON FUNCTION @extschema@.placement(@extschema@.ranking, @extschema@.kommune) IS
'The placement of a municipality, NULL when it was left out or is not in the ranking';
COMMENT ON FUNCTION @extschema@.score(@extschema@.ranking, @extschema@.kommune) IS
'The score of a municipality, NULL when it was left out or is not in the ranking';
COMMENT ON OPERATOR @extschema@.->(@extschema@.ranking, @extschema@.kommune) IS
'The placement of a municipality, NULL when it was left out or is not in the ranking';

CREATE FUNCTION @extschema@.rank_values_transfn(internal, @extschema@.kommune, double precision, boolean)
RETURNS internal
AS 'MODULE_PATHNAME', 'rank_values_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE @extschema@.rank_values(entity @extschema@.kommune, value double precision, higher_is_better boolean) (
	SFUNC = @extschema@.rank_values_transfn,
	STYPE = internal,
	FINALFUNC = @extschema@.rank_values_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.rank_values_combine,
	SERIALFUNC = @extschema@.rank_values_serialize,
	DESERIALFUNC = @extschema@.rank_values_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.rank_values(@extschema@.kommune, double precision, boolean) IS
'Competition ranking of municipalities on one measure: 1 = best in the direction given per row, ties share the lowest placement; NULL values are left out';

CREATE FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.kommune, integer)
RETURNS internal
AS 'MODULE_PATHNAME', 'placement_sum_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.kommune, integer, numeric)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_placement_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE @extschema@.rank_sum_rerank(entity @extschema@.kommune, rank integer) (
	SFUNC = @extschema@.placement_sum_transfn,
	STYPE = internal,
	FINALFUNC = @extschema@.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.placement_sum_combine,
	SERIALFUNC = @extschema@.placement_sum_serialize,
	DESERIALFUNC = @extschema@.placement_sum_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.weighted_placement(entity @extschema@.kommune, placement integer, weight numeric) (
	SFUNC = @extschema@.weighted_placement_transfn,
	STYPE = internal,
	FINALFUNC = @extschema@.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.placement_sum_combine,
	SERIALFUNC = @extschema@.placement_sum_serialize,
	DESERIALFUNC = @extschema@.placement_sum_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.rank_sum_rerank(@extschema@.kommune, integer) IS
'Sums each municipality''s ranks and ranks the sums, lowest = 1, ties share the lowest placement; municipalities with a missing rank are left out';
COMMENT ON AGGREGATE @extschema@.weighted_placement(@extschema@.kommune, integer, numeric) IS
'Ranks municipalities by the exact weighted mean of their placements (relative weights), lowest = 1; municipalities with a missing placement are left out';

CREATE FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.kommune, integer, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'placement_sum_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.kommune, integer, numeric, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_placement_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE @extschema@.rank_sum_rerank(entity @extschema@.kommune, rank integer, missing text) (
	SFUNC = @extschema@.placement_sum_transfn,
	STYPE = internal,
	FINALFUNC = @extschema@.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.placement_sum_combine,
	SERIALFUNC = @extschema@.placement_sum_serialize,
	DESERIALFUNC = @extschema@.placement_sum_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.weighted_placement(entity @extschema@.kommune, placement integer, weight numeric, missing text) (
	SFUNC = @extschema@.weighted_placement_transfn,
	STYPE = internal,
	FINALFUNC = @extschema@.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.placement_sum_combine,
	SERIALFUNC = @extschema@.placement_sum_serialize,
	DESERIALFUNC = @extschema@.placement_sum_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.rank_sum_rerank(@extschema@.kommune, integer, text) IS
'Sums each municipality''s ranks and ranks the sums, lowest = 1, ties share the lowest placement; a missing rank is handled by the policy: exclude, worst or scale';
COMMENT ON AGGREGATE @extschema@.weighted_placement(@extschema@.kommune, integer, numeric, text) IS
'Ranks municipalities by the exact weighted mean of their placements (relative weights), lowest = 1; a missing placement is handled by the policy: exclude or scale';

CREATE FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.kommune, numeric)
RETURNS internal
AS 'MODULE_PATHNAME', 'placement_sum_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.kommune, numeric, numeric)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_placement_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE @extschema@.rank_sum_rerank(entity @extschema@.kommune, rank numeric) (
	SFUNC = @extschema@.placement_sum_transfn,
	STYPE = internal,
	FINALFUNC = @extschema@.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.placement_sum_combine,
	SERIALFUNC = @extschema@.placement_sum_serialize,
	DESERIALFUNC = @extschema@.placement_sum_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.weighted_placement(entity @extschema@.kommune, placement numeric, weight numeric) (
	SFUNC = @extschema@.weighted_placement_transfn,
	STYPE = internal,
	FINALFUNC = @extschema@.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.placement_sum_combine,
	SERIALFUNC = @extschema@.placement_sum_serialize,
	DESERIALFUNC = @extschema@.placement_sum_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.rank_sum_rerank(@extschema@.kommune, numeric) IS
'Sums each municipality''s ranks and ranks the sums, lowest = 1, ties share the lowest placement; municipalities with a missing rank are left out';
COMMENT ON AGGREGATE @extschema@.weighted_placement(@extschema@.kommune, numeric, numeric) IS
'Ranks municipalities by the exact weighted mean of their placements (relative weights), lowest = 1; municipalities with a missing placement are left out';

CREATE FUNCTION @extschema@.placement_sum_transfn(internal, @extschema@.kommune, numeric, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'placement_sum_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.weighted_placement_transfn(internal, @extschema@.kommune, numeric, numeric, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_placement_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE @extschema@.rank_sum_rerank(entity @extschema@.kommune, rank numeric, missing text) (
	SFUNC = @extschema@.placement_sum_transfn,
	STYPE = internal,
	FINALFUNC = @extschema@.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.placement_sum_combine,
	SERIALFUNC = @extschema@.placement_sum_serialize,
	DESERIALFUNC = @extschema@.placement_sum_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.weighted_placement(entity @extschema@.kommune, placement numeric, weight numeric, missing text) (
	SFUNC = @extschema@.weighted_placement_transfn,
	STYPE = internal,
	FINALFUNC = @extschema@.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = @extschema@.placement_sum_combine,
	SERIALFUNC = @extschema@.placement_sum_serialize,
	DESERIALFUNC = @extschema@.placement_sum_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.rank_sum_rerank(@extschema@.kommune, numeric, text) IS
'Sums each municipality''s ranks and ranks the sums, lowest = 1, ties share the lowest placement; a missing rank is handled by the policy: exclude, worst or scale';
COMMENT ON AGGREGATE @extschema@.weighted_placement(@extschema@.kommune, numeric, numeric, text) IS
'Ranks municipalities by the exact weighted mean of their placements (relative weights), lowest = 1; a missing placement is handled by the policy: exclude or scale';
