/* The ranking engine: the ranking type, its accessors and the aggregates over text entities */

/*
 * The ranking type
 */

CREATE TYPE @extschema@.ranking;

CREATE FUNCTION benchmark_internal.ranking_in(cstring)
RETURNS @extschema@.ranking
AS 'MODULE_PATHNAME', 'ranking_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.ranking_out(@extschema@.ranking)
RETURNS cstring
AS 'MODULE_PATHNAME', 'ranking_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.ranking_recv(internal)
RETURNS @extschema@.ranking
AS 'MODULE_PATHNAME', 'ranking_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.ranking_send(@extschema@.ranking)
RETURNS bytea
AS 'MODULE_PATHNAME', 'ranking_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.ranking (
	INPUT = benchmark_internal.ranking_in,
	OUTPUT = benchmark_internal.ranking_out,
	RECEIVE = benchmark_internal.ranking_recv,
	SEND = benchmark_internal.ranking_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = external
);

COMMENT ON TYPE @extschema@.ranking IS
'The result of a ranking: each entity with its score and competition placement (1 = best, ties share the lowest placement), and the entities that were left out';

CREATE FUNCTION benchmark_internal.ranking_eq(@extschema@.ranking, @extschema@.ranking)
RETURNS boolean
AS 'MODULE_PATHNAME', 'ranking_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.ranking_ne(@extschema@.ranking, @extschema@.ranking)
RETURNS boolean
AS 'MODULE_PATHNAME', 'ranking_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.ranking,
	RIGHTARG = @extschema@.ranking,
	FUNCTION = benchmark_internal.ranking_eq,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = eqsel,
	JOIN = eqjoinsel
);

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.ranking,
	RIGHTARG = @extschema@.ranking,
	FUNCTION = benchmark_internal.ranking_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = neqsel,
	JOIN = neqjoinsel
);

COMMENT ON FUNCTION benchmark_internal.ranking_eq(@extschema@.ranking, @extschema@.ranking) IS
'True when two rankings hold the same entities with the same scores and placements';
COMMENT ON FUNCTION benchmark_internal.ranking_ne(@extschema@.ranking, @extschema@.ranking) IS
'True when two rankings differ in an entity, a score or a placement';
COMMENT ON OPERATOR @extschema@.=(@extschema@.ranking, @extschema@.ranking) IS
'Same entities, scores and placements';
COMMENT ON OPERATOR @extschema@.<>(@extschema@.ranking, @extschema@.ranking) IS
'Differs in an entity, a score or a placement';

/*
 * Reading a ranking
 */

