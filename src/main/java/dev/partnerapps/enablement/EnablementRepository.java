package dev.partnerapps.enablement;

import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EnablementRepository extends JpaRepository<Enablement, Enablement.Id> {

    @Query("select e.id.applicationId from Enablement e where e.id.companyId = :companyId and e.enabled = true")
    Set<Long> findEnabledApplicationIds(long companyId);
}
