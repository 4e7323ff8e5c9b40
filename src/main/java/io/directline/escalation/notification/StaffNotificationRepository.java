package io.directline.escalation.notification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffNotificationRepository extends JpaRepository<StaffNotification, Long> {

    List<StaffNotification> findTop50ByUsernameAndReadAtIsNullOrderByCreatedAtDesc(String username);

    List<StaffNotification> findByUsernameOrderByCreatedAtDesc(String username);

    Optional<StaffNotification> findByIdAndUsername(long id, String username);
}
