package dev.agcinfra.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Terraform state file (format version 4) as Terraform writes it after an apply, for tests that need agc-infra's
 * state in a state bucket: each resource with its mode ({@code managed} or {@code data}), type, name and the
 * {@code id} of its one instance.
 *
 * <pre>{@code
 * String json = new TerraformStateFile().managed("aws_vpc", "vpc", "vpc-0123").data("aws_vpc", "user", "vpc-0456").json();
 * }</pre>
 */
public final class TerraformStateFile {

    private record Resource(String mode, String type, String name, String id) {
    }

    private final List<Resource> resources = new ArrayList<>();
    private int serial = 1;

    /** A resource Terraform created and manages. */
    public TerraformStateFile managed(String type, String name, String id) {
        resources.add(new Resource("managed", type, name, id));
        return this;
    }

    /** A resource Terraform only reads (a data source). */
    public TerraformStateFile data(String type, String name, String id) {
        resources.add(new Resource("data", type, name, id));
        return this;
    }

    /** The state's serial (Terraform increments it on every write). */
    public TerraformStateFile serial(int newSerial) {
        this.serial = newSerial;
        return this;
    }

    /** The resources' ids by address ({@code aws_vpc.vpc}, {@code data.aws_vpc.user}). */
    public Map<String, String> addresses() {
        Map<String, String> addresses = new LinkedHashMap<>();
        resources.forEach(r -> addresses.put((r.mode().equals("data") ? "data." : "") + r.type() + "." + r.name(), r.id()));
        return addresses;
    }

    /** The state file's JSON. */
    public String json() {
        StringBuilder json = new StringBuilder("{\"version\":4,\"terraform_version\":\"1.11.4\",\"serial\":")
                .append(serial).append(",\"lineage\":\"00000000-0000-4000-8000-000000000000\",\"outputs\":{},")
                .append("\"resources\":[");
        for (int i = 0; i < resources.size(); i++) {
            Resource r = resources.get(i);
            json.append(i == 0 ? "" : ",").append("{\"mode\":\"").append(r.mode()).append("\",\"type\":\"")
                    .append(r.type()).append("\",\"name\":\"").append(r.name())
                    .append("\",\"provider\":\"provider[\\\"registry.terraform.io/hashicorp/aws\\\"]\",")
                    .append("\"instances\":[{\"schema_version\":0,\"attributes\":{\"id\":\"").append(r.id())
                    .append("\"},\"sensitive_attributes\":[]}]}");
        }
        return json.append("],\"check_results\":null}").toString();
    }
}
