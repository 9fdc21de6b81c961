package shouwang.registry.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import shouwang.kit.problem.InvalidFieldsException;
import shouwang.registry.BodyLimits;
import shouwang.registry.TooLargeException;

/**
 * An uploaded file's shape, checked before a job is started, in one streamed pass that holds nothing of the file:
 * what the import (and fastexcel under it) would otherwise have to build in memory. A CSV row has at most
 * {@code maxColumns} cells and no cell of 128 KB or more (a spreadsheet cell holds 32,767 characters). An XLSX unzips
 * to at most {@code maxUnzipped} bytes (a zip bomb stops there), declares no DTD, names no cell beyond column
 * {@code maxColumns} in any sheet (fastexcel allocates one slot per column up to a cell's reference: {@code ZZZZZZ1}
 * is 321 million), has at most {@code maxColumns} cells in a sheet's row, at most {@value #MAX_SHARED_STRINGS} shared strings (all
 * held in memory while the sheet is read) and no text or tag of 1 MB or more. Refusals are a 400 naming
 * {@code file}, or a 413 for a file that unzips too large.
 */
final class UploadCheck {

    static final int MAX_CELL_BYTES = 128 * 1024;
    static final int MAX_SHARED_STRINGS = 1_000_000;
    static final int MAX_TEXT_BYTES = 1024 * 1024;
    static final int MAX_TAG_BYTES = 64 * 1024;

    private UploadCheck() {
    }

    /** @throws InvalidFieldsException (400) or {@link TooLargeException} (413) naming {@code file} */
    static void check(Path file, String format, int maxColumns, long maxUnzipped) throws IOException {
        if (Spreadsheet.XLSX.equals(format)) {
            xlsx(file, maxColumns, maxUnzipped);
        } else {
            csv(file, maxColumns);
        }
    }

