package id.serambi.deploy.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's generated sign-ins. Printed at start and kept in a file only the operator can read (0600) in the
 * data directory, so a restart can show them again. Passwords are random for every new demo district.
 */
public record DemoCredentials(List<Entry> entries, Path file) {

    public record Entry(String role, String username, String password, boolean shown) {
    }

    static final String FILE_NAME = "demo-credentials.txt";

    void write() {
        List<String> lines = new ArrayList<>();
        lines.add("# Serambi demo sign-ins (generated; keep private). role<TAB>username<TAB>password<TAB>shown");
        entries.forEach(e -> lines.add(e.role() + "\t" + e.username() + "\t" + e.password() + "\t" + e.shown()));
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, lines, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DemoCredentials read(Path file) {
        try {
            List<Entry> entries = Files.readAllLines(file).stream()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\t"))
                    .map(f -> new Entry(f[0], f[1], f[2], Boolean.parseBoolean(f[3])))
                    .toList();
            return new DemoCredentials(entries, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void print(PrintStream out) {
        List<Entry> shown = entries.stream().filter(Entry::shown).toList();
        int roleWidth = shown.stream().mapToInt(e -> e.role().length()).max().orElse(0);
        int userWidth = shown.stream().mapToInt(e -> e.username().length()).max().orElse(0);
        out.println("  Demo sign-ins (every agency's admin is in " + file + "):");
        shown.forEach(e -> out.printf("    %-" + roleWidth + "s  user %-" + userWidth + "s  password %s%n",
                e.role(), e.username(), e.password()));
    }

    public Entry find(String username) {
        return entries.stream().filter(e -> e.username().equals(username)).findFirst().orElseThrow();
    }
}
