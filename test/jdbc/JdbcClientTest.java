import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The extension as a BI tool sees it through the PostgreSQL JDBC driver: every
 * user-facing view and set-returning function delivers plain SQL columns, and
 * a kommune column can be filtered with a setString parameter (which the
 * driver sends as varchar).  Run against a database with the sample data:
 *
 *     java -cp /usr/share/java/postgresql.jar:DIR JdbcClientTest JDBC-URL
 *
 * The URL should set currentSchema=public,benchmark so that names need no schema.
 * With a second argument "reader" the connection's role is expected to hold
 * reading access only: every view and function answers but the loading ones
 * and those that grant access, which must be refused with 42501.
 * Prints one "ok - ..." line per check; exits 1 when any check fails.
 */
public class JdbcClientTest {

	/**
	 * A representative call of each user-facing view and function, by its name
	 * or signature as regclass and regprocedure print them (unqualified, as the
	 * URL's currentSchema puts the extension's schemas on the search_path).
	 */
	static final Map<String, Call> CALLS = new LinkedHashMap<>();

	/** A small jobindsats CSV download (synthetic numbers) and an API v3 reply, for the readers and the loader. */
	static final String CSV = "Område;Periode;Køn;Antal personer\nSønderborg;2021M01;Køn i alt;1.234\nHele landet;2021M01;Køn i alt;98.765\n";
	static final String JSON = "{\"columns\":[\"Område\",\"Periode\",\"Antal ledige personer\"],"
			+ "\"rows\":[[\"Sønderborg\",\"2024Y01\",812],[\"Tønder\",\"2024Y01\",null]]}";

