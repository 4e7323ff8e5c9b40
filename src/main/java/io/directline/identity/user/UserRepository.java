package io.directline.identity.user;

import io.directline.identity.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    Optional<UserAccount> findFirstByCustomerIdOrderById(Long customerId);

    List<UserAccount> findByUsernameIn(Collection<String> usernames);

    @Query("select distinct u from UserAccount u join u.roles r where r in :roles and u.enabled = true")
    List<UserAccount> findEnabledWithAnyRole(Collection<Role> roles);
}
