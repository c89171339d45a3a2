package io.cessio.funding;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface PayoutRepository extends JpaRepository<Payout, UUID> {

	Optional<Payout> findByRequestKey(String requestKey);

	List<Payout> findTop100ByCompanyIdOrderByRequestedAtDesc(UUID companyId);

	List<Payout> findByStatusOrderByRequestedAtAsc(PayoutStatus status);

	List<Payout> findTop100ByStatusOrderByExecutedAtDesc(PayoutStatus status);

}
