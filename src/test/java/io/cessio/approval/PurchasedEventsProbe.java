package io.cessio.approval;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.cessio.invoices.InvoicesPurchased;
import io.cessio.invoices.RemittanceId;

/**
 * Listens to {@link InvoicesPurchased} the way the funding module will, so that tests see
 * the event go through the publication registry.
 */
@Component
class PurchasedEventsProbe {

	final Set<RemittanceId> received = ConcurrentHashMap.newKeySet();

	@ApplicationModuleListener
	void on(InvoicesPurchased event) {
		received.add(event.remittanceId());
	}

}
