package dev.agcinfra.audit.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agcinfra.audit.estimate.StackInventory.ElasticIp;
import dev.agcinfra.audit.estimate.StackInventory.GatewayEndpoint;
import dev.agcinfra.audit.estimate.StackInventory.InterfaceEndpoint;
import dev.agcinfra.audit.estimate.StackInventory.NatGateway;
import dev.agcinfra.audit.estimate.StackInventory.Unsupported;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the resources that bill by the hour from Terraform JSON: CDKTF's {@code cdk.tf.json} or hand-written
 * {@code *.tf.json}. Pure: it takes parsed JSON, never a file or AWS.
 *
 * <p>Terraform JSON allows any block to be an object or an array of objects; both are accepted. Keys named
 * {@code "//"} (CDKTF metadata) are ignored.
 */
public final class TerraformJsonReader {

    private static final Pattern EIP_REFERENCE = Pattern.compile("\\baws_eip\\.([A-Za-z0-9_-]+)");
    private static final Pattern ENDPOINT_REFERENCE = Pattern.compile("\\$\\{aws_vpc_endpoint\\.([A-Za-z0-9_-]+)(\\[[^\\]]*])?\\.id}");
    private static final Pattern PLAIN_REFERENCE = Pattern.compile("^\\$\\{[A-Za-z0-9_.-]+(\\[[0-9]+])?(\\.[A-Za-z0-9_]+)*}$");
    private static final Pattern INTEGER = Pattern.compile("^[0-9]+$");
    private static final Pattern LITERAL_INTEGER_EXPRESSION = Pattern.compile("^\\$\\{\\s*([0-9]+)\\s*}$");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-[0-9]+$");
    /** {@code aws_nat_gateway}'s {@code availability_mode} of a regional NAT gateway. */
    private static final String REGIONAL = "regional";
    /** {@code aws_flow_log}'s default {@code log_destination_type}. */
    private static final String CLOUDWATCH_LOGS = "cloud-watch-logs";

    private TerraformJsonReader() {
    }

    /**
     * Reads one stack from one or more Terraform JSON documents (several when a directory holds several
     * {@code *.tf.json} files, which Terraform merges into one module).
     */
    public static StackInventory read(String stack, List<JsonNode> documents) {
        Map<String, String> providerRegions = new LinkedHashMap<>();
        Map<String, String> providerProblems = new LinkedHashMap<>();
        for (JsonNode document : documents) {
            readProviders(document, providerRegions, providerProblems);
        }
        Map<String, Map<String, JsonNode>> resources = resources(documents);

        String defaultRegion = providerRegions.get("aws");
        String regionProblem = defaultRegion != null ? null
                : providerProblems.getOrDefault("aws", "no AWS provider with a literal region");

        List<Unsupported> unsupported = new ArrayList<>();
        // A resource bound to an aliased provider in another region cannot be shown under this stack's region.
        resources.forEach((type, byName) -> byName.forEach((name, body) -> {
            String provider = body.path("provider").asText("aws");
            if (!provider.equals("aws") && isPriced(type)) {
                String alias = provider.replaceFirst("^\\$\\{(.*)}$", "$1");
                String aliasRegion = providerRegions.get(alias);
                if (aliasRegion == null || !aliasRegion.equals(defaultRegion)) {
                    unsupported.add(new Unsupported(type + "." + name, null, "bound to provider " + alias
                            + (aliasRegion == null ? " whose region is not a literal" : " in " + aliasRegion)
                            + ", not the stack's default provider; price it in a stack of its own"));
                }
            }
        }));
        resources.values().forEach(byName -> byName.values().removeIf(body -> {
            String provider = body.path("provider").asText("aws");
            if (provider.equals("aws")) {
                return false;
            }
            String aliasRegion = providerRegions.get(provider.replaceFirst("^\\$\\{(.*)}$", "$1"));
            return aliasRegion == null || !aliasRegion.equals(defaultRegion);
        }));

        Map<String, JsonNode> eips = resources.getOrDefault("aws_eip", Map.of());
        List<ElasticIp> elasticIps = new ArrayList<>();
        eips.forEach((name, body) -> elasticIps.add(new ElasticIp("aws_eip." + name, count(body))));

        List<NatGateway> natGateways = new ArrayList<>();
        resources.getOrDefault("aws_nat_gateway", Map.of()).forEach((name, body) ->
                natGateways.add(natGateway("aws_nat_gateway." + name, body, eips.keySet())));

        Map<String, Count> associations = subnetAssociations(resources.getOrDefault(
                "aws_vpc_endpoint_subnet_association", Map.of()), unsupported);

        List<InterfaceEndpoint> interfaceEndpoints = new ArrayList<>();
        List<GatewayEndpoint> gatewayEndpoints = new ArrayList<>();
        resources.getOrDefault("aws_vpc_endpoint", Map.of()).forEach((name, body) -> {
            String address = "aws_vpc_endpoint." + name;
            String service = body.path("service_name").asText("");
            String type = body.path("vpc_endpoint_type").asText("Gateway");
            switch (type) {
                case "Gateway" -> gatewayEndpoints.add(new GatewayEndpoint(address, service, count(body)));
                case "Interface" -> {
                    Count azs = subnetCount(body.get("subnet_ids"));
                    Count associated = associations.get(name);
                    if (associated != null && azs.known()) {
                        azs = associated.known() ? Count.of(azs.value() + associated.value()) : associated;
                    }
                    if (azs.known() && azs.value() == 0) {
                        azs = Count.unknown("no subnet_ids: the number of AZs is not known before apply");
                    }
                    interfaceEndpoints.add(new InterfaceEndpoint(address, service, count(body), azs));
                }
                default -> unsupported.add(new Unsupported(address, null,
                        "vpc_endpoint_type " + type + " is not priced by this tool"));
            }
        });

        List<StackInventory.FlowLog> flowLogs = new ArrayList<>();
        resources.getOrDefault("aws_flow_log", Map.of()).forEach((name, body) -> {
            String address = "aws_flow_log." + name;
            String destination = body.path("log_destination_type").asText(CLOUDWATCH_LOGS);
            if (destination.equals(CLOUDWATCH_LOGS)) {
                flowLogs.add(new StackInventory.FlowLog(address, count(body)));
            } else {
                unsupported.add(new Unsupported(address, null, "a flow log to " + destination
                        + " bills per GB delivered, which this tool does not price"));
            }
        });

        boolean createsVpc = !resources.getOrDefault("aws_vpc", Map.of()).isEmpty();
        return new StackInventory(stack, defaultRegion, regionProblem, createsVpc, natGateways, elasticIps,
                interfaceEndpoints, gatewayEndpoints, unsupported, flowLogs);
    }

