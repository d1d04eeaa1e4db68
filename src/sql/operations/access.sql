/*
 * Access: three sets of privileges a deployment grants to its roles.
 *
 *   reading    USAGE on the schemas benchmark, benchmark_internal and the
 *              engine's, SELECT on every table and view of the extension,
 *              EXECUTE on every function but the loading ones and these
 *              two: dashboards, reports, every model including the shipped
 *              preset.  PUBLIC holds it from the install on.
 *   analysing  reading, and INSERT, UPDATE and DELETE on the catalog tables
 *              (models, peer groups, targets, jobindsats terms, mappings
 *              and registered wide tables).
 *   loading    reading, and EXECUTE on jobindsats_load (and its loader
 *              benchmark_internal.jobindsats_load_cells, with the opening
 *              and the end of its gathering of the tables it writes),
 *              the readers of documents jobindsats_csv and jobindsats_json
 *              (and the loader's form of them,
 *              benchmark_internal.jobindsats_document_series),
 *              jobindsats_series_refresh and
 *              jobindsats_mapping_series_refresh, INSERT, UPDATE and DELETE
 *              on the store, and INSERT on the load log (with its sequence).
 *
 * Loading is not PUBLIC's: a reader of documents holds a whole document in
 * memory, so only roles granted loading may call one.  No access grants
 * the two functions that add to and take the tables a write gathered
 * (benchmark_internal.jobindsats_store_gather and _take): only the
 * extension's own SECURITY DEFINER functions call them.
 */

GRANT SELECT ON benchmark.mapped_stillingsopslag, benchmark.mapped_virksomhedstilfredshed,
	benchmark.mapped_opkvalificering, benchmark.mapped_revalidering, benchmark.mapped_opkvalificering_dagpenge,
	benchmark.mapped_job_efter_26_uger, benchmark.mapped_langtidsledige, benchmark.mapped_unge_i_job_og_uddannelse,
	benchmark.mapped_ingen_passive_unge, benchmark.mapped_aktive_aktivitetsparate, benchmark.mapped_ledighed_fleksjob,
	benchmark.mapped_aktive_ikke_vestlige, benchmark.mapped_forsoergelsesgab, benchmark.mapped_delvis_raskmelding,
	benchmark.mapped_borgertilfredshed, benchmark.mapped_ydelse_dagpenge, benchmark.mapped_ydelse_kontanthjaelp,
	benchmark.mapped_ydelse_uddannelseshjaelp, benchmark.mapped_ydelse_revalidering, benchmark.mapped_ydelse_integration,
	benchmark.mapped_ydelse_sygedagpenge, benchmark.mapped_ydelse_jobafklaring, benchmark.mapped_ydelse_ressourceforloeb,
	benchmark.mapped_ydelse_ledighedsydelse, benchmark.mapped_ydelse_fleksjob, benchmark.mapped_ydelse_foertidspension
	TO PUBLIC;

/* The statements that grant (verb GRANT) or revoke (REVOKE) one access of a role. */
CREATE FUNCTION benchmark.access_statements(role regrole, access text, verb text)
RETURNS SETOF text
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	to_from text := CASE verb WHEN 'GRANT' THEN ' TO ' ELSE ' FROM ' END || role::text;
	members oid := (SELECT e.oid FROM pg_catalog.pg_extension e WHERE e.extname = 'benchmark');
	loading text[] := '{benchmark.jobindsats_load,benchmark_internal.jobindsats_load_cells,benchmark.jobindsats_csv,benchmark.jobindsats_json,benchmark_internal.jobindsats_document_series,benchmark.jobindsats_series_refresh,benchmark.jobindsats_mapping_series_refresh,benchmark_internal.jobindsats_store_written,benchmark_internal.jobindsats_store_gather_begin,benchmark_internal.jobindsats_store_gather_end}';
	own text[] := '{benchmark.grant_access,benchmark.revoke_access}';
	/* called only by the extension's own SECURITY DEFINER functions: no access grants them */
	internal text[] := '{benchmark_internal.jobindsats_store_gather,benchmark_internal.jobindsats_store_gather_take}';
