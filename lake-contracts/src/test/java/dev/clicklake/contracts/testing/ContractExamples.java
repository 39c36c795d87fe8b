package dev.clicklake.contracts.testing;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.Decoded;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The example document of a contract ({@code contracts/examples/}), decoded and checked by the codec. */
public final class ContractExamples {

    private static final ContractCodec CODEC = new ContractCodec();

    private ContractExamples() {
    }

    public static <T> T example(Contract contract, Class<T> type) {
        try (InputStream in = ContractExamples.class.getClassLoader().getResourceAsStream(contract.exampleResource())) {
            if (in == null) {
                throw new IllegalStateException("no example " + contract.exampleResource());
            }
            Decoded<T> decoded = CODEC.decode(contract, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (decoded instanceof Decoded.Accepted<T> accepted) {
                return accepted.payload();
            }
            throw new IllegalStateException(contract.exampleResource() + " breaks its contract: " + decoded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
