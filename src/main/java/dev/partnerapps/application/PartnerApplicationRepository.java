package dev.partnerapps.application;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PartnerApplicationRepository extends JpaRepository<PartnerApplication, Long> {

    List<PartnerApplication> findByOwnerCompanyIdOrderByNameKey(long ownerCompanyId);

    Optional<PartnerApplication> findByKeyAndOwnerCompanyId(String key, long ownerCompanyId);

    Optional<PartnerApplication> findByKey(String key);

    boolean existsByOwnerCompanyIdAndNameKey(long ownerCompanyId, String nameKey);

    boolean existsByOwnerCompanyIdAndNameKeyAndIdNot(long ownerCompanyId, String nameKey, Long id);

    boolean existsByKey(String key);

    /** What a company may use: its own active applications and every active Public one. */
    @Query("""
            select a from PartnerApplication a
            where a.active = true and (a.ownerCompanyId = :companyId or a.visibility = :visibility)
            order by a.nameKey, a.id
            """)
    List<PartnerApplication> findUsableBy(long companyId, Visibility visibility);

    List<PartnerApplication> findByReviewStateOrderByUpdatedAt(ReviewState reviewState);

    List<PartnerApplication> findAllByOrderByNameKeyAscIdAsc();
}
