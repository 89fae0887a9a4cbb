package dev.partnerapps.company;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CompanyRepository extends JpaRepository<Company, Long> {

    boolean existsByDomain(String domain);

    Optional<Company> findByDomain(String domain);

}
