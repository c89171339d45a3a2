package io.cessio.banking;

import com.prowidesoftware.swift.model.mx.JaxbContextCacheImpl;
import com.prowidesoftware.swift.model.mx.JaxbContextLoader;

/** Prowide's JAXB contexts, built once per message type and kept. */
final class ProwideContexts {

	private ProwideContexts() {
	}

	/**
	 * Without a context cache every message builds its JAXB context again (60–110 ms);
	 * the cache is installed once, for every message type.
	 */
	static synchronized void cache() {
		if (!(JaxbContextLoader.INSTANCE.getCacheImpl() instanceof JaxbContextCacheImpl)) {
			JaxbContextLoader.INSTANCE.setCacheImpl(new JaxbContextCacheImpl());
		}
	}

}