	static {
		call("kommuner()", "SELECT * FROM kommuner()");
		call("unnest(ranking)", "SELECT * FROM unnest((SELECT ranking FROM model_rankings(?, ?) LIMIT 1))",
				"sonderborg-2023", "2022");
		call("model_rankings(text,text)", "SELECT * FROM model_rankings(?, ?)", "sonderborg-2023", "2022");
		call("model_rankings_for(text,text[])", "SELECT * FROM model_rankings_for(?, ?::text[])", "sonderborg-2023", "{2022}");
		call("model_placements(text)", "SELECT * FROM model_placements(?)", "sonderborg-2023");
		call("model_placements(text,text)", "SELECT * FROM model_placements(?, ?)", "sonderborg-2023", "2022");
		call("model_placements_for(text,text[])", "SELECT * FROM model_placements_for(?, ?::text[])",
				"sonderborg-2023", "{2022}");
		call("model_left_out(text,text)", "SELECT * FROM model_left_out(?, ?)", "sonderborg-2023", "2022");
		call("model_scorecard(text,text,text)", "SELECT * FROM model_scorecard(?, ?, ?)",
				"sonderborg-2023", "Sønderborg", "2022");
		call("period_series(text,text)", "SELECT * FROM period_series(?, ?)", "2020Q1", "2022Q4");
		call("period_rollup(text,text,text,integer)", "SELECT * FROM period_rollup(?, ?, ?, ?::integer)",
				"2022M03", "year_to_date", "2023M06", "10");
		call("model_sources(text)", "SELECT * FROM model_sources(?)", "sonderborg-2023");
		call("source_problem(text,text[],text[])", "SELECT * FROM source_problem(?)", "target_sources.voksenlaerlinge");
		call("catalog_orphans", "SELECT * FROM catalog_orphans");
		call("jobindsats_csv(text,text,text[],text)", "SELECT * FROM jobindsats_csv(?, ?)", CSV, "Y01A02");
		call("jobindsats_csv(bytea,text,text[],text,text)", "SELECT * FROM jobindsats_csv(convert_to(?, 'UTF8'), ?)", CSV, "Y01A02");
		call("jobindsats_json(jsonb,text,text[],text)", "SELECT * FROM jobindsats_json(?::jsonb, ?)", JSON, "Y25I01");
		call("jobindsats_json(text,text,text[],text)", "SELECT * FROM jobindsats_json(?::text, ?)", JSON, "Y25I01");
		call("jobindsats_json(bytea,text,text[],text,text)", "SELECT * FROM jobindsats_json(convert_to(?, 'UTF8'), ?)", JSON, "Y25I01");
		call("jobindsats_wide(regclass,text,text[],jsonb)", "SELECT * FROM jobindsats_wide(?::regclass, ?)",
				"jobindsats.y01a02", "Y01A02");
		call("jobindsats_load(text,text,text[],boolean)", "SELECT * FROM jobindsats_load(?, ?)", "Y01A02", CSV);
		call("jobindsats_load(text,bytea,text[],text,boolean)", "SELECT * FROM jobindsats_load(?, convert_to(?, 'UTF8'))",
				"Y01A02", CSV);
		call("jobindsats_load(text,jsonb,text[],boolean)", "SELECT * FROM jobindsats_load(?, ?::jsonb)", "Y25I01", JSON);
		call("jobindsats_load(text,regclass,text[],jsonb,boolean)", "SELECT * FROM jobindsats_load(?, ?::regclass)",
				"Y01A02", "jobindsats.y01a02");
		call("jobindsats_series(text,text,jsonb)", "SELECT * FROM jobindsats_series(?, ?)", "Y01A02", "Antal personer");
		call("y30r21_beside_model(text,text,text,text)", "SELECT * FROM y30r21_beside_model(?, ?)", "sonderborg-2023", "2022");
		call("peer_averages(text,text,text)", "SELECT * FROM peer_averages(?, ?)",
				"target_sources.voksenlaerlinge", "sydjylland");
		call("target_status_for(text,text)", "SELECT * FROM target_status_for(?, NULL)", "Aabenraa");
		call("target_scorecard(text,text)", "SELECT * FROM target_scorecard(?)", "Aabenraa");
		call("target_status", "SELECT * FROM target_status");
		call("target_source", "SELECT * FROM target_source");
		call("peer_groups", "SELECT * FROM peer_groups");
		call("model_changes(text,text,text,text)", "SELECT * FROM model_changes(?, ?, ?, ?)",
				"sonderborg-2023", "Sønderborg", "2022", "2023");
		call("model_placement_gaps(text,text)", "SELECT * FROM model_placement_gaps(?, ?)", "sonderborg-2023", "2023");
		call("model_what_it_takes(text,text,text)", "SELECT * FROM model_what_it_takes(?, ?, ?)",
				"sonderborg-2023", "Sønderborg", "2023");
		call("model_next_place(text,text,text)", "SELECT * FROM model_next_place(?, ?, ?)",
				"sonderborg-2023", "Sønderborg", "2023");
		call("model_sensitivity(text,text,integer,numeric,integer)",
				"SELECT * FROM model_sensitivity(?, ?, ?::integer, ?::numeric, ?::integer)",
				"sonderborg-2023", "2023", "100", "0.2", "1");
		call("model_scenarios(text,text)", "SELECT * FROM model_scenarios(?, ?)", "sonderborg-2023", "2023");
		call("weighted_placement_draws(ranking[],numeric[],text,integer,numeric,integer,integer)",
				"SELECT d.* FROM benchmark_internal.explain_total_inputs(?, ?::text[]) i, weighted_placement_draws(i.rankings, i.weights, i.missing, 100, 0.2, 1, 10) d",
				"sonderborg-2023", "{2023}");
		call("model_rank_intervals_for(text,integer,numeric,integer)",
				"SELECT * FROM model_rank_intervals_for(?, ?::integer, ?::numeric, ?::integer)", "sonderborg-2023", "100", "0.2", "1");
		call("model_placements_over_time", "SELECT * FROM model_placements_over_time WHERE model = ?", "sonderborg-2023");
		call("model_chart_placements(text,text,text)", "SELECT * FROM model_chart_placements(?, ?)", "sonderborg-2023",
				"Sønderborg");
		call("model_rank_intervals", "SELECT * FROM model_rank_intervals WHERE model = ?", "sonderborg-2023");
		call("jobindsats_term_values(text,text)", "SELECT * FROM jobindsats_term_values(?, ?)", "befolkning_16_66", "year");
		call("jobindsats_mapping_values(text,text)", "SELECT * FROM jobindsats_mapping_values(?, ?)", "ydelse_dagpenge", "rolling_year");
		call("model_missing_data(text,text)", "SELECT * FROM model_missing_data(?, ?)", "sonderborg-2023", "2022");
		call("jobindsats_table_cells(text,text[])", "SELECT * FROM jobindsats_table_cells(?, ?::text[])", "PTVA02", "{Antal personer}");
		call("jobindsats_table_breakdowns(text,text)", "SELECT * FROM jobindsats_table_breakdowns(?, ?)", "PTVA02", "Antal personer");
		call("jobindsats_term_derive(text,text,boolean)", "SELECT * FROM jobindsats_term_derive(?, ?, true)", "befolkning_16_66", "year");
		call("jobindsats_label_match(text,text[])", "SELECT * FROM jobindsats_label_match(?, ?::text[])",
				"antal personer", "{Antal personer,Antal fuldtidspersoner}");
		call("jobindsats_observation", "SELECT * FROM jobindsats_observation WHERE table_id = ? AND area = ?", "PTVA02", "Sønderborg");
		call("jobindsats_store_as_read", "SELECT * FROM jobindsats_store_as_read WHERE table_id = ? AND area = ?", "PTVA02", "Sønderborg");
		call("jobindsats_observation_as_of(timestamp with time zone)",
				"SELECT * FROM jobindsats_observation_as_of(now()) WHERE table_id = ? AND area = ?", "PTVA02", "Sønderborg");
		call("jobindsats_cell_as_of(text,text,text,text,jsonb,timestamp with time zone)",
				"SELECT c.* FROM (SELECT * FROM jobindsats_observation WHERE table_id = ? LIMIT 1) o, "
				+ "jobindsats_cell_as_of(o.table_id, o.measure, o.area, o.period, o.dimensions, now()) c", "PTVA02");
		call("jobindsats_revisions(text,timestamp with time zone,timestamp with time zone)",
				"SELECT * FROM jobindsats_revisions(?, '-infinity', now())", "PTVA02");
		// the as_of forms of the runner, the explain functions (as of 'infinity': the store as it is)
		call("model_placements(text,timestamp with time zone)", "SELECT * FROM model_placements(?, as_of => ?::timestamptz)",
				"sonderborg-2023", "infinity");
		call("model_placements(text,text,timestamp with time zone)", "SELECT * FROM model_placements(?, ?, as_of => ?::timestamptz)",
				"sonderborg-2023", "2022", "infinity");
		call("model_left_out(text,text,timestamp with time zone)", "SELECT * FROM model_left_out(?, ?, as_of => ?::timestamptz)",
				"sonderborg-2023", "2022", "infinity");
		call("model_scorecard(text,text,text,timestamp with time zone)",
				"SELECT * FROM model_scorecard(?, ?, ?, as_of => ?::timestamptz)", "sonderborg-2023", "Sønderborg", "2022", "infinity");
		call("model_changes(text,text,text,text,timestamp with time zone,timestamp with time zone)",
				"SELECT * FROM model_changes(?, ?, ?, ?, as_of => ?::timestamptz, reported_at => ?::timestamptz)",
				"sonderborg-2023", "Sønderborg", "2022", "2023", "infinity", "infinity");
		call("model_placement_gaps(text,text,timestamp with time zone)",
				"SELECT * FROM model_placement_gaps(?, ?, as_of => ?::timestamptz)", "sonderborg-2023", "2023", "infinity");
		call("model_what_it_takes(text,text,text,timestamp with time zone)",
				"SELECT * FROM model_what_it_takes(?, ?, ?, as_of => ?::timestamptz)", "sonderborg-2023", "Sønderborg", "2023", "infinity");
		call("model_next_place(text,text,text,timestamp with time zone)",
				"SELECT * FROM model_next_place(?, ?, ?, as_of => ?::timestamptz)", "sonderborg-2023", "Sønderborg", "2023", "infinity");
		call("model_sensitivity(text,text,integer,numeric,integer,timestamp with time zone)",
				"SELECT * FROM model_sensitivity(?, ?, ?::integer, ?::numeric, ?::integer, as_of => ?::timestamptz)",
				"sonderborg-2023", "2023", "100", "0.2", "1", "infinity");
		call("model_scenarios(text,text,timestamp with time zone)",
				"SELECT * FROM model_scenarios(?, ?, as_of => ?::timestamptz)", "sonderborg-2023", "2023", "infinity");
		call("access_statements(regrole,text,text)", "SELECT * FROM access_statements(?::regrole, ?, ?)",
				"jdbc_access_probe", "reading", "GRANT");
		call("grant_access(regrole,text)", "SELECT * FROM grant_access(?::regrole, ?)", "jdbc_access_probe", "reading");
		call("revoke_access(regrole,text)", "SELECT * FROM revoke_access(?::regrole, ?)", "jdbc_access_probe", "loading");
		// the preset's installed mapping views
		for (String mapping : List.of("stillingsopslag", "virksomhedstilfredshed", "opkvalificering", "revalidering",
				"opkvalificering_dagpenge", "job_efter_26_uger", "langtidsledige", "unge_i_job_og_uddannelse",
				"ingen_passive_unge", "aktive_aktivitetsparate", "ledighed_fleksjob", "aktive_ikke_vestlige",
				"forsoergelsesgab", "delvis_raskmelding", "borgertilfredshed", "ydelse_dagpenge", "ydelse_kontanthjaelp",
				"ydelse_uddannelseshjaelp", "ydelse_revalidering", "ydelse_integration", "ydelse_sygedagpenge",
				"ydelse_jobafklaring", "ydelse_ressourceforloeb", "ydelse_ledighedsydelse", "ydelse_fleksjob",
				"ydelse_foertidspension"))
			call("mapped_" + mapping, "SELECT * FROM mapped_" + mapping + " WHERE kommune = ?", "Sønderborg");
	}

