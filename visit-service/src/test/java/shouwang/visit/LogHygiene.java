package shouwang.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import shouwang.kit.testing.PersonalDataPatterns;

/**
 * No log line holds an ID card number or a mobile phone (docs/security.md; issue 10), whatever the hostile suites
 * sent: the fixtures' profiles carry phones, bodies and poison records carry them in every field they could. Masked
 * numbers ({@code 110101********123X}) are fine.
 */
final class LogHygiene {

    private LogHygiene() {
    }

    static void assertNoPersonalNumbers() {
        List<String> lines;
        try {
            lines = Files.exists(HostileProfile.LOG) ? Files.readAllLines(HostileProfile.LOG, StandardCharsets.UTF_8)
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(lines).as("the hostile suites' log, " + HostileProfile.LOG).isNotEmpty();
        List<String> leaking = lines.stream()
                .filter(PersonalDataPatterns::holdsPersonalNumber)
                .map(line -> line.length() > 300 ? line.substring(0, 300) + "…" : line).limit(20).toList();
        System.out.printf("LOG-HYGIENE lines=%d leaking=%d%n", lines.size(), leaking.size());
        assertThat(leaking).as("log lines with an ID number or a phone").isEmpty();
    }
}
