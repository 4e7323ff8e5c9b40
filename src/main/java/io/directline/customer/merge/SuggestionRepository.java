package io.directline.customer.merge;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Merge suggestions, found by either owner of the pair (both indexed). */
public interface SuggestionRepository extends JpaRepository<SuggestionRow, Long> {

    @Query(
            "select s from SuggestionRow s where s.customerId = :owner or s.candidateId = :owner order by s.createdAt desc, s.id desc")
    List<SuggestionRow> involving(long owner);

    Optional<SuggestionRow> findByCustomerIdAndCandidateId(long customerId, long candidateId);
}
