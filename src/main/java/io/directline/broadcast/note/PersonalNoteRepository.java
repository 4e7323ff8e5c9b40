package io.directline.broadcast.note;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonalNoteRepository extends JpaRepository<PersonalNote, Long> {

    List<PersonalNote> findByAuthorOrderByCreatedAtDescIdDesc(String author, Pageable page);

    List<PersonalNote> findByAuthorAndIdempotencyKeyOrderById(String author, String idempotencyKey);
}
