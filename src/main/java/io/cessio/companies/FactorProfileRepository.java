package io.cessio.companies;

import org.springframework.data.jpa.repository.JpaRepository;

interface FactorProfileRepository extends JpaRepository<FactorProfile, Short> {

}
