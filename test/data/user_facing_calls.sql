-- A call of every user-facing view and set-returning function of the
-- extension, each written so that the caller's own query binds no name by
-- the search_path: functions and operators qualified, literals typed as the
-- parameters are.  Each call is preceded by "-- call: <signature>" (as
-- regprocedure or regclass print it, unqualified); test/210_planted_objects.sh
-- checks that every user-facing object has one and runs them against the
-- SYNTHETIC sample data (test/data/load_sample.sql).

-- call: kommuner()
SELECT * FROM public.kommuner();

-- call: unnest(ranking)
SELECT * FROM public.unnest((SELECT ranking FROM benchmark.model_rankings('sonderborg-2023', '2022') LIMIT 1));

-- call: model_rankings(text,text)
SELECT * FROM benchmark.model_rankings('sonderborg-2023', '2022');

-- call: model_rankings_for(text,text[])
SELECT * FROM benchmark.model_rankings_for('sonderborg-2023', '{2022}'::pg_catalog.text[]);

-- call: model_placements(text)
SELECT * FROM benchmark.model_placements('sonderborg-2023');

-- call: model_placements(text,text)
SELECT * FROM benchmark.model_placements('sonderborg-2023', '2022');

-- call: model_placements_for(text,text[])
SELECT * FROM benchmark.model_placements_for('sonderborg-2023', '{2022}'::pg_catalog.text[]);

-- call: model_left_out(text,text)
SELECT * FROM benchmark.model_left_out('sonderborg-2023', '2022');

-- call: model_scorecard(text,text,text)
SELECT * FROM benchmark.model_scorecard('sonderborg-2023', 'Sønderborg', '2022');

-- call: period_series(text,text)
SELECT * FROM benchmark.period_series('2020Q1', '2022Q4');

-- call: period_rollup(text,text,text,integer)
SELECT * FROM benchmark.period_rollup('2022M03', 'year_to_date', '2023M06', 10);

-- call: model_sources(text)
SELECT * FROM benchmark.model_sources('sonderborg-2023');

-- call: source_problem(text,text[],text[])
SELECT * FROM benchmark.source_problem('target_sources.voksenlaerlinge');

-- call: catalog_orphans
SELECT * FROM benchmark.catalog_orphans;

