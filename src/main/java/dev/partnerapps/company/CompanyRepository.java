package dev.partnerapps.company;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

interface CompanyRepository extends JpaRepository<Company, Long> {

    boolean existsByDomain(String domain);

    Optional<Company> findByDomain(String domain);

    /** Companies whose name or domain contains the (lower-cased, like-escaped) pattern. */
    @Query("select c.id from Company c where lower(c.name) like :pattern escape '\\' or c.domain like :pattern escape '\\'"
            + " order by c.id")
    List<Long> findIdsMatching(String pattern, Limit limit);

}
