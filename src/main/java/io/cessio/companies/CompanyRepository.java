package io.cessio.companies;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

import io.cessio.shared.Siren;

interface CompanyRepository extends JpaRepository<Company, CompanyId> {

	Optional<Company> findBySiren(Siren siren);

	boolean existsBySiren(Siren siren);

	List<Company> findAllByOrderByLegalNameAsc();

	/**
	 * As {@code findAllById}, for batch jobs that call it for every batch: one array
	 * parameter and plain SQL, so Hibernate has no query to translate again each time (an
	 * IN list of n parameters is one), and read-only entities, never checked for changes.
	 */
	@Query(value = "select * from company where id = any(cast(:ids as uuid[]))", nativeQuery = true)
	@QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
	List<Company> findAllWithIds(@Param("ids") UUID[] ids);

}
