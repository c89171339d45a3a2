package io.cessio.invoices;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's messages to SLF4J under their own logger names
 * ({@code com.openhtmltopdf.load}, …). Its INFO messages are chatty (one per font, per
 * renderer), so they go to DEBUG; warnings and errors keep their level. Levels are set in
 * the logging configuration, not here.
 */
final class RendererLog implements XRLogger {

	@Override
	public void log(String where, Level level, String message) {
		log(where, level, message, null);
	}

	@Override
	public void log(String where, Level level, String message, @Nullable Throwable error) {
		Logger logger = LoggerFactory.getLogger(where);
		if (level.intValue() >= Level.SEVERE.intValue()) {
			logger.error(message, error);
		}
		else if (level.intValue() >= Level.WARNING.intValue()) {
			logger.warn(message, error);
		}
		else {
			logger.debug(message, error);
		}
	}

	@Override
	public void setLevel(String logger, Level level) {
	}

	@Override
	public boolean isLogLevelEnabled(Diagnostic diagnostic) {
		Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
		int level = diagnostic.getLevel().intValue();
		if (level >= Level.SEVERE.intValue()) {
			return logger.isErrorEnabled();
		}
		return (level >= Level.WARNING.intValue()) ? logger.isWarnEnabled() : logger.isDebugEnabled();
	}

}
