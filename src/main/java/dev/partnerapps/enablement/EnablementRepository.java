package dev.partnerapps.enablement;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EnablementRepository extends JpaRepository<Enablement, Enablement.Id> {

    /*
     * Bulk generation bumps also bump the version: a concurrent Enable/Disable that loaded the row
     * before must fail as a conflict rather than write the old generation back.
     */

    @Modifying(flushAutomatically = true)
    @Query("""
            update Enablement e set e.generation = e.generation + 1, e.version = e.version + 1
            where e.id.applicationId = :applicationId""")
    int endGenerationOfAll(long applicationId);

    @Modifying(flushAutomatically = true)
    @Query("""
            update Enablement e set e.generation = e.generation + 1, e.version = e.version + 1
            where e.id.applicationId = :applicationId and e.id.companyId <> :ownerCompanyId""")
    int endGenerationOfOtherCompanies(long applicationId, long ownerCompanyId);
}
