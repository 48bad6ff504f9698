package io.github.marketplace1c.failure;

import java.util.List;

/** Service kinds of a report that have no row in the service map; the dead letter keeps them so a new mapping replays it. */
public class UnmappedServiceException extends PermanentFailure {

    private final List<String> serviceKeys;

    public UnmappedServiceException(String message, List<String> serviceKeys) {
        super(ReasonCode.UNMAPPED_SERVICE, message);
        this.serviceKeys = List.copyOf(serviceKeys);
    }

    public List<String> serviceKeys() {
        return serviceKeys;
    }
}
