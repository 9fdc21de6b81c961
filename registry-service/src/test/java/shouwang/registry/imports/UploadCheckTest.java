package shouwang.registry.imports;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import shouwang.kit.problem.InvalidFieldsException;
import shouwang.registry.TooLargeException;

/** The upload's shape check, without Quarkus: where a CSV row or an XLSX part stops being a spreadsheet. */
class UploadCheckTest {

    private static String csvProblem(String csv, Charset charset, int maxColumns) throws IOException {
        Path file = Files.createTempFile("check-", ".csv");
        try {
            Files.write(file, csv.getBytes(charset));
            InvalidFieldsException e = assertThrows(InvalidFieldsException.class, () -> UploadCheck.csv(file,
                    maxColumns));
            assertEquals("file", e.violations().get(0).field());
            return e.violations().get(0).message();
        } finally {
            Files.delete(file);
        }
    }

    private static void csvAccepted(String csv, int maxColumns) throws IOException {
        Path file = Files.createTempFile("check-", ".csv");
        try {
            Files.writeString(file, csv);
            assertDoesNotThrow(() -> UploadCheck.csv(file, maxColumns));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aCsvRowIsCountedAsTheImportSplitsIt() throws IOException {
        csvAccepted("a,b,c\r\n\"x,y,z\",2,3\n\"multi\nline, with commas\",\"\"\"\",3\n", 3);
        assertEquals("row 3 has more than 3 columns", csvProblem("a,b,c\r\n1,2,3\r\n1,2,3,4\n", StandardCharsets.UTF_8, 3));
        // a quoted line break stays in its record: the wide record is row 2, the next line row 3
        assertEquals("row 3 has more than 2 columns",
                csvProblem("a,b\n\"1\n1\",2\n1,2,3\n", StandardCharsets.UTF_8, 2));
    }

    @Test
    void gb18030IsCountedOnItsBytesToo() throws IOException {
        assertEquals("row 2 has more than 2 columns",
                csvProblem("姓名,身份证号\n王建国,李,秀英\n", Charset.forName("GB18030"), 2));
    }

    @Test
    void aCellOf128KilobytesIsNotASpreadsheetCell() throws IOException {
        String message = csvProblem("name\n\"" + "x".repeat(UploadCheck.MAX_CELL_BYTES) + "\"\n", StandardCharsets.UTF_8,
                10);
        assertTrue(message.startsWith("row 2 has a cell of 128 KB or more"), message);
        csvAccepted("name\n" + "x".repeat(UploadCheck.MAX_CELL_BYTES - 1) + "\n", 10);
    }

    private static String markupProblem(String xml) {
        UploadCheck.Markup markup = new UploadCheck.Markup("xl/worksheets/sheet1.xml", 1000);
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        InvalidFieldsException e = assertThrows(InvalidFieldsException.class, () -> markup.feed(bytes, bytes.length));
        return e.violations().get(0).message();
    }

    private static void markupAccepted(String xml) {
        UploadCheck.Markup markup = new UploadCheck.Markup("xl/calcChain.xml", 1000);
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        // fed in pieces of 7 bytes: a tag or comment cut between two reads is still one tag
        assertDoesNotThrow(() -> {
            for (int at = 0; at < bytes.length; at += 7) {
                byte[] piece = java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 7));
                markup.feed(piece, piece.length);
            }
        });
    }

    @Test
    void cellReferencesBeyondTheColumnLimitAreRefusedWhateverTheirSpelling() {
        for (String reference : new String[] { "ALM1", "alm1", "$ALM$1", "ZZZZZZ1", "XFE1048577" }) {
            String message = markupProblem("<worksheet><sheetData><row><c r=\"" + reference + "\"/></row></sheetData>"
                    + "</worksheet>");
            assertEquals("xl/worksheets/sheet1.xml has a cell " + reference + " beyond column 1000", message);
        }
        assertTrue(markupProblem("<x:sheetData><x:row><x:c t='s' r='ALM1'/></x:row></x:sheetData>")
                .contains("beyond column 1000"));
        // an attribute holding '>' does not end the tag early and hide the reference after it
        assertTrue(markupProblem("<sheetData><row><c s=\">\" r=\"ZZZ9\"/></row></sheetData>").contains("ZZZ9"));
        markupAccepted("<sheetData><row><c r=\"ALL1\"/><c r=\"$A$2\"/></row></sheetData>");
    }

