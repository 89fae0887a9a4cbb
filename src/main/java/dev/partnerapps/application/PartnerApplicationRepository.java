package dev.partnerapps.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PartnerApplicationRepository extends JpaRepository<PartnerApplication, Long> {

    Optional<PartnerApplication> findByKeyAndOwnerCompanyId(String key, long ownerCompanyId);

    Optional<PartnerApplication> findByKey(String key);

    /** The application, its row share-locked until the transaction ends (see ApplicationDirectory.findUsableLocked). */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select a from PartnerApplication a where a.key = :key")
    Optional<PartnerApplication> findByKeyLocked(String key);

    boolean existsByOwnerCompanyIdAndNameKey(long ownerCompanyId, String nameKey);

    boolean existsByOwnerCompanyIdAndNameKeyAndIdNot(long ownerCompanyId, String nameKey, Long id);

    boolean existsByKey(String key);

    record ScopeRow(long applicationId, String scope) {
    }

    @Query("select new dev.partnerapps.application.PartnerApplicationRepository$ScopeRow(a.id, s)"
            + " from PartnerApplication a join a.scopes s where a.id in :ids")
    List<ScopeRow> findScopes(Collection<Long> ids);
}
