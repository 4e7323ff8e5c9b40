package io.directline.identity.ownersignin;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SignInCodeRepository extends JpaRepository<SignInCode, Long> {

    /** The newest code sent to a handle (index on handle_key, created_at): only the latest one counts. */
    Optional<SignInCode> findFirstByHandleKeyAndPurposeOrderByCreatedAtDescIdDesc(
            String handleKey, SignInCode.Purpose purpose);

    Optional<SignInCode> findByLinkHash(String linkHash);
}
