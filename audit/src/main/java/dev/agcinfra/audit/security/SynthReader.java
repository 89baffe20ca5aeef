package dev.agcinfra.audit.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agcinfra.audit.estimate.InvalidInputException;
import dev.agcinfra.audit.estimate.StackLoader;
import dev.agcinfra.audit.estimate.StackLoader.StackFiles;
import dev.agcinfra.audit.estimate.StackLoader.TerraformFile;
import dev.agcinfra.audit.estimate.TerraformJsonReader;
import dev.agcinfra.audit.security.SecurityGroupItem.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads synthesized Terraform JSON ({@code cdktf.out}, a stack directory, a {@code cdk.tf.json}, hand-written
 * {@code *.tf.json}: what {@link StackLoader} finds) into the resources the rules check, offline. Pure but for
 * reading the files.
 *
 * <p>What each resource becomes, with Terraform's defaults where an argument is absent:
 * <ul>
 *   <li>{@code aws_vpc}: its CIDR, whether an {@code aws_flow_log} names it, whether its subnets are all public and
 *       map public IPs; a VPC that no {@code aws_default_security_group} adopts keeps AWS's default group, with AWS's
 *       two default rules (all traffic from itself in, all traffic out);</li>
 *   <li>{@code aws_subnet}, {@code aws_vpc_endpoint}, {@code aws_dynamodb_table}: their arguments;</li>
 *   <li>{@code aws_security_group} and {@code aws_default_security_group}: inline {@code ingress}/{@code egress}
 *       plus every {@code aws_security_group_rule}, {@code aws_vpc_security_group_ingress_rule} and
 *       {@code _egress_rule} naming the group; the group an interface endpoint uses is the endpoint group;</li>
 *   <li>{@code aws_s3_bucket}: with the public access block, policy, encryption, ownership controls and versioning
 *       resources naming it (by reference or by its literal name).</li>
 * </ul>
 * Anything else (SSM parameters, S3 objects, CloudFormation stacks, NAT gateways, ...) has no rule and is not read.
 * References like {@code ${aws_vpc.vpc.cidr_block}} are resolved to the literal value when the stack has it.
 */
public final class SynthReader {

    private static final Pattern REFERENCE =
            Pattern.compile("^\\$\\{((?:data\\.)?[A-Za-z0-9_]+\\.[A-Za-z0-9_-]+)(?:\\[[0-9]+])?\\.([A-Za-z0-9_]+)}$");
    private static final Set<String> RULE_TYPES = Set.of("aws_security_group_rule",
            "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule");

    private SynthReader() {
    }

    /**
     * Reads every stack under {@code path}.
     *
     * @throws InvalidInputException when the path does not exist, holds no Terraform JSON, or a file is malformed
     */
    public static List<SynthStack> read(Path path) {
        return StackLoader.find(path).stream().map(SynthReader::read).toList();
    }

    /** Reads one stack. */
    public static SynthStack read(StackFiles files) {
        List<JsonNode> documents = files.documents();
        Map<String, Finding.Location> locations = new LinkedHashMap<>();
        for (TerraformFile file : files.files()) {
            Map<String, Integer> lines = JsonLines.resources(text(file.path()));
            TerraformJsonReader.resources(List.of(file.json())).forEach((type, byName) -> byName.keySet().forEach(
                    name -> locations.put(type + "." + name, new Finding.Location(file.path().toString(),
                            lines.getOrDefault(type + "." + name, 0)))));
        }
        Stack stack = new Stack(TerraformJsonReader.resources(documents));
        return new SynthStack(files.stack(), TerraformJsonReader.read(files.stack(), documents).region(),
                stateBucket(documents), stack.items(), locations);
    }