	/**
	 * Columns that deliberately carry one of the extension's own types (which
	 * JDBC reports as Types.OTHER), as "signature.column".
	 */
	static final Set<String> EXTENSION_TYPED = Set.of(
			// its purpose is to hand over ranking values, for placement(), -> and unnest()
			"model_rankings(text,text).ranking",
			"model_rankings_for(text,text[]).ranking",
			// the type itself, listed with its plain code and name columns next to it
			"kommuner().kommune",
			// the readers' municipality, typed so that it joins and filters as the type does
			// (the area as written is the plain column area next to it)
			"jobindsats_csv(text,text,text[],text).kommune",
			"jobindsats_csv(bytea,text,text[],text,text).kommune",
			"jobindsats_json(jsonb,text,text[],text).kommune",
			"jobindsats_json(text,text,text[],text).kommune",
			"jobindsats_json(bytea,text,text[],text,text).kommune",
			"jobindsats_wide(regclass,text,text[],jsonb).kommune",
			// the readers' dimensions (label -> value as written), one jsonb object per cell;
			// getString() reads it as JSON text
			"jobindsats_csv(text,text,text[],text).dimensions",
			"jobindsats_csv(bytea,text,text[],text,text).dimensions",
			"jobindsats_json(jsonb,text,text[],text).dimensions",
			"jobindsats_json(text,text,text[],text).dimensions",
			"jobindsats_json(bytea,text,text[],text,text).dimensions",
			"jobindsats_wide(regclass,text,text[],jsonb).dimensions",
			"jobindsats_table_cells(text,text[]).dimensions",
			"jobindsats_table_breakdowns(text,text).jobindsats_table_breakdowns",
			// a load's report: the municipalities per period ({"2022QMAT04": 98}), for a loading
			// script to read as JSON; getString() reads it as JSON text
			"jobindsats_load(text,text,text[],boolean).municipalities",
			"jobindsats_load(text,bytea,text[],text,boolean).municipalities",
			"jobindsats_load(text,jsonb,text[],boolean).municipalities",
			"jobindsats_load(text,regclass,text[],jsonb,boolean).municipalities",
			// the store as read and as of a moment: rows of jobindsats_observation, typed as it is
			"jobindsats_observation.kommune",
			"jobindsats_observation.dimensions",
			"jobindsats_store_as_read.kommune",
			"jobindsats_store_as_read.dimensions",
			"jobindsats_observation_as_of(timestamp with time zone).kommune",
			"jobindsats_observation_as_of(timestamp with time zone).dimensions",
			"jobindsats_revisions(text,timestamp with time zone,timestamp with time zone).dimensions");

