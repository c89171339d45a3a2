package io.cessio.perf;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Wraps the data source so that every statement execution, batch, commit and rollback is
 * counted and timed (client side: the round trip plus PostgreSQL's work), separately for
 * the thread being profiled and for all the others (event listeners…). Installed only in
 * profiling runs.
 */
final class StatementTimings implements BeanPostProcessor {

	private static final Map<String, long[]> PROFILED = new ConcurrentHashMap<>();

	private static final Map<String, long[]> OTHERS = new ConcurrentHashMap<>();

	private static final AtomicLong CONNECTION_WAIT = new AtomicLong();

	private static volatile Thread profiled;

	static void profile(Thread thread) {
		PROFILED.clear();
		OTHERS.clear();
		CONNECTION_WAIT.set(0);
		profiled = thread;
	}

	static void stop() {
		profiled = null;
	}

	/**
	 * One line per statement of the profiled thread, most time first: calls and
	 * milliseconds per item.
	 */
	static void print(String prefix, int items, double wallSeconds) {
		long sqlNanos = PROFILED.values().stream().mapToLong(v -> v[1]).sum();
		long calls = PROFILED.values().stream().mapToLong(v -> v[0]).sum();
		System.out.printf(Locale.ROOT,
				"%s items=%d wall_ms_per_item=%.3f jdbc_calls_per_item=%.2f jdbc_ms_per_item=%.3f "
						+ "pool_wait_ms_per_item=%.3f java_ms_per_item=%.3f other_threads_jdbc_calls_per_item=%.2f%n",
				prefix, items, wallSeconds * 1e3 / items, calls / (double) items, sqlNanos / 1e6 / items,
				CONNECTION_WAIT.get() / 1e6 / items,
				(wallSeconds * 1e9 - sqlNanos - CONNECTION_WAIT.get()) / 1e6 / items,
				OTHERS.values().stream().mapToLong(v -> v[0]).sum() / (double) items);
		List<Map.Entry<String, long[]>> rows = PROFILED.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
			.toList();
		for (var row : rows) {
			System.out.printf(Locale.ROOT, "%s_SQL calls_per_item=%.2f ms_per_item=%.3f sql=%s%n", prefix,
					row.getValue()[0] / (double) items, row.getValue()[1] / 1e6 / items, row.getKey());
		}
		OTHERS.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
			.limit(8)
			.forEach(row -> System.out.printf(Locale.ROOT,
					"%s_OTHER_THREADS calls_per_item=%.2f ms_per_item=%.3f sql=%s%n", prefix,
					row.getValue()[0] / (double) items, row.getValue()[1] / 1e6 / items, row.getKey()));
	}

	private static void record(String what, long nanos) {
		Map<String, long[]> target = Thread.currentThread() == profiled ? PROFILED : OTHERS;
		long[] slot = target.computeIfAbsent(what, w -> new long[2]);
		synchronized (slot) {
			slot[0]++;
			slot[1] += nanos;
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari) {
			return new DelegatingDataSource(hikari) {
				@Override
				public Connection getConnection() throws SQLException {
					long begin = System.nanoTime();
					Connection connection = super.getConnection();
					if (Thread.currentThread() == profiled) {
						CONNECTION_WAIT.addAndGet(System.nanoTime() - begin);
					}
					return connection(connection);
				}
			};
		}
		return bean;
	}

	private static Connection connection(Connection target) {
		return (Connection) Proxy.newProxyInstance(StatementTimings.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					boolean timed = method.getName().equals("commit") || method.getName().equals("rollback");
					long begin = System.nanoTime();
					Object result = invoke(target, method, args);
					if (timed) {
						record(method.getName(), System.nanoTime() - begin);
					}
					if (result instanceof Statement statement) {
						String sql = (args != null && args.length > 0 && args[0] instanceof String s)
								? s.replaceAll("\\s+", " ").trim() : "(plain statement)";
						return statement(statement, sql, method.getReturnType());
					}
					return result;
				});
	}

	private static Object statement(Statement target, String sql, Class<?> type) {
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (!name.startsWith("execute")) {
				return invoke(target, method, args);
			}
			String text = (args != null && args.length > 0 && args[0] instanceof String s)
					? s.replaceAll("\\s+", " ").trim() : sql;
			long begin = System.nanoTime();
			try {
				return invoke(target, method, args);
			}
			finally {
				record(name + ": " + (text.length() <= 400 ? text : text.substring(0, 397) + "..."),
						System.nanoTime() - begin);
			}
		};
		return Proxy.newProxyInstance(StatementTimings.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
