package io.directline.channel.intake;

import io.directline.customer.Channel;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ThreadKeyRepository extends JpaRepository<ThreadKey, ThreadKey.Id> {

    @Query("select k from ThreadKey k where k.caseId = :caseId and k.id.channel = :channel order by k.createdAt")
    List<ThreadKey> findByCase(long caseId, Channel channel);
}
