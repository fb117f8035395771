// The JDBC check of the BI report queries (test/cluster/bi/report_queries.sql), run
// by test/cluster/bi/run against the throwaway cluster of `make test`:
//
//   java -cp <dir>:/usr/share/java/postgresql.jar ReportQueries QUERIES_FILE DATABASE
//
// Connects with Debian's PostgreSQL JDBC driver (PGHOST, PGPORT, PGUSER,
// PGPASSWORD from the environment), runs every query as a PreparedStatement
// with its "params" bound (setInt, setString, setObject(LocalDate): what BI
// tools bind), and asserts
//   - through ResultSetMetaData that every column is a standard JDBC type:
//     DOUBLE, NUMERIC, BIGINT, INTEGER, VARCHAR, BOOLEAN, DATE; and BIT for
//     PostgreSQL boolean, which pgjdbc reports as Types.BIT (its long-standing
//     mapping; getObject gives a java.lang.Boolean);
//   - that the column names, the number of rows and every value equal psql's
//     for the same query (PREPARE + EXECUTE with the same params), exactly:
//     float8 compared bit for bit (psql prints the shortest text that reads
//     back to the same double, Double.parseDouble reads it back correctly
//     rounded), numeric by BigDecimal.equals (value and scale), integers as
//     longs, text as strings, booleans, dates;
//   - that at least one row comes back.
// Each query runs twice: on a default connection (text results) and on one
// with prepareThreshold=-1 (server-side prepared from the first execution,
// binary results for the numeric types and date).
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGResultSetMetaData;

public class ReportQueries {
	/** How psql is told to print NULL; a text value equal to it is refused as ambiguous. */
	static final String NULL_MARK = "<NULL>";

	record Query(String name, String params, List<Object> values, String sql) {}

	static int failures = 0;

	static void fail(String query, String what) {
		failures++;
		System.out.println("FAIL " + query + ": " + what);
	}

	// ---- test/cluster/bi/report_queries.sql -------------------------------------

