package io.cessio.companies;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import io.cessio.shared.Siren;

interface CompanyRepository extends JpaRepository<Company, CompanyId> {

	Optional<Company> findBySiren(Siren siren);

	boolean existsBySiren(Siren siren);

	List<Company> findAllByOrderByLegalNameAsc();

}
