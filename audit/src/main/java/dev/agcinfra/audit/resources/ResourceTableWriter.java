package dev.agcinfra.audit.resources;

import dev.agcinfra.audit.TagFilter;
import dev.agcinfra.audit.accounts.AuditScope;
import dev.agcinfra.audit.batch.AuditAccount;
import dev.agcinfra.audit.batch.AuditError;
import dev.agcinfra.audit.report.ReportWriter;
import dev.agcinfra.cli.TextTable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A table for people: per region, per {@code service/type}, with counts, then the errors. With several accounts
 * ({@code --accounts}, {@code --org}) the regions are grouped under their account, each account with its total, and
 * the last line totals every account.
 *
 * <p>It keeps every resource until the end in order to group them (a bucket may arrive from another region's
 * partition), so its memory grows with the accounts: use {@code --format json} or {@code csv} for very large ones.
 */
public final class ResourceTableWriter implements ReportWriter<Resource> {

    private final Writer out;
    private final TagFilter tag;
    private final AuditScope scope;
    /** Account, then region, then its resources; one account (any id) when the report is not by account. */
    private final Map<String, Map<String, List<Resource>>> byAccount = new LinkedHashMap<>();

    public ResourceTableWriter(Writer out, TagFilter tag, AuditScope scope) {
        this.out = out;
        this.tag = tag;
        this.scope = scope;
        for (AuditAccount account : scope.accounts()) {
            Map<String, List<Resource>> regions = new LinkedHashMap<>();
            scope.regions(account.id()).forEach(region -> regions.put(region, new ArrayList<>()));
            byAccount.put(key(account.id()), regions);
        }
    }

    private String key(String account) {
        return scope.byAccount() ? account : "";
    }

    @Override
    public void begin() {
    }

    @Override
    public void write(List<? extends Resource> chunk) {
        for (Resource resource : chunk) {
            byAccount.computeIfAbsent(key(resource.account()), a -> new LinkedHashMap<>())
                    .computeIfAbsent(resource.region(), r -> new ArrayList<>()).add(resource);
        }
    }

    @Override
    public void end(List<AuditError> errors) throws IOException {
        StringBuilder text = new StringBuilder();
        long total = 0;
        long regionsRead = 0;
        long regionsIncomplete = 0;
        int accountsRead = 0;
        int accountsUnread = 0;
        for (AuditAccount account : scope.accounts()) {
            Map<String, List<Resource>> regions = byAccount.get(key(account.id()));
            Set<String> failed = new HashSet<>();
            boolean unread = false;
            for (AuditError error : errors) {
                if (!scope.byAccount() || error.account().equals(account.id())) {
                    unread |= error.accountWide();
                    failed.add(error.region());
                }
            }
            String indent = scope.byAccount() ? "  " : "";
            if (scope.byAccount()) {
                text.append(text.length() == 0 ? "" : "\n").append("Account ").append(account.label());
                if (unread) {
                    text.append(": not read (see the errors below)\n");
                    accountsUnread++;
                    continue;
                }
                text.append('\n');
                accountsRead++;
            }
            long accountTotal = 0;
            for (Map.Entry<String, List<Resource>> region : regions.entrySet()) {
                accountTotal += region.getValue().size();
                appendRegion(text, indent, region.getKey(), region.getValue(), failed.contains(region.getKey()));
            }
            long complete = regions.keySet().stream().filter(region -> !failed.contains(region)).count();
            long incomplete = regions.size() - complete;
            total += accountTotal;
            regionsRead += complete;
            regionsIncomplete += incomplete;
            if (scope.byAccount()) {
                text.append(indent).append("Account total: ").append(count(accountTotal, "resource")).append(" in ")
                        .append(count(complete, "region"))
                        .append(incomplete == 0 ? "" : ", and " + count(incomplete, "region") + " not read completely")
                        .append('\n');
            }
        }
        text.append("\nTotal: ").append(count(total, "resource")).append(" tagged ").append(tag);
        if (scope.byAccount()) {
            text.append(" in ").append(count(accountsRead, "account")).append(" (")
                    .append(count(regionsRead, "region")).append(regionsIncomplete == 0 ? "" : ", and "
                            + count(regionsIncomplete, "region") + " not read completely").append(')')
                    .append(accountsUnread == 0 ? "" : ", and " + count(accountsUnread, "account") + " not read");
        } else {
            text.append(" in ").append(count(regionsRead, "region"))
                    .append(regionsIncomplete == 0 ? "" : ", and " + count(regionsIncomplete, "region")
                            + " not read completely");
        }
        text.append('\n');
        if (!errors.isEmpty()) {
            text.append("\nErrors (").append(errors.size()).append("): the report is partial\n");
            for (AuditError error : errors) {
                text.append("  ").append(error.toLine(scope.byAccount())).append('\n');
            }
        }
        out.write(text.toString());
        out.flush();
    }

    private static void appendRegion(StringBuilder text, String indent, String region, List<Resource> resources,
            boolean failed) {
        text.append(indent).append(region).append(": ");
        if (failed) {
            // a region whose calls failed is not "0 resources": say what was read, and that it is incomplete
            text.append(resources.isEmpty() ? "not read" : count(resources.size(), "resource") + " read")
                    .append(" (incomplete: see the errors below)\n");
        } else {
            text.append(count(resources.size(), "resource")).append('\n');
        }
        Map<String, List<Resource>> byType = new TreeMap<>();
        for (Resource resource : resources) {
            byType.computeIfAbsent(resource.service() + "/" + resource.type(), t -> new ArrayList<>()).add(resource);
        }
        for (Map.Entry<String, List<Resource>> type : byType.entrySet()) {
            List<Resource> rows = type.getValue();
            rows.sort(Comparator.comparing(Resource::id));
            text.append(indent).append("  ").append(type.getKey()).append(" (").append(rows.size()).append(")\n");
            TextTable table = new TextTable(indent + "    ", "  ");
            boolean states = rows.stream().anyMatch(row -> row.state() != null && !row.state().isEmpty());
            rows.forEach(row -> {
                if (states) {
                    table.row(row.id(), row.state(), row.name());
                } else {
                    table.row(row.id(), row.name());
                }
            });
            table.appendTo(text);
        }
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
