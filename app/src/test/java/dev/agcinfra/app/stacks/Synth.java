package dev.agcinfra.app.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.TerraformStack;
import dev.agcinfra.app.AgcInfraApp;
import dev.agcinfra.app.SubnetResolver;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.Settings;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test fixtures: settings as the loader would produce them, and synthesized stacks as parsed JSON. */
final class Synth {

    static final String ACCOUNT = "123456789012";
    /** An agcHome with no AGC installation in it. */
    static final Path NO_AGC_INSTALLATION = Path.of("/no-agc-installation");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Synth() {
    }

    /** A region with every default: new VPC with private subnets, new bucket, latest ECS AMI. */
    static RegionSettings defaults(String region) {
        return new RegionSettings(region, Optional.empty(), List.of(), "agc-" + ACCOUNT + "-" + region, true,
                Optional.empty(), false, false, Map.of());
    }

    /** Settings of these regions, with no AGC installation. */
    static Settings settings(RegionSettings... regions) {
        return settings(NO_AGC_INSTALLATION, regions);
    }

    /** Settings of these regions, with the AGC installation in {@code agcHome}. */
    static Settings settings(Path agcHome, RegionSettings... regions) {
        return new Settings(ACCOUNT, Settings.DEFAULT_STATE_BUCKET, Map.of(), List.of(regions), agcHome);
    }

    /** Synthesizes every stack of the settings (nothing written to disk) and returns them by name. */
    static Map<String, JsonNode> stacks(Settings settings) {
        return stacks(settings, SubnetResolver.none());
    }

    static Map<String, JsonNode> stacks(Settings settings, SubnetResolver resolver) {
        App app = Testing.app();
        AgcInfraApp agc = new AgcInfraApp(settings, resolver, app);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (AgcInfraApp.StackSummary s : agc.stacks()) {
            TerraformStack stack = (TerraformStack) app.getNode().findChild(s.stack());
            out.put(s.stack(), parse(Testing.synth(stack)));
        }
        return out;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
