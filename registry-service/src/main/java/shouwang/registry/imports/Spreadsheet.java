package shouwang.registry.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * A spreadsheet read row by row, the same way for CSV (UTF-8 with or without BOM; GB18030 as saved by a Chinese
 * Excel is recognised too) and XLSX (first sheet, streamed). Row numbers are those a spreadsheet shows.
 */
public interface Spreadsheet extends Iterator<Spreadsheet.Line>, AutoCloseable {

    String CSV = "CSV";
    String XLSX = "XLSX";

    record Line(int number, List<String> cells) {
        public boolean isBlank() {
            return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
        }
    }

    @Override
    void close() throws IOException;

    /**
     * A first pass over the whole file, independent of this iterator's position: the data rows, i.e. the non-blank
     * rows after the first non-blank one (the header), counted exactly as the import counts {@code processed}.
     */
    int dataRows() throws IOException;

    /**
     * The non-blank lines from here on (the header first, then the data rows), read one ahead: {@code hasNext()}
     * is false right after the last data row, even when blank lines follow it.
     */
    default Iterator<Line> nonBlank() {
        Spreadsheet sheet = this;
        return new Iterator<>() {
            private Line next;

            @Override
            public boolean hasNext() {
                while (next == null && sheet.hasNext()) {
                    Line line = sheet.next();
                    next = line.isBlank() ? null : line;
                }
                return next != null;
            }

            @Override
            public Line next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Line line = next;
                next = null;
                return line;
            }
        };
    }

    static Spreadsheet open(Path file, String format) throws IOException {
        return XLSX.equals(format) ? new Xlsx(file) : Csv.of(file);
    }

    /** XLSX files are ZIP archives: they start with {@code PK}. */
    static String sniff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == 'P' && head[1] == 'K' ? XLSX : CSV;
        }
    }

    /**
     * RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. Read as a stream, one record at a time:
     * the file is never held in memory (a 32 MB CSV decoded at once took 96 MB of heap).
     */
    final class Csv implements Spreadsheet {

        /** Opens the text from its start; the first pass ({@link #dataRows()}) reads it on its own reader. */
        interface Source {
            Reader open() throws IOException;
        }

        private final Source source;
        private final Chars text;
        private int record;
        private Line next;

        Csv(Source source) throws IOException {
            this.source = source;
            this.text = new Chars(source.open());
            advance();
        }

        /** UTF-8 with or without BOM; a file that is not valid UTF-8 is GB18030 (what a Chinese Excel saves). */
        static Csv of(Path file) throws IOException {
            Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
            return new Csv(() -> {
                Reader reader = new InputStreamReader(Files.newInputStream(file), charset);
                if (charset == StandardCharsets.UTF_8) {
                    reader = new BufferedReader(reader, 64 * 1024);
                    reader.mark(1);
                    if (reader.read() != '\uFEFF') {
                        reader.reset();
                    }
                }
                return reader;
            });
        }

        /** One streamed pass that decodes and drops. */
        private static boolean isUtf8(Path file) throws IOException {
            CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (Reader reader = new InputStreamReader(Files.newInputStream(file), strict)) {
                char[] buffer = new char[16 * 1024];
                while (reader.read(buffer) >= 0) {
                    // decoded and dropped: only whether it decodes matters
                }
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }

        private void advance() {
            try {
                next = null;
                if (text.peek() < 0) {
                    return;
                }
                List<String> cells = new ArrayList<>();
                StringBuilder cell = new StringBuilder();
                boolean quoted = false;
                for (int c; (c = text.read()) >= 0;) {
                    if (quoted) {
                        if (c == '"') {
                            if (text.peek() == '"') {
                                cell.append('"');
                                text.read();
                            } else {
                                quoted = false;
                            }
                        } else {
                            cell.append((char) c);
                        }
                    } else if (c == '"') {
                        quoted = true;
                    } else if (c == ',') {
                        cells.add(cell.toString());
                        cell.setLength(0);
                    } else if (c == '\n' || c == '\r') {
                        if (c == '\r' && text.peek() == '\n') {
                            text.read();
                        }
                        break;
                    } else {
                        cell.append((char) c);
                    }
                }
                cells.add(cell.toString());
                next = new Line(++record, cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Mirrors {@link #advance()} without building cells, on its own reader: a record is blank when all its cells are. */
        @Override
        public int dataRows() throws IOException {
            int rows = 0;
            boolean headerSeen = false;
            try (Chars all = new Chars(source.open())) {
                while (all.peek() >= 0) {
                    boolean blank = true;
                    boolean quoted = false;
                    for (int c; (c = all.read()) >= 0;) {
                        if (quoted) {
                            if (c == '"') {
                                if (all.peek() == '"') {
                                    blank = false;
                                    all.read();
                                } else {
                                    quoted = false;
                                }
                            } else if (blank && !Character.isWhitespace(c)) {
                                blank = false;
                            }
                        } else if (c == '"') {
                            quoted = true;
                        } else if (c == '\n' || c == '\r') {
                            if (c == '\r' && all.peek() == '\n') {
                                all.read();
                            }
                            break;
                        } else if (blank && c != ',' && !Character.isWhitespace(c)) {
                            blank = false;
                        }
                    }
                    if (!blank) {
                        if (headerSeen) {
                            rows++;
                        } else {
                            headerSeen = true;
                        }
                    }
                }
            }
            return rows;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Line next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Line line = next;
            advance();
            return line;
        }

        @Override
        public void close() throws IOException {
            text.close();
        }

        /** A reader with one character of look-ahead. */
        private static final class Chars implements AutoCloseable {
            private final Reader reader;
            private final char[] buffer = new char[16 * 1024];
            private int position;
            private int length;

            Chars(Reader reader) {
                this.reader = reader;
            }

            int peek() throws IOException {
                if (position == length && !fill()) {
                    return -1;
                }
                return buffer[position];
            }

            int read() throws IOException {
                if (position == length && !fill()) {
                    return -1;
                }
                return buffer[position++];
            }

            private boolean fill() throws IOException {
                int n = reader.read(buffer, 0, buffer.length);
                position = 0;
                length = Math.max(n, 0);
                return n > 0;
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        }
    }

    final class Xlsx implements Spreadsheet {
        private final ReadableWorkbook workbook;
        private final Stream<Row> rows;
        private final Iterator<Row> iterator;

        Xlsx(Path file) throws IOException {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
            rows = workbook.getFirstSheet().openStream();
            iterator = rows.iterator();
        }

        /** Streams the first sheet a second time (rows only, nothing kept), on its own stream. */
        @Override
        public int dataRows() throws IOException {
            int rows = 0;
            boolean headerSeen = false;
            try (Stream<Row> all = workbook.getFirstSheet().openStream()) {
                for (Iterator<Row> it = all.iterator(); it.hasNext();) {
                    if (!blank(it.next())) {
                        if (headerSeen) {
                            rows++;
                        } else {
                            headerSeen = true;
                        }
                    }
                }
            }
            return rows;
        }

        /** Blank exactly when {@link #next()} would give a blank line: number cells never are. */
        private static boolean blank(Row row) {
            for (int i = 0; i < row.getCellCount(); i++) {
                Cell cell = row.getCell(i);
                if (cell != null && cell.getType() != CellType.EMPTY && (cell.getType() == CellType.NUMBER
                        || cell.getText() != null && !cell.getText().isBlank())) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean hasNext() {
            return iterator.hasNext();
        }

        @Override
        public Line next() {
            Row row = iterator.next();
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(text(row.getCell(i)));
            }
            return new Line(row.getRowNum(), cells);
        }

        /** Numbers as typed (no 1.38E10), date cells as ISO dates. */
        private static String text(Cell cell) {
            if (cell == null || cell.getType() == CellType.EMPTY) {
                return "";
            }
            if (cell.getType() == CellType.NUMBER) {
                String format = cell.getDataFormatString();
                if (format != null && format.toLowerCase().matches(".*[ymd].*") && !format.contains("0")) {
                    return cell.asDate().toLocalDate().toString();
                }
                BigDecimal number = cell.asNumber();
                return number.stripTrailingZeros().toPlainString();
            }
            String text = cell.getText();
            return text == null ? "" : text;
        }

        @Override
        public void close() throws IOException {
            rows.close();
            workbook.close();
        }
    }
}
