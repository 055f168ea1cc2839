package id.serambi.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;

/**
 * Build step: generates the jOOQ classes of platform-core from the schema as the migrations make it, by
 * migrating a throw-away embedded PostgreSQL. The migrations stay the only source of schema truth.
 * Skips when the migrations have not changed since the last run (a stamp file holds their hash).
 *
 * <p>Usage: {@code SchemaCodegen <target directory> <package>}
 */
public final class SchemaCodegen {

    private SchemaCodegen() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SchemaCodegen <target directory> <package>");
        }
        Path target = Path.of(args[0]);
        String packageName = args[1];
        String hash = migrationsHash();
        Path stamp = target.resolve(".migrations-hash");
        if (Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
            return;
        }
        Path dataDir = Files.createTempDirectory("serambi-codegen-");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir, true)) {
            postgres.createDatabaseIfMissing("codegen");
            String url = postgres.jdbcUrl("codegen");
            DatabaseMigrator.migrate(url, postgres.superuser(), postgres.superuserPassword());
            GenerationTool.generate(configuration(url, postgres, target, packageName));
        } finally {
            deleteTree(dataDir);
        }
        Files.writeString(stamp, hash);
    }

    private static Configuration configuration(String url, EmbeddedPostgres postgres, Path target, String pkg) {
        return new Configuration()
                .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url)
                        .withUser(postgres.superuser()).withPassword(postgres.superuserPassword()))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withSchemata(new SchemaMappingType().withInputSchema("public"),
                                        new SchemaMappingType().withInputSchema("portal"))
                                // tsvector columns are queried by name in full-text search, not mapped.
                                .withIncludeExcludeColumns(true)
                                .withExcludes("flyway_schema_history|audit_log_is_append_only|.*\\.search"))
                        .withGenerate(new Generate()
                                .withRecords(true)
                                .withPojos(false)
                                .withDaos(false)
                                .withJavaTimeTypes(true)
                                .withFluentSetters(true)
                                .withGeneratedAnnotation(false))
                        .withTarget(new Target().withPackageName(pkg).withDirectory(target.toString())));
    }

    /** SHA-256 over the names and contents of every file under db/migration on the classpath. */
    static String migrationsHash() throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (URL url : Collections.list(SchemaCodegen.class.getClassLoader().getResources("db/migration"))) {
            if (url.getProtocol().equals("file")) {
                Path dir = Path.of(url.toURI());
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        names.add(dir.relativize(file).toString());
                        contents.add(Files.readAllBytes(file));
                    }
                }
            } else if (url.getProtocol().equals("jar")) {
                try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
                    for (JarEntry entry : Collections.list(jar.entries()).stream()
                            .filter(e -> e.getName().startsWith("db/migration/") && !e.isDirectory())
                            .sorted((a, b) -> a.getName().compareTo(b.getName())).toList()) {
                        names.add(entry.getName());
                        try (InputStream in = jar.getInputStream(entry)) {
                            contents.add(in.readAllBytes());
                        }
                    }
                }
            }
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < names.size(); i++) {
                digest.update(names.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(contents.get(i));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
