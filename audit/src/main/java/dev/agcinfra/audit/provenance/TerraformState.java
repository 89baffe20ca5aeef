package dev.agcinfra.audit.provenance;

import dev.agcinfra.audit.report.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the resources of a Terraform state file (format version 4, what Terraform 0.12 and later write): each
 * resource's mode ({@code managed} or {@code data}), its address and the ids of its instances.
 *
 * <p>The ids are what AWS calls the resource, {@code attributes.id}: a VPC id, an allocation id for {@code aws_eip},
 * a bucket or log group name. A managed resource gives its id only when its type is a resource of its own
 * ({@link #OWNING_TYPES}): the id of a bucket policy or public access block is its bucket's name, and an object's
 * resource is not its bucket, so they prove nothing about who created the bucket. A data source gives every id it
 * holds, the {@code ids} list of {@code aws_subnets} included: reading something protects it. Deposed instances
 * (replaced, not yet destroyed) count like current ones.
 */
public final class TerraformState {

    /**
     * One resource block of the state.
     *
     * @param managed whether Terraform manages (created) it; {@code false} for a data source
     * @param address its address, e.g. {@code aws_vpc.vpc} or {@code data.aws_vpc.vpc}
     * @param ids     the AWS ids of its instances
     */
    public record Resource(boolean managed, String address, List<String> ids) {
        public Resource {
            ids = List.copyOf(ids);
        }
    }

    /** Managed resource types whose {@code id} is the AWS resource itself, created by Terraform with it. */
    public static final Set<String> OWNING_TYPES = Set.of("aws_vpc", "aws_subnet", "aws_route_table",
            "aws_internet_gateway", "aws_nat_gateway", "aws_eip", "aws_vpc_endpoint", "aws_security_group",
            "aws_s3_bucket", "aws_cloudwatch_log_group", "aws_dynamodb_table", "aws_ssm_parameter", "aws_flow_log",
            "aws_iam_role", "aws_cloudformation_stack");


    private TerraformState() {
    }

    /** The resources of a state file, or empty when {@code body} is not a Terraform state of format version 4. */
    public static Optional<List<Resource>> parse(byte[] body) {
        JsonNode state;
        try {
            state = Json.MAPPER.readTree(body);
        } catch (IOException notJson) {
            return Optional.empty();
        }
        if (state == null || !state.isObject() || state.path("version").asInt() != 4
                || !state.path("resources").isArray()) {
            return Optional.empty();
        }
        List<Resource> resources = new ArrayList<>();
        for (JsonNode resource : state.path("resources")) {
            boolean managed = "managed".equals(resource.path("mode").asText());
            String type = resource.path("type").asText();
            String module = resource.path("module").asText("");
            String address = (module.isEmpty() ? "" : module + ".") + (managed ? "" : "data.")
                    + type + "." + resource.path("name").asText();
            Set<String> ids = new LinkedHashSet<>();
            if (!managed || OWNING_TYPES.contains(type)) {
                for (JsonNode instance : resource.path("instances")) {
                    JsonNode attributes = instance.path("attributes");
                    String id = attributes.path("id").asText("");
                    if (!id.isEmpty()) {
                        ids.add(id);
                    }
                    if (!managed) {
                        attributes.path("ids").forEach(each -> ids.add(each.asText()));
                    }
                }
            }
            resources.add(new Resource(managed, address, new ArrayList<>(ids)));
        }
        return Optional.of(resources);
    }

    /** Whether a state file lists any managed resource (what {@code terraform destroy} empties). */
    public static boolean holdsManagedResources(List<Resource> resources) {
        return resources.stream().anyMatch(Resource::managed);
    }
}