CREATE FUNCTION @extschema@.unnest(ranking @extschema@.ranking,
	OUT entity text, OUT score numeric, OUT placement integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'ranking_unnest'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;

COMMENT ON FUNCTION @extschema@.unnest(@extschema@.ranking) IS
'One row per entity, ordered by placement (ties by entity); entities that were left out come last with NULL score and placement';

CREATE FUNCTION @extschema@.placement(ranking @extschema@.ranking, entity text)
RETURNS integer
AS 'MODULE_PATHNAME', 'ranking_placement'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.placement(@extschema@.ranking, text) IS
'The placement of an entity, NULL when it was left out or is not in the ranking';

CREATE OPERATOR @extschema@.-> (
	LEFTARG = @extschema@.ranking,
	RIGHTARG = text,
	FUNCTION = @extschema@.placement
);

COMMENT ON OPERATOR @extschema@.->(@extschema@.ranking, text) IS
'The placement of an entity, NULL when it was left out or is not in the ranking';

CREATE FUNCTION @extschema@.score(ranking @extschema@.ranking, entity text)
RETURNS numeric
AS 'MODULE_PATHNAME', 'ranking_score'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.score(@extschema@.ranking, text) IS
'The score of an entity (value, rank sum or weighted mean placement), NULL when it was left out or is not in the ranking';

CREATE FUNCTION @extschema@.ranked_count(ranking @extschema@.ranking)
RETURNS integer
AS 'MODULE_PATHNAME', 'ranking_ranked_count'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.ranked_count(@extschema@.ranking) IS
'How many entities were placed';

CREATE FUNCTION @extschema@.entity_count(ranking @extschema@.ranking)
RETURNS integer
AS 'MODULE_PATHNAME', 'ranking_entity_count'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.entity_count(@extschema@.ranking) IS
'How many entities the ranking holds, placed or left out';

/*
 * rank_values: competition ranking of one measure
 */

CREATE FUNCTION benchmark_internal.rank_values_transfn(internal, text, double precision, boolean)
RETURNS internal
AS 'MODULE_PATHNAME', 'rank_values_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.rank_values_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'rank_values_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.rank_values_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'rank_values_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.rank_values_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'rank_values_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.rank_values_final(internal)
RETURNS @extschema@.ranking
AS 'MODULE_PATHNAME', 'rank_values_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE @extschema@.rank_values(entity text, value double precision, higher_is_better boolean) (
	SFUNC = benchmark_internal.rank_values_transfn,
	STYPE = internal,
	FINALFUNC = benchmark_internal.rank_values_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = benchmark_internal.rank_values_combine,
	SERIALFUNC = benchmark_internal.rank_values_serialize,
	DESERIALFUNC = benchmark_internal.rank_values_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.rank_values(text, double precision, boolean) IS
'Competition ranking of one measure: 1 = best in the direction given per row, ties share the lowest placement; NULL values are left out';

/*
 * rank_sum_rerank and weighted_placement share one state: per entity, the
 * exact sum of its placements (weighted or not) and how many it has.
 */

CREATE FUNCTION benchmark_internal.placement_sum_transfn(internal, text, integer)
RETURNS internal
AS 'MODULE_PATHNAME', 'placement_sum_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.placement_sum_transfn(internal, text, numeric)
RETURNS internal
AS 'MODULE_PATHNAME', 'placement_sum_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.placement_sum_transfn(internal, text, integer, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'placement_sum_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.placement_sum_transfn(internal, text, numeric, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'placement_sum_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.placement_sum_transfn(internal, @extschema@.ranking)
RETURNS internal
AS 'MODULE_PATHNAME', 'placement_sum_ranking_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.placement_sum_transfn(internal, @extschema@.ranking, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'placement_sum_ranking_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.weighted_placement_transfn(internal, text, integer, numeric)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_placement_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.weighted_placement_transfn(internal, text, numeric, numeric)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_placement_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.weighted_placement_transfn(internal, text, integer, numeric, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_placement_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.weighted_placement_transfn(internal, text, numeric, numeric, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_placement_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.weighted_placement_transfn(internal, @extschema@.ranking, numeric)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_placement_ranking_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.weighted_placement_transfn(internal, @extschema@.ranking, numeric, text)
RETURNS internal
AS 'MODULE_PATHNAME', 'weighted_placement_ranking_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.placement_sum_combine(internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'placement_sum_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.placement_sum_serialize(internal)
RETURNS bytea
AS 'MODULE_PATHNAME', 'placement_sum_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.placement_sum_deserialize(bytea, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'placement_sum_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION benchmark_internal.placement_sum_final(internal)
RETURNS @extschema@.ranking
AS 'MODULE_PATHNAME', 'placement_sum_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE @extschema@.rank_sum_rerank(entity text, rank integer) (
	SFUNC = benchmark_internal.placement_sum_transfn,
	STYPE = internal,
	FINALFUNC = benchmark_internal.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = benchmark_internal.placement_sum_combine,
	SERIALFUNC = benchmark_internal.placement_sum_serialize,
	DESERIALFUNC = benchmark_internal.placement_sum_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.rank_sum_rerank(entity text, rank numeric) (
	SFUNC = benchmark_internal.placement_sum_transfn,
	STYPE = internal,
	FINALFUNC = benchmark_internal.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = benchmark_internal.placement_sum_combine,
	SERIALFUNC = benchmark_internal.placement_sum_serialize,
	DESERIALFUNC = benchmark_internal.placement_sum_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.rank_sum_rerank(entity text, rank integer, missing text) (
	SFUNC = benchmark_internal.placement_sum_transfn,
	STYPE = internal,
	FINALFUNC = benchmark_internal.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = benchmark_internal.placement_sum_combine,
	SERIALFUNC = benchmark_internal.placement_sum_serialize,
	DESERIALFUNC = benchmark_internal.placement_sum_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.rank_sum_rerank(entity text, rank numeric, missing text) (
	SFUNC = benchmark_internal.placement_sum_transfn,
	STYPE = internal,
	FINALFUNC = benchmark_internal.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = benchmark_internal.placement_sum_combine,
	SERIALFUNC = benchmark_internal.placement_sum_serialize,
	DESERIALFUNC = benchmark_internal.placement_sum_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.rank_sum_rerank(ranking @extschema@.ranking) (
	SFUNC = benchmark_internal.placement_sum_transfn,
	STYPE = internal,
	FINALFUNC = benchmark_internal.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = benchmark_internal.placement_sum_combine,
	SERIALFUNC = benchmark_internal.placement_sum_serialize,
	DESERIALFUNC = benchmark_internal.placement_sum_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.rank_sum_rerank(ranking @extschema@.ranking, missing text) (
	SFUNC = benchmark_internal.placement_sum_transfn,
	STYPE = internal,
	FINALFUNC = benchmark_internal.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = benchmark_internal.placement_sum_combine,
	SERIALFUNC = benchmark_internal.placement_sum_serialize,
	DESERIALFUNC = benchmark_internal.placement_sum_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.rank_sum_rerank(text, integer) IS
'Sums each entity''s ranks and ranks the sums, lowest = 1, ties share the lowest placement; entities with a missing rank are left out';
COMMENT ON AGGREGATE @extschema@.rank_sum_rerank(text, numeric) IS
'Sums each entity''s ranks and ranks the sums, lowest = 1, ties share the lowest placement; entities with a missing rank are left out';
COMMENT ON AGGREGATE @extschema@.rank_sum_rerank(text, integer, text) IS
'Sums each entity''s ranks and ranks the sums; a missing rank is handled by the policy: exclude, worst or scale';
COMMENT ON AGGREGATE @extschema@.rank_sum_rerank(text, numeric, text) IS
'Sums each entity''s ranks and ranks the sums; a missing rank is handled by the policy: exclude, worst or scale';
COMMENT ON AGGREGATE @extschema@.rank_sum_rerank(@extschema@.ranking) IS
'Sums each entity''s placements over several rankings and ranks the sums; entities missing from a ranking are left out';
COMMENT ON AGGREGATE @extschema@.rank_sum_rerank(@extschema@.ranking, text) IS
'Sums each entity''s placements over several rankings and ranks the sums; a missing placement is handled by the policy: exclude, worst or scale';

CREATE AGGREGATE @extschema@.weighted_placement(entity text, placement integer, weight numeric) (
	SFUNC = benchmark_internal.weighted_placement_transfn,
	STYPE = internal,
	FINALFUNC = benchmark_internal.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = benchmark_internal.placement_sum_combine,
	SERIALFUNC = benchmark_internal.placement_sum_serialize,
	DESERIALFUNC = benchmark_internal.placement_sum_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.weighted_placement(entity text, placement numeric, weight numeric) (
	SFUNC = benchmark_internal.weighted_placement_transfn,
	STYPE = internal,
	FINALFUNC = benchmark_internal.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = benchmark_internal.placement_sum_combine,
	SERIALFUNC = benchmark_internal.placement_sum_serialize,
	DESERIALFUNC = benchmark_internal.placement_sum_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.weighted_placement(entity text, placement integer, weight numeric, missing text) (
	SFUNC = benchmark_internal.weighted_placement_transfn,
	STYPE = internal,
	FINALFUNC = benchmark_internal.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = benchmark_internal.placement_sum_combine,
	SERIALFUNC = benchmark_internal.placement_sum_serialize,
	DESERIALFUNC = benchmark_internal.placement_sum_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.weighted_placement(entity text, placement numeric, weight numeric, missing text) (
	SFUNC = benchmark_internal.weighted_placement_transfn,
	STYPE = internal,
	FINALFUNC = benchmark_internal.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = benchmark_internal.placement_sum_combine,
	SERIALFUNC = benchmark_internal.placement_sum_serialize,
	DESERIALFUNC = benchmark_internal.placement_sum_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.weighted_placement(ranking @extschema@.ranking, weight numeric) (
	SFUNC = benchmark_internal.weighted_placement_transfn,
	STYPE = internal,
	FINALFUNC = benchmark_internal.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = benchmark_internal.placement_sum_combine,
	SERIALFUNC = benchmark_internal.placement_sum_serialize,
	DESERIALFUNC = benchmark_internal.placement_sum_deserialize,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.weighted_placement(ranking @extschema@.ranking, weight numeric, missing text) (
	SFUNC = benchmark_internal.weighted_placement_transfn,
	STYPE = internal,
	FINALFUNC = benchmark_internal.placement_sum_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = benchmark_internal.placement_sum_combine,
	SERIALFUNC = benchmark_internal.placement_sum_serialize,
	DESERIALFUNC = benchmark_internal.placement_sum_deserialize,
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.weighted_placement(text, integer, numeric) IS
'Ranks entities by the exact weighted mean of their placements (relative weights), lowest = 1; entities with a missing placement are left out';
COMMENT ON AGGREGATE @extschema@.weighted_placement(text, numeric, numeric) IS
'Ranks entities by the exact weighted mean of their placements (relative weights), lowest = 1; entities with a missing placement are left out';
COMMENT ON AGGREGATE @extschema@.weighted_placement(text, integer, numeric, text) IS
'Ranks entities by the exact weighted mean of their placements; a missing placement is handled by the policy: exclude or scale';
COMMENT ON AGGREGATE @extschema@.weighted_placement(text, numeric, numeric, text) IS
'Ranks entities by the exact weighted mean of their placements; a missing placement is handled by the policy: exclude or scale';
COMMENT ON AGGREGATE @extschema@.weighted_placement(@extschema@.ranking, numeric) IS
'Combines several rankings by the exact weighted mean of each entity''s placements, lowest = 1; entities missing from a ranking are left out';
COMMENT ON AGGREGATE @extschema@.weighted_placement(@extschema@.ranking, numeric, text) IS
'Combines several rankings by the exact weighted mean of each entity''s placements; a missing placement is handled by the policy: exclude or scale';