	/**
	 * The calls a role with reading access only may not make: loading (for roles granted
	 * benchmark.grant_access(role, 'loading')) and granting access (the extension's owner's):
	 * it gets SQLSTATE 42501 from them.
	 */
	static final Set<String> NOT_READING = Set.of(
			"grant_access(regrole,text)", "revoke_access(regrole,text)",
			"jobindsats_csv(text,text,text[],text)", "jobindsats_csv(bytea,text,text[],text,text)",
			"jobindsats_json(jsonb,text,text[],text)", "jobindsats_json(text,text,text[],text)",
			"jobindsats_json(bytea,text,text[],text,text)",
			"jobindsats_load(text,text,text[],boolean)", "jobindsats_load(text,bytea,text[],text,boolean)",
			"jobindsats_load(text,jsonb,text[],boolean)", "jobindsats_load(text,regclass,text[],jsonb,boolean)");

	/** True when the test runs as a role with reading access only (second argument "reader"). */
	static boolean reader = false;

	/** Views that are empty in a healthy database. */
	static final Set<String> EMPTY_OK = Set.of("catalog_orphans",
			// the sample holds no revised cells
			"jobindsats_revisions(text,timestamp with time zone,timestamp with time zone)");

	/** User-facing: members of the extension that are views, or functions returning rows, but the internal ones. */
	static final String USER_FACING = """
			SELECT c.oid::regclass::text
			FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
			WHERE d.classid = 'pg_class'::regclass AND d.deptype = 'e'
			  AND d.refclassid = 'pg_extension'::regclass
			  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'benchmark')
			  AND c.relkind IN ('v', 'm')
			UNION ALL
			SELECT p.oid::regprocedure::text
			FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid JOIN pg_type t ON t.oid = p.prorettype
			WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
			  AND d.refclassid = 'pg_extension'::regclass
			  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'benchmark')
			  AND p.prokind = 'f' AND p.pronamespace <> 'benchmark_internal'::regnamespace
			  AND (p.proretset OR t.typtype = 'c' OR p.prorettype = 'record'::regtype)
			  AND p.prorettype NOT IN ('trigger'::regtype, 'internal'::regtype)
			  AND NOT 'internal'::regtype = ANY (p.proargtypes)
			ORDER BY 1""";

