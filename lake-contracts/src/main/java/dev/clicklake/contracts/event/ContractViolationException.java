package dev.clicklake.contracts.event;

import java.util.List;

/** A producer tried to emit a document its own contract forbids: a bug, never a data problem. */
public class ContractViolationException extends IllegalStateException {

    public ContractViolationException(Contract contract, List<String> reasons) {
        super(contract.cloudEventType() + " document violates its schema: " + String.join("; ", reasons));
    }
}