    /**
     * Counts cells the way {@link Spreadsheet.Csv} splits them, on the raw bytes: {@code , " CR LF} never occur inside
     * a UTF-8 or GB18030 multi-byte character, so the encoding does not matter here.
     */
    static void csv(Path file, int maxColumns) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            byte[] buffer = new byte[64 * 1024];
            int row = 1;
            int cells = 1;
            int cellBytes = 0;
            boolean quoted = false;
            int previous = -1;
            for (int n; (n = in.read(buffer)) >= 0;) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i];
                    if (quoted) {
                        if (b == '"') {
                            quoted = false;
                        } else {
                            cellBytes++;
                        }
                    } else if (b == '"') {
                        quoted = true;
                    } else if (b == ',') {
                        if (++cells > maxColumns) {
                            throw refused("row " + row + " has more than " + maxColumns + " columns");
                        }
                        cellBytes = 0;
                    } else if (b == '\n' || b == '\r') {
                        if (!(b == '\n' && previous == '\r')) {
                            row++;
                        }
                        cells = 1;
                        cellBytes = 0;
                    } else {
                        cellBytes++;
                    }
                    if (cellBytes >= MAX_CELL_BYTES) {
                        throw refused("row " + row + " has a cell of 128 KB or more (a spreadsheet cell holds at most "
                                + "32,767 characters)");
                    }
                    previous = b;
                }
            }
        }
    }

    /** Unzips every part once, counting; the XML parts go through {@link Markup} as they inflate. */
    static void xlsx(Path file, int maxColumns, long maxUnzipped) throws IOException {
        ZipFile zip;
        try {
            zip = ZipFile.builder().setFile(file.toFile()).get();
        } catch (IOException e) {
            return; // not a ZIP at all: the job reports the file as unreadable, as for any broken file
        }
        try (zip) {
            long unzipped = 0;
            byte[] buffer = new byte[64 * 1024];
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                String name = entry.getName().toLowerCase(Locale.ROOT);
                Markup markup = name.endsWith(".xml") || name.endsWith(".rels") ? new Markup(entry.getName(), maxColumns)
                        : null;
                InputStream part;
                try {
                    part = zip.getInputStream(entry);
                } catch (IOException e) {
                    continue; // encrypted, an unknown compression: fastexcel cannot read it either, the job says so
                }
                try (InputStream in = part) {
                    for (int n; (n = read(in, buffer)) >= 0;) {
                        unzipped += n;
                        if (unzipped > maxUnzipped) {
                            throw new TooLargeException("file", "unzips to more than "
                                    + BodyLimits.megabytes(maxUnzipped) + " (an XLSX of 100,000 rows is ~70 MB unzipped)");
                        }
                        if (markup != null) {
                            markup.feed(buffer, n);
                        }
                    }
                }
            }
        }
    }

    /** A part that breaks off (a corrupt ZIP): fastexcel could not read it either, the job reports it as before. */
    private static int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            return -2;
        }
    }

    private static InvalidFieldsException refused(String message) {
        return InvalidFieldsException.of("file", message);
    }

    /**
     * A byte-level reading of an XML part, just enough to bound what a parser would build: tags (quotes respected),
     * comments, CDATA and text runs; the {@code row} and {@code c} (cell) elements inside a {@code sheetData} (the
     * calculation chain lists cells too, outside any sheet) and the {@code si} (shared string) elements, whatever
     * their namespace prefix.
     */
    static final class Markup {
        private enum State { TEXT, TAG, COMMENT, CDATA }

        private static final byte[] DOCTYPE = "!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

        private final String part;
        private final int maxColumns;
        private final byte[] tag = new byte[MAX_TAG_BYTES];
        private State state = State.TEXT;
        private int tagLength;
        private int quote;
        private int run;
        private int last1 = -1;
        private int last2 = -1;
        private int cellsInRow;
        private boolean inSheetData;
        private int sharedStrings;

        Markup(String part, int maxColumns) {
            this.part = part;
            this.maxColumns = maxColumns;
        }

        void feed(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                int b = bytes[i] & 0xFF;
                switch (state) {
                    case TEXT -> {
                        if (b == '<') {
                            state = State.TAG;
                            tagLength = 0;
                            quote = 0;
                            run = 0;
                        } else {
                            text();
                        }
                    }
                    case TAG -> tag(b);
                    case COMMENT -> {
                        text();
                        if (b == '>' && last1 == '-' && last2 == '-') {
                            state = State.TEXT;
                            run = 0;
                        }
                    }
                    case CDATA -> {
                        text();
                        if (b == '>' && last1 == ']' && last2 == ']') {
                            state = State.TEXT;
                            run = 0;
                        }
                    }
                }
                last2 = last1;
                last1 = b;
            }
        }

        private void text() {
            if (++run >= MAX_TEXT_BYTES) {
                throw refused(part + " has a text of 1 MB or more (a spreadsheet cell holds at most 32,767 characters)");
            }
        }

        private void tag(int b) {
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '"' || b == '\'') {
                quote = b;
            } else if (b == '>') {
                state = State.TEXT;
                run = 0;
                element();
                return;
            }
            if (tagLength == MAX_TAG_BYTES) {
                throw refused(part + " has a tag of 64 KB or more");
            }
            tag[tagLength++] = (byte) b;
            if (tagLength == 3 && startsWith("!--")) {
                state = State.COMMENT;
                run = 0;
            } else if (tagLength == 8 && startsWith("![CDATA[")) {
                state = State.CDATA;
                run = 0;
            } else if (tagLength == DOCTYPE.length && startsWith("!DOCTYPE")) {
                throw refused(part + " declares a document type (DTD), which no spreadsheet needs");
            }
        }

        private boolean startsWith(String prefix) {
            for (int i = 0; i < prefix.length(); i++) {
                if (i >= tagLength || tag[i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** A complete tag without its angle brackets: only start tags of {@code row}, {@code c}, {@code si} count. */
        private void element() {
            if (tagLength == 0 || tag[0] == '?' || tag[0] == '!') {
                return;
            }
            if (tag[0] == '/') {
                if (localName(1).equals("sheetData")) {
                    inSheetData = false;
                }
                return;
            }
            int end = nameEnd(0);
            switch (localName(0)) {
                case "sheetData" -> inSheetData = true;
                case "row" -> cellsInRow = 0;
                case "c" -> {
                    if (inSheetData) {
                        cell(end);
                    }
                }
                case "si" -> {
                    if (++sharedStrings > MAX_SHARED_STRINGS) {
                        throw refused(part + " has more than " + MAX_SHARED_STRINGS + " shared strings");
                    }
                }
                default -> {
                }
            }
        }

        private int nameEnd(int from) {
            int end = from;
            while (end < tagLength && !whitespace(tag[end]) && tag[end] != '/') {
                end++;
            }
            return end;
        }

        /** The element's name without its namespace prefix ({@code x:c} is {@code c}). */
        private String localName(int from) {
            int end = nameEnd(from);
            int start = end;
            while (start > from && tag[start - 1] != ':') {
                start--;
            }
            return new String(tag, start, end - start, StandardCharsets.US_ASCII);
        }

        private void cell(int afterName) {
            if (++cellsInRow > maxColumns) {
                throw refused(part + " has a row with more than " + maxColumns + " cells");
            }
            String reference = attribute("r", afterName);
            if (reference == null) {
                return;
            }
            int at = reference.startsWith("$") ? 1 : 0;
            long column = 0;
            int letters = 0;
            for (; at < reference.length() && asciiLetter(reference.charAt(at)); at++) {
                letters++;
                column = column * 26 + (Character.toUpperCase(reference.charAt(at)) - 'A' + 1);
                if (letters > 3 || column > maxColumns) {
                    throw refused(part + " has a cell " + reference + " beyond column " + maxColumns);
                }
            }
        }

        /** The value of attribute {@code name} in the current tag, from {@code from} on; null when absent. */
        private String attribute(String name, int from) {
            int at = from;
            while (at < tagLength) {
                while (at < tagLength && (whitespace(tag[at]) || tag[at] == '/')) {
                    at++;
                }
                int nameStart = at;
                while (at < tagLength && tag[at] != '=' && !whitespace(tag[at])) {
                    at++;
                }
                String attribute = new String(tag, nameStart, at - nameStart, StandardCharsets.US_ASCII);
                while (at < tagLength && (whitespace(tag[at]) || tag[at] == '=')) {
                    at++;
                }
                if (at >= tagLength || tag[at] != '"' && tag[at] != '\'') {
                    return null;
                }
                byte quoteChar = tag[at++];
                int valueStart = at;
                while (at < tagLength && tag[at] != quoteChar) {
                    at++;
                }
                if (attribute.equals(name)) {
                    return new String(tag, valueStart, at - valueStart, StandardCharsets.UTF_8);
                }
                at++;
            }
            return null;
        }

        private static boolean asciiLetter(char c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
        }

        private static boolean whitespace(byte b) {
            return b == ' ' || b == '\t' || b == '\n' || b == '\r';
        }
    }
}