	/** JDBC types a BI tool cannot treat as a plain column. */
	static final Set<Integer> NOT_PLAIN = Set.of(Types.OTHER, Types.STRUCT, Types.JAVA_OBJECT, Types.DISTINCT);

	record Call(String sql, String[] args) {}

	static void call(String signature, String sql, String... args) {
		CALLS.put(signature, new Call(sql, args));
	}

	static int failures = 0;

	static void ok(boolean good, String what) {
		System.out.println((good ? "ok - " : "not ok - ") + what);
		if (!good)
			failures++;
	}

	static PreparedStatement prepare(Connection db, String sql, String... args) throws SQLException {
		PreparedStatement st = db.prepareStatement(sql);
		for (int i = 0; i < args.length; i++)
			st.setString(i + 1, args[i]);
		return st;
	}

	/** The first column of every row, as strings. */
	static List<String> column(Connection db, String sql, String... args) throws SQLException {
		List<String> values = new ArrayList<>();
		try (PreparedStatement st = prepare(db, sql, args); ResultSet rs = st.executeQuery()) {
			while (rs.next())
				values.add(rs.getString(1));
		}
		return values;
	}

	/** (a) Every user-facing view and function is covered and delivers plain columns. */
	static void plainColumns(Connection db) throws SQLException {
		Set<String> found = new TreeSet<>(column(db, USER_FACING));
		Set<String> uncovered = new TreeSet<>(found);
		uncovered.removeAll(CALLS.keySet());
		ok(uncovered.isEmpty(), "every user-facing view and set-returning function has a call in the test"
				+ (uncovered.isEmpty() ? "" : "; add one for: " + String.join(", ", uncovered)));
		Set<String> gone = new TreeSet<>(CALLS.keySet());
		gone.removeAll(found);
		ok(gone.isEmpty(), "every call in the test is of a user-facing view or function"
				+ (gone.isEmpty() ? "" : "; not found in the extension: " + String.join(", ", gone)));

		Set<String> extensionTyped = new TreeSet<>();
		for (Map.Entry<String, Call> e : CALLS.entrySet()) {
			String signature = e.getKey();
			List<String> notPlain = new ArrayList<>();
			List<String> allowed = new ArrayList<>();
			int rows = 0;
			if (reader && NOT_READING.contains(signature)) {
				try (PreparedStatement st = prepare(db, e.getValue().sql(), e.getValue().args())) {
					st.executeQuery().close();
					ok(false, signature + ": a reading role may call it");
				} catch (SQLException ex) {
					ok("42501".equals(ex.getSQLState()), signature + ": refused to a reading role, " + ex.getSQLState());
				}
				continue;
			}
			try (PreparedStatement st = prepare(db, e.getValue().sql(), e.getValue().args());
					ResultSet rs = st.executeQuery()) {
				ResultSetMetaData md = rs.getMetaData();
				for (int i = 1; i <= md.getColumnCount(); i++) {
					String column = signature + "." + md.getColumnName(i);
					if (!NOT_PLAIN.contains(md.getColumnType(i)))
						continue;
					String described = md.getColumnName(i) + " (" + md.getColumnTypeName(i) + ")";
					if (EXTENSION_TYPED.contains(column)) {
						extensionTyped.add(column);
						allowed.add(described);
					} else
						notPlain.add(described);
				}
				for (; rs.next(); rows++)
					for (int i = 1; i <= md.getColumnCount(); i++)
						rs.getString(i);
			} catch (SQLException ex) {
				ok(false, signature + ": " + ex.getMessage());
				continue;
			}
			String columns = !notPlain.isEmpty() ? "not plain: " + String.join(", ", notPlain)
					: allowed.isEmpty() ? "every column a plain SQL type"
					: "every column a plain SQL type but the allowed " + String.join(", ", allowed);
			ok(notPlain.isEmpty() && (rows > 0 || EMPTY_OK.contains(signature)), signature + ": " + rows + " rows, " + columns);
		}
		Set<String> stale = new TreeSet<>(EXTENSION_TYPED);
		stale.removeAll(extensionTyped);
		// a reading role does not call the loading readers, whose columns are listed
		if (reader)
			stale.removeIf(column -> NOT_READING.contains(column.substring(0, column.lastIndexOf('.'))));
		ok(stale.isEmpty(), "every column allowed an extension type has one"
				+ (stale.isEmpty() ? "" : "; not found or now plain (drop from EXTENSION_TYPED): " + String.join(", ", stale)));
	}

