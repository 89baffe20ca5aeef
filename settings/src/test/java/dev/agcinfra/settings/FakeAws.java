package dev.agcinfra.settings;

import java.util.concurrent.atomic.AtomicInteger;

/** Answers the loader's two AWS questions from fixed values (or fails with the given problem), counting the calls. */
final class FakeAws implements AwsDefaults {

    private final String region;
    private final String account;
    final AtomicInteger regionCalls = new AtomicInteger();
    final AtomicInteger accountCalls = new AtomicInteger();
    volatile String accountAskedIn;

    FakeAws(String region, String account) {
        this.region = region;
        this.account = account;
    }

    /** Knows region {@code us-west-2} and account {@code 111122223333}. */
    static FakeAws standard() {
        return new FakeAws("us-west-2", "111122223333");
    }

    @Override
    public String defaultRegion() {
        regionCalls.incrementAndGet();
        if (region == null) {
            throw new SettingsException("no default region: set regions: in agc.yaml or AWS_REGION");
        }
        return region;
    }

    @Override
    public String account(String askedIn) {
        accountCalls.incrementAndGet();
        accountAskedIn = askedIn;
        if (account == null) {
            throw new SettingsException("no account: set account: in agc.yaml or configure AWS credentials");
        }
        return account;
    }
}
