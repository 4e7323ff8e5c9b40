package io.directline.customer;

import jakarta.persistence.QueryHint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    Slice<Customer> findAllBy(Pageable pageable);

    /** Owners with exactly this lower-case name, from the name index; for the same-name-same-city rule. */
    List<Customer> findTop20ByNameKeyOrderByIdAsc(String nameKey);

    @Query("select c from Customer c join c.socialAccounts a where key(a) = :network and a = :accountId")
    Optional<Customer> findBySocialAccount(String network, String accountId);

    /** Prefix search on the indexed lower-case name; the caller lower-cases the prefix. */
    Slice<Customer> findByNameKeyStartingWith(String lowerCasePrefix, Pageable pageable);

    /** The owners with these ids and their social addresses, in one query; read-only (never dirty-checked). */
    @Query("select c from Customer c left join fetch c.socialHandles left join fetch c.socialAccounts"
            + " where c.id in :ids")
    // read in chunks within one transaction (a fan-out's page): no flush before each chunk, which would walk every
    // owner loaded so far; what it selects by id cannot depend on unflushed changes
    @QueryHints({
        @QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, value = "true"),
        @QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, value = "COMMIT")
    })
    List<Customer> findAllWithAddresses(Collection<Long> ids);

    @Query("select c.id as id, c.name as name from Customer c where c.id in :ids")
    @QueryHints(@QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    List<CustomerName> findNames(Collection<Long> ids);

    @Query("select c.id as id, c.mergedInto as mergedInto from Customer c where c.id in :ids")
    List<Standing> findStanding(Collection<Long> ids);

    interface Standing {
        Long getId();

        Long getMergedInto();
    }

    interface CustomerName {
        Long getId();

        String getName();
    }
}
