package dev.partnerapps.enablement;

import org.springframework.data.jpa.repository.JpaRepository;

interface EnablementRepository extends JpaRepository<Enablement, Enablement.Id> {
}
