package io.cessio.invoices;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RemittanceRepository extends JpaRepository<Remittance, RemittanceId> {

	/**
	 * The remittance, row-locked: decisions, reviews and purchases on it go one at a
	 * time.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Remittance r where r.id = :id")
	Optional<Remittance> lockById(@Param("id") RemittanceId id);

	List<Remittance> findByCompanyIdOrderBySubmittedAtDesc(UUID companyId);

	List<Remittance> findByStatusInOrderBySubmittedAtAsc(Collection<RemittanceStatus> statuses);

}