	/** (b) A kommune column filtered with setString: a name, the code, IN, <>, an unknown name. */
	static void kommuneParameters(Connection db) throws SQLException {
		List<String> code = column(db, "SELECT code FROM kommuner() WHERE kommune = ?", "Sønderborg");
		ok(code.equals(List.of("540")), "kommune = setString(\"Sønderborg\") finds code 540: " + code);
		List<String> name = column(db, "SELECT name FROM kommuner() WHERE kommune = ?", "540");
		ok(name.equals(List.of("Sønderborg")), "kommune = setString(\"540\") finds Sønderborg: " + name);
		List<String> spelled = column(db, "SELECT name FROM kommuner() WHERE ? = kommune", "sonderborg kommune");
		ok(spelled.equals(List.of("Sønderborg")), "setString(\"sonderborg kommune\") = kommune finds Sønderborg: " + spelled);
		List<String> both = column(db, "SELECT name FROM kommuner() WHERE kommune IN (?, ?) ORDER BY code",
				"Aabenraa", "540");
		ok(both.equals(List.of("Sønderborg", "Aabenraa")), "kommune IN (?, ?) finds both: " + both);
		List<String> others = column(db, "SELECT count(*) FROM kommuner() WHERE kommune <> ?", "Sønderborg");
		ok(others.equals(List.of("97")), "kommune <> ? leaves the other 97: " + others);
		List<String> targets = column(db, "SELECT count(*) FROM target WHERE kommune = ?", "Tønder");
		ok(!targets.equals(List.of("0")), "a table's kommune column = ? finds Tønder's targets: " + targets);
		try {
			column(db, "SELECT code FROM kommuner() WHERE kommune = ?", "Nowhere");
			ok(false, "an unknown name is an error");
		} catch (SQLException ex) {
			ok("22P02".equals(ex.getSQLState()), "an unknown name is the type's input error " + ex.getSQLState()
					+ ": " + ex.getMessage().lines().findFirst().orElse(""));
		}
	}

	/** (c) The runner's output filtered by a municipality's name. */
	static void runnerByName(Connection db) throws SQLException {
		String sql = "SELECT placement FROM model_placements(?, ?) WHERE part = 'total' AND kommune = ?";
		List<String> byParameter = column(db, sql, "sonderborg-2023", "2022", "Sønderborg");
		List<String> byLiteral = column(db,
				"SELECT placement FROM model_placements('sonderborg-2023', '2022') WHERE part = 'total' AND kommune = 'Sønderborg'");
		ok(byParameter.size() == 1 && byParameter.equals(byLiteral),
				"model_placements(?, ?) WHERE kommune = ? finds Sønderborg's total placement: " + byParameter);
	}

	public static void main(String[] argv) throws SQLException {
		reader = argv.length > 1 && argv[1].equals("reader");
		try (Connection db = DriverManager.getConnection(argv[0])) {
			plainColumns(db);
			kommuneParameters(db);
			runnerByName(db);
		}
		if (failures > 0) {
			System.err.println("FAIL: " + failures + " JDBC check(s) failed");
			System.exit(1);
		}
	}
}