    /**
     * The {@code resource} blocks of one module's documents, by type then name, in the order written; a body given as
     * an array of objects is their merge. For readers of Terraform JSON other than the estimate's (they get the same
     * view of object-or-array blocks and CDKTF's {@code "//"} metadata keys).
     */
    public static Map<String, Map<String, JsonNode>> resources(List<JsonNode> documents) {
        Map<String, Map<String, JsonNode>> resources = new LinkedHashMap<>();
        for (JsonNode document : documents) {
            forEachBlock(document.get("resource"), (type, byName) ->
                    forEachBlock(byName, (name, body) -> resources.computeIfAbsent(type, t -> new LinkedHashMap<>())
                            .put(name, merged(body))));
        }
        return resources;
    }

    private static boolean isPriced(String type) {
        return type.equals("aws_nat_gateway") || type.equals("aws_eip") || type.equals("aws_vpc_endpoint")
                || type.equals("aws_flow_log");
    }

    private static NatGateway natGateway(String address, JsonNode body, java.util.Set<String> stackEips) {
        boolean isPublic = !"private".equals(body.path("connectivity_type").asText("public"));
        boolean regional = REGIONAL.equals(body.path("availability_mode").asText("zonal"));
        List<String> eips = new ArrayList<>();
        int other = 0;
        if (isPublic) {
            List<JsonNode> allocations = new ArrayList<>();
            if (body.hasNonNull("allocation_id")) {
                allocations.add(body.get("allocation_id"));
            }
            JsonNode secondary = body.get("secondary_allocation_ids");
            if (secondary != null && secondary.isArray()) {
                secondary.forEach(allocations::add);
            }
            // A regional gateway in manual mode names its addresses per AZ; in automatic mode, AWS assigns them
            JsonNode perAz = body.get("availability_zone_address");
            List<JsonNode> zones = new ArrayList<>();
            if (perAz != null && perAz.isArray()) {
                perAz.forEach(zones::add);
            } else if (perAz != null && perAz.isObject()) {
                zones.add(perAz);
            }
            for (JsonNode zone : zones) {
                JsonNode ids = zone.get("allocation_ids");
                if (ids != null && ids.isArray()) {
                    ids.forEach(allocations::add);
                }
            }
            if (allocations.isEmpty() && !regional) {
                other = 1;
            }
            for (JsonNode allocation : allocations) {
                Matcher reference = EIP_REFERENCE.matcher(allocation.asText());
                if (reference.find() && stackEips.contains(reference.group(1))) {
                    String eip = "aws_eip." + reference.group(1);
                    if (!eips.contains(eip)) {
                        eips.add(eip);
                    }
                } else {
                    other++;
                }
            }
        }
        return new NatGateway(address, count(body), isPublic, eips, other, regional);
    }

