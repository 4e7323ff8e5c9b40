package io.directline.customer.merge;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The merges; found by the owner they went into. */
public interface OwnerMergeRepository extends JpaRepository<OwnerMergeRow, Long> {

    List<OwnerMergeRow> findByIntoOrderByMergedAtDesc(long into);
}
