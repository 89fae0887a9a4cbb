package dev.partnerapps.company;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    Optional<UserAccount> findByIdAndCompanyId(Long id, Long companyId);

    List<UserAccount> findByCompanyIdOrderByEmail(Long companyId);

}