	/**
	 * A query starts at "-- name: NAME", then "-- params: LITERALS", then
	 * comment lines, then the SQL up to the line that ends with ";".
	 */
	static List<Query> readQueries(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		List<Query> queries = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).startsWith("-- name: "))
				continue;
			String name = lines.get(i).substring("-- name: ".length()).trim();
			String paramsLine = lines.get(++i);
			if (!paramsLine.startsWith("-- params:"))
				throw new IllegalArgumentException(name + ": no \"-- params:\" line after the name");
			String params = paramsLine.substring("-- params:".length()).trim();
			while (lines.get(i + 1).startsWith("--"))
				i++;
			StringBuilder sql = new StringBuilder();
			while (true) {
				String line = lines.get(++i);
				sql.append(line).append('\n');
				if (line.stripTrailing().endsWith(";"))
					break;
			}
			String text = sql.toString().stripTrailing();
			queries.add(new Query(name, params, parseParams(name, params), text.substring(0, text.length() - 1)));
		}
		if (queries.isEmpty())
			throw new IllegalArgumentException(file + ": no queries");
		return queries;
	}

	static final Pattern PARAM = Pattern.compile(
		"\\s*(?:(-?[0-9]+)|'((?:[^']|'')*)'|DATE '([0-9]{4}-[0-9]{2}-[0-9]{2})')\\s*(,|$)");

	/** SQL literals: integers, 'strings', DATE 'yyyy-mm-dd'. */
	static List<Object> parseParams(String name, String params) {
		List<Object> values = new ArrayList<>();
		Matcher m = PARAM.matcher(params);
		int at = 0;
		while (at < params.length()) {
			if (!m.find(at) || m.start() != at)
				throw new IllegalArgumentException(name + ": cannot read params at: " + params.substring(at));
			if (m.group(1) != null)
				values.add(Integer.valueOf(m.group(1)));
			else if (m.group(2) != null)
				values.add(m.group(2).replace("''", "'"));
			else
				values.add(LocalDate.parse(m.group(3)));
			at = m.end();
		}
		return values;
	}

	// ---- psql: the reference ----------------------------------------------

	record Table(List<String> names, List<List<String>> rows) {}

	/** psql -A with NUL after every field; the column count comes from the driver. */
	static Table psql(String database, Query q, int columns) throws IOException, InterruptedException {
		ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-q", "-A", "-z", "-0", "-P", "footer=off",
			"-P", "null=" + NULL_MARK, "-v", "ON_ERROR_STOP=1", "-d", database, "-f", "-");
		pb.environment().put("PGCLIENTENCODING", "UTF8");
		pb.redirectError(ProcessBuilder.Redirect.INHERIT);
		Process p = pb.start();
		String script = "SET extra_float_digits = 3;\nSET DateStyle = ISO;\n"
			+ "PREPARE q AS\n" + q.sql() + ";\n"
			+ "EXECUTE q" + (q.params().isEmpty() ? "" : "(" + q.params() + ")") + ";\n";
		try (OutputStream in = p.getOutputStream()) {
			in.write(script.getBytes(StandardCharsets.UTF_8));
		}
		byte[] out;
		try (InputStream o = p.getInputStream()) {
			out = o.readAllBytes();
		}
		if (p.waitFor() != 0)
			throw new IOException("psql failed on " + q.name());
		List<String> fields = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < out.length; i++) {
			if (out[i] == 0) {
				fields.add(new String(out, start, i - start, StandardCharsets.UTF_8));
				start = i + 1;
			}
		}
		if (start != out.length || fields.size() % columns != 0)
			throw new IOException(q.name() + ": psql printed " + fields.size() + " fields for "
				+ columns + " columns (a different number of columns?)");
		List<List<String>> rows = new ArrayList<>();
		for (int r = columns; r < fields.size(); r += columns)
			rows.add(fields.subList(r, r + columns));
		return new Table(fields.subList(0, columns), rows);
	}

	// ---- JDBC ---------------------------------------------------------------

	/** "$n" -> "?", with the value of $n bound at each. */
	static PreparedStatement prepare(Connection c, Query q) throws SQLException {
		if (q.sql().indexOf('?') >= 0)
			throw new IllegalArgumentException(q.name() + ": a \"?\" in the SQL would be read as a JDBC parameter");
		Matcher m = Pattern.compile("\\$([0-9]+)").matcher(q.sql());
		List<Object> binds = new ArrayList<>();
		StringBuilder sql = new StringBuilder();
		while (m.find()) {
			int n = Integer.parseInt(m.group(1));
			if (n < 1 || n > q.values().size())
				throw new IllegalArgumentException(q.name() + ": $" + n + " has no value in params");
			binds.add(q.values().get(n - 1));
			m.appendReplacement(sql, "?");
		}
		m.appendTail(sql);
		PreparedStatement ps = c.prepareStatement(sql.toString());
		for (int i = 0; i < binds.size(); i++) {
			Object v = binds.get(i);
			if (v instanceof Integer n)
				ps.setInt(i + 1, n);
			else if (v instanceof String s)
				ps.setString(i + 1, s);
			else
				ps.setObject(i + 1, (LocalDate) v);
		}
		return ps;
	}

	static final Map<Integer, Class<?>> STANDARD = Map.of(
		Types.DOUBLE, Double.class,
		Types.NUMERIC, BigDecimal.class,
		Types.BIGINT, Long.class,
		Types.INTEGER, Integer.class,
		Types.VARCHAR, String.class,
		Types.BOOLEAN, Boolean.class,
		Types.BIT, Boolean.class,
		Types.DATE, java.sql.Date.class);

	/** The value in column i equals psql's text exactly; null when it does, else what differs. */
	static String differs(ResultSet rs, int i, int type, String expected) throws SQLException {
		Object any = rs.getObject(i);
		if (any == null)
			return expected.equals(NULL_MARK) ? null : "NULL, psql: " + expected;
		if (expected.equals(NULL_MARK))
			return any.toString().equals(NULL_MARK) ? "ambiguous: the value is psql's NULL mark" : any + ", psql: NULL";
		if (!STANDARD.get(type).isInstance(any))
			return "getObject gives a " + any.getClass().getName();
		switch (type) {
			case Types.DOUBLE: {
				double got = rs.getDouble(i);
				double want = Double.parseDouble(expected);
				return Double.doubleToRawLongBits(got) == Double.doubleToRawLongBits(want) ? null
					: got + " (bits " + Long.toHexString(Double.doubleToRawLongBits(got)) + "), psql: " + expected;
			}
			case Types.NUMERIC: {
				BigDecimal got = rs.getBigDecimal(i);
				return got.equals(new BigDecimal(expected)) ? null : got.toPlainString() + ", psql: " + expected;
			}
			case Types.BIGINT:
			case Types.INTEGER: {
				long got = rs.getLong(i);
				return got == Long.parseLong(expected) ? null : got + ", psql: " + expected;
			}
			case Types.VARCHAR: {
				String got = rs.getString(i);
				return got.equals(expected) ? null : "'" + got + "', psql: '" + expected + "'";
			}
			case Types.BOOLEAN:
			case Types.BIT: {
				boolean got = rs.getBoolean(i);
				if (!expected.equals("t") && !expected.equals("f"))
					return "psql printed " + expected + " for a boolean";
				return got == expected.equals("t") ? null : got + ", psql: " + expected;
			}
			case Types.DATE: {
				LocalDate got = rs.getObject(i, LocalDate.class);
				return got.equals(LocalDate.parse(expected)) ? null : got + ", psql: " + expected;
			}
			default:
				return "unexpected type " + type;
		}
	}

	static void check(Connection c, String mode, String database, Query q) throws Exception {
		String where = q.name() + " (" + mode + ")";
		int before = failures;
		try (PreparedStatement ps = prepare(c, q); ResultSet rs = ps.executeQuery()) {
			ResultSetMetaData md = rs.getMetaData();
			int columns = md.getColumnCount();
			int[] types = new int[columns + 1];
			StringBuilder shape = new StringBuilder();
			boolean typesOk = true;
			for (int i = 1; i <= columns; i++) {
				types[i] = md.getColumnType(i);
				String pgType = md.getColumnTypeName(i);
				boolean ok = STANDARD.containsKey(types[i]) && (types[i] != Types.BIT || pgType.equals("bool"));
				if (!ok) {
					typesOk = false;
					fail(where, "column " + md.getColumnLabel(i) + " is " + pgType + ", JDBC type "
						+ JDBCType.valueOf(types[i]).getName() + ": not a standard type");
				}
				shape.append(i > 1 ? ", " : "").append(md.getColumnLabel(i)).append(' ')
					.append(JDBCType.valueOf(types[i]).getName());
				if (md.unwrap(PGResultSetMetaData.class).getFormat(i) == 1)
					shape.append(" (binary)");
			}
			if (!typesOk)
				return;
			Table ref = psql(database, q, columns);
			for (int i = 1; i <= columns; i++)
				if (!md.getColumnLabel(i).equals(ref.names().get(i - 1)))
					fail(where, "column " + i + " is " + md.getColumnLabel(i) + ", psql: " + ref.names().get(i - 1));
			int row = 0;
			while (rs.next()) {
				if (row >= ref.rows().size()) {
					row++;
					continue;
				}
				List<String> expected = ref.rows().get(row);
				for (int i = 1; i <= columns; i++) {
					String d;
					try {
						d = differs(rs, i, types[i], expected.get(i - 1));
					} catch (SQLException | RuntimeException e) {
						d = "cannot compare with psql's " + expected.get(i - 1) + ": " + e;
					}
					if (d != null && failures - before < 10)
						fail(where, "row " + (row + 1) + ", " + md.getColumnLabel(i) + ": " + d);
					else if (d != null)
						failures++;
				}
				row++;
			}
			if (row != ref.rows().size())
				fail(where, row + " rows, psql: " + ref.rows().size());
			else if (row == 0)
				fail(where, "no rows");
			else if (failures == before)
				System.out.println("ok   " + where + ": " + row + " rows equal to psql's; " + shape);
		}
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 2) {
			System.err.println("usage: ReportQueries QUERIES_FILE DATABASE");
			System.exit(2);
		}
		List<Query> queries = readQueries(Path.of(args[0]));
		String database = args[1];
		String host = System.getenv().getOrDefault("PGHOST", "localhost");
		if (host.startsWith("/"))
			throw new IllegalStateException("PGHOST is a socket directory; JDBC needs a TCP host");
		String url = "jdbc:postgresql://" + host + ":" + System.getenv().getOrDefault("PGPORT", "5432") + "/" + database;
		String user = System.getenv().getOrDefault("PGUSER", System.getProperty("user.name"));
		String password = System.getenv("PGPASSWORD");
		try (Connection text = DriverManager.getConnection(url, user, password);
		     Connection binary = DriverManager.getConnection(url + "?prepareThreshold=-1", user, password)) {
			System.out.println("JDBC: " + text.getMetaData().getDriverName() + " "
				+ text.getMetaData().getDriverVersion() + ", Java " + System.getProperty("java.version"));
			for (Query q : queries) {
				check(text, "text", database, q);
				check(binary, "binary", database, q);
			}
		}
		System.out.println(failures == 0 ? "JDBC: all " + queries.size() + " queries pass" : "JDBC: " + failures + " failures");
		System.exit(failures == 0 ? 0 : 1);
	}
}
