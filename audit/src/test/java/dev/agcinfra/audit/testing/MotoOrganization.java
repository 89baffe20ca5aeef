package dev.agcinfra.audit.testing;

import dev.agcinfra.testing.AwsTestClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * An AWS Organization in moto, built with SDK calls: moto's default account (123456789012) creates it and is its
 * management account; each member is created with CreateAccount (moto gives it a random id) and reached, as
 * agc-audit reaches it, through {@code OrganizationAccountAccessRole}: moto files what a caller with the assumed role's
 * credentials creates under the role's account (seen with the AWS CLI against moto_server 5.2.1: GetCallerIdentity
 * with them answers the member's id, and the Tagging API lists only that account's resources).
 */
public final class MotoOrganization {

    /** The role agc-audit assumes by default. */
    public static final String ROLE = "OrganizationAccountAccessRole";

    /**
     * One account of the organization.
     *
     * @param id          its id
     * @param name        its name
     * @param credentials credentials that act in it: the test keys for the management account, an assumed role's for
     *                    a member
     */
    public record Member(String id, String name, AwsCredentialsProvider credentials) {
    }

    private final URI endpoint;
    private final List<Member> members = new ArrayList<>();

    private MotoOrganization(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The organization of moto's default account with members named {@code names}, created in this order. */
    public static MotoOrganization create(URI endpoint, String... names) {
        MotoOrganization organization = new MotoOrganization(endpoint);
        try (OrganizationsClient orgs = AwsTestClients.build(OrganizationsClient.builder(), endpoint, "us-east-1");
             StsClient sts = AwsTestClients.build(StsClient.builder(), endpoint, "us-east-1")) {
            orgs.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
            for (String name : names) {
                String id = orgs.createAccount(r -> r.accountName(name).email(name + "@example.com"))
                        .createAccountStatus().accountId();
                Credentials role = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + id + ":role/" + ROLE)
                        .roleSessionName("test-setup")).credentials();
                organization.members.add(new Member(id, name, StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(role.accessKeyId(), role.secretAccessKey(), role.sessionToken()))));
            }
        }
        return organization;
    }

    /** The management account, moto's default. */
    public Member management() {
        return new Member(AgcScenario.ACCOUNT, "master", AwsTestClients.CREDENTIALS);
    }

    /** The member named {@code name}. */
    public Member member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no member " + name));
    }

    /** An AGC scenario in {@code member}'s account, built with its credentials. */
    public AgcScenario scenario(Member member) {
        return new AgcScenario(endpoint, member.id(), member.credentials());
    }

    /** Closes {@code member}'s account (CloseAccount): ListAccounts then gives it as SUSPENDED. */
    public void close(Member member) {
        try (OrganizationsClient orgs = AwsTestClients.build(OrganizationsClient.builder(), endpoint, "us-east-1")) {
            orgs.closeAccount(r -> r.accountId(member.id()));
        }
    }
}
