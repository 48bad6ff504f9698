package io.github.marketplace1c.account;

import io.github.marketplace1c.failure.PermanentFailure;
import io.github.marketplace1c.failure.ReasonCode;

/** The accounts file names a credential whose environment variable is not set. */
public class MissingCredentialException extends PermanentFailure {

    public MissingCredentialException(String accountId, String credential) {
        super(ReasonCode.AUTH_FAILED, "Account " + accountId + ": credential '" + credential
                + "' is not set (see the environment variable named for it in accounts.yaml)");
    }
}
