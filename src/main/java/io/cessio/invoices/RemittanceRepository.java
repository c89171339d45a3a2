package io.cessio.invoices;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface RemittanceRepository extends JpaRepository<Remittance, RemittanceId> {

	List<Remittance> findByCompanyIdOrderBySubmittedAtDesc(UUID companyId);

	List<Remittance> findByStatusInOrderBySubmittedAtAsc(Collection<RemittanceStatus> statuses);

}
