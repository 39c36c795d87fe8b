package dev.clicklake.kpi.odata;

import static dev.clicklake.kpi.support.Reader.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

/**
 * {@code $metadata} is valid CSDL: validated against the OASIS EDMX/EDM XML schemas as the npm package
 * {@code odata-csdl} ships them (pinned by {@code src/test/csdl/package-lock.json}, installed with {@code npm ci} on
 * a clean clone).
 */
@QuarkusTest
class CsdlSchemaTest {

    private static final Path PACKAGE = Path.of("src/test/csdl");
    private static final Path EDMX = PACKAGE.resolve("node_modules/odata-csdl/schemas/edmx.xsd");

    @Test
    void metadataValidatesAgainstTheOasisSchemas() throws Exception {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(schemas().toUri().toString()));
        String metadata = given().when().get("/odata/$metadata").then().statusCode(200).extract().asString();
        assertThat(metadata, containsString("Version=\"4.0\""));
        // throws SAXParseException, with line and column, on the first violation
        schema.newValidator().validate(new StreamSource(new StringReader(metadata)));
    }

    private static Path schemas() throws Exception {
        if (!Files.exists(EDMX)) {
            Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                    .directory(PACKAGE.toFile()).inheritIO().start();
            assertThat("npm ci finished", npm.waitFor(5, TimeUnit.MINUTES), equalTo(true));
            assertThat("npm ci exit code", npm.exitValue(), equalTo(0));
        }
        return EDMX;
    }
}
