package dev.agcinfra.app.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agcinfra.settings.RegionSettings;
import dev.agcinfra.settings.SettingsException;
import dev.agcinfra.testing.AwsTestClients;
import dev.agcinfra.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

/** Looks up private subnets in a VPC built on a local moto server with the EC2 API, then offline from the cache. */
class PrivateSubnetLookupTest {

    private static final String ACCOUNT = "123456789012"; // moto's default account
    private static final String REGION = "eu-west-1";

    @TempDir
    Path dir;

    private Ec2Client ec2;

    @BeforeEach
    void cleanAccount() {
        MotoServer.get().reset();
        ec2 = AwsTestClients.build(Ec2Client.builder(), MotoServer.get().endpoint(), REGION);
    }

    @AfterEach
    void close() {
        ec2.close();
    }

    /** A VPC as a user would bring it: what {@link #agcStyleVpc} and {@link #twoAzVpc} return. */
    record Network(String vpc, List<String> publicSubnets, List<String> privateSubnets) {
    }

    /**
     * A VPC with an internet gateway, a public subnet per AZ (explicit route table, 0.0.0.0/0 to the IGW) and private
     * subnets in three AZs: two on the VPC's main route table (no default route), one with its own route table whose
     * default route goes to a NAT gateway, plus a second private subnet in the first AZ.
     */
    private Network agcStyleVpc() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
        String publicTable = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(publicTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));

        List<String> publicSubnets = new ArrayList<>();
        String[] azs = {"eu-west-1a", "eu-west-1b", "eu-west-1c"};
        for (int i = 0; i < 3; i++) {
            String az = azs[i];
            String cidr = "10.0." + (i * 32) + ".0/19";
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(az)).subnet().subnetId();
            ec2.associateRouteTable(r -> r.routeTableId(publicTable).subnetId(subnet));
            publicSubnets.add(subnet);
        }

        String privateA = subnet(vpc, "10.0.96.0/19", "eu-west-1a");
        String privateA2 = subnet(vpc, "10.0.192.0/20", "eu-west-1a");
        String privateB = subnet(vpc, "10.0.128.0/19", "eu-west-1b");
        String privateC = subnet(vpc, "10.0.160.0/19", "eu-west-1c");
        String eip = ec2.allocateAddress(r -> r.domain("vpc")).allocationId();
        String nat = ec2.createNatGateway(r -> r.subnetId(publicSubnets.get(2)).allocationId(eip)).natGateway().natGatewayId();
        String natTable = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(natTable).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
        ec2.associateRouteTable(r -> r.routeTableId(natTable).subnetId(privateC));

        List<String> privateSubnets = new ArrayList<>(List.of(privateA, privateA2));
        privateSubnets.sort(null);
        privateSubnets.add(privateB);
        privateSubnets.add(privateC);
        return new Network(vpc, publicSubnets, privateSubnets);
    }

    /**
     * A VPC whose main route table is public (0.0.0.0/0 to the IGW): subnets left on it are public; private subnets
     * have their own route table without a default route, in two AZs only.
     */
    private Network twoAzVpc() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
        String main = ec2.describeRouteTables(r -> r.filters(
                Filter.builder().name("vpc-id").values(vpc).build(),
                Filter.builder().name("association.main").values("true").build())).routeTables().get(0).routeTableId();
        ec2.createRoute(r -> r.routeTableId(main).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        String publicC = subnet(vpc, "10.1.2.0/24", "eu-west-1c");
        String isolated = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        String privateA = subnet(vpc, "10.1.0.0/24", "eu-west-1a");
        String privateB = subnet(vpc, "10.1.1.0/24", "eu-west-1b");
        ec2.associateRouteTable(r -> r.routeTableId(isolated).subnetId(privateA));
        ec2.associateRouteTable(r -> r.routeTableId(isolated).subnetId(privateB));
        return new Network(vpc, List.of(publicC), List.of(privateA, privateB));
    }

    private String subnet(String vpc, String cidr, String az) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(az)).subnet().subnetId();
    }

    private static RegionSettings ownVpc(String vpc) {
        return new RegionSettings(REGION, Optional.of(vpc), List.of(), "my-bucket", false, Optional.empty(),
                false, false, Map.of());
    }

    private PrivateSubnetLookup lookup(AwsEnvironment aws) {
        return PrivateSubnetLookup.besideSettings(dir.resolve("agc.yaml"), aws);
    }

    @Test
    void everyPrivateSubnetIsFoundSortedByAzAndCachedBesideTheSettings() throws IOException {
        // Given a VPC with public subnets routed to an internet gateway and private subnets in 3 AZs
        Network network = agcStyleVpc();

        // When
        List<String> subnets = lookup(LocalAws.moto(Map.of())).privateSubnets(ownVpc(network.vpc()), ACCOUNT);

        // Then only the private subnets, sorted by AZ then id
        assertThat(subnets).containsExactlyElementsOf(network.privateSubnets()).doesNotContainAnyElementsOf(network.publicSubnets());
        // and the answer is cached under a CDK-style key
        JsonNode cache = new ObjectMapper().readTree(dir.resolve("agc.context.json").toFile());
        String key = "private-subnets:account=123456789012:region=eu-west-1:vpc=" + network.vpc();
        assertThat(PrivateSubnetLookup.cacheKey(ACCOUNT, REGION, network.vpc())).isEqualTo(key);
        assertThat(cache.get(key)).hasSize(4);
        assertThat(cache.get(key).get(3).get("subnetId").asText()).isEqualTo(network.privateSubnets().get(3));
        assertThat(cache.get(key).get(3).get("availabilityZone").asText()).isEqualTo("eu-west-1c");
    }

    @Test
    void theCachedAnswerIsReusedWithoutAnyAwsCall() {
        // Given a first synth that looked the subnets up
        Network network = agcStyleVpc();
        List<String> first = lookup(LocalAws.moto(Map.of())).privateSubnets(ownVpc(network.vpc()), ACCOUNT);

        // When a later synth runs where AWS is unreachable (every connection refused)
        List<String> second = lookup(LocalAws.unreachable()).privateSubnets(ownVpc(network.vpc()), ACCOUNT);

        // Then it answers the same, offline
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theCachedAnswerIsRepeatableEvenWhenTheVpcChanges() {
        // Given a cached answer
        Network network = agcStyleVpc();
        List<String> first = lookup(LocalAws.moto(Map.of())).privateSubnets(ownVpc(network.vpc()), ACCOUNT);

        // When a private subnet is added to the VPC, and the lookup runs again
        subnet(network.vpc(), "10.0.208.0/20", "eu-west-1b");
        List<String> second = lookup(LocalAws.moto(Map.of())).privateSubnets(ownVpc(network.vpc()), ACCOUNT);

        // Then the synth stays the same until the key is deleted
        assertThat(second).isEqualTo(first);
    }

    @Test
    void deletingTheCacheFileLooksAgain() throws IOException {
        // Given a cached answer, then a new private subnet
        Network network = agcStyleVpc();
        lookup(LocalAws.moto(Map.of())).privateSubnets(ownVpc(network.vpc()), ACCOUNT);
        String added = subnet(network.vpc(), "10.0.208.0/20", "eu-west-1b");

        // When the cache is deleted
        Files.delete(dir.resolve("agc.context.json"));
        List<String> refreshed = lookup(LocalAws.moto(Map.of())).privateSubnets(ownVpc(network.vpc()), ACCOUNT);

        // Then
        assertThat(refreshed).hasSize(5).contains(added);
    }

    @Test
    void privateSubnetsInOnlyTwoAzsStopWithAClearMessageAndCacheNothing() {
        // Given
        Network network = twoAzVpc();

        // When
        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> lookup(LocalAws.moto(Map.of())).privateSubnets(ownVpc(network.vpc()), ACCOUNT));

        // Then
        assertThat(e.problems()).containsExactly("regions.eu-west-1.vpc: " + network.vpc() + " has private subnets in "
                + "only 2 Availability Zones (eu-west-1a: " + network.privateSubnets().get(0) + "; eu-west-1b: "
                + network.privateSubnets().get(1) + "); AGC needs private subnets in at least 3 AZs: add them to the "
                + "VPC, or list the subnets to use with subnets: [...] in agc.yaml");
        assertThat(dir.resolve("agc.context.json")).doesNotExist();
    }

    @Test
    void aVpcWithPublicSubnetsOnlySaysSo() {
        // Given a VPC whose only subnet is on a main route table with a default route to the IGW
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
        String main = ec2.describeRouteTables(r -> r.filters(Filter.builder().name("vpc-id").values(vpc).build()))
                .routeTables().get(0).routeTableId();
        ec2.createRoute(r -> r.routeTableId(main).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        subnet(vpc, "10.2.0.0/24", "eu-west-1a");

        // When
        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> lookup(LocalAws.moto(Map.of())).privateSubnets(ownVpc(vpc), ACCOUNT));

        // Then
        assertThat(e.problems()).singleElement().asString().isEqualTo("regions.eu-west-1.vpc: " + vpc + " has no private "
                + "subnets (every subnet routes 0.0.0.0/0 to an internet gateway); AGC needs private subnets in at least "
                + "3 AZs: add them to the VPC, or list the subnets to use with subnets: [...] in agc.yaml");
    }

    @Test
    void aVpcThatDoesNotExistIsReported() {
        // Given no such VPC
        String vpc = "vpc-0123456789abcdef0";

        // When
        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> lookup(LocalAws.moto(Map.of())).privateSubnets(ownVpc(vpc), ACCOUNT));

        // Then
        assertThat(e.problems()).containsExactly("regions.eu-west-1.vpc: vpc-0123456789abcdef0 does not exist in account "
                + "123456789012, region eu-west-1; check the VPC id and the region");
    }

    @Test
    void credentialsForAnotherAccountAreRefusedBeforeLookingUp() {
        // Given a VPC, and settings that name another account than the credentials'
        Network network = agcStyleVpc();

        // When
        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> lookup(LocalAws.moto(Map.of())).privateSubnets(ownVpc(network.vpc()), "111122223333"));

        // Then
        assertThat(e.problems()).singleElement().asString().contains("the AWS credentials are for account 123456789012, "
                + "not 111122223333; use credentials for 111122223333, or correct account: in agc.yaml");
        assertThat(dir.resolve("agc.context.json")).doesNotExist();
    }

    @Test
    void anUnreachableEndpointWithoutCacheGivesOneLineWithTheFix() {
        // Given no cache and no AWS
        AwsEnvironment aws = LocalAws.unreachable();

        // When
        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> lookup(aws).privateSubnets(ownVpc("vpc-0123456789abcdef0"), ACCOUNT));

        // Then
        assertThat(e.problems()).singleElement().asString()
                .startsWith("regions.eu-west-1.vpc: cannot look up the private subnets of vpc-0123456789abcdef0 (")
                .endsWith("configure AWS credentials for account 123456789012, or list the subnets to use with "
                        + "subnets: [...] in agc.yaml")
                .doesNotContain("\n");
    }

    @Test
    void subnetsGivenInTheSettingsAreUsedAsTheyAreWithoutALookup() {
        // Given a region with explicit subnets, and no AWS
        RegionSettings region = new RegionSettings(REGION, Optional.of("vpc-0123456789abcdef0"),
                List.of("subnet-22222222", "subnet-11111111"), "my-bucket", false, Optional.empty(), false, false, Map.of());

        // When / Then
        assertThat(lookup(LocalAws.unreachable()).privateSubnets(region, ACCOUNT))
                .containsExactly("subnet-22222222", "subnet-11111111");
        assertThat(dir.resolve("agc.context.json")).doesNotExist();
    }

    @Test
    void otherCachedEntriesAreKeptWhenAnAnswerIsAdded() throws IOException {
        // Given a cache file with an entry from another lookup
        Files.writeString(dir.resolve("agc.context.json"), "{ \"something-else:account=1\": [\"kept\"] }");
        Network network = agcStyleVpc();

        // When
        lookup(LocalAws.moto(Map.of())).privateSubnets(ownVpc(network.vpc()), ACCOUNT);

        // Then
        JsonNode cache = new ObjectMapper().readTree(dir.resolve("agc.context.json").toFile());
        assertThat(cache.get("something-else:account=1").get(0).asText()).isEqualTo("kept");
        assertThat(cache.fieldNames()).toIterable().hasSize(2);
    }

    @Test
    void aCorruptCacheFileIsReportedWithTheFix() throws IOException {
        // Given
        Files.writeString(dir.resolve("agc.context.json"), "{ \"private-subnets:x\": [ }");

        // When
        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> lookup(LocalAws.unreachable()).privateSubnets(ownVpc("vpc-0123456789abcdef0"), ACCOUNT));

        // Then
        assertThat(e.problems()).singleElement().asString()
                .contains("agc.context.json: not valid JSON at line 1, column ")
                .endsWith("fix it, or delete the file to look everything up again");
    }

    @Test
    void aHandEditedCacheEntryWithTooFewAzsIsRefusedWithHowToRefresh() throws IOException {
        // Given
        String key = PrivateSubnetLookup.cacheKey(ACCOUNT, REGION, "vpc-0123456789abcdef0");
        Files.writeString(dir.resolve("agc.context.json"), "{ \"" + key + "\": [ {\"subnetId\": \"subnet-11111111\", "
                + "\"availabilityZone\": \"eu-west-1a\"} ] }");

        // When
        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> lookup(LocalAws.unreachable()).privateSubnets(ownVpc("vpc-0123456789abcdef0"), ACCOUNT));

        // Then
        assertThat(e.problems()).singleElement().asString()
                .contains("has private subnets in only 1 Availability Zone (eu-west-1a: subnet-11111111) (cached in "
                        + "agc.context.json; delete the key " + key + " to look again)");
    }
}
