package dev.clicklake.kpi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReaderAccessTest {

    private final ReaderAccess access = new ReaderAccess(List.of("k1", " k2 "), List.of("pbi:secret"), false, "api_key");

    @Test
    void aKnownKeyInTheHeaderOrTheQueryLetsIn() {
        assertEquals(new ReaderAccess.Allowed("api-key"), access.decide(new ReaderAccess.Presented("k2", null, null)));
        assertEquals(new ReaderAccess.Allowed("api-key"), access.decide(new ReaderAccess.Presented(null, "k1", null)));
    }

    @Test
    void basicWithAKnownPairLetsIn() {
        assertEquals(new ReaderAccess.Allowed("basic"), access.decide(new ReaderAccess.Presented(null, null, basic("pbi:secret"))));
        assertEquals(new ReaderAccess.Allowed("basic"), access.decide(new ReaderAccess.Presented(null, null, "basic "
                + Base64.getEncoder().encodeToString("pbi:secret".getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void nothingPresentedIs401NamingEveryWayIn() {
        ReaderAccess.Refused refused = refused(new ReaderAccess.Presented(null, " ", null));
        assertEquals(401, refused.status());
        assertEquals("credentials are required: an API key in the X-API-Key header or the api_key query parameter, "
                + "or HTTP Basic", refused.message());
    }

    @Test
    void aWrongCredentialIs401AndNeverEchoed() {
        for (ReaderAccess.Presented wrong : List.of(
                new ReaderAccess.Presented("k3-guess", null, null),
                new ReaderAccess.Presented(null, "k3-guess", null),
                new ReaderAccess.Presented(null, null, basic("pbi:k3-guess")),
                new ReaderAccess.Presented(null, null, "Basic !!k3-guess"),
                new ReaderAccess.Presented(null, null, basic("k3-guess")),
                new ReaderAccess.Presented(null, null, "Bearer k3-guess"))) {
            ReaderAccess.Refused refused = refused(wrong);
            assertEquals(401, refused.status(), wrong.toString());
            assertFalse(refused.message().contains("k3-guess"), refused.message());
        }
    }

    @Test
    void aWrongHeaderKeyIsNotRescuedByAGoodQueryKey() {
        assertEquals(401, refused(new ReaderAccess.Presented("nope", "k1", null)).status());
    }

    @Test
    void anonymousOnlyWhenEnabled() {
        ReaderAccess open = new ReaderAccess(List.of("k1"), List.of(), true, "api_key");
        assertEquals(new ReaderAccess.Allowed("anonymous"), open.decide(new ReaderAccess.Presented(null, null, null)));
        assertEquals(401, ((ReaderAccess.Refused) open.decide(new ReaderAccess.Presented("bad", null, null))).status());
    }

    @Test
    void noCredentialConfiguredIs503() {
        ReaderAccess none = new ReaderAccess(List.of(" "), List.of(), false, "api_key");
        ReaderAccess.Refused refused = (ReaderAccess.Refused) none.decide(new ReaderAccess.Presented(null, null, null));
        assertEquals(503, refused.status());
        assertEquals(401, ((ReaderAccess.Refused) none.decide(new ReaderAccess.Presented(" ", "x", null))).status());
    }

    private ReaderAccess.Refused refused(ReaderAccess.Presented presented) {
        return assertInstanceOf(ReaderAccess.Refused.class, access.decide(presented));
    }

    private static String basic(String userPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }
}
