package io.directline.customer.handle;

import io.directline.customer.HandleKind;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The handles table; every lookup here is by an index (kind + lookup key, customer id, or lookup-key prefix). */
public interface CustomerHandleRepository extends JpaRepository<CustomerHandle, Long> {

    Optional<CustomerHandle> findByKindAndLookupKey(HandleKind kind, String lookupKey);

    /**
     * Handles of every kind with these lookup keys, by customer_handle_prefix_idx (lookup_key alone): with the kind in
     * the condition H2 walks the (kind, lookup_key) index over every handle of the kind and tests each against the
     * list (a batch of 1,000 e-mail addresses cost a scan of all of them); callers keep the kind they asked for.
     */
    List<CustomerHandle> findByLookupKeyIn(Collection<String> lookupKeys);

    default List<CustomerHandle> findByKindAndLookupKeyIn(HandleKind kind, Collection<String> lookupKeys) {
        return findByLookupKeyIn(lookupKeys).stream()
                .filter(h -> h.getKind() == kind)
                .toList();
    }

    List<CustomerHandle> findByCustomerIdOrderByKindAscIdAsc(long customerId);

    /** Handles whose key starts with a prefix the caller escaped for LIKE ({@code \} as escape). */
    @Query(
            "select h from CustomerHandle h where h.lookupKey like :escapedPrefix escape '\\' order by h.lookupKey, h.id")
    List<CustomerHandle> findByLookupKeyPrefix(String escapedPrefix, Pageable pageable);

    /** Runs at once (before any pending insert), so a key freed here can be taken in the same transaction. */
    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query(
            "delete from CustomerHandle h where h.customerId = :customerId and h.kind = :kind and h.lookupKey = :lookupKey")
    int release(long customerId, HandleKind kind, String lookupKey);

    @Query("select h.id from CustomerHandle h where h.customerId = :customerId")
    List<Long> idsOf(long customerId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update CustomerHandle h set h.customerId = :into where h.customerId = :from")
    int moveAll(long from, long into);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update CustomerHandle h set h.customerId = :back where h.id in :ids and h.customerId = :from")
    int moveBack(Collection<Long> ids, long from, long back);
}