-- call: jobindsats_csv(text,text,text[],text)
SELECT * FROM benchmark.jobindsats_csv('Område;Periode;Køn;Antal personer
Sønderborg;2021M01;Køn i alt;1.234
Hele landet;2021M01;Køn i alt;98.765
', 'Y01A02');

-- call: jobindsats_csv(bytea,text,text[],text,text)
SELECT * FROM benchmark.jobindsats_csv(pg_catalog.convert_to('Område;Periode;Køn;Antal personer
Sønderborg;2021M01;Køn i alt;1.234
Hele landet;2021M01;Køn i alt;98.765
', 'UTF8'), 'Y01A02');

-- call: jobindsats_json(jsonb,text,text[],text)
SELECT * FROM benchmark.jobindsats_json('{"columns":["Område","Periode","Antal ledige personer"],"rows":[["Sønderborg","2024Y01",812],["Tønder","2024Y01",null]]}'::pg_catalog.jsonb, 'Y25I01');

-- call: jobindsats_json(text,text,text[],text)
SELECT * FROM benchmark.jobindsats_json('{"Område":"Sønderborg","Periode":"2024Y01","Antal ledige personer":"812"}
{"Område":"Tønder","Periode":"2024Y01","Antal ledige personer":null}
'::pg_catalog.text, 'Y25I01');

-- call: jobindsats_json(bytea,text,text[],text,text)
SELECT * FROM benchmark.jobindsats_json(pg_catalog.convert_to('[{"Område":"Sønderborg","Periode":"2024Y01","Antal ledige personer":812}]', 'UTF8'), 'Y25I01');

-- call: jobindsats_wide(regclass,text,text[],jsonb)
SELECT * FROM benchmark.jobindsats_wide('jobindsats.y01a02'::pg_catalog.regclass, 'Y01A02');

-- call: jobindsats_wide_cells(regclass,text,text[],jsonb)
SELECT * FROM benchmark_internal.jobindsats_wide_cells('jobindsats.y01a02'::pg_catalog.regclass, 'Y01A02', NULL, NULL);

-- call: jobindsats_wide_columns(regclass,text[],jsonb)
SELECT * FROM benchmark_internal.jobindsats_wide_columns('jobindsats.y01a02'::pg_catalog.regclass, NULL, NULL);

-- call: jobindsats_registered_cells(text,text[],jsonb[])
SELECT * FROM benchmark_internal.jobindsats_registered_cells('Y01A02', ARRAY['Antal personer'], NULL);

-- call: jobindsats_wide_breakdowns(regclass,text[],jsonb,text)
SELECT * FROM benchmark_internal.jobindsats_wide_breakdowns('jobindsats.y01a02'::pg_catalog.regclass, NULL, NULL, 'Antal personer') d ORDER BY d::text;

-- call: jobindsats_load(text,text,text[],boolean)
SELECT * FROM benchmark.jobindsats_load('Y01A02', 'Område;Periode;Køn;Antal personer
Sønderborg;2021M01;Køn i alt;1.234
Hele landet;2021M01;Køn i alt;98.765
');

-- call: jobindsats_load(text,bytea,text[],text,boolean)
SELECT * FROM benchmark.jobindsats_load('Y01A02', pg_catalog.convert_to('Område;Periode;Køn;Antal personer
Sønderborg;2021M01;Køn i alt;1.234
Hele landet;2021M01;Køn i alt;98.765
', 'UTF8'));

-- call: jobindsats_load(text,jsonb,text[],boolean)
SELECT * FROM benchmark.jobindsats_load('Y25I01', '{"columns":["Område","Periode","Antal ledige personer"],"rows":[["Sønderborg","2024Y01",812],["Tønder","2024Y01",null]]}'::pg_catalog.jsonb);

-- call: jobindsats_load(text,regclass,text[],jsonb,boolean)
SELECT * FROM benchmark.jobindsats_load('Y01A02', 'jobindsats.y01a02'::pg_catalog.regclass);

-- call: jobindsats_load_cells(text,text,anyelement,text[],text,jsonb,boolean)
SELECT * FROM benchmark_internal.jobindsats_load_cells('csv', 'Y01A02', 'Område;Periode;Køn;Antal personer
Sønderborg;2021M01;Køn i alt;1.234
Hele landet;2021M01;Køn i alt;98.765
'::text, NULL, NULL, NULL, true);

-- call: jobindsats_cells_merge(text[],numeric[],timestamp with time zone[],bigint[],text[],numeric[],bigint,timestamp with time zone)
SELECT * FROM benchmark_internal.jobindsats_cells_merge('{2021M01,2021M02}'::pg_catalog.text[], '{1234,NULL}'::pg_catalog.numeric[],
	'{2026-01-05 10:00+01,2026-01-05 10:00+01}'::pg_catalog.timestamptz[], '{1,1}'::pg_catalog.int8[],
	'{2021M02,2021M03}'::pg_catalog.text[], '{812,790}'::pg_catalog.numeric[], 2::pg_catalog.int8, '2026-02-05 10:00+01'::pg_catalog.timestamptz);

-- call: jobindsats_cells_replaced(text[],numeric[],timestamp with time zone[],bigint[],text[],numeric[],bigint[])
SELECT * FROM benchmark_internal.jobindsats_cells_replaced('{2021M01,2021M02}'::pg_catalog.text[], '{1234,NULL}'::pg_catalog.numeric[],
	'{2026-01-05 10:00+01,2026-01-05 10:00+01}'::pg_catalog.timestamptz[], '{1,1}'::pg_catalog.int8[],
	'{2021M02}'::pg_catalog.text[], '{812}'::pg_catalog.numeric[], '{2}'::pg_catalog.int8[]);

-- call: jobindsats_document_series(text,text,text[],text)
SELECT * FROM benchmark_internal.jobindsats_document_series('csv', 'Område;Periode;Køn;Antal personer
Sønderborg;2021M01;Køn i alt;1.234
Sønderborg;2021M02;Køn i alt;1.240
'::pg_catalog.text, NULL, NULL);

-- call: jobindsats_document_series(text,bytea,text[],text)
SELECT * FROM benchmark_internal.jobindsats_document_series('csv', pg_catalog.convert_to('Område;Periode;Antal personer
Tønder;2021M01;812
', 'LATIN1'), NULL, 'LATIN1');

-- call: jobindsats_document_series(text,jsonb,text[],text)
SELECT * FROM benchmark_internal.jobindsats_document_series('json', '{"columns":["Område","Periode","Antal ledige personer"],"rows":[["Sønderborg","2024Y01",812],["Tønder","2024Y01",null]]}'::pg_catalog.jsonb, NULL, NULL);

-- call: jobindsats_series(text,text,jsonb)
SELECT * FROM benchmark.jobindsats_series('Y01A02', 'Antal personer');

-- call: y30r21_beside_model(text,text,text,text)
SELECT * FROM benchmark.y30r21_beside_model('sonderborg-2023', '2022');

-- call: peer_averages(text,text,text)
SELECT * FROM benchmark.peer_averages('target_sources.voksenlaerlinge', 'sydjylland');

-- call: target_status_for(text,text)
SELECT * FROM benchmark.target_status_for('Aabenraa', NULL);

-- call: target_scorecard(text,text)
SELECT * FROM benchmark.target_scorecard('Aabenraa');

-- call: target_status
SELECT * FROM benchmark.target_status;

-- call: target_source
SELECT * FROM benchmark.target_source;

-- call: peer_groups
SELECT * FROM benchmark.peer_groups;

-- call: model_changes(text,text,text,text)
SELECT * FROM benchmark.model_changes('sonderborg-2023', 'Sønderborg', '2022', '2023');

-- call: model_placement_gaps(text,text)
SELECT * FROM benchmark.model_placement_gaps('sonderborg-2023', '2023');

-- call: model_what_it_takes(text,text,text)
SELECT * FROM benchmark.model_what_it_takes('sonderborg-2023', 'Sønderborg', '2023');

-- call: model_next_place(text,text,text)
SELECT * FROM benchmark.model_next_place('sonderborg-2023', 'Sønderborg', '2023');

-- call: explain_what_if(text,text,text,boolean)
SELECT * FROM benchmark_internal.explain_what_if('sonderborg-2023', 'Sønderborg', '2023', true);

-- call: model_sensitivity(text,text,integer,numeric,integer)
SELECT * FROM benchmark.model_sensitivity('sonderborg-2023', '2023', '100'::pg_catalog.int4, '0.2'::pg_catalog.numeric, '1'::pg_catalog.int4);

-- call: model_scenarios(text,text)
SELECT * FROM benchmark.model_scenarios('sonderborg-2023', '2023');

-- call: explain_total_inputs(text,text[])
SELECT period, missing, has_data FROM benchmark_internal.explain_total_inputs('sonderborg-2023', '{2023}'::pg_catalog.text[]);

-- call: source_rows(text)
SELECT * FROM benchmark_internal.source_rows(benchmark_internal.source_select('target_sources.voksenlaerlinge'::pg_catalog.regclass, 'target', 'target_sources.voksenlaerlinge', NULL::pg_catalog.text[], false)) ORDER BY 3, 5;

-- call: source_values(text)
SELECT * FROM benchmark_internal.source_values(benchmark_internal.source_select('target_sources.voksenlaerlinge'::pg_catalog.regclass, 'target', 'target_sources.voksenlaerlinge', NULL::pg_catalog.text[], false)) ORDER BY 2, 3;

-- call: peer_average(numeric[],numeric[],numeric[],numeric[],numeric[],numeric[],boolean,numeric)
SELECT * FROM benchmark_internal.peer_average('{40,50,NULL}'::pg_catalog.numeric[], '{4,5,NULL}'::pg_catalog.numeric[], '{10,10,NULL}'::pg_catalog.numeric[], '{30,50,20}'::pg_catalog.numeric[], '{3,5,2}'::pg_catalog.numeric[], '{10,10,10}'::pg_catalog.numeric[], true, '100'::pg_catalog.numeric);

-- call: weighted_placement_draws(ranking[],numeric[],text,integer,numeric,integer,integer)
SELECT d.* FROM benchmark_internal.explain_total_inputs('sonderborg-2023', '{2023}'::pg_catalog.text[]) i, benchmark.weighted_placement_draws(i.rankings, i.weights, i.missing, 100, 0.2, 1, 10) d;

-- call: model_rank_intervals_for(text,integer,numeric,integer)
SELECT * FROM benchmark.model_rank_intervals_for('sonderborg-2023', '100'::pg_catalog.int4, '0.2'::pg_catalog.numeric, '1'::pg_catalog.int4);

-- call: model_placements_over_time
SELECT * FROM benchmark.model_placements_over_time WHERE model OPERATOR(pg_catalog.=) 'sonderborg-2023'::pg_catalog.text;

-- call: model_chart_placements(text,text,text)
SELECT * FROM benchmark.model_chart_placements('sonderborg-2023', 'Sønderborg', NULL::pg_catalog.text);

-- call: model_rank_intervals
SELECT * FROM benchmark.model_rank_intervals WHERE model OPERATOR(pg_catalog.=) 'sonderborg-2023'::pg_catalog.text;

-- call: jobindsats_term_values(text,text)
SELECT * FROM benchmark.jobindsats_term_values('befolkning_16_66', 'year');

-- call: jobindsats_term_of(text,text)
SELECT * FROM benchmark_internal.jobindsats_term_of('befolkning_16_66', 'year');

-- call: jobindsats_term_derive(text,text,boolean)
SELECT * FROM benchmark.jobindsats_term_derive('befolkning_16_66', 'year', true::pg_catalog.bool);

-- call: jobindsats_mapping_values(text,text)
SELECT * FROM benchmark.jobindsats_mapping_values('ydelse_dagpenge', 'rolling_year');

-- call: model_missing_data(text,text)
SELECT * FROM benchmark.model_missing_data('sonderborg-2023', '2022');

-- call: jobindsats_table_cells(text,text[])
SELECT * FROM benchmark.jobindsats_table_cells('PTVA02', '{Antal personer}'::pg_catalog.text[]);

-- call: jobindsats_table_breakdowns(text,text)
SELECT * FROM benchmark.jobindsats_table_breakdowns('PTVA02', 'Antal personer');

-- call: jobindsats_store_breakdowns(text,text)
SELECT * FROM benchmark_internal.jobindsats_store_breakdowns('PTVA02', 'Antal personer');

-- call: jobindsats_named_values(jsonb)
SELECT * FROM benchmark_internal.jobindsats_named_values('{"Ydelsesgrupper": ["A-dagpenge", "Jobparate kontanthjælpsmodtagere"], "Køn": "Kvinder"}'::pg_catalog.jsonb);

-- call: jobindsats_label_match(text,text[])
SELECT * FROM benchmark.jobindsats_label_match('antal personer', '{Antal personer,Antal fuldtidspersoner}'::pg_catalog.text[]);

-- call: jobindsats_registration(text)
SELECT * FROM benchmark_internal.jobindsats_registration('Y01A02');

-- call: access_statements(regrole,text,text)
SELECT * FROM benchmark.access_statements('access_probe'::pg_catalog.regrole, 'reading', 'GRANT');

-- call: grant_access(regrole,text)
SELECT * FROM benchmark.grant_access('access_probe'::pg_catalog.regrole, 'reading');

-- call: revoke_access(regrole,text)
SELECT * FROM benchmark.revoke_access('access_probe'::pg_catalog.regrole, 'loading');

-- call: mapped_aktive_aktivitetsparate
SELECT * FROM benchmark.mapped_aktive_aktivitetsparate;

-- call: mapped_aktive_ikke_vestlige
SELECT * FROM benchmark.mapped_aktive_ikke_vestlige;

-- call: mapped_borgertilfredshed
SELECT * FROM benchmark.mapped_borgertilfredshed;

-- call: mapped_delvis_raskmelding
SELECT * FROM benchmark.mapped_delvis_raskmelding;

-- call: mapped_forsoergelsesgab
SELECT * FROM benchmark.mapped_forsoergelsesgab;

-- call: mapped_ingen_passive_unge
SELECT * FROM benchmark.mapped_ingen_passive_unge;

-- call: mapped_job_efter_26_uger
SELECT * FROM benchmark.mapped_job_efter_26_uger;

-- call: mapped_langtidsledige
SELECT * FROM benchmark.mapped_langtidsledige;

-- call: mapped_ledighed_fleksjob
SELECT * FROM benchmark.mapped_ledighed_fleksjob;

-- call: mapped_opkvalificering
SELECT * FROM benchmark.mapped_opkvalificering;

-- call: mapped_opkvalificering_dagpenge
SELECT * FROM benchmark.mapped_opkvalificering_dagpenge;

-- call: mapped_revalidering
SELECT * FROM benchmark.mapped_revalidering;

-- call: mapped_stillingsopslag
SELECT * FROM benchmark.mapped_stillingsopslag;

-- call: mapped_unge_i_job_og_uddannelse
SELECT * FROM benchmark.mapped_unge_i_job_og_uddannelse;

-- call: mapped_virksomhedstilfredshed
SELECT * FROM benchmark.mapped_virksomhedstilfredshed;

-- call: mapped_ydelse_dagpenge
SELECT * FROM benchmark.mapped_ydelse_dagpenge;

-- call: mapped_ydelse_fleksjob
SELECT * FROM benchmark.mapped_ydelse_fleksjob;

-- call: mapped_ydelse_foertidspension
SELECT * FROM benchmark.mapped_ydelse_foertidspension;

-- call: mapped_ydelse_integration
SELECT * FROM benchmark.mapped_ydelse_integration;

-- call: mapped_ydelse_jobafklaring
SELECT * FROM benchmark.mapped_ydelse_jobafklaring;

-- call: mapped_ydelse_kontanthjaelp
SELECT * FROM benchmark.mapped_ydelse_kontanthjaelp;

-- call: mapped_ydelse_ledighedsydelse
SELECT * FROM benchmark.mapped_ydelse_ledighedsydelse;

-- call: mapped_ydelse_ressourceforloeb
SELECT * FROM benchmark.mapped_ydelse_ressourceforloeb;

-- call: mapped_ydelse_revalidering
SELECT * FROM benchmark.mapped_ydelse_revalidering;

-- call: mapped_ydelse_sygedagpenge
SELECT * FROM benchmark.mapped_ydelse_sygedagpenge;

-- call: mapped_ydelse_uddannelseshjaelp
SELECT * FROM benchmark.mapped_ydelse_uddannelseshjaelp;


-- call: jobindsats_observation
SELECT pg_catalog.count(*) FROM benchmark.jobindsats_observation;

-- call: jobindsats_store_as_read
SELECT pg_catalog.count(*) FROM benchmark.jobindsats_store_as_read;

-- call: jobindsats_observation_as_of(timestamp with time zone)
SELECT pg_catalog.count(*) FROM benchmark.jobindsats_observation_as_of(pg_catalog.now());

-- call: jobindsats_cell_as_of(text,text,text,text,jsonb,timestamp with time zone)
SELECT c.* FROM (SELECT * FROM benchmark.jobindsats_observation ORDER BY table_id, measure, area, period, dimensions LIMIT 1) o,
	LATERAL benchmark.jobindsats_cell_as_of(o.table_id, o.measure, o.area, o.period, o.dimensions, pg_catalog.now()) c;

-- call: jobindsats_revisions(text,timestamp with time zone,timestamp with time zone)
SELECT * FROM benchmark.jobindsats_revisions('Y01A02', '-infinity'::pg_catalog.timestamptz, pg_catalog.now());

-- call: model_placements(text,timestamp with time zone)
SELECT * FROM benchmark.model_placements('sonderborg-2023', as_of => 'infinity'::pg_catalog.timestamptz);

-- call: model_placements(text,text,timestamp with time zone)
SELECT * FROM benchmark.model_placements('sonderborg-2023', '2022', as_of => 'infinity'::pg_catalog.timestamptz);

-- call: model_left_out(text,text,timestamp with time zone)
SELECT * FROM benchmark.model_left_out('sonderborg-2023', '2022', as_of => 'infinity'::pg_catalog.timestamptz);

-- call: model_scorecard(text,text,text,timestamp with time zone)
SELECT * FROM benchmark.model_scorecard('sonderborg-2023', 'Sønderborg', '2022', as_of => 'infinity'::pg_catalog.timestamptz);

-- call: model_changes(text,text,text,text,timestamp with time zone,timestamp with time zone)
SELECT * FROM benchmark.model_changes('sonderborg-2023', 'Sønderborg', '2022', '2023', as_of => 'infinity'::pg_catalog.timestamptz,
									  reported_at => 'infinity'::pg_catalog.timestamptz);

-- call: model_placement_gaps(text,text,timestamp with time zone)
SELECT * FROM benchmark.model_placement_gaps('sonderborg-2023', '2023', as_of => 'infinity'::pg_catalog.timestamptz);

-- call: model_what_it_takes(text,text,text,timestamp with time zone)
SELECT * FROM benchmark.model_what_it_takes('sonderborg-2023', 'Sønderborg', '2023', as_of => 'infinity'::pg_catalog.timestamptz);

-- call: model_next_place(text,text,text,timestamp with time zone)
SELECT * FROM benchmark.model_next_place('sonderborg-2023', 'Sønderborg', '2023', as_of => 'infinity'::pg_catalog.timestamptz);

-- call: model_sensitivity(text,text,integer,numeric,integer,timestamp with time zone)
SELECT * FROM benchmark.model_sensitivity('sonderborg-2023', '2023', '100'::pg_catalog.int4, '0.2'::pg_catalog.numeric, '1'::pg_catalog.int4,
										  as_of => 'infinity'::pg_catalog.timestamptz);

-- call: model_scenarios(text,text,timestamp with time zone)
SELECT * FROM benchmark.model_scenarios('sonderborg-2023', '2023', as_of => 'infinity'::pg_catalog.timestamptz);
