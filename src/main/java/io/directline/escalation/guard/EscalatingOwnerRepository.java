package io.directline.escalation.guard;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface EscalatingOwnerRepository extends JpaRepository<EscalatingOwner, Long> {

    /** The owner's row, locked until the transaction ends: the next attempt of the same owner waits for it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from EscalatingOwner o where o.customerId = :customerId")
    Optional<EscalatingOwner> lock(long customerId);
}
