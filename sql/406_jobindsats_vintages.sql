-- The vintages of the store: a revised, deleted or truncated cell keeps its
-- earlier value with the load that brought it; the store, the stored series
-- and a model over them read as of a moment give exactly what they gave
-- then; jobindsats_revisions lists what changed; a prune keeps what pinned
-- moments read and refuses reads before its horizon.  Every number here is
-- SYNTHETIC.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS benchmark;
RESET client_min_messages;
\set SHOW_CONTEXT never
SET search_path = public, benchmark;

-- the vintages, the pins and the prunes are dumped and readable by all
SELECT c.relname, c.oid = ANY (e.extconfig) AS dumped, has_table_privilege('public', c.oid, 'SELECT') AS public_select
FROM pg_extension e, pg_class c
WHERE e.extname = 'benchmark' AND c.relname IN ('jobindsats_observation_revision', 'jobindsats_vintage_pin', 'jobindsats_vintage_prune')
ORDER BY 1;

-- a monthly table VIN01 for four municipalities, 2022M01-2023M12, one measure
CREATE TEMP TABLE vin_doc AS
SELECT 'Område;Periode;Antal personer' || E'\n'
	   || string_agg(format('%s;%s;%s', a.area, period_from_index('month', period_index('2022M01') + i), a.code * 100 + i), E'\n'
					 ORDER BY a.area, i) AS doc
FROM (VALUES ('Aabenraa', 1), ('Tønder', 2), ('Haderslev', 3), ('Sønderborg', 4)) a(area, code), generate_series(0, 23) i;
INSERT INTO jobindsats_term (term, table_id, measure, kind, per_year, months_required) VALUES
	('vin_mean', 'VIN01', 'Antal personer', 'count', 'mean', 12);
INSERT INTO jobindsats_mapping (mapping, numerator, scale) VALUES ('vin_level', '{vin_mean}', 1);
CREATE VIEW public.vin_source AS SELECT kommune, period, value FROM jobindsats_mapping_values('vin_level');
CREATE VIEW public.vin_raw AS SELECT kommune, period, value FROM jobindsats_series('VIN01', 'Antal personer') WHERE period = '2023M03';
-- a model of two measures over them: lower is better
INSERT INTO model (model, title_da, title_en, baseline_from, baseline_to) VALUES ('regress-vin', 'v', 'v', 2022, 2022);
INSERT INTO model_area (model, area_no, name_da, name_en) VALUES ('regress-vin', 1, 'A', 'A');
INSERT INTO model_measure (model, measure, area_no, position, name_da, name_en, higher_is_better, source) VALUES
	('regress-vin', 'level', 1, 1, 'Niveau', 'Level', false, 'public.vin_source');

SELECT table_id, added, replaced, unchanged FROM jobindsats_load('VIN01', (SELECT doc FROM vin_doc));
SELECT clock_timestamp() AS first_moment \gset
CREATE TEMP TABLE run_first AS SELECT * FROM model_placements('regress-vin', '2023');
SELECT kommune, part, value, placement FROM run_first WHERE part = 'total' ORDER BY placement, kommune;
CREATE TEMP TABLE series_first AS SELECT * FROM jobindsats_mapping_values('vin_level');

CREATE TEMP TABLE run_first_2022 AS SELECT * FROM model_placements('regress-vin', '2022');
-- a revision: Aabenraa's 2023 months now far higher and Haderslev's 2022 far lower, by a reload;
-- a cell deleted directly
SELECT table_id, added, replaced, unchanged, load_id - (SELECT min(load_id) FROM jobindsats_loads WHERE table_id = 'VIN01') AS nth_load
FROM jobindsats_load('VIN01', (SELECT replace(replace(replace(doc, 'Aabenraa;2023M03;114', 'Aabenraa;2023M03;914'),
													  'Aabenraa;2023M04;115', 'Aabenraa;2023M04;915'),
											  'Haderslev;2022M02;301', 'Haderslev;2022M02;-2000') FROM vin_doc));
DELETE FROM jobindsats_observation WHERE table_id = 'VIN01' AND area = 'Tønder' AND period = '2022M05';
-- the store keeps the replaced and the removed values (storage grows by these only)
SELECT area, period, value, stored_at <= replaced_at AS ordered, load_id IS NOT NULL AS by_load,
	   replaced_by - load_id AS replaced_by_next_load
