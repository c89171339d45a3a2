package io.cessio.banking;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DedicatedAccountRepository extends JpaRepository<DedicatedAccount, DedicatedAccountId> {

	Optional<DedicatedAccount> findByCompanyId(UUID companyId);

	List<DedicatedAccount> findAllByOrderByOpenedAtAsc();

	Optional<DedicatedAccount> findByIban(io.cessio.shared.Iban iban);

}
