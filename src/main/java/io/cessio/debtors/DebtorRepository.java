package io.cessio.debtors;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

import io.cessio.shared.Siren;

interface DebtorRepository extends JpaRepository<Debtor, DebtorId> {

	List<Debtor> findByCompanyIdOrderByLegalNameAsc(UUID companyId);

	Optional<Debtor> findByCompanyIdAndSiren(UUID companyId, Siren siren);

	boolean existsByCompanyIdAndSiren(UUID companyId, Siren siren);

}