BEGIN
	IF access IS DISTINCT FROM 'reading' AND access IS DISTINCT FROM 'analysing' AND access IS DISTINCT FROM 'loading' THEN
		RAISE EXCEPTION 'unknown access "%"', access
			USING ERRCODE = 'invalid_parameter_value',
				HINT = 'Access is one of reading, analysing, loading.';
	END IF;
	IF access = 'reading' OR verb = 'GRANT' THEN
		RETURN NEXT verb || ' USAGE ON SCHEMA benchmark, benchmark_internal, @extschema@' || to_from;
		RETURN QUERY
			SELECT verb || ' SELECT ON ' || c.oid::pg_catalog.regclass::text || to_from
			FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class c ON c.oid = d.objid
			WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = members AND d.deptype = 'e'
			  AND c.relkind IN ('r', 'v', 'm')
			ORDER BY 1;
		RETURN QUERY
			SELECT verb || ' EXECUTE ON FUNCTION ' || p.oid::pg_catalog.regprocedure::text || to_from
			FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_proc p ON p.oid = d.objid
			WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.refobjid = members AND d.deptype = 'e'
			  AND NOT p.pronamespace::pg_catalog.regnamespace::text || '.' || p.proname = ANY (loading || own || internal)
			ORDER BY 1;
	END IF;
	IF access = 'analysing' THEN
		RETURN QUERY
			SELECT verb || ' INSERT, UPDATE, DELETE ON ' || c.oid::pg_catalog.regclass::text || to_from
			FROM pg_catalog.pg_extension e, pg_catalog.unnest(e.extconfig) cfg(relid)
			JOIN pg_catalog.pg_class c ON c.oid = cfg.relid
			WHERE e.oid = members AND c.relkind = 'r'
			  AND c.oid NOT IN ('benchmark.jobindsats_observation_series'::pg_catalog.regclass,
								'benchmark.jobindsats_loads'::pg_catalog.regclass)
			ORDER BY 1;
	ELSIF access = 'loading' THEN
		RETURN NEXT verb || ' INSERT, UPDATE, DELETE ON benchmark.jobindsats_observation' || to_from;
		RETURN NEXT verb || ' INSERT, UPDATE, DELETE ON benchmark.jobindsats_observation_series' || to_from;
		RETURN NEXT verb || ' INSERT ON benchmark.jobindsats_loads' || to_from;
		RETURN NEXT verb || ' USAGE ON SEQUENCE benchmark.jobindsats_loads_load_id_seq' || to_from;
		RETURN QUERY
			SELECT verb || ' EXECUTE ON FUNCTION ' || p.oid::pg_catalog.regprocedure::text || to_from
			FROM pg_catalog.pg_proc p
			WHERE p.pronamespace::pg_catalog.regnamespace::text || '.' || p.proname = ANY (loading)
			ORDER BY 1;
	END IF;
END
$$;

COMMENT ON FUNCTION benchmark.access_statements(regrole, text, text) IS
'The GRANT or REVOKE statements of one access (reading, analysing, loading) of a role, as grant_access and revoke_access run them';

CREATE FUNCTION benchmark.grant_access(role regrole, access text)
RETURNS SETOF text
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	statement text;
BEGIN
	FOR statement IN SELECT s FROM benchmark.access_statements(role, access, 'GRANT') s LOOP
		EXECUTE statement;
		RETURN NEXT statement;
	END LOOP;
END
$$;

COMMENT ON FUNCTION benchmark.grant_access(regrole, text) IS
'Grants a role one access: reading (dashboards: every view and function but loading), analysing (reading, and writing the catalog), loading (reading, and the load functions and the store); returns the statements it ran';

CREATE FUNCTION benchmark.revoke_access(role regrole, access text)
RETURNS SETOF text
LANGUAGE plpgsql VOLATILE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	statement text;
BEGIN
	FOR statement IN SELECT s FROM benchmark.access_statements(role, access, 'REVOKE') s LOOP
		EXECUTE statement;
		RETURN NEXT statement;
	END LOOP;
END
$$;

COMMENT ON FUNCTION benchmark.revoke_access(regrole, text) IS
'Revokes what one access gave a role: reading, or what analysing or loading add to it; returns the statements it ran';

REVOKE EXECUTE ON FUNCTION benchmark.grant_access(regrole, text), benchmark.revoke_access(regrole, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION benchmark.jobindsats_load(text, text, text[], boolean),
	benchmark.jobindsats_load(text, bytea, text[], text, boolean),
	benchmark.jobindsats_load(text, jsonb, text[], boolean),
	benchmark.jobindsats_load(text, regclass, text[], jsonb, boolean),
	benchmark_internal.jobindsats_load_cells(text, text, anyelement, text[], text, jsonb, boolean),
	benchmark.jobindsats_csv(text, text, text[], text),
	benchmark.jobindsats_csv(bytea, text, text[], text, text),
	benchmark.jobindsats_json(jsonb, text, text[], text),
	benchmark.jobindsats_json(text, text, text[], text),
	benchmark.jobindsats_json(bytea, text, text[], text, text),
	benchmark_internal.jobindsats_document_series(text, text, text[], text),
	benchmark_internal.jobindsats_document_series(text, bytea, text[], text),
	benchmark_internal.jobindsats_document_series(text, jsonb, text[], text)
	FROM PUBLIC;