    /** The {@code count} or {@code for_each} meta-argument, when Terraform need not evaluate anything for it. */
    static Count count(JsonNode body) {
        JsonNode count = body.get("count");
        if (count != null && !count.isNull()) {
            if (count.isIntegralNumber() && count.asInt() >= 0) {
                return Count.of(count.asInt());
            }
            String text = count.asText();
            if (INTEGER.matcher(text).matches()) {
                return Count.of(Integer.parseInt(text));
            }
            Matcher literal = LITERAL_INTEGER_EXPRESSION.matcher(text);
            if (literal.matches()) {
                return Count.of(Integer.parseInt(literal.group(1)));
            }
            return Count.unknown("count is an expression (" + count + ") that only Terraform can resolve");
        }
        JsonNode forEach = body.get("for_each");
        if (forEach != null && !forEach.isNull()) {
            if (forEach.isObject() || forEach.isArray()) {
                return Count.of(forEach.size());
            }
            return Count.unknown("for_each is an expression (" + forEach + ") that only Terraform can resolve");
        }
        return Count.ONE;
    }

    /** The number of subnets in {@code subnet_ids}: each entry is one subnet unless it is a splat or a function. */
    static Count subnetCount(JsonNode subnetIds) {
        if (subnetIds == null || subnetIds.isNull()) {
            return Count.of(0);
        }
        if (!subnetIds.isArray()) {
            return Count.unknown("subnet_ids is an expression (" + subnetIds.asText()
                    + ") that only Terraform can resolve");
        }
        for (JsonNode entry : subnetIds) {
            String text = entry.asText();
            if (text.contains("${") && !PLAIN_REFERENCE.matcher(text).matches()) {
                return Count.unknown("subnet_ids entry " + text + " may stand for several subnets");
            }
        }
        return Count.of(subnetIds.size());
    }

    private static Map<String, Count> subnetAssociations(Map<String, JsonNode> associations,
                                                         List<Unsupported> unsupported) {
        Map<String, Count> byEndpoint = new LinkedHashMap<>();
        associations.forEach((name, body) -> {
            Matcher endpoint = ENDPOINT_REFERENCE.matcher(body.path("vpc_endpoint_id").asText());
            if (!endpoint.find()) {
                unsupported.add(new Unsupported("aws_vpc_endpoint_subnet_association." + name,
                        Category.INTERFACE_ENDPOINT_HOURS,
                        "adds an AZ to an endpoint not defined in this stack (" + body.path("vpc_endpoint_id").asText()
                                + ")"));
                return;
            }
            Count count = count(body);
            byEndpoint.merge(endpoint.group(1), count, (a, b) ->
                    a.known() && b.known() ? Count.of(a.value() + b.value()) : (a.known() ? b : a));
        });
        return byEndpoint;
    }

    private static void readProviders(JsonNode document, Map<String, String> regions, Map<String, String> problems) {
        JsonNode provider = document.get("provider");
        if (provider == null) {
            return;
        }
        forEachBlock(provider, (name, config) -> {
            if (!name.equals("aws")) {
                return;
            }
            List<JsonNode> configs = new ArrayList<>();
            if (config.isArray()) {
                config.forEach(configs::add);
            } else {
                configs.add(config);
            }
            for (JsonNode one : configs) {
                String key = one.hasNonNull("alias") ? "aws." + one.get("alias").asText() : "aws";
                JsonNode region = one.get("region");
                if (region == null || region.isNull()) {
                    problems.put(key, "the AWS provider sets no region (it would come from the environment)");
                } else if (!REGION.matcher(region.asText()).matches()) {
                    problems.put(key, "the AWS provider's region is an expression (" + region.asText()
                            + ") that only Terraform can resolve");
                } else {
                    regions.put(key, region.asText());
                }
            }
        });
    }

    /** Calls {@code action} for each key of an object block, or of each object in an array of blocks. */
    private static void forEachBlock(JsonNode block, BiConsumer<String, JsonNode> action) {
        if (block == null || block.isNull()) {
            return;
        }
        if (block.isArray()) {
            block.forEach(element -> forEachBlock(element, action));
            return;
        }
        for (Map.Entry<String, JsonNode> entry : block.properties()) {
            if (!entry.getKey().equals("//")) {
                action.accept(entry.getKey(), entry.getValue());
            }
        }
    }

    /** A resource body given as an array of objects is their merge (the last wins). */
    private static JsonNode merged(JsonNode body) {
        if (!body.isArray()) {
            return body;
        }
        com.fasterxml.jackson.databind.node.ObjectNode merged =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.forEach(part -> {
            if (part.isObject()) {
                merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) part);
            }
        });
        return merged;
    }
}
