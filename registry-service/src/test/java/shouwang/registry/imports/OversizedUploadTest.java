package shouwang.registry.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.kit.testing.TestTokens;
import shouwang.registry.RawHttp;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestData;

/**
 * Uploads built to exhaust the service: a body over the documented size, a CSV a million columns wide, XLSX files
 * whose XML inflates hugely or names cells the reader would allocate millions of slots for. Each is refused with a
 * problem+json 413 or 400 before a job is started, and the service stays ready. The big bodies are generated as they
 * are sent; nothing here holds 100 MB.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class OversizedUploadTest {

    private static final String PROBLEM = "application/problem+json";
    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    private String admin;

    @BeforeEach
    void token() {
        admin = TestTokens.districtAdmin();
    }

    @AfterEach
    void stillReady() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aHundredMegabyteBodyAnnouncedWithExpectContinueIsRefusedBeforeItIsSent() throws IOException {
        RawHttp.Response response = RawHttp.exchange(head("Content-Length: " + HUNDRED_MB, "Expect: 100-continue"),
                null);

        assertEquals(413, response.status(), response.toString());
        assertProblemNamingBody(response);
    }

    @Test
    void aHundredMegabyteBodySentAtOnceIsReadToItsEndAndRefused() throws IOException {
        RawHttp.Response response = RawHttp.exchange(head("Content-Length: " + HUNDRED_MB),
                out -> blankCsv(HUNDRED_MB).transferTo(out));

        assertEquals(413, response.status(), response.toString());
        assertProblemNamingBody(response);
    }

    @Test
    void aHundredMegabyteBodyWithoutALengthIsCountedAndRefused() throws IOException {
        RawHttp.Response response = RawHttp.exchange(head("Transfer-Encoding: chunked"),
                out -> RawHttp.chunked(blankCsv(HUNDRED_MB), out));

        assertEquals(413, response.status(), response.toString());
        assertProblemNamingBody(response);
    }

    @Test
    void aFortyMegabyteMultipartFileIsRefusedWith413NamingIt() throws IOException {
        long size = 40L * 1024 * 1024;
        String boundary = "----shouwang" + System.nanoTime();
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        String head = "POST /api/v1/imports/cadres HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + admin
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
                + (start.length + size + end.length) + "\r\n\r\n";
        RawHttp.Response response = RawHttp.exchange(head, out -> {
            out.write(start);
            blankCsv(size).transferTo(out);
            out.write(end);
        });

        assertEquals(413, response.status(), response.toString());
        assertTrue(response.header("Content-Type").startsWith(PROBLEM), response.toString());
    }

    private String head(String... headers) {
        return "POST /api/v1/imports/cadres HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + admin
                + "\r\nContent-Type: text/csv\r\n" + String.join("\r\n", headers) + "\r\n\r\n";
    }

    private static void assertProblemNamingBody(RawHttp.Response response) {
        assertTrue(response.header("Content-Type").startsWith(PROBLEM), response.toString());
        JsonPath problem = JsonPath.from(response.body());
        assertEquals(413, problem.getInt("status"), response.body());
        assertEquals(List.of("body"), problem.getList("violations.field"), response.body());
    }

    @Test
    void aCsvAMillionColumnsWideIsA400NamingTheFile() {
        byte[] csv = ("name,idNumber" + ",x".repeat(1_000_000) + "\n").getBytes(StandardCharsets.UTF_8);
        // the reason says which row and what the limit is, so the clerk can fix the file
        String reason = "row 1 has more than 1000 columns";
        given().auth().oauth2(admin).contentType("text/csv").body(csv).post("/api/v1/imports/cadres").then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("file"))
                .body("violations.message", hasItem(reason));
        given().auth().oauth2(admin).multiPart("file", "wide.csv", csv, "text/csv").post("/api/v1/imports/cadres")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("file"))
                .body("violations.message", hasItem(reason));
    }

    @Test
    void aDataRowWiderThanTheLimitIsRefusedToo() {
        String row = "张三,110101193810021234" + ",".repeat(5_000) + "\n";
        byte[] csv = ("name,idNumber\n" + row).getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(admin).contentType("text/csv").body(csv).post("/api/v1/imports/cadres").then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("file"))
                .body("violations.message", hasItem(org.hamcrest.Matchers.containsString("row 2")));
    }

    @Test
    void aCsvOfOrdinaryWidthStillImports() {
        String p = TestData.district();
        LocalDate born = LocalDate.of(1940, 1, 1);
        String csv = "name,idNumber,retirementType,rank,unitCode,communityCode" + ",".repeat(200) + "\n"
                + "张三," + TestData.idNumber(born, true) + ",TUIXIU,OTHER," + p + "-DW," + p + "-SQ1" + ",".repeat(200)
                + "\n";
        JsonPath status = TestData.importAndWait(admin, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals("DONE", status.getString("status"), status.prettify());
        assertEquals(1, status.getInt("accepted"), status.prettify());
    }

    @Test
    void anXlsxWhoseSheetInflatesBeyondTheLimitIsA413() throws IOException {
        // ~300 MB of rows deflated to about 2 MB: a zip bomb, not a spreadsheet anyone typed
        byte[] bomb = withSheet(out -> {
            out.write(SHEET_START.getBytes(StandardCharsets.UTF_8));
            byte[] rows = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>".repeat(20_000)
                    .getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 300L * 1024 * 1024; written += rows.length) {
                out.write(rows);
            }
            out.write(SHEET_END.getBytes(StandardCharsets.UTF_8));
        });
        assertTrue(bomb.length < 3 * 1024 * 1024, "the bomb is small: " + bomb.length);
        given().auth().oauth2(admin).contentType(ImportResource.XLSX).body(bomb).post("/api/v1/imports/cadres").then()
                .statusCode(413).contentType(PROBLEM).body("violations.field", hasItem("file"));
    }

    /**
     * A zip bomb proper: about 3 MB of ZIP whose sheet XML inflates to more than a gigabyte (DEFLATE of rows of
     * cells reaches ~350:1; its ceiling is 1032:1, so no single-layer gigabyte is a few hundred KB). Built here as it
     * is deflated (the gigabyte never exists, in the test or in the service); the service inflates at most its
     * limit (256 MB) through a 64 KB buffer, answers a 413 naming the file with the reason, and stays ready. Sent as
     * the body and as a multipart part.
     */
    @Test
    void anXlsxWhoseSheetInflatesToAGigabyteIsA413WithTheReason() throws IOException {
        long gigabyte = 1024L * 1024 * 1024;
        long[] sheet = { 0 };
        byte[] bomb = withSheet(Deflater.BEST_COMPRESSION, out -> {
            byte[] start = SHEET_START.getBytes(StandardCharsets.UTF_8);
            out.write(start);
            byte[] rows = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>".repeat(20_000)
                    .getBytes(StandardCharsets.UTF_8);
            long written = start.length;
            while (written <= gigabyte) {
                out.write(rows);
                written += rows.length;
            }
            byte[] end = SHEET_END.getBytes(StandardCharsets.UTF_8);
            out.write(end);
            sheet[0] = written + end.length;
        });
        assertTrue(sheet[0] > gigabyte, "the sheet inflates beyond a gigabyte: " + sheet[0]);
        assertTrue(bomb.length < 4 * 1024 * 1024, "the bomb is small: " + bomb.length);
        String reason = "unzips to more than 256 MB (an XLSX of 100,000 rows is ~70 MB unzipped)";
        given().auth().oauth2(admin).contentType(ImportResource.XLSX).body(bomb).post("/api/v1/imports/cadres").then()
                .statusCode(413).contentType(PROBLEM).body("violations.field", hasItem("file"))
                .body("violations.message", hasItem(reason));
        given().auth().oauth2(admin).multiPart("file", "名单.xlsx", bomb, ImportResource.XLSX)
                .post("/api/v1/imports/cadres").then().statusCode(413).contentType(PROBLEM)
                .body("violations.field", hasItem("file")).body("violations.message", hasItem(reason));
    }

    @Test
    void anXlsxCellFarBeyondTheLastColumnIsA400() throws IOException {
        // fastexcel would allocate one slot per column up to the reference: ZZZZZZ is 321 million
        for (String reference : new String[] { "ALM1", "ZZZZZZ1", "$ZZZZZZ$1" }) {
            byte[] xlsx = withSheet(out -> out.write((SHEET_START + "<row r=\"1\"><c r=\"" + reference
                    + "\" t=\"inlineStr\"><is><t>姓名</t></is></c></row>" + SHEET_END).getBytes(StandardCharsets.UTF_8)));
            given().auth().oauth2(admin).contentType(ImportResource.XLSX).body(xlsx).post("/api/v1/imports/cadres")
                    .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("file"));
        }
    }

    @Test
    void anXlsxRowWithTooManyCellsIsA400() throws IOException {
        byte[] xlsx = withSheet(out -> out.write((SHEET_START + "<row>" + "<c/>".repeat(100_000) + "</row>" + SHEET_END)
                .getBytes(StandardCharsets.UTF_8)));
        given().auth().oauth2(admin).contentType(ImportResource.XLSX).body(xlsx).post("/api/v1/imports/cadres").then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("file"));
    }

    @Test
    void anXlsxWithADocumentTypeIsA400() throws IOException {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>";
        byte[] xlsx = withSheet(out -> out.write((laughs + SHEET_START.substring(SHEET_START.indexOf("?>") + 2)
                + "<row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row>" + SHEET_END).getBytes(StandardCharsets.UTF_8)));
        given().auth().oauth2(admin).contentType(ImportResource.XLSX).body(xlsx).post("/api/v1/imports/cadres").then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("file"));
    }

    @Test
    void anXlsxWithAnEnormousCellIsA400() throws IOException {
        byte[] xlsx = withSheet(out -> {
            out.write((SHEET_START + "<row><c t=\"inlineStr\"><is><t>").getBytes(StandardCharsets.UTF_8));
            byte[] text = "x".repeat(1024 * 1024).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 20; i++) {
                out.write(text);
            }
            out.write(("</t></is></c></row>" + SHEET_END).getBytes(StandardCharsets.UTF_8));
        });
        given().auth().oauth2(admin).contentType(ImportResource.XLSX).body(xlsx).post("/api/v1/imports/cadres").then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("file"));
    }

    @Test
    void anOrdinaryXlsxRebuiltByTheTestHelperStillImports() throws IOException {
        String p = TestData.district();
        String idNumber = TestData.idNumber(LocalDate.of(1941, 2, 3), false);
        byte[] xlsx = withSheet(out -> out.write((SHEET_START
                + "<row r=\"1\">" + cells(1, "name", "idNumber", "retirementType", "rank", "unitCode", "communityCode")
                + "</row><row r=\"2\">" + cells(2, "李四", idNumber, "TUIXIU", "OTHER", p + "-DW", p + "-SQ1") + "</row>"
                + SHEET_END).getBytes(StandardCharsets.UTF_8)));
        JsonPath status = TestData.importAndWait(admin, ImportResource.XLSX, xlsx);
        assertEquals("DONE", status.getString("status"), status.prettify());
        assertEquals(1, status.getInt("accepted"), status.prettify());
    }

    private static String cells(int row, String... values) {
        StringBuilder xml = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            xml.append("<c r=\"").append((char) ('A' + i)).append(row).append("\" t=\"inlineStr\"><is><t>")
                    .append(values[i]).append("</t></is></c>");
        }
        return xml.toString();
    }

    private static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    private static final String SHEET_END = "</sheetData></worksheet>";

    interface SheetWriter {
        void write(OutputStream out) throws IOException;
    }

    /** A real workbook (written by fastexcel) whose first sheet's XML is replaced by {@code sheet}. */
    static byte[] withSheet(SheetWriter sheet) throws IOException {
        return withSheet(Deflater.BEST_SPEED, sheet);
    }

    /** The same, deflated at {@code level}. */
    static byte[] withSheet(int level, SheetWriter sheet) throws IOException {
        java.nio.file.Path template = java.nio.file.Files.createTempFile("template-", ".xlsx");
        try {
            try (OutputStream out = java.nio.file.Files.newOutputStream(template);
                    Workbook workbook = new Workbook(out, "test", "1.0")) {
                Worksheet first = workbook.newWorksheet("Sheet1");
                first.value(0, 0, "name");
            }
            ByteArrayOutputStream result = new ByteArrayOutputStream();
            try (ZipFile in = new ZipFile(template.toFile()); ZipOutputStream out = new ZipOutputStream(result)) {
                out.setLevel(level);
                for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                        sheet.write(out);
                    } else {
                        try (InputStream part = in.getInputStream(entry)) {
                            part.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
            return result.toByteArray();
        } finally {
            java.nio.file.Files.deleteIfExists(template);
        }
    }

    /** A CSV header then blank lines, generated as it is read: {@code size} bytes without holding them. */
    private static InputStream blankCsv(long size) {
        byte[] header = "name,idNumber\n".getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                long at = position++;
                return at < header.length ? header[(int) at] : '\n';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - position);
                int i = 0;
                for (; i < n && position + i < header.length; i++) {
                    buffer[offset + i] = header[(int) (position + i)];
                }
                Arrays.fill(buffer, offset + i, offset + n, (byte) '\n');
                position += n;
                return n;
            }
        };
    }
}