    @Test
    void cellsOutsideASheetAndInCommentsAreNotCounted() {
        markupAccepted("<calcChain>" + "<c r=\"XFD1\" i=\"1\"/>".repeat(1500) + "</calcChain>");
        markupAccepted("<sheetData><!-- <c r=\"ZZZZZZ1\"/> --><![CDATA[<c r=\"ZZZZZZ1\">]]></sheetData>");
        markupAccepted("<sheetData>" + ("<row>" + "<c/>".repeat(1000) + "</row>").repeat(3) + "</sheetData>");
        assertEquals("xl/worksheets/sheet1.xml has a row with more than 1000 cells",
                markupProblem("<sheetData><row>" + "<c/>".repeat(1001) + "</row></sheetData>"));
    }

    @Test
    void aDocumentTypeAHugeTextOrAHugeTagIsRefused() {
        assertTrue(markupProblem("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x/>").contains("DTD"));
        assertTrue(markupProblem("<t>" + "x".repeat(UploadCheck.MAX_TEXT_BYTES) + "</t>").contains("text of 1 MB"));
        assertTrue(markupProblem("<!--" + "x".repeat(UploadCheck.MAX_TEXT_BYTES) + "-->").contains("text of 1 MB"));
        assertTrue(markupProblem("<c r=\"" + "1".repeat(UploadCheck.MAX_TAG_BYTES) + "\"/>").contains("tag of 64 KB"));
    }

    @Test
    void aMillionSharedStringsAreTheMost() {
        UploadCheck.Markup markup = new UploadCheck.Markup("xl/sharedStrings.xml", 1000);
        byte[] item = "<si><t>x</t></si>".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < UploadCheck.MAX_SHARED_STRINGS; i++) {
            markup.feed(item, item.length);
        }
        assertThrows(InvalidFieldsException.class, () -> markup.feed(item, item.length));
    }

    @Test
    void anXlsxThatUnzipsTooLargeIsA413() throws IOException {
        byte[] xlsx = OversizedUploadTest.withSheet(out -> {
            byte[] row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>".repeat(1000)
                    .getBytes(StandardCharsets.US_ASCII);
            out.write("<worksheet><sheetData>".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100; i++) {
                out.write(row);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
        });
        Path file = Files.createTempFile("check-", ".xlsx");
        try {
            Files.write(file, xlsx);
            TooLargeException e = assertThrows(TooLargeException.class, () -> UploadCheck.xlsx(file, 1000, 1_000_000));
            assertEquals(413, e.status());
            assertEquals("file", e.violations().get(0).field());
            assertDoesNotThrow(() -> UploadCheck.xlsx(file, 1000, 64L * 1024 * 1024));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aBrokenXlsxIsLeftToTheJobWhichReportsItAsBefore() throws IOException {
        byte[] xlsx = OversizedUploadTest.withSheet(out -> out.write(
                "<worksheet><sheetData><row><c r=\"A1\" t=\"inlineStr\"><is><t>name</t></is></c></row></sheetData></worksheet>"
                        .getBytes(StandardCharsets.US_ASCII)));
        Path file = Files.createTempFile("check-", ".xlsx");
        try {
            for (byte[] broken : new byte[][] { java.util.Arrays.copyOf(xlsx, xlsx.length / 2),
                    "PK not a zip".getBytes(StandardCharsets.US_ASCII), xlsx }) {
                Files.write(file, broken);
                assertDoesNotThrow(() -> UploadCheck.xlsx(file, 1000, 64L * 1024 * 1024));
            }
        } finally {
            Files.delete(file);
        }
    }
}