FROM jobindsats_observation_revision WHERE table_id = 'VIN01' ORDER BY area, period;
CREATE TEMP TABLE run_now AS SELECT * FROM model_placements('regress-vin', '2023');
SELECT kommune, part, value, placement FROM run_now WHERE part = 'total' ORDER BY placement, kommune;

-- the runner as of the first moment (its argument as_of): the rows of the first run, exactly
SELECT count(*) AS rows, count(*) FILTER (WHERE f.kommune IS NULL) AS differ
FROM model_placements('regress-vin', '2023', as_of => :'first_moment') p
	 LEFT JOIN run_first f ON (f.kommune, f.part, f.item_key, f.value, f.placement) IS NOT DISTINCT FROM
							  (p.kommune, p.part, p.item_key, p.value, p.placement);
SELECT current_setting('benchmark.as_of', true) IS NULL OR current_setting('benchmark.as_of', true) = '' AS setting_put_back;
SELECT line, value, placement FROM model_scorecard('regress-vin', 'Aabenraa', '2023', as_of => :'first_moment') ORDER BY line_order;
-- the setting is the call's only: a setting of the session's is put back after the call, and
-- after a call that fails (here inside a savepoint); NULL as_of reads as the setting says
SET benchmark.as_of = '-infinity';
SELECT count(*) AS rows_as_of_first FROM model_placements('regress-vin', '2023', as_of => :'first_moment');
SELECT current_setting('benchmark.as_of') = '-infinity' AS session_setting_kept;
SELECT count(*) AS rows_before_any_load FROM model_placements('regress-vin', '2023', as_of => NULL);
RESET benchmark.as_of;
BEGIN;
SAVEPOINT before_call;
SELECT count(*) FROM model_placements('no-such-model', '2023', as_of => :'first_moment');
ROLLBACK TO before_call;
SELECT current_setting('benchmark.as_of', true) IS NULL OR current_setting('benchmark.as_of', true) = '' AS setting_put_back;
COMMIT;
-- a form that returns a value (the report): as the setting gives it; and one called once per row of a join
SELECT set_config('benchmark.as_of', :'first_moment', false) IS NOT NULL AS set;
SELECT md5(model_report('regress-vin', 'Aabenraa', '2023', NULL, true)) AS report_by_setting \gset
RESET benchmark.as_of;
SELECT md5(model_report('regress-vin', 'Aabenraa', '2023', NULL, true, as_of => :'first_moment')) = :'report_by_setting' AS report_as_of_by_argument;
SELECT k.kommune_of, s.placement
FROM (VALUES ('Aabenraa'), ('Tønder')) k(kommune_of),
	 LATERAL model_scorecard('regress-vin', k.kommune_of, '2023', as_of => :'first_moment') s
WHERE s.line = 'Samlet placering' ORDER BY 1;
-- why did Haderslev move from 2022 to 2023, since the first list: the move splits exactly into
-- the places the revision of 2022 made and those 2023's data made
SELECT part, item_key, reported_placement, from_placement, to_placement, places_from_revisions, places_from_new_data
FROM model_changes('regress-vin', 'Haderslev', '2022', '2023', as_of => now(), reported_at => :'first_moment')
WHERE part IN ('area', 'measure') ORDER BY part, item_key;
SELECT count(*) AS rows,
	   count(*) FILTER (WHERE places_from_revisions + places_from_new_data = reported_placement - to_placement) AS adding_up,
	   count(*) FILTER (WHERE reported_placement = (SELECT f.placement FROM run_first_2022 f
													WHERE f.kommune = c.kommune_of AND f.part = c.part AND f.item_key = c.item_key)) AS reported_as_read
FROM (SELECT x.*, k.kommune_of FROM (VALUES ('Aabenraa'), ('Tønder'), ('Haderslev'), ('Sønderborg')) k(kommune_of),
		  LATERAL model_changes('regress-vin', k.kommune_of, '2022', '2023', as_of => now(), reported_at => :'first_moment') x
	  WHERE x.to_placement IS NOT NULL AND x.from_placement IS NOT NULL AND x.reported_placement IS NOT NULL) c;

