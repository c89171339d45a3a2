package io.cessio.companies;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import io.cessio.platform.security.Role;

interface UserAccountRepository extends JpaRepository<UserAccount, UserAccountId> {

	@Query("select u from UserAccount u where lower(u.username) = lower(?1)")
	Optional<UserAccount> findByUsername(String username);

	@Query("select count(u) > 0 from UserAccount u where lower(u.username) = lower(?1)")
	boolean existsByUsername(String username);

	@Query("select u from UserAccount u order by u.role, u.username")
	List<UserAccount> findAllOrdered();

	@Query("select u from UserAccount u where u.companyId = ?1 order by u.username")
	List<UserAccount> findByCompany(java.util.UUID companyId);

	long countByRoleAndActiveTrue(Role role);

}
