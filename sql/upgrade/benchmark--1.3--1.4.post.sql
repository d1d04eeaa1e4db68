/* benchmark 1.3 -> 1.4, part 2 of 2: what needs the re-created layers */

ALTER TABLE benchmark.target ADD CONSTRAINT target_baseline_period_label
	CHECK (baseline_period IS NULL OR benchmark.period_kind(baseline_period) IS NOT NULL);
ALTER TABLE benchmark.target ADD CONSTRAINT target_first_period_label
	CHECK (first_period IS NULL OR benchmark.period_kind(first_period) IS NOT NULL);
ALTER TABLE benchmark.target ADD CONSTRAINT target_last_period_label
	CHECK (last_period IS NULL OR benchmark.period_kind(last_period) IS NOT NULL);
