package dev.partnerapps.application;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PartnerApplicationRepository extends JpaRepository<PartnerApplication, Long> {

    List<PartnerApplication> findByOwnerCompanyIdOrderByNameKey(long ownerCompanyId);

    Optional<PartnerApplication> findByKeyAndOwnerCompanyId(String key, long ownerCompanyId);

    Optional<PartnerApplication> findByKey(String key);

    boolean existsByOwnerCompanyIdAndNameKey(long ownerCompanyId, String nameKey);

    boolean existsByOwnerCompanyIdAndNameKeyAndIdNot(long ownerCompanyId, String nameKey, Long id);

    boolean existsByKey(String key);
}