    /** The S3 backend's literal bucket, if any document has one. */
    static String stateBucket(List<JsonNode> documents) {
        for (JsonNode document : documents) {
            JsonNode bucket = document.path("terraform").path("backend").path("s3").path("bucket");
            if (bucket.isTextual() && !bucket.asText().contains("${")) {
                return bucket.asText();
            }
        }
        return null;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** One module's resources and what the rules make of them. */
    private static final class Stack {

        private final Map<String, Map<String, JsonNode>> resources;

        Stack(Map<String, Map<String, JsonNode>> resources) {
            this.resources = resources;
        }

        List<Checkable> items() {
            List<Checkable> items = new ArrayList<>();
            each("aws_vpc", (address, body) -> items.add(vpc(address, body)));
            each("aws_vpc", (address, body) -> {
                if (adopters(address).isEmpty()) {
                    items.add(unadoptedDefaultGroup(address, body));
                }
            });
            each("aws_subnet", (address, body) -> items.add(subnet(address, body)));
            each("aws_default_security_group", (address, body) -> items.add(group(address, body, Role.DEFAULT)));
            each("aws_security_group", (address, body) -> items.add(group(address, body,
                    endpointGroups().contains(address) ? Role.ENDPOINTS : Role.OTHER)));
            each("aws_vpc_endpoint", (address, body) -> items.add(endpoint(address, body)));
            each("aws_s3_bucket", (address, body) -> items.add(bucket(address, body)));
            each("aws_dynamodb_table", (address, body) -> items.add(table(address, body)));
            return items;
        }

        private VpcItem vpc(String address, JsonNode body) {
            boolean flowLogs = !named("aws_flow_log", "vpc_id", address).isEmpty();
            List<SubnetItem> subnets = new ArrayList<>();
            each("aws_subnet", (subnet, subnetBody) -> {
                if (address.equals(resolveId(subnetBody.get("vpc_id")))) {
                    subnets.add(subnet(subnet, subnetBody));
                }
            });
            boolean publicMode = !subnets.isEmpty() && subnets.stream()
                    .allMatch(s -> s.type() == SubnetItem.Type.PUBLIC && s.mapPublicIpOnLaunch());
            return new VpcItem(address, literal(body.get("cidr_block")), flowLogs, publicMode, tags(body));
        }

        /** AWS's default group of a VPC nobody adopts: it keeps AWS's two default rules. */
        private SecurityGroupItem unadoptedDefaultGroup(String vpc, JsonNode body) {
            return new SecurityGroupItem(vpc, "default", vpc, vpcCidrs(vpc), Role.DEFAULT,
                    List.of(new Permission(true, "-1", -1, -1, "self", vpc),
                            new Permission(false, "-1", -1, -1, Permission.ANY_IPV4, vpc)),
                    Map.of(), "(the VPC's own: no aws_default_security_group adopts it, so AWS's default rules stay)");
        }

        private SubnetItem subnet(String address, JsonNode body) {
            Map<String, String> tags = tags(body);
            return new SubnetItem(address, resolveId(body.get("vpc_id")), literal(body.get("cidr_block")),
                    SubnetItem.Type.fromTag(tags.get(SubnetItem.TYPE_TAG)),
                    body.path("map_public_ip_on_launch").asBoolean(false), tags);
        }

        private SecurityGroupItem group(String address, JsonNode body, Role role) {
            String vpc = resolveId(body.get("vpc_id"));
            List<Permission> permissions = new ArrayList<>();
            for (JsonNode block : blocks(body.get("ingress"))) {
                permissions.addAll(inline(true, block, address));
            }
            for (JsonNode block : blocks(body.get("egress"))) {
                permissions.addAll(inline(false, block, address));
            }
            for (String type : RULE_TYPES) {
                each(type, (rule, ruleBody) -> {
                    if (address.equals(resolveId(ruleBody.get("security_group_id")))) {
                        permissions.addAll(ruleResource(type, rule, ruleBody));
                    }
                });
            }
            String name = role == Role.DEFAULT ? "default" : literal(body.get("name"));
            return new SecurityGroupItem(address, name, vpc, vpcCidrs(vpc), role, permissions, tags(body), null);
        }

        /** An inline {@code ingress} or {@code egress} block: one permission per source. */
        private List<Permission> inline(boolean ingress, JsonNode block, String origin) {
            String protocol = block.path("protocol").asText("-1");
            int from = port(block.get("from_port"));
            int to = port(block.get("to_port"));
            List<String> sources = new ArrayList<>();
            sources.addAll(strings(block.get("cidr_blocks")));
            sources.addAll(strings(block.get("ipv6_cidr_blocks")));
            sources.addAll(strings(block.get("security_groups")));
            sources.addAll(strings(block.get("prefix_list_ids")));
            if (block.path("self").asBoolean(false)) {
                sources.add("self");
            }
            return sources.stream().map(source -> new Permission(ingress, protocol, from, to, resolve(source), origin))
                    .toList();
        }

        private List<Permission> ruleResource(String type, String address, JsonNode body) {
            if (type.equals("aws_security_group_rule")) {
                boolean ingress = !"egress".equals(body.path("type").asText());
                List<String> sources = new ArrayList<>();
                sources.addAll(strings(body.get("cidr_blocks")));
                sources.addAll(strings(body.get("ipv6_cidr_blocks")));
                sources.addAll(strings(body.get("prefix_list_ids")));
                if (body.hasNonNull("source_security_group_id")) {
                    sources.add(body.get("source_security_group_id").asText());
                }
                if (body.path("self").asBoolean(false)) {
                    sources.add("self");
                }
                String protocol = body.path("protocol").asText("-1");
                int from = port(body.get("from_port"));
                int to = port(body.get("to_port"));
                return sources.stream()
                        .map(source -> new Permission(ingress, protocol, from, to, resolve(source), address)).toList();
            }
            boolean ingress = type.equals("aws_vpc_security_group_ingress_rule");
            String source = firstText(body, "cidr_ipv4", "cidr_ipv6", "referenced_security_group_id", "prefix_list_id");
            if (source == null) {
                return List.of();
            }
            return List.of(new Permission(ingress, body.path("ip_protocol").asText("-1"), port(body.get("from_port")),
                    port(body.get("to_port")), resolve(source), address));
        }

        private EndpointItem endpoint(String address, JsonNode body) {
            return new EndpointItem(address, resolveId(body.get("vpc_id")), literal(body.get("service_name")),
                    body.path("vpc_endpoint_type").asText("Gateway"), body.path("private_dns_enabled").asBoolean(false),
                    tags(body));
        }

        private BucketSettings bucket(String address, JsonNode body) {
            String name = literal(body.get("bucket"));
            List<String> arns = new ArrayList<>();
            arns.add("${" + address + ".arn}");
            if (name != null) {
                arns.add("arn:aws:s3:::" + name);
            }
            BucketSettings.PublicAccess access = BucketSettings.PublicAccess.NONE;
            for (JsonNode block : forBucket("aws_s3_bucket_public_access_block", address, name)) {
                access = new BucketSettings.PublicAccess(block.path("block_public_acls").asBoolean(false),
                        block.path("ignore_public_acls").asBoolean(false),
                        block.path("block_public_policy").asBoolean(false),
                        block.path("restrict_public_buckets").asBoolean(false));
            }
            String policy = null;
            for (JsonNode block : forBucket("aws_s3_bucket_policy", address, name)) {
                policy = block.path("policy").asText(null);
            }
            if (policy == null && body.hasNonNull("policy")) {
                policy = body.get("policy").asText();
            }
            String algorithm = null;
            Boolean bucketKey = null;
            List<JsonNode> encryption = new ArrayList<>(blocks(body.get("server_side_encryption_configuration")));
            encryption.addAll(forBucket("aws_s3_bucket_server_side_encryption_configuration", address, name));
            for (JsonNode configuration : encryption) {
                for (JsonNode rule : blocks(configuration.get("rule"))) {
                    for (JsonNode defaults : blocks(rule.get("apply_server_side_encryption_by_default"))) {
                        algorithm = defaults.path("sse_algorithm").asText(algorithm);
                    }
                    if (rule.has("bucket_key_enabled")) {
                        bucketKey = rule.get("bucket_key_enabled").asBoolean();
                    }
                }
            }
            String ownership = null;
            for (JsonNode block : forBucket("aws_s3_bucket_ownership_controls", address, name)) {
                for (JsonNode rule : blocks(block.get("rule"))) {
                    ownership = rule.path("object_ownership").asText(ownership);
                }
            }
            String versioning = null;
            for (JsonNode block : forBucket("aws_s3_bucket_versioning", address, name)) {
                for (JsonNode configuration : blocks(block.get("versioning_configuration"))) {
                    versioning = configuration.path("status").asText(versioning);
                }
            }
            return new BucketSettings(address, name, BucketSettings.Role.RESULTS, access, policy, arns, algorithm,
                    bucketKey, ownership, versioning, tags(body));
        }

        private TableItem table(String address, JsonNode body) {
            boolean pitr = false;
            for (JsonNode block : blocks(body.get("point_in_time_recovery"))) {
                pitr = block.path("enabled").asBoolean(false);
            }
            return new TableItem(address, pitr, body.path("billing_mode").asText("PROVISIONED"),
                    literal(body.get("hash_key")), literal(body.get("range_key")), tags(body));
        }

        /** The interface endpoints' security groups, by address. */
        private List<String> endpointGroups() {
            List<String> groups = new ArrayList<>();
            each("aws_vpc_endpoint", (address, body) -> {
                if ("Interface".equalsIgnoreCase(body.path("vpc_endpoint_type").asText("Gateway"))) {
                    strings(body.get("security_group_ids")).forEach(id -> groups.add(resolveId(id)));
                }
            });
            return groups;
        }

        /** The {@code aws_default_security_group} resources adopting the VPC's default group. */
        private List<String> adopters(String vpc) {
            return named("aws_default_security_group", "vpc_id", vpc);
        }

        /** The addresses of {@code type} resources whose {@code argument} refers to {@code address}. */
        private List<String> named(String type, String argument, String address) {
            List<String> found = new ArrayList<>();
            each(type, (other, body) -> {
                if (address.equals(resolveId(body.get(argument)))) {
                    found.add(other);
                }
            });
            return found;
        }

        /** The bodies of {@code type} resources whose {@code bucket} is this bucket, by reference or literal name. */
        private List<JsonNode> forBucket(String type, String address, String name) {
            List<JsonNode> found = new ArrayList<>();
            each(type, (other, body) -> {
                JsonNode bucket = body.get("bucket");
                if (bucket != null && (address.equals(resolveId(bucket)) || name != null && name.equals(bucket.asText()))) {
                    found.add(body);
                }
            });
            return found;
        }

        /** The VPC's CIDR as a literal when the stack has it, and as the expressions that name it. */
        private List<String> vpcCidrs(String vpc) {
            List<String> cidrs = new ArrayList<>();
            if (vpc == null) {
                return cidrs;
            }
            JsonNode body = resources.getOrDefault("aws_vpc", Map.of()).get(vpc.replaceFirst("^aws_vpc\\.", ""));
            if (vpc.startsWith("aws_vpc.") && body != null && literal(body.get("cidr_block")) != null) {
                cidrs.add(literal(body.get("cidr_block")));
            }
            cidrs.add("${" + vpc + ".cidr_block}");
            return cidrs;
        }

        /** A reference to another resource's attribute, replaced by its literal value when this stack has one. */
        private String resolve(String value) {
            Matcher reference = REFERENCE.matcher(value);
            if (!reference.matches() || reference.group(1).startsWith("data.")) {
                return value;
            }
            String[] typeAndName = reference.group(1).split("\\.", 2);
            JsonNode body = resources.getOrDefault(typeAndName[0], Map.of()).get(typeAndName[1]);
            String literal = body == null ? null : literal(body.get(reference.group(2)));
            return literal != null ? literal : value;
        }

        private void each(String type, java.util.function.BiConsumer<String, JsonNode> action) {
            resources.getOrDefault(type, Map.of()).forEach((name, body) -> action.accept(type + "." + name, body));
        }
    }

    /**
     * What an argument that names another resource refers to: {@code ${aws_vpc.vpc.id}} is {@code aws_vpc.vpc},
     * {@code ${data.aws_vpc.vpc.id}} is {@code data.aws_vpc.vpc}, a literal id is itself; {@code null} when absent.
     */
    static String resolveId(JsonNode value) {
        return value == null || value.isNull() ? null : resolveId(value.asText());
    }

    static String resolveId(String text) {
        Matcher reference = REFERENCE.matcher(text);
        return reference.matches() ? reference.group(1) : text;
    }

    /** A literal string (no {@code ${...}} expression in it), or {@code null}. */
    static String literal(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.contains("${") ? null : text;
    }

    /** A nested block given as an object or as an array of objects. */
    static List<JsonNode> blocks(JsonNode value) {
        List<JsonNode> blocks = new ArrayList<>();
        if (value == null || value.isNull()) {
            return blocks;
        }
        if (value.isArray()) {
            value.forEach(each -> {
                if (each.isObject()) {
                    blocks.add(each);
                }
            });
        } else if (value.isObject()) {
            blocks.add(value);
        }
        return blocks;
    }

    private static List<String> strings(JsonNode value) {
        List<String> strings = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(each -> strings.add(each.asText()));
        } else if (value != null && value.isTextual()) {
            strings.add(value.asText());
        }
        return strings;
    }

    private static String firstText(JsonNode body, String... names) {
        for (String name : names) {
            if (body.hasNonNull(name)) {
                return body.get(name).asText();
            }
        }
        return null;
    }

    private static int port(JsonNode value) {
        if (value == null || value.isNull()) {
            return -1;
        }
        if (value.isNumber()) {
            return value.asInt();
        }
        try {
            return Integer.parseInt(value.asText().trim());
        } catch (NumberFormatException expression) {
            return -1;
        }
    }

    private static Map<String, String> tags(JsonNode body) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode node = body.get("tags");
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        }
        return tags;
    }
}
