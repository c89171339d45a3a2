package io.cessio.invoices;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InvoiceRepository extends JpaRepository<Invoice, InvoiceId> {

	List<Invoice> findByCompanyIdAndStatusOrderByIssueDateAscNumberAsc(UUID companyId, InvoiceStatus status);

	List<Invoice> findTop500ByCompanyIdAndStatusOrderByIssueDateAscNumberAsc(UUID companyId, InvoiceStatus status);

	long countByCompanyIdAndStatus(UUID companyId, InvoiceStatus status);

	List<Invoice> findTop200ByCompanyIdAndStatusNotOrderByCreatedAtDesc(UUID companyId, InvoiceStatus status);

	List<Invoice> findByRemittanceIdOrderByKindAscNumberAsc(UUID remittanceId);

	/** Locks the rows, so that two submissions of the same invoice cannot both pass. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from Invoice i where i.id in :ids order by i.id")
	List<Invoice> lockAll(@Param("ids") Collection<InvoiceId> ids);

}
