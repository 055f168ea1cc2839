package id.serambi.core.designation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import id.serambi.core.access.Access;
import id.serambi.core.access.Action;
import id.serambi.core.access.Actor;
import id.serambi.core.audit.AuditService;
import id.serambi.core.report.CsvReader;
import id.serambi.core.support.FieldError;
import id.serambi.core.support.InvalidInputException;
import id.serambi.core.support.Validator;
import id.serambi.core.tenant.NewTenant;
import id.serambi.core.tenant.TenantService;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Many agencies at once from a CSV file (agency name, slug, kind, admin name, admin email, letter number,
 * letter date; optionally the signer's name and title): a dry run reports every row's problems by line and
 * column, and the real run creates every tenant, designation and activation mail, or none at all. The admin's
 * user name is "admin." followed by the slug.
 */
@Singleton
public class BulkProvisioning {
    public static final int MAX_ROWS = 500;
    /** The columns, in the order of a template; each also known by its English name. */
    public static final List<String> COLUMNS = List.of("nama_perangkat_daerah", "slug", "jenis", "nama_admin",
            "email_admin", "nomor_surat", "tanggal_surat", "nama_penanda_tangan", "jabatan_penanda_tangan");
    private static final int OPTIONAL_FROM = 7;
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("namaperangkatdaerah", "nama_perangkat_daerah"), Map.entry("namainstansi", "nama_perangkat_daerah"),
            Map.entry("agencyname", "nama_perangkat_daerah"), Map.entry("slug", "slug"), Map.entry("jenis", "jenis"),
            Map.entry("kind", "jenis"), Map.entry("namaadmin", "nama_admin"), Map.entry("adminname", "nama_admin"),
            Map.entry("emailadmin", "email_admin"), Map.entry("adminemail", "email_admin"),
            Map.entry("nomorsurat", "nomor_surat"), Map.entry("letternumber", "nomor_surat"),
            Map.entry("tanggalsurat", "tanggal_surat"), Map.entry("letterdate", "tanggal_surat"),
            Map.entry("namapenandatangan", "nama_penanda_tangan"), Map.entry("signername", "nama_penanda_tangan"),
            Map.entry("jabatanpenandatangan", "jabatan_penanda_tangan"), Map.entry("signertitle", "jabatan_penanda_tangan"));
    // Which column a service's field error belongs to.
    private static final Map<String, String> FIELD_COLUMNS = Map.ofEntries(
            Map.entry("name", "nama_perangkat_daerah"), Map.entry("slug", "slug"), Map.entry("kind", "jenis"),
            Map.entry("description", "nama_perangkat_daerah"), Map.entry("displayName", "nama_admin"),
            Map.entry("username", "slug"), Map.entry("email", "email_admin"), Map.entry("letterNumber", "nomor_surat"),
            Map.entry("letterDate", "tanggal_surat"), Map.entry("signerName", "nama_penanda_tangan"),
            Map.entry("signerTitle", "jabatan_penanda_tangan"), Map.entry("validFrom", "tanggal_surat"),
            Map.entry("validUntil", "tanggal_surat"), Map.entry("delivery", "email_admin"), Map.entry("role", "slug"));

    /** One problem: the line of the file, the column (null for the whole file) and the message. */
    public record Problem(int line, String column, String messageKey, List<Object> args) {
    }

    /** One row as understood, with its problems. */
    public record Row(int line, String agencyName, String slug, String adminEmail, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The whole file's outcome: its rows, and problems of the file itself (header, encoding). */
    public record Report(List<Row> rows, List<Problem> fileProblems, boolean created) {
        public boolean ok() {
            return fileProblems.isEmpty() && rows.stream().allMatch(Row::ok) && !rows.isEmpty();
        }

        public long problemCount() {
            return fileProblems.size() + rows.stream().mapToLong(r -> r.problems().size()).sum();
        }
    }

    private record Parsed(int line, NewTenant tenant, NewDesignation admin) {
    }

    private final Access access;
    private final TenantService tenants;
    private final DesignationService designations;
    private final AuditService audit;

    BulkProvisioning(Access access, TenantService tenants, DesignationService designations, AuditService audit) {
        this.access = access;
        this.tenants = tenants;
        this.designations = designations;
        this.audit = audit;
    }

    /** The dry run: what the real run would do, and every problem found; nothing is written. */
    @Transactional(readOnly = true)
    public Report check(Actor actor, String csv) {
        access.require(actor, Action.CREATE_TENANT);
        List<Problem> fileProblems = new ArrayList<>();
        List<Parsed> parsed = read(csv, fileProblems);
        return new Report(validate(parsed), fileProblems, false);
    }

    /**
     * The real run, all or nothing: if any row has a problem nothing is created and the report says why;
     * otherwise every row's tenant, designation and activation mail are created in one transaction.
     */
    @Transactional
    public Report run(Actor actor, String csv) {
        access.require(actor, Action.CREATE_TENANT);
        List<Problem> fileProblems = new ArrayList<>();
        List<Parsed> parsed = read(csv, fileProblems);
        List<Row> rows = validate(parsed);
        Report report = new Report(rows, fileProblems, false);
        if (!report.ok()) {
            return report;
        }
        // One transaction: should a row fail now (someone took a slug meanwhile), its exception undoes every row.
        for (Parsed row : parsed) {
            designations.provisionTenant(actor, row.tenant(), row.admin(), LetterUpload.NONE);
        }
        audit.record(actor, null, "tenant.bulk_create", "tenant", null, Map.of("rows", String.valueOf(parsed.size())));
        return new Report(rows, fileProblems, true);
    }

    private List<Parsed> read(String csv, List<Problem> fileProblems) {
        List<CsvReader.Row> records;
        try {
            records = CsvReader.parse(csv == null ? "" : csv);
        } catch (CsvReader.MalformedCsvException e) {
            fileProblems.add(new Problem(e.line(), null, "bulk.unclosed_quote", List.of()));
            return List.of();
        }
        if (records.isEmpty()) {
            fileProblems.add(new Problem(1, null, "bulk.empty", List.of()));
            return List.of();
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0).cells();
        for (int i = 0; i < header.size(); i++) {
            String known = ALIASES.get(simplify(header.get(i)));
            if (known != null) {
                columns.putIfAbsent(known, i);
            }
        }
        for (String column : COLUMNS.subList(0, OPTIONAL_FROM)) {
            if (!columns.containsKey(column)) {
                fileProblems.add(new Problem(1, column, "bulk.column_missing", List.of(column)));
            }
        }
        if (!fileProblems.isEmpty()) {
            return List.of();
        }
        if (records.size() - 1 > MAX_ROWS) {
            fileProblems.add(new Problem(1, null, "bulk.too_many", List.of(MAX_ROWS)));
            return List.of();
        }
        List<Parsed> parsed = new ArrayList<>();
        for (CsvReader.Row record : records.subList(1, records.size())) {
            String name = value(record, columns, "nama_perangkat_daerah");
            String slug = value(record, columns, "slug").toLowerCase(Locale.ROOT);
            String signerName = value(record, columns, "nama_penanda_tangan");
            String signerTitle = value(record, columns, "jabatan_penanda_tangan");
            parsed.add(new Parsed(record.line(), new NewTenant(slug, name, value(record, columns, "jenis").toLowerCase(Locale.ROOT), null),
                    new NewDesignation(value(record, columns, "nama_admin"), "admin." + slug, value(record, columns, "email_admin"),
                            "tenant_admin", value(record, columns, "nomor_surat"), value(record, columns, "tanggal_surat"),
                            signerName.isEmpty() ? "(lihat surat)" : signerName,
                            signerTitle.isEmpty() ? "Kepala " + name : signerTitle, "", "", "email")));
        }
        return parsed;
    }

    private List<Row> validate(List<Parsed> parsed) {
        Set<String> slugs = new HashSet<>();
        Set<String> emails = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (Parsed row : parsed) {
            Validator validator = new Validator();
            tenants.validateNew(row.tenant(), validator);
            designations.validate("", row.admin(), LetterUpload.NONE, true, validator);
            Map<String, Problem> problems = new LinkedHashMap<>();
            try {
                validator.check();
            } catch (InvalidInputException invalid) {
                for (FieldError e : invalid.errors()) {
                    String column = FIELD_COLUMNS.getOrDefault(e.field(), e.field());
                    problems.putIfAbsent(column + e.messageKey(), new Problem(row.line(), column, e.messageKey(), e.args()));
                }
            }
            // Each row is checked against the database; two rows of one file must not collide either.
            if (!row.tenant().slug().isEmpty() && !slugs.add(row.tenant().slug())) {
                problems.putIfAbsent("slugdup", new Problem(row.line(), "slug", "bulk.duplicate_in_file", List.of()));
            }
            String email = row.admin().email().toLowerCase(Locale.ROOT);
            if (!email.isEmpty() && !emails.add(email)) {
                problems.putIfAbsent("emaildup", new Problem(row.line(), "email_admin", "bulk.duplicate_in_file", List.of()));
            }
            rows.add(new Row(row.line(), row.tenant().name(), row.tenant().slug(), row.admin().email(), List.copyOf(problems.values())));
        }
        return rows;
    }

    private static String value(CsvReader.Row record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : record.cell(index).strip();
    }

    private static String simplify(String header) {
        return Normalizer.normalize(header, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