-- as of the first moment by the setting: the rows of the first run, exactly
SELECT set_config('benchmark.as_of', :'first_moment', false) IS NOT NULL AS set;
SELECT count(*) AS rows, count(*) FILTER (WHERE f.kommune IS NULL) AS differ
FROM model_placements('regress-vin', '2023') p
	 LEFT JOIN run_first f ON (f.kommune, f.part, f.item_key, f.value, f.placement) IS NOT DISTINCT FROM
							  (p.kommune, p.part, p.item_key, p.value, p.placement);
(SELECT * FROM jobindsats_mapping_values('vin_level') EXCEPT ALL SELECT * FROM series_first)
UNION ALL
(SELECT * FROM series_first EXCEPT ALL SELECT * FROM jobindsats_mapping_values('vin_level'));
SELECT kommune, value FROM public.vin_raw ORDER BY 1;
RESET benchmark.as_of;
SELECT kommune, value FROM public.vin_raw ORDER BY 1;
-- as of a moment before the first load: nothing
SELECT count(*) FROM jobindsats_observation_as_of('-infinity') WHERE table_id = 'VIN01';
SELECT count(*) FROM jobindsats_observation_as_of(:'first_moment') WHERE table_id = 'VIN01';

-- what changed since the first moment, with the loads
SELECT area, kommune, period, old_value, new_value, new_load_id - old_load_id AS loads_between, revised_at > :'first_moment' AS later
FROM jobindsats_revisions('VIN01', :'first_moment', now());
SELECT count(*) FROM jobindsats_revisions('vin01', now(), now());
-- (errors that print moments: their SQLSTATE only)
\set VERBOSITY sqlstate
SELECT * FROM jobindsats_revisions('VIN01', now(), :'first_moment');
\set VERBOSITY default

-- a cell's key does not change in place
UPDATE jobindsats_observation SET period = '2021M01' WHERE table_id = 'VIN01' AND area = 'Aabenraa' AND period = '2022M01';
-- a setting that is no moment
SET benchmark.as_of = 'last Tuesday';
SELECT count(*) FROM jobindsats_store_as_read;
RESET benchmark.as_of;

-- a pin keeps what its moment reads through a prune; reads before the horizon are refused
INSERT INTO jobindsats_vintage_pin (pinned_at, label) VALUES (:'first_moment', 'Udvalget, første liste');
SELECT jobindsats_prune_revisions(now()) >= 0 AS pruned;
SELECT count(*) AS vintages_kept FROM jobindsats_observation_revision WHERE table_id = 'VIN01';
SELECT kept_for_pins >= 3 AS logged FROM jobindsats_vintage_prune;
SELECT set_config('benchmark.as_of', :'first_moment', false) IS NOT NULL AS set;
SELECT count(*) AS rows, count(*) FILTER (WHERE f.kommune IS NULL) AS differ
FROM model_placements('regress-vin', '2023') p
	 LEFT JOIN run_first f ON (f.kommune, f.part, f.item_key, f.value, f.placement) IS NOT DISTINCT FROM
							  (p.kommune, p.part, p.item_key, p.value, p.placement);
RESET benchmark.as_of;
\set VERBOSITY sqlstate
SELECT count(*) FROM jobindsats_observation_as_of(:'first_moment'::timestamptz - interval '1 second');
SELECT jobindsats_prune_revisions(now() + interval '1 day');
\set VERBOSITY default
-- without the pin the prune removes them
DELETE FROM jobindsats_vintage_pin;
SELECT jobindsats_prune_revisions(now()) >= 3 AS pruned;
SELECT count(*) AS vintages_left FROM jobindsats_observation_revision WHERE table_id = 'VIN01';
-- a TRUNCATE keeps every cell as a vintage
CREATE TEMP TABLE kept AS SELECT * FROM jobindsats_observation;
SELECT count(*) AS vintages_before FROM jobindsats_observation_revision \gset
TRUNCATE jobindsats_observation_series;
SELECT count(*) - :vintages_before = (SELECT count(*) FROM kept) AS all_kept FROM jobindsats_observation_revision;
INSERT INTO jobindsats_observation SELECT * FROM kept;

-- clean up
DELETE FROM model WHERE model = 'regress-vin';
DROP VIEW public.vin_source, public.vin_raw;
DELETE FROM jobindsats_observation WHERE table_id = 'VIN01';
DELETE FROM jobindsats_mapping WHERE mapping = 'vin_level';
DELETE FROM jobindsats_term WHERE term = 'vin_mean';
DELETE FROM jobindsats_vintage_prune;
DELETE FROM jobindsats_observation_revision;
